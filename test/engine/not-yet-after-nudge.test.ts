/**
 * Trial 7 problem 17: a bare "not yet" right after a reminder's nudge answers it (the seller's
 * promise was broken): the next step, not the "I am following your case" line.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness } from '../helpers/engine-harness.ts';

function nudged(): EngineHarness {
  const h = new EngineHarness('2026-06-08T10:00:00+08:00');
  h.send('淘宝订单 4019283746650192837，买的电动牙刷充不进电，想换货');
  h.advance(30);
  h.send('卖家说明天中午前给我答复');
  h.advance(60 * 30);
  const nudge = h.tick();
  expect(nudge.map((m) => m.kind)).toContain('nudge');
  h.advance(10);
  return h;
}

describe('"not yet" after a nudge', () => {
  it.each(['还没呢', '没有', '仲未收到，都冇單號'])('%s gets the next step', (said) => {
    const h = nudged();
    const out = h.send(said);
    expect(out.map((m) => m.key)).not.toContain('followingCase');
    expect(out.map((m) => m.key).join(' ')).toMatch(/^next\.|escalate|platform/);
  });

  it('without a nudge, "还没" is not read as a broken promise', () => {
    const h = new EngineHarness('2026-06-08T10:00:00+08:00');
    h.send('淘宝订单 4019283746650192837，买的电动牙刷充不进电，想换货');
    h.advance(30);
    h.send('卖家说明天中午前给我答复');
    h.advance(10);
    const out = h.send('还没');
    expect(out.map((m) => m.key)).not.toContain('next.platformSubmit');
  });
});
