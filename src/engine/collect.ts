/**
 * Collecting the three elements — order number, problem, what the buyer wants — one
 * question at a time, while taking anything the buyer already said, in any order. When they
 * are known the case moves to following: checklist, the first draft, next steps.
 */
import { statedWish, type Extraction } from '../nlu/index.ts';
import { withoutMarkup } from '../drafts/words.ts';
import { happened, lastSellerEvent, record, startFollowing } from './case.ts';
import { boughtInMiniProgram, escalateToPlatform, escalateToRegulator, offerChoice, sendSellerDraft } from './escalation.ts';
import { ask, confirmReadings, optionsFor, sendChecklist, slotValue } from './render.ts';
import { platformGuideLines } from '../knowledge/platforms.ts';
import { isTakeaway } from '../knowledge/takeaway.ts';
import { notePromise, recordReply, sellerAgreed, warnPitfall } from './reports.ts';
import {
  acknowledge, besideCorrectedWords, correctProblemWords, matchLoggedEvidence, mergeExtraction, nextQuestion, recordedProblemFix, withCorrectedProblem,
} from './slots.ts';
import { windowAdvice } from './window.ts';
import { promisePassedUnsolved } from './promise-record.ts';
import { formatDateTime, formatDay } from '../time/deadlines.ts';
import type { Turn } from './turn.ts';
import { Platform, Problem, Wants, type Askable, type CollectingCase, type SellerReply, type FollowingCase, type Slots } from '../domain/index.ts';

/** After this many unusable answers to one question, offer to skip or start over. */
export const MAX_TRIES = 3;

/** What a collecting turn ended with. */
export type CollectResult = { tag: 'asked'; slot: Askable } | { tag: 'completed'; case: FollowingCase };

const ALWAYS_REPLACEABLE: readonly (keyof Slots)[] = ['platform', 'trackingNo', 'receivedOn', 'amountPaid', 'amountRefunded'];
const SLOTS: readonly (keyof Slots)[] = [
  'orderId', 'problem', 'problemText', 'wants', 'platform', 'trackingNo', 'receivedOn', 'amountPaid', 'amountRefunded',
];

/**
 * The buyer says there is no order number at all ("没有订单号", "冇訂單號", "there's no order number"); not
 * "还没单号", which speaks of a waybill.
 */
const NO_ORDER_ID = /(?:没有|沒有|没|沒|冇|无|無)(?:得)?(?:什么|甚麼|啥)?(?:订单|訂單)(?:号|號|编号|編號)?|\bno order (?:number|no\.?|id)\b|\b(?:don'?t|do not|didn'?t) (?:have|get) an order (?:number|no\.?|id)\b/iu;

/** The candidate order number waiting for "对吗？", if any. */
function candidateOrderId(turn: Turn): string | null {
  const p = turn.state.pending;
  return p?.slot === 'confirmOrderId' ? p.value : null;
}

/**
 * A message while collecting: fill slots (a correction or the answer to the pending question
 * may replace a value), note what the seller already said, then ask the next question or
 * complete the case.
 */
