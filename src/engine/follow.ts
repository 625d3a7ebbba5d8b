/**
 * Following an open case: what the seller said (as the buyer reports it), promises and
 * their reminders, escalation up the ladder (seller → platform → 12315 / payment
 * channel), and closing the case.
 */
import type { Extraction } from '../nlu/types.ts';
import { addWorkingDays, formatDate, formatDateTime, noReasonWindow } from '../time/deadlines.ts';
import { acknowledge, mergeExtraction, nextQuestion, sellerDraftKind, windowAdvice } from './collect.ts';
import { requestPhrase } from './phrases.ts';
import { ask, optionsFor, sendChecklist, sendDraft } from './render.ts';
import { platformGuide } from '../knowledge/platforms.ts';
import type { Turn } from './turn.ts';
import type { Case, CaseSummary, Outbound } from '../domain/index.ts';

const HOUR = 3600_000;
/** How long to wait for a platform ruling before suggesting the next rung (seed 001: review often takes 1–3 working days). */
const PLATFORM_FOLLOWUP_WORKING_DAYS = 3;
/** A stalling seller without a deadline of their own gets this one (seed 004: "set a 24 h deadline"). */
const STALL_DEADLINE_HOURS = 24;
/** Refund agreed: check it arrived after this many working days (seed 002: merchants typically act within about 3 working days). */
const REFUND_CHECK_WORKING_DAYS = 3;
/** Return agreed: remind to enter the return tracking number the next day (seed 004: the refund closes if the timer runs out). */
const RETURN_TRACKING_HOURS = 24;
const TIMELINE_MAX = 100;

function record(turn: Turn, c: Case, type: Case['timeline'][number]['type'], note = ''): void {
  c.timeline.push({ at: turn.nowIso, type, note: note.slice(0, 200), quote: null, happenedAt: null });
  if (c.timeline.length > TIMELINE_MAX) c.timeline.splice(0, c.timeline.length - TIMELINE_MAX);
}

/**
 * A seller promise ("卖家说24小时内给我答复", "3个工作日内处理"): remember it and set a reminder
 * at the deadline. The confirmation goes into `prefix` (or is sent at once).
 */
export function handlePromise(turn: Turn, c: Case, e: Extraction, prefix?: string[]): boolean {
  if (!e.promise) return false;
  let deadline: Date;
  let approx = false;
  if (e.promise.workingDays) {
    const r = addWorkingDays(turn.now, e.promise.workingDays, turn.tz);
    deadline = r.at;
    approx = r.approx;
  } else {
    deadline = new Date(turn.now.getTime() + e.promise.hours * HOUR);
  }
  const reminder = turn.setReminder(c, 'seller_promise', deadline, approx);
  record(turn, c, 'seller_promise', e.evidence.promise?.span ?? `${e.promise.hours}h`);
  const lines = [turn.t('promise.set', { deadline: formatDateTime(deadline, turn.tz, turn.loc) })];
  if (approx) lines.push(turn.t('promise.approx'));
  if (reminder.dueAt !== reminder.deadline) lines.push(turn.t('promise.quiet', { due: formatDateTime(new Date(reminder.dueAt), turn.tz, turn.loc) }));
  if (prefix) prefix.push(...lines);
  else turn.info(lines.join('\n'));
  return true;
}

/** Off-platform deals and "confirm receipt first" are warned about at any stage (DOMAIN.md pitfalls). */
export function handleSellerWarning(turn: Turn, c: Case, e: Extraction): boolean {
  if (e.sellerReply === 'private_deal') {
    record(turn, c, 'private_deal_offered', e.evidence.sellerReply?.span);
    turn.info(turn.t('seller.privateDeal'));
    return true;
  }
  if (e.sellerReply === 'confirm_first') {
    record(turn, c, 'confirm_first_asked', e.evidence.sellerReply?.span);
    turn.info(turn.t('seller.confirmFirst'));
    return true;
  }
  return false;
}

/**
 * While the three elements are being collected, what the seller already said is only
 * recorded (for the drafts' timeline); it is acted on once the case is complete.
 */
export function noteSellerReply(turn: Turn, c: Case, e: Extraction, text: string): boolean {
  const type = ({ refuses: 'seller_refused', agrees: 'seller_agreed', stalls: 'seller_stalled', needs_evidence: 'seller_needs_evidence' } as const)[
    e.sellerReply as 'refuses'
  ];
  if (!type) return false;
  record(turn, c, type, text);
  return true;
}

/** Move the case to the platform rung: the intervention draft and a follow-up reminder. */
export function escalateToPlatform(turn: Turn, c: Case, intro: string, introKind: 'info' | 'nudge' = 'info'): void {
  turn.cancelReminder(c, 'seller_promise');
  c.rung = 'platform';
  record(turn, c, 'escalated', 'platform');
  turn.say(introKind, intro);
  sendDraft(turn, c, 'platform');
  sendPlatformGuide(turn, c);
  const r = addWorkingDays(turn.now, PLATFORM_FOLLOWUP_WORKING_DAYS, turn.tz);
  turn.setReminder(c, 'platform_followup', r.at, r.approx);
}

