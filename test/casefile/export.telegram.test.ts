/**
 * The case file through Telegram: the real bot inside the composition root (long polling) against the Bot API
 * emulator over loopback HTTP. The buyer reports the problem, sends two photos and the seller's
 * promise, types /export, and gets a PDF document uploaded with `sendDocument`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { startTelegramApp, type TelegramApp } from '../telegram/service.ts';
import { commandMenu } from '../../adapters/telegram/bot.ts';
import { MemorySessionStore } from '../../src/store/memory-session-store.ts';
import { MemoryScheduler } from '../../src/schedule/memory-scheduler.ts';
import { ManualClock } from '../../src/app/clock.ts';
import { emulatorQuirks, startEmulator, type Emulator, type EmulatorQuirks } from '../helpers/telegram-emulator.ts';
import { pdfText, squashed, STORY, STORY_EXPORT_AT, STORY_FACTS, STORY_ORDER } from '../helpers/casefile-story.ts';

let emu: Emulator;
let quirks: EmulatorQuirks;
let tg: TelegramApp;
const clock = new ManualClock(STORY[0].at);

beforeAll(async () => {
  emu = await startEmulator();
  quirks = emulatorQuirks();
  tg = await startTelegramApp({
    emu,
    quirks,
    store: new MemorySessionStore(),
    scheduler: new MemoryScheduler(),
    logger: pino({ level: process.env.TEST_LOG ?? 'silent' }),
    clock,
  });
});

afterAll(async () => {
  await tg?.stop();
  await emu?.stop();
});

describe('/export in Telegram', () => {
  it('uploads the case file as a document with a caption, holding the story\'s facts', async () => {
    const buyer = emu.user(7101, { languageCode: 'zh-hans' });
    const settle = () => emu.settle(() => tg.telegram.pending());
    for (const ev of STORY) {
      clock.set(ev.at);
      if ('photo' in ev) await buyer.photo(ev.photo);
      else await buyer.say(ev.text);
      await settle();
    }
    clock.set(STORY_EXPORT_AT);
    await buyer.command('/export');
    await settle();

    const calls = quirks.calls.filter((c) => c.method === 'sendDocument');
    expect(calls).toHaveLength(1);
    const docs = emu.documents(buyer.id);
    expect(docs).toHaveLength(1);
    const doc = docs[0]!;
    expect(doc.fileName).toBe(`shouhou-case-${STORY_ORDER}-20261123.pdf`);
    expect(doc.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(doc.caption).toContain(STORY_ORDER);
    // The document is a message in the chat like any other, after the replies to the story.
    expect(buyer.inbox().at(-1)!.raw).toMatchObject({ document: { file_name: doc.fileName } });

    const text = squashed(pdfText(doc.bytes));
    expect(text).toContain(STORY_ORDER);
    expect(text).toContain(`买家的诉求${STORY_FACTS.wish}`);
    for (const fact of STORY_FACTS.captions) expect(text).toContain(squashed(fact));
    expect(text).toContain(squashed(`卖家答应在${STORY_FACTS.promiseDeadline}前`));
    expect(text).toContain(squashed('您好，我的订单号是 3928817465520193847。'));
  });

  it('lists /export in the command menu, in both languages', () => {
    expect(commandMenu('zh-CN').find((c) => c.command === 'export')?.description).toMatch(/案卷/);
    expect(commandMenu('en').find((c) => c.command === 'export')?.description).toMatch(/case file/);
  });
});
