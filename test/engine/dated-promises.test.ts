/**
 * Seller promises with a calendar date ("12月9号之前给我寄新的", "by December 11"), what they are
 * for (ship, refund, answer), the question at their deadline before any letter says they were not
 * kept, and times counted from an event still to come however worded ("检测需要5个工作日").
 */
import { describe, expect, it } from 'vitest';
import { drafts, EngineHarness } from '../helpers/engine-harness.ts';
import type { Outbound } from '../../src/domain/index.ts';

const text = (out: Outbound[]) => out.map((m) => m.text).join('\n');
const keys = (out: Outbound[]) => out.map((m) => m.key);

/** Monday 2026-12-07, 15:00 in Shanghai; the case is followed. */
function following(opening: string): EngineHarness {
  const h = new EngineHarness('2026-12-07T15:00:00+08:00');
  h.send(opening);
  expect(h.state.active!.phase).toBe('following');
  h.advance(60);
  return h;
}

const lastPromise = (h: EngineHarness) => h.state.active!.timeline.filter((e) => e.type === 'seller_promise').at(-1);
const reminder = (h: EngineHarness, reason: string) => h.state.active!.reminders.find((r) => r.reason === reason);

const EXCHANGE = '天猫买的电热水壶 订单号 4208817364529018273 壶身有裂缝 换货';
const REFUND = '京东买的儿童保温杯 订单号 309955128374 杯盖漏水 退款';
const EN_EXCHANGE = 'I bought an electric kettle on Tmall, order 4208817364529018273, the lid hinge snapped. I want an exchange.';
const EN_REFUND = 'Bought a thermos on JD, order 309955128374, it leaks from the lid. I want a refund.';

describe('a seller promise with a calendar date is recorded with its deadline and what was promised', () => {
  it.each([
    [EXCHANGE, '卖家说12月9号之前给我寄新的', '2026-12-09T15:59:00.000Z', 'ship'],
    [REFUND, '客服讲礼拜四前答复我', '2026-12-10T15:59:00.000Z', 'reply'],
    [REFUND, '商家答应12月15日前把钱退给我', '2026-12-15T15:59:00.000Z', 'refund'],
    [REFUND, '客服说14号之前退款', '2026-12-14T15:59:00.000Z', 'refund'],
    [EN_EXCHANGE, 'The shop said they would dispatch the new kettle by December 11', '2026-12-11T15:59:00.000Z', 'ship'],
    [EN_REFUND, 'they promised to get back to me by Dec 10th', '2026-12-10T15:59:00.000Z', 'reply'],
    [EN_REFUND, 'customer service said the money would be refunded before the 14th', '2026-12-14T15:59:00.000Z', 'refund'],
  ])('%s / "%s"', (opening, said, deadline, kind) => {
    const h = following(opening);
    h.send(said);
    const p = lastPromise(h)!;
    expect(p.deadline).toBe(deadline);
    expect(p.note.split(' ')[0]).toBe(kind);
    // The date in the message is when it is due, never the day the seller said it.
    expect(p.happenedAt ?? '').not.toMatch(/^2025/);
    // An agreed refund with its date is checked for by the refund check, at that date.
    expect((reminder(h, 'seller_promise') ?? reminder(h, 'refund_arrival'))?.deadline).toBe(deadline);
  });

  it('the letters state the promise as recorded: what, by when', () => {
    const h = following(REFUND);
    h.send('商家答应12月15日前把钱退给我');
    const letter = drafts(h.send('申请平台介入'), 'platform').at(-1)!.text;
    expect(letter).toContain('卖家答应在2026年12月15日 23:59前退款');
  });
});

describe('a date already gone when the buyer tells it is a deadline passed, not next year or next month', () => {
  it.each([
    [EXCHANGE, '卖家讲12月2号以前把新的寄出来，现在还没影', '2026-12-02T15:59:00.000Z', '2026年12月2日'],
    [REFUND, '客服说5号前退款', '2026-12-05T15:59:00.000Z', '2026年12月5日'],
    [EN_EXCHANGE, 'the shop said they would send the new one by December 4', '2026-12-04T15:59:00.000Z', 'Dec 4, 2026'],
  ])('%s / "%s"', (opening, said, deadline, shown) => {
    const h = following(opening);
    const out = h.send(said);
    expect(keys(out)).toContain('promise.passed');
    expect(text(out)).toContain(shown);
    const p = lastPromise(h)!;
    expect(p.deadline).toBe(deadline);
    // The date is the deadline, not the day the seller said it.
    expect(p.happenedAt).toBeNull();
    expect(reminder(h, 'seller_promise')).toBeUndefined();
  });
});

