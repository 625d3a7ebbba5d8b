/**
 * Seller deadlines given as a clock time or in colloquial form (trial 2): the deadline is the one
 * the seller named, not a stall with the bot's own 24 hours.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/nlu/index.ts';

const now = new Date('2026-11-20T10:00:00+08:00');
const promise = (text: string) => extract(text, { now, timezone: 'Asia/Shanghai' }).promise;

describe('clock-time and colloquial promises', () => {
  it('a clock time with 前 is that time, on the day named', () => {
    expect(promise('店家讲明天上午11点前给回复')).toEqual({ hours: 25, act: 'reply' });
    expect(promise('客服讲后天下午两点前处理')).toEqual({ hours: 52 });
    expect(promise('商家说今天下午4点半之前回我')).toEqual({ hours: 6.5, act: 'reply' });
  });

  it('"今晚12点前" is midnight at the end of today', () => {
    expect(promise('老板说今晚12点前一定回复')).toEqual({ hours: 14, act: 'reply' });
  });

  it('Traditional and Cantonese forms count: 點, 個鐘', () => {
    expect(promise('客服話聽日下午4點前覆你')?.hours).toBe(30);
    expect(promise('店主話24個鐘內退返錢')).toEqual({ hours: 24, act: 'refund' });
  });

  it('"再等N天" from the seller is the time they gave', () => {
    expect(promise('客服让我再等10天')).toEqual({ hours: 240 });
    expect(promise('我已经等了10天了')).toBeNull();
  });

  it('a day with a part of it ("今天晚上", "明天下午") is that day, also when a place comes before the act', () => {
    expect(promise('店主说今天晚上就在app上给我退')).toEqual({ hours: 14 });
    expect(promise('客服说明天下午处理')).toEqual({ hours: 32 }); // 下午 ends at 18:00 (trial 5)
    expect(promise('我今天晚上不在家')).toBeNull();
  });
});
