/**
 * Whether the 7-day no-reason return (消费者权益保护法 第二十五条) is still open for a case:
 * the 7 days start the day after signing for the goods (网络购买商品七日无理由退货暂行办法).
 * Outside the window the bot says it has closed; it never drafts a no-reason return then.
 */
import { t } from '../i18n/index.ts';
import type { Locale } from '../domain/index.ts';
import { formatDay, noReasonWindow } from '../time/deadlines.ts';

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

/**
 * What the bot tells the buyer about the 7-day window: open (until when), closed (no no-reason
 * return; only goodwill), or unknown (ask for the receipt date). Outside the window the quality
 * route (第二十四条: exchange or repair after seven days) is offered only when the buyer has
 * described a defect (`defectDescribed`), never to dress up a change of mind.
 *
 * @example noReasonAdvice(noReasonStatus('2026-11-10', now, tz), 'zh-CN', false) // '七天无理由退货期已于2026年11月17日结束…'
 */
export function noReasonAdvice(status: NoReasonStatus, locale: Locale, defectDescribed: boolean): string {
  const k = 'knowledge.noReason';
  if (status.state === 'unknown') return t(locale, `${k}.unknown`);
  const lastDay = formatDay(status.lastDay, locale);
  if (status.state === 'open') return t(locale, `${k}.open`, { lastDay });
  return defectDescribed ? `${t(locale, `${k}.closed`, { lastDay })}\n${t(locale, `${k}.closedDefect`)}` : t(locale, `${k}.closed`, { lastDay });
}
