/**
 * The outage apology: once per buyer per outage — not once per message, nor once per replica
 * where Redis can still say who apologised. Two Assistants (two replicas) whose sessions live
 * on a real redis-server that is stopped (an outage of the buyer's storage), sharing the
 * apology marks on the test redis-server that stays up (a cluster with one shard down); and
 * one whose marks are on the stopped server too (fully down: each replica apologises once,
 * from its own memory).
 */
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Redis } from 'ioredis';
import { Assistant } from '../../src/app/assistant.ts';
import { ManualClock } from '../../src/app/clock.ts';
import { openStorage, type Storage } from '../../src/app/open-storage.ts';
import { RedisKeys } from '../../src/redis/keys.ts';
import { RedisSeenIds } from '../../src/store/seen-ids.ts';
import type { Outbound } from '../../src/domain/index.ts';
import { redisServerAvailable, startRedisServer, uniquePrefix, type RedisServer } from '../helpers/redis-server.ts';

const logger = pino({ level: 'silent' });
const sharedUrl = inject('redisUrl');
const BUYER = 'tg:901';

describe.skipIf(!redisServerAvailable() || !sharedUrl)('the outage apology', () => {
  let server: RedisServer;
  let storage: Storage;
  let shared: Redis;
  beforeAll(async () => {
    server = await startRedisServer({ appendonly: true });
    storage = await openStorage({ redisUrl: server.url, logger, inflightLeaseMs: 0 });
    shared = new Redis(sharedUrl!);
  });
  afterAll(async () => {
    await storage?.close();
    await shared?.quit();
    await server?.destroy();
  });

  function replica(apologies: RedisSeenIds | undefined, sent: string[], clock: ManualClock) {
    return new Assistant({
      store: storage.store,
      scheduler: storage.scheduler,
      clock,
      logger,
      timezone: 'Asia/Shanghai',
      deliver: async (_u, messages: Outbound[]) => {
        for (const m of messages) sent.push(m.kind);
      },
      ...(apologies ? { apologies } : {}),
    });
  }

  it('two replicas, marks where Redis still answers: one apology for the buyer for the whole outage, again after it', async () => {
    const marks = () => new RedisSeenIds(shared, new RedisKeys(uniquePrefix('apology')), 'apologised', 600);
    const m = marks();
    const clock = new ManualClock('2026-11-22T10:00:00+08:00');
    const sent: string[] = [];
    const a = replica(m, sent, clock);
    const b = replica(m, sent, clock);
    expect((await a.handleUpdate(BUYER, { type: 'text', text: '我的快递有问题' }, { updateId: 'tg:7:1' })).status).toBe('committed');
    const before = sent.length;

    await server.stop();
    try {
      const said = [
        [a, 'tg:7:2'], [b, 'tg:7:2'], [a, 'tg:7:2'], [b, 'tg:7:3'], [a, 'tg:7:4'],
      ] as const;
      for (const [replicaOf, id] of said) {
        expect((await replicaOf.handleUpdate(BUYER, { type: 'text', text: '订单号 3916452812345678901' }, { updateId: id })).status).toBe('failed');
      }
      expect(sent.slice(before)).toEqual(['error']);
    } finally {
      await server.start();
    }
    // Stored again: the outage is over for this buyer; the next one is apologised for again.
    expect((await b.handleUpdate(BUYER, { type: 'text', text: '订单号 3916452812345678901' }, { updateId: 'tg:7:2' })).status).toBe('committed');
    const after = sent.length;
    await server.stop();
    try {
      expect((await b.handleUpdate(BUYER, { type: 'text', text: '杯子碎了' }, { updateId: 'tg:7:5' })).status).toBe('failed');
      expect((await a.handleUpdate(BUYER, { type: 'text', text: '杯子碎了' }, { updateId: 'tg:7:5' })).status).toBe('failed');
    } finally {
      await server.start();
    }
    expect(sent.slice(after)).toEqual(['error']);
  }, 60_000);

  it('Redis down for the marks too: each replica apologises once, from its own memory', async () => {
    const deadMarks = new RedisSeenIds(storage.redis!, new RedisKeys(uniquePrefix('apology')), 'apologised', 600);
    const clock = new ManualClock('2026-11-22T10:00:00+08:00');
    const sent: string[] = [];
    const a = replica(deadMarks, sent, clock);
    const b = replica(deadMarks, sent, clock);
    await server.stop();
    try {
      for (const [r, id] of [[a, 'tg:7:11'], [a, 'tg:7:11'], [b, 'tg:7:11'], [b, 'tg:7:12'], [a, 'tg:7:12']] as const) {
        await r.handleUpdate('tg:902', { type: 'text', text: '我的快递有问题' }, { updateId: id });
      }
    } finally {
      await server.start();
    }
    expect(sent).toEqual(['error', 'error']);
  }, 60_000);
});
