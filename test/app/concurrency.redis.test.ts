/**
 * Several "processes" (separate connections and store objects) on one Redis: concurrent
 * turns of one buyer lose no update, and every turn's outbox batch is committed with it.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { RedisSessionStore } from '../../src/store/redis-session-store.ts';
import { redisClients, uniquePrefix } from '../helpers/redis-server.ts';
import { increment } from '../store/session-store.contract.ts';

const redisUrl = inject('redisUrl');

describe.skipIf(!redisUrl)('concurrent turns on Redis', () => {
  const { client, closeAll } = redisClients(redisUrl!);
  afterAll(closeAll);
  const processes = (n: number, prefix: string) =>
    Array.from({ length: n }, () => new RedisSessionStore({ redis: client(), prefix, inflightLeaseMs: 0 }));

  it('50 concurrent increments from 5 processes lose nothing, and each commits its own batch', async () => {
    const stores = processes(5, uniquePrefix('atomic'));
    const batches = await Promise.all(
      Array.from({ length: 50 }, (_, i) => stores[i % 5]!.transact('buyer', increment('buyer'))),
    );
    expect((await stores[0]!.load('buyer')).state?.caseSeq).toBe(50);
    // Every committed turn saw a distinct state: its message says which increment it was.
    const said = batches.map((b) => b.messages[0]?.text).sort((a, b) => Number(a!.slice(2)) - Number(b!.slice(2)));
    expect(said).toEqual(Array.from({ length: 50 }, (_, i) => `n=${i + 1}`));
    // ...and exactly those 50 batches are in the outbox, oldest first.
    const outbox = await stores[1]!.claimOutbox('buyer', 60_000);
    expect(outbox.map((b) => b.messages[0]?.text)).toEqual(Array.from({ length: 50 }, (_, i) => `n=${i + 1}`));
    expect(new Set(outbox.map((b) => b.id)).size).toBe(50);
  });

  it('turns of different buyers do not block or disturb each other', async () => {
    const stores = processes(3, uniquePrefix('users'));
    await Promise.all(
      Array.from({ length: 60 }, (_, i) => stores[i % 3]!.transact(`b${i % 6}`, increment(`b${i % 6}`))),
    );
    for (let u = 0; u < 6; u++) expect((await stores[0]!.load(`b${u}`)).state?.caseSeq).toBe(10);
  });
});
