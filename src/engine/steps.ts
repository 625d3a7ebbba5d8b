/**
 * The follow-up choices of a followed case ("已解决", "还没有", "申请平台介入", "接受卖家的方案"…),
 * whether pressed, typed as a number or label, or said in words: "我不接受" to an offer, "还没到账"
 * to the refund check, "还没结果" to a nudge. What a "no" means depends on the menu that asked.
 */
import { paidInFull } from './settled.ts';
import { closeCase, happened, record } from './case.ts';
import { climb, escalateToRegulator, followMediation, lastRungs, nextStepAdvice, promiseCheckOpen, sendPaymentDraft, stepOptions } from './escalation.ts';
import { latestMenu } from './menus.ts';
import { letterCheckChoice } from './letter-check.ts';
import { acceptOffer, recordReply, returnedAfterRuling, rulingNotCarriedOut, toPlatform } from './reports.ts';
import { pickedUp, pickupMissed, shipmentSent } from './promised-act.ts';
import { pickupAwaited, shipmentPromised } from './promise-record.ts';
import { notAcceptedWording } from './ruling-appeal.ts';
import { readingChosen } from './unclear.ts';
import { formatDateTime } from '../time/deadlines.ts';
import type { Turn } from './turn.ts';
import { promiseKind, type FollowingCase } from '../domain/index.ts';
import type { Extraction } from '../nlu/index.ts';

/** A follow-up button ("已解决", "还没有", "要 12315 投诉文本", "接受卖家的方案"…). */
export function nextStepChoice(turn: Turn, c: FollowingCase, value: string, text = ''): void {
  switch (value) {
    case 'resolved':
      closeCase(turn, 'resolved');
      turn.info('resolved');
      return;
    case 'notYet':
      // Refund agreed but not arrived: on the record, and the platform steps in (seed 002: contact with refund and order numbers).
      record(turn, c, 'refund_missing');
      // The platform already ruled for the buyer: its ruling is not carried out. Waiting for "the
      // platform's result" would be wrong; the buyer takes the ruling back to the platform, then the
      // payment channel or 12315.
      // Sent back after the ruling and not refunded: the ruling is not carried out — a new letter to the platform.
      if (c.rung === 'platform' && returnedAfterRuling(c.timeline)) return rulingNotCarriedOut(turn, c);
      if (c.rung !== 'seller' && happened(c, 'platform_ruled_buyer')) {
        turn.info('next.rulingNotPaid', { choiceSlot: 'nextStep', options: stepOptions(turn, ['payment', 'regulator', 'resolved']) });
        return;
      }
      toPlatform(turn, c, 'escalate.refundMissing');
      return;
    case 'platform':
      toPlatform(turn, c);
      return;
    case 'regulator':
      escalateToRegulator(turn, c, { key: 'escalate.regulator' });
      return;
    case 'payment':
      sendPaymentDraft(turn, c);
      return;
    case 'acceptOffer':
      acceptOffer(turn, c);
      return;
    case 'accepted':
      followMediation(turn, c);
      return;
    case 'notAccepted': {
      // What 12315 said decides the advice ("go to the platform first" after a platform ruling: answer with the ruling).
      const { key, vars } = notAcceptedWording(turn, c, text);
      // Still within the 7 working days and no answer told: nothing is late yet; the reminder stands.
      const due = c.reminders.find((r) => r.reason === 'regulator_acceptance');
      if (due && !key.startsWith('regulator.platformFirst')) {
        turn.info('regulator.acceptanceWait', { vars: { deadline: formatDateTime(new Date(due.deadline), turn.tz, turn.loc) } });
        return;
      }
      turn.cancelReminder(c, 'regulator_acceptance');
      turn.info(key, { vars, choiceSlot: 'nextStep', options: stepOptions(turn, ['payment', 'resolved']) });
      lastRungs(turn);
      return;
    }
    case 'sentNoReply':
    case 'sentReplied':
    case 'notSent':
      letterCheckChoice(turn, c, value);
      return;
    case 'promiseKept':
    case 'promiseNotKept':
    case 'promisePartly':
      promiseCheckChoice(turn, c, value);
      return;
    case 'toldReply':
    case 'toldMoney':
    case 'toldGoods':
    case 'toldOther':
      readingChosen(turn, c, value);
      return;
    case 'eventPending':
      // What the seller's time runs from has not happened yet: no deadline has passed, nothing to claim.
      turn.info('eventCheckin.pending', { choiceSlot: 'nextStep', options: stepOptions(turn, ['platform']) });
      return;
    default:
      turn.info('followingCase', { vars: { orderId: c.slots.orderId ?? '—' } });
  }
}

