/**
 * A deadline the seller gave, as quoted by the buyer ("客服说24小时内处理").
 *
 * Choices, so the deadline logic can rely on them:
 * - "N天内" is N × 24 hours; "N个工作日内" keeps `workingDays: N` and `hours: N × 24`.
 * - "明天" (tomorrow) and "后天" are calendar days (issue 9 item 5): when "now" is known, the
 *   hours left until the end of that day (23:59) in the buyer's timezone — a buyer reads "明天回复"
 *   as "by the end of tomorrow", not "24 hours from now". Without "now", 24 and 48 hours.
 * - "今天" is the hours left until midnight in the buyer's timezone, when "now" is known.
 * - A named day ("by Monday", "by tomorrow", "周五前", "下周一之前", "12月8号前") is a deadline like
 *   "N天内": the hours left until the end of that day (23:59), when "now" is known. A weekday is its
 *   next one after today ("by Monday" said on a Monday is a week later); "下周X" is X of next week;
 *   a date without a year already past this year is next year's.
 * - A date ("11月28号前", "20号之前", "by November 30", "before the 20th") is a deadline at the end of
 *   that day; a day of the month alone is this month's. One already past (and not so far back that
 *   next year's is meant) is a deadline gone: negative hours, the buyer told it late. A Chinese date
 *   without 前 is a deadline only when the act follows and the day is to come ("12月5号给我补发").
 * - What was promised (`act`: ship, refund, reply, pickup) is read from the words of the clause, when
 *   they name it; the reminder at the deadline asks whether that happened.
 * - A named day with a clock time ("周一下午5点前", "12月8号下午3点前", "by Monday 5pm") is that time
 *   on that day, in the buyer's timezone; a clock time with no day is today's, or tomorrow's once
 *   today's has passed.
 * - A named day with a part of it and no clock time ("明天上午", "下周三中午前", "周一下午") ends with
 *   that part (trial 5): 早上/上午 12:00, "中午前" 12:00 but "中午" alone 13:00 (the noon break),
 *   下午 18:00, 傍晚 19:00, 晚上/今晚 23:59. English: morning 12:00, noon 12:00, afternoon 18:00,
 *   evening/tonight 23:59.
 * - A promise that is the listing's or the shop's standing terms, or one said in the past
 *   ("承诺48小时发货的", "说好的48小时发货", "页面写着3天内发货") is no new deadline: it is skipped.
 * - Only the seller's deadline counts: the phrase must sit in the seller's quoted words, or
 *   the seller must be heard in the message ("卖家说", "店家回我", a reply read); a deadline the buyer
 *   sets ("请24小时内回复", "想要他们周五前寄到，不然就退款") does not, even with the seller named in it.
 */
import type { Evidence, Promise_, PromiseAct } from './types.ts';
import { parseEnglishNumber, parseNumber } from './numerals.ts';
import { cueBefore, quoteAt, scan, type Scan } from './scan.ts';
import { today } from './dates.ts';

const ZH_PROMISE =
  /(\d{1,3}(?:\.\d)?|[一二两三四五六七八九十半]{1,3})\s?(?:个)?\s?(小时|钟头|钟|鐘|h|hrs?|hours?|工作日|个工作日|天|日|周|星期|礼拜)(?![a-z])\s?(之内|以内|内)?/g;
/** Of a range ("in 3-5 working days", "within 2 to 3 days"), its later end. */
const EN_PROMISE =
  /\b(within\s|in\s|next\s)?(?:\d{1,3}\s?(?:-|~|to)\s?)?(\d{1,3}|an?|one|two|three|four|five|six|seven|ten|twelve|twenty-four|forty-eight|seventy-two)\s(hours?|hrs?|h|days?|business\sdays?|working\sdays?|weeks?)\b/g;
/**
 * A day, with a part of it ("今天晚上", "明天下午", "明天中午前"): the deadline is the end of that
 * part, or of the day when no part is named.
 */
const ZH_DAYWORD =
  /(明天|明日|明早|听日|后天|今天|今日|今晚|当天)(?:\s?(早上|上午|中午|下午|傍晚|晚上|凌晨|晚些))?\s?(之前|以前|前|之内|以内|内)?/g;
/** The day a clock time is on: a day word, a weekday ("周一", "下周三") or a date ("12月8号"). */
const ZH_CLOCK_DAY =
  '(明天|明日|明早|听日|后天|今天|今日|今晚|当天|(?<![上每])(?:下|这|本)?\\s?(?:周|星期|礼拜)[一二三四五六日天]|\\d{1,2}\\s?月\\s?\\d{1,2}\\s?(?:日|号))';
/** A clock time with "前" ("明天中午12点前", "今晚12点前", "周一下午5点前", "12月8号下午3点前"): the deadline is that time. */
const ZH_CLOCK = new RegExp(
  `${ZH_CLOCK_DAY}?\\s?(早上|上午|中午|下午|傍晚|晚上|凌晨)?\\s?(\\d{1,2}|[一二两三四五六七八九十]{1,3})\\s?(?:点钟|点|时)\\s?(半|\\d{1,2}\\s?分)?\\s?(?:之前|以前|前)`,
  'g',
);
/**
 * "再等15天", "检测要3个工作日", "预计3-5个工作日退回": the seller asks for that long, or says it takes
 * that long, which is the time they gave (of a range, its later end).
 */
