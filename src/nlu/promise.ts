/**
 * A deadline the seller gave, as quoted by the buyer ("客服说24小时内处理").
 *
 * Choices, so the deadline logic can rely on them:
 * - "N天内" is N × 24 hours; "N个工作日内" keeps `workingDays: N` and `hours: N × 24`.
 * - "明天" (tomorrow) and "后天" are calendar days (issue 9 item 5): when "now" is known, the
 *   hours left until the end of that day (23:59) in the buyer's timezone — a buyer reads "明天回复"
 *   as "by the end of tomorrow", not "24 hours from now". Without "now", 24 and 48 hours.
 * - "今天" is the hours left until midnight in the buyer's timezone, when "now" is known.
 * - A named day ("by Monday", "by tomorrow", "周五前", "下周一之前") is a deadline like "N天内": the
 *   hours left until the end of that day (23:59), when "now" is known. A weekday is its next
 *   one after today ("by Monday" said on a Monday is a week later); "下周X" is X of next week.
 * - Only the seller's deadline counts: the phrase must sit in the seller's quoted words, or
 *   the message must name the seller; a deadline the buyer sets ("请24小时内回复") does not.
 */
import type { Evidence, Promise_ } from './types.ts';
import { parseEnglishNumber, parseNumber } from './numerals.ts';
import { cueBefore, quoteAt, scan, type Scan } from './scan.ts';

const ZH_PROMISE =
  /(\d{1,3}(?:\.\d)?|[一二两三四五六七八九十半]{1,3})\s?(?:个)?\s?(小时|钟头|钟|鐘|h|hrs?|hours?|工作日|个工作日|天|日|周|星期|礼拜)(?![a-z])\s?(之内|以内|内)?/g;
const EN_PROMISE =
  /\b(within\s|in\s|next\s)?(\d{1,3}|an?|one|two|three|four|five|six|seven|ten|twelve|twenty-four|forty-eight|seventy-two)\s(hours?|hrs?|h|days?|business\sdays?|working\sdays?|weeks?)\b/g;
/** A day, with a part of it ("今天晚上", "明天下午"): the deadline is the end of that day. */
const ZH_DAYWORD = /(明天|明日|明早|听日|后天|今天|今日|今晚|当天)(?:\s?(?:早上|上午|中午|下午|傍晚|晚上|晚些|之内|以内|内))?/g;
/** A clock time with "前" ("明天中午12点前", "今晚12点前", "下午3点半之前"): the deadline is that time. */
const ZH_CLOCK =
  /(明天|明日|明早|听日|后天|今天|今日|今晚|当天)?\s?(早上|上午|中午|下午|傍晚|晚上|凌晨)?\s?(\d{1,2}|[一二两三四五六七八九十]{1,3})\s?(?:点钟|点|时)\s?(半|\d{1,2}\s?分)?\s?(?:之前|以前|前)/g;
/** "再等15天": the seller asks for that long, which is the time they gave. */
const WAIT_BEFORE = /再等\s?$|等\s?$/;
const EN_DAYWORD = /\b(tomorrow|today|tonight)\b/g;
/** "by Monday", "by tomorrow", "by the end of the day": "by" makes the day a deadline, whatever verb came before. */
const EN_BY_DAY =
  /\bby\s(?:this\s|next\s|the\s)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun|tomorrow|tonight|today|end\sof\s(?:the\s)?day|eod)\b/g;
/** "周五前", "下周一之前", "礼拜三以前": a weekday as a deadline. */
const ZH_BY_WEEKDAY = /(下)?\s?(?:周|星期|礼拜)([一二三四五六日天])\s?(?:之前|以前|前)/g;
const EN_WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const ZH_WEEKDAYS = '一二三四五六日';
/** What a deadline is for; a bare duration ("等了两天") is no promise. */
const DELIVERABLE =
  /^\s?(?:之内|以内|内|to|for)?\s?(?:给|会|就|能|可以|帮|再|将|一定|保证|必须|统一|尽快)?\s?(?:在[\u4e00-\u9fffa-z]{1,6}(?:上|里))?\s?(?:给|帮)?\s?(?:你|我|您)?\s?(?:处理|回复|答复|发货|发出|退款|到账|解决|联系|结果|审核|安排|补发|寄出|退|回电|反馈|核实|回|发|reply|respond|refund|ship|resolve|get back|process|send|deliver)/;

