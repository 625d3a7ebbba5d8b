import { describe, expect, it, vi } from 'vitest';
import {
  addHours, addWorkingDays, CALENDAR_RANGE, daysBefore, daysBetween, calendarCoversDate, formatDate, formatDateTime, noReasonWindow, outOfQuietHours,
} from '../../src/time/deadlines.ts';

const SH = 'Asia/Shanghai';
const at = (s: string) => new Date(s);

describe('calendarCoversDate', () => {
  it('covers the years chinese-days has data for, and nothing later', () => {
    expect(CALENDAR_RANGE.last).toBeGreaterThanOrEqual(2026);
    expect(calendarCoversDate('2026-12-31')).toBe(true);
    expect(calendarCoversDate(`${CALENDAR_RANGE.last + 1}-01-04`)).toBe(false);
    // An instant is taken in the timezone: 2026-12-31 17:00 UTC is already 2027 in Shanghai.
    expect(calendarCoversDate(at('2026-12-31T17:00:00Z'), SH)).toBe(CALENDAR_RANGE.last >= 2027);
  });
});

describe('addWorkingDays', () => {
  it('skips a weekend and keeps the local time of day', () => {
    const r = addWorkingDays(at('2026-11-20T15:00:00+08:00'), 3, SH); // Friday
    expect(r).toEqual({ at: at('2026-11-25T15:00:00+08:00'), approx: false }); // Wednesday
  });

  it('skips the 2026 National Day holiday (10-01…10-07)', () => {
    const r = addWorkingDays(at('2026-09-30T10:00:00+08:00'), 1, SH);
    expect(r.at).toEqual(at('2026-10-08T10:00:00+08:00'));
    expect(r.approx).toBe(false);
  });

  it('counts the National Day make-up workdays (Sun 09-20, Sat 10-10)', () => {
    // Sat 09-19 → Sun 09-20 is a make-up workday.
    expect(addWorkingDays(at('2026-09-19T09:00:00+08:00'), 1, SH).at).toEqual(at('2026-09-20T09:00:00+08:00'));
    // Fri 10-09 → Sat 10-10 is a make-up workday.
    expect(addWorkingDays(at('2026-10-09T18:30:00+08:00'), 1, SH).at).toEqual(at('2026-10-10T18:30:00+08:00'));
  });

  it('skips the 2026 Spring Festival (02-15…02-23) and counts its make-up days (02-14, 02-28)', () => {
    // Fri 02-13 + 1 → Sat 02-14 (make-up workday)
    expect(addWorkingDays(at('2026-02-13T12:00:00+08:00'), 1, SH).at).toEqual(at('2026-02-14T12:00:00+08:00'));
    // Sat 02-14 + 1 → Tue 02-24, the first working day after the holiday
    expect(addWorkingDays(at('2026-02-14T12:00:00+08:00'), 1, SH).at).toEqual(at('2026-02-24T12:00:00+08:00'));
    // Fri 02-27 + 1 → Sat 02-28 (make-up workday)
    expect(addWorkingDays(at('2026-02-27T12:00:00+08:00'), 1, SH).at).toEqual(at('2026-02-28T12:00:00+08:00'));
  });

  it('counts in the given timezone, not UTC', () => {
    // 2026-09-30 23:30 in Shanghai is still 09-30 locally although 15:30 UTC.
    const r = addWorkingDays(at('2026-09-30T23:30:00+08:00'), 1, SH);
    expect(r.at).toEqual(at('2026-10-08T23:30:00+08:00'));
  });

  it('returns from unchanged for 0 days', () => {
    expect(addWorkingDays(at('2026-11-22T10:00:00+08:00'), 0, SH)).toEqual({ at: at('2026-11-22T10:00:00+08:00'), approx: false });
  });

  it('marks dates beyond the holiday data as approximate and logs once', () => {
    const beyond = CALENDAR_RANGE.last + 1;
    const warn = vi.fn();
    const r = addWorkingDays(at(`${CALENDAR_RANGE.last}-12-30T10:00:00+08:00`), 3, SH, { warn });
    expect(r.approx).toBe(true);
    expect(r.at.getTime()).toBeGreaterThan(at(`${beyond}-01-01T00:00:00+08:00`).getTime());
    addWorkingDays(at(`${beyond}-03-02T10:00:00+08:00`), 2, SH, { warn });
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('a deadline crossing from covered into uncovered data is approximate', () => {
    const r = addWorkingDays(at('2026-12-29T10:00:00+08:00'), 5, SH);
    expect(r.approx).toBe(CALENDAR_RANGE.last < 2027);
  });
});

describe('addHours', () => {
  it('adds elapsed hours', () => {
    expect(addHours(at('2026-11-22T10:00:00+08:00'), 24)).toEqual(at('2026-11-23T10:00:00+08:00'));
    expect(addHours(at('2026-11-22T10:00:00+08:00'), 1.5)).toEqual(at('2026-11-22T11:30:00+08:00'));
  });
});

describe('outOfQuietHours', () => {
  it('leaves daytime alone', () => {
    expect(outOfQuietHours(at('2026-11-22T08:00:00+08:00'), SH)).toEqual(at('2026-11-22T08:00:00+08:00'));
    expect(outOfQuietHours(at('2026-11-22T21:59:59+08:00'), SH)).toEqual(at('2026-11-22T21:59:59+08:00'));
  });

  it('moves the late evening to the next morning, across midnight and month end', () => {
    expect(outOfQuietHours(at('2026-11-22T22:00:00+08:00'), SH)).toEqual(at('2026-11-23T08:00:00+08:00'));
    expect(outOfQuietHours(at('2026-11-30T23:45:00+08:00'), SH)).toEqual(at('2026-12-01T08:00:00+08:00'));
    expect(outOfQuietHours(at('2026-12-31T22:30:00+08:00'), SH)).toEqual(at('2027-01-01T08:00:00+08:00'));
  });

  it('moves the small hours to the same morning', () => {
    expect(outOfQuietHours(at('2026-11-23T00:10:00+08:00'), SH)).toEqual(at('2026-11-23T08:00:00+08:00'));
    expect(outOfQuietHours(at('2026-11-23T07:59:00+08:00'), SH)).toEqual(at('2026-11-23T08:00:00+08:00'));
  });

  it('uses the buyer\'s timezone', () => {
    // 2026-11-22 14:30 UTC is 22:30 in Shanghai but 15:30 in Berlin.
    const instant = at('2026-11-22T14:30:00Z');
    expect(outOfQuietHours(instant, SH)).toEqual(at('2026-11-23T08:00:00+08:00'));
    expect(outOfQuietHours(instant, 'Europe/Berlin')).toEqual(instant);
    // 23:00 in New York (UTC-5 in November) → 08:00 New York time.
    expect(outOfQuietHours(at('2026-11-23T04:00:00Z'), 'America/New_York')).toEqual(at('2026-11-23T13:00:00Z'));
  });
});

describe('noReasonWindow', () => {
  it('starts the day after signing and closes at the end of day 7 (暂行办法)', () => {
    const w = noReasonWindow('2026-11-20', SH);
    expect(w.firstDay).toBe('2026-11-21');
    expect(w.lastDay).toBe('2026-11-27');
    expect(w.closesAt).toEqual(at('2026-11-27T23:59:59+08:00'));
  });

  it('crosses month and year ends in calendar days', () => {
    expect(noReasonWindow('2026-12-28', SH).lastDay).toBe('2027-01-04');
    expect(noReasonWindow('2026-09-30', SH).lastDay).toBe('2026-10-07'); // holidays count as days
  });

  it('closes at local midnight of the buyer\'s timezone', () => {
    expect(noReasonWindow('2026-11-20', 'Europe/London').closesAt).toEqual(at('2026-11-27T23:59:59Z'));
  });

  it('rejects a malformed date', () => {
    expect(() => noReasonWindow('20.11.2026', SH)).toThrow(RangeError);
  });
});

describe('formatting', () => {
  it('formats in the timezone and locale', () => {
    const instant = at('2026-11-22T16:30:00Z'); // 00:30 on 11-23 in Shanghai
    expect(formatDate(instant, SH, 'zh-CN')).toBe('2026年11月23日');
    expect(formatDateTime(instant, SH, 'zh-CN')).toBe('2026年11月23日 00:30');
    expect(formatDate(instant, SH, 'en')).toBe('Nov 23, 2026');
    expect(formatDateTime(instant, SH, 'en')).toBe('Nov 23, 2026, 00:30');
  });
});

describe('daysBetween / daysBefore', () => {
  it('counts calendar days between two local days, across a month end, never below zero', () => {
    expect(daysBetween('2026-11-29', '2026-12-02')).toBe(3);
    expect(daysBetween('2026-12-02', '2026-12-02')).toBe(0);
    expect(daysBetween('2026-12-05', '2026-12-02')).toBe(0);
  });

  it('moves an instant back by whole days, keeping its time of day', () => {
    expect(daysBefore(at('2026-12-02T15:20:00+08:00'), 2).toISOString()).toBe(at('2026-11-30T15:20:00+08:00').toISOString());
  });
});
