/** "不退货，坏的赔我…": the goods kept and money asked for their faults is a partial refund with its total (trial 15 F3). */
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/nlu/index.ts';
import { keptGoodsSum } from '../../src/nlu/wants.ts';

describe('goods kept, the faults paid for', () => {
  it('reads a partial refund, never the return said no to', () => {
    for (const text of ['不退货 裂的按单价赔我就行', '货不用寄回 缺的两瓶补我钱', '我说了不退货 就要赔坏的那几个', '不想退货，起球的三件每件赔我15']) {
      expect(extract(text).wants, text).toBe('compensation');
    }
    // The whole money back, the goods not sent: a refund, not a part.
    expect(extract('算了不想退货了，直接退钱就行').wants).toBe('refund');
  });

  it('takes the total named last, not a count, a unit price or the jiao of "3块5"', () => {
    expect(keptGoodsSum('不退货 裂的按单价赔我 一个2块5 40个就是100')).toBe(100);
    expect(keptGoodsSum('货不用寄回 缺的两瓶补我钱 一共31.6')).toBe(31.6);
    expect(keptGoodsSum('不想退货，起球的三件每件赔我15')).toBeNull();
    expect(keptGoodsSum('不退货，坏的赔我')).toBeNull();
    expect(keptGoodsSum('坏的赔我 一共30')).toBeNull();
  });
});
