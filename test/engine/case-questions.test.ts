/**
 * Direct questions in the middle of a followed case are answered from the record first, then the
 * case's follow-up (trial 7 #8): confirming receipt while the seller wants it first, the return
 * postage of a faulty item, "is this fair / are they stalling" about an offer or a promise, "ok?"
 * about an off-platform transfer, and whether a deadline counts days off.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness } from '../helpers/engine-harness.ts';

const keys = (out: readonly { key?: string }[]): string[] => out.map((m) => m.key ?? '');
const text = (out: readonly { text?: string }[]): string => out.map((m) => m.text ?? '').join('\n');

function following(start: string, first: string): EngineHarness {
  const h = new EngineHarness(start);
  h.send(first);
  expect(h.state.active!.phase).toBe('following');
  h.advance(40);
  return h;
}

describe('confirming receipt while the seller wants it first', () => {
  it('"那我就点确认收货了？" hours later: not before the refund, why, then the follow-up', () => {
    const h = following('2026-10-12T20:00:00+08:00', '淘宝买的电动牙刷 订单号 4019283746501928374 充不进电 想退款');
    h.send('商家回我：你先点一下确认收货，确认完马上退你钱');
    h.advance(26 * 60);
    const out = h.send('那我就点确认收货了？');
    expect(keys(out)).toEqual(['caseQuestion.confirmReceipt', 'followingCase']);
    expect(out[0]!.text).toMatch(/^先别确认收货，等退款到账/u);
    expect(out[0]!.text).toMatch(/货款通常会结算给卖家/u);
  });

  it('someone else confirming is not that question', () => {
    const h = following('2026-10-12T20:00:00+08:00', '淘宝买的电动牙刷 订单号 4019283746501928374 充不进电 想退款');
    h.send('商家回我：你先点一下确认收货，确认完马上退你钱');
    h.advance(10);
    expect(keys(h.send('平台那边确认了吗？'))).not.toContain('caseQuestion.confirmReceipt');
  });
});

describe('the return postage of a faulty item', () => {
  it('"东西本身坏的，邮费还得我掏？": 第二十四条, then the follow-up', () => {
    const h = following('2026-08-03T09:00:00+08:00', '京东买的吹风机 订单号 281930475612 用了两次就不出热风 要退货退款');
    h.send('商家同意退货，不过寄回的邮费要你自己付');
    h.advance(5);
    const out = h.send('东西本身坏的，邮费还得我掏？');
    expect(keys(out)).toEqual(['answer.ask_return_shipping', 'followingCase']);
    expect(out[0]!.text).toMatch(/^商品本身有问题.*第二十四条/u);
  });

  it('a question about shipping insurance or the parcel is not that question', () => {
    const h = following('2026-08-03T09:00:00+08:00', '京东买的吹风机 订单号 281930475612 用了两次就不出热风 要退货退款');
    h.send('商家同意退货，不过寄回的邮费要你自己付');
    h.advance(5);
    expect(keys(h.send('我寄回去的快递到哪了？'))).not.toContain('answer.ask_return_shipping');
    expect(keys(h.send('物流正常吗？'))).not.toContain('caseQuestion.fair.other');
  });
});

describe('"is this fair?" from the record', () => {
  it('a promise whose deadline passed: stalling, and the next step', () => {
    const h = following('2026-05-11T14:00:00+08:00', '淘宝订单 4028374615029384756 加湿器不出雾 要换货');
    h.send('客服说24小时内给我回复');
    h.tickHours(26);
    const out = h.send('这正常吗？他们是故意拖着吧');
    expect(keys(out)[0]).toBe('caseQuestion.fair.promisePassed');
    expect(out[0]!.text).toContain('2026年5月12日 14:40');
    expect(out[0]!.text).toMatch(/在拖/u);
    expect(keys(out)).not.toContain('followingCase');
    expect(keys(out)[1]).toMatch(/^next\./u);
  });

  it('a promise still running: its date, not "stalling" yet', () => {
    const h = following('2026-05-11T14:00:00+08:00', '淘宝订单 4028374615029384756 加湿器不出雾 要换货');
    h.send('客服说48小时内给我回复');
    h.advance(60);
    const out = h.send('他们是不是在拖时间？');
    expect(keys(out)[0]).toBe('caseQuestion.fair.promiseRunning');
    expect(out[0]!.text).toContain('2026年5月13日 14:40');
  });

  it('a partial offer for goods broken in transit: the seller bears transit risk (电子商务法 第二十条)', () => {
    const h = following('2026-03-20T19:00:00+08:00', '拼多多订单 260318-192837465019283 买的陶瓷花瓶 收到碎成两半 我要退款');
    h.send('店家说最多赔你三成，说是物流摔的跟他们没关系');
    h.advance(2);
    const out = h.send('这合理不？');
    expect(keys(out)[0]).toBe('caseQuestion.fair.transitOffer');
    expect(out[0]!.text).toMatch(/电子商务法》第二十条/u);
    // Then the choice the offer left open.
    expect(keys(out)[1]).toBe('next.sellerOffer');
  });
});

describe('"ok?" about a transfer off the platform', () => {
  it('a while after the warning: the risk and what to do instead, then the follow-up', () => {
    const h = following('2026-07-02T10:00:00+08:00', '抖音订单 6930192837465019283 买的凉席有一股刺鼻的味道 想退款');
    h.send('卖家叫我加他微信，微信上直接把钱转给我，不用走平台');
    h.advance(90);
    const out = h.send('行吗？这样还快一点');
    expect(keys(out)[0]).toMatch(/^warnedRequest\.(?:transfer|contact)$/u);
    expect(out[0]!.text).toMatch(/^不要/u);
    expect(keys(out)[1]).toBe('followingCase');
  });
});

describe('whether a deadline counts days off', () => {
  it('a promise in working days over the National Day holiday: not counted', () => {
    const h = following('2026-09-29T11:00:00+08:00', '京东买的空气炸锅 订单号 302918374650 通电没反应 要退款');
    h.send('商家说5个工作日内处理完');
    h.advance(3);
    const out = h.send('国庆放假也算进去吗？');
    expect(keys(out)).toEqual(['caseQuestion.holidays.workdays', 'followingCase']);
    expect(out[0]!.text).toMatch(/不算在内/u);
  });

  it('a promise in hours ending on a Sunday: weekends counted', () => {
    // 2026-06-05 is a Friday.
    const h = following('2026-06-05T16:00:00+08:00', '淘宝订单 4019283746509182736 台灯闪个不停 要退货退款');
    h.send('客服说48小时内给答复');
    h.advance(3);
    const out = h.send('周末他们也算吗');
    expect(keys(out)).toEqual(['caseQuestion.holidays.calendar', 'followingCase']);
    expect(text(out)).toContain('2026年6月7日 16:40');
  });
});
