/**
 * The buyer's own steps and words, told beside the seller's (trial 13 F2, F5, F6): a day attached
 * to the purchase is not the day of the seller's answer; "我跟客服说我要…" is the buyer's wish,
 * not the seller's words; a correction's words keep the buyer's writing (sizes in capitals).
 */
import { describe, expect, it } from 'vitest';
import { eventDay } from '../../src/nlu/buyer-report.ts';
import { problemCorrection } from '../../src/nlu/correction.ts';
import { extract } from '../../src/nlu/index.ts';

describe('the day of a reported answer', () => {
  const now = new Date('2026-12-03T10:00:00+08:00');
  const day = (text: string) => eventDay(text, now, 'Asia/Shanghai');

  it('skips a day that belongs to buying or paying', () => {
    expect(day('12月1号下的单，商家说不给保价')).toBeNull();
    expect(day('电暖器11月26日付的款，卖家拒绝退')).toBeNull();
    expect(day('11月29号在淘宝买的，店家不给换')).toBeNull();
    expect(day('I ordered it on November 25 and the shop refused')).toBeNull();
  });

  it('still reads the answer\'s own day beside it, and a receipt that may be the seller\'s', () => {
    expect(day('商家11月28号签收的退货，一直不退款')).toBe('2026-11-28');
    expect(day('11月20号在京东买的，前天客服说不管')).toBe('2026-12-01');
    expect(day('11月30号卖家拒绝了')).toBe('2026-11-30');
  });
});

describe('the buyer\'s words to the seller', () => {
  it('are the buyer\'s wish, with or without the seller\'s reply after them', () => {
    expect(extract('我跟卖家说我要退货退款', { model: null }).wants).toBe('return_refund');
    expect(extract('我和客服说了要换货 客服说您稍等', { model: null }).wants).toBe('exchange');
    expect(extract('电饭煲盖子裂了 我向商家表示要退款 商家说好的', { model: null }).wants).toBe('refund');
  });

  it('are not mistaken for the seller\'s own words', () => {
    expect(extract('客服说给我换货', { model: null }).wants).not.toBe('exchange');
  });
});

describe('a correction\'s words', () => {
  it('are taken as the buyer wrote them', () => {
    expect(problemCorrection('不对 不是颜色问题 是尺码 标的XL实际像L')).toEqual({ wrong: '颜色问题', right: '尺码 标的XL实际像L' });
    expect(problemCorrection('sorry, it is the USB port, not the screen')).toEqual({ wrong: 'the screen', right: 'the USB port' });
  });
});
