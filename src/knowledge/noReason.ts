/**
 * Whether the 7-day no-reason return (消费者权益保护法 第二十五条) is still open for a case:
 * the 7 days start the day after signing for the goods (网络购买商品七日无理由退货暂行办法).
 * Outside the window the bot says it has closed; it never drafts a no-reason return then.
 */
import { noReasonWindow } from '../time/deadlines.ts';

export type NoReasonStatus =
  | { state: 'open'; firstDay: string; lastDay: string; closesAt: Date }
  | { state: 'closed'; firstDay: string; lastDay: string; closesAt: Date }
  /** No (valid) receipt date: the bot cannot tell, and claims nothing. */
  | { state: 'unknown' };

/**
 * @param receivedOn YYYY-MM-DD the goods were signed for, or null
 * @example noReasonStatus('2026-11-19', new Date('2026-11-22T12:00:00+08:00'), 'Asia/Shanghai').state // 'open' (until 11-26)
 */
export function noReasonStatus(receivedOn: string | null | undefined, now: Date, tz: string): NoReasonStatus {
  if (!receivedOn || !/^\d{4}-\d{2}-\d{2}$/.test(receivedOn)) return { state: 'unknown' };
  let w;
  try {
    w = noReasonWindow(receivedOn, tz);
  } catch {
    return { state: 'unknown' };
  }
  return { state: now.getTime() <= w.closesAt.getTime() ? 'open' : 'closed', ...w };
}
