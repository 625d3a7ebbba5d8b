/**
 * The shell's delivery rules: routing by messenger, blocked users, permanent refusals,
 * transport failures that keep the batch for later, each message's record stored before the
 * next goes out (and a batch another process took over left to it), and one buyer's batches
 * in commit order.
 */
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { Assistant, type Deliver } from '../../src/app/assistant.ts';
import { ManualClock } from '../../src/app/clock.ts';
import { DeliveryRouter } from '../../src/app/delivery-router.ts';
import { AppError } from '../../src/domain/errors.ts';
import type { Outbound } from '../../src/domain/index.ts';
import { MemoryScheduler } from '../../src/schedule/memory-scheduler.ts';
import { MemorySessionStore } from '../../src/store/memory-session-store.ts';

const ORDER = '3916452812345678901';

function setup(deliver: Deliver) {
  const store = new MemorySessionStore({ inflightLeaseMs: 0 });
  const scheduler = new MemoryScheduler();
  const clock = new ManualClock('2026-11-23T10:00:00+08:00');
  const assistant = new Assistant({ store, scheduler, clock, deliver, logger: pino({ level: 'silent' }), timezone: 'Asia/Shanghai' });
  return { store, scheduler, clock, assistant };
}

const say = (text: string) => ({ type: 'text' as const, text });

