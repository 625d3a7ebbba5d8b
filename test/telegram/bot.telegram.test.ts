/**
 * The grammY wiring against the Bot API emulator, with a stand-in for the app that
 * echoes what it received: proves the adapter's own duties (translation over real HTTP,
 * buttons, dedup, groups, flooding, throttling, 403) independently of the engine.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { run, type RunnerHandle } from '@grammyjs/runner';
import { createTelegramBot, type TelegramBot } from '../../adapters/telegram/bot.ts';
import { userIdFor } from '../../adapters/telegram/translate.ts';
import type { Inbound, Outbound } from '../../src/domain/index.ts';
import { errorKind } from '../../src/domain/errors.ts';
import { EMULATOR_POLL_PAUSE_MS, emulatorQuirks, startEmulator, BOT_USERNAME, type Emulator, type EmulatorQuirks } from '../helpers/telegram-emulator.ts';
import { assertTelegramHtml, checkTelegramHtml } from './telegram-html.ts';

/** What the stand-in app answers: enough to see every inbound kind come back. */
function echo(inbound: Inbound): Outbound[] {
  switch (inbound.type) {
    case 'text':
      return [{
        kind: 'question', slot: 'problem', text: `你说：${inbound.text}`,
        options: [{ label: '运输破损', value: 'damaged' }, { label: '其他', value: 'other' }],
      }];
    case 'choice':
      return [{ kind: 'info', text: `选择 ${inbound.slot}=${inbound.value}` }];
    case 'media':
      return [{ kind: 'info', text: `收到 ${inbound.kind} ${inbound.fileId} 「${inbound.caption}」` }];
    case 'command':
      return [{ kind: 'info', text: `命令 ${inbound.command} ${inbound.arg ?? ''}`.trim() }];
    case 'unsupported':
      return [{ kind: 'error', text: `不支持 ${inbound.what}` }];
    case 'tick':
      return [];
  }
}

let emu: Emulator;
let quirks: EmulatorQuirks;
let tg: TelegramBot;
let runner: RunnerHandle;
const handled: { userId: string; inbound: Inbound }[] = [];
const deliveryErrors: unknown[] = [];
const FLOOD_LIMIT = 3;

beforeAll(async () => {
  emu = await startEmulator();
  quirks = emulatorQuirks();
  tg = createTelegramBot({
    token: emu.token,
    apiRoot: emu.apiRoot,
    logger: pino({ level: 'silent' }),
    apiTransformers: [quirks.transformer],
    emptyPollPauseMs: EMULATOR_POLL_PAUSE_MS,
    flood: { timeFrameMs: 60_000, limit: FLOOD_LIMIT },
    handle: async (userId, inbound) => {
      handled.push({ userId, inbound });
      try {
        await tg.deliver(userId, echo(inbound), { locale: 'zh-CN' });
      } catch (err) {
        deliveryErrors.push(err);
      }
    },
  });
  await tg.bot.init();
  await tg.registerCommands();
  runner = run(tg.bot);
});

afterAll(async () => {
  if (runner?.isRunning()) await runner.stop();
  await emu?.stop();
});

beforeEach(() => {
  handled.length = 0;
  deliveryErrors.length = 0;
});

const settle = () => emu.settle(() => runner.size());

