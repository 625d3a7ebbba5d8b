/**
 * Deadlines in the buyer's local time: working days on the Chinese calendar (public
 * holidays and make-up workdays from `chinese-days`), quiet hours for reminders, and the
 * 7-day no-reason return window.
 *
 * Everything here is pure: `now` / `from` are passed in, nothing reads the wall clock.
 */
import chineseDays from 'chinese-days';
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import { t } from '../i18n/index.ts';
import type { Locale } from '../domain/index.ts';

dayjs.extend(utc);

// dayjs' timezone plugin builds a new Intl.DateTimeFormat on every `tz()` call (≈0.1 ms,
// the largest cost of a turn). One formatter per time zone, kept for the process, gives
// the offset; the local wall time is then a UTC dayjs shifted by it (its fields and
// `format` read as local time; it is never turned back into an instant except through
// `localInstant`).
const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(tz: string): Intl.DateTimeFormat {
  let f = offsetFormatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    offsetFormatters.set(tz, f);
  }
  return f;
}

// Offsets only change at instants that are whole quarter hours in UTC (every zone's offset
// is a multiple of 15 minutes), so one lookup serves a whole quarter hour.
const QUARTER_HOUR = 900_000;
/** Per zone, the offset by quarter hour (a number key: no key string made per lookup). */
const offsets = new Map<string, Map<number, number>>();

/** The UTC offset of `tz` at the instant `ms`, in ms. Throws RangeError for an unknown zone. */
function offsetAt(ms: number, tz: string): number {
  let zone = offsets.get(tz);
  if (zone === undefined) offsets.set(tz, (zone = new Map()));
  const quarter = Math.floor(ms / QUARTER_HOUR);
  let offset = zone.get(quarter);
  if (offset === undefined) {
    offset = computeOffset(ms, tz);
    if (zone.size >= 10_000) zone.delete(zone.keys().next().value!);
    zone.set(quarter, offset);
  }
  return offset;
}

function computeOffset(ms: number, tz: string): number {
  const p: Record<string, number> = {};
  for (const part of formatterFor(tz).formatToParts(new Date(ms))) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return wall - (ms - (((ms % 1000) + 1000) % 1000));
}

/**
 * The wall-clock time of an instant in `tz`, as a Date whose UTC fields read as local time
 * (never an instant itself: it becomes one again only through `localInstant`).
 */
function zoned(at: Date, tz: string): Date {
  const ms = at.getTime();
  return new Date(ms + offsetAt(ms, tz));
}

/** The local day (YYYY-MM-DD) of a `zoned` time. */
function isoDay(local: Date): string {
  const ms = local.getTime();
  return inFourDigitYears(ms) ? dayText(ms) : local.toISOString().slice(0, 10);
}

const DAY_MS = 24 * 3_600_000;

