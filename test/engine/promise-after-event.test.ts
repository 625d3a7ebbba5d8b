/**
 * A time the seller counts from an event still to come ("收到退货后3天内退款", "检测完成后5个工作日给结果")
 * is no dated promise: it is recorded in the seller's words, no deadline reminder is set, and the
 * letters quote it as said, never as a date the seller missed.
 */
import { describe, expect, it } from 'vitest';
import { drafts, EngineHarness } from '../helpers/engine-harness.ts';

function following(opening: string): EngineHarness {
  const h = new EngineHarness('2026-12-07T15:00:00+08:00');
  h.send(opening);
  expect(h.state.active!.phase).toBe('following');
  h.advance(90);
  return h;
}

const promiseReminder = (h: EngineHarness) => h.state.active!.reminders.some((r) => r.reason === 'seller_promise');

describe('a seller time counted from an event still to come', () => {
  it.each([
    ['淘宝买的空气净化器 订单号 3390128475610293 风扇异响 退货退款', '卖家说收到退货后3天内给我退款', '收到退货后3天内给我退款'],
    ['京东买的智能手表 订单号 309912834756 屏幕闪烁 换货', '客服让寄回检测，说检测完成后5个工作日给结果', '检测完成后5个工作日给结果'],
    ['拼多多买的电饭煲 订单号 261203-118273645501928 内胆涂层脱落 退货退款', '商家讲签收以后48小时内处理', '签收以后48小时内处理'],
  ])('"%s" then "%s": words kept, no date', (opening, said, words) => {
    const h = following(opening);
    const text = h.send(said).map((m) => m.text).join('\n');
    expect(text).toContain(words);
    expect(text).not.toMatch(/期限是/);
    expect(promiseReminder(h)).toBe(false);
    h.advance(60 * 24 * 6);
    const letter = drafts(h.send('申请平台介入'), 'platform').at(-1)!.text;
    expect(letter).toContain(`卖家称${words}`);
    expect(letter).not.toMatch(/卖家答应在.{0,20}前/);
    expect(letter).not.toContain('期限已过');
  });

  it('in English, "after they receive the return" is kept as said', () => {
    const h = following('I bought a rice cooker on JD, order 309918273645, the lid does not close, I want a refund');
    const out = h.send('The seller said they will refund within 4 days after they receive the return');
    expect(out.map((m) => m.text).join('\n')).toContain('after they receive the return');
    expect(promiseReminder(h)).toBe(false);
  });

  it('a time counted from now still sets the dated promise', () => {
    const h = following('淘宝买的台灯 订单号 3390128475619999 开关失灵 退货退款');
    const text = h.send('卖家说2个工作日内给我答复').map((m) => m.text).join('\n');
    expect(text).toContain('期限是');
    expect(promiseReminder(h)).toBe(true);
  });
});
