/**
 * A sum offered on conditions ("$8 back if I keep it and leave a 5-star review", "退你10块，东西留着，
 * 给个五星好评"): a counter-offer with its terms, never a demand to confirm receipt. The record says
 * what was offered and on what condition; only the words 确认收货 / confirm receipt make it a
 * demand to confirm receipt.
 */
import { sumSaid, type Currency } from './currency.ts';

/** The buyer is to confirm receipt (the 'confirm_first' pitfall proper). */
const CONFIRM_RECEIPT = /确认收货|確認收貨|确认收貨|確認收货|点收货|點收貨|confirm(?:ing|s|ed)?\s+(?:the\s+)?(?:receipt|delivery|(?:that\s+)?(?:i|you)\s+(?:got|received))|mark(?:ed|ing)?\s+(?:it|the\s+order)?\s*as\s+(?:received|delivered)/i;

/** The conditions a seller ties to a small refund, in the order a letter lists them. */
const CONDITIONS: readonly (readonly [OfferCondition, RegExp])[] = [
  ['keep', /\bkeep(?:s|ing)?\s+(?:it|them|the\s+[a-z]+)\b|不(?:用|必)?退(?:货|貨|回)|不用寄回|东西留着|東西留著|留着用|留著用|保留商品|商品留下/i],
  ['review5', /(?:5|five)[-\s]?star|五星/i],
  ['review', /good\s+review|positive\s+(?:review|feedback)|好评|好評/i],
];

export type OfferCondition = 'keep' | 'review5' | 'review';

/** A conditional offer read from the buyer's report. */
export interface ConditionalOffer {
  amount: number;
  currency: Currency;
  conditions: OfferCondition[];
}

/** Whether the words themselves ask the buyer to confirm receipt. */
export function asksToConfirmReceipt(text: string): boolean {
  return CONFIRM_RECEIPT.test(text);
}

/** A good review is asked for ("给个五星好评", "leave a 5-star review"): either review condition. */
export function asksGoodReview(text: string): boolean {
  return CONDITIONS.some(([c, re]) => (c === 'review5' || c === 'review') && re.test(text));
}

/**
 * A sum offered on a condition (keeping the goods, a good review), from a message that does not
 * ask to confirm receipt; null otherwise.
 */
export function conditionalOffer(text: string): ConditionalOffer | null {
  if (asksToConfirmReceipt(text)) return null;
  const found = CONDITIONS.filter(([, re]) => re.test(text)).map(([c]) => c);
  // A five-star review is the good review asked for: one condition, not two.
  const conditions = found.includes('review5') ? found.filter((c) => c !== 'review') : found;
  if (conditions.length === 0) return null;
  // "5-star" is no sum: read the amount with the star rating taken out.
  const sum = sumSaid(text.replace(/(?:5|five)[-\s]?star|五星/gi, ' '));
  return sum ? { ...sum, conditions } : null;
}

/** The record's note for it: `condition keep+review sum:8 cur:USD`. */
export function offerNote(o: ConditionalOffer): string {
  return `condition ${o.conditions.join('+')} sum:${o.amount} cur:${o.currency}`;
}

/** The offer back from a note written by `offerNote`; null for any other note. */
export function parseOfferNote(note: string): ConditionalOffer | null {
  const m = /^condition ([a-z0-9+]+) sum:(\d+(?:\.\d+)?) cur:([A-Z]{3})/.exec(note);
  if (!m) return null;
  return { conditions: m[1]!.split('+') as OfferCondition[], amount: Number(m[2]), currency: m[3] as Currency };
}
