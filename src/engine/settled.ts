/**
 * The money the seller agreed to pay (or the platform ruled) and what the buyer says came of it:
 * the agreed sum is the one an arrival is held against. As much or more came: the buyer is asked
 * whether the case can close (less is a shortfall: follow.ts `refundCameShort`).
 */
import { arrivedSum } from '../nlu/amounts.ts';
import type { Extraction } from '../nlu/index.ts';
import { record, settlement, settledSum } from './case.ts';
import { stepOptions } from './escalation.ts';
import { moneyValue } from './render.ts';
import type { Turn } from './turn.ts';
import type { FollowingCase } from '../domain/index.ts';

/**
 * "到账300了", "got the 150" once a sum was agreed or ruled (or, agreed with no sum named, the sum the
 * buyer asked): at least that much came, so the refund is on the record, its check is done, and the
 * buyer is asked whether the case can close. False when the message is no such report or less came.
 */
export function paidInFull(turn: Turn, c: FollowingCase, e: Extraction, text: string): boolean {
  if (e.sellerReply || !settlement(c)) return false;
  const got = arrivedSum(text) ?? e.amountRefunded;
  // No sum named with a refund or a return agreed or ruled: the whole price is what comes back; with no
  // price on record either, what came is recorded and the buyer asked (no comparison is made up).
  const whole = c.slots.wants === 'refund' || c.slots.wants === 'return_refund';
  const owed = settledSum(c) ?? c.compensationAmount ?? (whole ? c.slots.amountPaid : null);
  if (got === null || (owed === null && !whole) || (owed !== null && got < owed)) return false;
  c.slots.amountRefunded = got;
  record(turn, c, 'amended', { note: 'amountRefunded' });
  turn.cancelReminder(c, 'refund_arrival');
  turn.closeMenus('nextStep');
  const money = (n: number): string => moneyValue(turn, c.slots, n);
  const key = owed === null ? 'settled.paidNoSum' : got === owed ? 'settled.paidAsAgreed' : 'settled.paidMore';
  turn.info(key, {
    vars: { got: money(got), owed: owed === null ? '' : money(owed) }, choiceSlot: 'nextStep', options: stepOptions(turn, ['resolved']),
  });
  return true;
}
