import { afterAll, describe, expect, inject, it } from 'vitest';
import { RedisScheduler } from '../../src/schedule/redis-scheduler.ts';
import { redisClients, uniquePrefix } from '../helpers/redis-server.ts';
import { schedulerContract } from './scheduler.contract.ts';

const redisUrl = inject('redisUrl');

describe.skipIf(!redisUrl)('RedisScheduler', () => {
  const { client, closeAll } = redisClients(redisUrl!);
  afterAll(closeAll);

  schedulerContract('redis', async () => {
    const scheduler = new RedisScheduler({ redis: client(), prefix: uniquePrefix('sched') });
    return { scheduler, close: () => scheduler.close() };
  });

  describe('Redis specifics', () => {
    it("indexes a user's reminders under the user's hash tag and cleans the index", async () => {
      const redis = client();
      const prefix = uniquePrefix('sched-index');
      const s = new RedisScheduler({ redis, prefix });
      const due = new Date('2026-11-23T02:00:00Z');
      await s.set('u1', 'c1-seller_promise', due);
      await s.set('u1', 'c1-refund_arrival', due);
      expect(await redis.hgetall(`${prefix}:{u:u1}:reminders`)).toEqual({
        'c1-seller_promise': String(due.getTime()),
        'c1-refund_arrival': String(due.getTime()),
      });
      await s.claimDue(due, 60_000);
      await s.ack('u1', 'c1-seller_promise');
      await s.cancel('u1', 'c1-refund_arrival');
      expect(await redis.exists(`${prefix}:{u:u1}:reminders`)).toBe(0);
      expect(await redis.keys(`${prefix}:*`)).toEqual([]);
    });

    it('tolerates a stale index entry left by a crash', async () => {
      const redis = client();
      const prefix = uniquePrefix('sched-stale');
      const s = new RedisScheduler({ redis, prefix });
      await redis.hset(`${prefix}:{u:u1}:reminders`, 'ghost', '1');
      await s.cancelAll('u1');
      expect(await redis.keys(`${prefix}:*`)).toEqual([]);
    });
  });
});
