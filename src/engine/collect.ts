/**
 * Collecting the three elements — order number, problem, what the buyer wants — one
 * question at a time, while taking anything the buyer already said, in any order.
 */
import type { Extraction } from '../nlu/types.ts';
import { noReasonWindow, formatDate } from '../time/deadlines.ts';
import { ask, sendChecklist, sendDraft, slotValue } from './render.ts';
import { escalateToPlatform, handlePromise, handleSellerWarning, noteSellerReply, sendPlatformGuide } from './follow.ts';
import { withoutGreeting } from './phrases.ts';
import type { Turn } from './turn.ts';
import { Platform, Problem, Wants, type Askable, type Case, type Slots } from '../domain/index.ts';

/** After this many unusable answers to one question, offer to skip or start over. */
export const MAX_TRIES = 3;

/** Below this confidence an extracted order number is confirmed before it is used. */
const CONFIRM_BELOW = 0.6;
/** Order numbers shorter than this (in digits) are confirmed too: most platforms' are longer (DOMAIN.md number shapes). */
const SHORT_ORDER_ID = 10;

/**
 * Below this confidence a problem is too vague to write into a complaint ("快递有问题",
 * "商品有问题" — DOMAIN.md: vague texts waste everyone's time): the buyer is asked instead.
 */
const PROBLEM_MIN_CONFIDENCE = 0.6;

/** The longest buyer wording kept as the problem description. */
const PROBLEM_TEXT_MAX = 200;

/** What to ask next, or null when the case has what it needs. */
export function nextQuestion(c: Case): Askable | null {
  const open = (slot: keyof Slots & Askable) => c.slots[slot] === null && !c.skipped.includes(slot);
  if (c.pendingOrderId) return 'confirmOrderId';
  if (open('orderId')) return 'orderId';
  if (open('problem')) return 'problem';
  if (open('wants')) return 'wants';
  // The receipt date changes the advice only for a no-reason return (the 7-day window).
  if (c.slots.problem === 'changed_mind' && open('receivedOn')) return 'receivedOn';
  return null;
}

