/**
 * Long polling against the Bot API fake that keeps Telegram's getUpdates semantics (an
 * update stays pending until a later `offset` confirms it; telegram-test-api drops it on
 * fetch, so it cannot show a lost update), in-process. A process stopped mid-turn must get
 * that update again at its next start; handled ones must not come back. An update whose turn
 * was not stored is retried before its chat's next one, never confirmed meanwhile, and given
 * up only when it holds back every other chat while their turns are stored.
 */
import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import type { Api } from 'grammy';
import type { Update } from 'grammy/types';
import { RetryLater, UpdatePoller } from '../../adapters/telegram/poller.ts';
import { BotApiFake } from '../helpers/bot-api-fake.ts';

const logger = pino({ level: 'silent' });
const textOf = (u: Update) => u.message?.text ?? '';

/** The fake in-process; a short long-poll. */
const fakeApi = () => new BotApiFake({ maxPollMs: 5 });

function poller(api: BotApiFake, handle: (u: Update) => Promise<void>, opts: { limit?: number } = {}) {
  return new UpdatePoller({
    api: api as unknown as Api,
    allowedUpdates: ['message'],
    handleUpdate: handle,
    keyOf: (u) => String(u.message?.chat.id),
    logger,
    retryDelayMs: () => 5,
    ...opts,
  });
}

