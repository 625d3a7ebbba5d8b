/**
 * A seller's unfair terms are flagged briefly, naming only what the seller asked: a deduction from the
 * refund, the buyer paying the postage to send a faulty item back for inspection, a good review asked
 * (not "confirm receipt", which it did not ask). And the consumer-law claim written for goods bought
 * for a shop carries a caveat that it may not apply.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, throughIntake } from '../helpers/engine-harness.ts';
import type { Outbound } from '../../src/domain/index.ts';

const keys = (out: readonly Outbound[]): string[] => out.map((m) => m.key ?? '');
const said = (out: readonly Outbound[]): string => out.map((m) => m.text).join('\n');

function followed(first: string): EngineHarness {
  const h = new EngineHarness('2026-07-02T10:00:00+08:00');
  throughIntake(h, first, '退货退款');
  h.advance(60 * 5);
  return h;
}

describe("the seller's terms", () => {
  it('a good review asked with a deduction: the review warning (no confirm-receipt wording) and the deduction flagged', () => {
    const h = followed('快手买的卫衣 订单号 2207193847561029 线头到处都是 还开线了 要退货退款');
    const out = h.send('客服说先给五星好评才给处理 退货要扣20%的折损费');
    expect(keys(out)).toContain('pitfall.review_first');
    expect(keys(out)).not.toContain('pitfall.confirm_receipt_first');
    expect(said(out)).not.toContain('确认收货');
    expect(keys(out)).toContain('seller.deduction');
  });

  it('postage put on the buyer for returning a faulty item to inspection: flagged with 第二十四条', () => {
    const h = followed('淘宝买的电水壶 订单号 2039184756102938476 底座漏电 要退货退款');
    const out = h.send('卖家说先寄回来检测 邮费你先垫着 检测出问题再说');
    expect(said(out)).toContain('第二十四条');
  });

  it('inspection asked with no postage on the buyer: no postage note', () => {
    const h = followed('淘宝买的电水壶 订单号 2039184756102938477 底座漏电 要退货退款');
    expect(said(h.send('卖家说先寄回来检测 检测出问题给换新'))).not.toContain('第二十四条');
  });
});

describe('goods bought for a shop', () => {
  it('a 三倍 claim in the letters comes with the caveat that the consumer law may not cover it', () => {
    const h = followed('1688拿货 数据线300条 订单号 3299018847700001 到了全是坏的 我开小卖部的 要退货退款');
    h.advance(10);
    const out = h.send('我要退一赔三');
    expect(out.some((m) => m.kind === 'draft' && m.body?.includes('第五十五条'))).toBe(true);
    expect(out.filter((m) => m.key?.endsWith('.notes')).map((m) => m.text).join('\n')).toContain('售后帮不能判断');
  });
});
