/**
 * Two Assistant "processes" on one Redis: a conversation begun in one continues in the
 * other, a reminder set through one is delivered once by the other, and a reply whose
 * delivery failed in one is delivered by the other's recovery.
 */
import pino from 'pino';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { Assistant } from '../../src/app/assistant.ts';
import { ManualClock } from '../../src/app/clock.ts';
import { AppError } from '../../src/domain/errors.ts';
import type { Outbound } from '../../src/domain/index.ts';
import { openStorage, type Storage } from '../../src/app/open-storage.ts';
import { uniquePrefix } from '../helpers/redis-server.ts';

const redisUrl = inject('redisUrl');
const logger = pino({ level: 'silent' });
const ORDER = '3916452812345678901';

interface Sent {
  by: string;
  userId: string;
  m: Outbound;
}

describe.skipIf(!redisUrl)('Assistant on Redis, two processes', () => {
  const opened: Storage[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
  });

  async function twoProcesses() {
    const keyPrefix = uniquePrefix('assistant');
    const clock = new ManualClock('2026-11-22T10:00:00+08:00');
    const sent: Sent[] = [];
    let failDeliveryOf: string | null = null;
    const proc = async (by: string) => {
      // inflightLeaseMs 0: an undelivered batch is recoverable at once (no live committer races us here).
      const storage = await openStorage({ redisUrl: redisUrl!, logger, keyPrefix, inflightLeaseMs: 0 });
      opened.push(storage);
      return new Assistant({
        store: storage.store,
        scheduler: storage.scheduler,
        clock,
        logger,
        timezone: 'Asia/Shanghai',
        deliver: async (userId, messages) => {
          if (failDeliveryOf === by) throw new AppError('transport', 'messenger unreachable');
          for (const m of messages) sent.push({ by, userId, m });
        },
      });
    };
    const [a, b] = [await proc('A'), await proc('B')];
    return { a, b, proc, clock, sent, failDelivery: (by: string | null) => (failDeliveryOf = by) };
  }

  it('continues a conversation across processes and delivers its reminder once', async () => {
    const { a, b, clock, sent } = await twoProcesses();
    const say = async (p: Assistant, text: string) => {
      const from = sent.length;
      await p.handle('buyer', { type: 'text', text });
      return sent.slice(from).map((s) => s.m);
    };

    expect((await say(a, '我的快递有问题')).map((m) => m.slot)).toContain('orderId');
    // B knows what A asked: it takes the order number and moves on.
    const second = await say(b, `订单号 ${ORDER}`);
    expect(second.map((m) => m.text).join('\n')).toContain(ORDER);
    expect(second.map((m) => m.slot)).not.toContain('orderId');
    expect((await say(a, '杯子碎了')).map((m) => m.slot)).not.toContain('orderId');
    const done = await say(b, '想退款');
    expect(done.map((m) => m.kind)).toContain('checklist');
    expect(done.find((m) => m.kind === 'draft' && m.to === 'seller')?.text).toContain(ORDER);
    expect((await say(a, '卖家说24小时内给我答复')).map((m) => m.kind)).toEqual(['info']);

    clock.advance(23 * 3_600_000);
    expect(await b.fireDue()).toBe(0);
    clock.advance(2 * 3_600_000);
    const before = sent.length;
    // Both poll at once: the reminder is claimed by one of them and handled once.
    const fired = await Promise.all([b.fireDue(), a.fireDue()]);
    expect(fired[0] + fired[1]).toBe(1);
    const nudges = sent.slice(before);
    expect(nudges[0]?.m.kind).toBe('nudge');
    expect(nudges.every((s) => s.userId === 'buyer')).toBe(true);
    expect(nudges.filter((s) => s.m.kind === 'nudge')).toHaveLength(1);
    // Nothing more later, from either process.
    clock.advance(3_600_000);
    const after = sent.length;
    expect(await a.fireDue()).toBe(0);
    expect(sent.length).toBe(after);
    // Everything delivered was acked: nothing for recovery.
    expect(await a.recover()).toBe(0);
    expect(await b.recover()).toBe(0);
  });

  it('a reply that could not be delivered by one process is delivered by the other’s recovery, once', async () => {
    const { a, b, sent, failDelivery } = await twoProcesses();
    failDelivery('A');
    await a.handle('buyer', { type: 'text', text: '我的快递有问题' });
    expect(sent).toEqual([]);
    failDelivery(null);
    // A lease is at least 1 ms on the server's clock (inflightLeaseMs 0 is rounded up): let it run out.
    await new Promise((r) => setTimeout(r, 5));
    expect(await b.recover()).toBe(1);
    expect(sent.map((s) => [s.by, s.m.slot])).toContainEqual(['B', 'orderId']);
    expect(await a.recover()).toBe(0);
    // The turn was not re-run: the next answer continues from the question that was asked.
    const from = sent.length;
    await a.handle('buyer', { type: 'text', text: `订单号 ${ORDER}` });
    const next = sent.slice(from).map((s) => s.m);
    expect(next.map((m) => m.text).join('\n')).toContain(ORDER);
    expect(next.map((m) => m.slot)).not.toContain('orderId');
  });

  it('a reminder that fell due while every process was down is delivered by the next one, worded as late', async () => {
    const { a, proc, clock, sent } = await twoProcesses();
    for (const text of [`订单号 ${ORDER}，杯子碎了，想退款`, '卖家说24小时内给我答复']) {
      await a.handle('buyer', { type: 'text', text });
    }
    await Promise.all(opened.splice(0).map((s) => s.close())); // everything goes down
    clock.advance(3 * 24 * 3_600_000);
    const c = await proc('C');
    const from = sent.length;
    expect(await c.fireDue()).toBe(1);
    const nudge = sent.slice(from).find((s) => s.m.kind === 'nudge');
    expect(nudge?.by).toBe('C');
    expect(nudge?.m.text).toMatch(/晚到/);
  });
});