const until = async (cond: () => boolean, what = '') => {
  for (let i = 0; i < 500 && !cond(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(cond(), what).toBe(true);
};

describe('long polling that confirms only what was handled', () => {
  it('handles each update once, in order per chat, and confirms them all at a clean stop', async () => {
    const api = fakeApi();
    const seen: string[] = [];
    for (let i = 0; i < 5; i++) api.say(1, `a${i}`);
    for (let i = 0; i < 5; i++) api.say(2, `b${i}`);
    const p = poller(api, async (u) => {
      await new Promise((r) => setTimeout(r, u.message!.chat.id === 1 ? 3 : 1));
      seen.push(textOf(u));
    });
    p.start();
    await until(() => seen.length === 10);
    await p.stop();
    expect(seen.filter((s) => s.startsWith('a'))).toEqual(['a0', 'a1', 'a2', 'a3', 'a4']);
    expect(seen.filter((s) => s.startsWith('b'))).toEqual(['b0', 'b1', 'b2', 'b3', 'b4']);
    expect(api.pending).toEqual([]);
  });

  it('does not confirm a turn cut short, so the next start handles it again (nothing lost)', async () => {
    const api = fakeApi();
    api.say(1, 'done');
    const stuck = api.say(2, 'in flight');
    const handled: string[] = [];
    const first = poller(api, async (u) => {
      if (u.update_id === stuck) return new Promise<void>(() => {}); // the process dies mid-turn
      handled.push(textOf(u));
    });
    first.start();
    await until(() => handled.includes('done') && first.size() === 1);
    const abort = new AbortController();
    abort.abort(); // shutdown out of time
    await first.stop(abort.signal);
    expect(api.pending.map((u) => u.update_id)).toContain(stuck);

    const again: string[] = [];
    const second = poller(api, async (u) => void again.push(textOf(u)));
    second.start();
    await until(() => again.length === 1);
    await second.stop();
    expect(again).toEqual(['in flight']);
    expect(api.pending).toEqual([]);
  });

  it('keeps taking other chats while one chat is slow, without confirming past it', async () => {
    const api = fakeApi();
    let release!: () => void;
    const slow = new Promise<void>((r) => (release = r));
    const first = api.say(1, 'slow');
    const handled: string[] = [];
    const p = poller(api, async (u) => {
      if (u.update_id === first) await slow;
      handled.push(textOf(u));
    });
    p.start();
    await until(() => p.size() === 1);
    api.say(2, 'fast');
    await until(() => handled.includes('fast'));
    // The slow update is still unconfirmed at Telegram.
    expect(api.pending.some((u) => u.update_id === first)).toBe(true);
    release();
    await until(() => handled.includes('slow'));
    await p.stop();
    expect(api.pending).toEqual([]);
  });

  /** A handler whose turns for `down` chats are not stored (storage down for them) until `up()`. */
  function flaky(down: Set<number>) {
    const stored: string[] = [];
    const attempts = new Map<string, number>();
    const gaveUp: string[] = [];
    const handle = async (u: Update): Promise<void> => {
      const text = textOf(u);
      const turn = async (): Promise<void> => {
        attempts.set(text, (attempts.get(text) ?? 0) + 1);
        if (down.has(u.message!.chat.id)) throw new RetryLater(turn, async () => void gaveUp.push(text));
        stored.push(text);
      };
      await turn();
    };
    return { handle, stored, attempts, gaveUp };
  }

  it('retries an update whose turn was not stored, keeps it unconfirmed and its chat waiting, lets other chats on', async () => {
    const api = fakeApi();
    const down = new Set([1]);
    const h = flaky(down);
    const a0 = api.say(1, 'a0');
    api.say(1, 'a1');
    api.say(2, 'b0');
    api.say(2, 'b1');
    const p = poller(api, h.handle);
    p.start();
    await until(() => h.stored.includes('b1') && (h.attempts.get('a0') ?? 0) >= 3);
    // a0 is retried, not confirmed; a1 waits behind it (order); chat 2 went on.
    expect(h.stored).toEqual(['b0', 'b1']);
    expect(h.attempts.has('a1')).toBe(false);
    expect(api.isConfirmed(a0)).toBe(false);
    down.delete(1);
    await until(() => h.stored.includes('a1'));
    await p.stop();
    expect(h.stored).toEqual(['b0', 'b1', 'a0', 'a1']);
    expect(h.gaveUp).toEqual([]);
    expect(api.pending).toEqual([]);
  });

  it('at stop, leaves an update still being retried unconfirmed, and its chat\'s later ones too; the next start does them in order', async () => {
    const api = fakeApi();
    const down = new Set([1]);
    const h = flaky(down);
    api.say(1, 'a0');
    api.say(2, 'b0');
    api.say(1, 'a1');
    api.say(2, 'b1');
    const first = poller(api, h.handle);
    first.start();
    await until(() => h.stored.includes('b1') && first.retrying() === 1);
    await first.stop();
    // The offset stays at a0: b0 and b1, done, are fetched again (the app's commit takes them for repeats).
    expect(api.pending.map(textOf)).toEqual(['a0', 'b0', 'a1', 'b1']);
    expect(h.attempts.has('a1')).toBe(false);
    down.clear();
    const again = flaky(down);
    const second = poller(api, again.handle);
    second.start();
    await until(() => again.stored.length === 4);
    await second.stop();
    expect(again.stored.filter((t) => t.startsWith('a'))).toEqual(['a0', 'a1']);
    expect(api.pending).toEqual([]);
  });

  it('gives up an update that holds back every other chat (a full page behind it) while others are stored', async () => {
    const api = fakeApi();
    const h = flaky(new Set([1]));
    const stuck = api.say(1, 'a0');
    for (let i = 0; i < 5; i++) api.say(2 + i, `c${i}`);
    const p = poller(api, h.handle, { limit: 3 });
    p.start();
    // Without giving a0 up, c3 and c4 could never be fetched (the offset stays at a0, the page holds 3).
    await until(() => h.stored.length === 5);
    await p.stop();
    expect(h.gaveUp).toEqual(['a0']);
    expect(api.isConfirmed(stuck)).toBe(true);
    expect(api.pending).toEqual([]);
  });

  it('gives nothing up while no turn is stored anywhere (storage down for all): Telegram keeps the updates', async () => {
    const api = fakeApi();
    const down = new Set([1, 2, 3, 4]);
    const h = flaky(down);
    for (let i = 0; i < 4; i++) api.say(1 + i, `d${i}`);
    const p = poller(api, h.handle, { limit: 3 });
    p.start();
    await until(() => (h.attempts.get('d0') ?? 0) >= 4);
    expect(h.gaveUp).toEqual([]);
    expect(api.pending).toHaveLength(4);
    down.clear();
    await until(() => h.stored.length === 4);
    await p.stop();
    expect(h.gaveUp).toEqual([]);
    expect(api.pending).toEqual([]);
  });
});