describe('delivery', () => {
  it('routes each user to their own messenger, also for reminders', async () => {
    const got: Record<string, Outbound[]> = { tg: [], wx: [] };
    const router = new DeliveryRouter();
    router.register('tg:', async (_u, m) => void got.tg!.push(...m));
    router.register('wx:', async (_u, m) => void got.wx!.push(...m));
    const { assistant, clock } = setup(router.deliver);
    await assistant.handle('wx:a', say(`订单号 ${ORDER}，杯子碎了，想退款`));
    await assistant.handle('wx:a', say('卖家说24小时内给我答复'));
    await assistant.handle('tg:1', say('我的快递有问题'));
    expect(got.tg!.map((m) => m.slot)).toEqual(['orderId']);
    const before = got.wx!.length;
    clock.advance(25 * 3600_000);
    expect(await assistant.fireDue()).toBe(1);
    expect(got.wx!.slice(before)[0]!.kind).toBe('nudge');
    expect(got.tg).toHaveLength(1);
  });

  it('a turn is done once the buyer has every message; the ack that clears the batch follows in the background', async () => {
    const got: Outbound[] = [];
    const { assistant, store } = setup(async (_u, m) => void got.push(...m));
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const ack = store.ackOutbox.bind(store);
    let acked = 0;
    store.ackOutbox = async (userId, batchId) => {
      await gate;
      await ack(userId, batchId);
      acked += 1;
    };
    await assistant.handle('tg:7', say(`订单号 ${ORDER}，杯子碎了，想退款`));
    // Every reply is out, while the ack is still held back.
    expect(got.some((m) => m.kind === 'draft')).toBe(true);
    expect(acked).toBe(0);
    let idle = false;
    const waiting = assistant.idle().then(() => (idle = true));
    await new Promise((r) => setImmediate(r));
    expect(idle).toBe(false);
    release();
    await waiting;
    expect(acked).toBe(1);
    expect(await store.claimOutbox(null, 0)).toEqual([]);
  });

  it('a user of a messenger not running here is kept in the outbox until one is', async () => {
    const router = new DeliveryRouter();
    const { assistant, store } = setup(router.deliver);
    await assistant.handle('wx:b', say('我的快递有问题'));
    const got: Outbound[] = [];
    router.register('wx:', async (_u, m) => void got.push(...m));
    expect(await assistant.recover()).toBe(1);
    expect(got[0]!.slot).toBe('orderId');
    expect(await store.claimOutbox(null, 0)).toEqual([]);
  });

  it('a blocked user: their reminders are cancelled', async () => {
    let blocked = false;
    const { assistant, scheduler, clock } = setup(async () => {
      if (blocked) throw new AppError('blocked', '403');
    });
    await assistant.handle('tg:2', say(`订单号 ${ORDER}，杯子碎了，想退款`));
    await assistant.handle('tg:2', say('卖家说24小时内给我答复'));
    expect(await scheduler.nextDueAt()).not.toBeNull();
    blocked = true;
    await assistant.handle('tg:2', say('卖家说48小时内给我答复'));
    expect(await scheduler.nextDueAt()).toBeNull();
    clock.advance(72 * 3600_000);
    expect(await assistant.fireDue()).toBe(0);
  });

  it('a permanent refusal drops the batch; a transport failure keeps it', async () => {
    let mode: 'refuse' | 'down' | 'ok' = 'refuse';
    const got: Outbound[] = [];
    const { assistant, store } = setup(async (_u, m) => {
      if (mode === 'refuse') throw new AppError('messenger_refused', '400 chat not found');
      if (mode === 'down') throw new AppError('transport', 'ECONNRESET');
      got.push(...m);
    });
    await assistant.handle('tg:3', say('我的快递有问题'));
    expect(await store.claimOutbox(null, 0)).toEqual([]);
    mode = 'down';
    await assistant.handle('tg:3', say(ORDER));
    mode = 'ok';
    expect(await assistant.recover()).toBe(1);
    expect(got.map((m) => m.slot)).toEqual(['problem']);
  });

  it("sends a reply's next message only once the previous one's record is stored, and stops when another process took the batch over", async () => {
    const events: string[] = [];
    const { assistant, store } = setup(async (_u, m) => void events.push(`send ${m[0]!.kind}`));
    const markSent = store.markSent.bind(store);
    let lost = false;
    store.markSent = async (u, b, sent, ms) => {
      await new Promise((r) => setTimeout(r, 5));
      events.push(`record ${sent}`);
      return lost ? false : markSent(u, b, sent, ms);
    };
    await assistant.handle('tg:6', say(`订单号 ${ORDER}，杯子碎了，想退款`));
    const sends = events.filter((e) => e.startsWith('send')).length;
    expect(sends).toBeGreaterThan(2);
    // send, record 1, send, record 2, …: never two sends in a row.
    expect(events.slice(0, 4)).toEqual([events[0], 'record 1', events[2], 'record 2']);
    expect(events.some((e, i) => e.startsWith('send') && events[i + 1]?.startsWith('send'))).toBe(false);

    events.length = 0;
    lost = true;
    await assistant.handle('tg:7', say(`订单号 ${ORDER}，杯子碎了，想退款`));
    expect(events).toEqual([events[0], 'record 1']);
  });

  it("delivers one buyer's batches in commit order: a recovered older batch before a new turn's", async () => {
    const got: string[] = [];
    let down = true;
    const { assistant, store } = setup(async (_u, m) => {
      if (down) throw new AppError('transport', 'ECONNRESET');
      await new Promise((r) => setTimeout(r, 2));
      got.push(m[0]!.slot ?? m[0]!.kind);
    });
    await assistant.handle('tg:8', say('我的快递有问题')); // committed, not delivered: stays in the outbox
    down = false;
    // The claim (a scan over every buyer with a backlog) is slower than the next turn's commit.
    const claim = store.claimOutbox.bind(store);
    store.claimOutbox = async (u, ms) => {
      await new Promise((r) => setTimeout(r, 20));
      return claim(u, ms);
    };
    const recovering = assistant.recover();
    await assistant.handle('tg:8', say(ORDER));
    await recovering;
    expect(got).toEqual(['orderId', 'problem']);
  });

  it('storage down: the buyer gets a short apology and no stack trace', async () => {
    const got: Outbound[] = [];
    const { assistant, store } = setup(async (_u, m) => void got.push(...m));
    store.transact = async () => {
      throw new AppError('transport', 'redis down');
    };
    await assistant.handle('tg:4', say('我的快递有问题'));
    expect(got).toHaveLength(1);
    expect(got[0]!.kind).toBe('error');
    expect(got[0]!.text).not.toMatch(/redis|Error|at /);
  });
});

describe('a stored state that no longer parses', () => {
  it('restarts that buyer with an explanation, and the message is still answered', async () => {
    const got: Outbound[] = [];
    const { assistant, store } = setup(async (_u, m) => void got.push(...m));
    await store.putRaw('tg:5', JSON.stringify({ v: 0, userId: 'tg:5', cases: 'from an old version' }));
    await assistant.handle('tg:5', say('我的快递有问题'));
    expect(got[0]!.kind).toBe('info');
    expect(got[0]!.text).toMatch(/从头开始|读不出来/);
    expect(got.at(-1)).toMatchObject({ kind: 'question', slot: 'orderId' });
    const after = await store.load('tg:5');
    expect(after).toMatchObject({ corrupt: false });
    expect(after.state!.active!.phase).toBe('collecting');
  });
});
