/**
 * Routing a followed case: which menu a typed number or label answers, what "no" and "not yet"
 * mean for the nudge or menu that asked, reports that move the case (the seller blocking the
 * buyer, the buyer's own application with the platform's timer, a ruling that gives only part, a
 * door pickup), plain questions the knowledge base answers, and "明天" as a calendar day.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';
import type { Outbound } from '../../src/domain/index.ts';

const ORDER = '4719203856417290385';
const JD_ORDER = '384756102938';
const keys = (out: Outbound[]) => out.map((m) => m.key);
const menus = (out: Outbound[]) => out.filter((m) => m.options?.length);
const timelineTypes = (h: EngineHarness) => h.state.active!.timeline.map((e) => e.type);

function opened(h = new EngineHarness('2026-11-24T10:00:00+08:00')): EngineHarness {
  h.send(`淘宝订单 ${ORDER}，台灯用了三天就不亮了，想退货退款`);
  expect(h.state.active!.phase).toBe('following');
  return h;
}

/** On the platform rung with the intervention draft handed over (the seller refused). */
function atPlatform(h = opened()): EngineHarness {
  const out = h.send('卖家拒绝了，说不是质量问题');
  if (out.some((m) => m.key === 'confirm.reply')) h.choose('confirmReply', 'refuses');
  expect((h.state.active as { rung?: string }).rung).toBe('platform');
  return h;
}

/** A counter-offer on the record, its accept-or-platform menu open. */
function offered(h = opened()): EngineHarness {
  const out = h.send('商家说只能给我补偿8块钱');
  if (out.some((m) => m.key === 'confirm.reply')) h.choose('confirmReply', 'counter_offer');
  expect(h.state.active!.timeline.at(-1)!.type).toBe('seller_counter_offer');
  return h;
}

describe('which menu a typed answer goes to', () => {
  it('a number answers the latest menu still open, even after a message that offered none', () => {
    const h = offered();
    h.send({ type: 'media', kind: 'photo', caption: '灯泡不亮的照片' });
    const out = h.send('2');
    expect(drafts(out, 'platform')).toHaveLength(1);
    expect((h.state.active as { rung?: string }).rung).toBe('platform');
  });

  it('the 12315 step shows one menu: the business-details question, last; the payment channel is named in words', () => {
    const h = atPlatform();
    const out = h.send('要12315投诉');
    expect(keys(out).slice(-2)).toEqual(['regulator.timers', 'ask.business']);
    expect(out.filter((m) => m.options?.length).map((m) => m.key)).toEqual(['ask.business']);
    expect(out.find((m) => m.key === 'regulator.timers')!.text).toContain('支付宝投诉');
    expect(keys(h.send('1'))).toEqual(['business.skipped']);
    expect(drafts(h.send('支付宝投诉'), 'payment')).toHaveLength(1);
  });

  it('a menu answered is closed: the same number again is just text', () => {
    const h = offered();
    h.send('2');
    expect(drafts(h.send('2'), 'platform')).toHaveLength(0);
  });

  it('the case moving up a rung closes the seller rung\'s menu', () => {
    const h = offered();
    const out = h.send('商家后来直接拒绝了，说不给退');
    if (out.some((m) => m.key === 'confirm.reply')) h.choose('confirmReply', 'refuses');
    expect((h.state.active as { rung?: string }).rung).toBe('platform');
    expect((h.state.menus ?? []).some((m) => m.options.some((o) => o.value === 'acceptOffer'))).toBe(false);
  });
});

