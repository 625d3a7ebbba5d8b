/**
 * The seller has the buyer's returned goods ("商家已签收退货"): an event on the record. For a
 * no-reason return (消费者权益保护法 第二十五条, DOMAIN.md "Law and official timers") the business
 * must refund within 7 days of receiving it: a reminder for that day, and the next letter cites it.
 * A return for a fault (第二十四条) has no such statutory day in DOMAIN.md: the receipt is recorded only.
 */
import { isPrivateSeller } from '../drafts/parts.ts';
import { formatDay, localDay, returnRefundDue } from '../time/deadlines.ts';
import { happened, record } from './case.ts';
import { escalateToPlatform } from './escalation.ts';
import type { Turn } from './turn.ts';
import type { FollowingCase, OpenCase, TimelineEntry } from '../domain/index.ts';

/** Whether 第二十五条's refund deadline applies: a change of mind (a no-reason return) from a business. */
export function noReasonReturn(c: Pick<OpenCase, 'slots'>): boolean {
  return c.slots.problem === 'changed_mind' && !isPrivateSeller(c.slots);
}

/** The case already has a return on its record (agreed, sent for inspection, or its waybill given). */
export function returning(c: OpenCase): boolean {
  return Boolean(c.slots.returnTrackingNo) || happened(c, 'seller_return_for_inspection') ||
    (happened(c, 'seller_agreed') && (c.slots.wants === 'return_refund' || c.slots.wants === 'exchange'));
}

/** The local day of a recorded receipt: the day the buyer named, else the day they told it. */
export function receiptDay(e: TimelineEntry, tz: string): string {
  return e.happenedAt && /^\d{4}-\d{2}-\d{2}$/.test(e.happenedAt) ? e.happenedAt : localDay(new Date(e.happenedAt ?? e.at), tz);
}

/**
 * The courier lost the parcel sent back ("顺丰说件丢了"): on the record once (the letters say the
 * seller did not receive it, never that it signed for it), with what the buyer can do about it.
 */
export function returnLostReported(turn: Turn, c: FollowingCase): void {
  if (c.timeline.some((e) => e.type === 'return_lost')) return;
  turn.cancelReminder(c, 'return_tracking');
  record(turn, c, 'return_lost');
  turn.info('return.lost');
}

/**
 * Record the seller's receipt of the return (on `day`, or today; `said`: as the seller's word) and say what follows: for a
 * no-reason return the refund's last day, with a reminder the morning after it; once that day
 * has passed, the platform step at once (on the seller rung). With the seller's answer in the same
 * message (`answered`: "收到了，检测是人为的，不给换"), the receipt alone: the answer says what follows.
 */
export function returnReceived(turn: Turn, c: FollowingCase, day: string | null, answered = false, said = false): void {
  // The seller has acted (it took the goods back): its reply deadlines and the waybill reminder are behind the case.
  turn.cancelReminder(c, 'return_tracking', 'reply_deadline', 'seller_promise', 'no_reason_window');
  // "卖家说收到了": the seller's word (letters say "卖家称已收到"), not a signing seen on a day.
  record(turn, c, 'return_received', { happenedAt: day, note: said ? 'said' : '' });
  const received = day ?? localDay(turn.now, turn.tz);
  const vars = { received: formatDay(received, turn.loc) };
  if (!noReasonReturn(c)) {
    // What is awaited after the receipt: the new item for an exchange, the item back for a repair, else the refund.
    const key = answered ? 'receivedOnly' : c.slots.wants === 'exchange' ? 'receivedExchange' : c.slots.wants === 'repair' ? 'receivedRepair' : 'received';
    turn.info(`return.${key}`, { vars });
    return;
  }
  const due = returnRefundDue(received, turn.tz);
  const refundVars = { ...vars, lastDay: formatDay(due.lastDay, turn.loc) };
  if (due.dueAt.getTime() > turn.now.getTime()) {
    turn.setReminder(c, 'refund_due', due.dueAt);
    turn.info('return.refundDue', { vars: refundVars });
  } else if (c.rung === 'seller') {
    escalateToPlatform(turn, c, { key: 'return.refundOverdue', m: { vars: refundVars } });
  } else {
    turn.info('return.refundOverdueLater', { vars: refundVars });
  }
}
