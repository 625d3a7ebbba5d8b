/**
 * What the buyer wants the bot to do with a message, beyond filling slots: a command said in
 * words ("重新开始"), a request for a draft ("12315"), "怎么办", a correction or a changed wish.
 * The phrases are data (`lexicon/intents.ts`); the engine acts on the code.
 *
 * @example readIntent('算了还是换货吧') // 'change_wish'
 */
import type { Intent } from '../domain/index.ts';
import { asksQuestion } from './buyer-report.ts';
import {
  CASE_QUESTIONS, DECLINES_CONFIRM, INTENT_LEXICONS, OVERWHELMED, OWN_SLIP, REFUND_TIMING, YES_NO_ASK_EN, YES_NO_ASK_ZH, SENT_WRONG, SENT_WRONG_GOODS_AFTER, SENT_WRONG_SELLER_BEFORE, SHIPPING_FAIRNESS,
} from './lexicon/intents.ts';
import type { CaseQuestion } from './lexicon/intents.ts';
import { KeywordMatcher } from './matcher.ts';
import { normalize } from './normalize.ts';

/** Intents whose phrases must be the whole message. */
const WHOLE_ORDER: readonly Intent[] = ['restart', 'cancel', 'help', 'status', 'skip', 'thanks'];
/** Intents found inside a message, in priority order. */
const CONTAINS_ORDER: readonly Intent[] = [
  'change_wish', 'next_step',
  'want_regulator_draft', 'want_payment_draft', 'want_platform_draft', 'want_refund_shortfall_draft', 'want_compensation_draft',
  'ask_where_order_id', 'ask_shipping_insurance', 'ask_no_unboxing_video', 'ask_heimao', 'ask_lawsuit', 'ask_price_protection',
  'ask_return_shipping', 'ask_video_howto', 'ask_not_accepted', 'not_yet',
];
const SHIPPING_RANK = CONTAINS_ORDER.indexOf('ask_return_shipping');
/** A whole-message phrase is short. */
const WHOLE_MAX = 40;

/** A `contains` phrase, compiled: its intent's place in `CONTAINS_ORDER`. */
interface Phrase {
  rank: number;
  question: boolean;
  /** ASCII phrases match whole words ("sue" is not in "issue"); others match anywhere. */
  word: boolean;
}

interface Table {
  whole: Map<string, Intent>;
  /** Every `contains` phrase in one keyword automaton: one pass over the message, whatever the number of phrases. */
  contains: KeywordMatcher<Phrase>;
  greetings: string[];
  /** Every character of the whole-message phrases and greetings (squashed). */
  commandChars: Set<string>;
  /** Per UTF-16 unit, filled in as met: 1 = lower-cased, it keeps a character none of those has; 2 = it does not. */
  notCommand: Uint8Array;
}
let table: Table | null = null;

