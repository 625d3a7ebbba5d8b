/**
 * Trial 11 F21: a date with no 前 is the seller's deadline when the act follows it ("…号上门取件")
 * or a rebooking goes before it ("改约到…"); a date already past is an event, and a date a few
 * weeks ahead is no day of last year for the report.
 */
import { describe, expect, it } from 'vitest';
import { extract, eventDay } from '../../src/nlu/index.ts';

const TZ = 'Asia/Shanghai';
const NOW = '2027-03-10T14:20:00+08:00'; // a Wednesday

function due(text: string, nowIso = NOW): string | null {
  const now = new Date(nowIso);
  const p = extract(text, { now, timezone: TZ }).promise;
  if (!p) return null;
  const at = new Date(now.getTime() + p.hours * 3_600_000);
  return new Intl.DateTimeFormat('sv-SE', { timeZone: TZ, dateStyle: 'short', timeStyle: 'short' }).format(at);
}

describe('a date with the act after it', () => {
  it('is the end of that day', () => {
    expect(due('商家同意了，说3月13号派快递员上门取件')).toBe('2027-03-13 23:59');
    expect(due('客服说3月12日安排师傅上门')).toBe('2027-03-12 23:59');
    expect(due('卖家说3月15号给我寄出新的')).toBe('2027-03-15 23:59');
  });

  it('a date after a rebooking word is the new day', () => {
    expect(due('卖家说重新约到3月16日')).toBe('2027-03-16 23:59');
    expect(due('商家又说改到3月14号')).toBe('2027-03-14 23:59');
    expect(due('客服说推迟到周五')).toBe('2027-03-12 23:59');
  });

  it('a past date, or one with nothing promised after it, is no deadline', () => {
    expect(due('卖家说3月2号已经发货的')).toBeNull();
    expect(due('卖家说3月18号那批货有问题')).toBeNull();
    expect(due('我3月8号收到的，屏幕有坏点')).toBeNull();
  });
});

describe('the day a report is about', () => {
  it('a date a few weeks ahead is no day of last year', () => {
    expect(eventDay('商家说3月20号上门取件', new Date(NOW), TZ)).toBeNull();
    expect(eventDay('卖家3月6号就拒绝了', new Date(NOW), TZ)).toBe('2027-03-06');
  });

  it('a date far ahead of today is still last year\'s (a receipt told early in the year)', () => {
    expect(eventDay('12月28号签收的', new Date('2027-01-05T10:00:00+08:00'), TZ)).toBe('2026-12-28');
  });
});
