/**
 * Following the case as it moves (buyer trial 3): what the buyer reports after a letter went out
 * is taken into the next letter, and a step already taken is not asked for again.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';

const ORDER = '58230417769';

describe('after the platform ruled for the buyer', () => {
  function ruled(): EngineHarness {
    const h = new EngineHarness('2026-11-16T09:00:00+08:00');
    h.send(`京东订单 ${ORDER}，吸尘器吸力很弱，充满电也只能用五分钟，要退货退款`);
    h.advance(60 * 20);
    h.send('卖家说不给退，说是我自己用坏的');
    h.advance(60 * 24);
    h.send('京东仲裁结果出来了，判我赢了，可以退货退款');
    return h;
  }

  it('a changed wish is noted without a new intervention letter that would ask for the ruling again', () => {
    const h = ruled();
    h.advance(10);
    const out = h.send('我改主意了，不想退货了，只退钱就行');
    expect(h.state.active!.slots.wants).toBe('refund');
    expect(drafts(out)).toHaveLength(0);
    expect(out.map((m) => m.key)).toContain('amend.afterRuling');
    // The check on the refund the platform ordered still stands.
    expect(h.state.active!.reminders.map((r) => r.reason)).toContain('refund_arrival');
  });
});

describe('the receipt date the buyer has not given', () => {
  it('the case goes on without it and says so, not that the buyer skipped it', () => {
    const h = new EngineHarness('2026-11-16T09:00:00+08:00');
    h.send(`淘宝订单 ${ORDER}2345678，买的台灯颜色不喜欢，想退货退款`);
    expect(h.state.pending?.slot).toBe('receivedOn');
    h.send('灯罩的塑料膜都还在');
    const out = h.send('卖家已经同意退货了');
    const text = out.map((m) => m.text).join('\n');
    expect(h.state.active!.phase).toBe('following');
    expect(text).not.toContain('跳过');
    expect(out.map((m) => m.text).join('\n')).toContain('签收日期先空着');
  });
});

describe('a case told after the seller already agreed', () => {
  it('gets no letter asking the seller for a solution, and no reminder for a waybill already given', () => {
    const h = new EngineHarness('2026-11-16T09:00:00+08:00');
    h.send('在淘宝买的电饭煲，内胆有一道很深的划痕，想退货退款');
    const out = h.send(`订单号 ${ORDER}2345678，商家已经答应退货了，我今天用顺丰寄回去了，单号SF7720418835016`);
    const c = h.state.active!;
    expect(c.phase).toBe('following');
    expect(drafts(out)).toHaveLength(0);
    const text = out.map((m) => m.text).join('\n');
    expect(text).not.toContain('回复处理方案');
    expect(text).not.toContain('等信息齐了');
    expect(out.map((m) => m.key)).toEqual(expect.arrayContaining(['seller.agreesReturnSent', 'nextStepsAgreed']));
    // The elements head the checklist, saying no letter is needed.
    expect(out.find((m) => m.kind === 'checklist')?.text).toContain('卖家已经同意了，不用再发文本问处理方案');
    expect(c.reminders.map((r) => r.reason)).not.toContain('return_tracking');
    expect(c.reminders.map((r) => r.reason)).not.toContain('reply_deadline');
  });
});

describe('a seller promise to act, not to answer', () => {
  it('is acknowledged, nudged and listed as the seller\'s deadline, never as a promised reply', () => {
    const h = new EngineHarness('2026-11-16T09:00:00+08:00');
    h.send(`拼多多订单 ${ORDER}2345678，买的猫砂下单一周了还没发货，想退款`);
    h.advance(30);
    const said = h.send('客服说72小时内一定发出');
    expect(said.map((m) => m.key)).toContain('promise.set');
    // A shipment was promised: whether it went out is asked first; "no" brings the letter.
    const nudge = h.tickHours(73);
    expect(drafts(nudge)).toEqual([]);
    const letter = drafts(h.choose('nextStep', 'promiseNotKept'), 'platform')[0]!;
    const all = [...said, ...nudge].map((m) => m.text).join('\n');
    expect(all).not.toMatch(/答复时间|前答复|答复期限/);
    expect(letter.text).toContain('卖家答应的期限已过');
  });
});

describe('a promise with a time', () => {
  it('is noted once, without asking whether the seller is stalling', () => {
    const h = new EngineHarness('2026-11-16T09:00:00+08:00');
    h.send(`淘宝订单 ${ORDER}2345678，买的游戏点卡付了钱一直没到账，要退款`);
    h.advance(5);
    const out = h.send('卖家说1小时内给我充上');
    expect(out.map((m) => m.key)).toEqual(['promise.set']);
    expect(h.state.pending).toBeNull();
    expect(h.state.active!.reminders.map((r) => r.reason)).toContain('seller_promise');
  });
});

describe('a letter asked for again right after it was handed over', () => {
  it('is pointed to, not printed in full again; later, or changed, it is given again', () => {
    const h = new EngineHarness('2026-11-16T09:00:00+08:00');
    h.send(`京东订单 ${ORDER}，新买的电热水壶底座漏水，要退货退款`);
    h.advance(60);
    h.send('卖家说不能退');
    h.advance(60 * 24);
    const ruled = h.send('平台的处理结果出来了，判商家那边有理，把我的申请驳回了');
    expect(drafts(ruled, 'regulator')).toHaveLength(1);
    h.advance(3);
    const again = h.send('12315');
    expect(drafts(again)).toHaveLength(0);
    expect(again.map((m) => m.key)).toEqual(['draft.sameAbove']);
    h.advance(120);
    expect(drafts(h.send('12315'), 'regulator')).toHaveLength(1);
  });
});

describe('a counter-offer the buyer turns down', () => {
  it('after the bot moved the case to the platform on its nudge: the platform letter again, with the offer and the no', () => {
    const h = new EngineHarness('2026-11-16T09:00:00+08:00');
    h.send(`淘宝订单 ${ORDER}2345678，买的一箱芒果收到一多半都坏了，要退款`);
    h.advance(30);
    h.send('客服说12小时内给我处理');
    const nudge = h.tickHours(23);
    expect(drafts(nudge, 'platform')).toHaveLength(1);
    expect(h.state.active).toMatchObject({ rung: 'platform' });
    h.advance(20);
    h.send('店家现在说最多补偿15块，坏的自己处理掉');
    h.advance(5);
    const out = h.send('不接受');
    expect(out.map((m) => m.key)).not.toContain('next.platformAlready');
    const letter = drafts(out, 'platform')[0]!.text;
    expect(letter).toContain('卖家只同意补偿我 15 元，低于我的诉求。');
    expect(letter).toContain('我没有接受这个方案');
  });

  it('an offer tied to withdrawing the complaint: the letter names the complaint only, and what was offered', () => {
    const h = new EngineHarness('2026-11-16T09:00:00+08:00');
    h.send(`抖音订单 ${ORDER}2345678，买的名牌香水喷头是歪的，味道也不对，怀疑是假货，我要退一赔三`);
    h.advance(60 * 12);
    h.send('商家说可以退我钱外加补偿80块，前提是我先把投诉撤了');
    h.advance(5);
    const letter = drafts(h.send('不接受'), 'platform')[0]!.text;
    expect(letter).toContain('条件是我撤销投诉。');
    expect(letter).not.toContain('售后申请');
    expect(letter).toContain('补偿80块');
    expect(letter).toContain('我没有接受这个方案');
  });
});
