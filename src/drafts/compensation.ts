/**
 * Compensation requests to the seller (DOMAIN.md "Message templates", seed 000): either the
 * seller covers the return shipping, or the buyer keeps the item for a partial refund of a
 * percentage; reply within 48 hours. The percentage is the buyer's: without one, the seller is
 * asked to propose an amount — the bot never invents a figure.
 */
import { t } from '../i18n/index.ts';
import { lawFor } from '../knowledge/law.ts';
import { money, problemLine, problemPhrase, replyDeadline } from './parts.ts';
import type { Draft, DraftFacts } from './types.ts';

/** Seed 000: "期望回复时间：48小时内". */
export const COMPENSATION_REPLY_HOURS = 48;

/** Compensation request to the seller: return shipping or a partial refund, 48 h to reply. */
export function compensationDraft(facts: DraftFacts): Draft {
  const { locale, slots } = facts;
  const k = 'drafts.compensation';
  const terms = facts.compensation ?? {};
  const mode = terms.mode ?? (slots.wants === 'return_refund' || slots.wants === 'exchange' ? 'return_shipping' : 'partial_refund');
  const lines: string[] = [];
  if (slots.orderId) lines.push(t(locale, `${k}.opening`, { orderId: slots.orderId }));
  lines.push(problemLine(locale, k, 'problem', slots));
  const notes: string[] = [];
  if (mode === 'return_shipping' && slots.problem === 'changed_mind') {
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
    const law = lawFor(slots.problem, null, { locale }).find((l) => l.id === 'cpl_24');
    if (law) lines.push(law.cite);
  } else {
    const percent = validPercent(terms.percent);
    if (percent !== null && slots.amountPaid !== null) {
      lines.push(t(locale, `${k}.partialPercentAmount`, { percent, amount: money(locale, (slots.amountPaid * percent) / 100) }));
    } else if (percent !== null) {
      lines.push(t(locale, `${k}.partialPercent`, { percent }));
    } else {
      lines.push(t(locale, `${k}.partialAsk`));
    }
    // Fraud / unsafe food: the statutory extra compensation is the ground for asking.
    for (const law of lawFor(slots.problem, 'compensation', { locale, food: facts.food })) {
      if (law.id === 'cpl_55' || law.id === 'fsl_148') lines.push(law.cite);
    }
  }
  const deadline = replyDeadline(facts, COMPENSATION_REPLY_HOURS);
  lines.push(t(locale, `${k}.deadline`, { deadline }));
  return { to: 'seller', kind: 'compensation', title: t(locale, `${k}.title`), body: lines.join('\n'), notes };
}

function validPercent(p: number | undefined): number | null {
  if (p === undefined || !Number.isFinite(p) || p <= 0 || p >= 100) return null;
  return Math.round(p);
}
