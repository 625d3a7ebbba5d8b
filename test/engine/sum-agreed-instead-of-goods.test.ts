/**
 * A sum agreed where the wish moved goods (a return, a reshipment): with no word of anything sent back or
 * out, it is money agreed with the goods kept — its arrival is checked, and a short one is counted against
 * the agreed sum, never the price. A return agreed in so many words is still a return.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness } from '../helpers/engine-harness.ts';

function following(first: string, ...more: string[]): EngineHarness {
  const h = new EngineHarness('2026-12-03T10:00:00+08:00');
  h.send(first);
  for (const m of more) h.send(m);
  expect(h.state.active!.phase).toBe('following');
  h.advance(120);
  return h;
}

function say(h: EngineHarness, words: string): string {
  const out = h.send(words);
  // A reading held for the buyer to confirm is confirmed as read.
  if (out.some((m) => m.choiceSlot === 'confirmReply')) out.push(...h.send('1'));
  return out.map((m) => m.text).join('\n');
}

describe('a sum agreed below the price, the wish a return', () => {
  it('is a part refund: no return to post, no waybill reminder, the sum said back', () => {
    const h = following('淘宝 订单号 3819203746518293746 电热水壶 烧了三次就不通电了 退货退款 实付129元');
    const text = say(h, '店家同意退60了');
    expect(text).toContain('¥60.00');
    expect(text).not.toContain('寄回');
    expect(h.state.active!.reminders.some((r) => r.reason === 'return_tracking')).toBe(false);
    expect(h.state.active!.reminders.some((r) => r.reason === 'refund_arrival')).toBe(true);
  });

  it('when less than agreed arrives, the shortfall is against the agreed sum, not the price', () => {
    const h = following('京东 订单号 62839104756 吹风机 用了一周不出热风 要退货退款 付了239元');
    say(h, '卖家同意给80块');
    h.advance(24 * 60);
    const text = say(h, '到账了，可只有65');
    expect(text).toContain('15');
    expect(text).not.toContain('174');
    expect(text).not.toMatch(/实付 239 元/);
    // Coupons and postage explain a refund short of the price, not of a sum agreed.
    expect(text).not.toContain('优惠券按比例分摊');
  });

  it('a return agreed in so many words stays a return', () => {
    const h = following('拼多多 订单号 251203-381920374651928 台灯 开关失灵 退货退款 实付59元');
    const text = say(h, '卖家同意退货了，寄回去退50');
    expect(text).toContain('寄回');
  });
});

describe('a sum agreed where the wish was a reshipment', () => {
  it('is money in place of the part: its arrival, as agreed, is offered as the end of the case', () => {
    const h = following('天猫 订单号 4928173650192837465 榨汁杯 到手杯盖裂了 要求补发杯盖');
    say(h, '店家说杯盖缺货，退15块钱行不行');
    const agreed = say(h, '我回他25可以，店家同意了，说今晚退');
    expect(agreed).toContain('¥25.00');
    expect(agreed).not.toContain('快递单号');
    h.advance(60);
    const came = say(h, '25到了');
    expect(came).toContain('和约定的一致');
  });
});

describe('an offer taken in the buyer\'s words, with the sum worked out', () => {
  it('is accepted at the sum the buyer names, and its arrival matches it', () => {
    const h = following('微信小店 订单号 5829301746592837461 买的草莓3斤 到了有一半压烂了 坏的那部分退钱就行');
    say(h, '商家说压烂的按每斤8块退');
    const taken = say(h, '行吧，那就这样，十二块五');
    expect(taken).toContain('¥12.50');
    h.advance(24 * 60);
    const came = say(h, '12.5到了');
    expect(came).toContain('和约定的一致');
  });
});