export function collect(
  turn: Turn,
  c: CollectingCase,
  e: Extraction,
  text: string,
  opts: { problemText?: string | null; heldReply?: boolean; held?: SellerReply | null } = {},
): CollectResult {
  const before: string[] = [];
  let candidate = candidateOrderId(turn);

  // Answering "订单号是 …，对吗？"
  if (candidate) {
    if (e.yesNo === 'yes' && !e.orderId) {
      c.slots.orderId = candidate;
      candidate = null;
      before.push(turn.t('confirmed', { orderId: c.slots.orderId }));
    } else if (e.yesNo === 'no' && !e.orderId) {
      turn.state.pending = null;
      ask(turn, 'orderId', { before: [turn.t('rejectedOrderId')] });
      return { tag: 'asked', slot: 'orderId' };
    } else if (e.orderId) {
      candidate = null;
    }
  }

  // "没有订单号，就是微信聊天": there is none to give, so none is asked for; the letter goes without it.
  const noOrderId = !e.orderId && !c.slots.orderId && !candidate && !c.skipped.includes('orderId') && NO_ORDER_ID.test(text);
  if (noOrderId) {
    c.skipped = [...c.skipped, 'orderId'];
    if (turn.state.pending?.slot === 'orderId') turn.state.pending = null;
    before.push(turn.t('orderIdNone'));
  }
  const asked = turn.state.pending?.slot;
  const stuckOn = asked === 'stuck' ? turn.state.pending?.value : null;
  const wordsFix = recordedProblemFix(c, e, text);
  if (wordsFix) e = withCorrectedProblem(e, wordsFix);
  const replace = new Set<keyof Slots>(e.correction ? SLOTS : wordsFix?.problem ? [...ALWAYS_REPLACEABLE, 'problem'] : ALWAYS_REPLACEABLE);
  for (const slot of [asked, stuckOn]) if (slot && (SLOTS as readonly string[]).includes(slot)) replace.add(slot as keyof Slots);
  // A seller reply held for confirmation: its amounts are the seller's, not what was paid.
  const wordsBefore = c.slots.problemText ?? null;
  const merged = mergeExtraction(c, e, text, { replace, problemText: opts.problemText ?? null, notOwnFacts: opts.heldReply === true, held: opts.held ?? null });
  const fixed = (e.correction || e.intent === 'correction' || wordsFix) && !e.sellerReply ? correctProblemWords(c, e, text, wordsBefore, wordsFix?.fix) : null;
  if (fixed) before.push(turn.t('corrected', { slot: turn.t('slot.problem'), value: fixed }));
  if (merged.confirmOrderId) candidate = merged.confirmOrderId;
  // The wish asked for, in words outside the six ("希望尽快上门安装"): taken as the buyer said it.
  if (asked === 'wants' && c.slots.wants === null && e.wants === null && !e.sellerReply && !e.promise && !opts.heldReply) {
    const wish = statedWish(withoutMarkup(text));
    if (wish) {
      c.slots.wishText = wish.slice(0, 60);
      c.skipped = [...new Set([...c.skipped, 'wants' as const])];
      merged.filled.push('wishText');
    }
  }
  before.push(...acknowledge(turn, c, { ...merged, changed: besideCorrectedWords(c, merged.changed, fixed) }));
  before.push(...notePromise(turn, c, e));
  // What the seller already said goes on the timeline; it is acted on once the case is complete.
  recordReply(turn, c, e);
  // "鞋已经寄回了，商家那边签收了" while another question is open: the return's receipt is on the record too.
  const returned = turn.report.returned && !happened(c, 'return_received') ? turn.report.returned : null;
  if (returned) {
    record(turn, c, 'return_received', { happenedAt: returned.day, note: returned.said ? 'said' : '' });
    before.push(returned.day ? turn.t('returnWhileCollectingOn', { received: formatDay(returned.day, turn.loc) }) : turn.t('returnWhileCollecting'));
  }
  const warned = warnPitfall(turn, e);
  // Said, not swallowed by the pending question: the seller's answer is on the record.
  if (e.sellerReply && !warned && !e.promise) {
    const gone = e.sellerReply === 'no_response' && turn.report.gone;
    before.push(gone ? turn.t('goneWhileCollecting') : turn.t('replyWhileCollecting', { reply: turn.t(`reply.${e.sellerReply}`) }));
  }
  matchLoggedEvidence(turn, c);
  const progressed = noOrderId || merged.filled.length + merged.changed.length > 0 || fixed !== null || merged.detail !== undefined || merged.confirmOrderId !== null || e.promise !== null || e.sellerReply !== null || warned || returned !== null;
  if (merged.unsure.length === 0) {
    // The seller's news while the problem or the wish is asked still leaves that question open: it is
    // counted like an unusable answer, so the case reaches its letter after one re-ask whatever comes.
    const pending = turn.state.pending;
    if (progressed && pending && (asked === 'problem' || asked === 'wants') && nextQuestion(c, candidate) === asked) {
      if (pending.tries >= 1) return moveOn(turn, c, asked, before, candidate);
      const r = advance(turn, c, before, false, candidate);
      if (turn.state.pending?.slot === asked) turn.state.pending = { ...turn.state.pending, tries: 1 };
      return r;
    }
    return advance(turn, c, before, !progressed, candidate);
  }
  // A middling reading is taken and confirmed with buttons: before the next question (which stays
  // the one a typed answer goes to), or, when the case is complete, before the checklist and the
  // letter it shaped (trial 8 s01: a wish confirmed after its letter). The menu is opened last, as
  // before, so the state is the same; only where it is shown moves.
  const next = nextQuestion(c, candidate);
  if (next !== null) {
    confirmReadings(turn, c, merged.unsure.slice(0, 1), before);
    // One menu a step (README): when the next question is a menu too, it follows the answer to this
    // one, so a typed number answers the menu actually shown (trial 11 F13).
    if (optionsFor(turn, next).length > 0) return { tag: 'asked', slot: merged.unsure[0]!.slot };
    return advance(turn, c, [], false, candidate);
  }
  const start = turn.out.length;
  const done = advance(turn, c, [], false, candidate);
  const mark = turn.out.length;
  const menuShown = turn.out.slice(start).some((m) => m.options?.length);
  confirmReadings(turn, c, merged.unsure, before, menuShown);
  turn.out.splice(start, 0, ...turn.out.splice(mark));
  return done;
}