/** Whether an instant is in the years 0000 to 9999, which `isoInstant` and `isoDay` write themselves. */
function inFourDigitYears(ms: number): boolean {
  return ms >= -62_167_219_200_000 && ms <= 253_402_300_799_999;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

/**
 * `at.toISOString()`, worked out from the instant's milliseconds: `toISOString` costs over half a
 * microsecond here and a turn writes several (its own time, reminders, days). Years outside
 * 0000-9999 and invalid dates go to `toISOString` itself (its "+010000-…" form, its RangeError).
 *
 * @example isoInstant(new Date(Date.UTC(2026, 11, 3, 8, 5, 9, 7))) // '2026-12-03T08:05:09.007Z'
 */
export function isoInstant(at: Date): string {
  const ms = at.getTime();
  if (!inFourDigitYears(ms)) return at.toISOString();
  const inDay = ((ms % DAY_MS) + DAY_MS) % DAY_MS;
  const milli = inDay % 1000;
  return `${dayText(ms)}T${pad2(Math.floor(inDay / 3_600_000))}:${pad2(Math.floor(inDay / 60_000) % 60)}:${pad2(Math.floor(inDay / 1000) % 60)}.${milli < 10 ? `00${milli}` : milli < 100 ? `0${milli}` : milli}Z`;
}

/** The UTC day (YYYY-MM-DD) of an instant in `inFourDigitYears`, remembered by day (a turn writes the same few days). */
function dayText(ms: number): string {
  return remembered(dayTexts, Math.floor(ms / DAY_MS), civilDay);
}

/** `make(key)`, remembered in `memo` (emptied when full); `make` a module function, not a closure per call. */
function remembered<K, V>(memo: Map<K, V>, key: K, make: (key: K) => V): V {
  let value = memo.get(key);
  if (value === undefined) {
    value = make(key);
    if (memo.size >= CALENDAR_MEMO_MAX) memo.clear();
    memo.set(key, value);
  }
  return value;
}

const dayTexts = new Map<number, string>();

/** Days since 1970-01-01 as YYYY-MM-DD (Howard Hinnant's civil_from_days: eras of 400 years from 0000-03-01). */
function civilDay(days: number): string {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${year < 1000 ? String(year).padStart(4, '0') : year}-${pad2(month)}-${pad2(day)}`;
}

// Formatting a `zoned` time with a dayjs pattern from the locale files ("YYYY年M月D日 HH:mm"),
// without dayjs: its `format` scans the pattern with a regular expression and a callback on
// every call. A pattern is split once into literal text and the tokens below, which give
// what dayjs gives for them (English month names, as dayjs' default locale); a pattern with
// any other token is formatted by dayjs itself.
const FORMAT_TOKENS = /\[([^\]]+)]|YYYY|YY|M{1,4}|D{1,2}|d{1,4}|H{1,2}|h{1,2}|a|A|m{1,2}|s{1,2}|Z{1,2}|SSS/g; // dayjs' REGEX_FORMAT
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const pad = (n: number, width: number) => String(n).padStart(width, '0');
const TOKENS: Record<string, (d: Date) => string> = {
  YYYY: (d) => pad(d.getUTCFullYear(), 4),
  M: (d) => String(d.getUTCMonth() + 1),
  MM: (d) => pad(d.getUTCMonth() + 1, 2),
  MMM: (d) => MONTHS[d.getUTCMonth()]!.slice(0, 3),
  MMMM: (d) => MONTHS[d.getUTCMonth()]!,
  D: (d) => String(d.getUTCDate()),
  DD: (d) => pad(d.getUTCDate(), 2),
  H: (d) => String(d.getUTCHours()),
  HH: (d) => pad(d.getUTCHours(), 2),
  m: (d) => String(d.getUTCMinutes()),
  mm: (d) => pad(d.getUTCMinutes(), 2),
  s: (d) => String(d.getUTCSeconds()),
  ss: (d) => pad(d.getUTCSeconds(), 2),
  SSS: (d) => pad(d.getUTCMilliseconds(), 3),
};
type FormatPart = string | ((d: Date) => string);
const compiledFormats = new Map<string, FormatPart[] | null>();

function compileFormat(pattern: string): FormatPart[] | null {
  const parts: FormatPart[] = [];
  let last = 0;
  for (const m of pattern.matchAll(FORMAT_TOKENS)) {
    if (m.index > last) parts.push(pattern.slice(last, m.index));
    if (m[1] !== undefined) parts.push(m[1]);
    else {
      const token = TOKENS[m[0]];
      if (!token) return null;
      parts.push(token);
    }
    last = m.index + m[0].length;
  }
  if (last < pattern.length) parts.push(pattern.slice(last));
  return parts;
}

function formatZoned(local: Date, pattern: string): string {
  let parts = compiledFormats.get(pattern);
  if (parts === undefined) {
    parts = compileFormat(pattern);
    compiledFormats.set(pattern, parts);
  }
  if (parts === null) return dayjs.utc(local.getTime()).format(pattern);
  let out = '';
  for (const part of parts) out += typeof part === 'string' ? part : part(local);
  return out;
}

/** Where approximate results are reported (a pino logger fits). */
export interface DeadlineLogger {
  warn(obj: object, msg?: string): void;
}

/** A computed instant, and whether it may be off because the holiday calendar has no data for it. */
export interface Deadline {
  at: Date;
  /** True when a day counted lies beyond the holiday data: said to the buyer as "约 / about". */
  approx: boolean;
}

const ISO_DAY = 'YYYY-MM-DD';

/** The first and last year `chinese-days` has holiday data for. */
export const CALENDAR_RANGE: { first: number; last: number } = probeCalendarRange();

/**
 * chinese-days silently treats dates outside its data as plain weekdays. Every year it
 * covers has 1 January as a public holiday (元旦), so the first year where 1 January is
 * a workday marks the end of the data — this keeps working after a package upgrade.
 */
function probeCalendarRange(): { first: number; last: number } {
  const first = 2004;
  let last = first;
  while (last < 2200 && chineseDays.isHoliday(`${last + 1}-01-01`)) last += 1;
  return { first, last };
}

/**
 * An operator-supplied official schedule (HOLIDAYS_FILE), per year: public holidays
 * (放假) and make-up working days (调休上班), as the State Council publishes them each
 * autumn for the next year. Merged over `chinese-days`: a year listed here is covered.
 */
export interface HolidaySchedule {
  /** Where the schedule comes from (e.g. the notice's title and number); for the log only. */
  source?: string;
  years: Record<string, { holidays: string[]; workdays: string[] }>;
}

let operatorSchedule: { years: Set<number>; holidays: Set<string>; workdays: Set<string> } | null = null;

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isRealDay(day: string): boolean {
  const m = DAY_RE.exec(day);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return isoInstant(d).slice(0, 10) === day;
}

/**
 * Check an operator's schedule (parsed JSON). Throws an `Error` whose message says what is
 * wrong in one sentence.
 *
 * @example parseHolidaySchedule({ years: { '2027': { holidays: ['2027-01-01'], workdays: [] } } })
 */
export function parseHolidaySchedule(json: unknown): HolidaySchedule {
  const shape = 'expected {"years": {"2027": {"holidays": ["2027-01-01", …], "workdays": ["2027-02-06", …]}}}';
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new Error(shape);
  const obj = json as Record<string, unknown>;
  if (obj.source !== undefined && typeof obj.source !== 'string') throw new Error('"source" must be a string');
  const years = obj.years;
  if (typeof years !== 'object' || years === null || Array.isArray(years) || Object.keys(years).length === 0) throw new Error(shape);
  const out: HolidaySchedule['years'] = {};
  for (const [year, entry] of Object.entries(years as Record<string, unknown>)) {
    if (!/^\d{4}$/.test(year)) throw new Error(`"${year}" is not a year (use "2027")`);
    if (typeof entry !== 'object' || entry === null) throw new Error(`year ${year}: ${shape}`);
    const e = entry as Record<string, unknown>;
    const lists: Record<'holidays' | 'workdays', string[]> = { holidays: [], workdays: [] };
    for (const key of ['holidays', 'workdays'] as const) {
      const list = e[key] ?? [];
      if (!Array.isArray(list)) throw new Error(`year ${year}: "${key}" must be a list of "YYYY-MM-DD" days`);
      for (const day of list) {
        if (typeof day !== 'string' || !isRealDay(day)) throw new Error(`year ${year}: ${JSON.stringify(day)} in "${key}" is not a real day written YYYY-MM-DD`);
        // A make-up day for early January may fall in the December before (2018-12-29 for 2019).
        if (Math.abs(Number(day.slice(0, 4)) - Number(year)) > 1) throw new Error(`year ${year}: ${day} in "${key}" is not near ${year}`);
        if (key === 'workdays') {
          const wd = new Date(`${day}T00:00:00Z`).getUTCDay();
          if (wd !== 0 && wd !== 6) throw new Error(`year ${year}: ${day} in "workdays" is a weekday already; list only weekend days worked (调休上班)`);
        }
        lists[key].push(day);
      }
    }
    if (lists.holidays.length === 0) throw new Error(`year ${year}: "holidays" is empty; every year has public holidays`);
    const both = lists.holidays.find((d) => lists.workdays.includes(d));
    if (both) throw new Error(`year ${year}: ${both} is listed both as a holiday and as a workday`);
    out[year] = lists;
  }
  return { ...(typeof obj.source === 'string' ? { source: obj.source } : {}), years: out };
}

/**
 * Use an operator's schedule (from HOLIDAYS_FILE) from now on, merged over `chinese-days`;
 * null goes back to the package's data alone. Called once at start, before any turn.
 */
export function useHolidaySchedule(schedule: HolidaySchedule | null): void {
  workingDays.clear();
  if (!schedule) {
    operatorSchedule = null;
    return;
  }
  const years = new Set<number>();
  const holidays = new Set<string>();
  const workdays = new Set<string>();
  for (const [year, e] of Object.entries(schedule.years)) {
    years.add(Number(year));
    for (const d of e.holidays) holidays.add(d);
    for (const d of e.workdays) workdays.add(d);
  }
  operatorSchedule = { years, holidays, workdays };
}

/** Years the operator's schedule covers (empty without HOLIDAYS_FILE). */
export function operatorYears(): number[] {
  return operatorSchedule ? [...operatorSchedule.years].sort() : [];
}

/**
 * Whether the holiday calendar (the package's data, or the operator's HOLIDAYS_FILE) has
 * data for this day.
 *
 * @param date a `YYYY-MM-DD` day, or an instant (taken in `tz`, default Asia/Shanghai)
 * @example calendarCoversDate('2026-10-01') // true;  calendarCoversDate('2027-02-10') // false without HOLIDAYS_FILE
 */
export function calendarCoversDate(date: Date | string, tz = 'Asia/Shanghai'): boolean {
  const year = typeof date === 'string' ? Number(date.slice(0, 4)) : zoned(date, tz).getUTCFullYear();
  if (operatorSchedule?.years.has(year)) return true;
  return year >= CALENDAR_RANGE.first && year <= CALENDAR_RANGE.last;
}

let warnedBeyond = false;

/** Log once per process that a date beyond the holiday data was used. */
function warnBeyondCalendar(logger: DeadlineLogger | undefined, day: string): void {
  if (!logger || warnedBeyond) return;
  warnedBeyond = true;
  logger.warn(
    { day, calendarLastYear: CALENDAR_RANGE.last },
    'no holiday data for this date (chinese-days or HOLIDAYS_FILE); working-day deadlines are approximate: add the year to HOLIDAYS_FILE',
  );
}

// Calendar facts do not change while the process runs (until `useHolidaySchedule`): each
// day's answer is worked out once. A deadline in working days walks a week or more of days,
// and one day through chinese-days and dayjs costs about 20 µs.
const workingDays = new Map<string, boolean>();
const nextDays = new Map<string, string>();
const CALENDAR_MEMO_MAX = 20_000;

/** Whether a local calendar day is a working day on the Chinese calendar. */
export function isWorkingDay(day: string): boolean {
  return remembered(workingDays, day, workingDayUncached);
}

function workingDayUncached(day: string): boolean {
  if (operatorSchedule) {
    if (operatorSchedule.holidays.has(day)) return false;
    if (operatorSchedule.workdays.has(day)) return true;
    const year = Number(day.slice(0, 4));
    // A year only the operator covers: what it does not list is an ordinary week.
    if (operatorSchedule.years.has(year) && !(year >= CALENDAR_RANGE.first && year <= CALENDAR_RANGE.last)) {
      const wd = new Date(`${day}T00:00:00Z`).getUTCDay();
      return wd !== 0 && wd !== 6;
    }
  }
  return chineseDays.isWorkday(day);
}

/**
 * Whether a local calendar day is a public holiday (法定节假日: 劳动节, 国庆节…), from the same
 * holiday data as {@link isWorkingDay}. An ordinary weekend is not one.
 *
 * @example isPublicHoliday('2026-05-01') // true
 */
export function isPublicHoliday(day: string): boolean {
  if (isWorkingDay(day)) return false;
  if (operatorSchedule?.holidays.has(day)) return true;
  // chinese-days names a holiday's days "Labour Day,劳动节,2"; an ordinary weekend day "Saturday".
  return chineseDays.getDayDetail(day).name.includes(',');
}

/**
 * Adds `days` Chinese working days to `from`.
 *
 * Counting starts on the local day after `from` (in `tz`): weekends and public holidays are
 * skipped, make-up workdays (调休上班) count. The deadline falls at the **same local
 * time-of-day** as `from` on the last working day counted — "3个工作日内" said on Friday
 * 15:00 ends on Wednesday 15:00. (If `from` is itself on a holiday, the count still starts
 * the next day; a seller's promise made on a holiday is rare and this errs on the buyer's side.)
 * `days <= 0` returns `from` unchanged.
 *
 * `approx` is true when any day counted lies beyond the holiday data (see
 * {@link calendarCoversDate}); the optional logger is told once per process.
 *
 * @example addWorkingDays(new Date('2026-09-30T10:00:00+08:00'), 1, 'Asia/Shanghai')
 *   // → 2026-10-08 10:00 +08:00 (National Day 10-01…10-07 skipped)
 */
export function addWorkingDays(from: Date, days: number, tz: string, logger?: DeadlineLogger): Deadline {
  const start = zoned(from, tz);
  let approx = !calendarCoversDate(isoDay(start));
  if (days <= 0) return { at: new Date(from.getTime()), approx };
  let cursor = isoDay(start);
  let counted = 0;
  while (counted < days) {
    cursor = nextDay(cursor);
    if (!calendarCoversDate(cursor)) approx = true;
    if (isWorkingDay(cursor)) counted += 1;
  }
  if (approx) warnBeyondCalendar(logger, cursor);
  return { at: localInstant(cursor, isoInstant(start).slice(11, 23), tz), approx };
}

/**
 * Whole calendar days from `from` to `to` (both YYYY-MM-DD), never negative.
 *
 * @example daysBetween('2026-12-03', '2026-12-05') // 2
 */
export function daysBetween(from: string, to: string): number {
  return Math.max(0, Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS));
}

/** `at` moved back by `days` × 24 hours (the same time of day, that many days earlier). */
export function daysBefore(at: Date, days: number): Date {
  return new Date(at.getTime() - days * DAY_MS);
}

/** `from` plus a number of hours (elapsed time, not working time). */
export function addHours(from: Date, hours: number): Date {
  return new Date(from.getTime() + hours * 3_600_000);
}

/** Reminders are never delivered between 22:00 and 08:00 local time (issue 4). */
export const QUIET_HOURS = { startHour: 22, endHour: 8 } as const;

/**
 * Moves an instant out of the night: between 22:00 and 08:00 local time (in `tz`) it
 * becomes 08:00 of the following morning (after 22:00) or of the same morning (before
 * 08:00). Other instants are returned unchanged.
 *
 * @example outOfQuietHours(new Date('2026-11-22T23:30:00+08:00'), 'Asia/Shanghai') // 2026-11-23 08:00 +08:00
 */
export function outOfQuietHours(at: Date, tz: string): Date {
  const local = zoned(at, tz);
  const hour = local.getUTCHours();
  if (hour >= QUIET_HOURS.startHour) {
    return localInstant(nextDay(isoDay(local)), '08:00:00', tz);
  }
  if (hour < QUIET_HOURS.endHour) return localInstant(isoDay(local), '08:00:00', tz);
  return new Date(at.getTime());
}

/** The 7-day no-reason return window for one receipt date. */
export interface NoReasonWindow {
  /** Day 1 (YYYY-MM-DD): the day after signing for the goods. */
  firstDay: string;
  /** Day 7 (YYYY-MM-DD). */
  lastDay: string;
  /** End of day 7, 23:59:59 local time. */
  closesAt: Date;
}

/**
 * The 7-day no-reason window (消费者权益保护法 第二十五条). Per 网络购买商品七日无理由退货暂行办法
 * the 7 days start the day after signing for the goods (DOMAIN.md, law section), so goods
 * signed for on 11-20 can be returned without reason from 11-21 until the end of 11-27.
 * Calendar days, not working days.
 *
 * @param receivedOn YYYY-MM-DD, the local day the goods were signed for
 */
export function noReasonWindow(receivedOn: string, tz: string): NoReasonWindow {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(receivedOn) || !dayjs(receivedOn, ISO_DAY).isValid()) {
    throw new RangeError(`noReasonWindow: receivedOn must be YYYY-MM-DD, got "${receivedOn}"`);
  }
  const firstDay = nextDay(receivedOn);
  const lastDay = dayjs(receivedOn).add(7, 'day').format(ISO_DAY);
  return { firstDay, lastDay, closesAt: localInstant(lastDay, '23:59:59', tz) };
}

/**
 * The last day a business may refund a no-reason return (消费者权益保护法 第二十五条: within 7 days
 * of receiving the returned goods), counted like the return window itself: from the day after the
 * receipt, so goods received back on 11-20 must be refunded by the end of 11-27.
 *
 * @param receivedOn YYYY-MM-DD, the local day the business received the return
 */
export function returnRefundDue(receivedOn: string, tz: string): { lastDay: string; dueAt: Date } {
  const w = noReasonWindow(receivedOn, tz);
  return { lastDay: w.lastDay, dueAt: w.closesAt };
}

/**
 * A date in the buyer's timezone, e.g. "2026年11月22日" / "Nov 22, 2026" (pattern in
 * `knowledge.time.date`).
 */
export function formatDate(at: Date, tz: string, locale: Locale): string {
  return formatZoned(zoned(at, tz), t(locale, 'knowledge.time.date'));
}

/** A date and time in the buyer's timezone, e.g. "2026年11月22日 10:00" / "Nov 22, 2026, 10:00". */
export function formatDateTime(at: Date, tz: string, locale: Locale): string {
  return formatZoned(zoned(at, tz), t(locale, 'knowledge.time.dateTime'));
}

/** Formats a `YYYY-MM-DD` day (no timezone shift). */
export function formatDay(day: string, locale: Locale): string {
  return dayjs(day, ISO_DAY).format(t(locale, 'knowledge.time.date'));
}

/** The local day (YYYY-MM-DD) of an instant in `tz`. */
export function localDay(at: Date, tz: string): string {
  return isoDay(zoned(at, tz));
}

function nextDay(day: string): string {
  return remembered(nextDays, day, dayAfter);
}

function dayAfter(day: string): string {
  return dayjs(day, ISO_DAY).add(1, 'day').format(ISO_DAY);
}

/** The instant of a local wall-clock time in `tz`. */
export function localInstant(day: string, time: string, tz: string): Date {
  // The wall time read as UTC, corrected by the offset there (twice: the offset may differ
  // across a DST change between the guess and the answer).
  const wall = dayjs.utc(`${day}T${time}`).valueOf();
  let ms = wall - offsetAt(wall, tz);
  ms = wall - offsetAt(ms, tz);
  return new Date(ms);
}
