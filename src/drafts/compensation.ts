/**
 * Compensation requests to the seller (DOMAIN.md "Message templates", seed 000): either the
 * seller covers the return shipping, or the buyer keeps the item for a partial refund of a
 * percentage; reply within 48 hours. The percentage is the buyer's: without one, the seller is
 * asked to propose an amount — the bot never invents a figure.
 *
 * Fraud (退一赔三) and unsafe food (退一赔十) are different: the letter states the statutory
 * claim with its amount and the article, and offers no partial refund beside it.
 */
import { t } from '../i18n/index.ts';
import { lawFor } from '../knowledge/law.ts';
import { appraisalLines, claimOf, claimSentence, lawOptions, money, priceDropReceived, problemLine, replyDeadline } from './parts.ts';
import type { CompensationTerms, DraftFacts, DraftPart } from './types.ts';
import { ownShop } from './seller.ts';

/** Seed 000: "期望回复时间：48小时内". */
export const COMPENSATION_REPLY_HOURS = 48;

/** Compensation request to the seller: the statutory claim, or return shipping / a partial refund; 48 h to reply. */
export function compensationDraft(facts: DraftFacts): DraftPart {
  const { locale, slots } = facts;
  const k = 'drafts.compensation';
  const terms = facts.compensation ?? {};
  const lines: string[] = [];
  const notes: string[] = [];
  if (slots.orderId) lines.push(t(locale, `${k}.opening`, { orderId: slots.orderId }));
  lines.push(problemLine(facts, k, 'problem'));
  lines.push(...appraisalLines(facts));
  lines.push(...priceDropReceived(facts));
  const claim = claimOf(facts);
  const laws = lawFor(slots.problem, slots.wants, lawOptions(facts));
  const mode = terms.mode ?? (slots.wants === 'return_refund' || slots.wants === 'exchange' ? 'return_shipping' : 'partial_refund');
  if (claim) {
    lines.push(claimSentence(locale, claim));
    const law = laws.find((l) => l.id === claim.law);
    if (law) lines.push(law.cite);
  } else if (mode === 'return_shipping' && slots.problem === 'changed_mind') {
    // Seed 002 / 第二十五条: for a personal-reason return the buyer pays the shipping, so the
    // letter may only ask for goodwill — it must not claim the seller is at fault.
    lines.push(t(locale, `${k}.shippingGoodwill`));
    notes.push(t(locale, `${k}.notes.changedMind`));
  } else if (mode === 'return_shipping') {
    lines.push(
      terms.shippingCost !== undefined
        ? t(locale, `${k}.shippingCost`, { cost: money(locale, terms.shippingCost) })
        : t(locale, `${k}.shipping`),
    );
    // 第二十四条: for goods failing quality requirements the business bears transport costs.
    const law = laws.find((l) => l.id === 'cpl_24');
    if (law) lines.push(law.cite);
  } else {
    const percent = validPercent(terms.percent);
    // Goods that never arrived are not "kept instead of returned": the sentence asks for compensation only.
    const partial = slots.problem === 'not_received' ? `${k}.noGoods` : `${k}.partial`;
    // A price drop returns nothing either: the difference is asked under price protection.
    if (facts.priceDrop && slots.problem === 'other' && percent === null) {
      lines.push(terms.amount ? t(locale, `${k}.priceDropAmount`, { amount: money(locale, terms.amount, slots.currency) }) : t(locale, `${k}.priceDropAsk`));
    } else if (terms.amount !== undefined && terms.amount > 0) {
      lines.push(t(locale, `${partial}Amount`, { amount: money(locale, terms.amount, slots.currency) }));
    } else if (percent !== null && slots.amountPaid !== null) {
      lines.push(t(locale, `${partial}PercentAmount`, { percent, amount: money(locale, (slots.amountPaid * percent) / 100, slots.currency) }));
    } else if (percent !== null) {
      lines.push(t(locale, `${partial}Percent`, { percent }));
    } else {
      lines.push(t(locale, `${partial}Ask`));
    }
  }
  const ecl20 = laws.find((l) => l.id === 'ecl_20');
  if (ecl20) lines.push(ecl20.cite);
  const own = ownShop(facts);
  lines.push(t(locale, `${k}.deadline${own}`, { deadline: replyDeadline(facts, COMPENSATION_REPLY_HOURS) }));
  return { to: 'seller', kind: 'compensation', title: t(locale, `${k}.title${own}`), body: lines.join('\n'), notes };
}

/**
 * The terms the buyer named for a partial refund (a percent, a sum), for the letter; none when
 * the buyer named neither.
 */
export function partialRefundTerms(c: { compensationPercent: number | null; compensationAmount?: number | null; compensationAbout?: boolean }): { compensation?: CompensationTerms } {
  const amount = c.compensationAmount ?? null;
  if (c.compensationPercent === null && amount === null) return {};
  return {
    compensation: {
      mode: 'partial_refund',
      ...(c.compensationPercent !== null ? { percent: c.compensationPercent } : {}),
      ...(amount !== null ? { amount } : {}),
      ...(amount !== null && c.compensationAbout ? { about: true as const } : {}),
    },
  };
}

function validPercent(p: number | undefined): number | null {
  if (p === undefined || !Number.isFinite(p) || p <= 0 || p >= 100) return null;
  return Math.round(p);
}
