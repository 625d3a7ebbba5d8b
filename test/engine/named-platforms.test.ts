/**
 * Platforms outside the contract's list (code `other`) keep the name the buyer used; a platform
 * outside mainland China gets letters in the buyer's language, its own dispute / claim route and
 * the payment channel instead of 12315.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';
import { writeDraft } from '../../src/drafts/index.ts';
import { outsideMainland, platformGuideLines } from '../../src/knowledge/platforms.ts';
import type { Outbound } from '../../src/domain/index.ts';

const all = (out: Outbound[]) => out.map((m) => m.text).join('\n');
const options = (out: Outbound[]) => out.flatMap((m) => m.options?.map((o) => o.value) ?? []);

describe('a platform abroad, English buyer', () => {
  it('writes the seller and platform letters in English with no Chinese text to paste, and names the platform\'s own dispute', () => {
    const h = new EngineHarness();
    const out = h.send('Hi, I ordered a USB hub on Amazon, order 7730051298440016. Two of the four ports are dead. I want my money back.');
    const seller = drafts(out, 'seller')[0]!;
    expect(seller.body).toMatch(/^Hello, my order number is 7730051298440016\./);
    expect(seller.body).not.toMatch(/[\u4e00-\u9fff]{2}/);
    expect(seller.text).not.toMatch(/Chinese text|English translation/);
    expect(all(out)).toContain('After-sales on Amazon');
    expect(all(out)).not.toContain('the shopping platform');
    h.advance(60);
    const refused = h.send('The seller refused, they say the ports work fine.');
    const platform = drafts(refused, 'platform')[0]!;
    expect(platform.body).not.toMatch(/[\u4e00-\u9fff]{2}/);
    expect(platform.text).toContain('Dispute / claim with Amazon');
    expect(platform.text).not.toContain('申请平台介入');
  });

  it('offers the payment channel, not 12315, and answers "platform dispute or PayPal?" in order without a day count', () => {
    const h = new EngineHarness();
    h.send('Bought a phone case on eBay, order 5519023874410082, it arrived cracked, I want a refund.');
    h.advance(30);
    const asked = h.send('Should I go through eBay or ask PayPal to get my money back?');
    const answer = all(asked);
    expect(answer).toMatch(/First open a dispute \/ claim on eBay/);
    expect(answer).toMatch(/PayPal/);
    expect(answer).toMatch(/own time limits/);
    expect(answer).not.toMatch(/\d+[- ]day/);
    const reg = h.send('12315 complaint');
    expect(drafts(reg, 'regulator')).toHaveLength(0);
    expect(all(reg)).toMatch(/mainland China/);
    expect(options(reg)).toContain('payment');
    expect(options(reg)).not.toContain('regulator');
    const pay = drafts(h.send('payment dispute'), 'payment')[0]!;
    expect(pay.text).toMatch(/card issuer \(chargeback\) or to PayPal/);
    expect(pay.body).not.toMatch(/[\u4e00-\u9fff]{2}/);
  });
});

describe('a platform abroad, Chinese buyer', () => {
  it('keeps Chinese letters, names 速卖通 and its dispute, and gives no 12315 letter', () => {
    const h = new EngineHarness();
    const out = h.send('我在速卖通买的移动硬盘，订单号 8207734419065521，实际容量只有标的十分之一，要退款');
    const seller = drafts(out, 'seller')[0]!;
    expect(seller.body).toContain('您好');
    expect(all(out)).toContain('速卖通的售后入口');
    expect(all(out)).toContain('12315 受理的是中国大陆境内经营者的投诉');
    const reg = h.send('我要投诉12315');
    expect(drafts(reg, 'regulator')).toHaveLength(0);
    expect(all(reg)).toContain('拒付');
  });

  it('writes the letter in Traditional for a Traditional conversation about a Taiwanese platform', () => {
    const h = new EngineHarness();
    const out = h.send('我在蝦皮買的吹風機，訂單編號 2611094471823305，用兩次就壞了，想退貨退款');
    const seller = drafts(out, 'seller')[0]!;
    expect(seller.body).toContain('訂單號');
    expect(seller.body).not.toContain('订单号');
  });
});

describe('a mainland platform outside the list keeps its name', () => {
  it('shows 苏宁易购 in the guide, the acknowledgement and the letters, with 12315 still offered', () => {
    const h = new EngineHarness();
    const out = h.send('苏宁易购买的洗衣机，订单号 3098812277465510，送来外壳凹了一块，要换货');
    expect(all(out)).toContain('苏宁易购的售后入口');
    expect(all(out)).toContain('平台 苏宁易购');
    expect(all(out)).not.toContain('购物平台的售后入口');
    expect(outsideMainland('other', '苏宁易购')).toBe(false);
    const reg = h.send('我要投诉12315');
    expect(drafts(reg, 'regulator')[0]!.body).toContain('苏宁易购');
  });

  // A shop's own mini program is no platform at all (trial5-standalone-shop.test.ts).
  it('records 视频号 (also the typo 视屏号) as a named platform, without asking for the platform', () => {
    for (const [message, name] of [
      ['在微信视屏号直播间买的围巾，订单号 4420918836651027，颜色和直播里完全不一样，要退货退款', '微信视频号'],
    ] as const) {
      const h = new EngineHarness();
      const out = h.send(message);
      expect(all(out)).toContain(`${name}的售后入口`);
      h.advance(60);
      const refused = h.send('卖家拒绝了');
      expect(refused.some((m) => m.options?.some((o) => o.value === 'taobao'))).toBe(false);
      expect(all(refused)).toContain(name);
    }
  });

  it('names the platform in a payment letter and the guide lines', () => {
    expect(platformGuideLines('other', 'zh-CN', '当当')[0]).toBe('当当的售后入口：');
    const letter = writeDraft('payment', {
      locale: 'zh-CN',
      slots: {
        orderId: '1234567890123', problem: 'quality', problemText: '书页缺了一半', wants: 'refund', platform: 'other', platformName: '得物',
        trackingNo: null, receivedOn: null, amountPaid: null, amountRefunded: null,
      },
      evidence: [], timeline: [], now: new Date('2026-11-23T10:00:00+08:00'), timezone: 'Asia/Shanghai', sellerAttempt: 1, openedAt: '2026-11-23T02:00:00Z',
    });
    expect(letter.body).toContain('订单号：1234567890123（得物）');
  });
});
