/**
 * The `SessionStore` contract: every implementation must pass this suite
 * (session-store.memory.test.ts, session-store.redis.test.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { freshState, step } from '../../src/engine/engine.ts';
import { ClosedCase, STATE_VERSION, type Inbound, type UserState } from '../../src/domain/index.ts';
import type { Loaded, SessionStore, TurnOutcome } from '../../src/store/port.ts';
import { RedisSessionStore } from '../../src/store/redis-session-store.ts';
import type { RedisClient } from '../../src/redis/support.ts';

export interface SessionStoreHarness {
  store: SessionStore;
  /** Write a raw state document, as an older version or damage would have. */
  putRaw(userId: string, doc: string): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** How long a freshly committed batch is reserved for the caller of `transact`. */
  inflightLeaseMs?: number;
}

export type MakeSessionStore = (opts?: HarnessOptions) => Promise<SessionStoreHarness>;

/** A harness over a Redis store (one server or a Cluster) under its own key prefix. */
export function redisHarness(redis: RedisClient, prefix: string, opts: HarnessOptions = {}): SessionStoreHarness {
  const store = new RedisSessionStore({ redis, prefix, ...opts });
  return {
    store,
    putRaw: async (userId, doc) => {
      await redis.hset(store.keys.user(userId).state, 'doc', doc);
      await redis.hincrby(store.keys.user(userId).state, 'rev', 1);
    },
    close: () => store.close(),
  };
}

export function userState(userId: string, patch: Partial<UserState> = {}): UserState {
  return { ...freshState(userId), ...patch };
}

