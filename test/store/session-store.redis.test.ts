import { afterAll, describe, expect, inject, it } from 'vitest';
import { freshState, step } from '../../src/engine/engine.ts';
import { RedisSessionStore } from '../../src/store/redis-session-store.ts';
import { redisClients, uniquePrefix } from '../helpers/redis-server.ts';
import { cancelCase, increment, redisHarness, sessionStoreContract, userState } from './session-store.contract.ts';

const redisUrl = inject('redisUrl');

describe.skipIf(!redisUrl)('RedisSessionStore', () => {
  const { client, closeAll } = redisClients(redisUrl!);
  afterAll(closeAll);

  sessionStoreContract('redis', async (opts = {}) => redisHarness(client(), uniquePrefix('store'), opts));

  describe('Redis specifics', () => {
    it('takes a batch leased by an earlier boot of the same instance at once; one of another instance or of this boot only when its lease ran out', async () => {
      const redis = client();
      const prefix = uniquePrefix('owner');
      const store = (instance: string, boot: number) => new RedisSessionStore({ redis, prefix, owner: { instance, boot }, inflightLeaseMs: 60_000 });
      const dead = store('host-a', 3);
      const mine = await dead.transact('u1', increment('u1'));
      const theirs = await store('host-b', 7).transact('u2', increment('u2'));
      // The same instance, booted again: the first batch is its dead predecessor's.
      const restarted = store('host-a', 4);
      expect((await restarted.claimOutbox(null, 60_000)).map((b) => b.id)).toEqual([mine.id]);
      // Boot 4 holds it now: not taken by boot 4 again, nor by an older boot; a later boot (4 is dead then) takes it. Never host-b's.
      expect(await store('host-a', 4).claimOutbox(null, 60_000)).toEqual([]);
      expect(await store('host-a', 2).claimOutbox(null, 60_000)).toEqual([]);
      expect((await store('host-a', 9).claimOutbox(null, 60_000)).map((b) => b.id)).toEqual([mine.id]);
      expect(theirs.id).toBeTruthy();
      // The process that lost the batch learns it at its next record, and records nothing.
      expect(await restarted.markSent('u1', mine.id, 1, 60_000)).toBe(false);
      expect(await store('host-b', 7).markSent('u2', theirs.id, 1, 60_000)).toBe(true);
      expect(await store('host-b', 8).markSent('u2', theirs.id, 1, 60_000)).toBe(false);
    });

    it('writes the delivery records of one tick in one request, each answered for its own batch and stored when it resolves', async () => {
      const redis = client();
      const prefix = uniquePrefix('tick');
      const store = new RedisSessionStore({ redis, prefix, owner: { instance: 'host-a', boot: 1 }, inflightLeaseMs: 60_000 });
      const batches = await Promise.all(['u1', 'u2', 'u3', 'u4'].map((u) => store.transact(u, increment(u))));
      // u2's batch is taken over by another process: only its record is refused.
      await new RedisSessionStore({ redis, prefix, owner: { instance: 'host-a', boot: 2 } }).claimOutbox('u2', 60_000);
      const before = store.stats.background;
      const records = batches.slice(0, 3).map((b) => store.markSent(b.userId, b.id, 1, 60_000));
      const ack = store.ackOutbox('u4', batches[3]!.id);
      expect(await Promise.all(records)).toEqual([true, false, true]);
      await ack;
      expect(store.stats.background - before).toBe(2);
      const sent = (u: string, id: string) => redis.hget(store.keys.user(u).outbox, `${id}#sent`);
      expect(await sent('u1', batches[0]!.id)).toBe('1');
      expect(await sent('u2', batches[1]!.id)).toBeNull();
      expect(await redis.hexists(store.keys.user('u4').outbox, batches[3]!.id)).toBe(0);
      // Two records of one batch in a tick are one write with the larger count; an ack in the same tick removes the batch.
      const twice = [store.markSent('u1', batches[0]!.id, 3, 60_000), store.markSent('u1', batches[0]!.id, 2, 60_000)];
      expect(await Promise.all(twice)).toEqual([true, true]);
      expect(await sent('u1', batches[0]!.id)).toBe('3');
      const acked = [store.markSent('u3', batches[2]!.id, 2, 60_000), store.ackOutbox('u3', batches[2]!.id)];
      await Promise.all(acked);
      expect(await store.markSent('u3', batches[2]!.id, 3, 60_000)).toBe(false);
    });

    it('keys every user key under one hash tag', () => {
      const store = new RedisSessionStore({ redis: client(), prefix: 'shouhou' });
      const k = store.keys.user('tg:42');
      expect(k).toEqual({
        state: 'shouhou:{u:tg:42}:state',
        evidence: 'shouhou:{u:tg:42}:evidence',
        timeline: 'shouhou:{u:tg:42}:timeline',
        closed: 'shouhou:{u:tg:42}:closed',
        outbox: 'shouhou:{u:tg:42}:outbox',
        outboxLease: 'shouhou:{u:tg:42}:outbox-lease',
        reminders: 'shouhou:{u:tg:42}:reminders',
        waiting: 'shouhou:{u:tg:42}:waiting',
      });
      // Braces in a user id cannot move the hash tag.
      expect(store.keys.user('a}b{c').state).toBe('shouhou:{u:a%7Db%7Bc}:state');
    });

    it("keeps a closed case's record outside the working document, and lets it expire with the state", async () => {
      const redis = client();
      const store = new RedisSessionStore({ redis, prefix: uniquePrefix('records'), retentionDays: 2 });
      const k = store.keys.user('u1');
      const record = await cancelCase(store, 'u1');
      expect(await redis.hkeys(k.closed)).toEqual(['c1']);
      expect(await redis.hget(k.closed, 'c1')).toContain('底座渗水的照片');
      expect(await redis.hget(k.state, 'doc')).not.toContain('底座渗水的照片');
      // With no case open (it was cancelled), the record expires with the state; a case opened keeps everything.
      expect(await redis.ttl(k.closed)).toBeGreaterThan(86_400);
      expect(await redis.ttl(k.closed)).toBe(await redis.ttl(k.state));
      const { state } = await store.load('u1');
      const { outcome: _outcome, closedAt: _closedAt, ...facts } = record;
      await store.transact('u1', () => ({ state: { ...state!, active: { ...facts, id: 'c2', phase: 'collecting' } }, messages: [], schedule: [], locale: null }));
      expect(await redis.ttl(k.closed)).toBe(-1);
      await store.transact('u1', () => ({ state: { ...state!, active: null }, messages: [], schedule: [], locale: null }));
      expect(await redis.ttl(k.closed)).toBeGreaterThan(86_400);
      expect(await store.closedCase('u1', 'c1')).toEqual(record);
      await store.forget('u1');
      expect(await redis.exists(k.closed)).toBe(0);
    });

    it('expires the state of a user without an active case, and keeps an active one', async () => {
      const redis = client();
      const store = new RedisSessionStore({ redis, prefix: uniquePrefix('ttl'), retentionDays: 2 });
      const key = store.keys.user('u1').state;
      await store.transact('u1', increment('u1'));
      const ttl = await redis.ttl(key);
      expect(ttl).toBeGreaterThan(2 * 86_400 - 10);
      expect(ttl).toBeLessThanOrEqual(2 * 86_400);

      // A state with a case open, as the engine makes it.
      const { active } = step(freshState('u1'), { type: 'text', text: '我的快递有问题' }, new Date('2026-11-22T02:00:00Z'), {
        timezone: 'Asia/Shanghai',
      }).state;
      await store.transact('u1', () => ({ state: userState('u1', { active }), messages: [], schedule: [], locale: null }));
      expect(await redis.ttl(key)).toBe(-1);
      expect((await store.load('u1')).state?.active?.id).toBe('c1');

      await store.transact('u1', () => ({ state: userState('u1', { active: null }), messages: [], schedule: [], locale: null }));
      expect(await redis.ttl(key)).toBeGreaterThan(86_400);
    });

    it("keeps every key of a user with an active case, lists included, and lets all of them expire once it has none, whatever came before", async () => {
      const redis = client();
      const store = new RedisSessionStore({ redis, prefix: uniquePrefix('ttl-lists'), retentionDays: 2 });
      const k = store.keys.user('u1');
      const ttls = async () => [await redis.ttl(k.state), await redis.ttl(k.evidence), await redis.ttl(k.timeline)];
      const at = (iso: string) => new Date(iso);
      const opts = { timezone: 'Asia/Shanghai' };
      let state = step(freshState('u1'), { type: 'text', text: '我的快递有问题' }, at('2026-11-22T02:00:00Z'), opts).state;
      const commit = async (s: typeof state) => store.transact('u1', () => ({ state: s, messages: [], schedule: [], locale: null }));
      const stateWithEvidence = (s: typeof state, n: number): typeof state => ({
        ...s,
        active: s.active && {
          ...s.active,
          evidence: Array.from({ length: n }, (_, i) => ({ at: `2026-11-22T02:0${i}:00.000Z`, kind: 'photo' as const, caption: `p${i}`, fileId: `f${i}`, item: null })),
        },
      });

      await store.transact('u1', increment('u1')); // no case: the state expires
      expect((await ttls())[0]).toBeGreaterThan(86_400);
      await commit(stateWithEvidence(state, 1)); // a case with entries: nothing expires
      expect(await redis.llen(k.evidence)).toBe(1);
      expect(await redis.llen(k.timeline)).toBeGreaterThan(0);
      expect(await ttls()).toEqual([-1, -1, -1]);
      await commit(stateWithEvidence(state, 2)); // the same case, appended to
      expect(await redis.llen(k.evidence)).toBe(2);
      expect(await ttls()).toEqual([-1, -1, -1]);
      await commit(stateWithEvidence(state, 0)); // its evidence emptied: that list is gone
      expect(await ttls()).toEqual([-1, -2, -1]);
      state = step(state, { type: 'command', command: 'new' }, at('2026-11-22T03:00:00Z'), opts).state;
      await commit({ ...state, active: null }); // no case: the lists are gone, the state expires
      const [stateTtl, ev, tl] = await ttls();
      expect(stateTtl).toBeGreaterThan(86_400);
      expect([ev, tl]).toEqual([-2, -2]);
      // Refused once (not cached): the store learns the stored state from the refusal.
      store.dropCache();
      state = step(freshState('u1'), { type: 'text', text: '我的快递有问题' }, at('2026-11-22T04:00:00Z'), opts).state;
      await commit(stateWithEvidence(state, 1));
      expect(await ttls()).toEqual([-1, -1, -1]);
      // Keys given an expiry by something else are not this store's case; a state stored by an
      // earlier version without the case field is persisted like any state without a case.
      await redis.hdel(k.state, 'case');
      await redis.expire(k.state, 1000);
      await redis.expire(k.evidence, 1000);
      store.dropCache();
      await commit(stateWithEvidence(state, 2));
      expect(await ttls()).toEqual([-1, -1, -1]);
    });

    it('stores a timeline appended to, with its oldest entries dropped or not, exactly as the state has it', async () => {
      const redis = client();
      const store = new RedisSessionStore({ redis, prefix: uniquePrefix('trim') });
      const k = store.keys.user('u1');
      const base = step(freshState('u1'), { type: 'text', text: '我的快递有问题' }, new Date('2026-11-22T02:00:00Z'), { timezone: 'Asia/Shanghai' }).state;
      const entry = (i: number) => ({ ...base.active!.timeline[0]!, note: `n${i}` });
      const withTimeline = (from: number, to: number): typeof base => ({
        ...base,
        active: { ...base.active!, timeline: Array.from({ length: to - from }, (_, i) => entry(from + i)) },
      });
      const commit = (s: typeof base) => store.transact('u1', () => ({ state: s, messages: [], schedule: [], locale: null }));
      const stored = async () => {
        store.dropCache();
        return (await store.load('u1')).state!.active!.timeline.map((t) => t.note);
      };
      const notes = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `n${from + i}`);
      await commit(withTimeline(0, 5));
      await commit(withTimeline(0, 7)); // appended
      expect(await stored()).toEqual(notes(0, 7));
      await commit(withTimeline(0, 7));
      await commit(withTimeline(2, 9)); // appended, the two oldest dropped
      expect(await redis.llen(k.timeline)).toBe(7);
      expect(await stored()).toEqual(notes(2, 9));
      await commit(withTimeline(2, 9));
      await commit(withTimeline(3, 9)); // only the oldest dropped
      expect(await stored()).toEqual(notes(3, 9));
    });

    it('defaults the retention to 180 days', async () => {
      const redis = client();
      const store = new RedisSessionStore({ redis, prefix: uniquePrefix('ttl') });
      await store.transact('u1', increment('u1'));
      expect(await redis.ttl(store.keys.user('u1').state)).toBeGreaterThan(179 * 86_400);
    });

    it('forget leaves no key of the user behind', async () => {
      const redis = client();
      const prefix = uniquePrefix('forget');
      const store = new RedisSessionStore({ redis, prefix });
      await store.transact('u1', increment('u1'));
      await store.transact('u1', increment('u1'));
      expect((await redis.keys(`${prefix}:{u:u1}*`)).length).toBeGreaterThan(0);
      await store.forget('u1');
      expect(await redis.keys(`${prefix}:{u:u1}*`)).toEqual([]);
      expect(await redis.sismember(store.keys.global.outboxUsers, 'u1')).toBe(0);
    });

    it('reads a user stored in the previous format and carries on in the compact one', async () => {
      const redis = client();
      const prefix = uniquePrefix('previous');
      const k = new RedisSessionStore({ redis, prefix }).keys.user('u1');
      // As the store wrote them before the compact forms: a plain JSON document, JSON-array entries.
      const doc = '{"v":2,"userId":"u1","locale":"zh-CN","localePinned":false,"timezone":null,"active":{"id":"c1",' +
        '"phase":"following","openedAt":"2026-11-22T02:00:00.000Z","updatedAt":"2026-11-22T02:05:00.000Z","slots":{' +
        '"orderId":"3916452812345678901","problem":"damaged","problemText":"杯子碎了","wants":"refund","platform":null,' +
        '"trackingNo":null,"receivedOn":null,"amountPaid":null,"amountRefunded":null},"skipped":[],"evidence":[],"timeline":[],' +
        '"reminders":[],"sellerDrafts":1,"food":false,"compensationPercent":null,"rung":"seller"},"closed":[],"caseSeq":1,' +
        '"pending":null,"disclaimerShown":true}';
      await redis.hset(k.state, 'doc', doc, 'rev', 3, 'case', 'c1', 'seen', '|');
      await redis.rpush(k.evidence, '[1795313100000,"photo","外箱破损","AgACAgUAAxkBAAIBZ2ZmAAMCAAN5AAM0BA","outer_box"]');
      await redis.rpush(k.timeline, '[1795312800000,"opened"]', '[1795312800000,"draft_sent","seller"]', '[1795313100000,"evidence_logged","photo"]');

      const { state, corrupt } = await new RedisSessionStore({ redis, prefix }).load('u1');
      expect(corrupt).toBe(false);
      expect(state?.active?.evidence).toEqual([
        { at: '2026-11-22T02:05:00.000Z', kind: 'photo', caption: '外箱破损', fileId: 'AgACAgUAAxkBAAIBZ2ZmAAMCAAN5AAM0BA', item: 'outer_box' },
      ]);
      expect(state?.active?.timeline.map((t) => [t.type, t.note])).toEqual([['opened', ''], ['draft_sent', 'seller'], ['evidence_logged', 'photo']]);

      const photo = { type: 'media', kind: 'photo', caption: '破损特写', fileId: 'AgACAgUAAxkBAAIBZ3ZmAAMCAAN5AAM0BA' } as const;
      const next = step(state!, photo, new Date('2026-11-22T02:10:00Z'), { timezone: 'Asia/Shanghai' }).state;
      await new RedisSessionStore({ redis, prefix }).transact('u1', () => ({ state: next, messages: [], schedule: [], locale: null }));
      expect(await new RedisSessionStore({ redis, prefix }).load('u1')).toEqual({ state: next, corrupt: false });
      // The stored entries stay as they were; the new ones are compact, and so is the document.
      const evidence = await redis.lrangeBuffer(k.evidence, 0, -1);
      expect(evidence.map((e) => e.toString().startsWith('['))).toEqual([true, false]);
      // 'go': 600 s after the case was opened; the file id as bytes, its first 13 those of the entry before.
      const bytes = Buffer.from(photo.fileId, 'base64url');
      expect(evidence[1]).toEqual(Buffer.concat([Buffer.from('go\x1fP破损特写\x1fe\x1f'), Buffer.of(13), bytes.subarray(13)]));
      expect(await redis.hget(k.state, 'doc')).toMatch(/^~\{/);
    });

    it("keeps a case's lists exact when their oldest entries are dropped (the engine's caps)", async () => {
      const redis = client();
      const prefix = uniquePrefix('caps');
      const store = new RedisSessionStore({ redis, prefix });
      const { active } = step(freshState('u1'), { type: 'text', text: '订单号 3916452812345678901 杯子碎了 想退款' },
        new Date('2026-11-22T02:00:00Z'), { timezone: 'Asia/Shanghai' }).state;
      const photo = (n: number) => ({
        at: new Date(Date.parse('2026-11-22T02:00:00Z') + n * 60_000).toISOString(), kind: 'photo' as const, caption: `图${n}`,
        fileId: Buffer.concat([Buffer.from('AgACAgUAAxkBAAIB', 'base64url'), Buffer.from([n >> 8, n & 255, 7, 7])]).toString('base64url'),
        item: null,
      });
      const nudge = (n: number) => ({ ...active!.timeline[0]!, type: 'nudged' as const, note: `n${n}` });
      const commit = (from: number, to: number) => {
        const state = userState('u1', {
          active: { ...active!, evidence: Array.from({ length: to - from }, (_, i) => photo(from + i)),
            timeline: Array.from({ length: to - from }, (_, i) => nudge(from + i)) },
        });
        return store.transact('u1', () => ({ state, messages: [], schedule: [], locale: null })).then(() => state);
      };
      await commit(0, 200);
      await commit(1, 201); // the oldest of each list dropped as one is appended
      const state = await commit(3, 203);
      expect(await new RedisSessionStore({ redis, prefix }).load('u1')).toEqual({ state, corrupt: false });
      expect(await redis.llen(store.keys.user('u1').evidence)).toBe(200);
    });

    it('drops a user from the recovery index once their outbox is empty', async () => {
      const redis = client();
      const store = new RedisSessionStore({ redis, prefix: uniquePrefix('index'), inflightLeaseMs: 0 });
      const batch = await store.transact('u1', increment('u1'));
      expect(await redis.smembers(store.keys.global.outboxUsers)).toEqual(['u1']);
      await store.ackOutbox('u1', batch.id);
      expect(await store.claimOutbox(null, 1_000)).toEqual([]);
      expect(await redis.smembers(store.keys.global.outboxUsers)).toEqual([]);
      // A stale index entry (a crash after indexing) is tolerated and cleaned.
      await redis.sadd(store.keys.global.outboxUsers, 'ghost');
      expect(await store.claimOutbox(null, 1_000)).toEqual([]);
      expect(await redis.smembers(store.keys.global.outboxUsers)).toEqual([]);
    });

    it('re-runs turns that lost a race with another process, and loses nothing', async () => {
      const prefix = uniquePrefix('conflict');
      const stores = [0, 1, 2].map(() => new RedisSessionStore({ redis: client(), prefix }));
      let runs = 0;
      const counted = (cur: Parameters<ReturnType<typeof increment>>[0]) => {
        runs += 1;
        return increment('u1')(cur);
      };
      await Promise.all(stores.flatMap((s) => Array.from({ length: 20 }, () => s.transact('u1', counted))));
      expect((await stores[0]!.load('u1')).state?.caseSeq).toBe(60);
      expect(runs).toBeGreaterThan(60); // some turns were re-run after a conflict
    });
  });
});
