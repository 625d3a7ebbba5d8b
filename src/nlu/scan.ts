/**
 * One pass over a message: normalise, run the compiled lexicons of every locale, and
 * work out the context the field extractors share (who is speaking where, cue positions).
 */
import type { Platform, Problem, Wants } from '../domain/index.ts';
import type { SellerReply } from '../domain/index.ts';
import { KeywordMatcher, dropContained, type Hit } from './matcher.ts';
import { normalizeAligned } from './normalize.ts';
import { en } from './lexicon/en.ts';
import { zh } from './lexicon/zh.ts';
import type { Cue, Frame, IdKind, Lexicon } from './lexicon/types.ts';

export type Tag =
  | { k: 'platform'; c: Platform; w: number }
  | { k: 'problem'; c: Problem | null; w: number }
  | { k: 'wants'; c: Wants | null; w: number }
  | { k: 'seller'; c: SellerReply | null; w: number }
  | { k: 'id'; c: IdKind; w: number }
  | { k: 'cue'; c: Cue; w: number }
  | { k: 'frame'; c: Frame; w: number };

const LEXICONS: readonly Lexicon[] = [zh, en];

/**
 * A few characters, looked up by UTF-16 unit (`has(norm.charCodeAt(i))`): `norm[i]` of a CJK
 * character makes a new one-character string for every lookup, in the loops that look for breaks.
 * Out of range, `charCodeAt` gives NaN, which reads as unit 0: never one of these characters.
 */
export class Chars {
  readonly #bits = new Uint32Array(2048);

  constructor(chars: string) {
    for (let i = 0; i < chars.length; i++) {
      const u = chars.charCodeAt(i);
      if (u !== 0) this.#bits[u >>> 5]! |= 1 << (u & 31);
    }
  }