/** A turn that increments `caseSeq` and says how far it got. */
export function increment(userId: string) {
  return (current: Loaded): TurnOutcome => {
    const base = current.state ?? userState(userId);
    const state = { ...base, caseSeq: base.caseSeq + 1 };
    return { state, messages: [{ kind: 'info', text: `n=${state.caseSeq}` }], schedule: [], locale: null };
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A buyer's case through the engine up to its closing by /cancel (/new parks a case, it closes none):
 * evidence, a seller's answer and promise, a letter. Returns the record the closing turn handed to the
 * store (as the schema reads it).
 */
export async function cancelCase(store: SessionStore, userId: string, opts: { updateId?: string } = {}): Promise<ClosedCase> {
  let now = Date.parse('2026-11-23T02:00:00Z');
  let closed: ClosedCase | undefined;
  const turns: Inbound[] = [
    { type: 'text', text: '京东订单 5512093847561203948，新买的电热水壶底座漏水，要换一个新的' },
    { type: 'media', kind: 'photo', caption: '底座渗水的照片', fileId: 'AgACAgUAAxkBAAIC1ZmFrZS1maWxlLWlkAAMCAAN5AAM0BA' },
    { type: 'text', text: '客服说三天内给我寄新的' },
    { type: 'command', command: 'cancel' },
  ];
  for (const [i, inbound] of turns.entries()) {
    const last = i === turns.length - 1;
    await store.transact(userId, (cur) => {
      const r = step(cur.state ?? freshState(userId), inbound, new Date((now += 3_600_000)), { timezone: 'Asia/Shanghai' });
      closed = r.closed?.[0];
      return { state: r.state, messages: r.out, schedule: r.schedule, locale: r.state.locale, ...(r.closed ? { closed: r.closed } : {}) };
    }, last && opts.updateId ? { updateId: opts.updateId } : {});
  }
  expect(closed).toBeDefined();
  return ClosedCase.parse(JSON.parse(JSON.stringify(closed)));
}

/** The same record under another case id (for the cap), closed `minutes` later. */
function recordAs(c: ClosedCase, id: string, minutes: number): ClosedCase {
  return { ...c, id, closedAt: new Date(Date.parse(c.closedAt) + minutes * 60_000).toISOString() };
}

/**
 * Call `get` every 25 ms until it has produced `n` items in total (or 5 s passed).
 * For "comes back once the lease runs out" checks that must not depend on machine speed.
 */
export async function collect<T>(n: number, get: () => Promise<T[]>): Promise<T[]> {
  const got: T[] = [];
  const deadline = Date.now() + 5_000;
  while (got.length < n && Date.now() < deadline) {
    got.push(...(await get()));
    if (got.length < n) await sleep(25);
  }
  return got;
}

export function sessionStoreContract(name: string, make: MakeSessionStore): void {
  describe(`SessionStore contract: ${name}`, () => {
    const open: SessionStoreHarness[] = [];
    const harness = async (opts?: HarnessOptions) => {
      const h = await make(opts);
      open.push(h);
      return h;
    };
    afterEach(async () => {
      await Promise.all(open.splice(0).map((h) => h.close()));
    });

    it('loads a missing user as no state, not corrupt', async () => {
      const { store } = await harness();
      expect(await store.load('nobody')).toEqual({ state: null, corrupt: false });
    });

    it('commits the state a turn returns and hands it to the next turn', async () => {
      const { store } = await harness();
      const seen: Loaded[] = [];
      const turn = (cur: Loaded) => {
        seen.push(cur);
        return increment('u1')(cur);
      };
      await store.transact('u1', turn);
      await store.transact('u1', turn);
      expect(seen[0]).toEqual({ state: null, corrupt: false });
      expect(seen[1]?.state?.caseSeq).toBe(1);
      expect(await store.load('u1')).toEqual({ state: userState('u1', { caseSeq: 2 }), corrupt: false });
    });

    it('returns the committed batch with a fresh id', async () => {
      const { store } = await harness();
      const a = await store.transact('u1', () => ({
        state: userState('u1', { locale: 'zh-CN' }),
        messages: [{ kind: 'question', slot: 'orderId', text: '订单号是多少?', options: [{ label: '跳过', value: 'skip' }] }],
        schedule: [{ op: 'set', id: 'c1-seller_promise', userId: 'u1', dueAt: '2026-11-23T02:00:00.000Z' }],
        locale: 'zh-CN',
      }));
      const b = await store.transact('u1', increment('u1'));
      expect(a).toMatchObject({
        userId: 'u1',
        locale: 'zh-CN',
        messages: [{ kind: 'question', slot: 'orderId', text: '订单号是多少?', options: [{ label: '跳过', value: 'skip' }] }],
        schedule: [{ op: 'set', id: 'c1-seller_promise', userId: 'u1', dueAt: '2026-11-23T02:00:00.000Z' }],
      });
      expect(a.forget ?? false).toBe(false);
      expect(typeof a.id).toBe('string');
      expect(a.id).not.toBe(b.id);
    });

    it('keeps users apart', async () => {
      const { store } = await harness();
      await store.transact('u1', increment('u1'));
      await store.transact('u1', increment('u1'));
      await store.transact('u2', increment('u2'));
      expect((await store.load('u1')).state?.caseSeq).toBe(2);
      expect((await store.load('u2')).state?.caseSeq).toBe(1);
    });

    it('reports a document that is not JSON as corrupt, without throwing', async () => {
      const { store, putRaw } = await harness();
      await putRaw('u1', '{"v":1, "userId": "u1", trunc');
      expect(await store.load('u1')).toEqual({ state: null, corrupt: true });
    });

    it('reports an old-version document as corrupt and lets the turn replace it', async () => {
      const { store, putRaw } = await harness();
      await putRaw('u1', JSON.stringify({ v: 0, user: 'u1', case: { step: 3 } }));
      expect(await store.load('u1')).toEqual({ state: null, corrupt: true });
      let seen: Loaded | undefined;
      await store.transact('u1', (cur) => {
        seen = cur;
        return increment('u1')(cur);
      });
      expect(seen).toEqual({ state: null, corrupt: true });
      expect(await store.load('u1')).toEqual({ state: userState('u1', { caseSeq: 1 }), corrupt: false });
    });

    it('fills schema defaults of a valid document on read', async () => {
      const { store, putRaw } = await harness();
      await putRaw('u1', JSON.stringify({ v: STATE_VERSION, userId: 'u1', locale: 'en', active: null }));
      expect(await store.load('u1')).toEqual({ state: userState('u1', { locale: 'en' }), corrupt: false });
    });

    it('writes nothing when the turn throws, and passes the error on', async () => {
      const { store } = await harness({ inflightLeaseMs: 0 });
      await store.transact('u1', increment('u1'));
      const boom = new Error('engine bug');
      await expect(
        store.transact('u1', () => {
          throw boom;
        }),
      ).rejects.toBe(boom);
      expect((await store.load('u1')).state?.caseSeq).toBe(1);
      expect((await store.claimOutbox('u1', 10_000)).map((b) => b.messages[0]?.text)).toEqual(['n=1']);
    });

    it('validates a state once, on its way in: a stored document that fails the schema reads as corrupt', async () => {
      const { store, putRaw } = await harness();
      await store.transact('u1', increment('u1'));
      // The engine's state is trusted on the way out (not parsed twice); what comes back
      // from storage is parsed, so damage is caught there.
      await putRaw('u1', JSON.stringify({ ...userState('u1'), caseSeq: -5 }));
      expect(await store.load('u1')).toEqual({ state: null, corrupt: true });
    });

    it("brings back a case's evidence and timeline exactly, also an entry that changed in place", async () => {
      const { store } = await harness();
      let now = Date.parse('2026-11-23T02:00:00Z');
      const send = (inbound: Inbound) =>
        store.transact('u1', (cur) => {
          const r = step(cur.state ?? freshState('u1'), inbound, new Date((now += 61_500)), { timezone: 'Asia/Shanghai' });
          return { state: r.state, messages: r.out, schedule: r.schedule, locale: r.state.locale };
        });
      const photo = (caption: string, n: number): Inbound => ({
        type: 'media', kind: 'photo', caption, fileId: `AgACAgUAAxkBAAIB${n}ZmFrZS1maWxlLWlkAAMCAAN5AAM0BA`,
      });
      await send({ type: 'text', text: '我的快递有问题' });
      // Photos before the problem is known: matched to no checklist item yet.
      for (const [i, caption] of ['', '外箱破损', ''].entries()) await send(photo(caption, 1000 + i));
      expect((await store.load('u1')).state?.active?.evidence.map((e) => e.item)).toEqual([null, null, null]);
      // Now the problem is known: the photo in the middle gets its item, the others stay unmatched.
      await send({ type: 'text', text: '订单号 3916452812345678901 杯子到手就碎了 想退款' });
      await send({ type: 'text', text: '卖家说24小时内给我答复' });
      await send(photo('破损特写', 2000));
      const { state } = await store.load('u1');
      expect(state?.active?.evidence.map((e) => e.item)).toEqual([null, 'outer_box', null, 'defect_closeup']);
      expect(state?.active?.timeline.map((t) => t.type)).toContain('seller_promise');
      const last = await store.transact('u1', (cur) => ({ state: cur.state!, messages: [], schedule: [], locale: null }));
      expect(last.duplicate).toBeUndefined();
      expect((await store.load('u1')).state).toEqual(state);
    });

    it('reads back what the seller gave as reasons, as the turn recorded them', async () => {
      const { store } = await harness();
      let now = Date.parse('2026-11-23T02:00:00Z');
      let committed: UserState | null = null;
      for (const text of ['订单号 3916452812345678901 杯子到手就碎了 想退款', '卖家不肯退，说是我自己不小心弄坏的', '卖家说只能退一半，理由是快递摔的跟店里无关']) {
        await store.transact('u1', (cur) => {
          const r = step(cur.state ?? freshState('u1'), { type: 'text', text }, new Date((now += 60_000)), { timezone: 'Asia/Shanghai' });
          committed = r.state;
          return { state: r.state, messages: r.out, schedule: r.schedule, locale: r.state.locale };
        });
      }
      const timeline = committed!.active!.timeline;
      expect(timeline.some((t) => t.reason) && timeline.some((t) => t.because)).toBe(true);
      expect((await store.load('u1')).state?.active?.timeline).toEqual(JSON.parse(JSON.stringify(timeline)));
    });

    it("keeps the buyer's word that the seller letter went unanswered: the reloaded case writes the same platform letter", async () => {
      const { store } = await harness();
      const start = Date.parse('2026-11-23T02:00:00Z');
      const turns: [Inbound, number][] = [
        [{ type: 'text', text: '订单号 3916452812345678901 杯子到手就碎了 想退款' }, 0],
        [{ type: 'tick', reminderId: 'c1-reply_deadline' }, 26],
        [{ type: 'choice', slot: 'nextStep', value: 'sentNoReply' }, 27],
      ];
      let committed: UserState | null = null;
      for (const [inbound, hours] of turns) {
        await store.transact('u1', (cur) => {
          const r = step(cur.state ?? freshState('u1'), inbound, new Date(start + hours * 3600_000), { timezone: 'Asia/Shanghai' });
          committed = r.state;
          return { state: r.state, messages: r.out, schedule: r.schedule, locale: r.state.locale };
        });
      }
      const confirmed = committed!.active!.timeline.find((t) => t.type === 'seller_no_response');
      expect(confirmed).toMatchObject({ note: 'reply_deadline', deadline: '2026-11-24T02:00:00.000Z', happenedAt: null });
      const loaded = (await store.load('u1')).state!;
      expect(loaded.active?.timeline).toEqual(JSON.parse(JSON.stringify(committed!.active!.timeline)));
      // Asked for the letter again after the reload, it still states the silence the buyer confirmed.
      const again = step(loaded, { type: 'text', text: '把平台介入的文本再发我一次' }, new Date(start + 28 * 3600_000), { timezone: 'Asia/Shanghai' });
      const letter = again.out.find((m) => m.kind === 'draft' && m.to === 'platform');
      expect(letter?.body).toContain('我已把书面要求发给卖家，要求2026年11月24日 10:00前答复，卖家未答复。');
    });

    it('commits an update id once: a repeat writes nothing', async () => {
      const { store } = await harness({ inflightLeaseMs: 0 });
      const counted = increment('u1');
      const first = await store.transact('u1', counted, { updateId: 'tg:1:100' });
      expect(first.duplicate).toBeUndefined();
      const again = await store.transact('u1', counted, { updateId: 'tg:1:100' });
      expect(again).toMatchObject({ duplicate: true, messages: [], schedule: [] });
      await store.transact('u1', counted, { updateId: 'tg:1:101' });
      expect((await store.load('u1')).state?.caseSeq).toBe(2);
      // Another user's update with the same id is theirs.
      expect((await store.transact('u2', increment('u2'), { updateId: 'tg:1:100' })).duplicate).toBeUndefined();
      expect((await store.claimOutbox('u1', 10_000)).map((b) => b.messages[0]?.text)).toEqual(['n=1', 'n=2']);
    });

    it('remembers the recent update ids of a user', async () => {
      const { store } = await harness();
      for (let i = 0; i < 15; i++) await store.transact('u1', increment('u1'), { updateId: `tg:1:${1000 + i}` });
      for (let i = 0; i < 15; i++) {
        expect((await store.transact('u1', increment('u1'), { updateId: `tg:1:${1000 + i}` })).duplicate).toBe(true);
      }
      expect((await store.load('u1')).state?.caseSeq).toBe(15);
    });

    it('loses no update when 50 turns of one user run at once', async () => {
      const { store } = await harness();
      await Promise.all(Array.from({ length: 50 }, () => store.transact('u1', increment('u1'))));
      expect((await store.load('u1')).state?.caseSeq).toBe(50);
    });

    describe('outbox', () => {
      it('reserves a fresh batch for the caller of transact, then lets recovery claim it', async () => {
        const { store } = await harness({ inflightLeaseMs: 300 });
        const batch = await store.transact('u1', increment('u1'));
        expect(await store.claimOutbox(null, 10_000)).toEqual([]);
        expect(await collect(1, () => store.claimOutbox(null, 10_000))).toEqual([batch]);
        expect(await store.claimOutbox(null, 10_000)).toEqual([]);
      });

      it('hands an acked batch to no one', async () => {
        const { store } = await harness({ inflightLeaseMs: 0 });
        const batch = await store.transact('u1', increment('u1'));
        await store.ackOutbox('u1', batch.id);
        expect(await store.claimOutbox(null, 10_000)).toEqual([]);
        expect(await store.claimOutbox('u1', 10_000)).toEqual([]);
      });

      it('claims oldest first, per user', async () => {
        const { store } = await harness({ inflightLeaseMs: 0 });
        const a1 = await store.transact('u1', increment('u1'));
        const b1 = await store.transact('u2', increment('u2'));
        const a2 = await store.transact('u1', increment('u1'));
        expect(await store.claimOutbox('u1', 10_000)).toEqual([a1, a2]);
        expect(await store.claimOutbox(null, 10_000)).toEqual([b1]);
      });

      it('makes an unacked claim claimable again when its lease runs out', async () => {
        const { store } = await harness({ inflightLeaseMs: 0 });
        const batch = await store.transact('u1', increment('u1'));
        expect(await store.claimOutbox('u1', 300)).toEqual([batch]);
        expect(await store.claimOutbox('u1', 300)).toEqual([]);
        expect(await collect(1, () => store.claimOutbox(null, 10_000))).toEqual([batch]);
        await store.ackOutbox('u1', batch.id);
        await sleep(20);
        expect(await store.claimOutbox(null, 0)).toEqual([]);
      });

      it('stores no batch for a turn with nothing to deliver', async () => {
        const { store } = await harness({ inflightLeaseMs: 0 });
        const batch = await store.transact('u1', () => ({ state: userState('u1'), messages: [], schedule: [], locale: null }));
        expect(batch.messages).toEqual([]);
        expect(await store.claimOutbox(null, 10_000)).toEqual([]);
      });

      it('keeps a forget request in the batch', async () => {
        const { store } = await harness({ inflightLeaseMs: 0 });
        await store.transact('u1', () => ({ state: userState('u1'), messages: [], schedule: [], locale: 'en', forget: true }));
        const [batch] = await store.claimOutbox('u1', 10_000);
        expect(batch).toMatchObject({ userId: 'u1', forget: true, locale: 'en' });
      });

      it('records delivery progress: a claimed batch says how many messages were sent', async () => {
        const { store } = await harness({ inflightLeaseMs: 0 });
        const batch = await store.transact('u1', () => ({
          state: userState('u1'),
          messages: [1, 2, 3].map((n) => ({ kind: 'info' as const, text: `m${n}` })),
          schedule: [],
          locale: null,
        }));
        expect(batch.sent).toBe(0);
        const [claimed] = await store.claimOutbox('u1', 300);
        expect(claimed).toEqual(batch);
        await store.markSent('u1', batch.id, 2, 300);
        expect(await store.claimOutbox('u1', 10_000)).toEqual([]); // the lease was renewed
        const again = await collect(1, () => store.claimOutbox('u1', 10_000));
        expect(again).toEqual([{ ...batch, sent: 2 }]);
        await store.markSent('u1', 'no-such-batch', 1, 300);
      });

      it('ignores an ack of an unknown batch', async () => {
        const { store } = await harness();
        await store.ackOutbox('u1', 'no-such-batch');
        await store.ackOutbox('nobody', 'no-such-batch');
      });
    });

    describe("closed cases' records", () => {
      it('keeps the record of a case closed by a turn, written with it, and gives it back exactly as it was', async () => {
        const { store } = await harness();
        const record = await cancelCase(store, 'u1');
        expect(record.outcome).toBe('cancelled');
        expect(record.evidence.map((e) => e.caption)).toEqual(['底座渗水的照片']);
        expect(record.timeline.map((t) => t.type)).toEqual(expect.arrayContaining(['opened', 'draft_sent', 'seller_promise', 'cancelled']));
        expect(await store.closedCase('u1', 'c1')).toEqual(record);
        // The working document keeps the summary, which says a record was kept; not the record.
        const { state } = await store.load('u1');
        expect(state?.closed).toEqual([expect.objectContaining({ id: 'c1', status: 'cancelled', kept: true })]);
        expect(JSON.stringify(state)).not.toContain('底座渗水的照片');
        expect(await store.closedCase('u1', 'c2')).toBeNull();
        expect(await store.closedCase('u2', 'c1')).toBeNull();
      });

      it('writes no record for a repeated update, and none for a turn that closes nothing', async () => {
        const { store } = await harness();
        const record = await cancelCase(store, 'u1', { updateId: 'upd-close' });
        const changed = recordAs(record, 'c1', 5);
        const repeat = await store.transact('u1', (cur) => ({ state: cur.state!, messages: [], schedule: [], locale: null, closed: [changed] }), { updateId: 'upd-close' });
        expect(repeat.duplicate).toBe(true);
        await store.transact('u1', (cur) => ({ state: { ...cur.state!, caseSeq: cur.state!.caseSeq + 1 }, messages: [], schedule: [], locale: null }));
        expect(await store.closedCase('u1', 'c1')).toEqual(record);
      });

      it("keeps the records of the cases the state's summaries keep, and drops the others when a case closes", async () => {
        const { store } = await harness();
        const record = await cancelCase(store, 'u1');
        const summary = (await store.load('u1')).state!.closed[0]!;
        const close = (id: string, keep: string[], minutes: number) =>
          store.transact('u1', (cur) => ({
            state: { ...cur.state!, closed: keep.map((k) => ({ ...summary, id: k })) },
            messages: [], schedule: [], locale: null, closed: [recordAs(record, id, minutes)],
          }));
        await close('c2', ['c1', 'c2'], 10);
        expect((await store.closedCase('u1', 'c2'))?.closedAt).toBe(recordAs(record, 'c2', 10).closedAt);
        expect(await store.closedCase('u1', 'c1')).toEqual(record);
        // c1's summary fell off the state's list (its cap): its record goes with the next close.
        await close('c3', ['c2', 'c3'], 20);
        expect(await store.closedCase('u1', 'c1')).toBeNull();
        expect((await store.closedCase('u1', 'c2'))?.id).toBe('c2');
        expect((await store.closedCase('u1', 'c3'))?.id).toBe('c3');
      });

      it('forgets the records with the rest of the buyer', async () => {
        const { store } = await harness();
        await cancelCase(store, 'u1');
        await cancelCase(store, 'u2');
        await store.forget('u1');
        expect(await store.closedCase('u1', 'c1')).toBeNull();
        expect((await store.closedCase('u2', 'c1'))?.id).toBe('c1');
      });
    });

    it('forgets state and outbox', async () => {
      const { store } = await harness({ inflightLeaseMs: 0 });
      await store.transact('u1', increment('u1'));
      await store.transact('u2', increment('u2'));
      await store.forget('u1');
      expect(await store.load('u1')).toEqual({ state: null, corrupt: false });
      expect(await store.claimOutbox('u1', 10_000)).toEqual([]);
      expect((await store.claimOutbox(null, 10_000)).map((b) => b.userId)).toEqual(['u2']);
      // A forgotten user starts from scratch.
      await store.transact('u1', increment('u1'));
      expect((await store.load('u1')).state?.caseSeq).toBe(1);
    });
  });
}
