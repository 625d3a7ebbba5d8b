/**
 * The whole story through Telegram: the real bot object inside the composition root
 * (`startService`, long polling that confirms updates once handled) against the Bot API emulator over loopback HTTP, the real engine,
 * memory storage and a manual clock for reminders. Buyers are played by the test, as a
 * new user would: free text, button presses, a photo, commands.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTelegramApp, type TelegramApp } from './service.ts';
import { CALLBACK_DATA_MAX_BYTES } from '../../adapters/telegram/translate.ts';
import { MemorySessionStore } from '../../src/store/memory-session-store.ts';
import { MemoryScheduler } from '../../src/schedule/memory-scheduler.ts';
import { ManualClock } from '../../src/app/clock.ts';
import {
  BOT_USERNAME, emulatorQuirks, startEmulator, type BotMessage, type Emulator, type EmulatorQuirks, type TestUser,
} from '../helpers/telegram-emulator.ts';
import { assertTelegramHtml, checkTelegramHtml } from './telegram-html.ts';

const ORDER = '241103-572918364502817';
const HOUR = 3_600_000;

interface App {
  emu: Emulator;
  quirks: EmulatorQuirks;
  tg: TelegramApp;
  clock: ManualClock;
  store: MemorySessionStore;
  scheduler: MemoryScheduler;
  settle(): Promise<void>;
  stop(): Promise<void>;
}

async function startApp(): Promise<App> {
  const emu = await startEmulator();
  const quirks = emulatorQuirks();
  const clock = new ManualClock('2026-11-22T10:00:00+08:00');
  const store = new MemorySessionStore();
  const scheduler = new MemoryScheduler();
  const tg = await startTelegramApp({ emu, quirks, store, scheduler, clock });
  return {
    emu, quirks, tg, clock, store, scheduler,
    settle: () => emu.settle(() => tg.telegram.pending() + tg.svc.inFlight()),
    async stop() {
      await tg.stop();
      await emu.stop();
    },
  };
}

const plain = (m: BotMessage) => checkTelegramHtml(m.text).plain;
const buttons = (m: BotMessage) => (m.replyMarkup?.inline_keyboard ?? []).flat() as { text: string; callback_data: string }[];
/** The message carrying buttons for `slot` (callback_data `c|<slot>|…`). */
function withButtonsFor(msgs: BotMessage[], slot: string): BotMessage {
  const m = msgs.find((x) => buttons(x).some((b) => b.callback_data.startsWith(`c|${slot}|`)));
  if (!m) throw new Error(`no message with ${slot} buttons among:\n${msgs.map(plain).join('\n---\n')}`);
  return m;
}
const pre = (m: BotMessage) => [...m.text.matchAll(/<pre>([\s\S]*?)<\/pre>/g)].map((x) => checkTelegramHtml(x[1]!).plain);

/** Every message the bot sent in this emulator is valid for Telegram's HTML parse mode. */
function expectAllValidHtml(emu: Emulator): number {
  const all = emu.server.storage.botMessages.filter((m) => m.botToken === emu.token);
  for (const m of all) {
    expect((m.message as { parse_mode?: string }).parse_mode).toBe('HTML');
    assertTelegramHtml(String((m.message as { text?: string }).text ?? ''));
    for (const b of ((m.message as { reply_markup?: { inline_keyboard?: { callback_data?: string }[][] } }).reply_markup?.inline_keyboard ?? []).flat()) {
      expect(Buffer.byteLength(b.callback_data ?? '', 'utf8')).toBeLessThanOrEqual(CALLBACK_DATA_MAX_BYTES);
    }
  }
  return all.length;
}

