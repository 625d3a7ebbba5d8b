/**
 * The 12315 complaint. 市场监督管理投诉举报处理暂行办法 (DOMAIN.md law section): a complaint
 * must name the complainant, the business, a concrete request and the facts. This is the one
 * draft with placeholders — only for what the bot cannot know (name, phone, shop), plus the
 * required facts the buyer has not given yet (platform, amount, receipt date) — marked
 * 【请填写：…】 / [fill in: …] so they cannot be sent by mistake unnoticed.
 */
import { t } from '../i18n/index.ts';
import { lawFor } from '../knowledge/law.ts';
import { platformName } from '../knowledge/platforms.ts';
import { formatDay } from '../time/deadlines.ts';
import { evidenceSummary, historyLines, money, problemLine, problemPhrase, wantsNoun } from './parts.ts';
import type { Draft, DraftFacts } from './types.ts';

/** The placeholder marker for a fact the buyer must fill in, e.g. "【请填写：店铺名称】". */
export function placeholder(locale: DraftFacts['locale'], what: 'name' | 'phone' | 'shop' | 'platform' | 'amount' | 'receivedOn'): string {
  return t(locale, 'drafts.regulator.placeholder', { what: t(locale, `drafts.regulator.fill.${what}`) });
}

/** The 12315 complaint text, with marked placeholders only for what the bot cannot know. */
export function regulatorDraft(facts: DraftFacts): Draft {
  const { locale, slots } = facts;
  const k = 'drafts.regulator';
  const fill = (what: Parameters<typeof placeholder>[1]): string => placeholder(locale, what);
  const platform = slots.platform ? platformName(slots.platform, locale) : fill('platform');
  const amount = claimAmount(facts) ?? fill('amount');

  const lines: string[] = [];
  lines.push(t(locale, `${k}.complainant`, { name: fill('name'), phone: fill('phone') }));
  lines.push(t(locale, `${k}.business`, { platform, shop: fill('shop') }));
  if (slots.orderId) lines.push(t(locale, `${k}.order`, { orderId: slots.orderId }));
  if (slots.trackingNo) lines.push(t(locale, `${k}.tracking`, { trackingNo: slots.trackingNo }));
  lines.push(t(locale, `${k}.amount`, { amount: slots.amountPaid !== null ? money(locale, slots.amountPaid) : fill('amount') }));
  lines.push('');
  lines.push(t(locale, `${k}.factsHeading`));
  const facts_: string[] = [];
  // Not-received cases may have no receipt at all: don't ask for a date that doesn't exist.
  if (slots.receivedOn) facts_.push(t(locale, 'drafts.timeline.received', { date: formatDay(slots.receivedOn, locale) }));
  else if (slots.problem !== 'not_received') facts_.push(t(locale, 'drafts.timeline.received', { date: fill('receivedOn') }));
  facts_.push(problemLine(locale, k, 'problemFact', slots));
  const history = historyLines(facts, true);
  facts_.push(...(history.length ? history : [t(locale, 'drafts.timeline.noSellerHistory')]));
  lines.push(...facts_.map((l, i) => `${i + 1}. ${l}`));
  lines.push('');
  const wants = wantsNoun(locale, slots);
  lines.push(wants ? t(locale, `${k}.request`, { wants, amount }) : t(locale, `${k}.requestNoWants`, { amount }));
  const laws = lawFor(slots.problem, slots.wants, { locale, food: facts.food });
  if (laws.length) lines.push(t(locale, `${k}.basis`, { laws: laws.map((l) => l.title).join(t(locale, 'drafts.sep')) }));
  const items = evidenceSummary(locale, facts.evidence);
  lines.push(items ? t(locale, `${k}.evidence`, { items }) : t(locale, `${k}.evidenceNone`));
  return { to: 'regulator', kind: 'regulator', title: t(locale, `${k}.title`), body: lines.join('\n'), notes: [] };
}

/** The amount at stake: the shortfall for a short refund, else the amount paid; null if unknown. */
function claimAmount(facts: DraftFacts): string | null {
  const { slots, locale } = facts;
  if (slots.problem === 'refund_issue' && slots.amountPaid !== null && slots.amountRefunded !== null && slots.amountPaid > slots.amountRefunded) {
    return money(locale, slots.amountPaid - slots.amountRefunded);
  }
  return slots.amountPaid !== null ? money(locale, slots.amountPaid) : null;
}
