/**
 * No advice that contradicts itself: a private 闲鱼 seller is out of 12315's scope, so no menu
 * offers a 12315 text for one; a seller on a platform abroad is sued where the seller is, so
 * the lawsuit answer names neither 12315 nor Chinese courts.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness } from '../helpers/engine-harness.ts';

describe('a private second-hand seller', () => {
  it('after a refusal, "what now" offers no 12315 text', () => {
    const h = new EngineHarness('2026-12-02T09:00:00+08:00');
    h.send('闲鱼上淘的二手游戏机，订单号 3391827460019283，到手摇杆漂移，卖家说九成新没毛病，想退货退款');
    h.advance(40);
    h.send('卖家说寄出去时是好的，肯定是我弄坏的，不退');
    h.advance(5);
    const out = h.send('那接下来怎么办');
    const options = out.flatMap((m) => m.options ?? []).map((o) => `${o.value} ${o.label}`);
    expect(options.length).toBeGreaterThan(0);
    expect(options.join('\n')).not.toMatch(/12315|regulator/);
  });
});

describe('a seller on a platform abroad', () => {
  it('the lawsuit answer points to the courts where the seller is, not to 12315 or Chinese courts', () => {
    const h = new EngineHarness('2026-12-02T09:00:00+08:00');
    h.send('I bought a desk lamp on Amazon, order 114-2290371-5518204. It flickers and then goes dark. I want a refund.');
    h.advance(30);
    const text = h.send('Could I take them to court?').map((m) => m.text).join('\n');
    expect(text).toMatch(/courts where the seller is/);
    expect(text).not.toMatch(/12315|Hangzhou|Beijing|Guangzhou|small-claims procedure/i);
  });

  it('a mainland case keeps the small-claims and internet-court answer', () => {
    const h = new EngineHarness('2026-12-02T09:00:00+08:00');
    h.send('京东订单 281930475512，台灯一闪一闪就灭了，想退款');
    h.advance(30);
    const text = h.send('这种能去法院起诉吗').map((m) => m.text).join('\n');
    expect(text).toContain('互联网法院');
  });
});
