/**
 * "商家申诉了，说要我把货退回去才给退，不然要追回退款": the seller appealed the case to the platform
 * (typically after the platform sided with the buyer). The appeal is on the record with what the
 * buyer said it demands, the buyer hears the next step (answer it inside the platform with the
 * evidence; no return before the platform asks for one), and gets the platform letter with the
 * appeal in it to answer the review with (trial 8 P3). DOMAIN.md has no appeal timers: none are named.
 */
import { record } from './case.ts';
import { sendDraft } from './render.ts';
import type { Turn } from './turn.ts';
import type { FollowingCase } from '../domain/index.ts';

/** The seller (or "they") appealed, or wants the refund back. */
const APPEAL = /(?:商家|卖家|賣家|店家|商户|對方|对方|他们|他們)[^，,。！!？?]{0,6}(?:申诉|申訴|上诉|上訴)|(?:追回|扣回|要回|收回)(?:了)?(?:退款|货款|貨款|那笔钱|钱|錢)|\bseller\b.{0,20}\bappeal/iu;
/** The appeal demands the goods back. */
const RETURN_DEMAND = /退回|寄回|退货|退貨|把货退|把東西退|把东西退|send (?:it|the item|them) back|return (?:it|the item)/iu;
/** The appeal would take the refund back. */
const CLAWBACK = /追回|扣回|要回|收回|take (?:the|my) (?:refund|money) back|claw/iu;

/** The message reports the seller's appeal. */
export function reportsAppeal(text: string): boolean {
  return APPEAL.test(text);
}

/** Record the appeal and answer with the next step and the letter for the platform's review. */
export function appealReported(turn: Turn, c: FollowingCase, text: string): void {
  const note = [RETURN_DEMAND.test(text) ? 'return' : '', CLAWBACK.test(text) ? 'clawback' : ''].filter(Boolean).join(' ');
  record(turn, c, 'seller_appealed', { note });
  // The seller answered (by appealing): its reply time is over; the platform reviews now.
  turn.cancelReminder(c, 'seller_promise', 'reply_deadline');
  turn.closeMenus('nextStep');
  if (c.rung === 'seller') c.rung = 'platform';
  // On the 12315 rung a platform letter would step back down the ladder: the advice alone.
  const letter = c.rung === 'platform' && !c.slots.standalone;
  turn.info(letter ? 'appeal.reported' : 'appeal.reportedNoLetter');
  if (letter) sendDraft(turn, c, 'platform');
}
