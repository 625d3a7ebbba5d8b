/**
 * Trial 7 problem 16: a private 闲鱼 seller is not a 经营者, so the lawsuit answer must not send the
 * buyer to 12315 first: the platform (小法庭, intervention) first, then a civil claim (small claims).
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness } from '../helpers/engine-harness.ts';

describe('the lawsuit answer for a private second-hand seller', () => {
  it('names 小法庭 and small claims, and not 12315 as a step', () => {
    const h = new EngineHarness('2026-10-12T20:00:00+08:00');
    h.send('闲鱼上收了个二手相机，卖家说快门没问题，到手快门卡住按不下去');
    h.advance(1);
    h.send('订单号 3319284756102938471');
    h.advance(1);
    h.send('想退货退款');
    h.advance(60 * 24);
    const text = h.send('一千八的东西，可以去法院告他吗').map((m) => m.text).join('\n');
    expect(text).toContain('小法庭');
    expect(text).toContain('小额诉讼');
    expect(text).not.toMatch(/先走完平台介入和 ?12315/);
  });

  it('a buyer on a shop platform still hears the regulator-first answer', () => {
    const h = new EngineHarness('2026-10-12T20:00:00+08:00');
    h.send('淘宝订单 4018273645510293847，买的相机快门卡住，想退货退款');
    h.advance(30);
    const text = h.send('可以去法院告他吗').map((m) => m.text).join('\n');
    expect(text).toContain('12315');
    expect(text).not.toContain('小法庭');
  });
});
