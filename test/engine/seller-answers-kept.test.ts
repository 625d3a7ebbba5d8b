/**
 * A seller's answer keeps what it said (trial 15 F17, F21): an answer put off until an inspection is
 * no refusal, a reason beside an offer goes into the letter, and an offer turned down together with
 * the wish said again moves the case to the platform, never to a new seller letter with a new deadline.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness } from '../helpers/engine-harness.ts';
import type { Outbound } from '../../src/domain/index.ts';

const drafts = (out: readonly Outbound[]): Outbound[] => out.filter((m) => m.kind === 'draft');

function opened(first: string, wish: string): EngineHarness {
  const h = new EngineHarness('2026-10-05T19:00:00+08:00');
  h.send(first);
  if (h.state.active?.phase !== 'following') h.send(wish);
  expect(h.state.active!.phase).toBe('following');
  h.advance(60 * 10);
  return h;
}

describe('an answer deferred until an inspection', () => {
  it('is recorded as the seller sending the buyer to be inspected, not as a refusal', () => {
    const h = opened('淘宝上的戴森吹风机 订单号 3390127745610，用了两次就不出热风，实付1980，我要退货退款', '退货退款');
    const out = h.send('客服昨天回复：“这个不属于无理由哦，麻烦您先去品牌售后做个检测，报告出来之后我们再评估怎么处理。”');
    const types = h.state.active!.timeline.map((x) => x.type);
    expect(types).not.toContain('seller_refused');
    expect(types).toContain('seller_needs_evidence');
    expect(out.map((m) => m.text).join('\n')).not.toMatch(/卖家拒绝了/u);
    const letter = drafts(h.send('申请平台介入')).map((m) => m.text).join('\n');
    expect(letter).not.toMatch(/拒绝处理/u);
  });

  it('without an inspection is a stall that keeps its words', () => {
    const h = opened('京东买的儿童自行车，订单号 88231046712，车把松动装不上，实付459，我要换货', '换货');
    h.send('商家说这个情况要先问一下厂家，核实完再给我答复');
    const types = h.state.active!.timeline.map((x) => x.type);
    expect(types).not.toContain('seller_refused');
    expect(types).toContain('seller_stalled');
  });

  it('a plain refusal with no later decision stays a refusal', () => {
    const h = opened('拼多多买的保温杯，订单号 240918-553311220099，杯盖漏水，实付39，我要退款', '退款');
    h.send('卖家说这个不给退，漏水是我自己没拧紧');
    expect(h.state.active!.timeline.map((x) => x.type)).toContain('seller_refused');
  });
});

describe('an offer of less with a reason, turned down', () => {
  it('goes to the platform with the offer and the reason, never a new seller deadline', () => {
    const h = opened('拼多多买的电热水壶，订单号 241002-778812340056，烧水时底座冒火花，实付129', '退款');
    h.send('卖家说是我家插座的问题 检测没毛病 最多补偿30 不退');
    const out = h.send('不接受 我要全额退款129');
    const letters = drafts(out);
    expect(letters.map((m) => m.to)).toEqual(['platform']);
    expect(letters[0]!.text).toMatch(/30/u);
    expect(letters[0]!.text).toMatch(/插座的问题/u);
    expect(letters[0]!.text).toMatch(/我没有接受这个方案/u);
    expect(h.state.active!.timeline.some((x) => x.type === 'escalated' && x.note === 'platform')).toBe(true);
  });

  it('turning down a coupon while restating the sum wanted also goes to the platform', () => {
    const h = opened('淘宝买的蓝牙音箱，订单号 3391188800021，充不进电，实付268，我要退款', '退款');
    h.send('商家说是我充电器不对，只能送我一张20元的券');
    const letters = drafts(h.send('券我不要，我要退款268'));
    expect(letters.map((m) => m.to)).toEqual(['platform']);
  });

  it('keeps the reason beside a sum offered in one clause each', () => {
    const h = opened('京东买的羊毛大衣，订单号 88312094561，洗了一次就缩水一大圈，实付899，我要退款', '退款');
    h.send('卖家说是我洗的方法不对，只能补偿我100');
    const letter = drafts(h.send('申请平台介入')).map((m) => m.text).join('\n');
    expect(letter).toMatch(/卖家称是我洗的方法不对/u);
    expect(letter).toMatch(/100/u);
  });
});

describe('an offer tied to silence', () => {
  it.each([
    ['客服说最多退800，还要我签个保证不在网上发差评的协议', 800],
    ['商家说只能退500 但我得保证不发表任何负面评价', 500],
  ])('keeps the condition beside the sum: %s', (reply, sum) => {
    const h = opened('抖音买的摄影网课，订单号 4981200000017745311，实付1680，内容和宣传不符，我要全额退款', '退款');
    h.send(reply);
    const letter = drafts(h.send('不接受')).map((m) => m.text).join('\n');
    expect(letter).toMatch(new RegExp(`卖家提出：若我承诺不发表负面评价，退我 ${sum} 元。我没有接受这个方案`, 'u'));
  });
});

describe('a chargeback asked about while the seller is still negotiating', () => {
  it.each(['我是信用卡付的，能拒付吗', '可以找支付宝投诉吗？', '银行那边能申请拒付吗'])('puts the platform first: %s', (question) => {
    const h = opened('淘宝买的品牌手表，订单号 3751100000045612871，实付3600，鉴定是假货，我要退一赔三', '退货退款');
    h.send('卖家说可以退款，但是要我先把投诉撤了');
    const out = h.send(question);
    expect(drafts(out)).toHaveLength(0);
    expect(out.map((m) => m.key)).toContain('payment.platformFirst');
    expect(out.flatMap((m) => m.options ?? []).map((o) => o.value)).toEqual(['platform', 'payment']);
    const next = h.send('先不拒付了，走平台介入吧');
    expect(drafts(next).map((m) => m.to)).toEqual(['platform']);
  });

  it('once the platform has ruled, the payment letter is given', () => {
    const h = opened('淘宝买的品牌手表，订单号 3751100000045612872，实付3600，鉴定是假货，我要退一赔三', '退货退款');
    h.send('卖家拒绝了，说是正品');
    h.advance(60 * 24);
    h.send('平台判了，支持卖家');
    const out = h.send('信用卡能拒付吗');
    expect(drafts(out).map((m) => m.to)).toContain('payment');
  });
});

describe('a private transfer offered with a sum and a condition', () => {
  it.each([
    ['客服打电话说加微信，私下转我300块，前提是把投诉撤了', '300 元', '撤销投诉'],
    ['老板说可以微信私下退我两百，但要我先把售后申请撤回', '200 元', '撤销售后申请'],
  ])('keeps both in the letter: %s', (reply, sum, condition) => {
    const h = opened('拼多多买的空气净化器，订单号 241015-660012345678，滤网是旧的，实付699，我要退货退款', '退货退款');
    h.send(reply);
    const letter = drafts(h.send('申请平台介入')).map((m) => m.text).join('\n');
    expect(letter).toContain(`私下转账（${sum}）处理，条件是我${condition}`);
  });

  it('without a sum or a condition says the proposal only', () => {
    const h = opened('拼多多买的空气净化器，订单号 241015-660012345679，滤网是旧的，实付699，我要退货退款', '退货退款');
    h.send('卖家说走微信私下转账给我处理');
    const letter = drafts(h.send('申请平台介入')).map((m) => m.text).join('\n');
    expect(letter).toContain('卖家提出在平台外私下转账处理，我希望按平台流程解决');
  });
});

describe('an offer of less told before the case is complete', () => {
  it.each([
    ['店家讲最多退一半，剩下一半不退', '订单号 3914400000035182262'],
    ['客服说最多补偿30块，退款不行', '订单号是3914400000035182263'],
  ])('is the buyer\'s choice once complete, not a fresh seller letter: %s', (offer, order) => {
    const h = new EngineHarness('2026-10-08T21:00:00+08:00');
    h.send('淘宝买的加湿器不出雾，花了260，我要退款');
    h.advance(30);
    h.send(offer);
    h.advance(5);
    const out = h.send(order);
    expect(h.state.active!.phase).toBe('following');
    expect(drafts(out).map((m) => m.to)).not.toContain('seller');
    expect(out.flatMap((m) => m.options ?? []).map((o) => o.value)).toEqual(['acceptOffer', 'platform']);
    expect(drafts(h.send('不接受')).map((m) => m.to)).toEqual(['platform']);
  });
});
