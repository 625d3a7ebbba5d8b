/** What the buyer asks for, as one of the CONTRACTS.md §1 wants codes. */
import type { Problem, Wants } from '../engine/types.ts';
import type { Evidence } from './types.ts';
import { cueBefore, quoteAt, type Scan } from './scan.ts';

/**
 * The remedy the buyer wants: the firmest, then the first one named.
 *
 * - Negated remedies do not count ("不要换货，直接退款" → refund).
 * - The seller's words quoted by the buyer are not the buyer's wish ("客服说给我补发");
 *   when the seller tells the buyer to do something ("让我申请退款") it counts, weakly.
 * - "只能维修" is a complaint about the only option, not a wish.
 * - A refund problem with no remedy named asks for the money owed → refund.
 */
export function extractWants(s: Scan, problem: Problem | null): { value: Wants; evidence: Evidence } | null {
  let best: { h: Scan['wants'][number]; score: number } | null = null;
  for (const h of s.wants) {
    if (h.value.c === null) continue;
    let w = h.value.w;
    const quote = quoteAt(s, h.start);
    if (quote?.kind === 'quote') continue;
    if (quote?.kind === 'instruct') {
      // "让我加微信私下退款" is an offer to leave the platform, not a remedy to pursue.
      if (s.seller.some((x) => x.value.c === 'private_deal' && x.start >= quote.start && x.start < quote.end)) continue;
      w *= 0.4;
    }
    const stance = cueBefore(s, h.start, ['negation', 'firm', 'only', 'switch']);
    if (stance === 'negation') continue;
    if (stance === 'only') w *= 0.3;
    if (stance === 'firm') w += 1;
    if (stance === 'switch') w += 2;
    if (cueBefore(s, h.start, ['past'])) w *= 0.6;
    if (!best || w > best.score) best = { h, score: w };
  }
  // A refund that went wrong is about money owed: a return mentioned with it is the history
  // ("退货了，钱没到账"), and small fees mentioned with it are part of the same money.
  if (best && problem === 'refund_issue' && (best.h.value.c === 'return_refund' || (best.h.value.c === 'compensation' && best.score < 3))) {
    return { value: 'refund', evidence: { span: s.text.slice(best.h.start, best.h.end), confidence: 0.6 } };
  }
  if (best && best.h.value.c !== null) {
    return {
      value: best.h.value.c,
      evidence: { span: s.text.slice(best.h.start, best.h.end), confidence: Math.min(0.95, 0.3 + best.score * 0.15) },
    };
  }
  if (problem === 'refund_issue') return { value: 'refund', evidence: { span: '', confidence: 0.5 } };
  return null;
}
