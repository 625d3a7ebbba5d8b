/**
 * The payment-channel dispute (seed 000, 7–30 days: "支付渠道的争议（如信用卡/支付宝/PayPal争议）").
 * One text for Alipay, WeChat Pay or a card issuer: the bot does not know which the buyer
 * used, and the facts are the same. The transaction number is pointed to in the attached
 * payment screenshot instead of a placeholder.
 */
import { t } from '../i18n/index.ts';
import { platformName } from '../knowledge/platforms.ts';
import { historyLines, money, problemLine, problemPhrase, wantsNoun } from './parts.ts';
import type { Draft, DraftFacts } from './types.ts';

/** Dispute request to the payment channel (Alipay / WeChat Pay / card issuer). */
export function paymentDraft(facts: DraftFacts): Draft {
  const { locale, slots } = facts;
  const k = 'drafts.payment';
  const lines: string[] = [t(locale, `${k}.opening`)];
  if (slots.orderId) {
    lines.push(
      slots.platform
        ? t(locale, `${k}.order`, { orderId: slots.orderId, platform: platformName(slots.platform, locale) })
        : t(locale, `${k}.orderNoPlatform`, { orderId: slots.orderId }),
    );
  }
  if (slots.amountPaid !== null) lines.push(t(locale, `${k}.amount`, { amount: money(locale, slots.amountPaid) }));
  lines.push(problemLine(locale, k, 'problem', slots));
  const history = historyLines(facts, true);
  if (history.length) {
    lines.push(t(locale, `${k}.historyHeading`));
    lines.push(...history.map((l, i) => `${i + 1}. ${l}`));
  }
  const wants = wantsNoun(locale, slots);
  lines.push(wants ? t(locale, `${k}.request`, { wants }) : t(locale, `${k}.requestNoWants`));
  return { to: 'payment', kind: 'payment', title: t(locale, `${k}.title`), body: lines.join('\n'), notes: [] };
}