/** Ask the next question (re-asking with a hint after an unusable answer), or complete the case. */
export function advance(turn: Turn, c: CollectingCase, before: string[], failed: boolean, candidate = candidateOrderId(turn)): CollectResult {
  const next = nextQuestion(c, candidate);
  if (next === null) return { tag: 'completed', case: complete(turn, c, before) };
  const pending = turn.state.pending;
  const pendingSlot = pending?.slot === 'stuck' ? pending.value : pending?.slot;
  if (next === 'receivedOn' && pending?.slot === 'receivedOn') return reaskReceipt(turn, c, before, candidate, failed);
  if (failed && pendingSlot === next && pending) {
    const tries = pending.tries + 1;
    // The problem and the wish never hold the case up: after one unanswered re-ask the case moves on
    // (the problem as "other" in the buyer's words, the wish left for the seller to propose).
    if (tries >= 2 && (next === 'problem' || next === 'wants')) return moveOn(turn, c, next, before, candidate);
    if (tries >= MAX_TRIES && (next === 'orderId' || next === 'problem' || next === 'wants' || next === 'receivedOn')) {
      ask(turn, 'stuck', { before, vars: { slot: turn.t(`slot.${next}`) }, value: next });
      // The stuck question remembers which slot is stuck: an answer still fills it, "skip" skips it.
      turn.state.pending = { ...turn.state.pending!, tries, value: next };
      return { tag: 'asked', slot: 'stuck' };
    }
    before.push(turn.t(`reask.${next}`));
    ask(turn, next, { before, value: next === 'confirmOrderId' ? candidate : null, vars: { orderId: candidate ?? '' } });
    turn.state.pending = { ...turn.state.pending!, tries };
    return { tag: 'asked', slot: next };
  }
  ask(turn, next, { before, value: next === 'confirmOrderId' ? candidate : null, vars: { orderId: candidate ?? '' } });
  return { tag: 'asked', slot: next };
}

/** Give up asking for the problem or the wish: the case goes on to its checklist and letter. */
function moveOn(turn: Turn, c: CollectingCase, slot: 'problem' | 'wants', before: string[], candidate: string | null): CollectResult {
  if (slot === 'problem') c.slots.problem = 'other';
  else c.skipped = [...new Set([...c.skipped, 'wants' as const])];
  turn.state.pending = null;
  return advance(turn, c, [...before, turn.t(`movedOn.${slot}`)], false, candidate);
}

/**
 * A message that answered something else (a knowledge question, nothing usable) while a collecting
 * question waits: the question again, counted, so that it is asked once more at the most.
 */