describe('at the deadline the buyer is asked first; only their "no" goes into a letter', () => {
  it.each([
    [REFUND, '客服说14号之前退款', 'nudge.refund_promise'],
  ])('%s / "%s"', (opening, said, key) => {
    const h = following(opening);
    h.send(said);
    const nudge = h.tickHours(24 * 9);
    expect(keys(nudge)).toContain(key);
    expect(drafts(nudge)).toEqual([]);
    expect(nudge.find((m) => m.key === key)!.options!.map((o) => o.value)).toEqual(['promiseKept', 'promiseNotKept', 'promisePartly']);
  });

  // An answer is not asked about: the seller's silence past their own date hands the letter over
  // at once, and it says only that the date passed (the story of CONTRACTS §2).
  it.each([
    [REFUND, '客服讲礼拜四前答复我', '前答复'],
    [EN_REFUND, 'they promised to get back to me by Dec 10th', '前答复'],
  ])('%s / "%s": an answer promised by a date', (opening, said, words) => {
    const h = following(opening);
    h.send(said);
    const letter = drafts(h.tickHours(24 * 9), 'platform').at(-1)!.text;
    expect(letter).toContain(words);
    expect(letter).not.toContain('卖家没有答复');
  });

  it('"没退" to a refund promise: the platform letter says the refund did not come', () => {
    const h = following(REFUND);
    h.send('客服说14号之前退款');
    h.tickHours(24 * 8);
    const letter = drafts(h.send('还是没退'), 'platform').at(-1)!.text;
    expect(letter).toContain('卖家答应在2026年12月14日 23:59前退款');
    expect(letter).toContain('我没有收到退款');
  });

  it('an agreed refund with a date: the refund check asks at that date, and the letter after "no" states the date', () => {
    const h = following(REFUND);
    h.send('商家答应12月15日前把钱退给我');
    const nudge = h.tickHours(24 * 9);
    expect(keys(nudge)).toEqual(['nudge.refund_arrival']);
    expect(drafts(nudge)).toEqual([]);
    const letter = drafts(h.choose('nextStep', 'notYet'), 'platform').at(-1)!.text;
    expect(letter).toContain('卖家答应在2026年12月15日 23:59前退款');
  });
});

describe('a promised replacement that did not come: the platform letter states the promise and that it did not arrive', () => {
  it.each([
    [EXCHANGE, '卖家说12月9号之前给我寄新的', '还是没收到'],
    [EXCHANGE, '卖家说12月9号之前给我寄新的', '没发'],
    [EN_EXCHANGE, 'The shop said they would dispatch the new kettle by December 11', 'No, it never came.'],
    [EN_EXCHANGE, 'The shop said they would dispatch the new kettle by December 11', 'nothing has arrived'],
  ])('%s / "%s" / "%s"', (opening, said, answer) => {
    const h = following(opening);
    h.send(said);
    expect(keys(h.tickHours(24 * 6))).toContain('nudge.ship_promise');
    const out = h.send(answer);
    expect(keys(out)).not.toContain('followingCase');
    const letter = drafts(out, 'platform').at(-1)!.text;
    expect(letter).toMatch(/卖家答应在2026年12月(9|11)日 23:59前发货/);
    expect(letter).toContain('我没有收到卖家答应发出的商品');
  });
});

describe('a time counted from an event still to come, also without 完 or 后', () => {
  it.each([
    ['商家说检测需要5个工作日', '检测需要5个工作日'],
    ['卖家说鉴定4天出结果', '鉴定4天出结果'],
    ['The seller said once the parcel gets back to them, refund within 3 days', 'once the parcel gets back to them, refund within 3 days'],
  ])('"%s": the words, no date, a check-in instead of a deadline', (said, words) => {
    const h = following(REFUND);
    const out = text(h.send(said));
    expect(out).toContain(words);
    expect(out).not.toMatch(/期限是|deadline is/);
    expect(reminder(h, 'seller_promise')).toBeUndefined();
    // Our own check-in, not the seller's deadline: nothing about it reaches a letter.
    expect(reminder(h, 'event_checkin')).toBeDefined();
    expect(reminder(h, 'reply_deadline')).toBeUndefined();
    const letter = drafts(h.send('申请平台介入'), 'platform').at(-1)!.text;
    expect(letter).not.toMatch(/卖家答应在.{0,20}前|期限已过/);
  });

  it('the check-in asks whether it happened; "还没有" waits, with no deadline claimed', () => {
    const h = following(REFUND);
    h.send('商家说检测需要5个工作日');
    const nudge = h.tickHours(24 * 12);
    expect(keys(nudge)).toEqual(['nudge.event_checkin']);
    expect(text(nudge)).toContain('检测需要5个工作日');
    expect(drafts(nudge)).toEqual([]);
    const out = h.send('还没有');
    expect(keys(out)).toEqual(['eventCheckin.pending']);
    expect(drafts(out)).toEqual([]);
  });

  it('no check-in once the seller said something after those words', () => {
    const h = following(REFUND);
    h.send('商家说检测需要5个工作日');
    h.advance(60 * 24 * 3);
    h.send('卖家同意退款了');
    const later = h.tickHours(24 * 12);
    expect(keys(later)).not.toContain('nudge.event_checkin');
  });
});
