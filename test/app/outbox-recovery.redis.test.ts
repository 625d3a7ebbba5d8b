/**
 * "No lost replies": a process commits a turn (state + outbox) and dies before delivering.
 * Another process recovers the batch exactly once, even with two recoverers racing.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { OutboxBatch } from '../../src/store/port.ts';
import { RedisSessionStore } from '../../src/store/redis-session-store.ts';
import { redisClients, uniquePrefix } from '../helpers/redis-server.ts';
import { collect, increment } from '../store/session-store.contract.ts';

const redisUrl = inject('redisUrl');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!redisUrl)('outbox recovery on Redis', () => {
  const { client, closeAll } = redisClients(redisUrl!);
  afterAll(closeAll);
  const processOn = (prefix: string, inflightLeaseMs = 300) => {
    const redis = client();
    return { redis, store: new RedisSessionStore({ redis, prefix, inflightLeaseMs }) };
  };

  it('delivers a committed but undelivered batch once, after the dead process’s reservation', async () => {
    const prefix = uniquePrefix('recover');
    const crashed = processOn(prefix);
    const batch = await crashed.store.transact('buyer', increment('buyer'));
    crashed.redis.disconnect(); // the process dies between commit and delivery

    const next = processOn(prefix);
    // Immediately after the crash the batch is still reserved for the (dead) committer:
    // a live committer would be delivering it right now.
    expect(await next.store.claimOutbox(null, 60_000)).toEqual([]);
    const recovered = await collect(1, () => next.store.claimOutbox(null, 80));
    expect(recovered).toEqual([batch]);
    expect(recovered[0]?.messages).toEqual([{ kind: 'info', text: 'n=1' }]);
    // The turn was not re-run: the state is that of one turn.
    expect((await next.store.load('buyer')).state?.caseSeq).toBe(1);
    await next.store.ackOutbox('buyer', batch.id);
    await sleep(100); // longer than the claim's lease: an unacked batch would be back
    expect(await next.store.claimOutbox(null, 60_000)).toEqual([]);
  });

  it('two recoverers racing deliver each batch once; an unacked claim comes back after its lease', async () => {
    const prefix = uniquePrefix('race');
    const crashed = processOn(prefix, 0);
    const committed: OutboxBatch[] = [];
    for (let u = 0; u < 10; u++) {
      committed.push(await crashed.store.transact(`b${u}`, increment(`b${u}`)));
      committed.push(await crashed.store.transact(`b${u}`, increment(`b${u}`)));
    }
    crashed.redis.disconnect();

    const [r1, r2] = [processOn(prefix), processOn(prefix)];
    const [got1, got2] = await Promise.all([r1.store.claimOutbox(null, 300), r2.store.claimOutbox(null, 300)]);
    const ids = [...got1, ...got2].map((b) => b.id);
    expect(ids.sort()).toEqual(committed.map((b) => b.id).sort());
    // r1 delivers and acks its share; r2 "dies" without acking.
    for (const b of got1) await r1.store.ackOutbox(b.userId, b.id);
    expect(await r1.store.claimOutbox(null, 60_000)).toEqual([]);
    const again = await collect(got2.length, () => r1.store.claimOutbox(null, 60_000));
    expect(again.map((b) => b.id).sort()).toEqual(got2.map((b) => b.id).sort());
    // Per user, still oldest first.
    for (const u of new Set(again.map((b) => b.userId))) {
      const mine = again.filter((b) => b.userId === u).map((b) => b.messages[0]?.text);
      expect(mine).toEqual([...mine].sort());
    }
  });
});