/**
 * Where this platform's intervention button is (knowledge/platforms). Without a known
 * platform, the buyer is offered the choice — the only point where the platform changes
 * the advice.
 */
export function sendPlatformGuide(turn: Turn, c: Case): void {
  const platform = c.slots.platform;
  if (!platform || platform === 'other') {
    turn.say('info', turn.t('guide.ask'), { choiceSlot: 'platform', options: optionsFor(turn, 'platform') });
    return;
  }
  const guide = platformGuide(platform, turn.loc);
  const lines = [turn.t('guide.entry', { name: guide.name, entry: guide.interventionEntry })];
  if (guide.hotline) lines.push(turn.t('guide.hotline', { name: guide.name, hotline: guide.hotline }));
  lines.push(...guide.timers);
  turn.info(lines.join('\n'));
}

/** Regulator (12315) or payment-channel dispute: the top of the ladder. */
function escalateBeyondPlatform(turn: Turn, c: Case, to: 'regulator' | 'payment'): void {
  c.rung = 'regulator';
  record(turn, c, 'escalated', to);
  sendDraft(turn, c, to);
}

/** Close the case as resolved or cancelled: reminders cancelled, a summary kept. */
export function closeCase(turn: Turn, status: 'resolved' | 'cancelled'): Case | null {
  const c = turn.state.active;
  if (!c) return null;
  turn.cancelAllReminders(c);
  c.status = status;
  record(turn, c, status);
  const summary: CaseSummary = {
    id: c.id,
    openedAt: c.openedAt,
    closedAt: turn.nowIso,
    status,
    orderId: c.slots.orderId,
    problem: c.slots.problem,
    wants: c.slots.wants,
  };
  // A case cancelled before anything was collected is not worth keeping in /cases.
  const empty = status === 'cancelled' && !c.slots.orderId && !c.slots.problem && !c.slots.wants && c.evidence.length === 0;
  if (!empty) turn.state.closed = [...turn.state.closed, summary].slice(-50);
  turn.state.active = null;
  return c;
}

/**
 * A message about an open case (the three elements are known): what the seller said,
 * a promise, a request for another draft, extra facts, or "solved".
 */
export function follow(turn: Turn, c: Case, e: Extraction, text: string): void {
  if (e.resolved && e.sellerReply !== 'refuses') {
    closeCase(turn, 'resolved');
    turn.info(turn.t('resolved'));
    return;
  }

  // Another order number, not said to be a correction: probably another order.
  if (e.orderId && c.slots.orderId && e.orderId !== c.slots.orderId && !e.correction) {
    turn.info(turn.t('otherOrder', { orderId: e.orderId, current: c.slots.orderId }));
    return;
  }

  const wantsBefore = c.slots.wants;
  const problemBefore = c.slots.problem;
  const merged = mergeExtraction(turn, c, e, text);
  // A changed request or problem while following: the seller text is rewritten for it.
  const restated = (c.slots.wants !== wantsBefore || c.slots.problem !== problemBefore) && !e.sellerReply;
  const ack = acknowledge(turn, c, merged);
  if (ack.length) turn.info(ack.join('\n'));
  let handled = merged.filled.length + merged.corrected.length > 0;

  if (e.receivedOn && merged.filled.includes('receivedOn') && c.slots.problem === 'changed_mind') {
    turn.info(windowAdvice(turn, c).join('\n'));
  }

  if (handleSellerWarning(turn, c, e)) handled = true;
  switch (e.sellerReply) {
    case 'refuses':
      record(turn, c, 'seller_refused', text);
      escalateToPlatform(turn, c, turn.t('seller.refuses'));
      return;
    case 'agrees':
      record(turn, c, 'seller_agreed', text);
      sellerAgreed(turn, c);
      return;
    case 'needs_evidence':
      record(turn, c, 'seller_needs_evidence', text);
      sendChecklist(turn, c, turn.t('seller.needsEvidence'));
      return;
    case 'stalls':
      record(turn, c, 'seller_stalled', text);
      if (!e.promise) {
        turn.info(turn.t('seller.stalls'));
        sendDraft(turn, c, 'seller');
        turn.setReminder(c, 'seller_promise', new Date(turn.now.getTime() + STALL_DEADLINE_HOURS * HOUR));
        return;
      }
      break;
    default:
      break;
  }
  if (e.promise) {
    handlePromise(turn, c, e);
    return;
  }

  switch (requestPhrase(text)) {
    case 'escalatePlatform':
      escalateToPlatform(turn, c, turn.t('escalate.platform'));
      return;
    case 'escalateRegulator':
      escalateBeyondPlatform(turn, c, 'regulator');
      return;
    case 'escalatePayment':
      escalateBeyondPlatform(turn, c, 'payment');
      return;
    case 'compensation':
      sendDraft(turn, c, 'compensation');
      return;
    case 'refundShortfall':
      sendDraft(turn, c, 'refund_shortfall');
      return;
    default:
      break;
  }

  if (merged.filled.includes('amountRefunded') || merged.corrected.includes('amountRefunded')) {
    if (sellerDraftKind(c) === 'refund_shortfall') {
      sendDraft(turn, c, 'refund_shortfall');
      return;
    }
  }
  if (restated) {
    sendDraft(turn, c, sellerDraftKind(c));
    return;
  }
  if (!handled) turn.info(turn.t('followingCase', { orderId: c.slots.orderId ?? '—' }));
}

