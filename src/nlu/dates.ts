/**
 * The date the goods were received ("昨天签收的", "11月20日到的", "received on Nov 20"),
 * as YYYY-MM-DD in the buyer's timezone.
 */
import type { Evidence } from './types.ts';
import { parseEnglishNumber, parseNumber } from './numerals.ts';
import type { Scan } from './scan.ts';

const RELATIVE: Record<string, number> = {
  今天: 0, 今日: 0, 今早: 0, 今晚: 0, 今儿: 0, 刚刚: 0, 刚才: 0, 早上: 0, 上午: 0, 下午: 0,
  昨天: 1, 昨日: 1, 昨晚: 1, 昨儿: 1, 前天: 2, 前晚: 2, 大前天: 3,
  today: 0, 'this morning': 0, tonight: 0, yesterday: 1, 'the day before yesterday': 2,
};
const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

// All bounded: no nested quantifiers.
const DATE_PATTERNS: readonly RegExp[] = [
  /(大前天|前天|昨天|昨日|昨晚|昨儿|前晚|今天|今日|今早|今晚|今儿|刚刚|刚才|the day before yesterday|yesterday|today|this morning|tonight)/g,
  // "3天前" is three days ago; "12月15日前" is a date with 前 (before it), not fifteen days ago.
  /(?<![月\d]\s?)(\d{1,2}|[一二两三四五六七八九十]{1,3})\s?(?:天|日)前/g,
  /(\d{1,2}|an?|one|two|three|four|five|six|seven)\s(?:days?)\sago/g,
  /(?:(\d{4})\s?[年\-/.]\s?)?(\d{1,2})\s?[月\-/.]\s?(\d{1,2})\s?(?:日|号)?/g,
  /(jan|feb|mar|apr|may|jun|jul|aug|sept|sep|oct|nov|dec)[a-z]{0,6}\.?\s(\d{1,2})(?:st|nd|rd|th)?(?:,?\s(\d{4}))?/g,
  /(\d{1,2})(?:st|nd|rd|th)?\s(?:of\s)?(jan|feb|mar|apr|may|jun|jul|aug|sept|sep|oct|nov|dec)[a-z]{0,6}(?:,?\s(\d{4}))?/g,
  // "24号就签收了": a day of the month alone, needing 号 ("3日" may be a span, "3号楼" a place).
  /(?<![\d月\-/.]\s?)(\d{1,2})\s?号(?![楼线门店床柜位码机院厅室台])/g,
  // "上周五", "上礼拜三": a weekday of last week.
  /上\s?(?:个)?\s?(?:周|星期|礼拜)([一二三四五六日天])/g,
  // "23日到家的": a day of the month with 日 alone only right before a receipt word (elsewhere often a span).
  /(?<![月\d.\-/]\s?)(\d{1,2})\s?日(?=\s?(?:就|才|已经)?\s?(?:到家|到的|到货|签收|收到))/g,
];

const formatters = new Map<string, Intl.DateTimeFormat | null>();

// Formatting through Intl costs several microseconds a call. A zone's local date can only
// change at an instant that is a whole quarter hour in UTC (every offset, and every change of
// offset, is a multiple of 15 minutes), so the last answer per zone serves its quarter hour.
const QUARTER_HOUR = 900_000;
const lastToday = new Map<string, { quarter: number; day: readonly [number, number, number] | null }>();

/** Today's calendar date in `timezone` as [y, m, d]; null for an unknown timezone. */
export function today(now: Date, timezone: string): readonly [number, number, number] | null {
  const quarter = Math.floor(now.getTime() / QUARTER_HOUR);
  const last = lastToday.get(timezone);
  if (last !== undefined && last.quarter === quarter) return last.day;
  let f = formatters.get(timezone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' });
    } catch {
      f = null;
    }
    formatters.set(timezone, f);
  }
  let day: readonly [number, number, number] | null = null;
  if (f) {
    const [y, m, d] = f.format(now).split('-').map(Number);
    day = y && m && d ? [y, m, d] : null;
  }
  lastToday.set(timezone, { quarter, day });
  return day;
}

function iso(y: number, m: number, d: number): string | null {
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return dt.toISOString().slice(0, 10);
}

function daysAgo(t: readonly [number, number, number], n: number): string {
  return new Date(Date.UTC(t[0], t[1] - 1, t[2] - n)).toISOString().slice(0, 10);
}

/** A day of the month alone, as a past day: this month's, or last month's when it is still to come. */
function monthDayPast(t: readonly [number, number, number], day: number): string | null {
  return day <= t[2] ? iso(t[0], t[1], day) : t[1] === 1 ? iso(t[0] - 1, 12, day) : iso(t[0], t[1] - 1, day);
}

/** The weekday `target` (0 = Monday) of last week. */
function lastWeekDay(t: readonly [number, number, number], target: number): string {
  const weekday = (new Date(Date.UTC(t[0], t[1] - 1, t[2])).getUTCDay() + 6) % 7;
  return daysAgo(t, weekday + 7 - target);
}

export interface DateHit {
  start: number;
  end: number;
  resolve: (t: readonly [number, number, number] | null) => string | null;
  /** A date without a year, this year's a few weeks ahead ("12月2号上门取件" told on 11-24): a day to come, not last year's. */
  upcoming?: (t: readonly [number, number, number]) => boolean;
}

/** How far ahead a date without a year may be and still be a day to come (an appointment, a promise). */
const UPCOMING_DAYS = 45;

