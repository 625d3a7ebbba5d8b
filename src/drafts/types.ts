/**
 * The shapes of a draft: what the engine passes in, and the text it gets back.
 */
import type { DraftTarget, EvidenceItem, Locale, Slots, TimelineEntry } from '../domain/index.ts';

import type { DraftKind } from '../domain/index.ts';
export { DRAFT_KINDS, type DraftKind } from '../domain/index.ts';

/** Extra facts for a compensation request; all optional. */
export interface CompensationTerms {
  /**
   * `return_shipping`: ask the seller to pay the return shipping (seed 000 template).
   * `partial_refund`: keep the item, ask for a partial refund. Default: `partial_refund` when the
   * buyer wants compensation, `return_shipping` otherwise.
   */
  mode?: 'return_shipping' | 'partial_refund';
  /** Percentage of the amount paid to ask back, 1–99 (the buyer's choice; never invented). */
  percent?: number;
  /** Return shipping cost in yuan, if the buyer said it. */
  shippingCost?: number;
}

export interface DraftFacts {
  locale: Locale;
  slots: Slots;
  evidence: EvidenceItem[];
  timeline: TimelineEntry[];
  now: Date;
  /** IANA timezone of the buyer; every date in a draft is shown in it. */
  timezone: string;
  /** 1 = first seller draft (soft), 2+ = firmer. */
  sellerAttempt: number;
  /** ISO instant the case was opened. */
  openedAt: string;
  /** Compensation details (only read by the `compensation` draft). */
  compensation?: CompensationTerms;
  /** The goods are food and the problem is food safety (食品安全法 第一百四十八条). */
  food?: boolean;
}

export interface Draft {
  to: DraftTarget;
  kind: DraftKind;
  /** One line: what this is and where to send it. */
  title: string;
  /** The exact text to paste. */
  body: string;
  /** Short advice for the buyer, not part of the text to paste (may be empty). */
  notes: string[];
}
