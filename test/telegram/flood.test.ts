/**
 * The flood limiter: one notice per window, counters keyed by bot, a window that passes
 * even when an expiry was never set, and updates let through when the counters fail
 * (Redis down: the turn then apologises instead of the buyer hearing nothing).
 */
import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import type { Context } from 'grammy';
import { floodLimiter, memoryWindowCounters } from '../../adapters/telegram/flood.ts';
import type { WindowCounters } from '../../src/store/seen-ids.ts';

const logger = pino({ level: 'silent' });
const ctx = (userId: number) => ({ from: { id: userId } }) as unknown as Context;

function harness(counters: WindowCounters, botId = '111') {
  let now = 1_000_000;
  const passed: number[] = [];
  const notices: number[] = [];
  const mw = floodLimiter({
    limit: { timeFrameMs: 10_000, limit: 2 },
    counters,
    botId,
    logger,
    now: () => now,
    onLimitExceeded: async (c) => void notices.push(c.from!.id),
  });
  const send = (userId: number) => mw(ctx(userId), async () => void passed.push(userId));
  return { send, passed, notices, advance: (ms: number) => (now += ms) };
}

describe('the flood limiter', () => {
  it('counts an update posted again (a webhook answered 500) once: retries never push the buyer over the limit', async () => {
    const passed: number[] = [];
    const notices: number[] = [];
    const mw = floodLimiter({
      limit: { timeFrameMs: 10_000, limit: 2 },
      counters: memoryWindowCounters(),
      botId: '111',
      logger,
      now: () => 1_000_000,
      onLimitExceeded: async (c) => void notices.push(c.update.update_id),
    });
    const post = (updateId: number) => mw({ from: { id: 7 }, update: { update_id: updateId } } as unknown as Context, async () => void passed.push(updateId));
    for (let i = 0; i < 30; i++) await post(41);
    await post(42);
    expect(passed).toEqual([...Array<number>(30).fill(41), 42]);
    expect(notices).toEqual([]);
    await post(43);
    expect(notices).toEqual([43]);
  });

  it('lets `limit` through per window, sends one notice, drops the rest, and forgets at the next window', async () => {
    const h = harness(memoryWindowCounters());
    for (let i = 0; i < 5; i++) await h.send(7);
    expect(h.passed).toEqual([7, 7]);
    expect(h.notices).toEqual([7]);
    h.advance(10_000);
    await h.send(7);
    expect(h.passed).toEqual([7, 7, 7]);
  });

  it('keys counters by bot and user, so two bots on one Redis never share them', async () => {
    const keys: string[] = [];
    const counters = memoryWindowCounters();
    const spy: WindowCounters = { incr: (k) => (keys.push(k), counters.incr(k)), pexpire: (k, ms) => counters.pexpire(k, ms) };
    await harness(spy, '111').send(7);
    await harness(spy, '222').send(7);
    expect(keys[0]).toMatch(/^111:7:/);
    expect(keys[1]).toMatch(/^222:7:/);
  });

  it('never silences a buyer for good when an expiry was lost (counter without TTL)', async () => {
    const counts = new Map<string, number>();
    const noExpiry: WindowCounters = { incr: async (k) => counts.set(k, (counts.get(k) ?? 0) + 1).get(k)!, pexpire: async () => { throw new Error('connection lost'); } };
    const h = harness(noExpiry);
    for (let i = 0; i < 5; i++) await h.send(7);
    const before = h.passed.length;
    h.advance(10_000);
    await h.send(7);
    expect(h.passed.length).toBe(before + 1);
  });

  it('lets updates through when the counters are down', async () => {
    const down: WindowCounters = { incr: async () => { throw new Error('ECONNREFUSED'); }, pexpire: async () => 0 };
    const h = harness(down);
    for (let i = 0; i < 5; i++) await h.send(7);
    expect(h.passed).toEqual([7, 7, 7, 7, 7]);
    expect(h.notices).toEqual([]);
  });
});
