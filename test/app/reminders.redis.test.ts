/**
 * Reminders with three replicas polling one Redis: each is claimed exactly once, and one
 * claimed by a replica that died is delivered later by another, still exactly once.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { DueReminder } from '../../src/schedule/port.ts';
import { RedisScheduler } from '../../src/schedule/redis-scheduler.ts';
import { redisClients, uniquePrefix } from '../helpers/redis-server.ts';

const redisUrl = inject('redisUrl');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const T0 = Date.parse('2026-11-22T10:00:00+08:00');
const key = (r: DueReminder) => `${r.userId}/${r.reminderId}`;

describe.skipIf(!redisUrl)('reminders on Redis with 3 replicas', () => {
  const { client, closeAll } = redisClients(redisUrl!);
  afterAll(closeAll);
  const replicas = (n: number, prefix: string) =>
    Array.from({ length: n }, () => new RedisScheduler({ redis: client(), prefix }));

  it('hands each of 300 reminders to exactly one of 3 concurrent claimers', async () => {
    const [a, b, c] = replicas(3, uniquePrefix('once'));
    const all: string[] = [];
    for (let i = 0; i < 300; i++) {
      all.push(`u${i % 30}/c${i}-seller_promise`);
      await a!.set(`u${i % 30}`, `c${i}-seller_promise`, new Date(T0 + (i % 50) * 60_000));
    }
    const claimedBy = new Map<string, number>();
    const seen: string[] = [];
    // The dialogue clock moves forward in steps; at each step all three poll concurrently.
    for (let minute = 0; minute <= 50; minute += 5) {
      const now = new Date(T0 + minute * 60_000);
      await Promise.all(
        [a!, b!, c!].map(async (s, worker) => {
          for (;;) {
            const batch = await s.claimDue(now, 60_000, 7);
            if (batch.length === 0) return;
            for (const r of batch) {
              expect(r.dueAt.getTime()).toBeLessThanOrEqual(now.getTime());
              seen.push(key(r));
              claimedBy.set(key(r), worker);
              await s.ack(r.userId, r.reminderId);
            }
          }
        }),
      );
    }
    expect(seen.length).toBe(300);
    expect(new Set(seen)).toEqual(new Set(all));
    // The work really was shared (not a single replica doing everything).
    expect(new Set(claimedBy.values()).size).toBeGreaterThan(1);
    expect(await a!.nextDueAt()).toBeNull();
  });

  it("delivers a dead replica's claimed reminders once, via the survivors, after its lease", async () => {
    const [dead, b, c] = replicas(3, uniquePrefix('crash'));
    for (let i = 0; i < 5; i++) await dead!.set(`u${i}`, `c1-refund_arrival`, new Date(T0 + i * 1000));
    const now = new Date(T0 + 3_600_000);
    expect((await dead!.claimDue(now, 150)).length).toBe(5); // ...and it dies before acking
    const delivered: DueReminder[] = [];
    const deadline = Date.now() + 3_000;
    while (delivered.length < 5 && Date.now() < deadline) {
      const got = await Promise.all([b!.claimDue(now, 80), c!.claimDue(now, 80)]);
      for (const r of got.flat()) {
        delivered.push(r);
        await (got[0]!.includes(r) ? b! : c!).ack(r.userId, r.reminderId);
      }
      await sleep(25);
    }
    expect(delivered.map(key).sort()).toEqual([0, 1, 2, 3, 4].map((i) => `u${i}/c1-refund_arrival`));
    // With their original due times (so the app can word them as late).
    expect(delivered.map((r) => r.dueAt.getTime()).sort()).toEqual([0, 1, 2, 3, 4].map((i) => T0 + i * 1000));
    await sleep(100); // longer than the survivors' leases: an unacked reminder would be back
    expect(await Promise.all([b!.claimDue(now, 60_000), c!.claimDue(now, 60_000)])).toEqual([[], []]);
  });
});
