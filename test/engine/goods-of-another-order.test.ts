/**
 * A buyer with two orders names the goods of the one not followed ("台灯那个…"): the news is not put
 * on the followed case but on that order's, parked, which becomes the followed one (trial 14 F11).
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness } from '../helpers/engine-harness.ts';

function twoOrders(first: string, second: string): EngineHarness {
  const h = new EngineHarness('2026-11-20T09:00:00+08:00');
  h.send(first);
  h.advance(5);
  h.command('new');
  h.advance(2);
  h.send(second);
  h.advance(120);
  return h;
}

describe('news naming the other order\'s goods', () => {
  it('is not applied to the followed case but to the parked order it names, now followed (zh)', () => {
    const h = twoOrders('淘宝订单 5512340098765，台灯开关坏了，按了不亮，要退货退款', '京东订单 7788990011223，收到的保温杯杯盖裂了，想换货');
    const out = h.send('台灯那个卖家同意退货了');
    const c = h.state.active!;
    expect(c.slots.orderId).toBe('5512340098765');
    expect(c.timeline.some((x) => x.type === 'seller_agreed')).toBe(true);
    const cup = h.state.parked![0]!;
    expect(cup.slots.orderId).toBe('7788990011223');
    expect(cup.timeline.some((x) => x.type === 'seller_agreed')).toBe(false);
    expect(out[0]!.text).toContain('5512340098765（台灯）');
  });

  it('works from Cantonese words too', () => {
    const h = twoOrders('天貓訂單 6612340098765，風筒用兩次就冇風，要退款', '天貓訂單 6612340011111，買嘅背囊拉鏈爛咗，想換');
    const out = h.send('風筒嗰個賣家話同意退款');
    expect(h.state.active!.slots.orderId).toBe('6612340098765');
    expect(h.state.parked![0]!.timeline.some((x) => x.type === 'seller_agreed')).toBe(false);
    expect(out.map((m) => m.text).join('\n')).toContain('6612340098765');
  });

  it('and from English', () => {
    const h = twoOrders('JD order 440011223344, the kettle leaks from the bottom, I want a refund', 'JD order 440011229999, the desk lamp flickers, I want an exchange');
    const out = h.send('The seller of the kettle one agreed to refund');
    expect(h.state.active!.slots.orderId).toBe('440011223344');
    expect(h.state.parked![0]!.timeline.some((x) => x.type === 'seller_agreed')).toBe(false);
    expect(out[0]!.text).toMatch(/^\(This is about order 440011223344 \(kettle\)/);
  });

  it('news naming the followed case\'s own goods is still recorded', () => {
    const h = twoOrders('淘宝订单 5512340098765，台灯开关坏了，按了不亮，要退货退款', '京东订单 7788990011223，收到的保温杯杯盖裂了，想换货');
    h.send('保温杯那个卖家同意换货了');
    expect(h.state.active!.slots.orderId).toBe('7788990011223');
    expect(h.state.active!.timeline.some((x) => x.type === 'seller_agreed')).toBe(true);
  });
});
