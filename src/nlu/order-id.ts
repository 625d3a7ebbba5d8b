/** The order number in a message. */
import type { Evidence, ExtractOptions } from './types.ts';
import { findNumbers, type NumberFinding } from './numbers.ts';
import { scan, type Scan } from './scan.ts';

/**
 * Pick the order number among the numbers found: on a correction the last one given
 * ("填错了，应该是…"), otherwise the most certain, the first on a tie.
 */
export function pickOrderId(s: Scan, found: readonly NumberFinding[], correction: boolean): { value: string; evidence: Evidence } | null {
  let best: NumberFinding | null = null;
  for (const f of found) {
    if (f.kind !== 'order') continue;
    // On a correction the newest number is the one meant, however it is introduced.
    if (!best || correction || f.confidence > best.confidence) best = f;
  }
  if (!best) return null;
  return { value: best.value, evidence: { span: s.text.slice(best.start, best.end), confidence: best.confidence } };
}

/**
 * The order number as written (spaces removed, full-width digits made half-width), or null.
 * Courier tracking numbers, phone numbers, amounts, dates and product ids are not order numbers.
 *
 * @example extractOrderId('拼多多订单号 241103-572918364502817') // '241103-572918364502817'
 */
export function extractOrderId(text: string, opts: Pick<ExtractOptions, 'expectingOrderId'> = {}): string | null {
  const s = scan(text);
  const jd = s.platform.some((h) => h.value.c === 'jd');
  return pickOrderId(s, findNumbers(s, { expectingOrderId: opts.expectingOrderId, platformJd: jd }), s.has.has('correction'))?.value ?? null;
}
