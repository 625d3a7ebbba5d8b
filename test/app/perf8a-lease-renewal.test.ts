/**
 * One lease-renewal timer for all the batches being delivered (src/app/assistant.ts,
 * `#renewLeases`): a slow delivery keeps its lease, many batches at once share one timer, and
 * the timer stops once nothing is being delivered.
 */
import { pino } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Assistant, type Deliver } from '../../src/app/assistant.ts';
import { ManualClock } from '../../src/app/clock.ts';
import { MemoryScheduler } from '../../src/schedule/memory-scheduler.ts';
import { MemorySessionStore } from '../../src/store/memory-session-store.ts';

const LEASE_MS = 90;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function setup(deliver: Deliver) {
  const store = new MemorySessionStore();
  const renewals: Array<{ userId: string; sent: number; at: number }> = [];
  const markSent = store.markSent.bind(store);
  store.markSent = (userId, batchId, sent, leaseMs) => {
    if (leaseMs === LEASE_MS) renewals.push({ userId, sent, at: performance.now() });
    return markSent(userId, batchId, sent, leaseMs);
  };
  const assistant = new Assistant({
    store, scheduler: new MemoryScheduler(), clock: new ManualClock('2026-11-23T10:00:00+08:00'), deliver,
    logger: pino({ level: 'silent' }), timezone: 'Asia/Shanghai', leaseMs: LEASE_MS,
  });
  return { store, assistant, renewals };
}

describe('lease renewal of batches being delivered', () => {
  afterEach(() => vi.restoreAllMocks());

  it('renews a slow delivery while it is under way, and not after it is done', async () => {
    let slow = false;
    const { assistant, renewals } = setup(async () => {
      if (slow) await sleep(4 * LEASE_MS);
    });
    await assistant.handle('u1', { type: 'text', text: '我的快递有问题' });
    await assistant.idle();
    slow = true;
    await assistant.handle('u1', { type: 'text', text: '杯子碎了' });
    await assistant.idle();
    expect(renewals.length).toBeGreaterThanOrEqual(1);
    expect(renewals.every((r) => r.userId === 'u1' && r.sent === 0)).toBe(true);
    const after = renewals.length;
    await sleep(2 * LEASE_MS);
    expect(renewals.length).toBe(after);
  });

  it('uses one timer for many batches at once, and stops it once nothing is being delivered', async () => {
    const timers = vi.spyOn(globalThis, 'setInterval');
    const { assistant, renewals } = setup(() => sleep(LEASE_MS));
    await Promise.all(Array.from({ length: 20 }, (_, i) => assistant.handle(`u${i}`, { type: 'text', text: '我的快递有问题' })));
    await assistant.idle();
    expect(timers.mock.calls.filter(([, ms]) => ms === LEASE_MS / 6)).toHaveLength(1);
    // Every batch was delivering for a full lease: each one renewed.
    expect(new Set(renewals.map((r) => r.userId)).size).toBe(20);
    // Stopped once nothing was being delivered: the next delivery starts it again.
    await sleep(LEASE_MS / 3);
    await assistant.handle('u0', { type: 'text', text: '杯子碎了' });
    await assistant.idle();
    expect(timers.mock.calls.filter(([, ms]) => ms === LEASE_MS / 6)).toHaveLength(2);
  });
});
