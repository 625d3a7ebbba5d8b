/**
 * The shell runs the engine it is given (`AssistantDeps.step`, the benchmark's seam): what that
 * engine returns is what is stored and delivered, reminders included.
 */
import { pino } from 'pino';
import { expect, it } from 'vitest';
import { Assistant } from '../../src/app/assistant.ts';
import { ManualClock } from '../../src/app/clock.ts';
import type { Outbound } from '../../src/domain/index.ts';
import { step } from '../../src/engine/engine.ts';
import { MemoryScheduler } from '../../src/schedule/memory-scheduler.ts';
import { MemorySessionStore } from '../../src/store/memory-session-store.ts';

it('stores, schedules and delivers what the injected engine returns', async () => {
  const seen: string[] = [];
  const got: Outbound[] = [];
  const store = new MemorySessionStore({ inflightLeaseMs: 0 });
  const clock = new ManualClock('2026-11-23T10:00:00+08:00');
  const assistant = new Assistant({
    store, scheduler: new MemoryScheduler(), clock, logger: pino({ level: 'silent' }), timezone: 'Asia/Shanghai',
    deliver: async (_u, m) => void got.push(...m),
    step: (state, inbound, now, cfg) => {
      seen.push(inbound.type === 'text' ? inbound.text : inbound.type);
      const r = step(state, inbound, now, cfg);
      return { ...r, out: [...r.out, { kind: 'info', text: `(${seen.length})` }] };
    },
  });
  await assistant.handle('tg:9', { type: 'text', text: '淘宝订单 3916452812345678901，台灯灯罩裂了，想退款' });
  await assistant.handle('tg:9', { type: 'text', text: '店家讲明天中午之前回我' });
  expect(got.filter((m) => m.text.startsWith('(')).map((m) => m.text)).toEqual(['(1)', '(2)']);
  // The promise the real engine read was scheduled and comes back through the injected engine.
  clock.advance(2 * 86_400_000);
  expect(await assistant.fireDue()).toBe(1);
  expect(seen).toEqual(['淘宝订单 3916452812345678901，台灯灯罩裂了，想退款', '店家讲明天中午之前回我', 'tick']);
  expect(got.at(-1)!.text).toBe('(3)');
  expect((await store.load('tg:9')).state?.active?.slots.orderId).toBe('3916452812345678901');
});