const WAIT_BEFORE = /(?:再等|等|需要|要|预计|预估|最多|最晚|最迟)\s?(?:\d{1,3}\s?[-~～至到]\s?)?$/;
const EN_DAYWORD = /\b(tomorrow|today|tonight)\b/g;
const LATIN_LETTER = /[a-z]/;
/** "by Monday", "by tomorrow", "by the end of the day": "by" makes the day a deadline, whatever verb came before. */
const EN_BY_DAY =
  /\bby\s(?:this\s|next\s|the\s)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun|tomorrow|tonight|today|end\sof\s(?:the\s)?day|eod)\b(?:\s(?:at\s)?(?:(\d{1,2})(?::(\d{2}))?\s?(am|pm)\b|(morning|noon|midday|afternoon|evening|night)\b))?/g;
/** "by 5pm", "by 5:30 pm on Monday", "by 3pm tomorrow": a clock time first, then the day. */
const EN_BY_CLOCK =
  /\bby\s(\d{1,2})(?::(\d{2}))?\s?(am|pm)\b(?:\s(?:on\s)?(?:this\s|next\s)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun|tomorrow|today|tonight)\b)?/g;
/**
 * "周五前", "下周一之前", "礼拜三以前", "周一下午前", "下周三中午前": a weekday as a deadline; without
 * 前 ("周一下午给您寄出") the act must follow. "上周一" is a past day, no deadline.
 */
const ZH_BY_WEEKDAY =
  /(?<![上每])(下)?\s?(?:这|本)?\s?(?:周|星期|礼拜)([一二三四五六日天])\s?(早上|上午|中午|下午|傍晚|晚上|凌晨)?\s?(之前|以前|前)?/g;
/**
 * "12月8号前", "12月8日下午前", "10号之前": a date as a deadline. Without 前 ("12月5号给我补发") the
 * act must follow or a rebooking go before it ("改约到12月8号"), and the date must be to come ("11月8号发货"
 * said later is an event). A day of the month alone needs 号 ("3日前" is three days ago).
 */
const ZH_BY_DATE = /(?:(\d{1,2})\s?月\s?(\d{1,2})\s?(?:日|号)|(?<![\d月])(\d{1,2})\s?号)\s?(早上|上午|中午|下午|傍晚|晚上|凌晨)?\s?(之前|以前|前)?/g;
/** "再约到", "改到", "推迟到", "约在": the seller set (or moved) the day of an act; the day is its deadline. */
const REBOOK_BEFORE = /(?:约|改|推|延|挪|换|定|安排)(?:约|期|迟|后)?\s?(?:到|在|成)\s?$/;
/**
 * A day moved ("改到26号下午", "师傅改约到周五上午", "推迟到明天"): only the side doing the act moves its day, so the
 * new day is theirs even when the buyer names no one (the courier or installer spoke on the phone).
 */
const REBOOKED = /(?:改|推|延|挪)(?:约|期|迟|后)?\s?(?:到|在|成)|重新约/;
/**
 * A visit named first and its time last ("安排快递上门取件 明天上午", "师傅上门安装，时间是周六下午"): the time
 * ending its clause is the visit's. `VISIT_TIME_END` is what may follow it.
 */
const VISIT_BEFORE = /(?:上门|取件|取货|揽收|安装|维修)\s?[，,]?\s?(?:的)?(?:时间)?(?:是|在|定在|约在)?\s?$/;
const VISIT_TIME_END = /^\s?(?:左右|的样子|吧|哦|啊)?\s?(?:$|[，,。.！!？?；;])/;
const EN_MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sept|sep|oct|nov|dec)[a-z]{0,6}\\.?';
/** "by November 30", "before Dec 12th", "no later than 8 December", "by the 20th": an English date as a deadline. */
const EN_BY_DATE = new RegExp(
  `\\b(?:by|before|no\\slater\\sthan)\\s(?:the\\s)?(?:${EN_MONTH}\\s(\\d{1,2})(?:st|nd|rd|th)?|(\\d{1,2})(?:st|nd|rd|th)?\\s(?:of\\s)?${EN_MONTH}|(\\d{1,2})(?:st|nd|rd|th))\\b`,
  'g',
);
const EN_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/**
 * An event the time runs from, just before it ("检测完", "收到退货后", "签收以后", "after we receive it"):
 * the clock starts when that happens, not when the buyer tells it.
 */
const ZH_EVENT_BEFORE =
  /(?:检测|检验|鉴定|验货|质检|维修|修好|收到|签收|寄到|到货|退回|寄回|入库|审核|确认)[\u4e00-\u9fff]{0,4}?(?:完成?|好|结束|通过)?\s?(?:了)?\s?(?:以后|之后|后)\s?(?:的)?\s?$|(?:检测|检验|鉴定|验货|质检|维修)\s?(?:完成?|好|结束)\s?(?:了)?\s?$|(?:检测|检验|鉴定|验货|质检|维修|审核)\s?(?:的话)?\s?(?:一般|大概|大约|通常)?\s?(?:需要|要|得)?\s?$/;
