/**
 * Runs the real WeChat messenger inside the composition root (`startService`) on Wechaty's
 * own mock puppet with memory storage, and records what the bot sends, in send order.
 *
 * @example
 * const wx = await startMockWechat();
 * const alice = wx.contact('Alice');
 * wx.say(alice, '我的快递有问题');
 * await wx.waitForText(alice, /订单号/);
 */
import { pino, type Logger } from 'pino';
import { types } from 'wechaty';
import { PuppetMock, mock } from 'wechaty-puppet-mock';
import { createWechatMessenger } from '../../adapters/wechat/run.ts';
import { startService } from '../../src/app/service.ts';
import type { Wechaty } from 'wechaty';
import type { Assistant } from '../../src/app/assistant.ts';
import { ManualClock } from '../../src/app/clock.ts';
import { MemorySessionStore } from '../../src/store/memory-session-store.ts';
import { MemoryScheduler } from '../../src/schedule/memory-scheduler.ts';

type ContactMock = ReturnType<mock.Mocker['createContact']>;
type RoomMock = ReturnType<mock.Mocker['createRoom']>;

export interface Sent {
  /** Contact id (private chat) or room id. */
  to: string;
  text: string;
}

export interface MockWechat {
  wx: { bot: Wechaty; assistant: Assistant; stop(): Promise<void> };
  mocker: mock.Mocker;
  puppet: PuppetMock;
  store: MemorySessionStore;
  scheduler: MemoryScheduler;
  clock: ManualClock;
  /** The logged-in bot account. */
  self: ContactMock;
  /** Everything the bot sent, in order. */
  sent: Sent[];
  /** Every log line (parsed pino JSON). */
  logs: Record<string, unknown>[];
  contact(name: string): ContactMock;
  room(topic: string, members: ContactMock[]): RoomMock;
  /** A contact writes to the bot in a private chat. */
  say(from: ContactMock, text: string): void;
  /** A contact sends a non-text message (image, sticker…) to the bot. Returns the message id. */
  send(from: ContactMock, type: types.Message, opts?: { timestamp?: number; text?: string }): string;
  /** What the bot sent to `to` (a contact or a room), in order. */
  textsTo(to: { id: string }): string[];
  /** Wait (≤ timeoutMs) until the bot has sent `to` at least `count` messages in total, return them all. */
  waitForCount(to: { id: string }, count: number, timeoutMs?: number): Promise<string[]>;
  /** Wait (≤ timeoutMs) for a message to `to`, sent after the first `after` ones, that matches `re`. */
  waitForText(to: { id: string }, re: RegExp, opts?: { after?: number; timeoutMs?: number }): Promise<string>;
  /**
   * `from` writes `text` (or sends `type`), then wait for the bot's answer: at least one
   * new message, then no more for `quietMs`. Returns the new messages to `from`.
   */
  exchange(from: ContactMock, text: string | types.Message, quietMs?: number): Promise<string[]>;
  stop(): Promise<void>;
}

/** Poll `check` every 20 ms until it returns a value (not undefined) or `timeoutMs` passes. */
export async function eventually<T>(check: () => T | undefined, timeoutMs = 5_000, what = 'condition'): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = check();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

let seq = 0;

export interface MockWechatOptions {
  /** Start of the dialogue clock. */
  start?: string;
  store?: MemorySessionStore;
  /** Runs before the bot starts (create contacts, leave batches in the outbox…). */
  setup?: (m: { mocker: mock.Mocker; store: MemorySessionStore }) => Promise<void> | void;
}

export async function startMockWechat(opts: MockWechatOptions = {}): Promise<MockWechat> {
  const mocker = new mock.Mocker();
  const puppet = new PuppetMock({ mocker });
  const store = opts.store ?? new MemorySessionStore();
  await opts.setup?.({ mocker, store });
  const scheduler = new MemoryScheduler();
  const clock = new ManualClock(opts.start ?? '2026-11-22T10:00:00+08:00');
  const logs: Record<string, unknown>[] = [];
  const logger: Logger = pino({ level: 'debug' }, { write: (line: string) => void logs.push(JSON.parse(line)) });

  const sent: Sent[] = [];
  let selfId = '';
  // Puppet events fire synchronously inside `say`, so this sees the bot's messages in send order.
  puppet.on('message', ({ messageId }) => {
    const p = mocker.messagePayload(messageId) as { talkerId?: string; listenerId?: string; roomId?: string; text?: string };
    if (p.talkerId !== selfId || selfId === '') return;
    sent.push({ to: p.roomId ?? p.listenerId ?? '', text: p.text ?? '' });
  });

  const wechat = createWechatMessenger({
    puppet: 'wechaty-puppet-mock',
    name: `shouhou-test-${process.pid}-${++seq}`,
    logger,
    puppetInstance: puppet,
    sendGapMs: 0,
  });
  const svc = await startService({
    storage: { store, scheduler },
    messengers: [wechat],
    logger,
    timezone: 'Asia/Shanghai',
    clock,
    reminderPollMs: 50,
  });
  const wx = { bot: wechat.bot, assistant: svc.assistant, stop: async () => void (await svc.stop()) };

  mocker.scan('https://login.weixin.qq.com/l/mock-qr', types.ScanStatus.Waiting);
  const self = mocker.createContact({ name: '售后帮' });
  selfId = self.id;
  mocker.login(self);
  await eventually(() => (wx.bot.isLoggedIn ? true : undefined), 5_000, 'login');

  const textsTo = (to: { id: string }) => sent.filter((s) => s.to === to.id).map((s) => s.text);
  const waitForCount = (to: { id: string }, count: number, timeoutMs = 5_000) =>
    eventually(() => {
      const all = textsTo(to);
      return all.length >= count ? all : undefined;
    }, timeoutMs, `${count} messages to ${to.id}`);
  const send = (from: ContactMock, type: types.Message, o: { timestamp?: number; text?: string } = {}) => {
    const id = `m-${process.pid}-${++seq}`;
    const m = mocker.MessageMock.create({
      id, talkerId: from.id, listenerId: self.id, timestamp: o.timestamp ?? Date.now(), type, text: o.text ?? '',
    } as never);
    puppet.emit('message', { messageId: m.id });
    return id;
  };

  return {
    wx, mocker, puppet, store, scheduler, clock, self, sent, logs,
    contact: (name) => mocker.createContact({ name }),
    room: (topic, members) => mocker.createRoom({ topic, memberIdList: [self.id, ...members.map((m) => m.id)] }),
    say: (from, text) => from.say(text).to(self),
    send,
    textsTo,
    waitForCount,
    waitForText: (to, re, o = {}) =>
      eventually(() => textsTo(to).slice(o.after ?? 0).find((s) => re.test(s)), o.timeoutMs ?? 5_000, `a message to ${to.id} matching ${re}`),
    async exchange(from, what, quietMs = 250) {
      const before = textsTo(from).length;
      if (typeof what === 'string') from.say(what).to(self);
      else send(from, what);
      await waitForCount(from, before + 1);
      let count = textsTo(from).length;
      let stableSince = Date.now();
      await eventually(() => {
        const now = textsTo(from).length;
        if (now !== count) {
          count = now;
          stableSince = Date.now();
        }
        return Date.now() - stableSince >= quietMs ? true : undefined;
      }, 5_000, `the bot to finish answering ${from.id}`);
      return textsTo(from).slice(before);
    },
    async stop() {
      await wx.stop();
    },
  };
}
