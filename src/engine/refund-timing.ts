/**
 * "这笔钱多久能回到卡上", "钱退回来要几天", "how long will the refund take" (the NLU's intent
 * `case_refund_timing`): a question about when the money comes back. It is no wish (the wish on record stays) and no news (the case stays where it
 * is): it is answered from the record, and once the refund was agreed the bot keeps a date to check
 * that it arrived (trial 8 P1). Refund times have no source in DOMAIN.md beyond "refund not arrived
 * → check, then contact": the answer says 通常 and names no number of days.
 */
import { addWorkingDays, formatDate, formatDateTime } from '../time/deadlines.ts';
import { happened, lastSellerEvent } from './case.ts';
import { REFUND_CHECK_WORKING_DAYS } from './reports.ts';
import type { Turn } from './turn.ts';
import type { FollowingCase } from '../domain/index.ts';

/** Extra working days a return adds before its refund can be checked (the way back and the seller's check). */
export const RETURN_EXTRA_WORKING_DAYS = 4;

/** The refund is agreed (by the seller or by a platform ruling) and nothing since took it back. */
function refundAgreed(c: FollowingCase): boolean {
  const last = lastSellerEvent(c);
  return last === 'seller_agreed' || (happened(c, 'platform_ruled_buyer') && !happened(c, 'platform_ruled_seller'));
}

/**
 * Answer "when does the money arrive": how a refund comes back, for the case's stage; after an
 * agreement the date the bot checks it (the refund check is set when none is pending); before one,
 * the next date the case waits for.
 */
export function answerRefundTiming(turn: Turn, c: FollowingCase, nextWait: () => boolean): void {
  const returning = c.slots.wants === 'return_refund' && !happened(c, 'return_received');
  const refund = c.slots.wants !== 'exchange' && c.slots.wants !== 'repair' && c.slots.wants !== 'reship';
  if (!refund || !refundAgreed(c)) {
    turn.info('refundTiming.notAgreed');
    nextWait();
    return;
  }
  let check = c.reminders.find((r) => r.reason === 'refund_arrival' || r.reason === 'refund_due');
  if (!check) {
    const days = REFUND_CHECK_WORKING_DAYS + (returning ? RETURN_EXTRA_WORKING_DAYS : 0);
    const due = addWorkingDays(turn.now, days, turn.tz);
    check = turn.setReminder(c, 'refund_arrival', due.at, due.approx);
  }
  const at = new Date(check.deadline);
  // 第二十五条's refund day is a day: no clock time (as its reminder says it).
  const deadline = check.reason === 'refund_due' ? formatDate(at, turn.tz, turn.loc) : formatDateTime(at, turn.tz, turn.loc);
  turn.info(returning ? 'refundTiming.return' : 'refundTiming.agreed', { vars: { deadline } });
}
