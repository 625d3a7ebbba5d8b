/**
 * What the buyer reports the seller or the platform did (a `SellerReply` code): recorded on
 * the timeline, with the seller's own words only when the buyer quoted them, and acted on.
 * A counter-offer or a refusal is never taken as agreement.
 */
import type { Extraction } from '../nlu/index.ts';
import { pitfallForReply, pitfallText } from '../knowledge/pitfalls.ts';
import { moveUpDue } from '../knowledge/ladder.ts';
import { addHours, addWorkingDays, formatDateTime } from '../time/deadlines.ts';
import { record } from './case.ts';
import { climb, escalateToPlatform, sendSellerDraft, stepOptions } from './escalation.ts';
import { sendChecklist } from './render.ts';
import type { Turn } from './turn.ts';
import type { FollowingCase, OpenCase, SellerReply, TimelineType } from '../domain/index.ts';

const HOUR = 3600_000;
/** Refund agreed: check it arrived after this many working days (seed 002: merchants typically act within about 3 working days). */
const REFUND_CHECK_WORKING_DAYS = 3;
/** Return agreed: remind to enter the return tracking number the next day (seed 004: the refund closes if the timer runs out). */
const RETURN_TRACKING_HOURS = 24;

const TIMELINE: Readonly<Record<SellerReply, TimelineType>> = {
  agrees: 'seller_agreed',
  refuses: 'seller_refused',
  stalls: 'seller_stalled',
  needs_evidence: 'seller_needs_evidence',
  private_deal: 'private_deal_offered',
  confirm_first: 'confirm_first_asked',
  counter_offer: 'seller_counter_offer',
  no_response: 'seller_no_response',
  return_for_inspection: 'seller_return_for_inspection',
  platform_handling: 'platform_handling',
  platform_for_seller: 'platform_ruled_seller',
  platform_for_buyer: 'platform_ruled_buyer',
};

/** Put what the seller / platform did on the timeline (the quote only when the buyer quoted). */
export function recordReply(turn: Turn, c: OpenCase, e: Extraction): void {
  if (!e.sellerReply) return;
  // The type says what happened; the note stays empty (the drafts of today still read a note as the seller's words).
  record(turn, c, TIMELINE[e.sellerReply], { quote: e.sellerQuote });
}

/** A private deal or "confirm receipt first": the knowledge base's warning, at any phase. */
export function warnPitfall(turn: Turn, e: Extraction): boolean {
  const pitfall = e.sellerReply ? pitfallForReply(e.sellerReply) : null;
  if (!pitfall) return false;
  turn.push({ kind: 'info', key: `pitfall.${pitfall}`, text: `⚠️ ${pitfallText(pitfall, turn.loc)}` });
  return true;
}

/**
 * A seller promise ("卖家说24小时内给我答复", "3个工作日内处理"): a reminder at the deadline,
 * which replaces the one for the draft's own deadline. Returns the confirmation lines.
 */
export function notePromise(turn: Turn, c: OpenCase, e: Extraction): string[] {
  if (!e.promise) return [];
  let deadline: Date;
  let approx = false;
  if (e.promise.workingDays) {
    const r = addWorkingDays(turn.now, e.promise.workingDays, turn.tz);
    deadline = r.at;
    approx = r.approx;
  } else {
    deadline = new Date(turn.now.getTime() + e.promise.hours * HOUR);
  }
  turn.cancelReminder(c, 'reply_deadline');
  const reminder = turn.setReminder(c, 'seller_promise', deadline, approx);
  record(turn, c, 'seller_promise', { quote: e.sellerQuote });
  const lines = [turn.t('promise.set', { deadline: formatDateTime(deadline, turn.tz, turn.loc) })];
  if (approx) lines.push(turn.t('promise.approx'));
  if (reminder.dueAt !== reminder.deadline) lines.push(turn.t('promise.quiet', { due: formatDateTime(new Date(reminder.dueAt), turn.tz, turn.loc) }));
  return lines;
}

function sayPromise(turn: Turn, c: OpenCase, e: Extraction): void {
  turn.push({ kind: 'info', key: 'promise.set', text: notePromise(turn, c, e).join('\n') });
}

