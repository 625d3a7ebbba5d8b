/**
 * After the seller agreed (trial 11 F17): a seller who makes the buyer pay the return postage for a
 * faulty, damaged or wrong item hears that such postage is normally the seller's (消法第二十四条), and
 * "怎么办" gives the agreed stage's step — send it back and give the waybill, wait for the refund,
 * chase a short refund — not the first letter's "send the text and apply for after-sales".
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness } from '../helpers/engine-harness.ts';

function agreed(first: string, reply: string, ...more: string[]): { h: EngineHarness; text: string } {
  const h = new EngineHarness('2026-12-05T09:00:00+08:00');
  h.send(first);
  for (const m of more) h.send(m);
  expect(h.state.active!.phase).toBe('following');
  h.advance(180);
  const out = h.send(reply);
  // A reading held for the buyer to confirm is confirmed as the agreement it is.
  if (out.some((m) => m.key === 'confirm.reply')) out.push(...h.send('1'));
  return { h, text: out.map((m) => m.text).join('\n') };
}

function whatNow(h: EngineHarness, words = '现在该怎么办'): { key: string; text: string } {
  h.advance(5);
  const m = h.send(words).find((x) => x.key?.startsWith('next.'))!;
  return { key: m.key!, text: m.text };
}

describe('return postage put on the buyer for the seller\'s fault', () => {
  it('is answered with who normally pays, for a faulty item', () => {
    const { text } = agreed('京东订单 61829304756 蓝牙音箱 充不进电 要退货退款', '商家同意退货了，说寄回的邮费要我自己承担');
    expect(text).toContain('第二十四条');
    expect(text).toContain('通常应由卖家承担');
  });

  it('is answered the same for a wrong item sent', () => {
    const { text } = agreed('淘宝 订单号 2918374650192837461 买的黑色运动裤 发来的是灰色的 想换货', '卖家同意换货了，让我寄回去，来回运费买家自己出');
    expect(text).toContain('第二十四条');
  });

  it('is not said for a change of mind, where the buyer normally pays', () => {
    const { text } = agreed('拼多多 订单 251205-492817365019283 买的台灯不喜欢 七天无理由退货', '商家同意退了，运费自理', '12月4日签收的');
    expect(text).not.toContain('第二十四条');
  });
});

describe('"what now" after the seller agreed', () => {
  it('after a return was agreed: send it back and tell me the waybill', () => {
    const { h } = agreed('天猫 订单号 4018293746501928374 电饭煲 内胆涂层脱落 退货退款', '卖家同意退货退款了');
    const next = whatNow(h);
    expect(next.key).toBe('next.sellerAgreed.return');
    expect(next.text).toContain('退货单号');
    expect(next.text).not.toContain('把文本发给卖家');
  });

  it('after the return went out: wait for the seller to sign and refund', () => {
    const { h } = agreed('天猫 订单号 4018293746501928375 加湿器 不出雾 退货退款', '卖家同意退货退款了');
    h.advance(60);
    h.send('已经寄回去了 顺丰单号 SF1420938475610');
    const next = whatNow(h);
    expect(next.key).toBe('next.sellerAgreed.returnSent');
    expect(next.text).toContain('SF1420938475610');
  });

  it('after a refund was agreed: wait for the money, with the day the bot checks', () => {
    const { h } = agreed('淘宝 订单号 3029184756102938476 保温杯 不保温 要退款 实付89', '卖家同意退款了');
    const next = whatNow(h);
    expect(next.key).toBe('next.sellerAgreed.refund');
    expect(next.text).toMatch(/\d+月\d+日/);
  });

  it('after a short refund: ask the seller for the rest', () => {
    const { h } = agreed('京东订单 72910384756 一箱6盒牛奶 有2盒胀袋', '商家答应这两盒退30块给我', '想退胀袋那两盒的钱');
    h.advance(60 * 24);
    h.send('退款到了 只有20块 说好30的');
    const next = whatNow(h);
    expect(next.key).toBe('next.refundShort');
    expect(next.text).toContain('¥10.00');
  });

  it('in English too', () => {
    const { h } = agreed('Taobao order 3948572610293847561, the kettle leaks, I want a return and refund', 'The seller agreed to the return');
    const next = whatNow(h, 'what should I do now?');
    expect(next.key).toBe('next.sellerAgreed.return');
    expect(next.text).toContain('tracking number');
  });
});
