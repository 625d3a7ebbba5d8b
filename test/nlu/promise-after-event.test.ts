/** A seller time counted from an event still to come keeps the seller's words in `after`; one counted from now has none. */
import { describe, expect, it } from 'vitest';
import { extractPromise } from '../../src/nlu/promise.ts';
import { scan } from '../../src/nlu/scan.ts';

const now = new Date('2026-12-07T07:00:00Z');
const read = (text: string) => extractPromise(scan(text), now, 'Asia/Shanghai')?.value ?? null;

describe('promise counted from an event', () => {
  it.each([
    ['卖家说寄到后24小时内联系我', '寄到后24小时内联系我'],
    ['客服说收到货后两个工作日内审核完', '收到货后两个工作日内审核完'],
    ['商家说要先寄回，验货完2天内退款', '验货完2天内退款'],
    ['The seller said they will refund within 5 days after they receive the return', 'they will refund within 5 days after they receive the return'],
  ])('%s', (text, words) => {
    expect(read(text)?.after).toBe(words);
  });

  it.each(['客服说3个工作日内给结果', '卖家说修好了2天内寄回给我', '卖家说明天下午前回复'])('%s runs from now', (text) => {
    const p = read(text);
    expect(p).not.toBeNull();
    expect(p!.after).toBeUndefined();
  });
});
