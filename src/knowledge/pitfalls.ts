/**
 * The warnings the bot gives (DOMAIN.md "Pitfalls", seeds 000 and 003). Ids are data keys;
 * the wording is in `knowledge.pitfalls.<id>`.
 */
import { t } from '../i18n/index.ts';
import type { Locale, Problem } from '../domain/index.ts';
import type { SellerReply } from '../domain/index.ts';

export const PITFALL_IDS = [
  'private_transfer', // seed 003: "私下转钱，不用走售后流程" — off-platform deals lose protection
  'confirm_receipt_first', // seed 000: don't act on the seller's terms before the platform flow
  'review_first', // seed 000: the same, when the seller asked only for a good review (a review does not decide after-sales)
  'missed_window', // seed 003: "确认收货后 7-15 天内"
  'one_photo', // seed 000: one photo is not a chain
  'bad_review', // seed 000: a bad review does not cancel after-sales rights
  'return_shipping_quality', // seed 000: "you pay return shipping" is often wrong for quality problems
] as const;
export type PitfallId = (typeof PITFALL_IDS)[number];

/** The warning text. */
export function pitfallText(id: PitfallId, locale: Locale): string {
  return t(locale, `knowledge.pitfalls.${id}`);
}

/**
 * The warning a seller's reply calls for, if any: a private-transfer offer or "confirm receipt
 * first" are answered with a warning before anything else.
 */
export function pitfallForReply(reply: SellerReply): PitfallId | null {
  if (reply === 'private_deal') return 'private_transfer';
  if (reply === 'confirm_first') return 'confirm_receipt_first';
  return null;
}

/** Problems where the seller typically bears return shipping (seed 000; 第二十四条 for quality failures). */
const SELLER_PAYS_SHIPPING: ReadonlySet<Problem> = new Set(['quality', 'damaged', 'not_as_described', 'wrong_item', 'counterfeit']);

/**
 * Whether the "you pay return shipping is often wrong" warning fits the problem. For a
 * change of mind the buyer usually pays (seed 002, 第二十五条), so it does not.
 */
export function returnShippingWarningFits(problem: Problem | null): boolean {
  return problem !== null && SELLER_PAYS_SHIPPING.has(problem);
}

/** How many pieces of evidence make a chain rather than a single photo (seed 000). */
export const MIN_CHAIN = 2;

/** Whether to warn that one photo is not a chain. */
export function evidenceTooThin(evidenceCount: number): boolean {
  return evidenceCount > 0 && evidenceCount < MIN_CHAIN;
}