/** The seller agreed: what to do next depends on what was agreed. */
export function sellerAgreed(turn: Turn, c: FollowingCase): void {
  turn.cancelReminder(c, 'seller_promise', 'reply_deadline');
  const wants = c.slots.wants;
  if (wants === 'return_refund' || wants === 'exchange') {
    turn.info('seller.agreesReturn');
    turn.setReminder(c, 'return_tracking', addHours(turn.now, RETURN_TRACKING_HOURS));
  } else if (wants === 'refund' || wants === 'compensation' || c.slots.problem === 'refund_issue') {
    turn.info('seller.agreesRefund');
    const r = addWorkingDays(turn.now, REFUND_CHECK_WORKING_DAYS, turn.tz);
    turn.setReminder(c, 'refund_arrival', r.at, r.approx);
  } else {
    turn.info('seller.agreesOther');
  }
}

/**
 * Act on what the seller or platform did while the case is followed. Returns false when the
 * message reported nothing to act on.
 */
export function actOnReply(turn: Turn, c: FollowingCase, e: Extraction): boolean {
  const reply = e.sellerReply;
  if (!reply) {
    if (!e.promise) return false;
    sayPromise(turn, c, e);
    return true;
  }
  recordReply(turn, c, e);
  switch (reply) {
    case 'private_deal':
    case 'confirm_first':
      warnPitfall(turn, e);
      return true;
    case 'refuses':
      if (c.rung === 'seller') climb(turn, c, 'refused', { key: 'seller.refuses' });
      else turn.info('seller.refusesLater');
      return true;
    case 'no_response':
      if (c.rung === 'seller') climb(turn, c, 'no_reply', { key: 'seller.noResponse' });
      else turn.info('seller.refusesLater');
      return true;
    case 'agrees':
      sellerAgreed(turn, c);
      return true;
    case 'counter_offer':
      // Less than asked is not agreement: the buyer decides; refusing it moves up the ladder.
      turn.info('seller.counterOffer', { choiceSlot: 'nextStep', options: stepOptions(turn, ['acceptOffer', 'platform']) });
      return true;
    case 'needs_evidence':
      sendChecklist(turn, c, turn.t('seller.needsEvidence'));
      return true;
    case 'return_for_inspection':
      turn.info('seller.inspection');
      turn.setReminder(c, 'return_tracking', addHours(turn.now, RETURN_TRACKING_HOURS));
      return true;
    case 'stalls':
      if (e.promise) {
        sayPromise(turn, c, e);
      } else {
        turn.info('seller.stalls');
        sendSellerDraft(turn, c, 'seller');
      }
      return true;
    case 'platform_handling':
      platformHandling(turn, c, e);
      return true;
    case 'platform_for_seller':
      climb(turn, c, 'ruling_unfair', { key: 'platform.ruledSeller' });
      return true;
    case 'platform_for_buyer':
      turn.cancelReminder(c, 'platform_followup');
      turn.info('platform.ruledBuyer');
      {
        const r = addWorkingDays(turn.now, REFUND_CHECK_WORKING_DAYS, turn.tz);
        turn.setReminder(c, 'refund_arrival', r.at, r.approx);
      }
      return true;
  }
}

/**
 * The platform is handling the case ("平台说3天内处理", "小二介入了"): no second platform draft;
 * wait for the platform's own timer (or its typical one) and nudge then.
 */
function platformHandling(turn: Turn, c: FollowingCase, e: Extraction): void {
  turn.cancelReminder(c, 'seller_promise', 'reply_deadline');
  if (c.rung === 'seller') {
    c.rung = 'platform';
    record(turn, c, 'platform_requested', { note: 'buyer' });
  }
  let due: { at: Date; approx: boolean };
  if (e.platformTimer?.workingDays) due = addWorkingDays(turn.now, e.platformTimer.workingDays, turn.tz);
  else if (e.platformTimer) due = { at: addHours(turn.now, e.platformTimer.hours), approx: false };
  else due = moveUpDue('platform', turn.now, turn.tz);
  turn.setReminder(c, 'platform_followup', due.at, due.approx);
  turn.info(e.platformTimer ? 'platform.handlingTimer' : 'platform.handling', { vars: { deadline: formatDateTime(due.at, turn.tz, turn.loc) } });
}

/** Refused a counter-offer, or asked for the platform from a follow-up button. */
export function toPlatform(turn: Turn, c: FollowingCase, key = 'escalate.platform'): void {
  if (c.rung === 'seller') escalateToPlatform(turn, c, { key });
  else turn.info('next.platformAlready');
}