describe('a buyer\'s whole story, through the Telegram emulator', () => {
  let app: App;
  let buyer: TestUser;
  beforeAll(async () => {
    app = await startApp();
    buyer = app.emu.user(3001, { languageCode: 'zh-hans' });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('registers the command menu in both languages at start', async () => {
    await vi.waitFor(() => {
      const menus = app.quirks.calls.filter((c) => c.method === 'setMyCommands');
      expect(menus.map((c) => c.payload.language_code)).toEqual([undefined, 'zh', 'en']);
    });
  });

  it('greets on /start', async () => {
    await buyer.command('/start');
    await app.settle();
    const news = buyer.news();
    expect(news.length).toBeGreaterThan(0);
    expect(plain(news[0]!)).toContain('售后帮');
  });

  it('from "我的快递有问题" asks for the order number, then the problem, with buttons', async () => {
    await buyer.say('我的快递有问题');
    await app.settle();
    expect(buyer.news().map(plain).join('\n')).toContain('订单号');

    await buyer.say(`订单号 ${ORDER}，拼多多买的`);
    await app.settle();
    const q = withButtonsFor(buyer.news(), 'problem');
    expect(buttons(q).map((b) => b.text)).toContain('运输破损');
  });

  it('a button press answers the problem: query answered, the choice marked on the message', async () => {
    const problemQ = withButtonsFor(buyer.inbox(), 'problem');
    const before = app.quirks.calls.length;
    await buyer.press(problemQ, '运输破损');
    await app.settle();
    const calls = app.quirks.calls.slice(before).map((c) => c.method);
    expect(calls.slice(0, 2)).toEqual(['answerCallbackQuery', 'editMessageText']);
    // The keyboard message now shows the choice and has no buttons left.
    const edited = buyer.inbox().find((m) => m.messageId === problemQ.messageId)!;
    expect(edited.text.endsWith('✓ 运输破损')).toBe(true);
    expect(edited.replyMarkup).toEqual({ inline_keyboard: [] });
    // Next: what the buyer wants, with buttons too.
    const wantsQ = withButtonsFor(buyer.news(), 'wants');
    expect(buttons(wantsQ).map((b) => b.text)).toEqual(['退款', '退货退款', '换货', '维修', '补发', '赔偿 / 部分退款']);
  });

  it('a typed answer completes the case: checklist and the seller draft in a copyable block', async () => {
    await buyer.say('退款');
    await app.settle();
    const news = buyer.news();
    const all = news.map(plain).join('\n');
    expect(all).toContain('三要素齐了');
    expect(all).toContain('☐'); // the evidence checklist
    const drafts = news.filter((m) => m.text.includes('<pre>'));
    expect(drafts, all).toHaveLength(1);
    const body = pre(drafts[0]!).join('\n');
    expect(body).toContain(`订单号是 ${ORDER}`);
    expect(body).toContain('退款');
    // The intro stays outside the block, so the buyer copies exactly the text for the seller.
    expect(body).not.toContain('发给卖家的消息');
    expect(plain(drafts[0]!)).toContain('发给卖家的消息');
  });

  it('logs a photo as evidence (its caption\'s HTML arriving escaped), and /status shows it', async () => {
    app.clock.advance(5 * 60_000);
    const caption = '外箱破损 <b>压扁</b> & "漏水"';
    const fileId = await buyer.photo(caption);
    await app.settle();
    const logged = buyer.news().find((m) => plain(m).includes('📎'));
    expect(plain(logged!)).toContain(caption);
    expect(logged!.text).toContain('外箱破损 &lt;b&gt;压扁&lt;/b&gt; &amp; &quot;漏水&quot;');
    expect(logged!.text).not.toContain('<b>');
    const state = (await app.store.load('tg:3001')).state!;
    expect(state.active!.evidence).toEqual([expect.objectContaining({ kind: 'photo', caption, fileId })]);

    await buyer.command('/status');
    await app.settle();
    const status = buyer.news().map(plain).join('\n');
    expect(status).toContain(ORDER);
    expect(status).toContain('证据：已收到 1 件');
    expect(status).toContain('还缺');
  });

  it('answers the same update delivered twice only once', async () => {
    await buyer.command('/status');
    app.emu.redeliverLast();
    await app.settle();
    expect(buyer.news()).toHaveLength(1);
  });

  it('turns a seller\'s promise into a reminder that arrives through Telegram when due', async () => {
    await buyer.say('卖家说24小时内处理');
    await app.settle();
    expect(buyer.news().map(plain).join('\n')).toContain('提醒');
    expect(await app.scheduler.nextDueAt()).not.toBeNull();

    app.clock.advance(26 * HOUR);
    expect(await app.tg.svc.assistant.fireDue()).toBe(1);
    const nudge = buyer.news();
    expect(nudge.map(plain).join('\n')).toContain('⏰');
    // The platform-intervention text comes as a copyable block too, citing the photo's caption escaped.
    const platformDraft = nudge.find((m) => m.text.includes('<pre>'));
    expect(platformDraft).toBeDefined();
    expect(pre(platformDraft!).join('\n')).toContain('外箱破损 <b>压扁</b> & "漏水"');
  });

  it('in a group, answers a mention with one line pointing to a private chat, no case details', async () => {
    const g = app.emu.group(-1001234567890, 3001);
    await g.say(`@${BOT_USERNAME} /status 我的订单 ${ORDER} 怎么样了`);
    await app.settle();
    const sent = g.inbox();
    expect(sent).toHaveLength(1);
    const line = plain(sent[0]!);
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toContain(`https://t.me/${BOT_USERNAME}`);
    expect(line).not.toContain(ORDER);
    expect(line).not.toContain('外箱');
  });

  it('/forget deletes everything only after the buyer confirms', async () => {
    await buyer.command('/forget');
    await app.settle();
    const confirm = withButtonsFor(buyer.news(), 'confirmForget');
    expect((await app.store.load('tg:3001')).state).not.toBeNull();

    await buyer.press(confirm, '对');
    await app.settle();
    expect(buyer.news().map(plain).join('\n')).toContain('已删除');
    expect((await app.store.load('tg:3001')).state).toBeNull();
    expect(await app.scheduler.nextDueAt()).toBeNull();

    await buyer.command('/status');
    await app.settle();
    expect(buyer.news().map(plain).join('\n')).not.toContain(ORDER);
  });

  it('answers a burst of buyers writing at once, none dropped', async () => {
    const crowd = Array.from({ length: 12 }, (_, i) => app.emu.user(3100 + i));
    await Promise.all(crowd.map((u) => u.say('我的快递有问题')));
    await app.settle();
    for (const u of crowd) expect(u.news().length).toBeGreaterThan(0);
  });

  it('sent only valid Telegram HTML, the whole way', () => {
    expect(expectAllValidHtml(app.emu)).toBeGreaterThan(20);
  });
});

describe('a buyer who blocked the bot', () => {
  let app: App;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('gets their reminders cancelled when Telegram answers 403', async () => {
    const u = app.emu.user(3201);
    for (const text of [`订单号 ${ORDER}，淘宝买的，不想要了，想退货退款`, '11月21日签收的', '卖家说24小时内处理']) {
      await u.say(text);
      await app.settle();
    }
    const reminders = (await app.store.load('tg:3201')).state!.active!.reminders;
    expect(reminders.length).toBeGreaterThanOrEqual(2);

    const attempts = () => app.quirks.calls.filter((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === 3201).length;
    const before = attempts();
    const seen = app.emu.sent(3201).length;
    app.quirks.blocked.add(3201);
    app.clock.advance(26 * HOUR);
    expect(await app.tg.svc.assistant.fireDue()).toBe(1);
    expect(attempts()).toBe(before + 1); // it tried once and got 403…
    expect(app.emu.sent(3201)).toHaveLength(seen);
    // …and every other reminder of this buyer is gone, so nothing is sent later either.
    app.clock.advance(30 * 24 * HOUR);
    expect(await app.scheduler.claimDue(app.clock.now(), 60_000)).toEqual([]);
  });
});
