/**
 * What the seller promised, read for what it is (buyer trial 4, section 4): an exchange where
 * the seller sends the new item first asks nothing of the buyer, and its time is the reminder;
 * a maker's or factory's promise to reship is the seller's promise.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness } from '../helpers/engine-harness.ts';
import type { Outbound } from '../../src/domain/index.ts';

const ORDER = '5820417736291048573';
const keys = (out: Outbound[]) => out.map((m) => m.key);

function exchangeCase(h = new EngineHarness('2026-12-01T09:00:00+08:00')): EngineHarness {
  h.send(`抖音订单 ${ORDER}，电动牙刷充不进电，想换一个`);
  expect(h.state.active!.phase).toBe('following');
  expect(h.state.active!.slots.wants).toBe('exchange');
  return h;
}

describe('an exchange where the seller sends the new one first', () => {
  it('is not a return to post back: no return-tracking reminder, and the time given is the reminder', () => {
    const h = exchangeCase();
    const out = h.send('商家答应换了，三天内给我发个新的过来');
    expect(keys(out)).toEqual(['seller.agreesSendNew']);
    expect(out[0]!.text).toContain('12月4日 09:00');
    const reasons = h.state.active!.reminders.map((r) => r.reason);
    expect(reasons).toEqual(['seller_promise']);
    // When the time runs out the buyer is asked whether the seller kept it.
    const nudge = h.tickHours(73);
    expect(keys(nudge)).toEqual(['nudge.ship_promise']);
    expect(nudge[0]!.options!.map((o) => o.value)).toEqual(['promiseKept', 'promiseNotKept', 'promisePartly']);
  });

  it('an exchange the buyer posts back is reminded as an exchange, not as a refund that may close', () => {
    const h = exchangeCase();
    const out = h.send('商家同意换货了');
    expect(keys(out)).toEqual(['seller.agreesReturn']);
    const nudge = h.tickHours(25);
    expect(keys(nudge)).toEqual(['nudge.return_tracking_exchange']);
    expect(nudge[0]!.text).not.toContain('退款');
  });
});

describe('a maker or supplier speaking for the seller', () => {
  it('"厂家/供应商说…内补寄" is the seller\'s promise: its deadline replaces the draft\'s own', () => {
    const h = new EngineHarness('2026-12-01T09:00:00+08:00');
    h.send(`1688订单 ${ORDER}，订了50个保温杯只收到42个，要求补发`);
    expect(h.state.active!.phase).toBe('following');
    const out = h.send('供应商说两个工作日内把缺的补寄过来');
    expect(keys(out)).not.toContain('followingCase');
    const reasons = h.state.active!.reminders.map((r) => r.reason);
    expect(reasons).toContain('seller_promise');
    expect(reasons).not.toContain('reply_deadline');
    // Two working days from Tuesday 09:00 is Thursday.
    expect(h.state.active!.reminders.find((r) => r.reason === 'seller_promise')!.deadline).toBe('2026-12-03T01:00:00.000Z');
  });
});

describe('a shipment promised after the case went to the platform', () => {
  it('is nudged as the shipment it is, with the steps after the platform', () => {
    const h = exchangeCase();
    h.send('申请平台介入');
    h.send('商家同意换货，两天内寄新的给我');
    const nudge = h.tickHours(49);
    expect(nudge.map((m) => m.key)).toEqual(['nudge.ship_promise_later']);
    expect(nudge[0]!.options!.map((o) => o.value)).toEqual(['resolved', 'regulator', 'payment']);
  });
});
