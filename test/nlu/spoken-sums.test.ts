/** Sums as buyers say them: yuan and a digit of jiao ("十二块五", "8块6"), Cantonese 蚊, an agreement's sum, a short arrival. */
import { describe, expect, it } from 'vitest';
import { arrivedSum, askedSum, namedSum } from '../../src/nlu/amounts.ts';

describe('spoken sums', () => {
  it('reads yuan and jiao after 块, in digits or characters', () => {
    expect(askedSum('退我十二块五')).toBe(12.5);
    expect(askedSum('补偿8块6就行')).toBe(8.6);
    expect(namedSum('行吧，就二十三块七')).toBe(23.7);
  });

  it('reads Cantonese 蚊 as 块, and not 蚊子', () => {
    expect(askedSum('賠返四十蚊')).toBe(40);
    expect(namedSum('好啦 25蚊')).toBe(25);
    expect(namedSum('房间里好多蚊子')).toBeNull();
  });

  it('takes no jiao from a count after 块 ("两块3个装"): no sum at all', () => {
    expect(namedSum('买了两块3个装的香皂')).toBeNull();
    expect(askedSum('退两块3个装的香皂的钱')).toBeNull();
  });
});

describe('the sum of an agreement', () => {
  it('is read after 同意 and from "N可以，…同意了"', () => {
    expect(askedSum('店家同意60了')).toBe(60);
    expect(askedSum('客服同意给我45块')).toBe(45);
    expect(askedSum('我说35也可以，商家就同意了')).toBe(35);
  });

  it('is no sum when 同意 names a time', () => {
    expect(askedSum('他同意3天内处理')).toBeNull();
  });
});

describe('a short arrival', () => {
  it('reads the sum after "到账了，只有…"', () => {
    expect(arrivedSum('钱到账了，可是只有45')).toBe(45);
    expect(arrivedSum('收到了 就25块')).toBe(25);
  });

  it('is nothing when it did not come', () => {
    expect(arrivedSum('还没到账，说只有45')).toBeNull();
  });
});
