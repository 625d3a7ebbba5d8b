/**
 * Trial 12, the later rungs: the 12315 letter states what the record holds (no "I signed for it" for
 * a voucher, the price the buyer gave, the platform's own answer), new evidence after a ruling against
 * the buyer becomes an appeal naming it, 12315's "go to the platform first" is answered with the ruling,
 * a payment channel asking for the contact with the merchant gets the merchant letter, and a shop of its
 * own is never treated as if a platform could step in.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';
import type { FollowingCase, Outbound } from '../../src/domain/index.ts';

const keys = (out: Outbound[]) => out.map((m) => m.key);
const letter = (out: Outbound[], to: string) => drafts(out, to).at(-1)?.text ?? '';

/** A conversation from `start`: each step a message, or minutes to let pass. Returns the harness and the last message's output. */
function talk(start: string, ...steps: (string | number)[]): { h: EngineHarness; out: Outbound[] } {
  const h = new EngineHarness(start);
  let out: Outbound[] = [];
  for (const step of steps) {
    if (typeof step === 'number') h.advance(step);
    else out = h.send(step);
  }
  return { h, out };
}

describe('12315 letter: the first fact fits the case', () => {
  it('a pass for a service is never "signed for", and its price is stated', () => {
    const { h, out } = talk('2026-03-02T10:00:00+08:00', '快手上买了一张瑜伽馆的月卡 680元，场馆突然停业了，卡用不了，要退钱', '订单号 30129948817265', '12315投诉');
    const body = letter(out, 'regulator');
    expect(body).toContain('实付金额：680 元');
    expect(body).not.toContain('签收');
  });

  it("a voucher's checklist asks for no parcel and no close-up of a defect", () => {
    const { out } = talk('2026-03-02T10:00:00+08:00', '拼多多买的电影票兑换券 两张 78元，影院说券码无效用不了，要退款', '订单号 260302-559900112233445');
    const checklist = out.find((m) => m.kind === 'checklist')!.text;
    expect(checklist).not.toContain('近景');
    expect(checklist).not.toContain('快递');
  });

  it('a pass bought beside the seller stalling or silent keeps the price the buyer gave', () => {
    for (const text of ['快手团购买了一张洗车年卡 460元，老板让我再等等，我不想等了要退款', '快手团购买了一张洗车年卡 460元，店家一直不回消息，我要退款']) {
      const h = new EngineHarness('2026-04-10T19:00:00+08:00');
      h.send(text);
      expect(h.state.active!.slots.amountPaid).toBe(460);
      expect(h.state.active!.virtual).toBe(true);
    }
  });

  it('the one sum beside a wish to send the goods back is their price; a shipping sum is not', () => {
    const { h } = talk('2026-04-10T19:00:00+08:00', '唯品会买的羊毛大衣，不合身想退，订单号 22041099887766', '退货退款就行，大衣1350块');
    expect(h.state.active!.slots.amountPaid).toBe(1350);
    const other = talk('2026-04-10T19:00:00+08:00', '唯品会买的羊毛大衣，不合身想退，订单号 22041099887766', '要退货退款，往返邮费18块由你们承担');
    expect(other.h.state.active!.slots.amountPaid).toBeNull();
  });

  it('a sum in a seller offer is still not the price', () => {
    const { h } = talk('2026-04-10T19:00:00+08:00', '京东买的吸尘器坏了，订单号 31877420965，要退款', '卖家说只能补偿我50元');
    expect(h.state.active!.slots.amountPaid).toBeNull();
  });

  it('goods with a receipt day keep it; goods with none keep the placeholder', () => {
    const h = new EngineHarness('2026-05-06T09:00:00+08:00');
    h.send('京东买的电热水壶 5月3日签收的，用了一次就漏水，想退货退款，订单号 31877420965');
    const dated = letter(h.send('12315投诉'), 'regulator');
    expect(dated).toContain('2026年5月3日');
    expect(dated).not.toContain('【请填写：签收日期】');
  });
});

