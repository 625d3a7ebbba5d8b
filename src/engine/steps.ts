/**
 * The follow-up choices of a followed case ("已解决", "还没有", "申请平台介入", "接受卖家的方案"…),
 * whether pressed, typed as a number or label, or said in words: "我不接受" to an offer, "还没到账"
 * to the refund check, "还没结果" to a nudge. What a "no" means depends on the menu that asked.
 */
import { closeCase, happened, record } from './case.ts';
import { climb, escalateToRegulator, followMediation, lastRungs, nextStepAdvice, sendPaymentDraft, stepOptions } from './escalation.ts';
import { latestMenu } from './menus.ts';
import { letterCheckChoice } from './letter-check.ts';
import { sellerAgreed, toPlatform } from './reports.ts';
import { formatDateTime } from '../time/deadlines.ts';
import type { Turn } from './turn.ts';
import type { FollowingCase } from '../domain/index.ts';

/** A follow-up button ("已解决", "还没有", "要 12315 投诉文本", "接受卖家的方案"…). */
export function nextStepChoice(turn: Turn, c: FollowingCase, value: string): void {
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
      record(turn, c, 'seller_agreed');
      sellerAgreed(turn, c);
      return;
    case 'accepted':
      followMediation(turn, c);
      return;
    case 'notAccepted': {
      // Still within the 7 working days: nothing is late yet; the reminder stands.
      const due = c.reminders.find((r) => r.reason === 'regulator_acceptance');
      if (due) {
        turn.info('regulator.acceptanceWait', { vars: { deadline: formatDateTime(new Date(due.deadline), turn.tz, turn.loc) } });
        return;
      }
      turn.info('regulator.notAccepted', { choiceSlot: 'nextStep', options: stepOptions(turn, ['payment', 'resolved']) });
      lastRungs(turn);
      return;
    }
    case 'sentNoReply':
    case 'sentReplied':
    case 'notSent':
      letterCheckChoice(turn, c, value);
      return;
    default:
      turn.info('followingCase', { vars: { orderId: c.slots.orderId ?? '—' } });
  }
}

/**
 * The value a "no" chooses on the latest open step menu: refusing an offer goes to the platform,
 * "not yet" to a refund check is the refund missing, to 12315's acceptance it is not accepted.
 */
function declinedStep(turn: Turn): string | null {
  const values = latestMenu(turn.state, 'nextStep')?.options.map((o) => o.value) ?? [];
  if (values.includes('acceptOffer') && values.includes('platform')) return 'platform';
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
  const waiting = (reason: string) => c.reminders.some((r) => r.reason === reason);
  if (c.rung === 'platform') {
    const applied = happened(c, 'platform_requested') || happened(c, 'platform_handling');
    if (!applied) return turn.info('next.platformSubmit');
    if (!waiting('platform_followup')) return climb(turn, c, 'ruling_slow', { key: 'next.platformSlow' });
  }
  nextStepAdvice(turn, c);
}
