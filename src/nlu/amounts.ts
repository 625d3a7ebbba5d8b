/** Money the buyer paid and money refunded ("实付199元", "只退了50块", "paid ¥120"). */
import { parseNumber } from './numerals.ts';
import type { Scan } from './scan.ts';

const MONEY =
  /(?:[¥￥$]|rmb|cny)\s?(\d{1,7}(?:\.\d{1,2})?)|(\d{1,7}(?:\.\d{1,2})?)\s?(?:元|块钱|块|rmb|yuan|cny|刀)|([一二两三四五六七八九十百千万零]{1,8})\s?(?:元|块钱|块)/g;
/** Money that is neither the price nor a refund: shipping, coupons, price differences. */
const NOT_PRICE = /(?:运费|快递费|邮费|差价|券|优惠|降价|便宜|补偿|赔|shipping|coupon)\s?$/;
const LOOKBACK = 10;
const CLAUSE_BREAK = new Set([...'。！？!?；;，,']);

export interface Amounts {
  amountPaid: number | null;
  amountRefunded: number | null;
}

/**
 * Amounts of money, classified by the nearest cue before them in the same clause:
 * a refund word makes it the refunded amount, a payment word (or none) the price paid.
 * The first of each kind wins.
 */
export function extractAmounts(s: Scan): Amounts {
  const out: Amounts = { amountPaid: null, amountRefunded: null };
  const norm = s.norm;
  MONEY.lastIndex = 0;
  for (let m = MONEY.exec(norm); m; m = MONEY.exec(norm)) {
    const raw = m[1] ?? m[2] ?? m[3]!;
    const value = parseNumber(raw);
    if (value === null || !Number.isFinite(value)) continue;
    const before = norm.slice(Math.max(0, m.index - 6), m.index);
    if (NOT_PRICE.test(before)) continue;
    let kind: 'paid' | 'refunded' | null = null;
    for (let d = 0; d <= LOOKBACK && m.index - d >= 0 && kind === null; d++) {
      const at = m.index - d;
      if (d > 0 && CLAUSE_BREAK.has(norm[at]!)) break;
      for (const c of s.cueEndingAt.get(at) ?? []) {
        if (c === 'paid' || c === 'refunded') {
          kind = c;
          break;
        }
      }
    }
    if (kind === 'refunded') {
      out.amountRefunded ??= value;
    } else {
      out.amountPaid ??= value;
    }
    if (out.amountPaid !== null && out.amountRefunded !== null) break;
  }
  return out;
}