describe("the platform's own answer before any intervention", () => {
  it('is recorded as its answer and written as one (never as a ruling)', () => {
    const { h, out } = talk('2026-06-01T12:00:00+08:00', '抖音团购买的密室逃脱门票 2张 396元，到了说场次取消了，想退款', '订单号 4417720938815506', 30, '抖音回复说券已经核销了不支持退款');
    const c = h.state.active as FollowingCase;
    const answer = c.timeline.find((x) => x.type === 'platform_ruled_seller');
    expect(answer?.note).toBe('answer');
    expect(keys(out)).toContain('platform.answeredNo');
    const body = letter(out, 'regulator');
    expect(body).toContain('平台答复称');
    expect(body).not.toContain('平台判定');
    expect(body).toContain('396 元');
  });
});

describe('new evidence after a ruling against the buyer', () => {
  function ruledAgainst(): EngineHarness {
    const { h } = talk('2026-07-14T09:00:00+08:00', '淘宝下单的橡木书桌，台面开裂了一道，订单号 3905518822017736621，要退货退款', 60, '卖家拒绝了，说是我自己磕的', 60 * 24, '淘宝小二判卖家赢了，理由是我举证不够');
    return h;
  }

  it('gives the appeal with the evidence as the buyer described it, and records it', () => {
    const h = ruledAgainst();
    const out = h.send('我手上有物流签收时拍的照片，桌子送来就是裂的');
    expect(keys(out)).toContain('ruling.newEvidenceReason');
    expect(out[0]!.text).toContain('我举证不够');
    const body = letter(out, 'platform');
    expect(body).toContain('现补充新证据：物流签收时拍的照片，桌子送来就是裂的。');
    expect(body).toContain('申请复议');
    expect(drafts(out, 'platform')[0]!.text).toContain('复议申请');
    expect(keys(out)).not.toContain('followingCase');
  });

  it('a report the buyer obtained, told with what it says', () => {
    const h = ruledAgainst();
    const body = letter(h.send('我拿到了木材检测机构的检测报告，说是开裂不是磕碰'), 'platform');
    expect(body).toContain('现补充新证据：木材检测机构的检测报告，说是开裂不是磕碰。');
  });

  it('an English buyer: the evidence is named in Chinese by its kind, not in their words', () => {
    const { h, out } = talk('2026-07-14T09:00:00+08:00', 'Bought a wool rug on Taobao, order 3905518822017799999, it came with a big stain, I want a refund', 60, 'The seller refused', 60 * 24, 'The platform ruled for the seller, not enough evidence', 'I have a video from when I opened the parcel');
    const body = letter(out, 'platform');
    expect(body).toContain('现补充新证据：视频。');
  });

  it("a question about evidence, or the seller's evidence, is not new evidence of the buyer's", () => {
    for (const text of ['我有照片，要不要发给平台？', '卖家那边也有发货前拍的照片']) {
      const h = ruledAgainst();
      expect(letter(h.send(text), 'platform')).not.toContain('现补充新证据');
    }
  });
});

describe('12315 does not accept the complaint', () => {
  it('"go to the platform first" after a ruling: answered with the ruling day and its screenshot', () => {
    const { h } = talk('2026-08-03T10:00:00+08:00', '拼多多买的蓝牙音箱，没声音，订单号 260803-118877665544332，要退款', 60, '商家不同意退', 60 * 24, '平台驳回了我的申请', '12315');
    h.tickHours(24 * 12);
    const out = h.send('12315那边没受理，要我先走平台流程');
    expect(keys(out)).toContain('regulator.platformFirstRuled');
    const text = out.find((m) => m.key === 'regulator.platformFirstRuled')!.text;
    expect(text).toContain('2026年8月4日');
    expect(text).toContain('截图');
    expect(text).not.toContain('缺材料就补齐');
  });

  it('a refusal told before the 7 working days are over is answered too, not "wait"', () => {
    const { out } = talk('2026-08-03T10:00:00+08:00', '拼多多买的蓝牙音箱，没声音，订单号 260803-118877665544332，要退款', 60, '商家不同意退', 60 * 24, '平台驳回了我的申请', '12315', 60 * 24 * 2, '12315回复不予受理，要我先向平台投诉');
    expect(keys(out)).toContain('regulator.platformFirstRuled');
    expect(keys(out)).not.toContain('regulator.acceptanceWait');
  });

  it('"go to the platform first" with no platform step taken: the platform is the step', () => {
    const { h } = talk('2026-08-03T10:00:00+08:00', '京东买的空气炸锅，用了三天就不加热了，订单号 31100298744，要换货', 60, '12315投诉');
    h.tickHours(24 * 12);
    const out = h.send("12315 didn't accept it, they said to go to the platform first");
    expect(keys(out)).toContain('regulator.platformFirst');
    expect(keys(out)).not.toContain('regulator.platformFirstRuled');
  });
});

