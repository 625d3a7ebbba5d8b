/** The order number in a message. */
import type { Evidence, ExtractOptions } from './types.ts';
import { findNumbers, type NumberFinding } from './numbers.ts';
import { scan, type Scan } from './scan.ts';

/**
 * The order number said to be wrong ("订单号也不对，应该是…", "单号发错了", "不是这个单号", "wrong order
 * number"): a number beside it is the right one, whatever its shape ("是 AB20261130…").
 */
const ORDER_ID_WRONG =
  /(?:订单|訂單|单|單)(?:号|號|编号|編號)?(?:码|碼)?(?:也|又|还|還|好像|其实|其實)?(?:不对|不對|错了|錯了|有误|有誤|搞错|搞錯|弄错|弄錯|[写寫填发發打输輸]错|[写寫填发發打输輸]錯)|不是(?:这|這|那)个(?:订单|訂單|单号|單號)|wrong order (?:number|no|id)|order (?:number|no|id) (?:is|was) wrong/iu;

/** Whether the message says the order number given was wrong. */
export function saysOrderIdWrong(text: string): boolean {
  return ORDER_ID_WRONG.test(text);
}

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
  return pickOrderId(s, findNumbers(s, { expectingOrderId: opts.expectingOrderId, platformJd: jd, orderIdWrong: saysOrderIdWrong(text) }), s.has.has('correction'))?.value ?? null;
}
