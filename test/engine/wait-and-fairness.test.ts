/**
 * Questions left unanswered in trial 6: "要等多久" mid-case gets the recorded date; "合理吗" in
 * other shapes (Cantonese, after an unboxing-video demand) reaches the answer; a deduction from a
 * no-reason refund is acknowledged as one the buyer can dispute.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness } from '../helpers/engine-harness.ts';

const keys = (out: readonly { key?: string }[]): string[] => out.map((m) => m.key ?? '');

describe('how long to wait', () => {
  it('"还要等多久" after a seller promise: the promise date', () => {
    const h = new EngineHarness('2026-11-02T09:00:00+08:00');
    h.send('淘宝买的蓝牙音箱 订单号 4012300011122233 没声音 要退货退款');
    h.advance(60);
    h.send('客服说48小时内给答复');
    h.advance(5);
    const out = h.send('那我还要等多久');
    expect(keys(out)).toContain('wait.until');
    expect(out.map((m) => m.text).join('\n')).toContain('2026年11月4日 10:00');
  });

  it('"How long do I have to wait?" in English: the date on record', () => {
    const h = new EngineHarness('2026-11-20T09:00:00+08:00');
    h.send('I bought a desk lamp on Amazon, order 112-1234567-7654321. It flickers all the time. I want a refund.');
    h.advance(60);
    h.send('The seller said they will answer within 2 days.');
    h.advance(5);
    const out = h.send('How long do I have to wait?');
    expect(keys(out)).toContain('wait.until');
    expect(out.map((m) => m.text).join('\n')).toMatch(/Nov 22, 2026/u);
  });
});

describe('is that fair?', () => {
  it('in Cantonese after the seller demands an unboxing video', () => {
    const h = new EngineHarness('2026-11-18T11:00:00+08:00');
    h.send('我喺唯品會買咗個電熱水壺，收到個殼爆咗 訂單號 V2611180099887766 我想換貨');
    h.advance(60);
    // The answer comes with the seller's demand; asked about minutes later, it is said to stand (trial 12 F25).
    expect(keys(h.send('客服話：冇開箱視頻一律唔處理'))).toContain('answer.ask_no_unboxing_video');
    h.advance(3);
    expect(keys(h.send('咁樣合理嗎？'))).toEqual(['answerSame']);
    h.advance(120);
    expect(keys(h.send('咁樣合理嗎？'))).toContain('answer.ask_no_unboxing_video');
  });

  it('after the seller demands an unboxing video', () => {
    const h = new EngineHarness('2026-11-04T18:00:00+08:00');
    h.send('京东买的电饭煲 到手内胆凹了一块 订单号 287700011122 我要换货');
    h.advance(60);
    expect(keys(h.send('客服说：不拍开箱视频的一律不处理，我根本没拍'))).toContain('answer.ask_no_unboxing_video');
    h.advance(3);
    expect(keys(h.send('这样合理吗'))).toEqual(['answerSame']);
    h.advance(120);
    expect(keys(h.send('这样合理吗'))).toContain('answer.ask_no_unboxing_video');
  });

  it('a deduction from a no-reason refund is named as one to dispute', () => {
    const h = new EngineHarness('2026-11-08T14:00:00+08:00');
    h.send('抖音买的衬衫 订单号 6928370000111122223 不喜欢 想七天无理由退货退款 吊牌都在');
    h.advance(10);
    const out = h.send('卖家说可以退，但是运费我自己出，还要扣5块钱包装费');
    const text = out.map((m) => m.text).join('\n');
    expect(text).toMatch(/扣款/u);
    expect(text).toMatch(/提出异议/u);
  });
});
