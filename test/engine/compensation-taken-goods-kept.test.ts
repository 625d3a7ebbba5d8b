/**
 * The seller refuses the return and offers a sum instead; the buyer takes it in their own words. The
 * goods stay with the buyer (no return steps), and money that comes short is counted against the sum
 * agreed, never against the price.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';

const all = (out: ReturnType<EngineHarness['send']>): string => out.map((m) => m.text).join('\n');

describe('a compensation taken in place of a return', () => {
  it('keeps the goods and counts a short payment against the agreed sum', () => {
    const h = new EngineHarness('2026-11-12T10:00:00+08:00');
    h.send('京东买的羊毛大衣 899 订单号 330918276645102 袖口脱线 想退货退款');
    h.advance(60 * 20);
    h.send('客服回复：不支持退货，可以补偿商品价10%即90元');
    h.advance(30);
    const took = all(h.send('90就90吧 我跟客服说同意了'));
    expect(took).not.toContain('退货地址');
    expect(took).toContain('90.00');
    h.advance(60 * 24);
    const out = h.send('补偿到账了 只到了60 说好的90');
    const letter = drafts(out, 'seller').find((d) => d.key === 'draft.refund_shortfall')!.text;
    expect(letter).toContain('您同意补偿 90 元，但我只收到 60 元，还差 30 元。');
    expect(letter).not.toContain('899');
  });

  it('reads a sum offered beside a refused exchange as an offer to take or refuse', () => {
    const h = new EngineHarness('2026-11-12T10:00:00+08:00');
    h.send('淘宝买的电热水壶 159 订单号 4419027735810662 壶盖合不上 要换货');
    h.advance(60 * 20);
    const out = h.send('卖家说不支持换货，可以给您补偿20元');
    expect(out.some((m) => (m.options ?? []).length > 0 && /接受/.test(m.text))).toBe(true);
    h.advance(10);
    const took = all(h.send('行 20就20 我跟卖家说可以了'));
    expect(took).not.toContain('退货地址');
    expect(took).toContain('20.00');
  });
});
