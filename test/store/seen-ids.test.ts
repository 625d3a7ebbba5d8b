import { describe, expect, inject, it, afterAll } from 'vitest';
import { RedisKeys } from '../../src/redis/keys.ts';
import { MemorySeenIds, RedisSeenIds, redisWindowCounters } from '../../src/store/seen-ids.ts';
import { redisClients, uniquePrefix } from '../helpers/redis-server.ts';

describe('MemorySeenIds', () => {
  it('remembers recent ids, forgetting the oldest beyond capacity', () => {
    const r = new MemorySeenIds(3);
    expect(['1', '2', '1', '3', '4'].map((id) => r.add(id))).toEqual([true, true, false, true, true]);
    expect(r.add('1')).toBe(true); // evicted by 4
    expect(r.add('4')).toBe(false);
  });
});

const redisUrl = inject('redisUrl');

describe.skipIf(!redisUrl)('RedisSeenIds', () => {
  const { client, closeAll } = redisClients(redisUrl!);
  afterAll(closeAll);

  it('is shared by replicas: of many concurrent first sightings exactly one wins', async () => {
    const keys = new RedisKeys(uniquePrefix('seen'));
    const replicas = [client(), client(), client()].map((r) => new RedisSeenIds(r, keys, 'telegram-update', 60));
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => replicas[i % 3]!.firstTime('42')));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await replicas[0]!.firstTime('43')).toBe(true);
  });

  it('forgets an id after its TTL', async () => {
    const redis = client();
    const keys = new RedisKeys(uniquePrefix('seen-ttl'));
    const seen = new RedisSeenIds(redis, keys, 'ns', 60);
    await seen.firstTime('x');
    expect(await redis.ttl(keys.seen('ns', 'x'))).toBeGreaterThan(50);
  });
});

describe.skipIf(!redisUrl)('redisWindowCounters', () => {
  const { client, closeAll } = redisClients(redisUrl!);
  afterAll(closeAll);

  it('counts one window across replicas and lets it expire', async () => {
    const keys = new RedisKeys(uniquePrefix('flood'));
    const [a, b] = [redisWindowCounters(client(), keys, 'telegram-flood'), redisWindowCounters(client(), keys, 'telegram-flood')];
    expect(await a.incr('42')).toBe(1);
    expect(await a.pexpire('42', 10_000)).toBe(1);
    expect(await b.incr('42')).toBe(2);
    const ttl = await client().pttl(keys.counter('telegram-flood', '42'));
    expect(ttl).toBeGreaterThan(5_000);
  });
});
