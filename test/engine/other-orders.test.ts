/**
 * Trial 12 (s20, s10): another order named while a case is followed is kept until the buyer says
 * which it is, shown by /cases and /status, and named once more at a pause; a number typed after
 * its menu was answered gets that menu again; opening another order parks the case, its reminders
 * standing (trial 14 F11); the same advice block is not sent twice within the hour.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';
import type { Outbound } from '../../src/domain/index.ts';

const keys = (out: Outbound[]) => out.map((m) => m.key);
const text = (out: Outbound[]) => out.map((m) => m.text).join('\n');

/** A followed case for a desk lamp, then another order named with its own problem and wish. */
function lampThenHeadphones(): EngineHarness {
  const h = new EngineHarness('2026-12-02T20:00:00+08:00');
  h.send('拼多多买的台灯 订单号 5566778899001 灯罩裂了 想退款');
  h.advance(3);
  const asked = h.send('另一个订单是蓝牙耳机 订单号 7788990011223 左耳没声音 想换货');
  expect(keys(asked)).toContain('ask.otherOrder');
  return h;
}

describe('another order left unanswered', () => {
  it('is listed by /cases and /status with what the buyer said of it', () => {
    const h = lampThenHeadphones();
    h.advance(1);
    const cases = text(h.command('cases'));
    expect(cases).toContain('5566778899001');
    expect(cases).toMatch(/还没开售后：订单 7788990011223（[^）]*换货）/);
    h.advance(1);
    const status = h.command('status');
    expect(status[0]!.text).toContain('7788990011223');
  });

  it('is named again once, with its question, when the exchange about the first order pauses; then not again', () => {
    const h = lampThenHeadphones();
    h.advance(1);
    // A command leaves the question pending: nothing to remind of yet.
    expect(keys(h.command('status'))).not.toContain('otherOrder.waiting');
    h.advance(1);
    // The buyer goes on about the first order instead of answering.
    const next = h.send('台灯的照片我明天补');
    const reminder = next.find((m) => m.key === 'otherOrder.waiting');
    expect(reminder?.text).toContain('7788990011223');
    expect(reminder?.options?.map((o) => o.value)).toEqual(['correction', 'newCase']);
    h.advance(2);
    expect(keys(h.command('status'))).not.toContain('otherOrder.waiting');
    h.advance(2);
    expect(keys(h.send('卖家还没回我'))).not.toContain('otherOrder.waiting');
  });

  it('one tap opens its case from what the buyer said of it: problem and wish kept, the first case parked', () => {
    const h = lampThenHeadphones();
    h.advance(2);
    h.command('status');
    h.advance(1);
    const out = h.choose('otherOrder', 'newCase');
    expect(h.state.active?.slots.orderId).toBe('7788990011223');
    expect(h.state.active?.slots.wants).toBe('exchange');
    expect(h.state.parked!.map((c) => [c.slots.orderId, c.phase])).toEqual([['5566778899001', 'following']]);
    expect(h.state.closed).toEqual([]);
    const letter = drafts(out, 'seller')[0]?.text ?? '';
    expect(letter).toContain('7788990011223');
    // What only said it was another order is no part of that order's problem.
    expect(letter).toMatch(/问题是：.*左耳没声音/);
    expect(letter).not.toMatch(/另一/);
    // No longer waiting anywhere.
    expect(h.state.otherOrders).toBeUndefined();
    expect(text(h.command('cases'))).not.toContain('还没开售后');
  });

  it('typed "2" answers the reminder as a new case; "it was a typo" corrects the first case instead', () => {
    const h = lampThenHeadphones();
    h.advance(2);
    h.command('cases');
    h.advance(1);
    h.send('灯罩的照片我晚点补');
    h.advance(1);
    // The reminder came at the pause above or comes now; either way a tap on "typo" corrects the number.
    if (h.state.pending?.slot !== 'otherOrder') h.command('status');
    h.choose('otherOrder', 'correction');
    expect(h.state.active?.slots.orderId).toBe('7788990011223');
    expect(h.state.otherOrders).toBeUndefined();
    expect(h.state.closed).toEqual([]);
  });

  it('is dropped once a case takes up that order number another way', () => {
    const h = lampThenHeadphones();
    h.advance(1);
    h.choose('otherOrder', 'newCase');
    h.advance(1);
    expect(text(h.command('cases'))).not.toContain('还没开售后');
  });
});

