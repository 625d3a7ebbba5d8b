/**
 * Ready-to-paste texts in the buyer's language. Every fact the case already holds (order
 * number, platform, amounts, receipt date, the buyer's own description) is written in; an
 * optional unknown fact is left out, never placeheld. Only the 12315 complaint carries marked
 * placeholders, for what the bot cannot know.
 *
 * Drafts never claim legal expertise or promise an outcome (DOMAIN.md "The bot is not a lawyer").
 *
 * @example writeDraft('seller', facts).body // "您好，我的订单号是 …"
 */
import { compensationDraft } from './compensation.ts';
import { paymentDraft } from './payment.ts';
import { platformDraft } from './platform.ts';
import { refundShortfallDraft } from './refundShortfall.ts';
import { regulatorDraft } from './regulator.ts';
import { sellerDraft } from './seller.ts';
import type { Draft, DraftFacts, DraftKind } from './types.ts';

export type { CompensationTerms, Draft, DraftFacts, DraftKind } from './types.ts';
export { DRAFT_KINDS } from './types.ts';
export { placeholder } from './regulator.ts';
export { SELLER_REPLY_HOURS } from './seller.ts';
export { COMPENSATION_REPLY_HOURS } from './compensation.ts';

const WRITERS: Readonly<Record<DraftKind, (facts: DraftFacts) => Draft>> = {
  seller: sellerDraft,
  platform: platformDraft,
  regulator: regulatorDraft,
  payment: paymentDraft,
  compensation: compensationDraft,
  refund_shortfall: refundShortfallDraft,
};

/** Writes one draft. Pure: the time comes from `facts.now`, dates are shown in `facts.timezone`. */
export function writeDraft(kind: DraftKind, facts: DraftFacts): Draft {
  return WRITERS[kind](facts);
}
