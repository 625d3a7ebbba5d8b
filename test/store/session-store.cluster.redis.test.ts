/**
 * The SessionStore contract on a real 3-master Redis Cluster, and the proof that every
 * script's keys sit in one slot (a CROSSSLOT error would fail the contract suite too).
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { RedisSessionStore } from '../../src/store/redis-session-store.ts';
import { RedisKeys } from '../../src/redis/keys.ts';
import { uniquePrefix } from '../helpers/redis-server.ts';
import { clusterClients } from '../helpers/redis-cluster.ts';
import { increment, redisHarness, sessionStoreContract } from './session-store.contract.ts';

const nodes = inject('redisClusterNodes');

describe.skipIf(!nodes)('RedisSessionStore on a Redis Cluster', () => {
  const { client, closeAll } = clusterClients(nodes!);
  afterAll(closeAll);

  sessionStoreContract('redis cluster', async (opts = {}) => redisHarness(client(), uniquePrefix('cstore'), opts));

  it("keeps every key of one user in one slot, and the reminder queue's keys in one slot", async () => {
    const redis = client();
    const keys = new RedisKeys('shouhou');
    const slot = (k: string) => redis.call('CLUSTER', 'KEYSLOT', k) as Promise<number>;
    const users = ['tg:42', 'wx:wxid_abc', 'a}b{c', 'u:1', '买家'];
    const userSlots = await Promise.all(users.map(async (u) => new Set(await Promise.all(keys.allOfUser(u).map(slot)))));
    for (const s of userSlots) expect(s.size).toBe(1);
    // Different users are spread over slots (the tag is the user, not a constant).
    expect(new Set(userSlots.map((s) => [...s][0])).size).toBeGreaterThan(1);
    const g = keys.global;
    expect(new Set(await Promise.all([g.due, g.leased, g.leasedDue].map(slot))).size).toBe(1);
  });

  it('spreads users over all three masters', async () => {
    const redis = client();
    const prefix = uniquePrefix('spread');
    const store = new RedisSessionStore({ redis, prefix });
    for (let i = 0; i < 30; i++) await store.transact(`u${i}`, increment(`u${i}`));
    const perNode = await Promise.all(redis.nodes('master').map((n) => n.keys(`${prefix}:*`)));
    expect(perNode.filter((k) => k.length > 0)).toHaveLength(3);
  });
});