/**
 * Whether the seller kept the promise whose time ran out. Kept: what came of it is asked (the
 * buyer may be done). Not kept, or kept only in part: the buyer's answer goes on the passed
 * deadline's record, so the letter states it, and the next rung's letter is handed over.
 */
function promiseCheckChoice(turn: Turn, c: FollowingCase, value: 'promiseKept' | 'promiseNotKept' | 'promisePartly', trackingNo: string | null = null): void {
  // A courier pickup: nobody came is a missed pickup to rebook, not the seller's last word; collected, the refund is next.
  if (pickupAwaited(c) && value === 'promiseNotKept') return pickupMissed(turn, c);
  if (pickupAwaited(c) && value === 'promiseKept') return pickedUp(turn, c, trackingNo);
  if (value === 'promiseKept') {
    // "发了 单号…": the number of the parcel the seller sent goes on the record.
    if (trackingNo && shipmentPromised(c)) shipmentSent(turn, c, trackingNo);
    turn.info('promiseCheck.kept', { choiceSlot: 'nextStep', options: stepOptions(turn, ['resolved']) });
    return;
  }
  let at = c.timeline.length - 1;
  while (at >= 0 && !(c.timeline[at]!.type === 'nudged' && c.timeline[at]!.note === 'seller_promise')) at -= 1;
  // A new entry in its place: entries are shared with the state the turn started from.
  if (at >= 0) c.timeline[at] = { ...c.timeline[at]!, note: `seller_promise ${value === 'promiseNotKept' ? 'broken' : 'partly'}` };
  climb(turn, c, 'no_reply', { key: value === 'promiseNotKept' ? 'promiseCheck.notKept' : 'promiseCheck.partly' });
}