/** Every day named in a normalised text (relative or calendar), in order, each resolved against today. */
export function dateHits(norm: string): DateHit[] {
  const out: DateHit[] = [];
  DATE_PATTERNS.forEach((re, i) => {
    re.lastIndex = 0;
    for (let m = re.exec(norm); m; m = re.exec(norm)) {
      const start = m.index;
      const end = start + m[0].length;
      const g = m.slice(1);
      let resolve: DateHit['resolve'];
      let upcoming: DateHit['upcoming'];
      if (i === 6 || i === 8) {
        const day = Number(g[0]);
        if (day < 1 || day > 31) continue;
        resolve = (t) => (t ? monthDayPast(t, day) : null);
        upcoming = (t) => day > t[2] && day - t[2] <= UPCOMING_DAYS;
      } else if (i === 7) {
        const target = '一二三四五六日'.indexOf(g[0]!.replace('天', '日'));
        resolve = (t) => (t ? lastWeekDay(t, target) : null);
      } else if (i === 0) {
        const n = RELATIVE[g[0]!]!;
        resolve = (t) => (t ? daysAgo(t, n) : null);
      } else if (i === 1 || i === 2) {
        const n = i === 1 ? parseNumber(g[0]!) : parseEnglishNumber(g[0]!);
        if (n === null || n > 60) continue;
        resolve = (t) => (t ? daysAgo(t, n) : null);
      } else {
        const year = i === 3 ? g[0] : g[2];
        const month = i === 3 ? Number(g[1]) : i === 4 ? MONTHS[g[0]!]! : MONTHS[g[1]!]!;
        const day = i === 3 ? Number(g[2]) : i === 4 ? Number(g[1]) : Number(g[0]);
        if (month < 1 || month > 12 || day < 1 || day > 31) continue;
        // "1.5" or "3-4" could be anything; a separator-only date needs a year or 月/日.
        if (i === 3 && !year && !/[月日号]/.test(m[0])) continue;
        resolve = (t) => {
          if (year) return iso(Number(year), month, day);
          if (!t) return null;
          const thisYear = iso(t[0], month, day);
          const todayIso = iso(t[0], t[1], t[2])!;
          // A receipt date is in the past: "12月30日" said in January is last year.
          return thisYear && thisYear > todayIso ? iso(t[0] - 1, month, day) : thisYear;
        };
        if (!year) {
          upcoming = (t) => {
            const ahead = (Date.UTC(t[0], month - 1, day) - Date.UTC(t[0], t[1] - 1, t[2])) / 86_400_000;
            return ahead > 0 && ahead <= UPCOMING_DAYS;
          };
        }
      }
      out.push({ start, end, resolve, ...(upcoming ? { upcoming } : {}) });
    }
  });
  return out.sort((a, b) => a.start - b.start);
}

const BEFORE_WINDOW = 14;
const AFTER_WINDOW = 18;
const CLAUSE_BREAK = /[。！？!?；;，,]/;
/** How far before a date (or a receipt word) its subject is looked for. */
const SUBJECT_WINDOW = 8;
/** Someone other than the buyer signing — the seller for a returned parcel ("卖家11月24号就签收了"). */
const OTHER_RECEIVER = /(?:卖家|商家|店家|对方|仓库|他们|厂家|退货|退回|寄回|seller|shop|merchant|warehouse|they)(?!.*(?:我|\bi\b))/;

/** The words right before `at` in its clause name someone other than the buyer as the one who signed. */
function otherSigned(norm: string, at: number, between = ''): boolean {
  const before = norm.slice(Math.max(0, at - SUBJECT_WINDOW), at).split(CLAUSE_BREAK).at(-1)!;
  return OTHER_RECEIVER.test(before + between);
}

/**
 * The receipt date, or null. A date counts when a receipt word ("签收", "收到", "到的",
 * "received") sits close to it in the same clause; "没收到" is no receipt, and neither is the
 * seller signing for the returned parcel.
 * Relative and year-less dates need `now`.
 */
export function extractReceivedOn(s: Scan, now: Date | undefined, timezone: string): { value: string; evidence: Evidence } | null {
  const receipts = s.cue.filter((h) => h.value.c === 'receipt');
  if (receipts.length === 0) return null;
  const hits = dateHits(s.norm);
  if (hits.length === 0) return null;
  const t = now ? today(now, timezone) : null;
  for (const d of hits) {
    // Receipts are sorted by start: look only at those that can be within the windows.
    let lo = 0;
    let hi = receipts.length;
    const from = d.start - AFTER_WINDOW - 8;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (receipts[mid]!.start < from) lo = mid + 1;
      else hi = mid;
    }
    let near = false;
    for (let i = lo; i < receipts.length && !near; i++) {
      const r = receipts[i]!;
      if (r.start > d.end + BEFORE_WINDOW) break;
      if (r.start >= d.end) {
        const gap = s.norm.slice(d.end, r.start);
        near = !CLAUSE_BREAK.test(gap) && !otherSigned(s.norm, d.start, gap);
      } else if (r.end <= d.start) {
        const gap = s.norm.slice(r.end, d.start);
        near = gap.length <= AFTER_WINDOW && !CLAUSE_BREAK.test(gap) && !/下单|买|发货|拍/.test(gap) && !otherSigned(s.norm, r.start);
      }
    }
    if (!near) continue;
    const value = d.resolve(t);
    if (value) return { value, evidence: { span: s.text.slice(d.start, d.end), confidence: 0.8 } };
  }
  return null;
}
