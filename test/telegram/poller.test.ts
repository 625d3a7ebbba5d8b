/**
 * Long polling against a Bot API fake that keeps Telegram's getUpdates semantics: an
 * update stays pending until a later `offset` confirms it (telegram-test-api drops it on
 * fetch, so it cannot show a lost update). A process stopped mid-turn must get that update
 * again at its next start; handled ones must not come back.
 */
import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import type { Api } from 'grammy';
import type { Update } from 'grammy/types';
import { UpdatePoller } from '../../adapters/telegram/poller.ts';

class FakeBotApi {
  pending: Update[] = [];
  #next = 1;
  calls = 0;
  push(chat: number, text: string): number {
    const id = this.#next++;
    this.pending.push({ update_id: id, message: { message_id: id, date: 0, chat: { id: chat, type: 'private', first_name: 'B' }, text } } as Update);
    return id;
  }
  /** What grammY's `api.getUpdates` does, with Telegram's confirmation rule. */
  async getUpdates(p: { offset?: number; limit?: number }, signal?: AbortSignal): Promise<Update[]> {
    this.calls += 1;
    if (p.offset !== undefined) this.pending = this.pending.filter((u) => u.update_id >= p.offset!);
    if (this.pending.length === 0) {
      // A short long-poll: a moment, or until aborted.
      await new Promise<void>((r) => {
        const t = setTimeout(r, 5);
        signal?.addEventListener('abort', () => (clearTimeout(t), r()), { once: true });
      });
    }
    return this.pending.slice(0, p.limit ?? 100);
  }
}

const logger = pino({ level: 'silent' });
const textOf = (u: Update) => u.message?.text ?? '';

function poller(api: FakeBotApi, handle: (u: Update) => Promise<void>) {
  return new UpdatePoller({
    api: api as unknown as Api,
    allowedUpdates: ['message'],
    handleUpdate: handle,
    keyOf: (u) => String(u.message?.chat.id),
    logger,
  });
}

const until = async (cond: () => boolean) => {
  for (let i = 0; i < 500 && !cond(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(cond()).toBe(true);
};

describe('long polling that confirms only what was handled', () => {
  it('handles each update once, in order per chat, and confirms them all at a clean stop', async () => {
    const api = new FakeBotApi();
    const seen: string[] = [];
    for (let i = 0; i < 5; i++) api.push(1, `a${i}`);
    for (let i = 0; i < 5; i++) api.push(2, `b${i}`);
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
    const api = new FakeBotApi();
    api.push(1, 'done');
    const stuck = api.push(2, 'in flight');
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
    const api = new FakeBotApi();
    let release!: () => void;
    const slow = new Promise<void>((r) => (release = r));
    const first = api.push(1, 'slow');
    const handled: string[] = [];
    const p = poller(api, async (u) => {
      if (u.update_id === first) await slow;
      handled.push(textOf(u));
    });
    p.start();
    await until(() => p.size() === 1);
    api.push(2, 'fast');
    await until(() => handled.includes('fast'));
    // The slow update is still unconfirmed at Telegram.
    expect(api.pending.some((u) => u.update_id === first)).toBe(true);
    release();
    await until(() => handled.includes('slow'));
    await p.stop();
    expect(api.pending).toEqual([]);
  });
});