describe('a number typed after its menu was answered', () => {
  it('gets that menu again to change the choice, which then acts', () => {
    const h = new EngineHarness('2026-12-03T09:00:00+08:00');
    h.send('京东买的电饭煲 订单号 8812345670021 内胆涂层掉了 要换货');
    h.advance(2);
    expect(keys(h.send('订单号 8812345679999'))).toContain('ask.otherOrder');
    h.advance(1);
    expect(keys(h.send('1'))).toContain('amend.redraft');
    h.advance(1);
    const again = h.send('2');
    expect(keys(again)).toEqual(['menu.answered']);
    expect(again[0]!.options?.map((o) => o.value)).toEqual(['correction', 'newCase']);
    h.advance(1);
    const changed = h.send('2');
    expect(keys(changed)).toContain('ask.problem');
    expect(h.state.active!.id).toBe('c2');
    expect(h.state.parked!.map((c) => c.id)).toEqual(['c1']);
  });

  it('a number once the question it answered has lapsed is said to answer nothing, on a followed case', () => {
    const h = lampThenHeadphones();
    h.advance(1);
    h.send('台灯的照片我明天补');
    h.advance(1);
    h.send('照片拍好了晚上发你');
    h.advance(1);
    expect(keys(h.send('2'))).toEqual(['menu.none']);
    expect(h.state.active?.slots.orderId).toBe('5566778899001');
  });

  it('a number with no case and no menu is read as before', () => {
    const h = new EngineHarness();
    expect(keys(h.send('5'))).not.toContain('menu.answered');
    expect(keys(h.send('5'))).not.toContain('menu.none');
  });
});

describe('opening another order keeps the followed case and its reminders', () => {
  it('/new and the other-order question say the case is set aside, its reminders standing', () => {
    const h = new EngineHarness('2026-12-04T10:00:00+08:00');
    h.send('淘宝买的保温杯 订单号 3300112233445 漏水 想退货退款');
    h.advance(5);
    h.send('卖家说两天内给我答复');
    const id = h.state.active!.reminders.find((r) => r.reason === 'seller_promise')!.id;
    h.advance(1);
    const asked = text(h.send('还有个订单号 3300112233999 杯盖也坏了'));
    expect(asked).toContain('先放着：提醒照常');
    expect(asked).not.toMatch(/存档|提醒停止/);
    h.advance(1);
    const parked = text(h.command('new'));
    expect(parked).toMatch(/订单 3300112233445（.*保温杯.*）先放着，提醒照常/);
    expect(h.due.has(id)).toBe(true);
    expect(h.state.parked![0]!.reminders.map((r) => r.id)).toContain(id);
  });

  it('says so in English too', () => {
    const h = new EngineHarness('2026-12-04T10:00:00+08:00');
    h.command('lang', 'en');
    h.send('order 4455667788990 from JD, the kettle arrived dented, I want a refund');
    h.advance(5);
    const asked = text(h.command('new'));
    expect(asked).toMatch(/Set aside: order 4455667788990 \(.*kettle.*\), its reminders standing; now for the new order\./);
  });
});

describe('the same advice twice within minutes', () => {
  it('is said to stand rather than sent again; after an hour it is given in full', () => {
    const h = new EngineHarness('2026-12-05T15:00:00+08:00');
    h.send('天猫买的花瓶 订单号 6677889900112 到手瓶口有裂纹 要退款');
    h.advance(10);
    const first = h.send('没拍开箱视频怎么办');
    const block = first.find((m) => m.key === 'answer.ask_no_unboxing_video');
    expect(block).toBeDefined();
    h.advance(3);
    const second = h.send('没有开箱视频怎么办啊');
    expect(keys(second)).toContain('answerSame');
    expect(keys(second)).not.toContain('answer.ask_no_unboxing_video');
    expect(text(second).length).toBeLessThan(block!.text.length / 2);
    h.advance(90);
    expect(keys(h.send('没拍开箱视频怎么办'))).toContain('answer.ask_no_unboxing_video');
  });
});
