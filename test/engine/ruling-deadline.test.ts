/**
 * A platform ruling for the buyer reported with its own time limit ("让卖家48小时内退款"): the
 * reminder to check the money is dated by that limit (trial 6 s08).
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness } from '../helpers/engine-harness.ts';

describe('a ruling for the buyer with a deadline', () => {
  it('sets the refund check at the ruling deadline and it fires once that passes', () => {
    const h = new EngineHarness('2026-11-16T09:00:00+08:00');
    h.send('天猫买的电动牙刷 订单号 3987700011122233344 充不进电 要退货退款');
    h.advance(10);
    h.send('卖家拒绝了，说是进水了');
    h.advance(10);
    h.send('我已经申请平台介入了');
    h.advance(60 * 24 * 2);
    // Wednesday 11/18 09:20: the ruling, the seller to refund within 72 hours → Saturday 11/21 09:20.
    const out = h.send('平台判我赢了，客服说让卖家72小时内把钱退给我');
    const said = out.find((m) => m.key === 'platform.ruledBuyerBy');
    expect(said?.text).toMatch(/2026年11月21日 09:20/u);
    const reminder = h.state.active!.reminders.find((r) => r.reason === 'refund_arrival');
    expect(reminder?.deadline).toBe(new Date('2026-11-21T09:20:00+08:00').toISOString());
    expect(h.tickHours(70).map((m) => m.key)).not.toContain('nudge.refund_arrival');
    expect(h.tickHours(4).map((m) => m.key)).toContain('nudge.refund_arrival');
  });
});
