/**
 * The 12315 complaint. 市场监督管理投诉举报处理暂行办法 (DOMAIN.md law section): a complaint
 * must name the complainant, the business, a concrete request and the facts. The business is
 * named by its registered name and address, which 电子商务法 第十五条 has the shop display on its
 * front page. This is the one draft with placeholders — only for what the record does not hold
 * (name, phone, the registered business, the shop, and required facts not given yet) — marked
 * 【请填写：…】 / [fill in: …] so they cannot be sent by mistake unnoticed. A fact the record
 * holds is never placeheld.
 */
import { t } from '../i18n/index.ts';
import { lawFor, lawRef } from '../knowledge/law.ts';
import { REGULATOR_ACCEPTANCE_WORKING_DAYS } from '../knowledge/ladder.ts';
import { platformName } from '../knowledge/platforms.ts';
import { isTakeaway } from '../knowledge/takeaway.ts';
import { formatDay } from '../time/deadlines.ts';
import {
  askedSum, claimOf, claimSentence, evidenceSentence, historyLines, isPrivateSeller, lawOptions, money, noteSum, partLine, partlyBack, rulingTerms, rulingWords, problemLine, returnLines, shortOfPrice, wantsNoun, wishExtras,
  windowNotes,
} from './parts.ts';
import type { DraftFacts, DraftPart } from './types.ts';

export type PlaceholderFact =
  | 'name' | 'phone' | 'shop' | 'platform' | 'amount' | 'receivedOn' | 'businessName' | 'businessAddress' | 'sellerName';

/** The placeholder marker for a fact the buyer must fill in, e.g. "【请填写：店铺名称】". */
export function placeholder(locale: DraftFacts['locale'], what: PlaceholderFact): string {
  return t(locale, 'drafts.regulator.placeholder', { what: t(locale, `drafts.regulator.fill.${what}`) });
}

/** The 12315 complaint text, with marked placeholders only for what the record does not hold. */
export function regulatorDraft(facts: DraftFacts): DraftPart {
  const { locale, slots } = facts;
  const k = 'drafts.regulator';
  const fill = (what: PlaceholderFact): string => placeholder(locale, what);
  const given = (v: string | null | undefined): string | null => (v && v.trim() ? v.trim() : null);

  const lines: string[] = [];
  lines.push(t(locale, `${k}.complainant`, { name: fill('name'), phone: fill('phone') }));
  // A shop of its own has no platform: its mini program or website is where the shop is.
  const platform = slots.platform ? platformName(slots.platform, locale, slots.platformName) : slots.standalone ? t(locale, `${k}.ownShop`) : fill('platform');
  // A private seller has no business licence: named by platform and nickname instead.
  lines.push(
    isPrivateSeller(slots)
      ? t(locale, `${k}.businessPrivate`, { platform, shop: given(slots.shopName) ?? fill('sellerName') })
      : t(locale, `${k}.business`, {
        businessName: given(slots.businessName) ?? fill('businessName'),
        businessAddress: given(slots.businessAddress) ?? fill('businessAddress'),
        platform,
        shop: given(slots.shopName) ?? fill('shop'),
      }),
  );
  // The registered code names the business beyond doubt (the buyer copied it from the licence).
  if (!isPrivateSeller(slots) && given(slots.businessCode)) lines.push(t(locale, `${k}.businessCode`, { code: given(slots.businessCode)! }));
  if (slots.orderId) lines.push(t(locale, `${k}.order`, { orderId: slots.orderId }));
  if (slots.trackingNo) lines.push(t(locale, `${k}.tracking`, { trackingNo: slots.trackingNo }));
  lines.push(t(locale, `${k}.amount`, { amount: slots.amountPaid !== null ? money(locale, slots.amountPaid, slots.currency) : fill('amount') }));
  lines.push('');
  lines.push(t(locale, `${k}.factsHeading`));
  const facts_: string[] = [];
  // No receipt for a parcel that never arrived or was never shipped, nor for a voucher, a pass or a
  // meal (nothing is signed for): don't ask for a date that doesn't exist.
  // A parcel the buyer never got: the day is the tracking's, never "I signed for it".
  const received = slots.problem === 'not_received' ? 'drafts.timeline.receivedByTracking' : 'drafts.timeline.received';
  const signable = slots.shipped !== false && !facts.virtual && !isTakeaway(slots);
  if (slots.receivedOn && signable) facts_.push(t(locale, received, { date: formatDay(slots.receivedOn, locale) }));
  else if (slots.problem !== 'not_received' && signable) facts_.push(t(locale, 'drafts.timeline.received', { date: fill('receivedOn') }));
  facts_.push(problemLine(facts, k, 'problemFact'));
  facts_.push(...historyLines(facts, true));
  facts_.push(...returnLines(facts, true));
  lines.push(...facts_.map((l, i) => `${i + 1}. ${l}`));
  lines.push('');
  lines.push(requestLine(facts, fill));
  const laws = lawFor(slots.problem, slots.wants, lawOptions(facts));
  // The request claims 退一赔三 (asked by the buyer, not only for a fake): its article is part of the basis.
  if (claimOf(facts)?.kind === 'fraud_3x' && !laws.some((l) => l.id === 'cpl_55')) laws.push(lawRef('cpl_55', locale));
  if (laws.length) lines.push(t(locale, `${k}.basis`, { laws: laws.map((l) => l.title).join(t(locale, 'drafts.sep')) }));
  lines.push(evidenceSentence(facts, `${k}.evidence`));

  const notes = [...(isPrivateSeller(slots) ? [] : [t(locale, `${k}.notes.licence`)]), t(locale, `${k}.notes.acceptance`, { days: REGULATOR_ACCEPTANCE_WORKING_DAYS })];
  if (isPrivateSeller(slots)) notes.unshift(t(locale, 'drafts.notes.privateSeller'));
  notes.push(...windowNotes(facts));
  return {
    to: 'regulator',
    kind: 'regulator',
    title: t(locale, `${k}.title`),
    body: lines.join('\n'),
    notes,
    followUp: { reason: 'regulator_acceptance', workingDays: REGULATOR_ACCEPTANCE_WORKING_DAYS },
  };
}

