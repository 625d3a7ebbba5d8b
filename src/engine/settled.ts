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
  const owed = settledSum(c) ?? c.compensationAmount;
  if (got === null || owed === null || got < owed) return false;
  c.slots.amountRefunded = got;
  record(turn, c, 'amended', { note: 'amountRefunded' });
  turn.cancelReminder(c, 'refund_arrival');
  turn.closeMenus('nextStep');
  const money = (n: number): string => moneyValue(turn, c.slots, n);
  turn.info(got === owed ? 'settled.paidAsAgreed' : 'settled.paidMore', {
    vars: { got: money(got), owed: money(owed) }, choiceSlot: 'nextStep', options: stepOptions(turn, ['resolved']),
  });
  return true;
}
