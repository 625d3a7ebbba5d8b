/**
 * A pasted chat log with the seller: many lines, each said by the buyer or by the shop.
 * What counts is the seller's latest promise, refusal or offer, and the buyer's own lines
 * about the problem. Shop promotions, auto-replies, pre-sale lines ("今天下单今天发") and
 * review invitations are the shop's boilerplate: they are left out.
 *
 * @example
 * readChatLog('我：杯子到手就裂了\n客服：亲亲，24小时内给您处理')
 * // → { extraction: { problem: 'damaged', promise: { hours: 24 }, … }, problemText: '杯子到手就裂了', … }
 */
import type { Extraction, ExtractOptions, Promise_, SellerReply } from './types.ts';
import { couponOffer } from './seller-reply.ts';
import { SELLER_SPEAKER, BUYER_SPEAKER, BUYER_PRESALE, LOG_NOISE, SELLER_COURIER } from './lexicon/chat-log.ts';

/** One answer of the shop in the log, in the order said. */
export interface LogAnswer {
  /** What the line amounts to; null for a promise with no other reading. */
  reply: SellerReply | null;
  promise: Promise_ | null;
  /** The line verbatim (the seller's own words). */
  quote: string;
  /** When the log says it was written, local time: "YYYY-MM-DDTHH:mm", or "YYYY-MM-DD"; null when the log gives no date. */
  at: string | null;
  /** The shop put the blame on the courier ("找快递去", "运输问题我们不负责"). */
  blamesCourier: boolean;
}

export interface ChatLog {
  /** The case facts read from the log: numbers from all of it, problem and wish from the buyer's lines, the seller's latest answer. */
  extraction: Extraction;
  /** The buyer's own lines that describe the problem, joined; null when none does. */
  problemText: string | null;
  /** The seller line that gave the latest answer, verbatim (it is the seller's own words). */
  sellerLine: string | null;
  /** Every answer of the shop (refusals, promises, offers…), oldest first; the last is `sellerLine`'s. */
  answers: LogAnswer[];
  /** The buyer's own statement of the trouble (see `logStatement`); null when the log holds none. */
  statement: string | null;
}

interface Line {
  who: 'seller' | 'buyer' | 'unknown';
  text: string;
  /** The line came with a speaker name (a stray unnamed line stays unknown). */
  named: boolean;
  /** The time its header gave, local: "YYYY-MM-DDTHH:mm" or "YYYY-MM-DD"; null without a dated header. */
  at: string | null;
}

