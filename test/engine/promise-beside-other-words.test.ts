/**
 * Promises told in the middle of other words: with the speaker left out ("说…"), beside a refusal,
 * after the deadline passed and the platform text was handed over, and never a seller's question
 * ("…可以吗？"). A time given for the new goods is the shipment's, not the pickup's, and the new
 * goods' waybill is not the buyer's return waybill.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness } from '../helpers/engine-harness.ts';
import type { Outbound } from '../../src/domain/index.ts';

const text = (out: Outbound[]) => out.map((m) => m.text).join('\n');
const keys = (out: Outbound[]) => out.map((m) => m.key);
const promises = (h: EngineHarness) => h.state.active!.timeline.filter((e) => e.type === 'seller_promise');
const reminder = (h: EngineHarness, reason: string) => h.state.active!.reminders.find((r) => r.reason === reason);

/** The case opened on Monday 2026-12-07 15:00 (Shanghai) and followed for an hour. */
const following = (opening: string): EngineHarness => {
  const h = new EngineHarness('2026-12-07T15:00:00+08:00');
  expect(h.send(opening) && h.state.active!.phase).toBe('following');
  return h.advance(60);
};

const REFUND = '拼多多买的蓝牙耳机 订单号 241207-558812930041 右耳没声音 退款';
const EXCHANGE = '当当买的词典 订单号 77310294551 封面撕破了 换货';
const TOPUP = '抖音买的游戏点卡 100元 订单号 6931207755102847 付了没到账 要么到账要么退款';

describe('a promise with its speaker left out is the seller\'s', () => {
  it.each([
    ['说5个工作日到账', 'refund'],
    ['客服回了 说两天内答复', 'reply'],
    ['售后专员打了电话 讲好的那个不算 说48小时内退款', 'refund'],
  ])('"%s"', (said, act) => {
    const h = following(REFUND);
    const out = h.send(said);
    expect(keys(out)).toContain('promise.set');
    expect(promises(h).at(-1)!.note.split(' ')[0]).toBe(act);
    expect(reminder(h, 'seller_promise')).toBeDefined();
  });

  it('the buyer\'s own words with 我 are no promise', () => {
    const h = following(REFUND);
    h.send('我说3天内必须给我答复');
    expect(promises(h)).toHaveLength(0);
  });
});

describe('a promise beside a refusal is recorded with its reminder', () => {
  it.each(['客服说系统繁忙 48小时内到账 不能退款', '商家回复不给退款，说两个工作日内到账'])('"%s"', (said) => {
    const h = following(TOPUP);
    const out = h.send(said);
    expect(h.state.active!.timeline.some((e) => e.type === 'seller_refused')).toBe(true);
    expect(keys(out)).toEqual(expect.arrayContaining(['promise.set', 'seller.refusesWithPromise']));
    expect(keys(out)).not.toContain('draft.platform');
    expect(reminder(h, 'seller_promise')).toBeDefined();
  });
});

describe('a new promise after the deadline passed', () => {
  it.each([
    ['专员上午来过电话了 说寄回去检测 检测完5个工作日退款 还要申诉吗', 'promise.after'],
    ['客服又说了 3个工作日内一定退款 我还要申请介入吗', 'promise.set'],
  ])('"%s": recorded; no escalation for now', (said, key) => {
    const h = following(REFUND);
    h.send('客服说24小时内给我答复');
    h.advance(25 * 60);
    const nudge = h.tick();
    expect(keys(nudge)).toContain('draft.platform');
    const out = h.send(said);
    expect(keys(out)).toContain(key);
    expect(text(out)).toContain('现在不用急着申诉');
    expect(reminder(h, 'platform_followup')).toBeUndefined();
  });
});

describe('a seller\'s question is no promise', () => {
  it.each(['卖家问这周日上门安装可以吗？', '客服说明天下午派师傅过去，可以吗', '商家：周三给您寄出行不行'])('"%s"', (said) => {
    const h = following(REFUND);
    h.send(said);
    expect(promises(h)).toHaveLength(0);
    expect(reminder(h, 'seller_promise')).toBeUndefined();
  });
});

describe('a time for the new goods is the shipment\'s; the pickup has no day', () => {
  it.each([
    '卖家同意换了 说新的3天内发出 旧的等快递上门收',
    '客服同意换货 新词典两天内寄出 旧的安排快递上门取',
  ])('"%s"', (said) => {
    const h = following(EXCHANGE);
    const out = h.send(said);
    expect(promises(h).at(-1)!.note.split(' ')[0]).toBe('ship');
    expect(text(out)).toContain('上门取件卖家没说哪天');
    expect(text(out)).not.toMatch(/前上门取件/);
  });

  it('the new goods\' waybill is the shipment\'s, not a return waybill', () => {
    const h = following(EXCHANGE);
    h.send('卖家同意换了 说新的3天内发出 旧的等快递上门收');
    h.advance(24 * 60);
    const out = h.send('新的已经发了 中通 75123409988812');
    expect(keys(out)).toContain('promiseCheck.waybill');
    expect(h.state.active!.slots.returnTrackingNo ?? null).toBeNull();
  });
});

describe('a promise the buyer says the seller never gave comes off the record', () => {
  it.each([
    ['客服说周五前寄出', '客服没答应周五 是我自己说的周五'],
    ['卖家说3天内退款', '不是卖家承诺的，是我要求的3天'],
    ['商家说明天答复我', 'the seller never promised that, I asked for it'],
  ])('"%s" then "%s"', (said, fix) => {
    const h = following(REFUND);
    h.send(said);
    expect(promises(h)).toHaveLength(1);
    const out = h.send(fix);
    expect(keys(out)).toContain('promise.denied');
    expect(promises(h)).toHaveLength(0);
    expect(reminder(h, 'seller_promise')).toBeUndefined();
    expect(text(h.send('申请平台介入'))).not.toContain('卖家答应');
  });
});

describe('a result promised beside an inspection runs from the inspection', () => {
  it.each([
    '客服说先寄回来检测 鉴定没问题才退 说5天内给结果',
    '商家要求寄回质检，质检合格才换新，还说两天内出结论',
  ])('"%s"', (said) => {
    const h = following(EXCHANGE);
    const out = h.send(said);
    expect(keys(out)).toContain('promise.after');
    expect(promises(h).at(-1)!.note).toBe('after');
    expect(reminder(h, 'event_checkin')).toBeDefined();
  });
});

describe('money not back yet, with the time it is due', () => {
  it.each(['钱还没到 说2个工作日到账', '还没收到退款，客服说48小时内到账'])('"%s": checked by that time, not escalated', (said) => {
    const h = following(REFUND);
    h.send('卖家同意退款了');
    h.advance(24 * 60);
    const out = h.send(said);
    expect(keys(out)).toContain('promise.refundBy');
    expect(keys(out)).not.toContain('draft.platform');
    expect(reminder(h, 'refund_arrival')).toBeDefined();
  });
});