  has(unit: number): boolean {
    return (this.#bits[unit >>> 5]! & (1 << (unit & 31))) !== 0;
  }
}

function* entries(): Generator<{ key: string; value: Tag }> {
  for (const lx of LEXICONS) {
    for (const [key, c, w = 2] of lx.platform) yield { key, value: { k: 'platform', c, w } };
    for (const [key, c, w = 2] of lx.problem) yield { key, value: { k: 'problem', c, w } };
    for (const [key, c, w = 2] of lx.wants) yield { key, value: { k: 'wants', c, w } };
    for (const [key, c, w = 2] of lx.sellerReply) yield { key, value: { k: 'seller', c, w } };
    for (const [key, c, w = 2] of lx.idKey) yield { key, value: { k: 'id', c, w } };
    for (const [key, c, w = 2] of lx.cue) yield { key, value: { k: 'cue', c, w } };
    for (const [key, c, w = 2] of lx.frame) yield { key, value: { k: 'frame', c, w } };
  }
}

const MATCHER = new KeywordMatcher<Tag>(entries());

/** Cues that hide each other when nested ("不想" hides "想"; "没收到" hides "收到"). */
const CUE_GROUP: Record<Cue, string> = {
  quote: 'speaker', instruct: 'speaker', seller: 'speaker',
  negation: 'stance', firm: 'stance', only: 'stance', switch: 'stance', demand: 'demand', past: 'past',
  resolved: 'resolved', unresolved: 'resolved',
  correction: 'correction', correction_weak: 'correction',
  receipt: 'receipt', not_receipt: 'receipt',
  paid: 'money', refunded: 'money',
  order_after: 'order_after',
  transit: 'transit', in_use: 'in_use', money: 'money_owed', conditional: 'conditional',
};

/** Group names as whole strings, made once: `dropContained` asks for one per hit. */
const CUE_GROUP_NAME = Object.fromEntries(Object.entries(CUE_GROUP).map(([c, g]) => [c, `cue:${g}`])) as Record<Cue, string>;
const FRAME_GROUP_NAME = new Map<Frame, string>();

function groupOf(t: Tag): string {
  if (t.k === 'cue') return CUE_GROUP_NAME[t.c];
  if (t.k === 'frame') {
    let name = FRAME_GROUP_NAME.get(t.c);
    // Frame classes hide only their own kind; a food word and its non-food container share a group.
    if (name === undefined) FRAME_GROUP_NAME.set(t.c, (name = `frame:${t.c === 'not_food' ? 'food' : t.c === 'not_variant' ? 'variant' : t.c}`));
    return name;
  }
  return t.k;
}

/** A stretch of text attributed to someone other than the buyer. */
export interface Span {
  start: number;
  end: number;
  /** `instruct`: the seller told the buyer to do it (让我退款) — weaker than the buyer's own wish. */
  kind: 'quote' | 'instruct';
}

export interface Scan {
  /** Text between quote marks, whoever said it (`quoteMarks`), found on first use (`markedAt`); read by `wants` only. */
  marks: Span[] | null;
  /** The message as received. */
  text: string;
  /** `normalizeAligned(text)`: same length, same positions. */
  norm: string;
  platform: Hit<Extract<Tag, { k: 'platform' }>>[];
  problem: Hit<Extract<Tag, { k: 'problem' }>>[];
  wants: Hit<Extract<Tag, { k: 'wants' }>>[];
  seller: Hit<Extract<Tag, { k: 'seller' }>>[];
  id: Hit<Extract<Tag, { k: 'id' }>>[];
  cue: Hit<Extract<Tag, { k: 'cue' }>>[];
  /** Frame word-class hits, in order (see `frames.ts`). */
  frame: Hit<Extract<Tag, { k: 'frame' }>>[];
  /** Cue hits by the position where they end, for "what is right before this word?". */
  cueEndingAt: Map<number, Cue[]>;
  cueStartingAt: Map<number, Cue[]>;
  /** The (longest) id keyword ending at each position. */
  idEndingAt: Map<number, IdKind>;
  quotes: Span[];
  has: Set<Cue>;
}

const CLAUSE_END = new Chars('。！？!?；;\n，,');
const QUOTE_OPEN: Record<string, string> = { '“': '”', '「': '」', '"': '"', '『': '』' };
const QUOTE_MAX = 40;
const QUOTED_MAX = 120;

/** The closing mark of the quote mark opened at `i`, within QUOTED_MAX; -1 when `i` opens none or it is not closed. */
function closingMark(norm: string, i: number): number {
  const close = QUOTE_OPEN[norm[i] ?? ''];
  if (!close) return -1;
  const limit = Math.min(norm.length, i + QUOTED_MAX);
  for (let j = i + 1; j < limit; j++) if (norm[j] === close) return j;
  return -1;
}

/** Where the words introduced by a quote cue end: the clause, or the closing quote mark. */
/** A clause that goes on with what the instructing party does next. */
const THEN_CLAUSE = /^ ?(?:然后|再|才|就|他才|他就|他再|他们才|他们再|他们就|之后|私下|then )/;
/** A clause that names the condition the other side set ("先寄回厂里，看过是我们的毛病才补发", "收到货后他再退"). */
const CONDITION_CLAUSE = /^ ?(?!我)[^，。,.!！?？；;\n]{0,12}?(?:才(?:能|可以|会|肯|给|行|同意|退|换|补|发|处理)|(?:他|她|他们|卖家|商家|客服|店家|对方)(?:才|再|就|会))/;

function quoteSpan(norm: string, from: number, kind: Span['kind']): Span {
  let i = from;
  // Skip what sits between "客服说" and the words: ":", "是", a space, an opening quote.
  for (let skip = 0; skip < 3 && i < norm.length && ':：, ，是'.includes(norm[i]!); skip++) i++;
  const closed = closingMark(norm, i);
  if (closed >= 0) return { start: from, end: closed + 1, kind };
  const limit = Math.min(norm.length, i + QUOTE_MAX);
  let j = i;
  while (j < limit && !CLAUSE_END.has(norm.charCodeAt(j)) && !(norm[j] === ' ' && j > i && !isAsciiWordChar(norm, j))) j++;
  // "卖家让我先确认收货，他才肯退钱": what the seller will do once obeyed is still the seller's side.
  const next = norm[j] === ',' || norm[j] === '，' || norm[j] === ' ' ? norm.slice(j + 1, j + 20) : '';
  if ((kind === 'instruct' && THEN_CLAUSE.test(next)) || CONDITION_CLAUSE.test(next)) {
    const k = j + 1;
    const limit2 = Math.min(norm.length, k + QUOTE_MAX);
    j = k;
    while (j < limit2 && !CLAUSE_END.has(norm.charCodeAt(j))) j++;
  }
  return { start: from, end: j, kind };
}

/**
 * "老板甩来一张收款码，说扫一下就把钱退你": a clause that opens with 说 goes on from the sentence's
 * subject; when that is the other side, its words follow. Bounded: one look back per comma, and at
 * most 16 such clauses read (each checks the quotes found so far).
 */
const SAID_ON = /[，,] ?(?:只|就|又|还|也|都|只是|一直|还是)?说(?!明|实话|真的|白了|句|不定)/g;
const OTHER_SUBJECT = /^ ?(?:店家|卖家|商家|客服|老板|店主|他们|他|她|对方|厂家|平台|小二|官方|快递员?|seller)/;
const SENTENCE_STOPS = new Chars('。！？!?；;\n');

function saidOn(s: Scan): void {
  const norm = s.norm;
  SAID_ON.lastIndex = 0;
  let tries = 0;
  for (let m = SAID_ON.exec(norm); m && tries < 16; m = SAID_ON.exec(norm)) {
    const from = m.index + m[0].length;
    if (!OTHER_SUBJECT.test(norm.slice(reach(norm, m.index, -1, SENTENCE_STOPS, 60), m.index))) continue;
    tries++;
    if (s.quotes.some((q) => q.start < from + 1 && q.end > m!.index)) continue;
    const span = quoteSpan(norm, from, 'quote');
    let at = s.quotes.length;
    while (at > 0 && s.quotes[at - 1]!.start > span.start) at--;
    s.quotes.splice(at, 0, span);
  }
}

/** The buyer quoting their own words: "我说“…”", "I said \"…\"". */
const OWN_WORDS = /(?:我说|我问|我回|我讲|我跟[^，。,.]{0,4}说|i said|i asked|i told (?:him|her|them))[:：]? ?$/;

/**
 * Text between quote marks with no speaker cue before it ("商家回了一句“…”", a pasted 「…」): the
 * seller's, the platform's or the listing's words, not the buyer's own (unless the buyer says so).
 * Bounded look-ahead per mark, so linear.
 */
const OPEN_MARK = /[“「"『]/g;

function quoteMarks(norm: string): Span[] {
  const out: Span[] = [];
  OPEN_MARK.lastIndex = 0;
  for (let m = OPEN_MARK.exec(norm); m && out.length < 32; m = OPEN_MARK.exec(norm)) {
    const i = m.index;
    const j = closingMark(norm, i);
    if (j < 0) continue;
    if (!OWN_WORDS.test(norm.slice(Math.max(0, i - 12), i))) out.push({ start: i, end: j + 1, kind: 'quote' });
    OPEN_MARK.lastIndex = j + 1;
  }
  return out;
}

/**
 * How far a clause reaches from `at`: back (`dir` -1) to just after the nearest character of `stops`,
 * or forward (`dir` 1) to just before it, at most `max` characters. Bounded, so callers stay linear.
 */
export function reach(norm: string, at: number, dir: -1 | 1, stops: Chars, max: number): number {
  let i = at;
  if (dir < 0) while (i > 0 && at - i < max && !stops.has(norm.charCodeAt(i - 1))) i--;
  else while (i < norm.length && i - at < max && !stops.has(norm.charCodeAt(i))) i++;
  return i;
}

/** The span between quote marks containing `at`, if any. */
export function markedAt(s: Scan, at: number): Span | null {
  s.marks ??= quoteMarks(s.norm);
  for (const m of s.marks) if (at >= m.start && at < m.end) return m;
  return null;
}

/** A space between two Latin words is inside an English clause, not a break between turns. */
function isAsciiWordChar(norm: string, j: number): boolean {
  const a = norm.charCodeAt(j - 1);
  const b = norm.charCodeAt(j + 1);
  return a >= 0x61 && a <= 0x7a && b >= 0x61 && b <= 0x7a;
}

const NEGATING = new Chars('没不');
/** Before the party a quote cue names, the buyer speaking to it: "跟客服说", "向商家表示". */
const TO_PARTY = new Chars('跟和向对给');

/** Scan a message once. Cost is linear in its length. */
export function scan(text: string): Scan {
  const norm = normalizeAligned(text);
  const raw = MATCHER.scan(norm);
  const hits = dropContained(raw, groupOf);
  const s: Scan = {
    text, norm, platform: [], problem: [], wants: [], seller: [], id: [], cue: [], frame: [],
    cueEndingAt: new Map(), cueStartingAt: new Map(), idEndingAt: new Map(), quotes: [], marks: null, has: new Set(),
  };
  for (const h of hits) {
    switch (h.value.k) {
      case 'platform': s.platform.push(h as Scan['platform'][number]); break;
      case 'problem': s.problem.push(h as Scan['problem'][number]); break;
      case 'wants': s.wants.push(h as Scan['wants'][number]); break;
      case 'seller': s.seller.push(h as Scan['seller'][number]); break;
      case 'id': {
        s.id.push(h as Scan['id'][number]);
        const prev = s.idEndingAt.get(h.end);
        // Ends of nested keys coincide ("快递单号" and "单号"): the longer one was kept by dropContained.
        if (prev === undefined) s.idEndingAt.set(h.end, h.value.c);
        break;
      }
      case 'frame': s.frame.push(h as Scan['frame'][number]); break;
      case 'cue': {
        const ch = h as Scan['cue'][number];
        s.cue.push(ch);
        s.has.add(ch.value.c);
        const list = s.cueEndingAt.get(ch.end);
        if (list) list.push(ch.value.c);
        else s.cueEndingAt.set(ch.end, [ch.value.c]);
        const slist = s.cueStartingAt.get(ch.start);
        if (slist) slist.push(ch.value.c);
        else s.cueStartingAt.set(ch.start, [ch.value.c]);
        // "我没答应", "他不说": a negated quote verb introduces nobody's words.
        const negatedQuote = ch.start > 0 && NEGATING.has(norm.charCodeAt(ch.start - 1));
        // "我跟客服说我要退货": the buyer's own words to the party, not the party's.
        const toParty = ch.value.c === 'quote' && ch.start > 0 && TO_PARTY.has(norm.charCodeAt(ch.start - 1));
        if ((ch.value.c === 'quote' || ch.value.c === 'instruct') && !negatedQuote && !toParty) {
          const last = s.quotes[s.quotes.length - 1];
          if (!last || last.end <= ch.start) s.quotes.push(quoteSpan(norm, ch.end, ch.value.c));
        }
        break;
      }
    }
  }
  if (norm.includes('说')) saidOn(s);
  return s;
}

/** The quote span containing `[start, end)`, if any. Spans are sorted and disjoint. */
export function quoteAt(s: Scan, start: number): Span | null {
  let lo = 0;
  let hi = s.quotes.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const q = s.quotes[mid]!;
    if (start < q.start) hi = mid - 1;
    else if (start >= q.end) lo = mid + 1;
    else return q;
  }
  return null;
}

/** Filler that may stand between a cue and the word it governs ("不想*申请*退款", "don't want *a* refund"). */
const FILLER_ZH = new Set([...'申请直接再去给我帮你要办理做先就还也都了']);
const FILLER_EN = new Set(['a', 'an', 'the', 'any', 'my', 'to', 'get', 'for', 'it', 'this', 'do', 'a', 'full']);

function isFiller(gap: string): boolean {
  if (gap.trim().length === 0) return true;
  if (/[a-z]/.test(gap)) {
    if (gap.length > 12) return false;
    const words = gap.trim().split(' ');
    return words.every((w) => w === '' || FILLER_EN.has(w));
  }
  for (const ch of gap) if (!FILLER_ZH.has(ch)) return false;
  return true;
}

/**
 * Which cue of `kinds` ends shortly before `pos` with only filler in between. Looks back at
 * most `window` characters; when several qualify, the earliest in `kinds` wins ("别给我维修":
 * the negation beats the "给我" right before the word).
 */
export function cueBefore(s: Scan, pos: number, kinds: readonly Cue[], window = 6): Cue | null {
  let best = -1;
  // English words are longer: "i want a full refund" puts the cue eight characters back.
  if (s.norm[pos - 1] === ' ') window = Math.max(window, 12);
  for (let d = 0; d <= window; d++) {
    const at = pos - d;
    if (at < 0) break;
    const list = s.cueEndingAt.get(at);
    if (!list) continue;
    for (const c of list) {
      const rank = kinds.indexOf(c);
      if (rank >= 0 && (best === -1 || rank < best) && isFiller(s.norm.slice(at, pos))) best = rank;
    }
  }
  return best === -1 ? null : kinds[best]!;
}