/** A log has at least this many non-empty lines. */
const MIN_LINES = 3;
/** "客服小美 2026-11-20 10:01:02" or "10:01" alone: a header naming who speaks next. */
const HEADER = /^\s*(.{0,24}?)\s*[(（]?\s*(?:(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?\s*)?(\d{1,2}):(\d{2})(?::\d{2})?\s*[)）]?\s*$/u;
/** "[2026-08-03 13:03] ", "【8/3 13:03】": a dated stamp in front of a turn; its colon is the time's, not a speaker's. */
const STAMP = /[[【]\s*(?:(\d{4})[-/.年])?(\d{1,2})[-/.月](\d{1,2})日?\s*(?:(\d{1,2}):(\d{2})(?::\d{2})?)?\s*[\]】]\s*/u;
/**
 * Where a line holds another turn: a dated stamp, or a named side's mark ("客服：", "我：") after a
 * space or a sentence's end ("…处理了哦～ 我：还没发货").
 */
const TURN_START = /(?=[[【]\s*(?:\d{4}[-/.年])?\d{1,2}[-/.月]\d{1,2})|(?<=[\s。！？!?～~])(?=[^\s:：，,。！？!?[\]【】“”"]{1,8}\s*[:：])/gu;
/** A line that only announces the paste ("以下是我和客服的全部聊天记录：", "…，记录如下"). */
const LOG_LEAD = /(?:聊天记录|对话记录|聊天内容|对话内容|聊天截图)[^。！？\n]{0,8}[:：]?\s*$|^(?:以下|下面)是?.{0,16}[:：]\s*$|如下[:：]?\s*$/u;
/** "[店小二 14:05] 好的亲", "【我 2026-11-20 9:41】还没到": the speaker and the time in one stamp, the words after it (no colon of its own). */
const NAMED_STAMP = /^\s*[[【]\s*([^\]】\n:：]{1,16}?)\s*(?:(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?\s*)?(\d{1,2}):(\d{2})(?::\d{2})?\s*[\]】]\s*(.+)$/u;
/** "客服：…", "[店铺] …", "我: …": a speaker and their words on one line. */
const INLINE = /^\s*[[【]?([^:：\]】\n]{1,16}?)[\]】]?\s*[:：]\s*(.+)$/u;
/** Seller answers that matter; anything else from the seller is context. */
const ANSWERS = new Set(['refuses', 'agrees', 'counter_offer', 'stalls', 'needs_evidence', 'return_for_inspection', 'private_deal', 'confirm_first']);
const PROBLEM_TEXT_MAX = 200;
/** The buyer chasing the shop's answer ("核实得怎么样了", "三天到了还没回复", "超过48小时了"): about the answer, not the goods. */
const BUYER_CHASE =
  /(?:还没|没有|怎么还没有?|还不|迟迟不)(?:回复|答复|回我|回消息|给结果|给答复|给说法)|(?:核实|处理|查|核查)得?怎么样|超过\s?\d+\s?(?:个)?(?:小时|天)|(?:\d+|[一二两三四五六七八九十])\s?(?:个)?(?:小时|天)(?:已经)?(?:到了|过去了|过了)/u;

/** The buyer answering an offer ("20太少了", "这点钱不够", "不接受"): about the sum offered, not the goods. */
const BUYER_HAGGLE = /太少|太低|少了点|不够|再加|加点|不接受|不能接受|不同意/u;

function roleOf(name: string): Line['who'] {
  if (SELLER_SPEAKER.test(name)) return 'seller';
  if (BUYER_SPEAKER.test(name.trim())) return 'buyer';
  return 'unknown';
}

/** A mark a turn may start at inside a line: the shop's or the buyer's name, not "客服说：" (a report of what was said). */
function sideMark(piece: string): boolean {
  const m = /^([^\s:：，,。！？!?[\]【】“”"]{1,8})\s*[:：]/u.exec(piece);
  return m !== null && roleOf(m[1]!) !== 'unknown' && !/[说讲称話话]$/u.test(m[1]!);
}

/** The paste's lines, a line holding several dated or named turns cut into one per turn. */
function turnLines(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    let piece = '';
    for (const part of line.split(TURN_START)) {
      // A stamp stays with the turn it dates.
      if (piece.trim() && !/^[[【][^\]】]*[\]】]\s*$/u.test(piece) && (/^[[【]/u.test(part) || sideMark(part))) {
        out.push(piece.trim());
        piece = part;
      } else {
        piece += part;
      }
    }
    out.push(piece.trim());
  }
  return out.filter(Boolean);
}

/** Split the paste into speaker lines. Unknown speakers become the buyer when the seller is identified. */
function parseLines(text: string): Line[] | null {
  const raw = turnLines(text);
  if (raw.length < MIN_LINES) return null;
  const lines: Line[] = [];
  const names = new Map<string, Line['who']>();
  let current: string | null = null;
  let at: string | null = null;
  let lastDay: string | null = null;
  let speakerLines = 0;
  for (const whole of raw) {
    // "[2026-08-03 13:03] 客服：…": the stamp dates the turn after it.
    const stamp = STAMP.exec(whole);
    const stamped = stamp?.index === 0 ? stamp : null;
    const l = stamped ? whole.slice(stamped[0].length) : whole;
    const stampAt: { at: string | null; day: string | null } | null = stamped ? stampTime(stamped, lastDay) : null;
    if (stamped && stampAt?.day) lastDay = stampAt.day;
    if (stamped && !l) {
      at = stampAt?.at ?? null;
      continue;
    }
    const header = HEADER.exec(l);
    if (header) {
      current = header[1]!.trim() || current;
      if (header[1]!.trim()) speakerLines += 1;
      // A time alone keeps the last date seen; without any date the line stays undated.
      const day: string | null = header[2] ? `${header[2]}-${header[3]!.padStart(2, '0')}-${header[4]!.padStart(2, '0')}` : lastDay;
      at = day ? `${day}T${header[5]!.padStart(2, '0')}:${header[6]}` : null;
      lastDay = day;
      continue;
    }
    const named = NAMED_STAMP.exec(l);
    if (named && !/^\d+$/.test(named[1]!.trim())) {
      const name = named[1]!.trim();
      const day: string | null = named[2] ? `${named[2]}-${named[3]!.padStart(2, '0')}-${named[4]!.padStart(2, '0')}` : lastDay;
      names.set(name, names.get(name) ?? roleOf(name));
      lines.push({ who: names.get(name)!, text: named[7]!.trim(), named: true, at: day ? `${day}T${named[5]!.padStart(2, '0')}:${named[6]}` : null });
      lastDay = day;
      speakerLines += 1;
      current = null;
      continue;
    }
    const inline = INLINE.exec(l);
    if (inline && !/\d{6,}/.test(inline[1]!) && !/订单|单号|order/i.test(inline[1]!)) {
      const name = inline[1]!.trim();
      names.set(name, names.get(name) ?? roleOf(name));
      lines.push({ who: names.get(name)!, text: inline[2]!.trim(), named: true, at: stampAt?.at ?? null });
      speakerLines += 1;
      current = null;
      continue;
    }
    if (current !== null) {
      names.set(current, names.get(current) ?? roleOf(current));
      lines.push({ who: names.get(current)!, text: l, named: true, at });
    } else {
      lines.push({ who: 'unknown', text: l, named: false, at: null });
    }
  }
  const hasSeller = [...names.values()].includes('seller');
  if (speakerLines < 2 || !hasSeller) return null;
  // Two sides talk: a name that is not the shop's is the buyer's nickname.
  return lines.map((line) => (line.who === 'unknown' && line.named ? { ...line, who: 'buyer' } : line));
}

/** A stamp's local time ("YYYY-MM-DDTHH:mm", or the day alone) and day; a stamp without the year has no day of its own. */
function stampTime(m: RegExpExecArray, lastDay: string | null): { at: string | null; day: string | null } {
  const day = m[1] ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : null;
  const known = day ?? lastDay;
  if (!day) return { at: null, day: null };
  return { at: m[4] ? `${known}T${m[4].padStart(2, '0')}:${m[5]}` : known, day };
}

/**
 * The buyer's own statement of the trouble in a chat log, which is evidence and never a letter's
 * problem line: the buyer's lines outside the log (the sum-up after it first, else those before
 * it, leaving out a line that announces the paste), else the buyer's latest turn in the log. Null
 * when there is none, or the paste was cut short ("…" at its end: its latest words are lost).
 */
function statementOf(lines: Line[], text: string): string | null {
  const named = lines.map((l) => l.named);
  const first = named.indexOf(true);
  const last = named.lastIndexOf(true);
  const outside = (from: number, to: number): string[] => lines.slice(from, to).filter((l) => !l.named && !LOG_LEAD.test(l.text)).map((l) => l.text);
  const own = outside(last + 1, lines.length);
  if (own.length === 0) own.push(...outside(0, first));
  if (own.length > 0) return own.join('\n');
  if (/…$/u.test(text.trim())) return null;
  return lines.filter((l) => l.who === 'buyer' && l.named && l.text && !BUYER_HAGGLE.test(l.text)).at(-1)?.text ?? null;
}

/**
 * The buyer's own statement in a pasted chat log (`statementOf`), read as `readChatLog` reads the
 * log; undefined when the text is no chat log.
 *
 * @example logStatement('聊天记录如下：\n客服：亲，在途中哦\n我：一周了还没到\n客服：再等等\n反正就是一直没收到货') // '反正就是一直没收到货'
 */
export function logStatement(text: string): string | null | undefined {
  const lines = parseLines(text);
  return lines ? statementOf(lines, text) : undefined;
}

/** Shop boilerplate that is no answer about this case; a coupon offered to make up for the trouble is an answer. */
function isNoise(text: string): boolean {
  return !amendsWithCoupon(text) && LOG_NOISE.some((re) => re.test(text));
}

/** A coupon offered to make up for the trouble ("补您8元优惠券", "给您10元券作为补偿"), not a promotion. */
const AMENDS = /补偿|赔|补(?:您|你|给)|给(?:您|你)[^，,。！？!?]{0,6}(?:券|卷)/u;
function amendsWithCoupon(text: string): boolean {
  return AMENDS.test(text) && couponOffer(text) !== null;
}

/**
 * Read a paste as a chat log; null when it does not look like one (fewer than three lines,
 * or no speaker that is the shop). `extract` is passed in so this file stays below `index.ts`.
 */
export function readChatLog(
  text: string,
  opts: ExtractOptions,
  extract: (text: string, opts?: ExtractOptions) => Extraction,
): ChatLog | null {
  const lines = parseLines(text);
  if (!lines) return null;
  // Numbers (order, tracking) and the platform from every line but the shop's boilerplate.
  const factual = lines.filter((l) => !(l.who === 'seller' && isNoise(l.text))).map((l) => l.text);
  const facts = extract(factual.join('\n'), opts);
  const out: Extraction = {
    ...facts, problem: null, wants: null, promise: null, sellerReply: null, sellerQuote: null, platformTimer: null,
    intent: null, resolved: false, correction: false, yesNo: null, compensationPercent: null,
    evidence: { ...(facts.evidence.orderId ? { orderId: facts.evidence.orderId } : {}), ...(facts.evidence.platform ? { platform: facts.evidence.platform } : {}) },
  };

  // The buyer's own words give the problem and the wish; the latest complaint wins, and
  // questions asked before buying ("什么时候发货") are no complaint.
  const buyerLines = lines.filter((l) => l.who !== 'seller' && !BUYER_PRESALE.test(l.text) && !BUYER_CHASE.test(l.text) && !BUYER_HAGGLE.test(l.text) && !LOG_LEAD.test(l.text));
  let problemLines: string[] = [];
  for (const l of buyerLines) {
    const e = extract(l.text, opts);
    if (e.problem && e.problem !== 'other') {
      if (e.problem !== out.problem) problemLines = [];
      problemLines.push(l.text);
      out.problem = e.problem;
      if (e.evidence.problem) out.evidence.problem = e.evidence.problem;
    } else if (e.problem && !out.problem) {
      out.problem = e.problem;
      if (e.evidence.problem) out.evidence.problem = e.evidence.problem;
    }
    if (e.wants) {
      out.wants = e.wants;
      if (e.evidence.wants) out.evidence.wants = e.evidence.wants;
    }
    if (e.food) out.food = true;
  }

  // Every answer of the shop goes on the record; the latest one is what the case acts on.
  // Boilerplate is no answer. A shop sending the buyer to the courier refuses (电子商务法 第二十条).
  let sellerLine: string | null = null;
  const answers: LogAnswer[] = [];
  let latest: Extraction | null = null;
  for (const line of lines) {
    if (line.who !== 'seller' || isNoise(line.text)) continue;
    const said = line.text;
    const e = extract(`客服说：“${said}”`, opts);
    const blamesCourier = SELLER_COURIER.test(said);
    // A coupon in place of what was asked is an offer of less, whatever else the line reads as.
    const reply = amendsWithCoupon(said) ? 'counter_offer' : e.sellerReply && ANSWERS.has(e.sellerReply) ? e.sellerReply : blamesCourier ? 'refuses' : null;
    if (!reply && !e.promise) continue;
    answers.push({ reply, promise: e.promise, quote: said.slice(0, 120), at: line.at, blamesCourier });
    sellerLine = said;
    latest = { ...e, sellerReply: reply };
  }
  if (latest && sellerLine) {
    out.sellerReply = latest.sellerReply;
    out.promise = latest.promise;
    out.sellerQuote = sellerLine.slice(0, 120);
    if (latest.evidence.sellerReply) out.evidence.sellerReply = latest.evidence.sellerReply;
    if (latest.evidence.promise) out.evidence.promise = latest.evidence.promise;
  }

  const joined = problemLines.join('，');
  const problemText = joined ? (joined.length > PROBLEM_TEXT_MAX ? `${joined.slice(0, PROBLEM_TEXT_MAX)}…` : joined) : null;
  return { extraction: out, problemText, sellerLine, answers, statement: statementOf(lines, text) };
}
