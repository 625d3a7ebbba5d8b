/**
 * A buyer who asks compensation beside the money back and names the statutory multiple (or its law)
 * apart from the word ("要退款也要赔，不是能十倍吗") asks 退一赔十 / 退一赔三: the letters claim
 * it with the refund, not the refund alone. Compensation refused or offered by the seller is no such ask.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';

describe('a statutory multiple named apart from the compensation asked', () => {
  it.each([
    ['饿了么点的酸辣粉里吃出一只虫子 订单号 6203948172650391 付了26元', '要退钱，还得赔偿，不是说食品安全法能赔十倍吗', '1,000 元', '1,026 元'],
    ['盒马买的鲜牛奶 过期了还在卖 订单号 7730192846573 实付 158', '我要退款还要他们赔，按十倍算', '1,580 元', '1,738 元'],
  ])('food: %s / %s', (opening, wish, extra, total) => {
    const h = new EngineHarness('2026-11-23T12:00:00+08:00');
    h.send(opening);
    h.advance(2);
    const out = h.send(wish);
    const letter = drafts(out).map((d) => d.text).join('\n');
    expect(letter).toContain('《食品安全法》第一百四十八条');
    expect(letter).toContain(`赔偿金 ${extra}`);
    expect(letter).toContain(`合计 ${total}`);
    expect(h.state.active!.slots.wants === 'compensation' || h.state.active!.claimAsked === 'food_10x').toBe(true);
  });

  it('asked as a question about food: the answer names 第一百四十八条, not 第五十五条', () => {
    const h = new EngineHarness('2026-11-23T12:00:00+08:00');
    h.send('美团外卖 订单号 5120394857261038 炒河粉里挑出一根塑料丝 花了22元');
    h.advance(2);
    const out = h.send('我要退款，还要赔偿，不是说能十倍吗');
    const said = out.find((m) => m.key === 'answer.ask_statutory_multiple');
    if (said) {
      expect(said.text).toContain('第一百四十八条');
      expect(said.text).not.toContain('第五十五条');
    }
    expect(drafts(out).map((d) => d.text).join('\n')).toContain('赔偿金 1,000 元');
  });

  it.each([
    '卖家说赔偿不可能十倍，只退款',
    '商家说愿意赔十块',
  ])('not the buyer\'s ask: %s', (said) => {
    const h = new EngineHarness('2026-11-23T12:00:00+08:00');
    h.send('美团外卖 订单号 5120394857261038 炒饭里吃出头发 付了22元 我要退款');
    h.advance(30);
    h.send(said);
    expect(h.state.active!.claimAsked).toBeUndefined();
  });
});
