/**
 * Exactly once, at the Assistant: a re-delivered update runs once; a batch cut short by a
 * crash is finished by another process with only its unsent messages; an old batch does
 * not apply a reminder change a later turn superseded; a reminder whose turn failed is not
 * acknowledged and comes back. On one Redis and on a 3-master Cluster.
 */
import pino from 'pino';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { Assistant, type AssistantEvent } from '../../src/app/assistant.ts';
import { ManualClock } from '../../src/app/clock.ts';
import { AppError } from '../../src/domain/errors.ts';
import type { Outbound } from '../../src/domain/index.ts';
import { openStorage, type Storage } from '../../src/app/open-storage.ts';
import { uniquePrefix } from '../helpers/redis-server.ts';

const redisUrl = inject('redisUrl');
const redisClusterNodes = inject('redisClusterNodes');
const logger = pino({ level: 'silent' });
const ORDER = '3916452812345678901';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

for (const [name, where] of [
  ['one Redis', redisUrl ? { redisUrl } : null],
  ['a Redis Cluster', redisClusterNodes ? { redisClusterNodes } : null],
] as const) {
  describe.skipIf(!where)(`exactly once on ${name}`, () => {
    const opened: Storage[] = [];
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((s) => s.close()));
    });

    async function world() {
      const keyPrefix = uniquePrefix('once');
      const clock = new ManualClock('2026-11-22T10:00:00+08:00');
      const sent: Array<{ by: string; m: Outbound }> = [];
      const events: AssistantEvent[] = [];
      const proc = async (by: string, deliver?: (m: Outbound) => Promise<void>) => {
        const storage = await openStorage({ ...where!, logger, keyPrefix, inflightLeaseMs: 300 });
        opened.push(storage);
        const assistant = new Assistant({
          store: storage.store, scheduler: storage.scheduler, clock, logger, timezone: 'Asia/Shanghai', leaseMs: 300,
          onEvent: (e) => events.push(e),
          deliver: async (_u, messages) => {
            for (const m of messages) {
              if (deliver) await deliver(m);
              sent.push({ by, m });
            }
          },
        });
        return { assistant, storage };
      };
      return { proc, clock, sent, events };
    }

    it('processes a re-delivered update once, and reports it', async () => {
      const { proc, sent } = await world();
      const { assistant } = await proc('A');
      const { assistant: other } = await proc('B');
      const say = { type: 'text' as const, text: `订单号 ${ORDER}，杯子碎了，想退款` };
      expect(await assistant.handleUpdate('buyer', say, { updateId: 'tg:1:500' })).toEqual({ status: 'committed' });
      const replies = sent.length;
      expect(replies).toBeGreaterThan(1);
      // The same update again, here and on another replica.
      expect(await assistant.handleUpdate('buyer', say, { updateId: 'tg:1:500' })).toEqual({ status: 'duplicate' });
      expect(await other.handleUpdate('buyer', say, { updateId: 'tg:1:500' })).toEqual({ status: 'duplicate' });
      expect(sent).toHaveLength(replies);
    });

    it('finishes a batch cut short by a crash with only its unsent messages', async () => {
      const { proc, sent } = await world();
      let crash = false;
      const a = await proc('A', async () => {
        if (crash && sent.filter((s) => s.by === 'A').length >= 2) throw new AppError('transport', 'process killed');
      });
      await a.assistant.handle('buyer', { type: 'text', text: '我的快递有问题' });
      crash = true;
      const from = sent.length;
      // This turn answers with several messages (acknowledgement, checklist, draft, next step).
      await a.assistant.handle('buyer', { type: 'text', text: `订单号 ${ORDER}，杯子碎了，想退款` });
      await a.assistant.idle();
      const before = sent.slice(from).map((s) => s.m.text);
      expect(before.length).toBeGreaterThanOrEqual(1);

      const b = await proc('B');
      let recovered: string[] = [];
      const deadline = Date.now() + 5_000;
      while (recovered.length === 0 && Date.now() < deadline) {
        await sleep(50);
        const at = sent.length;
        await b.assistant.recover();
        recovered = sent.slice(at).map((s) => s.m.text);
      }
      await b.assistant.idle();
      expect(recovered.length).toBeGreaterThan(0);
      // Together exactly the turn's messages, none twice.
      const all = [...before, ...recovered];
      expect(new Set(all).size).toBe(all.length);
      expect(recovered.some((t) => before.includes(t))).toBe(false);
      expect(all.length).toBeGreaterThanOrEqual(3);
      // And nothing more to recover.
      await sleep(400);
      expect(await b.assistant.recover()).toBe(0);
    });

    it('does not let an old batch set a reminder that a later turn cancelled', async () => {
      const { proc, clock } = await world();
      const fail = { on: false };
      const a = await proc('A', async () => {
        if (fail.on) throw new AppError('transport', 'messenger down');
      });
      await a.assistant.handle('buyer', { type: 'text', text: `订单号 ${ORDER}，杯子碎了，想退款` });
      // The promise turn: its batch (reminder set) fails to deliver and stays in the outbox…
      fail.on = true;
      await a.assistant.handle('buyer', { type: 'text', text: '卖家说24小时内给我答复' });
      await a.assistant.idle();
      fail.on = false;
      // …the buyer cancels the case, which cancels its reminders…
      await a.assistant.handle('buyer', { type: 'command', command: 'cancel' });
      await a.assistant.idle();
      // …then recovery delivers the old batch: its reminder must stay cancelled.
      const b = await proc('B');
      await sleep(400);
      expect(await b.assistant.recover()).toBeGreaterThan(0);
      await b.assistant.idle();
      clock.advance(3 * 86_400_000);
      expect(await b.storage.scheduler.claimDue(clock.now(), 60_000)).toEqual([]);
    });

    it('does not acknowledge a reminder whose turn failed, and runs it again later', async () => {
      const { proc, clock, sent, events } = await world();
      const a = await proc('A');
      for (const text of [`订单号 ${ORDER}，杯子碎了，想退款`, '卖家说24小时内给我答复']) {
        await a.assistant.handle('buyer', { type: 'text', text });
      }
      await a.assistant.idle();
      clock.advance(2 * 86_400_000);
      // The turn fails: its state cannot be written (a stand-in for Redis refusing mid-turn).
      const store = a.storage.store;
      const transact = store.transact.bind(store);
      store.transact = async () => {
        throw new AppError('transport', 'Redis unavailable');
      };
      const from = sent.length;
      expect(await a.assistant.fireDue()).toBe(1);
      expect(sent.slice(from)).toEqual([]); // no apology for a message the buyer never sent
      expect(events.some((e) => e.type === 'turn' && e.status === 'failed')).toBe(true);
      store.transact = transact;
      // Retried after its backoff (1 s), and then delivered once.
      let fired = 0;
      const deadline = Date.now() + 8_000;
      while (fired === 0 && Date.now() < deadline) {
        await sleep(100);
        fired = await a.assistant.fireDue();
      }
      expect(fired).toBe(1);
      expect(sent.slice(from).filter((s) => s.m.kind === 'nudge')).toHaveLength(1);
      expect(events.filter((e) => e.type === 'reminder')).toHaveLength(1);
      await sleep(400);
      expect(await a.assistant.fireDue()).toBe(0);
    });
  });
}
