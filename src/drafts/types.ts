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
   * buyer wants compensation, `return_shipping` otherwise. A statutory claim (退一赔三 / 退一赔十)
   * replaces both.
   */
  mode?: 'return_shipping' | 'partial_refund';
  /** Percentage of the amount paid to ask back, 1–99 (the buyer's choice; never invented). */
  percent?: number;
  /** A sum in yuan to ask as a partial refund (the buyer's own figure; never invented). */
  amount?: number;
  /** The sum is the buyer's estimate ("大概3000"), said as one. */
  about?: true;
  /** Return shipping cost in yuan, if the buyer said it. */
  shippingCost?: number;
}

/**
 * The case record a draft is written from. Every sentence of a draft comes from these fields:
 *
 * - `slots`: the three elements and the extras (optional `shopName`, `businessName`,
 *   `businessAddress`, `shipped`, `privateSeller`, `lossAmount` feed the 12315 complaint, the
 *   checklist of what the buyer can provide, and the claim).
 * - `timeline`: what the seller / platform did, as the buyer reported it. A seller's words are
 *   quoted only from `quote`; an entry's date is its `happenedAt`, or (null) "by" the time the
 *   buyer told the bot (`at`). The bot's own entries (`draft_sent`, `escalated`, `opened`…) are
 *   never written as events. A seller blaming the courier is read from `note` containing
 *   `blames_courier` or from a quote naming the courier.
 * - `evidence`: listed by caption and the time it was logged; none → what the buyer can provide.
 */
export interface DraftFacts {
  /** The buyer's language: titles, notes and the gloss. Letters themselves are always Chinese. */
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
  /** The goods are food (食品安全法 第一百四十八条; the food checklist). */
  food?: boolean;
  /** The goods are virtual (membership, top-up, code): no parcel, so no shipping evidence is offered. */
  virtual?: boolean;
  /** The price dropped after the purchase (价保): the day the buyer signed for the goods is stated, when told. */
  priceDrop?: boolean;
  /** The statutory multiple the buyer asked for by name ("退一赔三"); no other is claimed. */
  claimAsked?: 'fraud_3x' | 'food_10x' | null;
  /** The compensation sum the buyer named beside the money back ("退款+赔2000"), yuan; the statute caps it. */
  claimSum?: number | null;
  /** The letter is written in the buyer's language (a platform outside mainland China): their own words may stand in it. */
  ownLanguage?: boolean;
  /**
   * ISO instant of the seller's promise the case is waiting for: a seller letter asks that it be
   * kept, instead of naming a reply deadline of its own (the seller has already answered).
   */
  promisedBy?: string | null;
}

/** A reminder the engine should set when it hands this draft over. */
export interface DraftFollowUp {
  /** Why: `regulator_acceptance` = the regulator decides within 7 working days whether to accept. */
  reason: 'regulator_acceptance';
  workingDays: number;
}

export interface Draft {
  to: DraftTarget;
  kind: DraftKind;
  /** One line in the buyer's language: what this is and where to send it. */
  title: string;
  /** The exact text to paste — Chinese, for a Chinese recipient, whatever the buyer's language. */
  body: string;
  /** For a buyer who does not read Chinese: the same letter in their language, to check (not to send). */
  gloss: string | null;
  /** Short advice for the buyer in their language, not part of the text to paste (may be empty). */
  notes: string[];
  /** A reminder to set when the draft is handed over (12315: the acceptance timer). */
  followUp?: DraftFollowUp;
}

/** What a writer returns for one language; `writeDraft` assembles the letter and its gloss. */
export type DraftPart = Omit<Draft, 'gloss'>;
