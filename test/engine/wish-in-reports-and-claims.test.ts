/**
 * What the buyer wants, read from messages that are easy to misread (trial 15 F3): a courier line with
 * its fee is the return going back and the postage paid, not a wish for money; "不退货，坏的赔我…" is a
 * partial refund with the goods kept, claiming the sum named; "钱全退，另外还要三倍赔偿" is the refund and
 * the 退一赔三 claim, in every letter after it.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, allText as said, drafts, followedCase as followed } from '../helpers/engine-harness.ts';

describe('a courier line with a fee', () => {
  const cases = [
    { opens: '淘宝买的电热毯 订单号 3810294756102938400 一插电就冒烟 要退货退款', seller: '卖家同意退货了', sent: '寄回去了 韵达 432198765401234 运费15', waybill: '432198765401234', fee: 15, wants: 'return_refund' },
    { opens: '拼多多买的电水壶 订单号 261203-558120394857100 烧水漏电 要退款', seller: '客服说让我寄回去检测 运费我先垫', sent: '寄了 花了10块运费 圆通 YT7788123456789', waybill: 'YT7788123456789', fee: 10, wants: 'refund' },
  ];
  for (const { opens, seller, sent, waybill, fee, wants } of cases) {
    it(`"${sent}" is the return sent back and the postage paid, and the wish stays`, () => {
      const h = followed(opens);
      h.send(seller);
      const out = h.send(sent);
      const c = h.state.active!;
      expect(c.slots.returnTrackingNo).toBe(waybill);
      expect(c.slots.returnPostage).toBe(fee);
      expect(c.slots.amountPaid).not.toBe(fee);
      expect(c.slots.wants).toBe(wants);
      expect(said(out)).not.toMatch(/已更正诉求|部分退款/);
      expect(drafts(out, 'seller')).toHaveLength(0);
    });
  }

  it('puts the postage paid in the next letter to the seller', () => {
    const h = followed('淘宝买的吸尘器 订单号 3810294756102938401 吸力很弱 要退货退款');
    h.send('卖家同意退货了');
    h.send('寄回了 中通 75123456789012 运费18');
    // The wish said again hands over the seller letter of the step, with the facts on record.
    const letter = drafts(h.send('我要退货退款'), 'seller')[0]!.text;
    expect(letter).toContain('我寄回商品的退货快递单号：75123456789012');
    expect(letter).toContain('寄回的运费 18 元是我付的');
  });
});

describe('goods kept, money for the faulty part', () => {
  it('is a partial refund claiming the sum, never a return', () => {
    const h = new EngineHarness('2026-12-04T09:00:00+08:00');
    h.send('1688进了一批陶瓷碗 300个 货款1500 订单号 2503318876420195300 今天到货 碎了一些');
    const out = h.send('不退货 碎的按进价赔我就行 一个5块 23个就是115');
    const c = h.state.active!;
    expect(c.slots.wants).toBe('compensation');
    expect(c.compensationAmount).toBe(115);
    const letter = drafts(out, 'seller')[0]!.text;
    expect(letter).toContain('115 元');
    expect(letter).not.toContain('退货退款');
  });

  it('takes the total, not a price per piece', () => {
    const h = new EngineHarness('2026-12-04T09:00:00+08:00');
    h.send('淘宝买的折叠椅 6把 订单号 3810294756102938402 有三把掉漆');
    h.send('货不用寄回 掉漆的按每把20赔我');
    expect(h.state.active!.slots.wants).toBe('compensation');
    expect(h.state.active!.compensationAmount ?? null).toBeNull();
  });

  it('"我说了不退货" corrects a return on record', () => {
    const h = followed('京东买的一箱矿泉水 订单号 62019384701 到了漏了好几瓶 要退货退款');
    const out = h.send('我说了不退货 漏的那7瓶赔我 一共10.5');
    const c = h.state.active!;
    expect(c.slots.wants).toBe('compensation');
    expect(c.compensationAmount).toBe(10.5);
    expect(said(out)).toContain('已更正诉求');
  });
});

describe('the refund and 退一赔三 named', () => {
  it('every letter claims the refund and three times the price, never "合理补偿"', () => {
    const h = followed('快手直播买的助眠软糖 主播说吃了就能治失眠 吃了一个月一点用没有 花了460 订单号 2411239876543210 要退款');
    const out = h.send('我不要他退一半了，我要全部退钱，还要三倍赔偿');
    expect(said(out)).toContain('退一赔三');
    expect(said(out)).not.toContain('不对的话点一下');
    const letter = drafts(out, 'seller')[0]!.text;
    expect(letter).toContain('第五十五条');
    expect(letter).toContain('1,380 元');
    expect(letter).not.toContain('请您提出具体金额');
    expect(letter).not.toContain('假冒');
    const platform = drafts(h.send('卖家拒绝了'), 'platform')[0]!.text;
    expect(platform).toContain('第五十五条');
    expect(platform).not.toContain('合理补偿');
  });
});