describe('answers to the bot\'s own nudges and menus', () => {
  it('"不接受" to accept-or-platform is the platform', () => {
    const h = offered();
    const out = h.send('不接受，这也太少了');
    expect(drafts(out, 'platform')).toHaveLength(1);
  });

  it('"还没" to the refund check is the refund not arrived: the platform draft', () => {
    const h = new EngineHarness('2026-11-24T10:00:00+08:00');
    h.send(`淘宝订单 ${ORDER}，台灯用了三天就不亮了，想退款`);
    h.send('卖家同意退款了');
    const nudge = h.tickHours(24 * 7).find((m) => m.key === 'nudge.refund_arrival')!;
    expect(nudge.options!.map((o) => o.value)).toEqual(['resolved', 'notYet']);
    const out = h.send('还没');
    expect(keys(out)).toContain('escalate.refundMissing');
    expect(drafts(out, 'platform')).toHaveLength(1);
  });

  it('"not yet" after the seller\'s deadline brought the platform draft: submit it, not a generic line', () => {
    const h = opened();
    h.send('客服说24小时内给我答复');
    const nudge = h.tickHours(25);
    expect(drafts(nudge, 'platform')).toHaveLength(1);
    const out = h.send('他们那边还是没消息');
    expect(keys(out)).toEqual(['next.platformSubmit']);
    expect(timelineTypes(h)).not.toContain('platform_requested');
  });

  it('"还没结果" once the platform\'s own time ran out moves to 12315 and the payment channel', () => {
    const h = atPlatform();
    h.send('已经申请了平台介入，平台说两天内处理');
    const nudge = h.tickHours(49);
    expect(keys(nudge)).toContain('nudge.platform_timer');
    const out = h.send('还是没结果呢');
    expect(keys(out)[0]).toBe('next.platformSlow');
    expect(drafts(out, 'regulator')).toHaveLength(1);
    expect((h.state.active as { rung?: string }).rung).toBe('regulator');
  });

  it('"还没结果" while the platform\'s time is still running says until when', () => {
    const h = atPlatform();
    h.send('已经申请了平台介入，平台说两天内处理');
    expect(keys(h.send('还没结果'))).toEqual(['next.platformWait']);
  });

  it('"怎么办" after a seller promise that already ran out is not "waiting for the seller"', () => {
    const h = opened(new EngineHarness('2026-11-26T10:00:00+08:00'));
    h.send('客服前天答应一天之内处理');
    const out = h.send('那现在该怎么做');
    expect(keys(out)).toEqual(['next.sellerDone']);
    expect(out[0]!.options!.map((o) => o.value)).toContain('platform');
  });

  it('"咋弄" asks for the next step', () => {
    const h = opened();
    expect(keys(h.send('那现在咋弄'))[0]).toMatch(/^next\./);
  });
});

describe('reports that move the case', () => {
  it('the seller blocking the buyer is no answer coming: the platform, not "waiting for the seller"', () => {
    const h = opened();
    const out = h.send('卖家直接把我拉黑了，消息发不出去');
    expect(drafts(out, 'platform')).toHaveLength(1);
    expect(timelineTypes(h)).toContain('seller_no_response');
    expect(keys(h.send('怎么办'))).not.toContain('next.sellerWait');
  });

  it('the buyer\'s own earlier application with the platform\'s timer: no new draft, the platform\'s time followed', () => {
    const h = new EngineHarness('2026-11-24T10:00:00+08:00');
    h.send(`京东订单 ${JD_ORDER}，电水壶底座裂了，想换货`);
    const out = h.send('我昨天已经申请了客服仲裁了 京东说36小时内给我结果');
    expect(drafts(out)).toHaveLength(0);
    expect(keys(out)).toEqual(['platform.handlingTimer']);
    const timer = h.state.active!.reminders.find((r) => r.reason === 'platform_followup')!;
    expect(Date.parse(timer.deadline) - h.now.getTime()).toBe(36 * 3600_000);
    const applied = h.state.active!.timeline.find((e) => e.type === 'platform_requested')!;
    expect(applied.happenedAt).toBe('2026-11-23');
    expect(h.state.active!.reminders.some((r) => r.reason === 'seller_promise')).toBe(false);
    expect(keys(h.send('现在怎么办'))).toEqual(['next.platformWait']);
  });

  it('a ruling that gives only a small part is a ruling for the buyer of that sum, the rest disputed: 12315 and the payment channel, not the intervention draft again', () => {
    const h = atPlatform();
    const out = h.send('平台判下来了，只退给我8块钱');
    expect(drafts(out, 'platform')).toHaveLength(0);
    expect(drafts(out, 'regulator')).toHaveLength(1);
    expect(keys(out)).toContain('platform.ruledPartNoAsk');
    expect(keys(out)).not.toContain('amend.redraft');
    expect(timelineTypes(h)).toContain('platform_ruled_buyer');
    expect(timelineTypes(h)).not.toContain('platform_ruled_seller');
  });

  it('on the platform rung, the platform\'s own customer service saying no is its ruling: 12315, not "apply for intervention"', () => {
    const h = atPlatform();
    const out = h.send('淘宝客服那边也说不给退 我该怎么办');
    expect(keys(out)).toContain('platform.ruledSeller');
    expect(keys(out)).not.toContain('next.platform');
    expect(drafts(out, 'regulator')).toHaveLength(1);
    expect(menus(out).length).toBeLessThanOrEqual(2);
  });

  it('an exchange agreed with a door pickup gets pickup steps, not mail-it-yourself steps', () => {
    const h = new EngineHarness('2026-11-24T10:00:00+08:00');
    h.send(`京东订单 ${JD_ORDER}，电水壶底座裂了，想换货`);
    const out = h.send('客服回电话说可以换 等快递上门取件就行');
    expect(keys(out)).toEqual(['seller.agreesPickup']);
    expect(h.state.active!.reminders.some((r) => r.reason === 'return_tracking')).toBe(false);
  });
});

