/**
 * The case file through Redis: the story told in one scripted-chat process, /export in the next.
 * The `file` message waits in the Redis outbox as JSON (the case snapshot, not bytes) and is
 * rendered when delivered.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { runChat } from '../helpers/cli.ts';
import { pdfText, squashed, STORY, STORY_EXPORT_AT, STORY_FACTS, STORY_ORDER } from '../helpers/casefile-story.ts';

const redisUrl = inject('redisUrl');

describe.skipIf(!redisUrl)('/export with REDIS_URL (separate processes)', () => {
  it('exports in a second process the case told in the first', () => {
    const env = { REDIS_URL: `${redisUrl}/10`, CHAT_FILES_DIR: mkdtempSync(join(tmpdir(), 'shouhou-chat-redis-')) };
    const user = `casefile-${process.pid}`;
    const first = runChat(STORY.map((e) => ({ ...e, user })), env);
    expect(first.status, first.stderr).toBe(0);
    const second = runChat([{ at: STORY_EXPORT_AT, user, text: '/export' }], env);
    expect(second.status, second.stderr).toBe(0);
    const file = second.lines.find((l) => l.kind === 'file') as { path?: string } | undefined;
    expect(file?.path).toBeTruthy();
    const text = squashed(pdfText(readFileSync(file!.path!)));
    expect(text).toContain(STORY_ORDER);
    for (const fact of STORY_FACTS.captions) expect(text).toContain(squashed(fact));
    expect(text).toContain(squashed(STORY_FACTS.promiseDeadline));
  });
});
