/**
 * HOLIDAYS_FILE: an operator's official schedule merged over chinese-days. A year it covers
 * gives exact deadlines ("about" only where neither source has data).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { addWorkingDays, calendarCoversDate, CALENDAR_RANGE, isWorkingDay, parseHolidaySchedule, useHolidaySchedule } from '../../src/time/deadlines.ts';

const beyond = CALENDAR_RANGE.last + 1;
const y = String(beyond);

afterEach(() => useHolidaySchedule(null));

describe('an operator holiday schedule', () => {
  it('covers its years: listed holidays are off, listed weekend days are worked, the rest is an ordinary week', () => {
    // Find a Monday–Wednesday run and a Saturday in that year, whatever the year is.
    const days = Array.from({ length: 40 }, (_, i) => new Date(Date.UTC(beyond, 1, 1 + i)).toISOString().slice(0, 10));
    const monday = days.find((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 1)!;
    const tuesday = days[days.indexOf(monday) + 1]!;
    const saturday = days.find((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 6)!;
    expect(calendarCoversDate(monday)).toBe(false);
    useHolidaySchedule(parseHolidaySchedule({ years: { [y]: { holidays: [monday], workdays: [saturday] } } }));
    expect(calendarCoversDate(monday)).toBe(true);
    expect(isWorkingDay(monday)).toBe(false);
    expect(isWorkingDay(tuesday)).toBe(true);
    expect(isWorkingDay(saturday)).toBe(true);

    // One working day from the Sunday before `monday`: Monday is a holiday, so Tuesday; exact.
    const sunday = days[days.indexOf(monday) - 1] ?? `${y}-01-31`;
    const d = addWorkingDays(new Date(`${sunday}T10:00:00+08:00`), 1, 'Asia/Shanghai');
    expect(d.approx).toBe(false);
    expect(d.at.toISOString()).toBe(new Date(`${tuesday}T10:00:00+08:00`).toISOString());
  });

  it('leaves the package data alone where it does not list a day, and overrides it where it does', () => {
    useHolidaySchedule(parseHolidaySchedule({ years: { '2026': { holidays: ['2026-03-02'], workdays: [] } } }));
    expect(isWorkingDay('2026-03-02')).toBe(false);
    expect(isWorkingDay('2026-03-03')).toBe(true);
    expect(isWorkingDay('2026-10-01')).toBe(false); // National Day, from chinese-days
  });

  it('says "about" only beyond both', () => {
    useHolidaySchedule(parseHolidaySchedule({ years: { [y]: { holidays: [`${y}-01-01`], workdays: [] } } }));
    const late = addWorkingDays(new Date(`${y}-12-30T10:00:00+08:00`), 3, 'Asia/Shanghai');
    expect(late.approx).toBe(true);
  });

  it.each([
    [{}, /years/],
    [{ years: { '27': { holidays: ['2027-01-01'] } } }, /not a year/],
    [{ years: { '2027': { holidays: ['2027-02-30'] } } }, /not a real day/],
    [{ years: { '2027': { holidays: ['2030-01-01'] } } }, /not near 2027/],
    [{ years: { '2027': { holidays: ['2027-01-01'], workdays: ['2027-01-04'] } } }, /weekday already/],
    [{ years: { '2027': { holidays: [], workdays: [] } } }, /empty/],
    [{ years: { '2027': { holidays: ['2027-01-02'], workdays: ['2027-01-02'] } } }, /both/],
  ])('refuses %j with a clear reason', (json, reason) => {
    expect(() => parseHolidaySchedule(json)).toThrow(reason);
  });

  it('accepts the example file shipped in deploy/', () => {
    const json = JSON.parse(readFileSync(new URL('../../deploy/holidays.example.json', import.meta.url), 'utf8'));
    expect(Object.keys(parseHolidaySchedule(json).years)).toEqual(['2027']);
  });
});
