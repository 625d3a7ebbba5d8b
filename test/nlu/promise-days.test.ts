/**
 * Trial 5: a deadline on a named day with a clock time or a part of the day lands on that day,
 * at that time, in the buyer's timezone; a promise that is the listing's terms is no new deadline.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/nlu/index.ts';

const TZ = 'Asia/Shanghai';
/** The deadline as local "YYYY-MM-DD HH:mm", or null. */
function due(text: string, nowIso: string, timezone = TZ): string | null {
  const now = new Date(nowIso);
  const p = extract(text, { now, timezone }).promise;
  if (!p) return null;
  const at = new Date(now.getTime() + p.hours * 3_600_000);
  return new Intl.DateTimeFormat('sv-SE', { timeZone: timezone, dateStyle: 'short', timeStyle: 'short' }).format(at);
}

const FRIDAY_AFTERNOON = '2027-03-05T15:40:00+08:00'; // a Friday
const SUNDAY_NIGHT = '2027-03-07T22:50:00+08:00';
const MONTH_END = '2027-04-30T21:10:00+08:00'; // a Friday
const YEAR_END = '2027-12-31T23:20:00+08:00'; // a Friday

describe('a weekday with a clock time', () => {
  it('is that weekday, not today, when said on a Friday afternoon', () => {
    expect(due('店家回我：“星期一下午4点前帮您重新寄”', FRIDAY_AFTERNOON)).toBe('2027-03-08 16:00');
    expect(due('客服说礼拜二上午10点半之前给您回复', FRIDAY_AFTERNOON)).toBe('2027-03-09 10:30');
  });

  it('下周X is the weekday of next week; said on a Sunday, next week starts tomorrow', () => {
    expect(due('商家说下周三中午前安排发出', FRIDAY_AFTERNOON)).toBe('2027-03-10 12:00');
    expect(due('客服说下周一下午3点前处理好', SUNDAY_NIGHT)).toBe('2027-03-08 15:00');
    expect(due('客服说周日晚上8点前联系您', SUNDAY_NIGHT)).toBe('2027-03-14 20:00');
  });

  it('a weekday with a part of the day ends with that part', () => {
    expect(due('卖家说周一上午给您补发', FRIDAY_AFTERNOON)).toBe('2027-03-08 12:00');
    expect(due('卖家说周二下午之前退款', FRIDAY_AFTERNOON)).toBe('2027-03-09 18:00');
  });

  it('a past weekday ("上周一") is no deadline', () => {
    expect(due('卖家上周二发的货', FRIDAY_AFTERNOON)).toBeNull();
  });

  it('works across the end of a month and of a year', () => {
    expect(due('客服说周一下午5点前给您寄出', MONTH_END)).toBe('2027-05-03 17:00');
    expect(due('客服说周一下午5点前给您寄出', YEAR_END)).toBe('2028-01-03 17:00');
    expect(due('客服说明天上午10点前回复', YEAR_END)).toBe('2028-01-01 10:00');
  });

  it('in English: "by Monday 5pm", "by 5pm on Monday", "by Tuesday afternoon"', () => {
    expect(due('The seller said they would send it by Monday 4pm', FRIDAY_AFTERNOON)).toBe('2027-03-08 16:00');
    expect(due('The seller said they would refund by 10:30 am on Tuesday', FRIDAY_AFTERNOON)).toBe('2027-03-09 10:30');
    expect(due('The seller promised to reply by Tuesday afternoon', FRIDAY_AFTERNOON)).toBe('2027-03-09 18:00');
    expect(due('The seller said they will ship by 9am tomorrow', FRIDAY_AFTERNOON)).toBe('2027-03-06 09:00');
  });

  it('in the buyer\'s timezone', () => {
    expect(due('The seller said they would send it by Monday 4pm', '2027-03-05T15:40:00-05:00', 'America/New_York')).toBe('2027-03-08 16:00');
  });
});

describe('a date with a clock time', () => {
  it('is that date and time; a date past this year is next year\'s', () => {
    expect(due('客服说3月9号下午2点前给您处理', FRIDAY_AFTERNOON)).toBe('2027-03-09 14:00');
    expect(due('客服说1月4日前发货', YEAR_END)).toBe('2028-01-04 23:59');
    expect(due('客服说1月4日上午11点前发货', YEAR_END)).toBe('2028-01-04 11:00');
  });

  it('a recent past date with 前 is a deadline already gone (told late), not next year\'s', () => {
    expect(due('客服说3月1号前发货', FRIDAY_AFTERNOON)).toBe('2027-03-01 23:59');
  });

  it('a recent past date without 前 is an event, not a deadline', () => {
    expect(due('客服说3月1号发货了', FRIDAY_AFTERNOON)).toBeNull();
  });
});

describe('a day word with a part of the day', () => {
  it('上午 is by 12:00, 中午前 by 12:00, 中午 by 13:00, 下午 by 18:00', () => {
    expect(due('客服说明天上午派人上门', FRIDAY_AFTERNOON)).toBe('2027-03-06 12:00');
    expect(due('客服说明早安排发货', FRIDAY_AFTERNOON)).toBe('2027-03-06 12:00');
    expect(due('客服说明天中午前安排发货', FRIDAY_AFTERNOON)).toBe('2027-03-06 12:00');
    expect(due('客服说明天中午安排发货', FRIDAY_AFTERNOON)).toBe('2027-03-06 13:00');
    expect(due('客服说后天下午给您退款', FRIDAY_AFTERNOON)).toBe('2027-03-07 18:00');
  });

  it('晚上 and 今晚 keep the end of the day', () => {
    expect(due('客服说明天晚上给您回复', FRIDAY_AFTERNOON)).toBe('2027-03-06 23:59');
    expect(due('客服说今晚给您回复', '2027-03-05T16:00:00+08:00')).toBe('2027-03-06 00:00');
  });

  it('a clock time with no day, already passed today, is tomorrow\'s', () => {
    expect(due('客服说上午11点前处理', FRIDAY_AFTERNOON)).toBe('2027-03-06 11:00');
  });
});

describe('the listing\'s or the shop\'s standing promise', () => {
  it('is no new deadline', () => {
    expect(due('下单四天了还不发货，店铺承诺72小时发货的', FRIDAY_AFTERNOON)).toBeNull();
    expect(due('说好的24小时内发货，卖家到现在都没发', FRIDAY_AFTERNOON)).toBeNull();
    expect(due('商品页写着2天内发货，卖家一直拖着', FRIDAY_AFTERNOON)).toBeNull();
  });

  it('while a promise the seller just made still counts', () => {
    expect(due('卖家刚刚说72小时内发货', FRIDAY_AFTERNOON)).toBe('2027-03-08 15:40');
    expect(due('客服承诺48小时内给我处理', FRIDAY_AFTERNOON)).toBe('2027-03-07 15:40');
  });
});
