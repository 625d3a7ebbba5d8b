/**
 * The payment-channel request (seed 000, 7–30 days: a dispute with Alipay, WeChat Pay or the
 * card issuer). A payment channel can only move money: the request is a refund — of the price,
 * or of the shortfall — never an exchange, a repair or a reshipment. The routes (Alipay 账单 →
 * 投诉, WeChat Pay 账单 → 遇到问题, a chargeback through the issuing bank) are notes for the buyer.
 */
import { list, t } from '../i18n/index.ts';
import { platformName } from '../knowledge/platforms.ts';
import { askedSum, historyLines, money, partLine, partlyBack, problemLine, shortOfPrice } from './parts.ts';
import type { DraftFacts, DraftPart } from './types.ts';

/** Refund request to the payment channel (Alipay / WeChat Pay / card issuer). */
export function paymentDraft(facts: DraftFacts): DraftPart {
  const { locale, slots } = facts;
  const k = 'drafts.payment';
  const lines: string[] = [t(locale, `${k}.opening`)];
  if (slots.orderId) {
    lines.push(
      slots.platform
        ? t(locale, `${k}.order`, { orderId: slots.orderId, platform: platformName(slots.platform, locale, slots.platformName) })
        : t(locale, `${k}.orderNoPlatform`, { orderId: slots.orderId }),
    );
  }
  if (slots.amountPaid !== null) lines.push(t(locale, `${k}.amount`, { amount: money(locale, slots.amountPaid, slots.currency) }));
  if (slots.paidWith) lines.push(t(locale, `${k}.paidWith`, { channels: slots.paidWith }));
  lines.push(problemLine(facts, k, 'problem'));
  const history = historyLines(facts, true);
  if (history.length) {
    lines.push(t(locale, `${k}.historyHeading`));
    lines.push(...history.map((l, i) => `${i + 1}. ${l}`));
  }
  // Part already back (refunded, or awarded by a ruling): the rest, with what came and what was asked.
  const part = slots.problem === 'refund_issue' && shortOfPrice(slots) ? null : partlyBack(facts);
  const refund = refundAmount(facts);
  lines.push(
    part ? partLine(locale, `${k}.requestRest`, part, slots.currency)
    : refund !== null ? t(locale, `${k}.request`, { amount: money(locale, refund, slots.currency) }) : t(locale, `${k}.requestNoAmount`),
  );
  // Addressed to the channel the buyer named: its own route first (a wallet's complaint, a card's chargeback).
  const routes = list(locale, `${k}.routes`);
  const named = slots.paidWith ? routes.filter((r) => channelOf(r).some((ch) => slots.paidWith!.toLowerCase().includes(ch))) : [];
  const notes = named.length ? [...named, ...routes.filter((r) => !named.includes(r))] : routes;
  const title = slots.paidWith ? t(locale, `${k}.titleTo`, { channels: slots.paidWith }) : t(locale, `${k}.title`);
  return { to: 'payment', kind: 'payment', title, body: lines.join('\n'), notes };
}

/** The channel words a route line is about ("支付宝：…" → 支付宝; "信用卡：…" → 信用卡 / credit card). */
function channelOf(route: string): string[] {
  const head = route.split(/[：:]/)[0]!.toLowerCase();
  return head.includes('card') ? [head, 'credit card', '信用卡'] : head.includes('信用卡') ? [head, 'credit card'] : [head];
}

/** The money to ask back: the shortfall of a short refund, else the sum the buyer asks back, else the amount paid; null if unknown. */
function refundAmount(facts: DraftFacts): number | null {
  const short = facts.slots.problem === 'refund_issue' ? shortOfPrice(facts.slots) : null;
  if (short) return short.paid - short.refunded;
  return askedSum(facts) ?? facts.slots.amountPaid;
}
