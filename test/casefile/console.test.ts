/**
 * The case file in the terminal chat (the console messenger in the composition root): a terminal has no upload, so /export writes
 * the PDF into a folder and prints its path. The terminal takes text only, so the story's photos
 * are put in the buyer's stored state first, as a conversation begun elsewhere would leave them.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createConsoleMessenger } from '../../adapters/console/run.ts';
import { startService } from '../../src/app/service.ts';
import { freshState, step } from '../../src/engine/engine.ts';
import { MemorySessionStore } from '../../src/store/memory-session-store.ts';
import { MemoryScheduler } from '../../src/schedule/memory-scheduler.ts';
import { ManualClock } from '../../src/app/clock.ts';
import type { Inbound, UserState } from '../../src/domain/index.ts';
import { pdfText, squashed, STORY, STORY_EXPORT_AT, STORY_FACTS, STORY_ORDER } from '../helpers/casefile-story.ts';

function storyState(userId: string): UserState {
  let state = freshState(userId);
  for (const ev of STORY) {
    const inbound: Inbound = 'photo' in ev ? { type: 'media', kind: 'photo', caption: ev.photo, fileId: null } : { type: 'text', text: ev.text };
    state = step(state, inbound, new Date(ev.at), { timezone: 'Asia/Shanghai' }).state;
  }
  return state;
}

describe('/export in the terminal chat', () => {
  it('writes the PDF into the folder and prints its path after the caption', async () => {
    const store = new MemorySessionStore();
    await store.transact('console', () => ({ state: storyState('console'), messages: [], schedule: [], locale: 'zh-CN' }));
    const dir = mkdtempSync(join(tmpdir(), 'shouhou-console-test-'));
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (c: Buffer) => (printed += c.toString()));
    input.end('/export\n');
    const terminal = createConsoleMessenger({ input, output, filesDir: dir });
    const svc = await startService({
      storage: { store, scheduler: new MemoryScheduler() },
      messengers: [terminal],
      logger: pino({ level: 'silent' }),
      timezone: 'Asia/Shanghai',
      clock: new ManualClock(STORY_EXPORT_AT),
      reminderPollMs: 3_600_000,
      health: null,
    });
    await terminal.done;
    await svc.stop();
    const path = join(dir, `shouhou-case-${STORY_ORDER}-20261123.pdf`);
    expect(printed).toContain(`📁 ${path}`);
    expect(printed).toMatch(/案卷（订单 3928817465520193847）已生成/);

    const text = squashed(pdfText(readFileSync(path)));
    expect(text).toContain(STORY_ORDER);
    expect(text).toContain(`买家的诉求${STORY_FACTS.wish}`);
    for (const fact of STORY_FACTS.captions) expect(text).toContain(squashed(fact));
    expect(text).toContain(squashed(`卖家答应在${STORY_FACTS.promiseDeadline}前`));
    expect(text).toContain(squashed('您好，我的订单号是 3928817465520193847。'));
  });
});