describe('Telegram adapter over HTTP (stand-in app)', () => {
  it('registers the command menu in Chinese (default and zh) and English', () => {
    const menus = quirks.calls.filter((c) => c.method === 'setMyCommands');
    expect(menus.map((c) => c.payload.language_code)).toEqual([undefined, 'zh', 'en']);
    const en = menus[2]!.payload.commands as { command: string }[];
    expect(en.map((c) => c.command)).toEqual(['start', 'new', 'status', 'cases', 'export', 'cancel', 'forget', 'lang', 'help']);
  });

  it('hands text over verbatim and sends the answer as escaped HTML with buttons', async () => {
    const u = emu.user(1001);
    await u.say('快递 <b>坏了</b> & "盒子" \'扁了\'');
    await settle();
    expect(handled).toEqual([{ userId: userIdFor(1001), inbound: { type: 'text', text: '快递 <b>坏了</b> & "盒子" \'扁了\'' } }]);
    const [reply, ...more] = u.news();
    expect(more).toEqual([]);
    expect(reply!.parseMode).toBe('HTML');
    assertTelegramHtml(reply!.text);
    expect(reply!.text).toBe('你说：快递 &lt;b&gt;坏了&lt;/b&gt; &amp; &quot;盒子&quot; \'扁了\'');
    expect(checkTelegramHtml(reply!.text).plain).toBe('你说：快递 <b>坏了</b> & "盒子" \'扁了\'');
    expect(reply!.replyMarkup!.inline_keyboard.flat().map((b) => b.text)).toEqual(['运输破损', '其他']);
  });

  it('turns a button press into a choice, answers the query and marks the choice on the message', async () => {
    const u = emu.user(1002);
    await u.say('有问题');
    await settle();
    const [question] = u.news();
    const before = quirks.calls.length;
    await u.press(question!, '运输破损');
    await settle();
    expect(handled.at(-1)).toEqual({ userId: userIdFor(1002), inbound: { type: 'choice', slot: 'problem', value: 'damaged' } });
    const methods = quirks.calls.slice(before).map((c) => c.method);
    expect(methods).toEqual(['answerCallbackQuery', 'editMessageText', 'sendMessage']);
    const edited = u.inbox().find((m) => m.messageId === question!.messageId)!;
    expect(edited.text.endsWith('\n\n✓ 运输破损')).toBe(true);
    expect(edited.replyMarkup).toEqual({ inline_keyboard: [] });
    expect(u.news().map((m) => m.text)).toEqual(['选择 problem=damaged']);
  });

  it('logs a photo by file id and caption, and calls a sticker unsupported', async () => {
    const u = emu.user(1003);
    const fileId = await u.photo('外箱破损 <压扁>');
    await settle();
    await u.sticker();
    await settle();
    expect(handled.map((h) => h.inbound)).toEqual([
      { type: 'media', kind: 'photo', caption: '外箱破损 <压扁>', fileId },
      { type: 'unsupported', what: 'sticker' },
    ]);
    const texts = u.news().map((m) => m.text);
    expect(texts).toEqual([`收到 photo ${fileId} 「外箱破损 &lt;压扁&gt;」`, '不支持 sticker']);
  });

  it('passes commands with their argument', async () => {
    const u = emu.user(1004);
    await u.command('/lang en');
    await u.command(`/status@${BOT_USERNAME}`);
    await settle();
    expect(handled.map((h) => h.inbound)).toEqual([
      { type: 'command', command: 'lang', arg: 'en' },
      { type: 'command', command: 'status' },
    ]);
  });

  it('answers the same update only once', async () => {
    const u = emu.user(1005);
    await u.say('第一次');
    emu.redeliverLast();
    emu.redeliverLast();
    await settle();
    expect(handled).toHaveLength(1);
    expect(u.news()).toHaveLength(1);
  });

  it('in a group answers a mention with one pointer to a private chat and nothing else', async () => {
    const g = emu.group(-100200300, 1006);
    await g.say(`@${BOT_USERNAME} 我的快递有问题，订单 241103-572918364502817`);
    await g.say('大家好，今天天气不错');
    await g.say('/status');
    await settle();
    expect(handled).toEqual([]);
    const sent = g.inbox();
    expect(sent).toHaveLength(2); // the mention and our /status command; small talk is ignored
    for (const m of sent) {
      assertTelegramHtml(m.text);
      expect(m.text).toContain(`https://t.me/${BOT_USERNAME}`);
      expect(m.text).not.toContain('241103');
      expect(m.text.split('\n')).toHaveLength(1);
      expect(m.replyMarkup).toBeUndefined();
    }
  });

  it('answers a flooding buyer once with a polite notice and drops the rest', async () => {
    const u = emu.user(1007, { languageCode: 'en' });
    for (let i = 0; i < FLOOD_LIMIT + 5; i++) await u.say(`msg ${i}`);
    await settle();
    expect(handled).toHaveLength(FLOOD_LIMIT);
    const texts = u.news().map((m) => m.text);
    const notices = texts.filter((t) => t.includes('a lot of messages'));
    expect(notices).toHaveLength(1);
    expect(texts).toHaveLength(FLOOD_LIMIT + 1);
  });

  it('reports a user who blocked the bot as `blocked`', async () => {
    const u = emu.user(1008);
    quirks.blocked.add(1008);
    await u.say('hello');
    await settle();
    expect(deliveryErrors.map(errorKind)).toEqual(['blocked']);
    expect(u.inbox()).toEqual([]);
    quirks.blocked.delete(1008);
  });

  it('spreads a burst to one chat out (≈1/s after a short burst) without dropping any', async () => {
    const u = emu.user(1009);
    const many: Outbound[] = Array.from({ length: 5 }, (_, i) => ({ kind: 'nudge', text: `提醒 ${i + 1}` }));
    const t0 = Date.now();
    await tg.deliver(userIdFor(1009), many, { locale: 'zh-CN' });
    const elapsed = Date.now() - t0;
    expect(u.news().map((m) => m.text)).toEqual(['提醒 1', '提醒 2', '提醒 3', '提醒 4', '提醒 5']);
    // 3 at once, then one per second.
    expect(elapsed).toBeGreaterThanOrEqual(1_500);
  });

  it('delivers a burst across many chats within the global limit, none dropped', async () => {
    // A fresh bot, so its global bucket starts full and refills one second after creation.
    const t0 = Date.now();
    const fresh = createTelegramBot({
      token: emu.token, apiRoot: emu.apiRoot, logger: pino({ level: 'silent' }),
      apiTransformers: [quirks.transformer], handle: async () => undefined,
    });
    const ids = Array.from({ length: 40 }, (_, i) => 2000 + i);
    await Promise.all(ids.map((id) => fresh.deliver(userIdFor(id), [{ kind: 'nudge', text: `提醒 ${id}` }], { locale: 'zh-CN' })));
    for (const id of ids) expect(emu.sent(id).map((m) => m.text)).toEqual([`提醒 ${id}`]);
    // 30 go out at once; the other 10 wait for the refill a second later.
    const times = emu.server.storage.botMessages
      .filter((m) => ids.includes(Number(m.message.chat_id)))
      .map((m) => m.time - t0)
      .sort((a, b) => a - b);
    expect(times).toHaveLength(40);
    expect(times[29]!).toBeLessThan(900);
    expect(times[30]!).toBeGreaterThanOrEqual(950);
  });
});
