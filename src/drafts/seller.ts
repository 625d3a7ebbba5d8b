/**
 * The message to the seller (DOMAIN.md "Message templates", seeds 000 / 003 / 004): the three
 * elements (order number, concrete problem, requested outcome or the statutory claim), the
 * evidence logged (or what the buyer can provide), a 24 h reply deadline (none for a takeaway meal) and "please handle it
 * in the platform". Soft first, firmer on the second try.
 */
import { t } from '../i18n/index.ts';
import { lawFor } from '../knowledge/law.ts';
import { platformGuide } from '../knowledge/platforms.ts';
import { isTakeaway } from '../knowledge/takeaway.ts';
import { formatDay, localDay } from '../time/deadlines.ts';
import {
  appraisalLines, claimOf, claimSentence, evidenceSentence, formatAt, lawOptions, neutralProblemText, problemLine, replyDeadline, trackingLine, wantsNoun, wantsVerb,
  resentWrongLines, returnLines, shippingWish, windowLine, windowNotes, wishExtras,
} from './parts.ts';
import type { DraftFacts, DraftPart } from './types.ts';

/** Seed 004: "请于24小时内确认…" — the seller gets 24 hours, both times. */
export const SELLER_REPLY_HOURS = 24;

/** The seller's own promised deadline still ahead, formatted; null when there is none. */
function promisedDeadline(facts: DraftFacts): string | null {
  if (!facts.promisedBy || Date.parse(facts.promisedBy) <= facts.now.getTime()) return null;
  // A rough time ("大概7天", note ' approx') is "about" its day: no exact time the seller never gave.
  const promise = facts.timeline.filter((e) => e.type === 'seller_promise').at(-1);
  if (promise?.note.split(' ').includes('approx')) {
    const day = formatDay(localDay(new Date(facts.promisedBy), facts.timezone), facts.locale);
    return t(facts.locale, 'drafts.timeline.aboutDeadline', { deadline: day });
  }
  return formatAt(facts.promisedBy, facts.timezone, facts.locale);
}

/** Soft (first) or firm (second and later) message to the seller. */
export function sellerDraft(facts: DraftFacts): DraftPart {
  const body = facts.sellerAttempt >= 2 ? firmBody(facts) : softBody(facts);
  const title = t(facts.locale, `drafts.seller.title${ownShop(facts)}`);
  return { to: 'seller', kind: 'seller', title, body, notes: windowNotes(facts) };
}

/**
 * A shop of its own (小程序, website) has no platform to handle anything in, nor to escalate to:
 * its letter's keys end in `OwnShop` (reply and act; or the payment channel and 12315 next).
 */
export function ownShop(facts: DraftFacts): '' | 'OwnShop' {
  return facts.slots.standalone && !facts.slots.platform ? 'OwnShop' : '';
}

/** The wish, or the statutory claim in its place (never both, never a partial-refund offer beside it). */
function wishLine(facts: DraftFacts, k: string, form: 'verb' | 'noun'): string {
  const claim = claimOf(facts);
  if (claim) return claimSentence(facts.locale, claim);
  const wants = form === 'verb' ? wantsVerb(facts.locale, facts.slots, facts) : wantsNoun(facts.locale, facts.slots, facts);
  return wants ? t(facts.locale, `${k}.wants`, { wants: wants + wishExtras(facts) }) : t(facts.locale, `${k}.wantsNone`);
}

function softBody(facts: DraftFacts): string {
  const { locale, slots } = facts;
  const k = 'drafts.seller.soft';
  const lines: string[] = [];
  // Virtual goods and bookings are never signed for: no day of receipt in the opening.
  const date = slots.receivedOn && slots.shipped !== false && !facts.virtual ? formatDay(slots.receivedOn, locale) : null;
  if (slots.orderId && date) {
    const variant = slots.problem === 'not_received' ? 'openingOrderDateNotReceived' : 'openingOrderDate';
    lines.push(t(locale, `${k}.${variant}`, { orderId: slots.orderId, date }));
  } else if (slots.orderId) {
    lines.push(t(locale, `${k}.openingOrder`, { orderId: slots.orderId }));
  } else {
    lines.push(t(locale, `${k}.openingPlain`));
  }
  lines.push(...trackingLine(facts));
  lines.push(toSeller(problemLine(facts, k, 'problem'), neutralProblemText(facts)));
  lines.push(...appraisalLines(facts));
  lines.push(...windowLine(facts, true));
  lines.push(...returnLines(facts, false));
  lines.push(...resentWrongLines(facts));
  lines.push(wishLine(facts, k, 'verb'));
  lines.push(evidenceSentence(facts, `drafts.seller.evidence${ownShop(facts)}`));
  // A seller who already promised a time is asked to keep it, not to reply by one of ours.
  const promised = promisedDeadline(facts);
  const own = ownShop(facts);
  lines.push(promised
    ? t(locale, `${k}.promised${own}`, { deadline: promised })
    : isTakeaway(slots) ? t(locale, `${k}.deadlineNone`)
    : t(locale, `${k}.deadline${own}`, { deadline: replyDeadline(facts, SELLER_REPLY_HOURS) }));
  return lines.join('\n');
}

function firmBody(facts: DraftFacts): string {
  const { locale, slots } = facts;
  const k = 'drafts.seller.firm';
  const lines: string[] = [];
  lines.push(slots.orderId ? t(locale, `${k}.openingOrder`, { orderId: slots.orderId }) : t(locale, `${k}.openingPlain`));
  lines.push(...trackingLine(facts));
  lines.push(toSeller(problemLine(facts, k, 'problem'), neutralProblemText(facts)));
  lines.push(...windowLine(facts, true));
  lines.push(...returnLines(facts, false));
  lines.push(...resentWrongLines(facts));
  lines.push(wishLine(facts, k, 'noun'));
  // Seed 004: for quality problems, cite 第二十四条 in the negotiation; 电子商务法 第二十条 when
  // the seller blamed the courier. 25 / 55 / 148 are carried by the claim or need no argument.
  for (const law of lawFor(slots.problem, slots.wants, lawOptions(facts))) {
    if (law.id === 'cpl_24' || law.id === 'ecl_20') lines.push(law.cite);
  }
  lines.push(evidenceSentence(facts, `drafts.seller.evidence${ownShop(facts)}`));
  const guide = platformGuide(slots.platform, locale, slots.platformName);
  const promised = promisedDeadline(facts);
  const deadline = promised ?? replyDeadline(facts, SELLER_REPLY_HOURS);
  // Takeaway: no reply time of ours (DOMAIN.md gives none for a meal's merchant); the app's support is the next step.
  const line = promised ? 'promised' : isTakeaway(slots) ? 'deadlineNone' : 'deadline';
  lines.push(
    ownShop(facts) ? t(locale, `${k}.${line}OwnShop`, { deadline })
    : slots.platform && (slots.platform !== 'other' || slots.platformName)
      ? t(locale, `${k}.${line}`, { deadline, platform: guide.name, intervention: guide.interventionLabel })
      : t(locale, `${k}.${line}Generic`, { deadline, intervention: guide.interventionLabel }),
  );
  return lines.join('\n');
}

/**
 * In a letter to the seller, the seller the buyer's words name ("卖家称…", "商家发错了") is the reader: "您". The
 * letters' own description of the problem (`neutral`) stays as written.
 */
function toSeller(line: string, neutral: string): string {
  return line.split(neutral).map((part) => part.replace(/(?:卖家|商家|店家)(?!客服)/gu, '您')).join(neutral);
}