describe('a payment channel and a shop of its own', () => {
  it('the price in dollars and the card are kept; the merchant letter names no platform', () => {
    const h = new EngineHarness('2026-09-01T09:00:00+08:00');
    h.send("Ordered a desk lamp from the brand's own website, paid $45 with my credit card, it never shipped and they ignore my emails");
    const s = h.state.active!.slots;
    expect(s.amountPaid).toBe(45);
    expect(s.currency).toBe('USD');
    expect(s.standalone).toBe(true);
    h.send('order number 2026090145517');
    const done = h.send('refund');
    expect(keys(done)).toContain('nextStepsOwnShop');
    expect(keys(done)).not.toContain('nextSteps');
    expect(letter(done, 'seller')).not.toContain('平台');
  });

  it('a shop of its own past a silent seller: payment and 12315, and no "the platform step has a result"', () => {
    const { out: done } = talk('2026-09-01T09:00:00+08:00', '在一家香薰品牌的独立站买的蜡烛礼盒，支付宝付的 258元，半个月没发货，客服一直不回', '订单号 XV-20260815-3307', '退款');
    expect(keys(done)).toContain('nextStepsStandalone');
    expect(keys(done)).not.toContain('nextStepsRegulator');
    expect(letter(done, 'payment')).toContain('258 元');
    expect(letter(done, 'regulator')).toContain('实付金额：258 元');
  });

  it('the bank asking for the contact with the merchant gets the merchant letter and what to keep', () => {
    const { h, out } = talk('2026-09-01T09:00:00+08:00', '在一个国外独立站买的登山鞋，用建设银行信用卡付的 $120，三周了不发货，发邮件也不回', '订单号 #TR-20260901-8812', '退款', '发卡行说要我先提供跟商家沟通过的记录，处理要等60天');
    expect(keys(out)).toContain('payment.wantsContactOwnShop');
    expect(keys(out)).not.toContain('confirm.reply');
    expect(out.find((m) => m.key === 'payment.wantsContactOwnShop')!.text).toContain('60 天');
    const body = letter(out, 'seller');
    expect(body).toContain('TR-20260901-8812');
    expect(body).not.toContain('平台');
    expect(drafts(out, 'seller')[0]!.text).toContain('发给商家的消息');
    expect(h.state.active!.timeline.some((x) => x.type === 'payment_disputed')).toBe(true);
  });

  it('a WeChat mini-program shop: no platform letter and no "which platform?" after an offer is refused', () => {
    const h = new EngineHarness('2026-10-12T20:00:00+08:00');
    h.send('在一家水果店的微信小程序买的车厘子，一半都烂了，订单号 MP2026101200871 付了 168 元，要退款');
    expect(h.state.active!.slots.standalone).toBe(true);
    h.advance(30);
    const offer = h.send('商家说只能退一半');
    expect(keys(offer)).toContain('seller.counterOfferOwnShop');
    const out = h.send('不接受');
    expect(keys(out)).not.toContain('guide.ask');
    expect(drafts(out, 'platform')).toHaveLength(0);
    expect(keys(out)).toContain('ladder.noPlatform');
    expect(letter(out, 'payment')).toContain('168 元');
  });
});