export function reaskCounted(turn: Turn, c: CollectingCase): CollectResult {
  const pending = turn.state.pending;
  const next = nextQuestion(c, candidateOrderId(turn));
  if (pending && pending.slot === next && (next === 'problem' || next === 'wants')) {
    if (pending.tries >= 1) return moveOn(turn, c, next, [], candidateOrderId(turn));
    const r = advance(turn, c, [], false);
    if (turn.state.pending?.slot === next) turn.state.pending = { ...turn.state.pending, tries: pending.tries + 1 };
    return r;
  }
  // The receipt date is skipped after one unusable answer; a question of the buyer's is no answer
  // ("合理吗" after the seller's reply): the date is asked again, not skipped.
  if (pending && pending.slot === 'receivedOn' && next === 'receivedOn') {
    ask(turn, 'receivedOn');
    turn.state.pending = { ...turn.state.pending!, tries: pending.tries };
    return { tag: 'asked', slot: 'receivedOn' };
  }
  return advance(turn, c, [], false);
}

/**
 * The receipt date only refines the advice (the no-reason window), so the three elements never
 * wait on it: a message that does not give it gets the question once more, and the next one
 * (anything: a photo, the seller's reply, "不记得了") moves on without it.
 */
function reaskReceipt(turn: Turn, c: CollectingCase, before: string[], candidate: string | null, failed: boolean): CollectResult {
  const pending = turn.state.pending!;
  if (pending.tries >= 1) {
    c.skipped = [...new Set([...c.skipped, 'receivedOn' as const])];
    turn.state.pending = null;
    // The buyer skipped nothing: the case goes on without the date, and says so.
    return advance(turn, c, [...before, turn.t('movedOn.receivedOn')], false, candidate);
  }
  // Other facts came instead of the date ("退货退款 899，已经寄回去了"): they were noted, and the date is asked again plainly.
  ask(turn, 'receivedOn', { before: failed ? [...before, turn.t('reask.receivedOn')] : before });
  turn.state.pending = { ...turn.state.pending!, tries: 1 };
  return { tag: 'asked', slot: 'receivedOn' };
}

/** A button press (or typed option) for one of the collection questions. */
export function answerChoice(turn: Turn, c: CollectingCase, slot: 'problem' | 'wants' | 'platform', value: string): CollectResult {
  const before: string[] = [];
  const parsed = (slot === 'problem' ? Problem : slot === 'wants' ? Wants : Platform).safeParse(value);
  if (!parsed.success) return advance(turn, c, before, true);
  const had = c.slots[slot];
  (c.slots as Record<string, unknown>)[slot] = value;
  c.skipped = c.skipped.filter((s) => s !== slot);
  if (had !== value) before.push(...acknowledge(turn, c, had === null ? { filled: [slot], changed: [] } : { filled: [], changed: [slot] }));
  matchLoggedEvidence(turn, c);
  return advance(turn, c, before, false);
}

/** Skip the slot that is stuck; the drafts leave a marked place for it. */
export function skipStuck(turn: Turn, c: CollectingCase): CollectResult {
  const p = turn.state.pending;
  const slot = (p?.slot === 'stuck' ? p.value : p?.slot) ?? nextQuestion(c, null);
  if (!slot) return advance(turn, c, [], false);
  c.skipped = [...new Set([...c.skipped, slot as Askable])];
  turn.state.pending = null;
  return advance(turn, c, [turn.t('stuck.skipped', { slot: turn.t(`slot.${slot}`) })], false, null);
}

/**
 * The three elements are known: checklist, the first draft, next steps. What the seller or
 * platform already did decides which rung the first draft is for.
 */