/** "只做了一半", "到了但是不对", "only part of it": kept in part. */
const PARTLY = /一部分|一半|只(?:来|到|发|寄|补|退|修|做|处理)了?(?:\d+|[一二两三四五六七八九十几]+)|(?:了|到)[^，,。.！!？?]{0,6}?[，, ]?(?:但是?|可是|不过|就是)|\b(?:only (?:part|some|half)|partly|partially)\b/iu;
/** "取件的一直没来", "还没处理", "补发的一直没收到", "nobody came", "nothing has turned up": not kept. */
const NOT_KEPT = /(?:没|沒|未|冇|不见)(?:有)?(?:人)?(?:来|來|到|做|办|發|发|寄|收|处理|處理|回|退|补|修|取|动静|動靜|消息|结果)|还没|還沒|\b(?:didn'?t|did not|hasn'?t|has not|haven'?t|never|nobody|no one|nothing|not yet)\b/iu;
/** "取走了", "收到了", "处理好了", "they did": kept. */
const KEPT = /(?:来|來|到|做|办|发|發|寄|处理|處理|回|退|补|修|取走|取)(?:了|过|過|好了|完了)|\b(?:they did|done|came|arrived|collected|picked (?:it )?up)\b/iu;

/**
 * "补发到了，但是型号不对" while "did the seller keep their promise?" is open: done only in part, or
 * not at all, however much of it reads as "arrived" — not the case solved.
 */
export function promiseFellShort(turn: Turn, text: string): boolean {
  return promiseCheckOpen(turn) && (PARTLY.test(text) || NOT_KEPT.test(text));
}

/**
 * A message typed while "did the seller keep their promise?" is open: its answer in words. A seller
 * answer reported instead ("卖家说不给退") closes the question and goes the usual way (false).
 */
export function promiseCheckTyped(turn: Turn, c: FollowingCase, e: Extraction, text: string): boolean {
  if (!promiseCheckOpen(turn)) return false;
  if (e.sellerReply && e.sellerReply !== 'no_response' && e.sellerReply !== 'stalls') {
    turn.closeMenus('nextStep');
    return false;
  }
  const value = PARTLY.test(text) ? 'promisePartly' : NOT_KEPT.test(text) ? 'promiseNotKept' : KEPT.test(text) || e.trackingNo ? 'promiseKept' : null;
  if (!value) return false;
  // "退了，18块6到了": the sum that came is held against the one agreed, as anywhere else.
  if (value === 'promiseKept' && paidInFull(turn, c, e, text)) return true;
  turn.closeMenus('nextStep');
  // "还没发货，客服这回说在调货，叫我再等等": the wait the seller asked for, with its excuse, goes on the record too.
  if (value === 'promiseNotKept' && e.sellerReply === 'stalls') recordReply(turn, c, e);
  promiseCheckChoice(turn, c, value, e.trackingNo);
  return true;
}

/**
 * The value a "no" chooses on the latest open step menu: refusing an offer goes to the platform,
 * "not yet" to a refund check is the refund missing, to 12315's acceptance it is not accepted.
 */
function declinedStep(turn: Turn): string | null {
  const values = latestMenu(turn.state, 'nextStep')?.options.map((o) => o.value) ?? [];
  if (values.includes('acceptOffer') && values.includes('platform')) return 'platform';
  if (values.includes('promiseNotKept')) return 'promiseNotKept';
  if (values.includes('eventPending')) return 'eventPending';
  if (values.includes('notYet')) return 'notYet';
  if (values.includes('notAccepted')) return 'notAccepted';
  return null;
}

/** "我不接受", "还没有": a no to the open step menu. False when no open menu gives a no a meaning. */
export function answerNo(turn: Turn, c: FollowingCase): boolean {
  const value = declinedStep(turn);
  if (!value) return false;
  turn.closeMenus('nextStep');
  nextStepChoice(turn, c, value);
  return true;
}

/**
 * "还没结果", "nothing from them": what the case waits for has not happened. A menu that asked
 * takes it as its "no"; otherwise the next step for the rung — still within its time, the wait and
 * its deadline; the platform draft handed over but not yet submitted, submit it; the platform's
 * time run out, the next rung.
 */
export function notYet(turn: Turn, c: FollowingCase): void {
  if (answerNo(turn, c)) return;
  if (answerTimePassed(turn, c)) return;
  const waiting = (reason: string) => c.reminders.some((r) => r.reason === reason);
  if (c.rung === 'platform') {
    const applied = happened(c, 'platform_requested') || happened(c, 'platform_handling');
    if (!applied) return turn.info('next.platformSubmit');
    if (!waiting('platform_followup')) return climb(turn, c, 'ruling_slow', { key: 'next.platformSlow' });
  }
  nextStepAdvice(turn, c);
}

/**
 * "还是没回" once the seller's own time for an answer ran out, before its reminder came (held for the
 * night): nothing is left to wait for — the next rung now, as the reminder would have. A promise to send,
 * collect, visit or refund is asked about by its reminder instead ("did it come?").
 */
function answerTimePassed(turn: Turn, c: FollowingCase): boolean {
  const due = c.reminders.find((r) => r.reason === 'seller_promise');
  const said = c.timeline.filter((e) => e.type === 'seller_promise').at(-1);
  if (c.rung !== 'seller' || !due || !said || Date.parse(due.deadline) > turn.now.getTime()) return false;
  const kind = promiseKind(said.note);
  if (kind !== 'reply' && kind !== 'act') return false;
  turn.cancelReminder(c, 'seller_promise');
  record(turn, c, 'seller_no_response');
  climb(turn, c, 'no_reply', { key: 'next.answerTimePassed', m: { vars: { deadline: formatDateTime(new Date(due.deadline), turn.tz, turn.loc) } } });
  return true;
}
