/**
 * Ready-to-paste letters, written from the case record only (issue 11): every fact the case
 * holds (order number, platform, amounts, receipt date, the buyer's own description, what the
 * seller and the platform said, the evidence logged) is written in; nothing the record lacks is
 * stated. Only the 12315 complaint carries marked placeholders, for what the record does not hold.
 *
 * Every letter goes to a Chinese recipient (seller, platform, 12315, payment channel), so its
 * `body` is Chinese whatever the buyer's language; a buyer writing in English also gets `gloss`,
 * the same letter in English to check, and the title and notes in English.
 *
 * Drafts never claim legal expertise or promise an outcome (DOMAIN.md "The bot is not a lawyer").
 *
 * @example
 * const d = writeDraft('seller', facts);
 * turn.say('draft', draftMessage(d, facts.locale), { to: d.to, body: d.body });
 */
import { list, t } from '../i18n/index.ts';
import { outsideMainland, platformName } from '../knowledge/platforms.ts';
import { compensationDraft } from './compensation.ts';
import { paymentDraft } from './payment.ts';
import { platformDraft } from './platform.ts';
import { refundShortfallDraft } from './refundShortfall.ts';
import { regulatorDraft } from './regulator.ts';
import { sellerDraft } from './seller.ts';
import type { Draft, DraftFacts, DraftKind, DraftPart } from './types.ts';
import type { Locale } from '../domain/index.ts';

export type { CompensationTerms, Draft, DraftFacts, DraftFollowUp, DraftKind } from './types.ts';
export { DRAFT_KINDS } from './types.ts';
export { placeholder, type PlaceholderFact } from './regulator.ts';
export { SELLER_REPLY_HOURS } from './seller.ts';
export { COMPENSATION_REPLY_HOURS, partialRefundTerms } from './compensation.ts';
export { cleanBuyerWords, toSimplified } from './words.ts';
export { boughtFromPerson, isPrivateSeller } from './parts.ts';
import { cantoneseOmitted, consumerLawNotes, neutralProblemText, ownWordsOmitted, translatedFacts, writingDraft } from './parts.ts';

/** The language every letter is written in: its recipients are Chinese. */
export const LETTER_LOCALE: Locale = 'zh-CN';

const WRITERS: Readonly<Record<DraftKind, (facts: DraftFacts) => DraftPart>> = {
  seller: sellerDraft,
  platform: platformDraft,
  regulator: regulatorDraft,
  payment: paymentDraft,
  compensation: compensationDraft,
  refund_shortfall: refundShortfallDraft,
};

/**
 * Writes one draft. Pure: the time comes from `facts.now`, dates are shown in `facts.timezone`.
 * The body is the Chinese letter; for a buyer whose locale is not Chinese, `gloss` is the same
 * letter in their language and `title` / `notes` are in it too.
 */
export function writeDraft(kind: DraftKind, facts: DraftFacts): Draft {
  return writingDraft(() => writeDraftNow(kind, facts));
}

function writeDraftNow(kind: DraftKind, facts: DraftFacts): Draft {
  // A seller or platform outside mainland China reads the buyer's language: the letter is the buyer's own text.
  const abroad = outsideMainland(facts.slots.platform, facts.slots.platformName);
  if (abroad) return inOwnLanguage(kind, facts);
  const letter = WRITERS[kind]({ ...facts, locale: LETTER_LOCALE });
  const forBuyer = facts.locale === LETTER_LOCALE ? letter : WRITERS[kind](facts);
  // The problem was described in another language: the letter names its kind, with the facts read from English
  // words (parts.ts); the buyer is told which.
  const omitted = ownWordsOmitted(facts) && letter.body.includes(neutralProblemText(facts));
  const note = cantoneseOmitted(facts) ? 'drafts.notes.ownWordsCantonese' : translatedFacts(facts).length ? 'drafts.notes.ownWordsTranslated' : 'drafts.notes.ownWordsOmitted';
  const notes = [...(omitted ? [...forBuyer.notes, t(facts.locale, note)] : forBuyer.notes), ...consumerLawNotes(facts, letter.body)];
  if (facts.locale === LETTER_LOCALE) return { ...letter, notes, gloss: null };
  return { ...forBuyer, notes, body: letter.body, gloss: forBuyer.body };
}

/**
 * The letter for a platform outside mainland China, in the buyer's language (English for an English
 * buyer; no translation beside it), titled with that platform's own dispute route.
 */
function inOwnLanguage(kind: DraftKind, facts: DraftFacts): Draft {
  const letter = WRITERS[kind]({ ...facts, ownLanguage: true });
  const platform = platformName(facts.slots.platform, facts.locale, facts.slots.platformName);
  const title = t(facts.locale, `drafts.overseasTitle.${kind}`, { platform });
  const notes = kind === 'payment' ? list(facts.locale, 'drafts.payment.routesOverseas') : letter.notes;
  return { ...letter, title, notes, gloss: null };
}

export function draftMessage(draft: Draft, locale: Locale): string {
  const parts = [draft.title, draft.body];
  if (draft.gloss) parts.push(`${t(locale, 'drafts.glossHeading')}\n${draft.gloss}`);
  return parts.join('\n\n');
}