/** A concrete request with an amount (the claim, the shortfall, or the price paid). */
function requestLine(facts: DraftFacts, fill: (what: PlaceholderFact) => string): string {
  const { locale, slots } = facts;
  const k = 'drafts.regulator';
  const party = t(locale, `${k}.party.${isPrivateSeller(slots) ? 'private' : 'business'}`);
  // After a ruling for the buyer that left part out, only that part is asked: never what was granted.
  const ruling = facts.timeline.filter((e) => e.type === 'platform_ruled_buyer' || e.type === 'platform_ruled_seller').at(-1);
  const terms = ruling?.type === 'platform_ruled_buyer' ? rulingTerms(ruling.note) : null;
  const claim = claimOf(facts);
  if (terms?.denied.length) {
    const words = rulingWords(locale, terms, noteSum(ruling!.note)?.sum ?? null, slots.currency);
    // The multiple turned down and still claimed ("三倍的事平台不管，找12315"): asked of the business under its own article.
    if (claim && terms.denied.includes('punitive')) {
      const rest = terms.denied.filter((d) => d !== 'punitive');
      const restWords = rest.length ? t(locale, `${k}.afterRuling.rest`, { party, rest: rulingWords(locale, { remedies: [], denied: rest }, null, slots.currency).denied }) : '';
      return t(locale, `${k}.afterRuling.request`, { ...words, rest: restWords, claim: claimSentence(locale, claim, `${k}.afterRuling`, { party }) });
    }
    return t(locale, `${k}.requestAfterRuling`, { party, ...words });
  }
  if (claim) return claimSentence(locale, claim, `${k}.claim`, { amount: fill('amount'), party });
  const part = partlyBack(facts);
  if (part) return partLine(locale, `${k}.requestRest`, part, slots.currency, { party });
  const short = slots.problem === 'refund_issue' ? shortOfPrice(slots) : null;
  if (short) {
    const { paid, refunded } = short;
    return t(locale, `${k}.requestShortfall`, { party, diff: money(locale, paid - refunded, slots.currency), paid: money(locale, paid, slots.currency), refunded: money(locale, refunded, slots.currency) });
  }
  // The sum the buyer asks back, when named, is the amount at stake; else the price paid.
  const paid = slots.amountPaid;
  const amount = paid !== null ? money(locale, paid, slots.currency) : fill('amount');
  const wants = wantsNoun(locale, slots, facts);
  if (!wants) return t(locale, `${k}.requestNoWants`, { amount, party });
  const key = slots.wants === 'refund' ? 'requestRefund' : slots.wants === 'return_refund' ? 'requestReturnRefund' : 'request';
  // A refund of the sum the buyer named ("退还货款 360 元"), not of the whole price.
  const sum = slots.wants === 'refund' ? askedSum(facts) : null;
  const named = sum !== null ? money(locale, sum, slots.currency) : null;
  const asked = named !== null && facts.compensation?.about ? t(locale, 'drafts.wants.aboutSum', { amount: named }) : named;
  return t(locale, `${k}.${key}`, { wants, amount: asked ?? amount, party, extra: wishExtras(facts) });
}
