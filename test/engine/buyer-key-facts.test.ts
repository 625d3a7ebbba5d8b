/**
 * Letters keep the buyer's key facts (trial 8, problem 5): what the seller claimed before the sale,
 * when the buyer sets it against what arrived, stays in the problem line as a quote (the heart of a
 * "not as described" dispute); the sum asked back for one part of an order goes with the wish.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';
import { cleanBuyerWords } from '../../src/drafts/words.ts';

const clean = (text: string): string => cleanBuyerWords(text, { orderId: null, trackingNo: null }, 'zh-CN', true);
const line = (text: string, lead: string): string => text.split('\n').find((l) => l.startsWith(lead)) ?? '';

describe("a seller's claim before the sale", () => {
  it('is quoted next to what arrived, in the seller and the platform letters', () => {
    const h = new EngineHarness('2026-12-03T11:00:00+08:00');
    h.send('闲鱼上买了台二手单反，卖家说快门次数不到五千，收到一看显示三万多');
    h.send('订单号是 3128470051929384756');
    const seller = drafts(h.send('想退货退款'), 'seller')[0]!.text;
    // Addressed to the seller, the seller is "您".
    expect(line(seller, '问题是：')).toContain('您称“快门次数不到五千”，收到一看显示三万多');
    const platform = drafts(h.send('卖家说：“二手不退不换”'), 'platform')[0]!.text;
    expect(line(platform, '问题：')).toContain('卖家称“快门次数不到五千”');
  });

  it('is not an after-sales story: a refusal or a remedy said by the seller stays out', () => {
    expect(clean('卖家说让我找快递，收到的时候盒子就扁了')).toBe('收到的时候盒子就扁了');
    expect(clean('卖家说不给退，收到就漏水')).toBe('收到就漏水');
  });

  it('needs what arrived after it: a claim alone is still left out', () => {
    expect(clean('耳机左边没声音，卖家说是全新的')).toBe('耳机左边没声音');
  });
});

describe('the sum asked back for part of an order', () => {
  it('goes with the refund wish in the letter', () => {
    const h = new EngineHarness('2026-12-03T12:00:00+08:00');
    h.send('外卖少了一份鸡翅');
    h.send('订单号 3601 2345 6789 0123 987');
    const seller = drafts(h.send('退那份鸡翅的钱就行，15块'), 'seller')[0]!.text;
    expect(line(seller, '我希望')).toContain('15 元');
    expect(h.state.active!.compensationAmount).toBe(15);
  });

  it('is not the price paid, nor the whole order\'s money', () => {
    const h = new EngineHarness('2026-12-03T12:00:00+08:00');
    h.send('外卖少了一份鸡翅');
    h.send('订单号 3601 2345 6789 0123 987');
    h.send('把我的钱退了，付了45块');
    expect(h.state.active!.compensationAmount).toBeNull();
  });
});

describe('a fact that comes after the payment-channel letter', () => {
  it('the amount paid: the payment letter handed over before is handed over again with it', () => {
    const h = new EngineHarness('2026-12-03T12:00:00+08:00');
    h.send('淘宝订单 3947500019384756102 买的空气炸锅，收到后不加热，想退货退款');
    // Asked at the seller's step, the platform comes first (trial 15 F26): the payment letter is chosen.
    h.send('我是支付宝付的钱，能找支付宝投诉吗');
    const first = drafts(h.choose('nextStep', 'payment'), 'payment');
    expect(first).toHaveLength(1);
    expect(first[0]!.text).not.toContain('1,099');
    const again = drafts(h.send('实付 1099 元'), 'payment');
    expect(again).toHaveLength(1);
    expect(again[0]!.text).toContain('1,099 元');
  });
});
