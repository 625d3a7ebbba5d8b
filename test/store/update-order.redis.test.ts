/**
 * One buyer's updates in order across re-deliveries (src/store/update-order.ts), on the real
 * test redis-server: what one replica marks as waiting holds back the buyer's later updates on
 * every replica; an update committed meanwhile (its id recorded by the commit) holds nobody
 * back; in memory, a waiting update holds later ones back for at most the longest wait.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { Redis } from 'ioredis';
import { MemoryUpdateOrder, RedisUpdateOrder } from '../../src/store/update-order.ts';
import { RedisKeys } from '../../src/redis/keys.ts';
import { uniquePrefix } from '../helpers/redis-server.ts';

const redisUrl = inject('redisUrl');

describe('in memory', () => {
  it('a later update waits behind an earlier one until that one goes ahead; not beyond the longest wait', async () => {
    let now = 0;
    const order = new MemoryUpdateOrder(60_000, () => now);
    await order.waiting('tg:1', 'tg:7:5');
    expect(await order.mustWait('tg:1', 'tg:7:6')).toBe(true);
    expect(await order.mustWait('tg:2', 'tg:7:7')).toBe(false); // another buyer
    expect(await order.mustWait('tg:1', 'tg:8:6')).toBe(false); // another bot
    expect(await order.mustWait('tg:1', 'tg:7:5')).toBe(false);
    expect(await order.mustWait('tg:1', 'tg:7:6')).toBe(false);
    await order.waiting('tg:1', 'tg:7:9');
    now += 60_001;
    expect(await order.mustWait('tg:1', 'tg:7:10')).toBe(false);
  });
});

describe.skipIf(!redisUrl)('in Redis, across replicas', () => {
  const redis = new Redis(redisUrl!);
  afterAll(() => redis.quit());

  it('one replica marks an update waiting: the buyer\'s later ones wait on the other until it went ahead', async () => {
    const keys = new RedisKeys(uniquePrefix('order'));
    const a = new RedisUpdateOrder(redis, keys);
    const b = new RedisUpdateOrder(redis, keys);
    await a.waiting('tg:1', 'tg:7:5');
    expect(await b.mustWait('tg:1', 'tg:7:6')).toBe(true);
    expect(await b.mustWait('tg:1', 'tg:7:7')).toBe(true);
    expect(await b.mustWait('tg:2', 'tg:7:8')).toBe(false);
    // Re-delivered out of order: 7 still waits behind 6, which waits behind 5.
    expect(await a.mustWait('tg:1', 'tg:7:7')).toBe(true);
    expect(await a.mustWait('tg:1', 'tg:7:5')).toBe(false);
    expect(await b.mustWait('tg:1', 'tg:7:7')).toBe(true);
    expect(await b.mustWait('tg:1', 'tg:7:6')).toBe(false);
    expect(await a.mustWait('tg:1', 'tg:7:7')).toBe(false);
    expect(await redis.exists(keys.user('tg:1').waiting)).toBe(0);
  });

  it('an update committed meanwhile (in the recent update ids of the buyer\'s state) holds nobody back', async () => {
    const keys = new RedisKeys(uniquePrefix('order'));
    const order = new RedisUpdateOrder(redis, keys);
    await order.waiting('tg:1', 'tg:7:5');
    await redis.hset(keys.user('tg:1').state, 'seen', '|tg:7:4|tg:7:5|');
    expect(await order.mustWait('tg:1', 'tg:7:6')).toBe(false);
  });

  it('what a replica saw wait while Redis was away is handed to Redis at its next call, for every replica', async () => {
    const keys = new RedisKeys(uniquePrefix('order'));
    const down = new Redis(redisUrl!, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0 });
    const cut = new RedisUpdateOrder(down, keys);
    await cut.waiting('tg:1', 'tg:7:5'); // Redis unreachable for this client: kept in memory
    expect(await cut.mustWait('tg:1', 'tg:7:6')).toBe(true);
    await down.connect().catch(() => undefined); // lazyConnect: the first command may have started it
    if (down.status !== 'ready') await new Promise((r) => down.once('ready', r));
    expect(await cut.mustWait('tg:1', 'tg:7:7')).toBe(true); // handed over now
    expect(await new RedisUpdateOrder(redis, keys).mustWait('tg:1', 'tg:7:8')).toBe(true);
    down.disconnect();
  });
});
