/**
 * The message to the seller (DOMAIN.md "Message templates", seeds 000 / 003 / 004): the three
 * elements (order number, concrete problem, requested outcome), the evidence, a 24 h reply
 * deadline and "please handle it in the platform". Soft first, firmer on the second try.
 */
import { t } from '../i18n/index.ts';
import { lawFor } from '../knowledge/law.ts';
import { platformGuide } from '../knowledge/platforms.ts';
import { formatDate, formatDay } from '../time/deadlines.ts';
import { evidenceSummary, firstContact, problemLine, problemPhrase, replyDeadline, trackingLine, wantsNoun, wantsVerb, windowLine } from './parts.ts';
import type { Draft, DraftFacts } from './types.ts';

/** Seed 004: "请于24小时内确认…" — the seller gets 24 hours, both times. */
export const SELLER_REPLY_HOURS = 24;

/** Soft (first) or firm (second and later) message to the seller. */
export function sellerDraft(facts: DraftFacts): Draft {
  const body = facts.sellerAttempt >= 2 ? firmBody(facts) : softBody(facts);
  return { to: 'seller', kind: 'seller', title: t(facts.locale, 'drafts.seller.title'), body, notes: [] };
}

function deadlineText(facts: DraftFacts): string {
  return replyDeadline(facts, SELLER_REPLY_HOURS);
}

function evidenceLine(facts: DraftFacts): string {
  const items = evidenceSummary(facts.locale, facts.evidence);
  return items ? t(facts.locale, 'drafts.evidence.haveWillUpload', { items }) : t(facts.locale, 'drafts.evidence.none');
}

function softBody(facts: DraftFacts): string {
  const { locale, slots } = facts;
  const k = 'drafts.seller.soft';
  const lines: string[] = [];
  if (slots.orderId && slots.receivedOn) {
    const variant = slots.problem === 'not_received' ? 'openingOrderDateNotReceived' : 'openingOrderDate';
    lines.push(t(locale, `${k}.${variant}`, { orderId: slots.orderId, date: formatDay(slots.receivedOn, locale) }));
  } else if (slots.orderId) {
    lines.push(t(locale, `${k}.openingOrder`, { orderId: slots.orderId }));
  } else {
    lines.push(t(locale, `${k}.openingPlain`));
  }
  lines.push(...trackingLine(facts));
  lines.push(problemLine(locale, k, 'problem', slots));
  lines.push(...windowLine(facts));
  const wants = wantsVerb(locale, slots);
  lines.push(wants ? t(locale, `${k}.wants`, { wants }) : t(locale, `${k}.wantsNone`));
  lines.push(evidenceLine(facts));
  lines.push(t(locale, `${k}.deadline`, { deadline: deadlineText(facts) }));
  return lines.join('\n');
}

function firmBody(facts: DraftFacts): string {
  const { locale, slots } = facts;
  const k = 'drafts.seller.firm';
  const date = formatDate(firstContact(facts), facts.timezone, locale);
  const lines: string[] = [];
  lines.push(
    slots.orderId ? t(locale, `${k}.openingOrder`, { orderId: slots.orderId, date }) : t(locale, `${k}.openingPlain`, { date }),
  );
  lines.push(...trackingLine(facts));
  lines.push(problemLine(locale, k, 'problem', slots));
  lines.push(...windowLine(facts));
  const wants = wantsNoun(locale, slots);
  lines.push(wants ? t(locale, `${k}.wants`, { wants }) : t(locale, `${k}.wantsNone`));
  // Seed 004: for quality problems, cite 第二十四条 in the negotiation. Only 24 here: 25 / 55 /
  // 148 belong to other letters (a no-reason return needs no argument; fraud claims go to compensation).
  const law = lawFor(slots.problem, slots.wants, { locale, food: facts.food }).find((l) => l.id === 'cpl_24');
  if (law) lines.push(law.cite);
  lines.push(evidenceLine(facts));
  const guide = platformGuide(slots.platform, locale);
  const deadline = deadlineText(facts);
  lines.push(
    slots.platform
      ? t(locale, `${k}.deadline`, { deadline, platform: guide.name, intervention: guide.interventionLabel })
      : t(locale, `${k}.deadlineGeneric`, { deadline, intervention: guide.interventionLabel }),
  );
  return lines.join('\n');
}
