/** How the seller answered, as the buyer reports it. */
import type { Evidence, SellerReply } from './types.ts';
import { quoteAt, type Scan } from './scan.ts';

/** These only ever come from the seller side, whoever the buyer says spoke. */
const ALWAYS_SELLER: ReadonlySet<SellerReply> = new Set(['private_deal', 'confirm_first']);

/**
 * The seller's answer when the buyer reports one: a reply word inside quoted seller speech,
 * or anywhere in a message that names the seller. The strongest reply wins ("不同意" over "同意"
 * is settled by the lexicon's longest match). A private deal or "confirm first" always counts:
 * the bot must warn about both.
 */
export function extractSellerReply(s: Scan): { value: SellerReply; evidence: Evidence } | null {
  const sellerNamed = s.has.has('seller') || s.has.has('quote') || s.has.has('instruct');
  let best: Scan['seller'][number] | null = null;
  for (const h of s.seller) {
    const c = h.value.c;
    if (c === null) continue;
    if (!ALWAYS_SELLER.has(c) && !sellerNamed && !quoteAt(s, h.start)) continue;
    if (!best || h.value.w > best.value.w) best = h;
  }
  if (!best || best.value.c === null) return null;
  return {
    value: best.value.c,
    evidence: { span: s.text.slice(best.start, best.end), confidence: quoteAt(s, best.start) ? 0.85 : 0.65 },
  };
}