const INSPECTION = /检测|检验|鉴定|质检|验货/;
const INSPECTION_RESULT = /^[^，,。.！!？?；;]{0,6}?(?:结果|结论|报告)/;
/** "收到退货5天内退款": the receipt right before the time, without 后 — an event only when the act follows. */
const ZH_EVENT_BARE = /(?:收到|签收|寄到|到货|退回|寄回|入库)[\u4e00-\u9fff]{0,4}?\s?$/;
const EN_EVENT_AROUND =
  /\bafter\s(?:the\s)?(?:inspection|inspecting|testing|repair|(?:we|they|the\sseller)\s(?:receive|get|inspect|check|test)|receiving|receipt|it\sarrives|it\sis\sreceived|delivery)\b/;
/**
 * "after they get the parcel, 4 days", "once the parcel gets back to them, refund within 5 days":
 * the event leads the sentence and the time ends it (the words between name no other happening).
 * What the buyer did ("when I got it, …") is past, no event to come.
 */
const EN_EVENT_LEAD =
  /\b(?:after|once|when|as\ssoon\sas)\s(?!i\s|i'|my\s)[a-z'\s]{0,30}?\b(?:receive[sd]?|receiving|gets?|got|arrives?|arrived|inspect(?:s|ed|ing)?|checks?|checked|tests?|tested|repair(?:s|ed)?|comes?\sback)\b[a-z'\s]{0,24}(?:,\s?[a-z'\s]{0,16})?\s?$/;
/** The start of a range just before the time found ("1-", "2到"). */
const RANGE_START = /\d{1,3}\s?[-~～至到]\s?$/;
const SENTENCE_BREAK = /[。.！!？?；;\n]/;
/** The clause a phrase sits in, without the reporting words before it ("客服说…"). */
const CLAUSE_BREAK = /[，,。.！!？?；;\n]/;
const REPORTING = /^\s?(?:客服|卖家|商家|店家|对方|他们?|她们?|the seller|they)?\s?(?:又|还|就)?\s?(?:说|讲|表示|回复|答复|回|said|says|told me)\s?(?:了)?\s?[:：]?\s?/i;

/**
 * A clause ends at punctuation (not a decimal point: "退46.8"), or at a space between Chinese words: voice
 * input and hurried typing part clauses with spaces ("客服来过电话了 说派人上门取 验完5个工作日退钱"). English
 * words keep theirs.
 */
function breakAt(text: string, i: number): boolean {
  const ch = text[i]!;
  if (CLAUSE_BREAK.test(ch)) return !(ch === '.' && /\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? ''));
  return /\s/.test(ch) && HAN.test(text[i - 1] ?? '') && HAN.test(text[i + 1] ?? '');
}
const HAN = /[\u4e00-\u9fff]/;

