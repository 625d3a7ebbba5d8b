/**
 * Days the buyer states are the days on record: a day of the month alone ("17号") or last week's
 * weekday dates the seller's receipt of a return; a need-by day in the buyer's own wish is no
 * seller promise; a range before an event ("收到后2-4天") still runs from that event.
 */
import { describe, expect, it } from 'vitest';
import { returnReceipt } from '../../src/nlu/buyer-report.ts';
import { extract } from '../../src/nlu/index.ts';

const TZ = 'Asia/Shanghai';
const at = (iso: string): Date => new Date(iso);

describe('the day a return was signed for', () => {
  it('is the day of the month the buyer named, this month or last', () => {
    expect(returnReceipt('查了快递，店铺17号就签收退货了', at('2027-04-19T21:00:00+08:00'), TZ, true)).toEqual({ day: '2027-04-17' });
    expect(returnReceipt('物流说28号对方已经签收', at('2027-05-02T10:00:00+08:00'), TZ, true)).toEqual({ day: '2027-04-28' });
  });
  it('is last week\'s weekday for "上周X"', () => {
    // 2027-04-21 is a Wednesday: last Tuesday is 04-13.
    expect(returnReceipt('仓库上周二就签收了寄回的鞋', at('2027-04-21T09:00:00+08:00'), TZ, true)).toEqual({ day: '2027-04-13' });
  });
  it('is not a place or a line ("3号楼")', () => {
    expect(returnReceipt('卖家那边3号楼前台签收了退货', at('2027-04-21T09:00:00+08:00'), TZ, true)).toEqual({ day: null });
  });
});

describe('a need-by day in the buyer\'s own wish', () => {
  const now = at('2027-04-10T20:00:00+08:00');
  it('is no seller promise, with the seller named in it', () => {
    expect(extract('我希望店家4月20号前把台灯寄到，否则我就申请退款', { now, timezone: TZ }).promise).toBeNull();
    expect(extract('想让他们周五前发出，不然就不要了', { now, timezone: TZ }).promise).toBeNull();
    expect(extract('I want the shop to send it by April 18, otherwise I will ask for a refund', { now, timezone: TZ }).promise).toBeNull();
  });
  it('while the seller\'s own words still are one', () => {
    expect(extract('店家回我说4月15号前一定寄出', { now, timezone: TZ }).promise?.act).toBe('ship');
    expect(extract('卖家答应周五前发出', { now, timezone: TZ }).promise).not.toBeNull();
  });
});

describe('a time with a range after an event', () => {
  it('runs from the event', () => {
    const now = at('2027-04-10T20:00:00+08:00');
    expect(extract('客服说仓库收到后2-4个工作日退款', { now, timezone: TZ }).promise?.after).toBeDefined();
    expect(extract('商家说签收以后3到5天内退钱', { now, timezone: TZ }).promise?.after).toBeDefined();
  });
});