/** The buyer's words for the problem, without the order / tracking numbers. */
function problemWords(text: string, e: Extraction): string {
  let words = withoutGreeting(text);
  for (const span of [e.evidence.orderId?.span, e.evidence.trackingNo?.span]) {
    if (!span) continue;
    const at = words.indexOf(span);
    if (at < 0) continue;
    // The number goes, with the label in front of it: "订单号是 123 杯子碎了" → "杯子碎了";
    // in English the noun stays: "My order 123 arrived broken" → "My order arrived broken".
    const before = words
      .slice(0, at)
      .replace(/(?:订单号?|单号|快递单号|运单号)\s*[:：]?\s*[是为]?\s*$/u, '')
      .replace(/\s*(?:number|no\.?|#)\s*[:：]?\s*$/iu, ' ');
    // "拼多多订单 123…": the platform named as part of the order's label goes too.
    const platform = e.evidence.platform?.span;
    const trimmed = platform && before.trimEnd().endsWith(platform) ? before.trimEnd().slice(0, -platform.length) : before;
    words = `${trimmed} ${words.slice(at + span.length)}`;
  }
  words = words
    .replace(/\s+/g, ' ')
    .replace(/^[\s,，。.;；:：]+|[\s,，;；:：]+$/gu, '')
    .trim();
  return words.length > PROBLEM_TEXT_MAX ? `${words.slice(0, PROBLEM_TEXT_MAX)}…` : words;
}

interface Merge {
  /** Slots newly filled or changed by this message. */
  filled: (keyof Slots)[];
  corrected: (keyof Slots)[];
  /** The message said something useful beyond the slots (a promise, a seller reply…). */
  other: boolean;
}

/**
 * Merge an extraction into the case. A value for an empty slot is taken; a value for a
 * filled slot replaces it only when it answers the question being asked or the buyer
 * says it is a correction. Returns what changed.
 */
export function mergeExtraction(turn: Turn, c: Case, e: Extraction, text: string): Merge {
  const m: Merge = { filled: [], corrected: [], other: false };
  const asking = c.asking?.slot;
  const take = <K extends keyof Slots>(slot: K, value: Slots[K] | null, replaceable: boolean) => {
    if (value === null || value === c.slots[slot]) return;
    if (c.slots[slot] === null) {
      c.slots[slot] = value;
      m.filled.push(slot);
    } else if (replaceable || e.correction || asking === slot) {
      c.slots[slot] = value;
      m.corrected.push(slot);
    }
  };

  if (e.orderId && e.orderId !== c.slots.orderId) {
    const confidence = e.evidence.orderId?.confidence ?? 1;
    // Short numbers are often something else (a phone tail, a product id): confirm them.
    const short = e.orderId.replace(/\D/g, '').length < SHORT_ORDER_ID;
    if (c.slots.orderId === null && (confidence < CONFIRM_BELOW || short) && !e.correction) {
      c.pendingOrderId = e.orderId;
      m.other = true;
    } else {
      take('orderId', e.orderId, false);
    }
  }
  const hadProblem = c.slots.problem;
  const problemClear = (e.evidence.problem?.confidence ?? 1) >= PROBLEM_MIN_CONFIDENCE;
  take('problem', problemClear ? e.problem : null, false);
  if (c.slots.problem !== hadProblem || (problemClear && e.problem && !c.slots.problemText)) {
    const words = problemWords(text, e);
    // Only keep wording that says more than the order number did.
    if (words.length >= 2) c.slots.problemText = words;
  }
  take('wants', e.wants, false);
  take('platform', e.platform, true);
  take('trackingNo', e.trackingNo, true);
  take('receivedOn', e.receivedOn, true);
  // Amounts in a reported seller reply are the seller's offer ("私下转你50"), not what was paid.
  if (!e.sellerReply) {
    take('amountPaid', e.amountPaid, true);
    take('amountRefunded', e.amountRefunded, true);
  }
  if (e.food) c.food = true;
  if (e.compensationPercent !== null && !e.sellerReply) c.compensationPercent = e.compensationPercent;
  for (const slot of [...m.filled, ...m.corrected]) c.skipped = c.skipped.filter((s) => s !== slot);
  return m;
}

/** "已记下：订单号 123、问题 运输破损。" — or nothing if nothing changed. */
export function acknowledge(turn: Turn, c: Case, m: Merge): string[] {
  const lines: string[] = [];
  const noted = m.filled
    .filter((s) => s !== 'trackingNo' || c.slots.orderId !== null)
    .map((s) => `${turn.t(`slot.${s}`)} ${slotValue(turn, c.slots, s) ?? ''}`.trim());
  if (noted.length) lines.push(turn.t('noted', { items: noted.join(turn.t('list.sep')) }));
  for (const s of m.corrected) lines.push(turn.t('corrected', { slot: turn.t(`slot.${s}`), value: slotValue(turn, c.slots, s) ?? '' }));
  return lines;
}

/**
 * Handle a message while the case is being collected: fill slots, then ask the next
 * question or — once the three elements are known — hand over checklist and draft.
 */
export function collect(turn: Turn, c: Case, e: Extraction, text: string, opts: { countFailure?: boolean } = {}): void {
  const prefix: string[] = [];
  const asking = c.asking?.slot ?? null;

  // Answering "订单号是 …，对吗？"
  if (asking === 'confirmOrderId' && c.pendingOrderId) {
    if (e.yesNo === 'yes' && !e.orderId) {
      c.slots.orderId = c.pendingOrderId;
      c.pendingOrderId = null;
      prefix.push(turn.t('confirmed', { orderId: c.slots.orderId }));
    } else if (e.yesNo === 'no' && !e.orderId) {
      c.pendingOrderId = null;
      c.asking = null;
      ask(turn, c, 'orderId', [turn.t('rejectedOrderId')]);
      return;
    } else if (e.orderId) {
      c.pendingOrderId = null;
    }
  }

  const merged = mergeExtraction(turn, c, e, text);
  prefix.push(...acknowledge(turn, c, merged));
  const promised = e.promise ? handlePromise(turn, c, e, prefix) : false;
  const warned = handleSellerWarning(turn, c, e);
  // What the seller already said goes on the timeline; a refusal changes the first draft.
  const reported = noteSellerReply(turn, c, e, text);
  const progressed = merged.filled.length + merged.corrected.length > 0 || merged.other || promised || warned || reported;
  advance(turn, c, prefix, !progressed && opts.countFailure !== false);
}

/** Ask the next question (re-asking with a hint after an unusable answer), or complete the case. */
export function advance(turn: Turn, c: Case, prefix: string[], failed: boolean): void {
  const next = nextQuestion(c);
  if (next === null) {
    complete(turn, c, prefix);
    return;
  }
  if (failed && c.asking?.slot === next) {
    c.asking.tries += 1;
    const tries = c.asking.tries;
    if (tries >= MAX_TRIES && (next === 'orderId' || next === 'problem' || next === 'wants' || next === 'receivedOn')) {
      ask(turn, c, 'stuck', prefix, { slot: turn.t(`slot.${next}`) });
      // The pending question stays the stuck slot: an answer still fills it, "skip" skips it.
      c.asking = { slot: next, tries };
      return;
    }
    prefix.push(turn.t(`reask.${next}`));
  }
  if (next === 'confirmOrderId') {
    ask(turn, c, next, prefix, { orderId: c.pendingOrderId ?? '' });
    return;
  }
  ask(turn, c, next, prefix);
}

/** A button press (or typed option) for one of the collection questions. */
export function answerChoice(turn: Turn, c: Case, slot: Askable, value: string): void {
  const prefix: string[] = [];
  if (slot === 'problem' || slot === 'wants' || slot === 'platform') {
    const parsed = slot === 'problem' ? Problem.safeParse(value) : slot === 'wants' ? Wants.safeParse(value) : Platform.safeParse(value);
    if (!parsed.success) {
      advance(turn, c, prefix, true);
      return;
    }
    const before = c.slots[slot];
    (c.slots as Record<string, unknown>)[slot] = parsed.data;
    c.skipped = c.skipped.filter((s) => s !== slot);
    if (before !== parsed.data) {
      const changed = before === null ? { filled: [slot], corrected: [] } : { filled: [], corrected: [slot] };
      prefix.push(...acknowledge(turn, c, { ...changed, other: false }));
    }
  }
  if (c.status === 'collecting') {
    advance(turn, c, prefix, false);
    return;
  }
  if (prefix.length) turn.info(prefix.join('\n'));
  // At the platform rung the platform decides where the buyer clicks: show its guide.
  if (slot === 'platform' && c.rung !== 'seller') sendPlatformGuide(turn, c);
}

/** Skip the slot that is stuck; the drafts leave a marked place for it. */
export function skipStuck(turn: Turn, c: Case): void {
  const slot = c.asking?.slot ?? nextQuestion(c);
  if (!slot) return advance(turn, c, [], false);
  c.skipped = [...new Set([...c.skipped, slot])];
  c.asking = null;
  advance(turn, c, [turn.t('stuck.skipped', { slot: turn.t(`slot.${slot}`) })], false);
}

/** The three elements are known: checklist, seller draft, next steps. */
export function complete(turn: Turn, c: Case, prefix: string[]): void {
  c.status = 'open';
  c.asking = null;
  const s = c.slots;
  turn.info([
    ...prefix,
    turn.t('ready', {
      orderId: s.orderId ?? '—',
      problem: slotValue(turn, s, 'problem') ?? '—',
      wants: slotValue(turn, s, 'wants') ?? '—',
    }),
  ].join('\n'));
  sendChecklist(turn, c);
  if (c.timeline.some((t) => t.type === 'seller_refused')) {
    // The seller has already refused: the next rung is the platform (DOMAIN.md ladder).
    escalateToPlatform(turn, c, turn.t('seller.refuses'));
  } else {
    sendDraft(turn, c, sellerDraftKind(c));
  }
  const next = [turn.t('nextSteps')];
  if (s.problem === 'changed_mind' && s.receivedOn) next.push(...windowAdvice(turn, c));
  if (!turn.state.disclaimerShown) {
    next.push(turn.t('disclaimer'));
    turn.state.disclaimerShown = true;
  }
  turn.info(next.join('\n\n'));
}

/** Which seller-facing draft fits the case. */
export function sellerDraftKind(c: Case): 'seller' | 'compensation' | 'refund_shortfall' {
  const s = c.slots;
  if (s.problem === 'refund_issue' && s.amountPaid !== null && s.amountRefunded !== null && s.amountRefunded < s.amountPaid) {
    return 'refund_shortfall';
  }
  if (s.wants === 'compensation') return 'compensation';
  return 'seller';
}

/**
 * The 7-day no-reason window (网络购买商品七日无理由退货暂行办法: counted from the day after
 * signing): a reminder on its last morning while the case is open, or a note that it passed.
 */
export function windowAdvice(turn: Turn, c: Case): string[] {
  if (!c.slots.receivedOn) return [];
  const w = noReasonWindow(c.slots.receivedOn, turn.tz);
  const lastDay = formatDate(w.closesAt, turn.tz, turn.loc);
  if (w.closesAt.getTime() <= turn.now.getTime()) return [turn.t('windowClosed', { lastDay })];
  // Remind at 10:00 local on the last day — early enough to act that day.
  const lastMorning = new Date(w.closesAt.getTime() - 14 * 3600_000 + 1000);
  const remindAt = lastMorning.getTime() > turn.now.getTime() ? lastMorning : turn.now;
  if (remindAt !== turn.now) turn.setReminder(c, 'no_reason_window', remindAt);
  return [turn.t('windowInfo', { firstDay: formatDate(new Date(`${w.firstDay}T12:00:00Z`), 'UTC', turn.loc), lastDay })];
}
