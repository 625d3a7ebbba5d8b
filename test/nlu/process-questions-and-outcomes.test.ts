/**
 * Messages that ask about a service, tell an outcome, or report the seller's answer, read as
 * data/nlu/LABELS.md says (blind-36's classes of error, in examples of our own).
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/nlu/index.ts';

const read = (text: string): string => {
  const r = extract(text);
  return `${r.problem}/${r.wants}/${r.sellerReply}`;
};

describe('a question about a service names no problem and no wish', () => {
  it('who pays, how to apply, where to book, whether it is offered', () => {
    for (const text of ['京东买的空调安装费谁出啊', '怎么申请保价啊', '拼多多上门取件在哪里约', '抖音买的东西支持七天无理由吗', '还没下单 这家能开专票吗']) {
      expect(read(text), text).toBe('null/null/null');
    }
  });

  it('but a service refused, a price drop or an invoice missing after buying is still a trouble', () => {
    expect(extract('卖家不给开发票 能投诉吗').problem).toBe('other');
    expect(extract('刚买完就降价了100 怎么申请价保').problem).toBe('other');
    expect(extract('电脑到了没给发票 可以补开吗').problem).toBe('other');
  });
});

describe('an outcome told is the seller reply, not a problem', () => {
  it('a ruling either way', () => {
    expect(read('抖音判我赢了 退款成功啦 感谢')).toBe('null/null/platform_for_buyer');
    expect(read('平台判了商家赢 我的退款申请被驳回 太气人了')).toBe('null/null/platform_for_seller');
  });

  it('a refund rejected by the seller with no ruling stays a refund issue', () => {
    expect(extract('东西寄回去了 商家签收后把退款驳回了').problem).toBe('refund_issue');
  });
});

describe('what went wrong', () => {
  it('a shade or model number sent wrong is a wrong item, not the buyer retyping an order number', () => {
    for (const text of ['小红书买的眉笔色号发错了 我要的02 给我发成05', '抖音买的指甲油色号发错了', '显卡型号发错了']) {
      expect(extract(text).problem, text).toBe('wrong_item');
    }
    expect(extract('不好意思 订单号发错了').problem).toBeNull();
  });

  it("the buyer's return parcel lost or stuck is return logistics, not goods not received", () => {
    for (const text of ['我寄回给商家的退货件卡在中转站一周了', '退货的快递丢了 快递公司说查不到', '寄回去的包裹三天没更新了']) {
      expect(extract(text).problem, text).toBe('other');
    }
    expect(extract('买的台灯快递丢了').problem).toBe('not_received');
  });

  it('the seller out of stock offering other goods: other, a counter-offer, and no wish of the buyer', () => {
    expect(read('商家说这个尺码断货了 问我要不要换个颜色')).toBe('other/null/counter_offer');
    const other = extract('卖家告诉我那款没货了 让我换成别的款式');
    expect([other.problem, other.sellerReply]).toEqual(['other', 'counter_offer']);
  });
});

describe("the seller's answer", () => {
  const cases: [string, string][] = [
    // money only against a return, when a refund alone was asked
    ['我要仅退款 卖家不肯 说必须退货才能退钱', 'counter_offer'],
    ['申请的仅退款 客服说得先把货退回来才给退', 'counter_offer'],
    // the missing part sent at once; an application turned down
    ['买了四双袜子只来了三双 卖家说漏发了 马上补', 'agrees'],
    ['价保申请被拒了', 'refuses'],
    ['the shop said no returns after 14 days', 'refuses'],
  ];
  it.each(cases)('%s → %s', (text, reply) => {
    expect(extract(text).sellerReply).toBe(reply);
  });

  it('a refund not yet paid is no refusal', () => {
    expect(extract('still no refund yet from the seller').sellerReply).not.toBe('refuses');
  });
});

describe('either-or wishes', () => {
  it('the remedy named first is the wish, with or without a comma', () => {
    expect(extract('十个杯子到了只有八个 要么补两个要么退钱').wants).toBe('reship');
    expect(extract('一箱牛奶少了两盒 要么给我补两盒要么退差价').wants).toBe('reship');
    expect(extract('衣服少发了一件 要么退钱要么补发').wants).toBe('refund');
  });

  it('the seller told to send the missing parts is a reship', () => {
    expect(extract('书柜少了几颗螺丝 叫卖家寄过来').wants).toBe('reship');
    expect(extract('床到了少一块床板 让商家把床板寄过来').wants).toBe('reship');
  });
});
