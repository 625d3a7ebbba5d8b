/**
 * The 7-day no-reason window (网络购买商品七日无理由退货暂行办法: counted from the day after
 * signing): a reminder on its last morning while the case is open, or a note that it passed.
 */
import { formatDate, noReasonWindow } from '../time/deadlines.ts';
import { noReasonAdvice, noReasonStatus } from '../knowledge/noReason.ts';
import type { Turn } from './turn.ts';
import type { OpenCase } from '../domain/index.ts';

/** Remind at 10:00 local on the last day — early enough to act that day (the window closes at 24:00). */
const LAST_MORNING_BEFORE_CLOSE_MS = 14 * 3600_000 - 1000;

/** Lines about the window for a change-of-mind case with a receipt date (empty otherwise); sets its reminder. */
export function windowAdvice(turn: Turn, c: OpenCase): string[] {
  if (c.slots.problem !== 'changed_mind' || !c.slots.receivedOn) return [];
  const w = noReasonWindow(c.slots.receivedOn, turn.tz);
  const lastDay = formatDate(w.closesAt, turn.tz, turn.loc);
  // Closed: the knowledge base says so, and offers the quality route only for a described defect.
  if (w.closesAt.getTime() <= turn.now.getTime()) return [noReasonAdvice(noReasonStatus(c.slots.receivedOn, turn.now, turn.tz), turn.loc, false)];
  const lastMorning = new Date(w.closesAt.getTime() - LAST_MORNING_BEFORE_CLOSE_MS);
  if (lastMorning.getTime() > turn.now.getTime()) turn.setReminder(c, 'no_reason_window', lastMorning);
  return [turn.t('windowInfo', { firstDay: formatDate(new Date(`${w.firstDay}T12:00:00Z`), 'UTC', turn.loc), lastDay })];
}