function clauseAt(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && !breakAt(text, from - 1)) from -= 1;
  return text.slice(from, clauseEnd(text, end)).replace(REPORTING, '').replace(/[“”"「」]/g, '').trim();
}

/** The seller's words when the time runs from an event still to come; null when it runs from now. */
function eventClause(s: Scan, f: Found, deliverable: boolean): string | null {
  // "收到后1-3个工作日": the time found is the range's later end; the event stands before the range.
  const before = s.norm.slice(Math.max(0, f.start - 12), f.start).split(CLAUSE_BREAK).at(-1)!.replace(RANGE_START, '');
  const after = s.norm.slice(f.end, f.end + 40).split(CLAUSE_BREAK)[0]!;
  // "寄回检测，检测没问题才换，说3天内给结果": a result of the inspection named earlier runs from it too.
  const inspected = INSPECTION_RESULT.test(after) && INSPECTION.test(s.norm.slice(Math.max(0, f.start - 40), f.start).split(SENTENCE_BREAK).at(-1)!);
  if (inspected || ZH_EVENT_BEFORE.test(before) || (deliverable && ZH_EVENT_BARE.test(before)) || EN_EVENT_AROUND.test(before) || EN_EVENT_AROUND.test(after)) {
    return clauseAt(s.text, f.start, f.end) || null;
  }
  // The event in the clause before ("after they get the parcel, 4 days"): the words from the sentence's start.
  const sentence = s.norm.slice(Math.max(0, f.start - 60), f.start).split(SENTENCE_BREAK).at(-1)!;
  const lead = EN_EVENT_LEAD.exec(sentence);
  if (!lead) return null;
  const from = f.start - sentence.length + lead.index;
  return s.text.slice(from, clauseEnd(s.text, f.end)).trim() || null;
}

function clauseEnd(text: string, end: number): number {
  let to = end;
  while (to < text.length && !breakAt(text, to)) to += 1;
  return to;
}

/**
 * What the promise is for, from its clause: the words after the time (Chinese puts the act there,
 * "12月8号前把新的寄给我"), else anywhere in the clause (English puts it first, "ship it by Dec 8").
 * Pickup before ship ("上门取件" sends no goods), refund before ship ("退运费" is no shipment).
 */
const ACTS: readonly (readonly [PromiseAct, RegExp])[] = [
  ['pickup', /上门|取件|取货|揽收|\bpick(?:ed|s)?\s?(?:it\s)?up\b|\bcollect/],
  ['refund', /退款|退钱|到账|退给|退回给|^\s?(?:之内|以内|内|之前|以前|前)?\s?(?:会|就|能|给|帮)?\s?(?:我|你|您)?\s?退(?!货|回来)|\brefund|\bmoney\sback|\breimburse/],
  ['ship', /补发|重发|发货|发出|寄出|发新|寄新|换新|发过来|寄过来|发给|寄给|^\s?(?:之内|以内|内|之前|以前|前)?\s?(?:会|就|能|给|帮)?\s?(?:我|你|您)?\s?(?:发|寄)|\b(?:ship|send|sent|dispatch|post|mail)\b|\breplacement/],
  ['reply', /回复|答复|回电|回话|联系|反馈|出结果|给(?:我|你|您)?(?:个)?(?:答复|说法|结果|消息)|^\s?(?:之内|以内|内|之前|以前|前)?\s?(?:给|会)?\s?(?:我|你|您)?\s?回(?!来|去)|\b(?:reply|respond|answer|get\sback|call\s(?:me\s)?back|contact|let\sme\sknow)\b/],
];

function promiseAct(norm: string, f: Found): PromiseAct | undefined {
  let from = f.start;
  while (from > 0 && !breakAt(norm, from - 1)) from -= 1;
  const after = norm.slice(f.end, clauseEnd(norm, f.end));
  const clause = norm.slice(from, f.start) + after;
  const act = (ACTS.find(([, re]) => re.test(after)) ?? ACTS.find(([, re]) => re.test(clause)))?.[0];
  return act === 'pickup' && SERVICE_VISIT.test(clause) && !COLLECTS.test(clause) ? 'visit' : act;
}

/**
 * A visit to do a job at the buyer's home ("师傅明天下午上门", "周六上门安装", "the technician will come
 * Friday"): no return collected, so no pickup. A courier's ("快递师傅明天上门取件") stays one.
 */
const SERVICE_VISIT = /师傅|师父|安装|装机|来装|维修|上门修|检修|测量|调试|送装|技术员|工程师|(?:technician|installer|engineer|fitter|plumber|electrician|repair(?:man|er)?|install(?:ation)?)/;
const COLLECTS = /取件|取货|取走|收件|揽收|拿走|快递|退货|寄回|pick(?:ed|s)?\s?(?:it\s)?up|collect|courier|return/;

/** A promise of the listing or the shop's terms, or one said in the past: no new deadline. */
const STANDING_BEFORE = /(?:说好的|约定的|承诺的|页面|详情页|商品页|链接|宝贝页|描述|标题|标明|写着|写的|写了|标着|宣传|规定|明明)\s?(?:是|了|的|写着|说)?\s?$/;
const STANDING_AFTER = /^[\u4e00-\u9fff]{0,6}的(?:啊|呀|吗|呢|吧)?(?:$|[，,。.！!？?；;\s])/;
const EN_WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const ZH_WEEKDAYS = '一二三四五六日';
/** What a deadline is for; a bare duration ("等了两天") is no promise. */
const DELIVERABLE =
  /^\s?(?:之内|以内|内|to|for)?\s?(?:给|会|就|能|可以|帮|再|将|一定|保证|必须|统一|尽快)?\s?(?:在[\u4e00-\u9fffa-z]{1,6}(?:上|里))?\s?(?:给|帮)?\s?(?:你|我|您)?\s?(?:安排)?\s?(?:快递员?|师傅|物流)?\s?(?:处理|回复|答复|发货|发出|退款|到账|解决|联系|出结果|结果|审核|安排|补发|寄出|派|上门|退|回电|反馈|核实|回|发|reply|respond|refund|ship|resolve|get back|process|send|deliver)/;

/** Hours from `now` to 23:59 of the day `days` after today, in `timezone`. */
function hoursToEndOfDay(now: Date, timezone: string, days: number): number | null {
  return hoursToMinute(now, timezone, days, 23 * 60 + 59);
}

/** Hours from `now` to the minute `minute` (0–1440) of the day `days` after today, in `timezone`. */
function hoursToMinute(now: Date, timezone: string, days: number, minute: number): number | null {
  const local = localClock(now, timezone);
  if (!local) return null;
  return (days * 24 * 60 + minute - (local.h * 60 + local.m)) / 60;
}

/**
 * The minute a part of the day ends, as a deadline: 早上/上午 by noon, "中午前" by 12:00 and
 * "中午" by 13:00, 下午 by 18:00, 傍晚 by 19:00, 晚上 by 23:59. Null: no part (the whole day).
 */
function partEnd(part: string | undefined, before: boolean): number | null {
  switch (part) {
    case '凌晨': return 6 * 60;
    case '早上': case '上午': case 'morning': return 12 * 60;
    case '中午': return before ? 12 * 60 : 13 * 60;
    case 'noon': case 'midday': return 12 * 60;
    case '下午': case 'afternoon': return 18 * 60;
    case '傍晚': return 19 * 60;
    case '晚上': case 'evening': case 'night': return 23 * 60 + 59;
    default: return null;
  }
}

/**
 * Days from today to a date without a year ("12月8号"); a date already past is next year's, unless it
 * is recent: then null (a past day), or with `past` its (negative) days — a deadline already gone.
 */
function daysToDate(now: Date, timezone: string, month: number, day: number, past = false): number | null {
  const t = today(now, timezone);
  if (!t || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const at = (y: number): number | null => {
    const d = new Date(Date.UTC(y, month - 1, day));
    return d.getUTCMonth() === month - 1 ? d.getTime() : null;
  };
  const base = Date.UTC(t[0], t[1] - 1, t[2]);
  const thisYear = at(t[0]);
  if (thisYear === null) return null;
  const days = Math.round((thisYear - base) / 86_400_000);
  if (days >= 0) return days;
  if (days > -180) return past ? days : null;
  const next = at(t[0] + 1);
  return next === null ? null : Math.round((next - base) / 86_400_000);
}

/**
 * Days from today to a day of the month alone ("20号前", "before the 20th"): this month's. One already
 * past is not moved to next month (a seller rarely names a day a month ahead by its number alone):
 * with `past` it is a deadline already gone, else null.
 */
function daysToMonthDay(now: Date, timezone: string, day: number, past: boolean): number | null {
  const t = today(now, timezone);
  return t ? daysToDate(now, timezone, t[1], day, past) : null;
}

/** Hours to the end of the day `days` from today (or of its part ending at `minute`). */
function hoursToDayEnd(now: Date, timezone: string, days: number, minute: number | null): number | null {
  if (minute !== null) return hoursToMinute(now, timezone, days, minute);
  return days === 0 ? hoursToMidnight(now, timezone) : hoursToEndOfDay(now, timezone, days);
}

/** Days from today to the day a Chinese day word, weekday or date names; null when it cannot be placed. */
function zhDayOffset(word: string, now: Date, timezone: string): number | null {
  if (/^(?:今天|今日|今晚|当天)$/.test(word)) return 0;
  if (/^(?:明天|明日|明早|听日)$/.test(word)) return 1;
  if (word === '后天') return 2;
  const wd = /^(下)?\s?(?:这|本)?\s?(?:周|星期|礼拜)([一二三四五六日天])$/.exec(word);
  if (wd) {
    const today_ = localWeekday(now, timezone);
    const target = ZH_WEEKDAYS.indexOf(wd[2]!.replace('天', '日'));
    return today_ === null || target < 0 ? null : daysToWeekday(today_, target, wd[1] !== undefined);
  }
  const date = /^(\d{1,2})\s?月\s?(\d{1,2})/.exec(word);
  return date ? daysToDate(now, timezone, Number(date[1]), Number(date[2])) : null;
}

// Building an Intl.DateTimeFormat costs far more than using one: one per zone and kind, and the
// last answer is kept (a message with many day phrases asks for the same "now" each time).
const clockFormats = new Map<string, Intl.DateTimeFormat>();
const weekdayFormats = new Map<string, Intl.DateTimeFormat>();
let lastClock: { at: number; timezone: string; value: { h: number; m: number } | null } | null = null;
let lastWeekday: { at: number; timezone: string; value: number | null } | null = null;

function format(cache: Map<string, Intl.DateTimeFormat>, timezone: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let f = cache.get(timezone);
  if (!f) {
    f = make();
    cache.set(timezone, f);
  }
  return f;
}

function localClock(now: Date, timezone: string): { h: number; m: number } | null {
  if (lastClock && lastClock.at === now.getTime() && lastClock.timezone === timezone) return lastClock.value;
  const value = localClockOf(now, timezone);
  lastClock = { at: now.getTime(), timezone, value };
  return value;
}

function localClockOf(now: Date, timezone: string): { h: number; m: number } | null {
  try {
    const parts = format(clockFormats, timezone, () =>
      new Intl.DateTimeFormat('en-GB', { timeZone: timezone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }))
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
  if (lastWeekday && lastWeekday.at === now.getTime() && lastWeekday.timezone === timezone) return lastWeekday.value;
  let value: number | null;
  try {
    const name = format(weekdayFormats, timezone, () => new Intl.DateTimeFormat('en-US', { timeZone: timezone, weekday: 'short' }))
      .format(now).toLowerCase();
    const i = EN_WEEKDAYS.indexOf(name.slice(0, 3));
    value = i >= 0 ? i : null;
  } catch {
    value = null;
  }
  lastWeekday = { at: now.getTime(), timezone, value };
  return value;
}

/**
 * Days from today to a named weekday (0 = Monday): its next one after today, or with
 * `nextWeek` the one in the coming week.
 */
function daysToWeekday(today: number, target: number, nextWeek: boolean): number {
  if (nextWeek) return 7 - today + target;
  return (target - today + 7) % 7 || 7;
}

/** Days from today to a named English day ("monday", "tomorrow", "today"), or null. */
function enDayOffset(word: string, now: Date, timezone: string, nextWeek: boolean): number | null {
  if (/^(?:today|tonight|end|eod)/.test(word)) return 0;
  if (word === 'tomorrow') return 1;
  const today_ = localWeekday(now, timezone);
  const target = EN_WEEKDAYS.indexOf(word.slice(0, 3));
  if (today_ === null || target < 0) return null;
  return daysToWeekday(today_, target, nextWeek);
}

/**
 * Hours to the end of a named day ("monday", "tomorrow", "today"), or to the end of the part of
 * it named (`minute`), or null without "now".
 */
function hoursToNamedDay(word: string, now: Date | undefined, timezone: string, nextWeek = false, minute: number | null = null): number | null {
  if (!now) return null;
  const days = enDayOffset(word, now, timezone, nextWeek);
  if (days === null) return null;
  if (minute !== null) return hoursToMinute(now, timezone, days, minute);
  if (days === 0) return hoursToMidnight(now, timezone);
  return hoursToEndOfDay(now, timezone, days);
}

/** "5", "30", "pm" → the minute of the day; null when out of range. */
function enClock(hour: string, min: string | undefined, ampm: string): number | null {
  let h = Number(hour);
  const m = min ? Number(min) : 0;
  if (h < 1 || h > 12 || m >= 60) return null;
  if (ampm === 'pm' && h < 12) h += 12;
  else if (ampm === 'am' && h === 12) h = 0;
  return h * 60 + m;
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
  const day = (m[1] ?? '').replace(/\s/g, '');
  const period = m[2] ?? (day === '今晚' ? '晚上' : '');
  let h = hour;
  if (/下午|傍晚|晚上/.test(period) && h < 12) h += 12;
  else if (period === '晚上' && h === 12) h = 24; // "今晚12点" is midnight at the end of today
  else if (period === '中午' && h < 3) h += 12;
  else if (period === '凌晨' && h === 12) h = 0;
  const min = m[4] === '半' ? 30 : m[4] ? parseInt(m[4], 10) : 0;
  if (min >= 60) return null;
  const days = day ? zhDayOffset(day, now, timezone) : 0;
  if (days === null) return null;
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

/** Inside one of the clock times found (a module function: under tsx a closure made per call also gets its name set). */
function inClock(clocks: readonly Found[], at: number): boolean {
  return clocks.some((c) => at >= c.start && at < c.end);
}

function candidates(s: Scan, now: Date | undefined, timezone: string): Found[] {
  const out: Found[] = [];
  const norm = s.norm;
  // The English patterns all spell Latin words, and a clock time needs 点 or 时 and then 前: most
  // messages are not tried against them.
  const letters = LATIN_LETTER.test(norm);
  for (const re of [ZH_PROMISE, EN_PROMISE]) {
    if (re === EN_PROMISE && !letters) continue;
    re.lastIndex = 0;
    for (let m = re.exec(norm); m; m = re.exec(norm)) {
      const zhForm = re === ZH_PROMISE;
      const n = zhForm ? parseNumber(m[1]!) : parseEnglishNumber(m[2]!);
      const unit = unitHours((zhForm ? m[2]! : m[3]!).replace(/\s/g, ' '));
      if (n === null || !unit || n <= 0) continue;
      const hours = n * unit.hours;
      if (hours > 24 * 30) continue;
      // "再等15天" gives the wait as the deadline, as "15天内" does.
      const withinForm = zhForm ? m[3] !== undefined || WAIT_BEFORE.test(norm.slice(Math.max(0, m.index - 8), m.index)) : m[1] !== undefined;
      // "20日到的" is a date, not a deadline: a bare 日 needs 内.
      if (zhForm && m[2] === '日' && !withinForm) continue;
      const promise: Promise_ = unit.working ? { hours, workingDays: n } : { hours };
      out.push({ start: m.index, end: m.index + m[0].length, promise, withinForm });
    }
  }
  const clocks: Found[] = [];
  ZH_CLOCK.lastIndex = 0;
  const clock = norm.includes('前') && (norm.includes('点') || norm.includes('时'));
  for (let m = clock ? ZH_CLOCK.exec(norm) : null; m; m = ZH_CLOCK.exec(norm)) {
    const hours = hoursToClock(m, now, timezone);
    if (hours !== null) clocks.push({ start: m.index, end: m.index + m[0].length, promise: { hours }, withinForm: true });
  }
  out.push(...clocks);
  for (const re of [ZH_DAYWORD, EN_DAYWORD]) {
    if (re === EN_DAYWORD && !letters) continue;
    re.lastIndex = 0;
    for (let m = re.exec(norm); m; m = re.exec(norm)) {
      // A day word that starts a clock time is that time's day, not "by the end of the day".
      if (inClock(clocks, m.index)) continue;
      const w = m[1]!;
      let hours: number | null;
      const days = /明|听日|tomorrow/.test(w) ? 1 : w === '后天' ? 2 : 0;
      const before = m[3] !== undefined && /前/.test(m[3]);
      // "明早" is tomorrow morning; "今晚" is tonight (the end of today, as before).
      const part = partEnd(m[2] ?? (w === '明早' ? '早上' : undefined), before);
      // 晚上 ends with the day: the end of the day, as with no part.
      if (part !== null && part < 23 * 60 && now) hours = hoursToMinute(now, timezone, days, part);
      else if (days > 0) hours = (now ? hoursToEndOfDay(now, timezone, days) : null) ?? days * 24;
      else hours = now ? hoursToMidnight(now, timezone) : null;
      if (hours === null || hours <= 0) continue;
      out.push({ start: m.index, end: m.index + m[0].length, promise: { hours }, withinForm: before });
    }
  }
  for (const re of [EN_BY_DAY, ZH_BY_WEEKDAY]) {
    if (re === EN_BY_DAY && !letters) continue;
    re.lastIndex = 0;
    for (let m = re.exec(norm); m; m = re.exec(norm)) {
      if (inClock(clocks, m.index)) continue;
      const zhForm = re === ZH_BY_WEEKDAY;
      const word = zhForm ? EN_WEEKDAYS[Math.min(6, ZH_WEEKDAYS.indexOf(m[2]!.replace('天', '日')))]! : m[1]!;
      const minute = zhForm
        ? partEnd(m[3], m[4] !== undefined)
        : m[2] ? enClock(m[2], m[3], m[4]!) : partEnd(m[5], true);
      if (!zhForm && m[2] && minute === null) continue;
      const hours = hoursToNamedDay(word, now, timezone, zhForm ? m[1] !== undefined : false, minute);
      if (hours === null || hours <= 0) continue;
      // Without 前, a weekday is a deadline only when the act follows ("周一下午给您寄出").
      out.push({ start: m.index, end: m.index + m[0].length, promise: { hours }, withinForm: !zhForm || m[4] !== undefined });
    }
  }
  EN_BY_CLOCK.lastIndex = 0;
  for (let m = EN_BY_CLOCK.exec(norm); m && now; m = EN_BY_CLOCK.exec(norm)) {
    const minute = enClock(m[1]!, m[2], m[3]!);
    if (minute === null) continue;
    let hours: number | null;
    if (m[4]) hours = hoursToNamedDay(m[4], now, timezone, false, minute);
    else {
      // No day: today's, or tomorrow's once today's has passed.
      hours = hoursToMinute(now, timezone, 0, minute);
      if (hours !== null && hours <= 0) hours += 24;
    }
    if (hours === null || hours <= 0) continue;
    out.push({ start: m.index, end: m.index + m[0].length, promise: { hours }, withinForm: true });
  }
  ZH_BY_DATE.lastIndex = 0;
  for (let m = ZH_BY_DATE.exec(norm); m && now; m = ZH_BY_DATE.exec(norm)) {
    if (inClock(clocks, m.index)) continue;
    // With 前 a date already past this year is a deadline gone (told late); without, it is an event ("11月8号发货").
    const by = m[5] !== undefined;
    // Without 前 only a date the act follows can count (extractPromise): the others are not placed at all.
    const acted = DELIVERABLE.test(norm.slice(m.index + m[0].length, m.index + m[0].length + 12)) || REBOOK_BEFORE.test(norm.slice(Math.max(0, m.index - 6), m.index));
    if (!by && !acted) continue;
    const days = m[3] ? daysToMonthDay(now, timezone, Number(m[3]), by) : daysToDate(now, timezone, Number(m[1]), Number(m[2]), by);
    const hours = days === null ? null : hoursToDayEnd(now, timezone, days, partEnd(m[4], true));
    if (hours === null || (hours <= 0 && !by)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, promise: { hours }, withinForm: m[5] !== undefined });
  }
  EN_BY_DATE.lastIndex = 0;
  for (let m = letters ? EN_BY_DATE.exec(norm) : null; m && now; m = EN_BY_DATE.exec(norm)) {
    const month = m[1] ?? m[4];
    const days = month
      ? daysToDate(now, timezone, EN_MONTHS.indexOf(month.slice(0, 3)) + 1, Number(m[2] ?? m[3]), true)
      : daysToMonthDay(now, timezone, Number(m[5]), true);
    const hours = days === null ? null : hoursToDayEnd(now, timezone, days, null);
    if (hours === null) continue;
    out.push({ start: m.index, end: m.index + m[0].length, promise: { hours }, withinForm: true });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * The phrase is the listing's or the shop's standing terms, or a promise told as past:
 * "说好的48小时发货", "页面写着3天内发货", "承诺48小时发货的" (the clause ends with 的).
 */
function standing(norm: string, f: Found): boolean {
  const before = norm.slice(Math.max(0, f.start - 6), f.start).split(/[，,。.！!？?；;]/).at(-1)!;
  if (STANDING_BEFORE.test(before)) return true;
  // "承诺48小时发货的" / "答应3天内发的": a promise recalled, not one just made.
  return /(?:承诺|保证|答应|说好)\s?(?:了|过)?\s?(?:在)?\s?$/.test(before) && STANDING_AFTER.test(norm.slice(f.end));
}

/** The seller heard, not only named: "卖家刚刚说", "店家回我", "店主話", "the shop will". */
const SELLER_SAYS = /(?:客服|商家|卖家|店家|老板|店铺|他们|对方|店主|厂家|供应商|供货商|他|她)[^，,。.！!？?；;]{0,4}?(?:说|讲|话|回|答|表示|告诉|承诺|保证|答应|确认|通知|会|将)|\b(?:seller|shop|store|merchant|they|support|customer\sservice)(?:'ll|\s(?:will|would|can|agreed|confirmed|replied|wrote|answered|messaged|promised|told|said|says))\b/;

/**
 * Words reported with their speaker left out ("说3个工作日到账", "打过电话了 说…"): 说 opening a clause
 * is someone else's words (the buyer's own carry 我: "我说…", "跟他说…"). So is an agent named with them
 * ("专员说", "售后来电话说").
 */
const REPORTED_SPEECH = /(?:^|[\s，,。；;！!？?：:])(?:又|还|就|都|也)?说(?:了)?\s?[:：]?(?!好|过|不定|实话)|(?:专员|售后|客服)[^，,。！!？?；;]{0,8}?(?:说|打(?:了|过)?(?:个)?电话|来电)/;

/**
 * The time is put as a question ("这周六上门可以吗？", "明天下午给您送过去行不行"): a proposal the buyer may
 * turn down, no promise. The question must close the time's own clause.
 */
const ASKED = /(?:吗|么|嘛|行不行|可不可以|好不好|方便不|[?？])\s?[”"」』]?\s?$/;
function asked(norm: string, f: Found): boolean {
  let to = f.end;
  while (to < norm.length && !breakAt(norm, to) || /[?？]/.test(norm[to] ?? '')) {
    to += 1;
    if (/[?？]/.test(norm[to - 1]!)) break;
  }
  return ASKED.test(norm.slice(f.end, to)) || ASKED_NEXT.test(norm.slice(to, to + 10));
}
/** …or the clause right after it asks alone ("下周二上门，可以吗"). */
const ASKED_NEXT = /^[，,\s]\s?(?:这样|那)?\s?(?:可以|行|好|方便|ok|合适)(?:吗|么|嘛|不|不行|不好)/;

/** The buyer's wish before the time in its sentence ("我想要他们", "希望", "I want them to"). */
const WISH_BEFORE = /(?:想要|想让|想|希望|要求|我要|我就要|必须让|得让)|\bi\s(?:want|need|expect|would\slike|'d\slike)\b/;
/** …or the buyer's fallback after it ("不然就退款", "否则我退货", "otherwise I'll return it"). */
const FALLBACK_AFTER = /^[^。.！!？?；;\n]{0,24}?(?:不然|否则|要不然|要不|不行就|不行的话|再不|otherwise|or\selse)/;

/**
 * The time sits in the buyer's own wish: "我想要他们12月3号前寄到，不然就退款" names the seller but is
 * the buyer's need-by day (a wish with its fallback), no promise of theirs.
 */
function ownWish(norm: string, f: Found): boolean {
  const sentence = norm.slice(Math.max(0, f.start - 40), f.start).split(SENTENCE_BREAK).at(-1)!;
  return WISH_BEFORE.test(sentence) || FALLBACK_AFTER.test(norm.slice(f.end, f.end + 40));
}


/**
 * A courier pickup told in English with its day after it ("courier pickup is tomorrow", "they'll pick it up
 * tomorrow"): the day is the pickup's, and a pickup is booked by the seller (or the platform for them)
 * whoever tells it. Not one that happened ("picked it up today").
 */
const EN_PICKUP_BEFORE = /\b(?:pick(?!ed)(?:-|\s)?(?:it\s|them\s)?up|collection)\s(?:is\s|will be\s|booked\s|scheduled\s|arranged\s|set\s)*(?:for\s|on\s)?$/;

/**
 * The seller's deadline, or null. `speaker`: someone is known to be speaking (the caller saw the platform named).
 * `only`: the first deadline of that act (a pickup told beside a refund's time).
 */
export function extractPromise(
  s: Scan, now: Date | undefined, timezone: string, speaker = false, only?: PromiseAct,
): { value: Promise_; evidence: Evidence } | null {
  // A seller's answer read in the words ("不支持退款") tells who is speaking, as a name would.
  const sellerNamed = speaker || s.has.has('seller') || s.has.has('quote') || s.seller.length > 0 || REPORTED_SPEECH.test(s.norm);
  const letters = LATIN_LETTER.test(s.norm);
  const sellerHeard = speaker || s.has.has('quote') || s.has.has('instruct') || s.seller.length > 0 || SELLER_SAYS.test(s.norm);
  // Every deadline is the seller's only when quoted or said by someone: with neither, none is (and nothing is read).
  const rebooked = REBOOKED.test(s.norm);
  if (!sellerNamed && !rebooked && s.quotes.length === 0 && !(letters && /pick|collection/.test(s.norm))) return null;
  for (const f of candidates(s, now, timezone)) {
    const after = s.norm.slice(f.end, f.end + 12);
    if (/^\s?了/.test(after)) continue; // "等了两天了", "3天了": a duration, not a deadline
    const before = s.norm.slice(Math.max(0, f.start - 12), f.start);
    const pickup = letters && EN_PICKUP_BEFORE.test(s.norm.slice(Math.max(0, f.start - 30), f.start));
    if (only && (pickup ? 'pickup' : promiseAct(s.norm, f)) !== only) continue;
    if (pickup) return { value: { ...f.promise, act: 'pickup' }, evidence: { span: s.text.slice(f.start, f.end), confidence: 0.6 } };
    const moved = rebooked && REBOOK_BEFORE.test(before.slice(-6));
    if (!sellerNamed && !moved && s.quotes.length === 0) continue;
    const deliverable = DELIVERABLE.test(after) || REBOOK_BEFORE.test(before.slice(-6)) || (VISIT_BEFORE.test(before) && VISIT_TIME_END.test(after));
    // A time counted from an event to come ("检测3个工作日", "after they receive it, 3 days") is the seller's wait, however worded.
    const after_ = eventClause(s, f, deliverable);
    if (!f.withinForm && !deliverable && !after_) continue;
    if (cueBefore(s, f.start, ['demand'], 3)) continue;
    if (standing(s.norm, f) || asked(s.norm, f)) continue;
    const quoted = quoteAt(s, f.start) !== null;
    if (!quoted && !sellerNamed && !moved) continue;
    if (!quoted && !sellerHeard && ownWish(s.norm, f)) continue;
    const act = promiseAct(s.norm, f);
    const value: Promise_ = act ? { ...f.promise, act } : { ...f.promise };
    if (after_) value.after = after_;
    return {
      value,
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

/** The time of a courier pickup the message tells beside another promise ("…refund after they receive it back. Pickup is tomorrow"), or null. */
export function pickupPromise(text: string, now: Date, timezone: string): Promise_ | null {
  return extractPromise(scan(text), now, timezone, false, 'pickup')?.value ?? null;
}
