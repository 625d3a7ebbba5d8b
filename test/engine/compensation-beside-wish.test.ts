/**
 * "退货退款，还要赔偿": compensation asked beside the money back, with no multiple named, stays in
 * the letters as the buyer's added claim rather than being dropped for the return alone.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';

describe('compensation asked beside the money back', () => {
  it.each([
    ['京东订单号 318273645501 买的实木书柜 详情页写的实木 收到是颗粒板 实付 899', '退货退款，并且要求赔偿', '我希望退货退款'],
    ['天猫 订单 7730192846573 买的纯棉床单 标着100%棉 实际是涤纶 实付 239', '我要退款 另外还要赔偿', '退款'],
    ['淘宝订单 5529301847562 买的真丝围巾 说是桑蚕丝 烧了一下是化纤 实付 168', '要退货退款，同时要求赔偿', '退货退款'],
  ])('%s / %s', (opening, wish, kept) => {
    const h = new EngineHarness('2026-11-23T10:00:00+08:00');
    h.send(opening);
    h.advance(3);
    const letter = drafts(h.send(wish), 'seller').map((d) => d.text).join('\n');
    expect(letter).toContain(kept);
    expect(letter).toContain('要求赔偿');
    // No multiple was named: none is claimed.
    expect(letter).not.toMatch(/第五十五条|三倍/);
  });

  it('the money back alone adds nothing', () => {
    const h = new EngineHarness('2026-11-23T10:00:00+08:00');
    h.send('京东订单号 318273645501 买的实木书柜 详情页写的实木 收到是颗粒板 实付 899');
    h.advance(3);
    expect(drafts(h.send('退货退款'), 'seller').map((d) => d.text).join('\n')).not.toContain('赔偿');
  });
});