/** Hours from `now` to 23:59 of the day `days` after today, in `timezone`. */
function hoursToEndOfDay(now: Date, timezone: string, days: number): number | null {
  const local = localClock(now, timezone);
  if (!local) return null;
  return (days * 24 * 60 + 23 * 60 + 59 - (local.h * 60 + local.m)) / 60;
}

function localClock(now: Date, timezone: string): { h: number; m: number } | null {
  try {
    const parts = new Intl.DateTimeFormat('en-GB', { timeZone: timezone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(now);
    const h = Number(parts.find((p) => p.type === 'hour')?.value);
    const m = Number(parts.find((p) => p.type === 'minute')?.value);
    return Number.isFinite(h) && Number.isFinite(m) ? { h, m } : null;
  } catch {
    return null;
  }
}

/** Today's weekday in `timezone`, Monday 0 … Sunday 6. */
function localWeekday(now: Date, timezone: string): number | null {
  try {
    const name = new Intl.DateTimeFormat('en-US', { timeZone: timezone, weekday: 'short' }).format(now).toLowerCase();
    const i = EN_WEEKDAYS.indexOf(name.slice(0, 3));
    return i >= 0 ? i : null;
  } catch {
    return null;
  }
}

/**
 * Days from today to a named weekday (0 = Monday): its next one after today, or with
 * `nextWeek` the one in the coming week.
 */
function daysToWeekday(today: number, target: number, nextWeek: boolean): number {
  if (nextWeek) return 7 - today + target;
  return (target - today + 7) % 7 || 7;
}

/** Hours to the end of a named day ("monday", "tomorrow", "today"), or null without "now". */
function hoursToNamedDay(word: string, now: Date | undefined, timezone: string, nextWeek = false): number | null {
  if (!now) return null;
  if (/^(?:today|tonight|end|eod)/.test(word)) return hoursToMidnight(now, timezone);
  if (word === 'tomorrow') return hoursToEndOfDay(now, timezone, 1);
  const today = localWeekday(now, timezone);
  const target = EN_WEEKDAYS.indexOf(word.slice(0, 3));
  if (today === null || target < 0) return null;
  return hoursToEndOfDay(now, timezone, daysToWeekday(today, target, nextWeek));
}

function hoursToMidnight(now: Date, timezone: string): number | null {
  const local = localClock(now, timezone);
  return local ? Math.max(1, Math.ceil(24 - local.h - local.m / 60)) : null;
}

interface Found {
  start: number;
  end: number;
  promise: Promise_;
  withinForm: boolean;
}

/**
 * Hours from `now` to the clock time a "…点前" phrase names, in `timezone`; null when it cannot be
 * placed (no "now", an hour out of range, a time today already past).
 */
function hoursToClock(m: RegExpExecArray, now: Date | undefined, timezone: string): number | null {
  if (!now) return null;
  const local = localClock(now, timezone);
  const hour = parseNumber(m[3]!);
  if (!local || hour === null || hour > 24) return null;
  const day = m[1] ?? '';
  const period = m[2] ?? (day === '今晚' ? '晚上' : '');
  let h = hour;
  if (/下午|傍晚|晚上/.test(period) && h < 12) h += 12;
  else if (period === '晚上' && h === 12) h = 24; // "今晚12点" is midnight at the end of today
  else if (period === '中午' && h < 3) h += 12;
  else if (period === '凌晨' && h === 12) h = 0;
  const min = m[4] === '半' ? 30 : m[4] ? parseInt(m[4], 10) : 0;
  if (min >= 60) return null;
  const days = /明|听日/.test(day) ? 1 : day === '后天' ? 2 : 0;
  let hours = (days * 24 * 60 + h * 60 + min - (local.h * 60 + local.m)) / 60;
  // No day named and the time already passed today: the next one.
  if (hours <= 0 && !day) hours += 24;
  return hours > 0 ? hours : null;
}

function unitHours(unit: string): { hours: number; working: boolean } | null {
  // "48個鐘" (Cantonese): 钟 alone after a count is an hour.
  if (/^(?:小时|钟头|钟|鐘|h|hrs?|hours?)$/.test(unit)) return { hours: 1, working: false };
  if (unit.includes('工作日') || /^(?:business|working)/.test(unit)) return { hours: 24, working: true };
  if (/^(?:天|日|days?)$/.test(unit)) return { hours: 24, working: false };
  if (/^(?:周|星期|礼拜|weeks?)$/.test(unit)) return { hours: 168, working: false };
  return null;
}

function candidates(s: Scan, now: Date | undefined, timezone: string): Found[] {
  const out: Found[] = [];
  const norm = s.norm;
  for (const re of [ZH_PROMISE, EN_PROMISE]) {
    re.lastIndex = 0;
    for (let m = re.exec(norm); m; m = re.exec(norm)) {
      const zhForm = re === ZH_PROMISE;
      const n = zhForm ? parseNumber(m[1]!) : parseEnglishNumber(m[2]!);
      const unit = unitHours((zhForm ? m[2]! : m[3]!).replace(/\s/g, ' '));
      if (n === null || !unit || n <= 0) continue;
      const hours = n * unit.hours;
      if (hours > 24 * 30) continue;
      // "再等15天" gives the wait as the deadline, as "15天内" does.
      const withinForm = zhForm ? m[3] !== undefined || WAIT_BEFORE.test(norm.slice(Math.max(0, m.index - 3), m.index)) : m[1] !== undefined;
      // "20日到的" is a date, not a deadline: a bare 日 needs 内.
      if (zhForm && m[2] === '日' && !withinForm) continue;
      const promise: Promise_ = unit.working ? { hours, workingDays: n } : { hours };
      out.push({ start: m.index, end: m.index + m[0].length, promise, withinForm });
    }
  }
  const clocks: Found[] = [];
  ZH_CLOCK.lastIndex = 0;
  for (let m = ZH_CLOCK.exec(norm); m; m = ZH_CLOCK.exec(norm)) {
    const hours = hoursToClock(m, now, timezone);
    if (hours !== null) clocks.push({ start: m.index, end: m.index + m[0].length, promise: { hours }, withinForm: true });
  }
  out.push(...clocks);
  for (const re of [ZH_DAYWORD, EN_DAYWORD]) {
    re.lastIndex = 0;
    for (let m = re.exec(norm); m; m = re.exec(norm)) {
      // A day word that starts a clock time is that time's day, not "by the end of the day".
      if (clocks.some((c) => m!.index >= c.start && m!.index < c.end)) continue;
      const w = m[1]!;
      let hours: number | null;
      const days = /明|听日|tomorrow/.test(w) ? 1 : w === '后天' ? 2 : 0;
      if (days > 0) hours = (now ? hoursToEndOfDay(now, timezone, days) : null) ?? days * 24;
      else hours = now ? hoursToMidnight(now, timezone) : null;
      if (hours === null) continue;
      out.push({ start: m.index, end: m.index + m[0].length, promise: { hours }, withinForm: false });
    }
  }
  for (const re of [EN_BY_DAY, ZH_BY_WEEKDAY]) {
    re.lastIndex = 0;
    for (let m = re.exec(norm); m; m = re.exec(norm)) {
      const zhForm = re === ZH_BY_WEEKDAY;
      const word = zhForm ? EN_WEEKDAYS[Math.min(6, ZH_WEEKDAYS.indexOf(m[2]!.replace('天', '日')))]! : m[1]!;
      const hours = hoursToNamedDay(word, now, timezone, zhForm ? m[1] !== undefined : false);
      if (hours === null || hours <= 0) continue;
      out.push({ start: m.index, end: m.index + m[0].length, promise: { hours }, withinForm: true });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The seller's deadline, or null. `speaker`: someone is known to be speaking (the caller saw the platform named). */
export function extractPromise(
  s: Scan, now: Date | undefined, timezone: string, speaker = false,
): { value: Promise_; evidence: Evidence } | null {
  const sellerNamed = speaker || s.has.has('seller') || s.has.has('quote');
  for (const f of candidates(s, now, timezone)) {
    const after = s.norm.slice(f.end, f.end + 12);
    if (/^\s?了/.test(after)) continue; // "等了两天了", "3天了": a duration, not a deadline
    const deliverable = DELIVERABLE.test(after);
    if (!f.withinForm && !deliverable) continue;
    if (cueBefore(s, f.start, ['demand'], 3)) continue;
    const quoted = quoteAt(s, f.start) !== null;
    if (!quoted && !sellerNamed) continue;
    return {
      value: f.promise,
      evidence: { span: s.text.slice(f.start, f.end), confidence: quoted ? 0.85 : 0.6 },
    };
  }
  return null;
}

/**
 * A time the platform gave, read like a seller promise once the caller knows the platform is
 * speaking ("京东说48小时内联系我": the platform's name is no seller cue).
 */
export function platformDeadline(text: string, now: Date, timezone: string): Promise_ | null {
  return extractPromise(scan(text), now, timezone, true)?.value ?? null;
}
