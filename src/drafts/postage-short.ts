/**
 * The return postage left unpaid on a return for goods at fault ("运费险只赔了一部分，差的钱谁出"):
 * 消法 第二十四条 puts the transport of such a return on the business (DOMAIN.md), so the letter
 * asks the seller for the sum the buyer named, and nothing else.
 */
import { t } from '../i18n/index.ts';
import { COMPENSATION_REPLY_HOURS } from './compensation.ts';
import { money, problemPhrase, replyDeadline } from './parts.ts';
import type { Draft, DraftFacts } from './types.ts';

/** The letter asking the seller for `amount` of return postage still missing, with its gloss for a buyer who does not read Chinese. */
export function postageShortDraft(facts: DraftFacts, amount: number): Draft {
  const body = postageShortBody({ ...facts, locale: 'zh-CN' }, amount);
  return {
    to: 'seller', kind: 'compensation', title: t(facts.locale, 'drafts.postageShort.title'), body,
    gloss: facts.locale === 'zh-CN' ? null : postageShortBody(facts, amount), notes: [],
  };
}

function postageShortBody(facts: DraftFacts, amount: number): string {
  const { locale, slots } = facts;
  const k = 'drafts.postageShort';
  return [
    slots.orderId ? t(locale, `${k}.opening`, { orderId: slots.orderId }) : t(locale, `${k}.openingNoOrder`),
    t(locale, `${k}.problem`, { problem: problemPhrase(facts) }),
    t(locale, `${k}.law`),
    t(locale, `${k}.ask`, { amount: money(locale, amount, slots.currency) }),
    t(locale, `${k}.deadline`, { deadline: replyDeadline(facts, COMPENSATION_REPLY_HOURS) }),
  ].join('\n');
}