function compiled(): Table {
  if (table) return table;
  const whole = new Map<string, Intent>();
  for (const intent of WHOLE_ORDER) {
    for (const lx of INTENT_LEXICONS) for (const p of lx.whole[intent] ?? []) whole.set(squash(p), intent);
  }
  const phrases = CONTAINS_ORDER.flatMap((intent, rank) =>
    INTENT_LEXICONS.flatMap((lx) => (lx.contains[intent] ?? []).map((p) => p.toLowerCase())).map((key) => ({
      key,
      value: { rank, question: intent.startsWith('ask_'), word: /^[a-z0-9 '’,-]+$/.test(key) && !/^\d+$/.test(key) },
    })),
  );
  const contains = new KeywordMatcher<Phrase>(phrases, { asciiWords: false });
  const greetings = INTENT_LEXICONS.flatMap((lx) => lx.greeting.map(squash)).sort((a, b) => b.length - a.length);
  const commandChars = new Set([...whole.keys(), ...greetings].flatMap((k) => [...k]));
  table = { whole, contains, greetings, commandChars, notCommand: new Uint8Array(65536) };
  return table;
}

/** Lower-case, without spaces and punctuation: "重新 开始！" → "重新开始". */
export function squash(text: string): string {
  return text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

const SQUASHED_CHAR = /^[\s\p{P}\p{S}]$/u;

/**
 * Could `squash(text)` be a whole-message phrase, or greetings alone? Not when it keeps a character
 * that none of them has: most messages are ruled out at their first word, without squashing them.
 */
function mayBeCommand(text: string): boolean {
  const { commandChars: chars, notCommand } = compiled();
  // One unit at a time first, from a table: lower-casing a unit alone gives what it gives inside
  // the text (Σ aside, which is no command character either way). Surrogates are left to the full check.
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    if (u >= 0xd800 && u <= 0xdfff) continue;
    let v = notCommand[u]!;
    if (v === 0) {
      v = 2;
      for (const ch of String.fromCharCode(u).toLowerCase()) if (!chars.has(ch) && !SQUASHED_CHAR.test(ch)) v = 1;
      notCommand[u] = v;
    }
    if (v === 1) return false;
  }
  for (const ch of text.toLowerCase()) if (!chars.has(ch) && !SQUASHED_CHAR.test(ch)) return false;
  return true;
}

function isLatinLetter(c: number): boolean {
  return c >= 0x61 && c <= 0x7a;
}

/**
 * The first intent of `CONTAINS_ORDER` (only questions, if asked) that one of its phrases names in
 * `lower`. An ASCII phrase needs no Latin letter right before or after it.
 */
function containedIntent(lower: string, questionsOnly: boolean): Intent | null {
  let best = CONTAINS_ORDER.length;
  for (const { start, end, value: p } of compiled().contains.scan(lower)) {
    if (p.rank >= best || (questionsOnly && !p.question)) continue;
    if (p.word && (isLatinLetter(lower.charCodeAt(start - 1)) || isLatinLetter(lower.charCodeAt(end)))) continue;
    best = p.rank;
  }
  // "运费也要我出，这合理吗": who pays return shipping, asked as a question of fairness.
  if (best > SHIPPING_RANK && SHIPPING_FAIRNESS.test(lower)) best = SHIPPING_RANK;
  return best < CONTAINS_ORDER.length ? CONTAINS_ORDER[best]! : null;
}

/** "你是管退货的吗", "你们能帮我退款吗", "what do you do": the buyer asks what this bot is for. */
const ASKS_ROLE =
  /你们?(?:是|就是)(?:管|负责|处理|帮人?)[^，,。？?！!]{0,6}的?(?:吗|嘛|么|吧)|你们?(?:能|可以|会)(?:帮我?)?(?:管|处理|办)?(?:退货|退款|售后|投诉)(?:吗|嘛|么)|你们?是(?:干|做)(?:什么|啥)的|这(?:个)?是(?:干|做)(?:什么|啥)的|\bwhat\s(?:do|can)\syou\sdo\b|\bare\syou\s(?:the\s)?(?:returns?|refunds?|after-sales)\b/i;

/** The buyer asks what the bot does (a first message often does, before telling anything). */
export function asksWhatBotDoes(text: string): boolean {
  return ASKS_ROLE.test(normalize(text));
}

/** A message that only greets ("你好在吗"; "hi there?" is not: "there" is more). */
export function isGreeting(text: string): boolean {
  if (text.length > 30 || !mayBeCommand(text)) return false;
  let rest = squash(text);
  if (!rest) return false;
  for (const g of compiled().greetings) rest = rest.split(g).join('');
  return rest.length === 0;
}

/** The message without a greeting in front: "你好，杯子碎了" → "杯子碎了". Anything else is returned as is. */
export function withoutGreeting(text: string): string {
  const greetings = compiled().greetings;
  const lead = /^[\s\p{P}\p{S}]+/u;
  let rest = text;
  let removed = false;
  for (let changed = true; changed; ) {
    changed = false;
    const trimmed = rest.replace(lead, '');
    for (const g of greetings) {
      if (trimmed.toLowerCase().startsWith(g) && !/^[a-z]/i.test(trimmed.slice(g.length))) {
        rest = trimmed.slice(g.length);
        removed = changed = true;
        break;
      }
    }
  }
  return removed ? rest.replace(lead, '') : text;
}

/**
 * "发错了" said of the buyer's own message ("不好意思发错了", "订单号发错了，是…"), not of the
 * goods ("卖家发错了货"). `norm` is the normalised (Simplified, lower-case) text.
 */
export function isOwnSlip(norm: string): boolean {
  for (let at = norm.indexOf(SENT_WRONG); at >= 0; at = norm.indexOf(SENT_WRONG, at + 1)) {
    const before = norm.slice(Math.max(0, at - 6), at).replace(/[\s,，.。!！]+$/u, '');
    const after = norm.slice(at + SENT_WRONG.length, at + SENT_WRONG.length + 2);
    if (SENT_WRONG_SELLER_BEFORE.some((w) => before.includes(w))) continue;
    if (SENT_WRONG_GOODS_AFTER.some((w) => after.startsWith(w))) continue;
    if (before === '' || OWN_SLIP.some((w) => before.endsWith(w))) return true;
  }
  return false;
}

/** "谢谢您 辛苦了", "多谢 好人": thanks phrases only, several of them (one alone is a whole-message phrase). */
let thanksPhrases: string[] | null = null;

function isThanksOnly(text: string): boolean {
  if (text.length > WHOLE_MAX || !mayBeCommand(text)) return false;
  if (thanksPhrases === null) {
    const { whole } = compiled();
    thanksPhrases = [...whole.keys()].filter((k) => whole.get(k) === 'thanks').sort((a, b) => b.length - a.length);
  }
  let rest = squash(text);
  for (const k of thanksPhrases) if (rest.includes(k)) rest = rest.split(k).join('');
  return rest.length === 0 && squash(text).length > 0;
}

/** The whole-message command phrase, if the message is one ("重新开始", "status"). */
export function wholeIntent(text: string): Intent | null {
  if (text.length > WHOLE_MAX || !mayBeCommand(text)) return null;
  return compiled().whole.get(squash(text)) ?? null;
}

/**
 * The intent of a message, or null. `correction` comes from the extractor's correction cues
 * (passed in) or a "发错了" about the buyer's own message.
 */
export function readIntent(text: string, norm: string, correction: boolean): Intent | null {
  const whole = wholeIntent(text);
  if (whole) return whole;
  if (isThanksOnly(text)) return 'thanks';
  if (isGreeting(text)) return 'greeting';
  if (correction || isOwnSlip(norm)) return 'correction';
  return containedIntent(norm.toLowerCase(), false) ?? caseQuestion(text);
}

/** Every way of declining to confirm names confirming: a cheap test before the pattern (most messages decline nothing). */
function mayDeclineConfirm(text: string): boolean {
  return text.includes('确认') || text.includes('確認') || /confirm/i.test(text);
}

/** The message asks something: a question ("运费谁出", "这合理吗？") or a yes-or-no word ("可以吗", "should I"). */
export function asksAtAll(text: string): boolean {
  // The English words are tried only where there are Latin letters.
  return YES_NO_ASK_ZH.test(text) || (ASCII_LETTER.test(text) && YES_NO_ASK_EN.test(text)) || asksQuestion(text);
}

const ASCII_LETTER = /[a-z]/i;

/**
 * A question asked in the middle of a case ("运费也要我出？", "放假也算吗", "这合理吗"): the first of
 * `CASE_QUESTIONS` the message says, when it asks at all.
 */
function caseQuestion(text: string): Intent | null {
  // Lost in the texts: asked ("发哪个给谁") or only said ("字太多看不懂"), before what else it may ask.
  if (says(OVERWHELMED, text)) return OVERWHELMED.intent;
  if (says(REFUND_TIMING, text)) return REFUND_TIMING.intent;
  if (!asksAtAll(text)) return mayDeclineConfirm(text) && says(DECLINES_CONFIRM, text) ? DECLINES_CONFIRM.intent : null;
  for (const q of CASE_QUESTIONS) if (says(q, text)) return q.intent;
  return null;
}

/**
 * The message asks about the statutory multiple ("能要三倍吗"), whatever else it asks first ("能告他吗？能要三倍吗？"):
 * the answer to the other question carries that one too.
 */
export function asksMultiple(text: string): boolean {
  return CASE_QUESTIONS.some((q) => q.intent === 'ask_statutory_multiple' && says(q, text));
}

/** The message says `q`: its words, none of its exclusions, and the asking it needs when it names one. */
function says(q: CaseQuestion, text: string): boolean {
  return (!q.needs || q.needs.test(text)) && q.says.test(text) && !q.unless?.test(text) && (!q.asks || q.asks.test(text));
}

/**
 * The question a message asks, when it names one ("没拍开箱视频怎么办" asks what to use instead of
 * an unboxing video, though its "怎么办" makes `readIntent` say next_step). `readIntent` is left
 * as it is: the classifier reads its answer as a feature.
 */
export function askedQuestion(norm: string): Intent | null {
  return containedIntent(norm.toLowerCase(), true);
}
