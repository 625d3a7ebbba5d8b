/**
 * A reminder claimed by a process that died is taken over at once by that process's restart
 * (same INSTANCE_ID, a later boot), like a half-sent reply batch — not after its lease. A live
 * replica with another INSTANCE_ID, or a live process with the same one, takes nothing early.
 * Real processes (fixtures/reminder-claimer.ts) on the real test redis-server.
 */
import { afterEach, describe, expect, inject, it } from 'vitest';
import { Redis } from 'ioredis';
import { startBotProcess, type BotProcess } from '../helpers/bot-process.ts';
import { uniquePrefix } from '../helpers/redis-server.ts';
import { RedisScheduler } from '../../src/schedule/redis-scheduler.ts';

const redisUrl = inject('redisUrl');
const FIXTURE = 'test/schedule/fixtures/reminder-claimer.ts';
/** Far longer than the test: a reminder handed over must have been taken over, not timed out. */
const LEASE_MS = 120_000;
const NOW = '2026-11-23T12:00:00+08:00';

const started: BotProcess[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((p) => p.kill()));
});

async function claimer(prefix: string, instance: string): Promise<{ proc: BotProcess; claimed: string[] }> {
  const proc = await startBotProcess(FIXTURE, { REDIS_URL: redisUrl!, KEY_PREFIX: prefix, INSTANCE_ID: instance, NOW, LEASE_MS: String(LEASE_MS) });
  started.push(proc);
  const line = proc.lines.find((l): l is { claimed: string[] } => typeof l === 'object' && l !== null && 'claimed' in l);
  return { proc, claimed: line!.claimed };
}

describe.skipIf(!redisUrl)('reminders of a dead process', () => {
  it('its restart takes them over at once; another live instance, or a live one of the same name, does not', async () => {
    const prefix = uniquePrefix('remtake');
    const redis = new Redis(redisUrl!);
    const scheduler = new RedisScheduler({ redis, prefix });
    try {
      await scheduler.set('tg:601', 'c1-seller_promise', new Date('2026-11-23T11:00:00+08:00'));
      await scheduler.set('tg:602', 'c1-platform_deadline', new Date('2026-11-23T11:30:00+08:00'));

      const first = await claimer(prefix, 'rem-a');
      expect(first.claimed).toEqual(['c1-seller_promise', 'c1-platform_deadline']);
      // Alive and holding them: nobody else gets them, whatever their name.
      expect((await claimer(prefix, 'rem-b')).claimed).toEqual([]);
      expect((await claimer(prefix, 'rem-a')).claimed).toEqual([]);

      await first.proc.kill();
      // The other live processes stay: one of them runs as rem-a's namesake under a name of its own.
      const restarted = await claimer(prefix, 'rem-a');
      expect(restarted.claimed).toEqual(['c1-seller_promise', 'c1-platform_deadline']);
      expect((await claimer(prefix, 'rem-b')).claimed).toEqual([]);
    } finally {
      await redis.quit();
    }
  }, 60_000);
});