function complete(turn: Turn, collecting: CollectingCase, before: string[]): FollowingCase {
  turn.state.pending = null;
  const c = startFollowing(turn, collecting);
  const s = c.slots;
  // The seller already agreed: a letter asking for a solution would ask for what was given.
  const agreed = lastSellerEvent(c) === 'seller_agreed';
  // Nor is there a letter for the agreement to go into, as the note taken while collecting said.
  const noted = turn.t('replyWhileCollecting', { reply: turn.t('reply.agrees') });
  const readyKey = agreed ? 'readyAgreed' : 'ready';
  const ready = {
    before: agreed ? before.filter((l) => l !== noted) : before,
    // Virtual goods are not "delivered": the header says what the checklist below says.
    vars: { orderId: s.orderId ?? '—', problem: (c.virtual && s.problem === 'not_received' ? turn.t('problem.notCredited') : slotValue(turn, s, 'problem')) ?? '—', wants: slotValue(turn, s, 'wants', c.claimAsked) ?? s.wishText ?? '—' },
  };
  // The reply comes as three messages (the elements above the checklist, the letter, where to
  // go and what next), which a messenger lets out at once; a fourth and fifth would wait their turn
  // (Telegram: about one a second per chat after a short burst).
  // A price drop (价保): the platform's own entry is the first step, before any letter to the seller.
  const priceDrop = c.priceDrop === true && s.problem === 'other' && !agreed ? { ...ready, after: [turn.t('priceDrop.firstStep')] } : ready;
  if (!sendChecklist(turn, c, `${turn.compose(readyKey, priceDrop)}\n`)) turn.info(readyKey, priceDrop);
  const passed = agreed ? null : promisePassedUnsolved(c, turn.now);
  if (happened(c, 'platform_ruled_seller')) {
    c.rung = 'platform';
    escalateToRegulator(turn, c, { key: 'platform.ruledSeller' });
  } else if (happened(c, 'seller_refused') || happened(c, 'seller_no_response')) {
    // The seller has already refused or gone silent: the next rung is the platform (DOMAIN.md ladder).
    escalateToPlatform(turn, c, { key: happened(c, 'seller_refused') ? 'seller.refuses' : happened(c, 'seller_no_response', 'gone') ? 'seller.gone' : 'seller.noResponse' });
  } else if (passed) {
    // The seller's own time ran out before the case reached us (a pasted log): waiting on it again is rung 1 twice.
    escalateToPlatform(turn, c, { key: 'seller.promisePassed', m: { vars: { deadline: formatDateTime(new Date(passed), turn.tz, turn.loc) } } });
  } else if (agreed) {
    sellerAgreed(turn, c);
  } else if (lastSellerEvent(c) === 'seller_counter_offer') {
    // The seller already offered less while the facts were gathered: the buyer's choice on it, not a
    // fresh seller letter with a new deadline that ignores the answer (trial 15 F21).
    offerChoice(turn, c);
  } else {
    if (happened(c, 'platform_handling')) record(turn, c, 'platform_requested', { note: 'buyer' });
    sendSellerDraft(turn, c);
  }
  // Where this platform's buttons are, shown above the next steps when the case opens (an escalated
  // opening showed its rung's entry).
  // A shop of its own has no platform buttons to show.
  const guide = c.rung === 'seller' && !s.standalone ? [`${platformGuideLines(s.platform ?? null, turn.loc, s.platformName).join('\n')}\n`] : [];
  const after = [...windowAdvice(turn, c)];
  if (!turn.state.disclaimerShown) {
    after.push(turn.t('disclaimer'));
    turn.state.disclaimerShown = true;
  }
  // An offer already on the table (asked about above): its choice is the next step, not a letter to send.
  const offered = c.rung === 'seller' && lastSellerEvent(c) === 'seller_counter_offer';
  const next = agreed ? 'nextStepsAgreed' : offered ? 'nextStepsOffer' : c.rung === 'seller' ? (isTakeaway(s) ? 'nextStepsTakeaway' : s.standalone ? 'nextStepsOwnShop' : 'nextSteps') : c.rung === 'platform' ? 'nextStepsPlatform'
    // A shop of its own went past the seller with no platform step: none is said to have been taken.
    : s.standalone && !happened(c, 'platform_ruled_seller') ? 'nextStepsStandalone' : 'nextStepsRegulator';
  // Bought in a WeChat mini program: it may be a 微信小店 order, which WeChat's rules let the buyer take to the platform.
  if (next === 'nextStepsOwnShop' && boughtInMiniProgram(s)) after.unshift(turn.t('ladder.weixinShopMaybe'));
  turn.info(next, { before: guide, after });
  return c;
}