describe('confirmations only when something needs confirming', () => {
  it('the buyer\'s own "send it back" is a wish, not the seller asking for an inspection', () => {
    const h = new EngineHarness();
    const out = h.send(`Order ${ORDER} from Taobao, the desk lamp stopped working. I'd like to send it back`);
    expect(keys(out)).not.toContain('confirm.reply');
    expect(timelineTypes(h)).not.toContain('seller_return_for_inspection');
  });

  it('"申请平台介入" is a request for the draft, not a report that the platform is handling it', () => {
    const h = atPlatform();
    const out = h.send('帮我申请平台介入');
    expect(keys(out)).not.toContain('confirm.reply');
    expect(drafts(out, 'platform')).toHaveLength(1);
  });

  it('at most one menu in a turn: a passed promise\'s menu, no second one to confirm a reading', () => {
    const h = opened();
    const out = h.send('商家前天讲过一天内给答复 现在还没动静');
    expect(menus(out)).toHaveLength(1);
  });
});

describe('plain questions get the knowledge base\'s answer', () => {
  it.each([
    ['订单号去哪里看呀', 'answer.ask_where_order_id'],
    ['哪儿看订单号啊', 'answer.ask_where_order_id'],
    ['开箱视频要怎么拍才行', 'answer.ask_video_howto'],
    ['12315为什么不受理啊 还能怎么办', 'answer.ask_not_accepted'],
  ])('%s → %s', (text, key) => {
    const h = opened();
    expect(keys(h.send(text))).toEqual([key]);
  });

  it('who pays return shipping: the seller for a quality problem (消法 第二十四条), and the wish is unchanged', () => {
    const h = opened();
    const out = h.send('退货运费该谁出呀');
    // On a followed case the postage question is answered from the record, then the case's line (as "运费也要我出？").
    expect(keys(out)).toEqual(['answer.ask_return_shipping', 'followingCase']);
    expect(out[0]!.text).toContain('第二十四条');
    expect(out[0]!.text.indexOf('第二十四条')).toBeLessThan(out[0]!.text.indexOf('第二十五条'));
    expect(h.state.active!.slots.wants).toBe('return_refund');
  });
});

describe('a question beside a report', () => {
  it('the seller wanting it back at the buyer\'s cost, asked "is that fair": the report acted on and the shipping question answered', () => {
    const h = opened();
    const out = h.send('商家让我自己出运费寄回去检测，这说得过去吗');
    expect(keys(out)).toContain('answer.ask_return_shipping');
    expect(out.find((m) => m.key === 'answer.ask_return_shipping')!.text).toContain('第二十四条');
    expect(h.state.active!.slots.wants).toBe('return_refund');
  });
});

describe('"明天" is a calendar day', () => {
  it('a promise for tomorrow told in the afternoon runs to the end of tomorrow; the nudge comes the morning after', () => {
    const h = opened(new EngineHarness('2026-11-24T16:30:00+08:00'));
    const out = h.send('卖家说明天给你答复');
    expect(keys(out)).toContain('promise.set');
    const r = h.state.active!.reminders.find((x) => x.reason === 'seller_promise')!;
    expect(new Date(r.deadline).toISOString()).toBe(new Date('2026-11-25T23:59:00+08:00').toISOString());
    expect(h.due.get('c1-seller_promise')!.toISOString()).toBe(new Date('2026-11-26T08:00:00+08:00').toISOString());
    // Still "tomorrow" in the evening: no nudge yet.
    expect(h.tickHours(26)).toEqual([]);
  });
});