/** The seller agreed: what to do next depends on what was agreed. */
function sellerAgreed(turn: Turn, c: Case): void {
  turn.cancelReminder(c, 'seller_promise');
  const wants = c.slots.wants;
  if (wants === 'return_refund' || wants === 'exchange') {
    turn.info(turn.t('seller.agreesReturn'));
    turn.setReminder(c, 'return_tracking', new Date(turn.now.getTime() + RETURN_TRACKING_HOURS * HOUR));
  } else if (wants === 'refund' || wants === 'compensation' || c.slots.problem === 'refund_issue') {
    turn.info(turn.t('seller.agreesRefund'));
    const r = addWorkingDays(turn.now, REFUND_CHECK_WORKING_DAYS, turn.tz);
    turn.setReminder(c, 'refund_arrival', r.at, r.approx);
  } else {
    turn.info(turn.t('seller.agreesOther'));
  }
}

/** A reminder fell due. Reminders no longer in the case (cancelled, already sent) say nothing. */
export function onTick(turn: Turn, reminderId: string, late: boolean): void {
  const c = turn.state.active;
  const reminder = c?.reminders.find((r) => r.id === reminderId);
  if (!c || !reminder) return;
  c.reminders = c.reminders.filter((r) => r.id !== reminderId);
  record(turn, c, 'nudged', reminder.reason);
  const lateNote = late ? [turn.t('nudge.late', { due: formatDateTime(new Date(reminder.dueAt), turn.tz, turn.loc) })] : [];
  const deadline = formatDateTime(new Date(reminder.deadline), turn.tz, turn.loc);
  const nudge = (key: string, vars: Record<string, string> = {}, extra: Partial<Outbound> = {}) =>
    turn.say('nudge', [turn.t(key, { deadline, ...vars }), ...lateNote].join('\n'), extra);

  switch (reminder.reason) {
    case 'seller_promise': {
      if (c.status === 'collecting') {
        const missing = ['orderId', 'problem', 'wants'].filter((s) => c.slots[s as 'orderId'] === null).map((s) => turn.t(`slot.${s}`));
        nudge('nudge.seller_promise_incomplete', { missing: missing.join(turn.t('list.sep')) });
        const next = nextQuestion(c);
        if (next) ask(turn, c, next);
        return;
      }
      escalateToPlatform(turn, c, [turn.t('nudge.seller_promise', { deadline }), ...lateNote].join('\n'), 'nudge');
      return;
    }
    case 'no_reason_window': {
      const closes = c.slots.receivedOn ? noReasonWindow(c.slots.receivedOn, turn.tz).closesAt : new Date(reminder.deadline);
      nudge('nudge.no_reason_window', { lastDay: formatDate(closes, turn.tz, turn.loc) });
      return;
    }
    case 'return_tracking':
      nudge('nudge.return_tracking');
      return;
    case 'refund_arrival':
      nudge('nudge.refund_arrival', {}, { choiceSlot: 'nextStep', options: nextStepOptions(turn, ['resolved', 'notYet']) });
      c.asking = { slot: 'nextStep', tries: 0 };
      return;
    case 'platform_followup':
      nudge('nudge.platform_followup', {}, {
        choiceSlot: 'nextStep',
        options: nextStepOptions(turn, ['resolved', 'regulator', 'payment']),
      });
      c.asking = { slot: 'nextStep', tries: 0 };
      return;
  }
}

function nextStepOptions(turn: Turn, values: ('resolved' | 'notYet' | 'regulator' | 'payment')[]) {
  return values.map((value) => ({ value, label: turn.t(`followup.${value}`) }));
}

/** A follow-up button ("已解决", "还没有", "要 12315 投诉文本", "要支付渠道争议文本"). */
export function nextStepChoice(turn: Turn, c: Case, value: string): void {
  c.asking = null;
  switch (value) {
    case 'resolved':
      closeCase(turn, 'resolved');
      turn.info(turn.t('resolved'));
      return;
    case 'notYet':
      // Refund agreed but not arrived: the platform steps in (seed 002: contact with refund and order numbers).
      escalateToPlatform(turn, c, turn.t('escalate.refundMissing'));
      return;
    case 'regulator':
    case 'payment':
      escalateBeyondPlatform(turn, c, value);
      return;
    default:
      turn.info(turn.t('followingCase', { orderId: c.slots.orderId ?? '—' }));
  }
}
