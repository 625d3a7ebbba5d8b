/**
 * What survives: new app objects on the same Redis (an app restart), and a Redis restart
 * — even a kill -9 — with the append-only file (appendfsync always).
 */
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openStorage, type Storage } from '../../src/app/open-storage.ts';
import { startRedisServer, uniquePrefix, type RedisServer } from '../helpers/redis-server.ts';
import { collect, increment } from '../store/session-store.contract.ts';

const redisUrl = inject('redisUrl');
const logger = pino({ level: 'silent' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const T0 = Date.parse('2026-11-22T10:00:00+08:00');
const hours = (h: number) => new Date(T0 + h * 3_600_000);

const LEASE_MS = 1_000;

async function seed(storage: Storage): Promise<void> {
  await storage.store.transact('buyer', increment('buyer'));
  await storage.store.transact('buyer', increment('buyer'));
  await storage.scheduler.set('buyer', 'c1-seller_promise', hours(24));
  await storage.scheduler.set('buyer', 'c1-refund_arrival', hours(72));
  await storage.scheduler.set('other', 'c1-return_tracking', hours(48));
  // One reminder is claimed and being delivered when everything goes down.
  await storage.scheduler.set('other', 'c2-seller_promise', hours(1));
  expect((await storage.scheduler.claimDue(hours(2), LEASE_MS)).map((r) => r.reminderId)).toEqual(['c2-seller_promise']);
}

async function expectSurvived(storage: Storage): Promise<void> {
  const { store, scheduler } = storage;
  expect((await store.load('buyer')).state?.caseSeq).toBe(2);
  expect(await scheduler.nextDueAt()).toEqual(hours(24));
  // The reminder claimed before the restart: this is the same instance started again (same host
  // name, a later boot), so what its dead predecessor held is taken over at once, not after the lease.
  expect(await scheduler.claimDue(hours(23), 60_000)).toEqual([{ userId: 'other', reminderId: 'c2-seller_promise', dueAt: hours(1) }]);
  expect(await scheduler.claimDue(hours(24), 60_000)).toEqual([
    { userId: 'buyer', reminderId: 'c1-seller_promise', dueAt: hours(24) },
  ]);
  expect(await scheduler.claimDue(hours(100), 60_000)).toEqual([
    { userId: 'other', reminderId: 'c1-return_tracking', dueAt: hours(48) },
    { userId: 'buyer', reminderId: 'c1-refund_arrival', dueAt: hours(72) },
  ]);
  // The undelivered outbox batches are still there for recovery (their reservation ran out).
  const batches = await collect(2, () => store.claimOutbox(null, 60_000));
  expect(batches.map((b) => b.messages[0]?.text)).toEqual(['n=1', 'n=2']);
}

describe.skipIf(!redisUrl)('surviving restarts', () => {
  it('keeps state, outbox and reminders across an app restart', async () => {
    const keyPrefix = uniquePrefix('app-restart');
    const first = await openStorage({ redisUrl: redisUrl!, logger, keyPrefix, inflightLeaseMs: LEASE_MS });
    await seed(first);
    await first.close();

    const second = await openStorage({ redisUrl: redisUrl!, logger, keyPrefix, inflightLeaseMs: LEASE_MS });
    try {
      await expectSurvived(second);
    } finally {
      await second.close();
    }
  });

  describe('Redis restart with AOF', () => {
    let server: RedisServer;
    beforeAll(async () => {
      server = await startRedisServer({ appendonly: true });
    });
    afterAll(async () => {
      await server?.destroy();
    });

    it('keeps state, outbox and reminders when Redis is killed (-9) and started again', async () => {
      const before = await openStorage({ redisUrl: server.url, logger, inflightLeaseMs: LEASE_MS });
      await seed(before);
      await server.stop({ kill: true });
      await before.close();

      await server.start();
      const after = await openStorage({ redisUrl: server.url, logger, inflightLeaseMs: LEASE_MS });
      try {
        await expectSurvived(after);
      } finally {
        await after.close();
      }
    });
  });
});
