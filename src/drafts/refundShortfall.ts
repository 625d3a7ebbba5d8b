/**
 * A refund that came back short (seed 002: "退款金额不全 … 物流费无法退还或使用优惠券后的价格差异"):
 * paid vs refunded, ask for the difference or the calculation. The notes explain coupons and
 * shipping to the buyer; they are not part of the pasted text.
 */
import { list, t } from '../i18n/index.ts';
import { money, refundShort, replyDeadline, shortOfPrice } from './parts.ts';
import { COMPENSATION_REPLY_HOURS } from './compensation.ts';
import type { DraftFacts, DraftPart } from './types.ts';

/** Short refund: paid vs refunded, ask for the difference; notes explain coupons and shipping. */
export function refundShortfallDraft(facts: DraftFacts): DraftPart {
  const { locale, slots } = facts;
  const k = 'drafts.refundShortfall';
  const lines: string[] = [];
  lines.push(slots.orderId ? t(locale, `${k}.opening`, { orderId: slots.orderId }) : t(locale, `${k}.openingNoOrder`));
  // The seller agreed to a sum and less arrived: the agreed sum is what the difference is counted from.
  const short = refundShort(facts.timeline);
  const whole = shortOfPrice(slots);
  if (short?.paid) {
    // No sum was agreed: what was paid against what came, never "you agreed to refund …".
    const c = slots.currency;
    lines.push(t(locale, `${k}.amounts`, { paid: money(locale, short.owed, c), refunded: money(locale, short.got, c), diff: money(locale, short.owed - short.got, c) }));
  } else if (short?.stated) {
    // The sum the buyer says was owed ("应该退564"): that, never the price paid, is what the rest is counted from.
    const c = slots.currency;
    lines.push(t(locale, `${k}.amountsStated`, { owed: money(locale, short.owed, c), refunded: money(locale, short.got, c), diff: money(locale, short.owed - short.got, c) }));
  } else if (short) {
    const c = slots.currency;
    // A compensation agreed with the goods kept is no refund: the letter names it as what it was.
    const agreed = slots.wants === 'compensation' ? 'amountsAgreedComp' : 'amountsAgreed';
    lines.push(t(locale, `${k}.${short.ruled ? 'amountsRuled' : agreed}`, { owed: money(locale, short.owed, c), refunded: money(locale, short.got, c), diff: money(locale, short.owed - short.got, c) }));
  } else if (whole) {
    const { paid, refunded } = whole;
    lines.push(
      t(locale, `${k}.amounts`, { paid: money(locale, paid, slots.currency), refunded: money(locale, refunded, slots.currency), diff: money(locale, paid - refunded, slots.currency) }),
    );
  } else if (slots.amountRefunded !== null) {
    // Only part of the order is concerned and no sum owed was said: what came, and no difference invented.
    lines.push(t(locale, `${k}.amountsRefundedOnly`, { refunded: money(locale, slots.amountRefunded, slots.currency) }));
  } else if (slots.problem === 'refund_issue') {
    // The buyer reported a refund problem; without both amounts the letter states no figure.
    lines.push(t(locale, `${k}.amountsUnknown`));
  }
  lines.push(t(locale, `${k}.ask`));
  // Money questions get the same 48 h as a compensation request (seed 000).
  const deadline = replyDeadline(facts, COMPENSATION_REPLY_HOURS);
  lines.push(t(locale, `${k}.deadline`, { deadline }));
  return {
    to: 'seller',
    kind: 'refund_shortfall',
    title: t(locale, `${k}.title`),
    body: lines.join('\n'),
    // Coupons and postage explain a refund short of the price, not one short of a sum agreed or ruled.
    notes: short && !short.paid && !short.stated ? [] : list(locale, `${k}.notes`),
  };
}
