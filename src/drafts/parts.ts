/**
 * Sentences shared by several drafts, each written from the case record only: money, the
 * problem in the buyer's (cleaned) words, the wanted outcome or the statutory claim, the
 * evidence logged (or what the buyer can provide), and what the seller and the platform did,
 * from the timeline.
 *
 * `facts.locale` here is the language of the text being written (a letter is written once in
 * Chinese, and once more in the buyer's language as a gloss).
 */
import { has, t } from '../i18n/index.ts';
import { promiseKind, type Currency, type EvidenceItem, type Locale, type Slots, type TimelineEntry, type TimelineType, type Wants } from '../domain/index.ts';
import { checklistIds, ON_RECORD, type ChecklistItemId } from '../knowledge/checklists.ts';
import { isTakeaway } from '../knowledge/takeaway.ts';
import { statutoryClaim, type StatutoryClaim } from '../knowledge/claims.ts';
import { noReasonStatus, type NoReasonStatus } from '../knowledge/noReason.ts';
import { parseOfferNote, type ConditionalOffer } from '../knowledge/conditional-offer.ts';
import { parseRebuttalNote, rebuttalStatement } from '../knowledge/rebuttal.ts';
import { moneyText } from '../knowledge/currency.ts';
import { sellsThroughShops } from '../knowledge/platforms.ts';
import { englishFacts, type EnglishFact } from './english-facts.ts';
import { NO_STOCK } from '../nlu/seller-reply.ts';
import { addHours, formatDateTime, formatDay, isoInstant, isPublicHoliday, localDay, outOfQuietHours, returnRefundDue } from '../time/deadlines.ts';
import type { DraftFacts } from './types.ts';
import { partOfOrder } from '../nlu/amounts.ts';
import { absoluteDays, asksSellerPaysShipping, cantoneseLeft, cleanBuyerWords, isChinese, toSimplified, toWrittenChinese, withoutFeelings } from './words.ts';

const formatted = new Map<string, string>();

/**
 * `formatDateTime`, remembered: dayjs's timezone plugin builds an Intl formatter per call, and a
 * letter formats every evidence item and event (several times for a gloss).
 */
export function formatAt(at: Date | string, timezone: string, locale: Locale): string {
  const iso = typeof at === 'string' ? at : isoInstant(at);
  const key = `${iso}|${timezone}|${locale}`;
  let text = formatted.get(key);
  if (text === undefined) {
    if (formatted.size > 5000) formatted.clear();
    text = formatDateTime(new Date(iso), timezone, locale);
    formatted.set(key, text);
  }
  return text;
}

/** "129.90 元" / "¥129.90"; whole amounts without decimals, thousands grouped ("2,697 元"). */
export function money(locale: Locale, amount: number, currency?: Currency | null): string {
  // Dollars stay dollars ("$54.90" is never "54.90 元"): the currency the buyer gave.
  if (currency && currency !== 'CNY') return moneyText(locale, amount, currency, (n) => money(locale, n));
  const rounded = Math.round(amount * 100) / 100;
  const text = rounded.toLocaleString('en-US', { minimumFractionDigits: Number.isInteger(rounded) ? 0 : 2, maximumFractionDigits: 2 });
  return t(locale, 'drafts.money', { amount: text });
}

/** Trims a text and drops trailing sentence punctuation (the template adds its own). */
export function clean(text: string, max = 200): string {
  let s = text.replace(/\s+/g, ' ').trim().replace(/[。．.！!？?，,；;、\s]+$/u, '');
  if (s.length > max) {
    let cut = s.slice(0, max - 1);
    // A Latin word cut in two ("real capaci…") reads as a typo: cut before the word instead.
    if (/[A-Za-z0-9]/.test(s[max - 1]!) && /[A-Za-z0-9]$/.test(cut)) {
      const word = /[A-Za-z0-9'’-]+$/.exec(cut)![0];
      if (word.length < cut.length) cut = cut.slice(0, -word.length);
    }
    s = `${cut.replace(/[\s,，、;；:：-]+$/u, '')}…`;
  }
  return s;
}

// ---------------------------------------------------------------------------
// What kind of case this is
// ---------------------------------------------------------------------------

/**
 * The seller is a private person (闲鱼 C2C), not a 经营者: no 消法 article, no statutory claim.
 * A 闲鱼 seller counts as private unless the record says it is a business; on a platform of shops
 * (京东, 天猫…) the platform decides, not the buyer's words.
 */
export function isPrivateSeller(slots: Slots): boolean {
  if (sellsThroughShops(slots.platform)) return false;
  return slots.privateSeller ?? slots.platform === 'xianyu';
}

/** "朋友圈的代购", "微信群里找人买的", "微商": the seller is a person found through WeChat, with no platform between. */
const FROM_PERSON = /朋友圈|微信群|代购|微商|个人/;
/**
 * A purchase with no platform from a person found through WeChat (a Moments 代购, a 微商): whether
 * they trade as a business (a 经营者, whom 消法 and 12315 concern) is not known from the record.
 */
export function boughtFromPerson(slots: Slots): boolean {
  return !!slots.standalone && !slots.platform && FROM_PERSON.test(slots.problemText ?? '');
}

/** "我是开网店的", "店里进货", "批发了500个", "公司采购": bought for a business, not for the buyer's own life. */
const FOR_BUSINESS = /开(?:网)?店的|(?:店里|店铺|公司|厂里)(?:进货|采购|用的?)|进货|批发|拿货|公司采购|商用|for (?:my|our) (?:shop|store|business)|wholesale|resale/i;
export function boughtForBusiness(slots: Slots): boolean {
  return FOR_BUSINESS.test(slots.problemText ?? '');
}

/**
 * Notes for a letter that cites the consumer law where it may not apply (DOMAIN.md: 消法 binds 经营者;
 * whether it covers the case is for the regulator or a court to say, not the bot): a seller found
 * through WeChat who may not trade as a business, goods bought for a shop.
 */
export function consumerLawNotes(facts: DraftFacts, body: string): string[] {
  if (!body.includes('消费者权益保护法')) return [];
  return [
    ...(boughtFromPerson(facts.slots) ? [t(facts.locale, 'drafts.notes.personSeller')] : []),
    ...(boughtForBusiness(facts.slots) ? [t(facts.locale, 'drafts.notes.forBusiness')] : []),
  ];
}

/** The statutory claim (退一赔三 / 退一赔十) for the case, or null. */
export function claimOf(facts: DraftFacts): StatutoryClaim | null {
  const { slots } = facts;
  const claim = statutoryClaim({
    problem: slots.problem, wants: slots.wants, food: facts.food, privateSeller: isPrivateSeller(slots),
    price: slots.amountPaid, loss: slots.lossAmount ?? null, asked: facts.claimAsked ?? null,
    named: facts.claimSum ?? null, refunded: slots.amountRefunded,
  });
  // An appraisal on record that found the goods fake: the claim states it rather than "if confirmed".
  const appraisal = appraisalOf(facts.timeline);
  return claim && appraisal?.verdict === 'fake' && !appraisal.oral ? { ...claim, appraisedBy: appraisal.by } : claim;
}

/** The latest appraisal or inspection result on record (`appraised`, note `<by> <verdict>`), or null. */
export function appraisalOf(timeline: readonly TimelineEntry[]): { by: string; verdict: string; oral: string } | null {
  const e = [...timeline].reverse().find((x) => x.type === 'appraised');
  if (!e) return null;
  const [by = 'unknown', verdict = '', oral = ''] = e.note.split(' ');
  return { by, verdict, oral };
}

/**
 * An appraisal in the account of events: who appraised (a third party is never called the brand)
 * and what it found, with "report attached" only when a report was sent in as evidence.
 */
function appraisalLine(facts: DraftFacts, e: TimelineEntry, when: string): string {
  const { by, verdict, oral } = appraisalOf([e])!;
  // Said, not written ("柜台的人说不是他们家的货，但不肯开证明"): the statement as told, with no paper claimed.
  if (oral) return t(facts.locale, `drafts.timeline.appraisedOral.${oral}`, { when, by: t(facts.locale, `drafts.appraisal.outlet.${by}`), said: t(facts.locale, `drafts.appraisal.said.${verdict}`) });
  const report = facts.evidence.some((x) => REPORT.test(x.caption)) ? t(facts.locale, 'drafts.appraisal.report') : '';
  return t(facts.locale, `drafts.timeline.appraised.${verdict}`, { when, by: t(facts.locale, `drafts.appraisal.by.${by}`), report });
}

/** A third party's payment for the loss (note `sum:<sum> by:<payer>[ currency:<code>]`), said as theirs, not the seller's. */
function thirdPartyPaidLine(facts: DraftFacts, e: TimelineEntry, when: string): string {
  const note = Object.fromEntries(e.note.split(' ').map((kv) => kv.split(':') as [string, string]));
  const sum = money(facts.locale, Number(note.sum), (note.currency as Currency | undefined) ?? facts.slots.currency);
  return t(facts.locale, 'drafts.timeline.third_party_paid', { when, by: note.by ?? '', sum });
}

/** An evidence caption that is an appraisal or inspection report. */
const REPORT = /报告|鉴定|检测|证书|report|certificate|appraisal/i;

/** The 7-day no-reason window, only for a change of mind (other problems are not no-reason returns). */
export function windowOf(facts: DraftFacts): NoReasonStatus {
  return facts.slots.problem === 'changed_mind' ? noReasonStatus(facts.slots.receivedOn, facts.now, facts.timezone) : { state: 'unknown' };
}

const COURIER_WORDS = /快递|物流|运输|驿站|快遞|物流|運輸|courier|shipping|transit|delivery|logistics/i;

/** The seller put the blame on the courier ("快递弄坏的，找快递去"): 电子商务法 第二十条. */
export function sellerBlamesCourier(timeline: readonly TimelineEntry[]): boolean {
  return timeline.some(
    (e) =>
      (e.type === 'seller_refused' || e.type === 'seller_stalled' || e.type === 'seller_counter_offer') &&
      (e.note.includes('blames_courier') || (e.quote !== null && COURIER_WORDS.test(e.quote))),
  );
}

/** Law options for the case (see `lawFor`). */
export function lawOptions(facts: DraftFacts): { locale: Locale; food?: boolean; claimAsked: DraftFacts['claimAsked'] | null; privateSeller: boolean; withinNoReasonWindow: boolean; sellerBlamesCourier: boolean; takeaway: boolean } {
  const w = windowOf(facts);
  return {
    locale: facts.locale,
    food: facts.food,
    claimAsked: facts.claimAsked ?? null,
    privateSeller: isPrivateSeller(facts.slots),
    // 第二十五条 only when the record shows the window open (no receipt date: not claimed).
    withinNoReasonWindow: w.state === 'open',
    sellerBlamesCourier: sellerBlamesCourier(facts.timeline),
    takeaway: isTakeaway(facts.slots),
  };
}

// ---------------------------------------------------------------------------
// The problem and the wish
// ---------------------------------------------------------------------------

/**
 * The problem as the buyer put it (`slots.problemText`, cleaned: no order / tracking number,
 * no platform name, no repeated wish, Simplified and written forms in a Chinese text, and only the
 * goods' problem: no story of who did what, no sums), else a neutral description of the problem
 * code. The letter goes to a Chinese reviewer: a description the buyer wrote in another language
 * (English) is not put into it, neither as the problem nor as a quotation; the neutral Chinese
 * description stands alone, its translation matches it, and the buyer's words stay in the case
 * record and the case file (`ownWordsOmitted` tells the buyer). Chinese words are shown to an
 * English buyer's translation beside the neutral description ("in my words: …").
 */
export function problemPhrase(facts: DraftFacts): string {
  const { locale, slots } = facts;
  const neutral = neutralProblem(facts);
  // A letter in the buyer's own language (a platform abroad) carries their words in it.
  if (ownWordsOmitted(facts)) {
    const own = facts.ownLanguage ? ownWords(facts, locale) : '';
    if (own.length >= 2) return t(locale, 'drafts.problem.ownWords', { problem: neutral, own });
    // The facts read from English words, stated in the letter's language (the buyer checks them in the translation).
    const read = translatedFacts(facts);
    return read.length ? t(locale, 'drafts.problem.withFacts', { problem: neutral, facts: read.map((f) => (locale === 'zh-CN' ? f.zh : f.en)).join(t(locale, 'drafts.problem.factSep')) }) : neutral;
  }
  // An order the seller cancelled for want of stock: that fact, whatever else the words hold (a wish,
  // the price now asked), which the buyer's own words tell only in part.
  if (cancelledNoStock(slots)) return neutral;
  const own = ownWords(facts, locale);
  // Two characters is the shortest concrete complaint ("碎了"); less is noise left over.
  if (own.length < 2) return neutral;
  // A refund problem told as the story of the return ("商家18号就收到退货了"): the words kept say
  // nothing of the money, so the letter says the refund has not come (with the sum owed, if told).
  // Not when the words say the refund was refused: none is on its way.
  if (locale === 'zh-CN' && slots.problem === 'refund_issue' && slots.amountRefunded === null && !MONEY_WORDS.test(own) && !REFUND_REFUSED.test(slots.problemText ?? '')) {
    const owed = askedSum(facts);
    return `${own}，${owed === null ? t(locale, 'drafts.problem.refundNotArrived') : t(locale, 'drafts.problem.refundNotArrivedSum', { amount: money(locale, owed, slots.currency) })}`;
  }
  // Part of the refund came since the words were told: their "钱还没退" no longer holds, and the sums do.
  if (locale === 'zh-CN' && slots.problem === 'refund_issue' && shortOfPrice(slots)) {
    const still = own.split(/[，,]/u).filter((clause) => !NOT_BACK_CLAUSE.test(clause)).join('，');
    return still.length >= 2 ? `${still}，${neutral}` : neutral;
  }
  // Shipped since the words were told: their "还没发" no longer holds; what was late is said instead.
  if (locale === 'zh-CN' && slots.shipped === true) {
    const still = own.split(/[，,]/u).filter((clause) => !NOT_SHIPPED_CLAUSE.test(clause)).join('，');
    // The goods came late and then wrong or faulty: the late sending first, then what came.
    if (still.length >= 2 && slots.problem !== 'not_received') return `${t(locale, 'drafts.problem.shippedLate')}；${still}`;
    return still.length >= 2 ? `${still}，${t(locale, 'drafts.problem.shippedLate')}` : t(locale, 'drafts.problem.shippedLate');
  }
  return locale === 'zh-CN' ? own : t(locale, 'drafts.problem.ownWords', { problem: neutral, own: ownWords(facts, 'zh-CN') });
}

/** The buyer's words say the refund was refused ("拒绝退款", "概不退款", "说开通了不退"). */
const REFUND_REFUSED = /拒(?:绝)?退|不(?:给|予|同意)?退(?!货)|概不退|驳回/u;
/** Words that speak of the money in a refund problem's own words. */
const MONEY_WORDS = /退款|钱|到账|款项|货款/u;
/** A clause saying no money came back ("到现在钱还没退", "退款一直没到账"). */
const NOT_SHIPPED_CLAUSE = /(?:没|未|不)有?(?:发|寄)|迟迟/u;
const NOT_BACK_CLAUSE = /(?:没|未)有?(?:退|到账|到|收到)|(?:钱|款)[^，]{0,4}(?:没|未)/u;

/** The buyer's words for the problem, cleaned for a letter in `lang`. */
function ownWords(facts: DraftFacts, lang: Locale): string {
  // Asked three times or more for one letter (whether they are left out, the problem line, the notes).
  const key = writing ? `${lang}\u0000${facts.locale}` : '';
  const known = writing?.get(key);
  if (known !== undefined) return known;
  const { slots } = facts;
  const words = slots.problemText ? clean(datedWords(facts, cleanBuyerWords(slots.problemText, slots, lang, slots.wants !== null))) : '';
  writing?.set(key, words);
  return words;
}

/**
 * `ownWords` answers while one draft is written (`writingDraft`), by the letter's language and the
 * facts' locale: the facts of one draft are the same in all else (a locale apart, the writers pass
 * them on unchanged, and nothing writing a draft changes them). Null when no draft is being written.
 */
let writing: Map<string, string> | null = null;

/** Run `write` (one draft's writing) with `ownWords` answering each question once. */
export function writingDraft<T>(write: () => T): T {
  const outer = writing;
  writing = new Map();
  try {
    return write();
  } finally {
    writing = outer;
  }
}

/** The facts read from the buyer's English description (none from Chinese or Cantonese words). */
export function translatedFacts(facts: DraftFacts): EnglishFact[] {
  const text = facts.slots.problemText ?? '';
  return /[\u4e00-\u9fff]/u.test(text) ? [] : englishFacts(text);
}

/**
 * The buyer described the problem in another language than Chinese: the Chinese letter (and its
 * translation) uses the neutral description, with the facts read from the words (`translatedFacts`).
 */
export function ownWordsOmitted(facts: DraftFacts): boolean {
  const own = ownWords(facts, 'zh-CN');
  // Cantonese the letter cannot write in standard Chinese is left out the same way (named by its kind).
  return own.length >= 2 && (!isChinese(own) || cantoneseLeft(own));
}

/** The buyer's words were left out for Cantonese that could not be made standard written Chinese. */
export function cantoneseOmitted(facts: DraftFacts): boolean {
  const own = ownWords(facts, 'zh-CN');
  return own.length >= 2 && isChinese(own) && cantoneseLeft(own);
}

/**
 * The buyer's relative days made absolute against the day the words were said (the case's opening, or
 * the last change of the problem): a letter is read on a later day, even one written the same day.
 */
function datedWords(facts: DraftFacts, words: string): string {
  const changed = facts.timeline.filter((e) => e.type === 'amended' && (e.note === 'problem' || e.note === 'problemText')).at(-1);
  const toldDay = localDay(new Date(changed?.at ?? facts.openedAt), facts.timezone);
  return absoluteDays(words, toldDay, facts.locale, (day) => formatDay(day, facts.locale));
}

/** The neutral Chinese description of the case's problem, as a letter writes it. */
export function neutralProblemText(facts: DraftFacts): string {
  return neutralProblem({ ...facts, locale: 'zh-CN' });
}

/** The tracking shows the parcel delivered or signed for. */
const SIGNED_FOR = /显示(?:已经?)?(?:签收|送达|妥投)|已(?:经)?签收|签收了|顯示(?:已經?)?(?:簽收|送達)|已(?:經)?簽收|\b(?:delivered|signed for|marked as delivered)\b/iu;

const CANCELLED = /取消|砍单|砍單|关闭了?订单|關閉|\bcancel/iu;

/** The buyer's words say the seller cancelled the order as out of stock (goods never sent). */
function cancelledNoStock(slots: Slots): boolean {
  return slots.problemText !== null && slots.problemText !== undefined && NO_STOCK.test(slots.problemText) && CANCELLED.test(slots.problemText);
}

function neutralProblem(facts: DraftFacts): string {
  const { locale, slots } = facts;
  if (cancelledNoStock(slots)) return t(locale, 'drafts.problem.cancelledNoStock');
  const short = slots.problem === 'refund_issue' ? shortOfPrice(slots) : null;
  if (short) {
    const { paid, refunded } = short;
    return t(locale, 'drafts.problem.refundShort', {
      paid: money(locale, paid, slots.currency), refunded: money(locale, refunded, slots.currency), diff: money(locale, paid - refunded, slots.currency),
    });
  }
  if (slots.problem === 'not_received' && slots.shipped === false) return t(locale, 'drafts.problem.notShipped');
  // A room, a course, a top-up not given: nothing was in transit, so no word of a parcel.
  if (slots.problem === 'not_received' && facts.virtual) return t(locale, 'drafts.problem.notProvided');
  // "Tracking says delivered but I never got it": the letter must not say the parcel is late.
  if (slots.problem === 'not_received' && slots.problemText && SIGNED_FOR.test(slots.problemText)) return t(locale, 'drafts.problem.signedNotReceived');
  return t(locale, `drafts.problem.${slots.problem ?? 'unknown'}`);
}

/**
 * The problem sentence of a letter (`<base>.<key>`), or `<base>.reason` for a change of mind:
 * a no-reason return is not a fault of the goods, and the letter must not say it is.
 */
export function problemLine(facts: DraftFacts, base: string, key: string): string {
  const problem = problemPhrase(facts);
  return facts.slots.problem === 'changed_mind' ? t(facts.locale, `${base}.reason`, { problem }) : t(facts.locale, `${base}.${key}`, { problem });
}

/** A price drop (价保) with the day of signing told: the day stated, as price protection may count from it. */
export function priceDropReceived(facts: DraftFacts): string[] {
  const day = facts.priceDrop && facts.slots.problem === 'other' && facts.slots.receivedOn;
  return day ? [t(facts.locale, 'drafts.timeline.received', { date: formatDay(day, facts.locale) })] : [];
}

/**
 * The sum the buyer asks back with a refund or compensation wish, in yuan (the buyer's own figure,
 * or the one the seller agreed to; never invented), or null.
 */
export function askedSum(facts: Pick<DraftFacts, 'slots' | 'compensation'>): number | null {
  const wants = facts.slots.wants;
  const amount = facts.compensation?.amount;
  return (wants === 'refund' || wants === 'compensation') && amount !== undefined && amount > 0 ? amount : null;
}

/**
 * The wish with its sum, when the buyer named one: "部分退款 100 元" (a partial refund, or a refund
 * of less than the price paid), "退款 360 元"; null without a sum.
 */
function wishWithSum(locale: Locale, form: 'verb' | 'noun', facts: Pick<DraftFacts, 'slots' | 'compensation'>): string | null {
  const sum = askedSum(facts);
  if (sum === null) return null;
  const paid = facts.slots.amountPaid;
  const part = facts.slots.wants === 'compensation' || (paid !== null && sum < paid);
  const amount = money(locale, sum, facts.slots.currency);
  return t(locale, `drafts.wants.${form}Sum.${part ? 'partial' : 'refund'}`, { amount: facts.compensation?.about ? t(locale, 'drafts.wants.aboutSum', { amount }) : amount });
}

/**
 * The buyer's words asked the seller to pay the shipping of a return or an exchange ("运费商家出"):
 * said with the wish (", 运费由卖家承担"), never in the problem line; empty otherwise.
 */
export function shippingWish(facts: Pick<DraftFacts, 'locale' | 'slots'>): string {
  const { slots } = facts;
  const parcelBack = slots.wants === 'return_refund' || slots.wants === 'exchange';
  return parcelBack && slots.problemText && asksSellerPaysShipping(slots.problemText) ? t(facts.locale, 'drafts.wants.sellerPaysShipping') : '';
}

const MEDICAL_COST = /看病|就医|医药|医疗|挂号|检查费|住院|medical|hospital|doctor/i;
const SHIPPING_COST = /运费|邮费|快递费|寄费|shipping|postage/i;
/** Getting somewhere else because the service was not given: "打车费", "the taxi". */
const TRAVEL_COST = /打车|车费|路费|交通费|\btaxi\b|\bcab\b/i;
/** A second choice (`alternativeWish`): "要么退款", "或者退款", "or refund me". */
const SECOND_CHOICE = /^(?:要么|或者?|or\b)/i;
const ALTERNATIVES: readonly [RegExp, Wants][] = [
  [/退货|\breturn/i, 'return_refund'], [/退款|退钱|refund|money back/i, 'refund'], [/换|exchange|replace/i, 'exchange'],
  [/补发|补寄|重发|resend|reship/i, 'reship'], [/修|repair/i, 'repair'], [/赔|补偿|compensat/i, 'compensation'],
  // "要么换要么退": a bare 退 beside goods in hand is sending them back for the money.
  [/退/, 'return_refund'],
];
/** The shipping of a parcel sent back: "来回运费", "寄回的运费", "both ways". */
const SENT_BACK = /来回|往返|寄回|退回|退货|both ways|\breturn/i;

/** The second choice beside the wish ("要么换要么退" → 退货退款), one of the six and not the wish itself; null when none. */
export function secondChoice(slots: Pick<Slots, 'wants' | 'wishExtra'>): Wants | null {
  const words = slots.wishExtra ?? '';
  const second = slots.wants && SECOND_CHOICE.test(words) ? ALTERNATIVES.find(([re]) => re.test(words))?.[1] : undefined;
  return second && second !== slots.wants ? second : null;
}

/**
 * The claim the buyer added to the wish (`slots.wishExtra`), said after it: medical costs or the
 * shipping of a return with the sum they named, else their own words (in a Chinese letter only when
 * Chinese); with the shipping asked in the problem's words (`shippingWish`) when that is all.
 */
export function wishExtras(facts: Pick<DraftFacts, 'locale' | 'slots' | 'ownLanguage' | 'claimSum'>): string {
  // A compensation sum asked on top of the money back, where no statute's claim says it ("，并要求赔偿 800 元").
  const claimed = facts.claimSum ? t(facts.locale, 'drafts.wants.compensationSum', { amount: money(facts.locale, facts.claimSum, facts.slots.currency) }) : '';
  return addedClaim(facts) + claimed;
}

function addedClaim(facts: Pick<DraftFacts, 'locale' | 'slots' | 'ownLanguage'>): string {
  const { slots, locale } = facts;
  const words = slots.wishExtra ? clean(locale === 'zh-CN' ? toSimplified(slots.wishExtra) : slots.wishExtra, 60) : '';
  // The kind of cost and its sum are read on the whole claim (the words shown may be cut short). A run of
  // ten digits or more (an order number) is never a sum; a medical loss the buyer stated with its unit, or
  // corrected since, is the sum asked (lossAmount).
  const whole = slots.wishExtra ?? '';
  const said = /(?<![\d.])\d{1,9}(?:\.\d{1,2})?(?![\d.])/.exec(whole);
  const medical = MEDICAL_COST.test(whole);
  const figure = medical && slots.lossAmount ? slots.lossAmount : said ? Number(said[0]) : null;
  const vars: Record<string, string> = figure !== null ? { amount: money(locale, figure, slots.currency) } : {};
  // The goods went back (a return waybill on record): their postage is the parcel's, whatever the wish now.
  const parcelBack = slots.wants === 'return_refund' || slots.wants === 'exchange' || !!slots.returnTrackingNo;
  const second = secondChoice(slots);
  if (second) {
    // "要么重发要么退钱": the second choice, with the price paid when it is the money back.
    const paid = (second === 'refund' || second === 'return_refund') && slots.amountPaid !== null ? money(locale, slots.amountPaid, slots.currency) : null;
    const alt = paid ? `${t(locale, `drafts.wants.noun.${second}`)} ${paid}` : t(locale, `drafts.wants.noun.${second}`);
    return shippingWish(facts) + t(locale, 'drafts.wants.orElse', { alt, wants: t(locale, `drafts.wants.noun.${slots.wants}`) });
  }
  if (medical) return shippingWish(facts) + t(locale, figure !== null ? 'drafts.wants.medicalSum' : 'drafts.wants.medical', vars);
  if (TRAVEL_COST.test(whole)) return shippingWish(facts) + t(locale, figure !== null ? 'drafts.wants.travelSum' : 'drafts.wants.travel', vars);
  if (SHIPPING_COST.test(words) && (parcelBack || SENT_BACK.test(words))) return t(locale, figure !== null ? 'drafts.wants.sellerPaysShippingSum' : 'drafts.wants.sellerPaysShipping', vars);
  // Only words the Chinese letter carries too: a translation beside it says no more than it does.
  if (words && (facts.ownLanguage === true || isChinese(words)) && !SHIPPING_COST.test(words)) return shippingWish(facts) + t(locale, 'drafts.wants.alsoAsked', { words });
  return shippingWish(facts);
}

/** A wish outside the six in the buyer's words, Simplified in a Chinese letter; null when none. */
function ownWish(locale: Locale, slots: Slots): string | null {
  return slots.wishText ? (locale === 'zh-CN' ? toSimplified(slots.wishText) : slots.wishText) : null;
}

/** The wanted outcome as a verb phrase ("申请退款" / "a refund"), with the buyer's sum when named; null when unknown. */
export function wantsVerb(locale: Locale, slots: Slots, facts?: Pick<DraftFacts, 'compensation'>): string | null {
  const withSum = facts ? wishWithSum(locale, 'verb', { slots, compensation: facts.compensation }) : null;
  return withSum ?? (slots.wants ? t(locale, `drafts.wants.verb.${slots.wants}`) : ownWish(locale, slots));
}

/** The wanted outcome as a noun ("退款" / "a refund"), with the buyer's sum when named; null when unknown. */
export function wantsNoun(locale: Locale, slots: Slots, facts?: Pick<DraftFacts, 'compensation'> & { timeline?: readonly TimelineEntry[] }): string | null {
  // The refund came short of what was agreed: what is asked now is the rest.
  const short = facts?.timeline ? refundShort(facts.timeline) : null;
  if (short) return t(locale, 'drafts.wants.remaining', { amount: money(locale, short.owed - short.got, slots.currency) });
  // The refund itself came short of the price (no sum agreed): the rest is what is asked now.
  const shortPaid = facts?.timeline && slots.problem === 'refund_issue' ? shortOfPrice(slots) : null;
  if (shortPaid) return t(locale, 'drafts.wants.remaining', { amount: money(locale, Math.round((shortPaid.paid - shortPaid.refunded) * 100) / 100, slots.currency) });
  // Part already refunded or awarded: what is asked now is the rest, and the letter says what came.
  const part = facts?.timeline ? partlyBack({ slots, compensation: facts.compensation, timeline: facts.timeline }) : null;
  if (part) return partLine(locale, 'drafts.wants.remainingAfter', part, slots.currency);
  // The seller's offer the buyer accepted: its sum, as agreed (never the sum first asked).
  const taken = facts?.timeline ? acceptedOffer(facts.timeline) : null;
  const sum = facts ? askedSum({ slots, compensation: facts.compensation }) : null;
  if (taken && sum !== null && taken.amount === sum) return t(locale, 'drafts.wants.nounSum.agreed', { amount: money(locale, sum, slots.currency) });
  const withSum = facts ? wishWithSum(locale, 'noun', { slots, compensation: facts.compensation }) : null;
  return withSum ?? (slots.wants ? t(locale, `drafts.wants.noun.${slots.wants}`) : ownWish(locale, slots));
}

/** The terms of the seller's latest counter-offer when the buyer accepted it; null otherwise. */
function acceptedOffer(timeline: readonly TimelineEntry[]): ConditionalOffer | null {
  const offer = timeline.filter((e) => e.type === 'seller_counter_offer').at(-1);
  return offer && offer.note.split(' ').includes('accepted') ? parseOfferNote(offer.note) : null;
}

/**
 * Part of the sum asked already back: refunded (on the record), or awarded by a platform ruling of
 * less than asked (note `sum:N part`, the newer of the two); the sum asked is the buyer's, else the
 * price paid. Null when nothing came back, or it is all of it (or more: then the record is unsure),
 * or the case is about a refund that came short (its own letters say that).
 */
export function partlyBack(facts: Pick<DraftFacts, 'slots' | 'compensation'> & { timeline: readonly TimelineEntry[] }): { asked: number; back: number; rest: number; ruled: boolean; privately: boolean } | null {
  // Money taken off the platform with a part kept back ("转了600，剩下199扣作清洗费"): with no price on record, the two make the whole.
  const taken = facts.timeline.filter((e) => e.type === 'private_deal_offered').map((e) => privateReceived(e.note)).filter((x) => x !== null).at(-1);
  const asked = askedSum(facts) ?? facts.slots.amountPaid ?? (taken?.sum && taken.kept ? taken.sum + taken.kept : null);
  if (asked === null) return null;
  const ruling = facts.timeline.filter((e) => e.type === 'platform_ruled_buyer' || e.type === 'platform_ruled_seller').at(-1);
  const ruled = ruling?.type === 'platform_ruled_buyer' ? noteSum(ruling.note) : null;
  const awarded = ruled?.part ? ruled.sum : null;
  // A refund short of the price in a case about the refund itself is the shortfall's (`shortOfPrice`).
  const refunded = facts.slots.problem === 'refund_issue' ? null : facts.slots.amountRefunded;
  // Money the seller paid off the platform and the buyer took counts as back too.
  const privately = refunded === null ? taken?.sum ?? null : null;
  const back = awarded ?? refunded ?? privately;
  if (back === null || !(back > 0 && back < asked)) return null;
  return { asked, back, rest: Math.round((asked - back) * 100) / 100, ruled: awarded !== null, privately: awarded === null && refunded === null };
}

/** A line of `key` with the rest asked and what came back (`{rest}`, `{asked}`, `{back}`: refunded or awarded). */
export function partLine(locale: Locale, key: string, part: NonNullable<ReturnType<typeof partlyBack>>, currency: Slots['currency'], vars: Record<string, string> = {}): string {
  const back = t(locale, `drafts.wants.${part.ruled ? 'backRuled' : part.privately ? 'backPrivately' : 'backRefunded'}`, { amount: money(locale, part.back, currency) });
  return t(locale, key, { ...vars, rest: money(locale, part.rest, currency), asked: money(locale, part.asked, currency), back });
}

/**
 * A reason or an offer the buyer reported (indirect speech, never a quote), as a letter writes it:
 * Simplified, spaces as commas, no quote marks, "券" for the common typo "卷" of a coupon.
 */
function reportedWords(locale: Locale, words: string): string {
  const text = clean(locale === 'zh-CN' ? toSimplified(words) : words, 60).replace(/[“”"]/g, '');
  return locale === 'zh-CN' ? text.replace(/(?<=[\u4e00-\u9fff\d])\s+(?=[\u4e00-\u9fff\d])/g, '，').replace(/(门槛|优惠|代金|店铺|京|东)卷/g, '$1券') : text;
}

/**
 * The statutory claim as one sentence: the refund of the price plus the extra compensation with
 * its amount and how it was worked out (`<base>.<kind>.full`), or the rule when the price is
 * unknown (`<base>.<kind>.noPrice`, `{amount}` filled by the caller when it has one).
 */
export function claimSentence(locale: Locale, claim: StatutoryClaim, base = 'drafts.claim', vars: Record<string, string> = {}): string {
  // Only the letters' own claim says "if confirmed"; an appraisal that found the goods fake replaces it.
  const own = base === 'drafts.claim' && claim.kind === 'fraud_3x';
  const appraised = own && claim.appraisedBy ? 'Appraised' : own && claim.asked ? 'Asked' : '';
  if (appraised === 'Appraised') vars = { ...vars, by: t(locale, `drafts.appraisal.by.${claim.appraisedBy}`) };
  // The buyer's own sum, said even where the price is not known ("要求支付赔偿金 1,000 元").
  const extra = claim.extra !== null && (claim.basis === 'named' || claim.price === null || claim.refunded) ? t(locale, 'drafts.claim.extraSum', { amount: money(locale, claim.extra) }) : '';
  const basisOf = (b: StatutoryClaim['basis']): string => t(locale, `drafts.claim.basis.${claim.kind}.${b}`, {
    price: claim.price !== null ? money(locale, claim.price) : '',
    loss: b === 'loss_multiple' && claim.extra !== null ? money(locale, claim.extra / 3) : '',
  });
  // Money already back: the letters state it and claim only the compensation on top.
  if (claim.refunded) {
    // Without a price the statute's own measure is said, not a sum worked out from it.
    const basis = basisOf(claim.extra === null || claim.price === null ? 'named' : claim.basis);
    return t(locale, `${base}.${claim.kind}.refunded${appraised}`, { ...vars, refunded: money(locale, claim.refunded), extra, basis });
  }
  if (claim.price === null || claim.extra === null) return t(locale, `${base}.${claim.kind}.noPrice${appraised}`, { ...vars, extra });
  const basis = basisOf(claim.basis);
  return t(locale, `${base}.${claim.kind}.full${appraised}`, {
    ...vars,
    price: money(locale, claim.price),
    extra: money(locale, claim.extra),
    total: money(locale, claim.price + claim.extra),
    basis,
  });
}

// ---------------------------------------------------------------------------
// Evidence
// ---------------------------------------------------------------------------

const MAX_EVIDENCE = 8;

/**
 * The evidence logged, each by caption (or kind) and the time it was logged, deduplicated;
 * null when nothing was logged.
 */
export function evidenceList(facts: DraftFacts): string | null {
  const { locale, evidence, timezone } = facts;
  if (evidence.length === 0) return null;
  const out: string[] = [];
  const seen = new Set<string>();
  let more = 0;
  for (const item of [...evidence].sort((a, b) => Date.parse(a.at) - Date.parse(b.at))) {
    const caption = evidenceLabel(item, locale);
    const key = `${item.kind}:${caption || item.at}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (out.length >= MAX_EVIDENCE) {
      more += 1;
      continue;
    }
    const vars = { caption, kind: t(locale, `drafts.evidence.kind.${item.kind}`), at: formatAt(item.at, timezone, locale) };
    out.push(t(locale, caption ? 'drafts.evidence.item' : 'drafts.evidence.itemNoCaption', vars));
  }
  if (more > 0) out.push(t(locale, 'drafts.evidence.more', { n: more }));
  return out.join(t(locale, 'drafts.sep'));
}

/**
 * How a letter names one piece of evidence: the buyer's caption in full; a caption that would be
 * cut, or one not in Chinese in a Chinese letter (an English buyer's "Coach customer service email
 * saying…", trial 7 s05), by its checklist item in the letter's language, else by its kind alone ('').
 */
function evidenceLabel(item: EvidenceItem, locale: Locale): string {
  const raw = (locale === 'zh-CN' ? toWrittenChinese(toSimplified(item.caption)) : item.caption).replace(/[“”]/g, '');
  const caption = clean(raw, 40);
  const fits = caption && !caption.endsWith('…') && (locale !== 'zh-CN' || (isChinese(caption) && !cantoneseLeft(caption)));
  if (fits || !caption) return caption;
  const short = item.item ? `knowledge.checklist.items.${item.item}.short` : null;
  return short && has(locale, short) ? t(locale, short) : '';
}

/**
 * What the buyer can provide when nothing was logged: the records of the case's checklist that
 * any buyer can fetch from the platform (order, payment, chat, logistics, refund pages; nothing
 * that needs a parcel for an order not shipped yet). Photos, videos and reports the buyer never
 * mentioned are not offered.
 */
export function canProvide(facts: DraftFacts, max = 4): string {
  const { locale, slots } = facts;
  const words = slots.problemText ?? '';
  const live = LIVESTREAM.test(words);
  const ids = checklistIds(slots.problem ?? 'other', { food: facts.food, shipped: slots.shipped, virtual: facts.virtual === true, takeaway: isTakeaway(slots) })
    .filter((id) => ON_RECORD.has(id) && fitsCase(id, facts, live));
  // What the buyer said they have ("我当场拍了照片和开箱视频") is on the record in their words: offered as said.
  const said = saidEvidence(words).map((k) => t(locale, `drafts.evidence.said.${k}`));
  // Bought in a livestream: what the host said is in the stream's recording, if the buyer has one.
  const replay = live ? [t(locale, 'drafts.evidence.liveReplay')] : [];
  return [...said, ...ids.slice(0, max).map((id) => t(locale, `knowledge.checklist.items.${id}.short`)), ...replay].join(t(locale, 'drafts.sep'));
}

/** Bought in a livestream ("直播间抢的", "看直播下单"): the host's words, not a listing page, described the goods. */
const LIVESTREAM = /直播|\blive ?stream/iu;
/** The buyer's words say a refund was made or is on its way ("已退款", "退款成功", "退款还没到账"). */
const REFUND_MADE = /已(?:经)?退(?:款|了|回)|退款(?:成功|已|中)|退了\s*[\d一二两三四五六七八九十百千]|(?:退|钱|款)[^，。]{0,6}(?:没|未)(?:有)?到(?:账|帐)|到(?:账|帐)了?\s*[\d一二两三四五六七八九十百千]|\brefund(?:ed| was (?:made|issued))\b/iu;

/**
 * Whether a record the platform keeps fits the case: a refund's page only once a refund was made (none for one refused),
 * an account's arrival record only for something that never arrived or money on its way back, and no listing page for
 * goods sold in a livestream.
 */
function fitsCase(id: ChecklistItemId, facts: DraftFacts, live: boolean): boolean {
  const { slots, timeline } = facts;
  const refundMade = slots.amountRefunded != null || REFUND_MADE.test(slots.problemText ?? '') || timeline.some((e) => e.type === 'refund_missing' || e.type === 'refund_short');
  if (id === 'refund_record') return refundMade;
  if (id === 'account_record') return slots.problem === 'not_received' || refundMade;
  if (id === 'listing_screenshot') return !live;
  return true;
}

/** Having or taking: "拍了", "录了", "有", "took", "have". */
const HAS_TAKEN = /拍|录|有|保留|保存|留了|\b(?:took|taken|have|has|filmed|recorded|shot|got)\b/i;

/**
 * The evidence the buyer's own words say they have: photos, a video, an unboxing video (in the
 * order a letter lists them); nothing the words do not name.
 */
export function saidEvidence(words: string): ('photos' | 'video' | 'unboxingVideo')[] {
  const out: ('photos' | 'video' | 'unboxingVideo')[] = [];
  for (const clause of words.split(/[，,。；;！!？?\n]|\.(?=\s|$)/u)) {
    if (!HAS_TAKEN.test(clause) || /没|沒|不|\b(?:no|not|didn'?t|don'?t|haven'?t)\b/i.test(clause)) continue;
    if (/照片|相片|图片|\bphotos?\b|\bpictures?\b/i.test(clause) && !out.includes('photos')) out.push('photos');
    if (/开箱视频|開箱視頻|开箱录像|\bunboxing video\b/i.test(clause)) {
      if (!out.includes('unboxingVideo')) out.push('unboxingVideo');
    } else if (/视频|視頻|录像|錄像|\bvideos?\b/i.test(clause) && !out.includes('video')) out.push('video');
  }
  return out;
}

/**
 * The evidence sentence of a letter: `<base>.have` with the logged items, or `<base>.canProvide`
 * with what the buyer can provide — never a claim that something was saved or submitted when
 * nothing was logged.
 */
export function evidenceSentence(facts: DraftFacts, base: string): string {
  const items = evidenceList(facts);
  return items ? t(facts.locale, `${base}.have`, { items }) : t(facts.locale, `${base}.canProvide`, { items: canProvide(facts) });
}

// ---------------------------------------------------------------------------
// Other facts
// ---------------------------------------------------------------------------

/**
 * The courier tracking number, when the case has one (DOMAIN.md "useful extras"), and the
 * buyer's return parcel's waybill, labelled as the return's (seed 004: the return tracking number).
 */
export function trackingLine(facts: DraftFacts): string[] {
  const { locale, slots } = facts;
  const lines = slots.trackingNo ? [t(locale, 'drafts.facts.tracking', { trackingNo: slots.trackingNo })] : [];
  if (slots.returnTrackingNo) lines.push(t(locale, 'drafts.facts.returnTracking', { trackingNo: slots.returnTrackingNo }));
  if (slots.returnPostage) lines.push(t(locale, 'drafts.facts.returnPostage', { amount: money(locale, slots.returnPostage, slots.currency) }));
  return lines;
}

/**
 * For a change of mind with a known receipt date: the 7-day window is still open (never claimed
 * once closed); once closed, the seller letter says so and only asks (`askIfClosed`).
 */
export function windowLine(facts: DraftFacts, askIfClosed = false): string[] {
  // The goods already went back (received, or lost on the way): the window to send them is behind the case.
  if (returnReceipt(facts) || lostAt(facts.timeline) !== null) return [];
  const w = windowOf(facts);
  if (w.state === 'open') return [t(facts.locale, 'drafts.facts.noReasonWindow', { lastDay: formatDay(w.lastDay, facts.locale) })];
  return w.state === 'closed' && askIfClosed ? [t(facts.locale, 'drafts.facts.windowClosedAsk')] : [];
}

/**
 * The local day the seller received the goods sent back (the latest receipt recorded), or null;
 * null too when the courier lost the parcel after that record (the receipt was not so).
 */
export function returnReceipt(facts: DraftFacts): string | null {
  const e = facts.timeline.filter((x) => x.type === 'return_received').at(-1);
  const lost = lostAt(facts.timeline);
  if (!e || (lost !== null && Date.parse(e.at) <= lost)) return null;
  return e.happenedAt && DAY_ONLY.test(e.happenedAt) ? e.happenedAt : localDay(new Date(e.happenedAt ?? e.at), facts.timezone);
}

/** When the buyer last told that the courier lost the parcel sent back (epoch ms), or null. */
function lostAt(timeline: readonly TimelineEntry[]): number | null {
  const times = timeline.filter((e) => e.type === 'return_lost').map((e) => Date.parse(e.at));
  return times.length ? Math.max(...times) : null;
}

/**
 * The seller's receipt of the return, for a letter: for a no-reason return from a business, with
 * 消费者权益保护法 第二十五条's refund day (7 days from the receipt); otherwise the receipt alone.
 * `listed`: the letter lists the events already (the receipt is among them), so only the rule is added.
 */
export function returnLines(facts: DraftFacts, listed: boolean): string[] {
  const day = returnReceipt(facts);
  // The courier lost the parcel sent back: a letter without the event list says so.
  if (!day) return !listed && facts.timeline.some((e) => e.type === 'return_lost') ? [t(facts.locale, 'drafts.facts.returnLost')] : [];
  const { locale, slots } = facts;
  const received = formatDay(day, locale);
  if (slots.problem === 'changed_mind' && !isPrivateSeller(slots)) {
    const lastDay = formatDay(returnRefundDue(day, facts.timezone).lastDay, locale);
    return [t(locale, listed ? 'drafts.facts.refundDueRule' : 'drafts.facts.refundDue', { received, lastDay })];
  }
  const said = facts.timeline.filter((x) => x.type === 'return_received').at(-1)?.note === 'said';
  return listed ? [] : [t(locale, said ? 'drafts.facts.returnReceivedSaid' : 'drafts.facts.returnReceived', { received })];
}

/** The buyer-facing note when a change of mind falls outside the 7-day window. */
export function windowNotes(facts: DraftFacts): string[] {
  if (returnReceipt(facts) || lostAt(facts.timeline) !== null) return [];
  const w = windowOf(facts);
  return w.state === 'closed' ? [t(facts.locale, 'drafts.notes.windowClosed', { lastDay: formatDay(w.lastDay, facts.locale) })] : [];
}

/**
 * A reply deadline `hours` from now, moved out of the night (22:00–08:00 in the buyer's
 * timezone): customer service reads messages by day, and a deadline at 02:00 reads as a trap.
 * One on a public holiday says so (trial 7 s02: a reply asked for on 劳动节 without a word).
 */
export function replyDeadline(facts: DraftFacts, hours: number): string {
  const at = outOfQuietHours(addHours(facts.now, hours), facts.timezone);
  const holiday = isPublicHoliday(localDay(at, facts.timezone)) ? t(facts.locale, 'drafts.holiday') : '';
  return formatAt(at, facts.timezone, facts.locale) + holiday;
}

// ---------------------------------------------------------------------------
// What the seller and the platform did
// ---------------------------------------------------------------------------

/** Timeline types that are events of the seller or the platform (or the buyer's own steps beyond them). */
const EVENT_TYPES: ReadonlySet<TimelineType> = new Set<TimelineType>([
  'seller_promise', 'seller_refused', 'seller_agreed', 'seller_counter_offer', 'seller_stalled', 'seller_no_response',
  'seller_needs_evidence', 'seller_return_for_inspection', 'private_deal_offered', 'confirm_first_asked', 'seller_said', 'seller_appealed', 'return_received', 'return_lost', 'refund_missing', 'refund_short',
  'platform_requested', 'platform_handling', 'platform_ruled_seller', 'platform_ruled_buyer',
  'regulator_filed', 'payment_disputed', 'nudged', 'buyer_rebuttal', 'appraised', 'third_party_paid',
]);
/** Events that can carry the seller's / platform's own words. */
const QUOTABLE: ReadonlySet<TimelineType> = new Set<TimelineType>([
  'seller_promise', 'seller_refused', 'seller_agreed', 'seller_counter_offer', 'seller_stalled', 'seller_needs_evidence',
  'seller_return_for_inspection', 'seller_said', 'platform_handling', 'platform_ruled_seller', 'platform_ruled_buyer',
]);
const PLATFORM_TYPES: ReadonlySet<TimelineType> = new Set<TimelineType>([
  'platform_requested', 'platform_handling', 'platform_ruled_seller', 'platform_ruled_buyer', 'regulator_filed', 'payment_disputed',
]);

/** Events that are a state as of the time told (still no reply, still no refund), not an act before it. */
const STATE_TYPES: ReadonlySet<TimelineType> = new Set<TimelineType>(['seller_no_response', 'refund_missing', 'nudged']);

/** A `happenedAt` that names a day only (YYYY-MM-DD). */
const DAY_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** Events that are the courier's or the buyer's own word (or an appraiser's), not the seller's or the platform's. */
const COURIER_TYPES: ReadonlySet<TimelineType> = new Set<TimelineType>(['return_lost', 'buyer_rebuttal', 'appraised', 'third_party_paid']);

/** Whether the record holds anything the seller did (the letters may then say "still unresolved"). */
export function hasSellerHistory(timeline: readonly TimelineEntry[]): boolean {
  return timeline.some((e) => isEvent(e) && !PLATFORM_TYPES.has(e.type) && !COURIER_TYPES.has(e.type) && !isReplyDeadline(e));
}

/**
 * The reply time a seller letter asked for, passed: the bot handed the letter over, which is no
 * fact about the seller (the buyer may not have sent it, the seller may have answered). The letters
 * state the silence only as the buyer confirmed it (a `seller_no_response` noted 'reply_deadline').
 */
function isReplyDeadline(e: TimelineEntry): boolean {
  return e.type === 'nudged' && e.note === 'reply_deadline';
}

/** What the seller answering a letter is recorded as. */
const SELLER_ANSWERS: ReadonlySet<TimelineType> = new Set<TimelineType>([
  'seller_promise', 'seller_refused', 'seller_agreed', 'seller_counter_offer', 'seller_stalled', 'seller_needs_evidence',
  'seller_return_for_inspection', 'seller_said', 'private_deal_offered', 'confirm_first_asked',
]);
/** Seller-facing letters: the ones that ask the seller for a reply by a time. */
export const SELLER_LETTERS: ReadonlySet<string> = new Set(['seller', 'compensation', 'refund_shortfall']);

/**
 * The buyer's "sent, no reply" (a `seller_no_response` noted 'reply_deadline') taken back by a seller's
 * answer told after it, before another seller letter ("不对，卖家其实回了…"): that letter was answered,
 * and no letter may say it was not.
 */
function silenceTakenBack(timeline: readonly TimelineEntry[]): Set<TimelineEntry> {
  const out = new Set<TimelineEntry>();
  let open: TimelineEntry[] = [];
  for (const e of timeline) {
    if (e.type === 'seller_no_response' && e.note === 'reply_deadline') open.push(e);
    else if (e.type === 'draft_sent' && SELLER_LETTERS.has(e.note)) open = [];
    else if (SELLER_ANSWERS.has(e.type)) {
      for (const silence of open) out.add(silence);
      open = [];
    }
  }
  return out;
}

/**
 * Silences reported after the seller had answered ("说要先确认收货" and then "已读不回"): the seller
 * did reply, so a letter says they stopped replying, never that they never did.
 */
function silenceAfterAnswer(timeline: readonly TimelineEntry[]): Set<TimelineEntry> {
  const out = new Set<TimelineEntry>();
  let answered = false;
  for (const e of timeline) {
    if (SELLER_ANSWERS.has(e.type)) answered = true;
    else if (answered && e.type === 'seller_no_response') out.add(e);
  }
  return out;
}

function isEvent(e: TimelineEntry): boolean {
  // Only a reminder about the seller's own deadline is a fact about the seller (its promise, or
  // the reply time a seller letter asked for); the other reminders (7-day window, return
  // tracking, refund arrival) are the buyer's.
  if (e.type === 'nudged') return !e.note || /seller|promise|reply_deadline/.test(e.note);
  return EVENT_TYPES.has(e.type);
}

/** The recorded words of the seller / platform for an entry, quoted; null when the buyer quoted nothing. */
export function recordedQuote(locale: Locale, entry: TimelineEntry): string | null {
  if (!entry.quote || !QUOTABLE.has(entry.type)) return null;
  const text = clean(entry.quote.replace(/^["“”'「」]+|["“”'「」]+$/g, '').replace(/[“”]/g, ''), 120);
  return text ? t(locale, 'drafts.quote', { text: locale === 'zh-CN' ? toSimplified(text) : text }) : null;
}

/**
 * The events a letter lists, each once: the same words of the seller recorded twice (a promise
 * that is also a stall, a pasted log read again) are one event, listed where they first
 * happened; an event of the same kind on the same day with the same words (or none) is the
 * same event told twice ("平台在处理" reported in two messages).
 */
export function distinctEvents(sorted: readonly TimelineEntry[], timezone: string): TimelineEntry[] {
  const quotes = new Set<string>();
  const seen = new Set<string>();
  const out: TimelineEntry[] = [];
  // A promise is also a wait: the message that gave it is listed as the promise, not again as a stall
  // ("没有给出处理方案" would say less than the seller did).
  const promisedAt = new Set(sorted.filter((e) => e.type === 'seller_promise').map((e) => e.at));
  for (const e of sorted) {
    if (e.type === 'seller_stalled' && promisedAt.has(e.at)) continue;
    const quote = e.quote && QUOTABLE.has(e.type) ? quoteKey(e.quote) : '';
    if (quote && quotes.has(quote)) continue;
    const day = e.happenedAt && DAY_ONLY.test(e.happenedAt) ? e.happenedAt : localDay(new Date(e.happenedAt ?? e.at), timezone);
    // A reminder passing is dated by the reminder; two passing are two deadlines.
    const kind = NOTE_KINDS.has(e.note.split(' ')[0]!) || e.type === 'buyer_rebuttal' ? e.note : '';
    const key = `${e.type}|${e.type === 'nudged' ? e.at : day}|${quote}|${e.reason ?? ''}|${kind}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (quote) quotes.add(quote);
    out.push(e);
  }
  return out;
}

/**
 * "先确认收货，确认了马上退款": what the seller asked, with the refund promised for it and their words when
 * quoted; the buyer's confirming on it once they said so, and the seller's silence or refusal after it.
 */
function confirmFirstLine(locale: Locale, timeline: readonly TimelineEntry[], e: TimelineEntry, when: string, quote: string | null): string {
  const notes = e.note.split(' ');
  const promised = notes.includes('then_refund');
  let line = t(locale, `drafts.timeline.confirm_first_asked_${promised ? 'then_refund' : 'plain'}`, { when });
  if (quote) line += t(locale, 'drafts.timeline.confirmFirstWords', { quote });
  if (!notes.includes('confirmed')) return line;
  const after = timeline.slice(timeline.indexOf(e) + 1);
  const unpaid = promised && after.some((x) => x.type === 'seller_no_response' || x.type === 'seller_refused') && !after.some((x) => x.type === 'seller_agreed');
  return line + t(locale, `drafts.timeline.confirmedOnRequest${unpaid ? 'Unpaid' : ''}`);
}

/** Notes that change what an event's line says (a counter-offer's note may add what is withdrawn and 'refused'). */
const NOTE_KINDS: ReadonlySet<string> = new Set(['reply_deadline', 'blocked', 'gone', 'blames_courier', 'withdraw', 'contact', 'transfer', 'refused', 'condition', 'offer', 'review', 'received', 'then_refund', 'confirmed']);

/**
 * A counter-offer's line: what was offered (quoted, or in the buyer's words), a condition on the
 * complaint or request the buyer named, and the buyer's refusal once the buyer turned it down.
 */
function counterOfferLine(locale: Locale, e: TimelineEntry, when: string, quote: string | null): string {
  const notes = e.note.split(' ');
  // An offer whose terms were read ("$8 if I keep it and leave a 5-star review", "不退，补偿15"): said by
  // its terms, in its currency.
  const terms = parseOfferNote(e.note);
  if (terms) return offerTermsLine(locale, e, when, terms);
  let offer = !quote && e.reason ? clean(locale === 'zh-CN' ? toSimplified(e.reason) : e.reason, 60).replace(/[“”"]/g, '') : '';
  // The seller's words to the buyer ("只能给你退一半"): a quote of the seller, never the buyer's own "你".
  if (offer && /[你您]/.test(offer)) {
    quote = t(locale, 'drafts.quote', { text: offer });
    offer = '';
  }
  const refused = offerBecause(locale, e) + (notes.includes('refused') ? t(locale, 'drafts.timeline.offerRefused') : '');
  const vars = { when, quote: quote ?? '', offer };
  // Accepted by the buyer: what the seller agreed to, never "less than my request".
  if (notes.includes('accepted')) {
    return t(locale, `drafts.timeline.seller_offer_accepted${quote ? '' : offer ? '_offer' : '_plain'}`, vars) + offerBecause(locale, e);
  }
  if (notes.includes('withdraw')) {
    const what = t(locale, `drafts.timeline.withdraw.${notes.includes('complaint') ? 'complaint' : notes.includes('request') ? 'request' : 'either'}`);
    // The line says the condition itself: the offer is told without it, never the condition twice.
    const bare = offer.replace(WITHDRAW_CLAUSE, '').trim();
    const key = quote ? 'seller_counter_offer_withdraw' : bare ? 'seller_counter_offer_withdraw_offer' : 'seller_counter_offer_withdraw_plain';
    return t(locale, `drafts.timeline.${key}`, { ...vars, offer: bare, what }) + refused;
  }
  const key = quote ? 'seller_counter_offer' : offer ? 'seller_counter_offer_offer' : 'seller_counter_offer_plain';
  return t(locale, `drafts.timeline.${key}`, vars) + refused;
}

/** The condition at the end of an offer in the buyer's words ("…，但要我撤销投诉", "… if I withdraw the complaint"). */
const WITHDRAW_CLAUSE = /[，,\s]*(?:但是?|不过|可是|条件是|前提是)?\s*(?:要|让|叫|得)?(?:我|你)?(?:先)?(?:撤销|撤诉|撤回|撤掉|撤)[^，,。]*$|[,\s]*(?:but\s+)?(?:only\s+)?(?:if|provided|on condition that)\s+I\s+(?:withdraw|cancel|drop)[^,.]*$/iu;

/**
 * A counter-offer whose terms were read (offerTerms): what the seller said no to, the sum and what it
 * is, the conditions, then the seller's reason and the buyer's no. A part already refunded with the
 * rest refused is said as that: the refund is a fact, not an offer the buyer turned down.
 */
function offerTermsLine(locale: Locale, e: TimelineEntry, when: string, terms: ConditionalOffer): string {
  const amount = moneyText(locale, terms.amount, terms.currency, (n) => money(locale, n));
  if (terms.paid) {
    const key = terms.paidFor ? 'seller_paid_part_for' : 'seller_paid_part';
    return t(locale, `drafts.timeline.${key}`, { when, amount, for: terms.paidFor ?? '' }) + offerBecause(locale, e);
  }
  const conditions = terms.conditions.map((c) => t(locale, `drafts.timeline.offerCondition.${c}`)).join(t(locale, 'drafts.timeline.offerConditionAnd'));
  // A sum offered on conditions recorded before the kind of sum was read was money back.
  const give = t(locale, `drafts.timeline.offerGive.${terms.give ?? 'refund'}`);
  const declined = terms.declined ? t(locale, `drafts.timeline.offerDeclined.${terms.declined}`) : '';
  // Accepted: what the seller offered and the buyer took, never "less than my request".
  const accepted = e.note.split(' ').includes('accepted') && !conditions;
  const key = accepted ? 'seller_offer_accepted_sum' : `seller_counter_offer_${conditions ? 'condition' : 'sum'}${declined ? '_declined' : ''}`;
  const refusedLine = e.note.split(' ').includes('refused') ? t(locale, 'drafts.timeline.offerRefused') : '';
  return t(locale, `drafts.timeline.${key}`, { when, conditions, amount, give, declined }) + offerBecause(locale, e) + refusedLine;
}

/** The reason the seller gave beside an offer, as the buyer reported it (indirect speech, never a quote); '' without one. */
function offerBecause(locale: Locale, e: TimelineEntry): string {
  return e.because ? t(locale, 'drafts.timeline.offerBecause', { reason: reportedWords(locale, e.because) }) : '';
}

/**
 * The price paid and the refund, when the refund falls short of the whole price and the case is about
 * the whole order; null otherwise. When the buyer's words concern only part of the order ("50件里12件
 * 开线"), the price minus the refund is not what is owed: no letter claims it.
 */
export function shortOfPrice(slots: Slots): { paid: number; refunded: number } | null {
  const { amountPaid: paid, amountRefunded: refunded } = slots;
  if (paid === null || refunded === null || !(paid > refunded)) return null;
  if (partOfOrder(`${slots.problemText ?? ''} ${slots.wishText ?? ''}`)) return null;
  return { paid, refunded };
}

/**
 * The sum of an agreement or a ruling, as `replyNote` (reports.ts) writes it: "sum:200", or "sum:100 part"
 * for a ruling of less than asked. Null for any other note.
 */
export function noteSum(note: string): { sum: number; part: boolean } | null {
  const m = /^sum:(\d+(?:\.\d+)?)( part)?(?= |$)/.exec(note);
  return m ? { sum: Number(m[1]), part: m[2] !== undefined } : null;
}

/**
 * What a ruling for the buyer granted and left out, as `rulingNote` (reports.ts) writes it after the
 * sum: "remedy:reissue,compensation=200 denied:postage" (none named after a sum: a refund). Null when the note names neither.
 */
export function rulingTerms(note: string): { remedies: { code: string; sum: number | null }[]; denied: string[] } | null {
  const remedy = / remedy:(\S+)|^remedy:(\S+)/.exec(note);
  const denied = /(?:^| )denied:(\S+)/.exec(note);
  if (!remedy && !denied) return null;
  // A sum with no remedy named is a plain refund (reports.ts leaves that token out).
  const remedies = (remedy?.[1] ?? remedy?.[2] ?? (note.startsWith('sum:') ? 'refund' : '')).split(',').filter(Boolean).map((r) => {
    const [code, sum] = r.split('=');
    return { code: code!, sum: sum ? Number(sum) : null };
  });
  return { remedies, denied: denied?.[1]?.split(',') ?? [] };
}

/** A ruling's grants and what it left out, in words ("商家补发、补偿 200 元"; "运费、医药费等损失"). */
export function rulingWords(locale: Locale, terms: NonNullable<ReturnType<typeof rulingTerms>>, sum: number | null, currency: Slots['currency']): { granted: string; denied: string } {
  const sep = t(locale, 'drafts.sep');
  const granted = terms.remedies.map(({ code, sum: own }) => {
    const amount = own ?? (MONEY_REMEDY.has(code) ? sum : null);
    return amount !== null ? t(locale, `drafts.ruling.remedy.${code}_sum`, { amount: money(locale, amount, currency) }) : t(locale, `drafts.ruling.remedy.${code}`);
  });
  return { granted: granted.join(sep), denied: terms.denied.map((d) => t(locale, `drafts.ruling.denied.${d}`)).join(sep) };
}

/** Remedies that are money: the ruling's recorded sum is theirs. */
const MONEY_REMEDY: ReadonlySet<string> = new Set(['refund', 'price_diff', 'compensation']);

/** The channels `privateReceived` names, in the English translation. */
const CHANNEL_EN: Readonly<Record<string, string>> = { 微信: 'WeChat', 支付宝: 'Alipay' };

/**
 * Money the seller paid off the platform and the buyer took, as engine/off-platform.ts records it:
 * "received", "received sum:50", "received sum:50 via:微信". Null for any other note.
 */
/** A transfer offered off the platform with its sum or its condition on the complaint (note `transfer sum:400 withdraw request`). */
function privateTransferLine(locale: Locale, note: string, when: string, currency: Currency | null | undefined): string {
  const sum = /\bsum:(\d+(?:\.\d+)?)/.exec(note)?.[1];
  const what = /\bwithdraw (complaint|request|either)\b/.exec(note)?.[1];
  const amount = sum ? t(locale, 'drafts.timeline.privateSum', { amount: money(locale, Number(sum), currency) }) : '';
  const condition = what ? t(locale, 'drafts.timeline.privateCondition', { what: t(locale, `drafts.timeline.withdraw.${what}`) }) : '';
  return t(locale, 'drafts.timeline.private_deal_offered_terms', { when, amount, condition });
}

export function privateReceived(note: string): { sum: number | null; via: string | null; kept: number | null } | null {
  const m = /^received(?: sum:(\d+(?:\.\d+)?))?(?: via:(\S+?))?(?: kept:(\d+(?:\.\d+)?))?$/.exec(note);
  return m ? { sum: m[1] ? Number(m[1]) : null, via: m[2] ?? null, kept: m[3] ? Number(m[3]) : null } : null;
}

/**
 * The sum of the latest agreement or ruling for the buyer, when it named one ("同意退66", "平台判退89"),
 * with whether the platform ruled it; null when none did.
 */
export function settledSum(timeline: readonly TimelineEntry[]): { sum: number; ruled: boolean } | null {
  const entry = timeline.filter((e) => e.type === 'seller_agreed' || e.type === 'platform_ruled_buyer').at(-1);
  const named = entry ? noteSum(entry.note) : null;
  return entry && named ? { sum: named.sum, ruled: entry.type === 'platform_ruled_buyer' } : null;
}

/**
 * The latest refund that arrived short of what was agreed ("只退了30，说好的86呢"): what came and
 * what was owed; null when none is on the record.
 */
export function refundShort(timeline: readonly TimelineEntry[]): { got: number; owed: number; paid: boolean; stated: boolean; ruled: boolean; entry: TimelineEntry } | null {
  const entry = timeline.filter((e) => e.type === 'refund_short').at(-1);
  const m = entry ? REFUND_SHORT_NOTE.exec(entry.note) : null;
  return entry && m ? { got: Number(m[1]), owed: Number(m[2]), paid: m[3] === ' paid', stated: m[3] === ' stated', ruled: m[3] === ' ruled', entry } : null;
}

/**
 * A short refund's note: `got:<sum> owed:<sum>`, with ` paid` when the sum owed is only the price
 * paid (no sum was agreed, asked or said), ` stated` when it is the sum the buyer said was owed
 * ("应该退564"), ` ruled` when the platform ruled it: in none of these does a letter say the seller agreed to it.
 */
const REFUND_SHORT_NOTE = /^got:(\d+(?:\.\d+)?) owed:(\d+(?:\.\d+)?)( paid| stated| ruled)?$/;

/** A quote compared without punctuation, spaces or script differences. */
function quoteKey(quote: string): string {
  return toSimplified(quote).replace(/[\s\p{P}\p{S}]/gu, '').toLowerCase();
}

/** What a missing refund was owed under, from the record before it: a ruling, an agreement, or neither (''). */
function refundBasis(timeline: readonly TimelineEntry[], missing: TimelineEntry): '_ruled' | '_agreed' | '' {
  const before = timeline.filter((e) => Date.parse(e.at) <= Date.parse(missing.at));
  if (before.some((e) => e.type === 'platform_ruled_buyer')) return '_ruled';
  return before.some((e) => e.type === 'seller_agreed') ? '_agreed' : '';
}

/** The return's number given after a ruling for the buyer and before `missing` (the refund still not paid), if any. */
export function returnAfterRuling(timeline: readonly TimelineEntry[], missing: TimelineEntry): TimelineEntry | undefined {
  const before = timeline.slice(0, timeline.indexOf(missing));
  const ruled = before.map((e) => e.type).lastIndexOf('platform_ruled_buyer');
  return ruled < 0 ? undefined : before.slice(ruled + 1).find((e) => e.type === 'amended' && e.note === 'returnTrackingNo');
}

/** When an event happened (the day the buyer said, else when it was recorded), in ms. */
function eventTime(e: TimelineEntry): number {
  return Date.parse(e.happenedAt ?? e.at);
}

/** A clause that only says the goods sent have the first goods' fault ("又是这样", "还是一样", "同样的问题"). */
const SAME_FAULT = /^(?:但是|可是|结果)?(?:又|还|仍然|也|一样)?(?:是)?(?:这样|这么|一样|老样子|老问题|老毛病|(?:同样|一样)的(?:问题|毛病|情况))(?:的)?(?:了|啊)?$/u;
/** A fault told as the same one again ("一样开不了机", "同样漏水"). */
const SAME_LEAD = /^(?:又|还|也)?(?:是)?(?:一样|同样)(?!的)/u;
/** "the same problem again", "same fault". */
const SAME_FAULT_EN = /\bsame (?:problem|fault|issue|thing)\b/iu;

/**
 * The buyer's answer on whether the seller did what they promised by a date (engine promised-act.ts):
 * nobody came to collect, the return collected, the goods sent (with their waybill) or come wrong again.
 * A pickup or shipment done, and nothing more known, is no line.
 */
function promiseAnswerLine(facts: DraftFacts, e: TimelineEntry, how: string, when: string): string {
  const { locale } = facts;
  const promise = facts.timeline.slice(0, facts.timeline.indexOf(e)).filter((x) => x.type === 'seller_promise').at(-1);
  const kind = promise ? promiseKind(promise.note) : 'act';
  const number = /\bwaybill:(\S+)/.exec(e.note)?.[1] ?? (kind === 'pickup' ? facts.slots.returnTrackingNo : null);
  const waybill = number ? t(locale, 'drafts.timeline.waybill', { trackingNo: number }) : '';
  const wants = /\bfor:(\S+)/.exec(e.note)?.[1] ?? facts.slots.wants;
  const goods = t(locale, `drafts.timeline.sentGoods.${wants === 'reship' || wants === 'exchange' || wants === 'repair' ? wants : 'other'}`);
  if (how !== 'kept') {
    // Not kept: what did not happen, as the promise's kind says it ("没有收到卖家答应发出的商品").
    const key = how !== 'broken' ? `nudged_${how}` : kind === 'pickup' ? 'nudged_broken_pickup' : kind !== 'act' ? `nudged_broken_kind.${kind}` : 'nudged_broken';
    return t(locale, `drafts.timeline.${key}`, { when });
  }
  // Checked before a pickup: the new goods of an exchange whose return a courier collected came wrong.
  if (/\swrong\b/.test(e.note)) {
    // What the buyer said is wrong with it, in a Chinese letter when they said it in Chinese ("发来的是护发素，不是洗发水").
    const words = e.reason && locale === 'zh-CN' && isChinese(e.reason) ? toSimplified(withoutFeelings(e.reason)) : '';
    // "又是这样，一样开不了机": the fault the first goods had, said as such (the "again" clause adds nothing after it).
    const clauses = words.split(/[，,；;]+/u).map((x) => x.trim()).filter(Boolean);
    const same = clauses.some((x) => SAME_FAULT.test(x) || SAME_LEAD.test(x)) || (!words && SAME_FAULT_EN.test(e.reason ?? ''));
    const said = clean(clauses.filter((x) => !SAME_FAULT.test(x)).map((x) => x.replace(SAME_LEAD, '')).join('，'), 60);
    const key = `nudged_wrong_ship${same ? '_same' : ''}${said ? '_said' : ''}`;
    return t(locale, `drafts.timeline.${key}`, { when, goods, waybill, said });
  }
  if (kind === 'pickup') return t(locale, 'drafts.timeline.nudged_kept_pickup', { when, waybill });
  return number ? t(locale, 'drafts.timeline.nudged_kept_ship', { when, goods, waybill }) : '';
}

/**
 * What the seller sent again came wrong (engine promised-act.ts): the line for the letter to the
 * seller, which lists no history, so the next request does not read as the first.
 */
export function resentWrongLines(facts: DraftFacts): string[] {
  const e = facts.timeline.filter((x) => x.type === 'nudged' && /^seller_promise kept\b.*\swrong\b/.test(x.note)).at(-1);
  if (!e) return [];
  // The arrival the buyer reported happened that day (as `timelineLines` dates such acts), not "by" the minute told.
  const day = e.happenedAt ? DAY_ONLY.test(e.happenedAt) : true;
  const at = day ? formatDay(e.happenedAt ?? localDay(new Date(e.at), facts.timezone), facts.locale) : formatAt(e.happenedAt ?? e.at, facts.timezone, facts.locale);
  return [promiseAnswerLine(facts, e, 'kept', t(facts.locale, 'drafts.timeline.when.happened', { at }))];
}

/**
 * "被拒了", then the same day "客服说秒杀的商品不保价": the reason told for the refusal already on
 * record is that refusal's, not a second one. The refusal is listed once, with its reason, dated as
 * the first report was (a day said, or the day told).
 */
function reasonsFolded(sorted: readonly TimelineEntry[], timezone: string): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  for (const e of sorted) {
    const prev = out.at(-1);
    const sameDay = prev !== undefined && localDay(new Date(prev.at), timezone) === localDay(new Date(e.at), timezone);
    const plain = prev?.type === 'seller_refused' && !prev.quote && !prev.reason && prev.note === '';
    if (sameDay && plain && e.type === 'seller_refused' && (e.quote || e.reason) && !e.happenedAt) {
      out[out.length - 1] = { ...e, at: prev.at, happenedAt: prev.happenedAt };
    } else if (sameDay && prev.type === 'seller_refused' && e.type === 'seller_refused' && !e.happenedAt && !prev.quote && !e.quote && sameReason(prev.reason, e.reason)) {
      // "他们说课程一经开通概不退款", then "他们说开通不退" again that day: the same refusal retold, listed once with the fuller words.
      if ((e.reason ?? '').length > (prev.reason ?? '').length) out[out.length - 1] = { ...prev, reason: e.reason };
    } else out.push(e);
  }
  return out;
}

/** Two reasons in the buyer's words that share a run of three characters (their refusal word aside) tell the same thing. */
function sameReason(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  for (let i = 0; i + 3 <= b.length; i++) {
    const run = b.slice(i, i + 3);
    if (!/不/u.test(run) && a.includes(run)) return true;
  }
  return false;
}

/**
 * The latest appraisal on record ("品牌专柜表示该商品不是正品"), as the account of events words it: for
 * the letters with no account of events (to the seller), which would otherwise lose the key fact.
 */
export function appraisalLines(facts: DraftFacts): string[] {
  const latest = facts.timeline.filter((e) => e.type === 'appraised').at(-1);
  return latest ? historyLines({ ...facts, timeline: [latest] }, true) : [];
}

/**
 * Whether an event was told, undated, before the bot handed over any letter: the buyer was telling
 * what had already happened, on a day not said, so the letter dates it "on or before" the day told,
 * never as that day.
 */
function toldAsHistory(timeline: readonly TimelineEntry[]): (e: TimelineEntry) => boolean {
  const first = timeline.find((x) => x.type === 'draft_sent');
  const by = first ? Date.parse(first.at) : Infinity;
  return (e) => e.happenedAt === null && Date.parse(e.at) <= by;
}

/**
 * One line per seller / platform event, in the order they happened. An event's date is the one
 * the buyer gave (`happenedAt`); without one, the day the buyer told the bot (no minute: the act
 * happened that day, not when it was told); a state the buyer reported (no reply, no refund)
 * is "as of" the time told ("截至…"). A reminder passing is dated by the deadline that passed. The bot's own acts (drafts handed over,
 * escalations, the case opening) are not events and are never listed.
 *
 * @param includePlatform also list the platform's events and the buyer's own steps beyond the seller
 */
export function historyLines(facts: DraftFacts, includePlatform: boolean): string[] {
  const { locale, timezone } = facts;
  // A receipt recorded before the courier said the parcel was lost was not one: it is not listed.
  const lost = lostAt(facts.timeline);
  const takenBack = silenceTakenBack(facts.timeline);
  const since = silenceAfterAnswer(facts.timeline);
  const events = facts.timeline.filter(
    (e) => isEvent(e) && !takenBack.has(e) && (includePlatform || !PLATFORM_TYPES.has(e.type)) && !(e.type === 'return_received' && lost !== null && Date.parse(e.at) <= lost),
  );
  const sorted = reasonsFolded(distinctEvents([...events].sort((a, b) => eventTime(a) - eventTime(b)), timezone), timezone);
  const short = refundShort(facts.timeline);
  const history = toldAsHistory(facts.timeline);
  const lines = sorted.map((e) => {
    // A day the buyer named ("昨天") is a day, not an instant: no time of day is invented. An act the
    // buyer reported without a time happened that day, not at the minute it was told (nor "by" it).
    // Goods sent or come ('seller_promise kept…') are an act on the day told, not a state "截至" a minute.
    const state = STATE_TYPES.has(e.type) && e.note !== 'blocked' && !/^seller_promise kept\b/.test(e.note);
    const day = e.happenedAt ? DAY_ONLY.test(e.happenedAt) : !state;
    const at = day ? formatDay(e.happenedAt ?? localDay(new Date(e.at), timezone), locale) : formatAt(e.happenedAt ?? e.at, timezone, locale);
    const whenText = t(locale, e.happenedAt ? 'drafts.timeline.when.happened' : state ? 'drafts.timeline.when.asOf' : history(e) ? 'drafts.timeline.when.byDay' : 'drafts.timeline.when.happened', { at });
    const quote = recordedQuote(locale, e);
    // The platform's answer before any intervention ('answer') is worded as an answer, not a ruling.
    const type = e.type === 'platform_ruled_seller' && e.note === 'answer' ? 'platform_answered' : e.type;
    if (isReplyDeadline(e)) return '';
    // The buyer's answer to the seller's blame: their statement, in their sense, after the claim it answers.
    if (e.type === 'buyer_rebuttal') {
      // A statement of the buyer's own ('stated'): their words, as theirs.
      if (e.note === 'stated') return e.quote ? t(locale, 'drafts.timeline.buyer_stated', { words: e.quote }) : '';
      const statement = rebuttalStatement(locale, parseRebuttalNote(e.note));
      return statement ? t(locale, 'drafts.timeline.buyer_rebuttal', { statement }) : '';
    }
    if (e.type === 'appraised') return appraisalLine(facts, e, whenText);
    if (e.type === 'third_party_paid') return thirdPartyPaidLine(facts, e, whenText);
    // The buyer confirmed they sent the letter and had no reply by the time it asked: that, and no sending time.
    if (e.type === 'seller_no_response' && e.note === 'reply_deadline' && e.deadline) {
      return t(locale, 'drafts.timeline.letter_unanswered', { deadline: formatAt(e.deadline, timezone, locale) });
    }
    // What was offered, a condition on the buyer's complaint, and the buyer's no: the plain line would hide them.
    // After a short refund, the seller's "只能退30" is a refusal of the rest, not a first partial agreement.
    if (e.type === 'seller_counter_offer' && short && Date.parse(short.entry.at) <= Date.parse(e.at) && !quote && !e.note.startsWith('condition')) {
      const offer = e.reason ? reportedWords(locale, e.reason) : '';
      const refusedLine = e.note.split(' ').includes('refused') ? t(locale, 'drafts.timeline.offerRefused') : '';
      return t(locale, `drafts.timeline.seller_refuses_rest${offer ? '' : '_plain'}`, { when: whenText, offer }) + refusedLine;
    }
    if (e.type === 'seller_counter_offer') return counterOfferLine(locale, e, whenText, quote);
    if (e.type === 'refund_short' && short) {
      const m = REFUND_SHORT_NOTE.exec(e.note);
      if (m) {
        const got = Number(m[1]);
        const owed = Number(m[2]);
        const c = facts.slots.currency;
        // Counted from the price paid (no sum agreed): the line says so, never "agreed".
        if (m[3] === ' paid') return t(locale, 'drafts.timeline.refund_short_paid', { when: whenText, paid: money(locale, owed, c), got: money(locale, got, c), diff: money(locale, owed - got, c) });
        if (m[3]) return t(locale, 'drafts.timeline.refund_short_stated', { when: whenText, owed: money(locale, owed, c), got: money(locale, got, c), diff: money(locale, owed - got, c) });
        return t(locale, 'drafts.timeline.refund_short', { when: whenText, got: money(locale, got, c), diff: money(locale, owed - got, c) });
      }
    }
    // The seller agreed to the whole refund (the sum owed is the price, as said or asked): said so, with the sum.
    // A sum owed that is only the price paid was never agreed: the plain agreement line stands.
    if (e.type === 'seller_agreed' && !quote && short && !short.paid && !short.stated && short.owed === facts.slots.amountPaid && !/^sum:/.test(e.note)) {
      return t(locale, 'drafts.timeline.seller_agreed_full', { when: whenText, amount: money(locale, short.owed, facts.slots.currency) });
    }
    // A time from an event still to come ("检测完3个工作日出结果"): the seller's words, never a date they did not give.
    if (e.type === 'seller_promise' && e.note === 'after' && e.reason) {
      return t(locale, 'drafts.timeline.seller_promise_after', { when: whenText, words: reportedWords(locale, e.reason) });
    }
    // A promise with its recorded deadline: what was promised, by when.
    if (e.type === 'seller_promise' && e.deadline) {
      // Told as a day ("前天说两天内"): the time of day is unknown, so the deadline is a day too.
      // A rough time ("大概7天", note ' approx') is a rough day: "about" that day, no time of day.
      const [kind, ...rest] = e.note.split(' ');
      const approx = rest.includes('approx');
      const dayOnly = approx || (e.happenedAt !== null && DAY_ONLY.test(e.happenedAt));
      const day = dayOnly ? formatDay(localDay(new Date(e.deadline), timezone), locale) : formatAt(e.deadline, timezone, locale);
      const act = t(locale, `drafts.timeline.promiseAct.${promiseKind(kind!)}`);
      // A record made before the promise kept its quote has the words on the wait of the same message.
      const said = quote ?? recordedQuote(locale, facts.timeline.find((x) => x.type === 'seller_stalled' && x.at === e.at && x.quote) ?? e);
      const by = { when: whenText, quote: said ?? '', deadline: approx ? t(locale, 'drafts.timeline.aboutDeadline', { deadline: day }) : day, act };
      return t(locale, said ? 'drafts.timeline.seller_promise_by' : 'drafts.timeline.seller_promise_by_plain', by);
    }
    // The buyer's answer to whether the seller kept the promise whose time passed (engine steps.ts).
    const answer = e.type === 'nudged' ? /^seller_promise (broken|partly|kept)\b/.exec(e.note) : null;
    if (answer) return promiseAnswerLine(facts, e, answer[1]!, whenText);
    // The agreement that is an accepted offer: the offer's line says it.
    if (e.type === 'seller_agreed' && e.note === 'offer') return '';
    // Sent for an inspection first, with the seller's own words when quoted ("检测后再评估"): a deferral, not a refusal.
    if (e.type === 'seller_needs_evidence' && e.note === 'service_point') return t(locale, `drafts.timeline.seller_service_point${quote ? '_quote' : ''}`, { when: whenText, quote: quote ?? '' });
    // A ruling with the sum it awarded; less than asked ('part'), with the platform's reason: never "for the seller".
    const ruledSum = e.type === 'platform_ruled_buyer' ? noteSum(e.note) : null;
    // What it granted by name ("商家补发"), and what it left out: the line says both, never less than the ruling.
    const ruled = e.type === 'platform_ruled_buyer' ? rulingTerms(e.note) : null;
    if (ruled && (ruled.denied.length > 0 || !ruled.remedies.every((r) => MONEY_REMEDY.has(r.code)) || !ruledSum)) {
      const words = rulingWords(locale, ruled, ruledSum?.sum ?? null, facts.slots.currency);
      const key = !words.granted ? 'platform_ruled_buyer_plain' : words.denied ? 'platform_ruled_buyer_terms_denied' : 'platform_ruled_buyer_terms';
      return t(locale, `drafts.timeline.${key}`, { when: whenText, ...words });
    }
    if (ruledSum) {
      const amount = money(locale, ruledSum.sum, facts.slots.currency);
      const ground = e.reason ? reportedWords(locale, e.reason) : '';
      const key = !ruledSum.part ? 'platform_ruled_buyer_sum' : ground ? 'platform_ruled_buyer_part_reason' : 'platform_ruled_buyer_part';
      return t(locale, `drafts.timeline.${key}`, { when: whenText, amount, reason: ground });
    }
    // Words the buyer gave to another than the seller (the platform's customer service) keep their speaker.
    if (e.type === 'seller_said' && e.by) {
      const by = t(locale, `drafts.timeline.speaker.${e.note === 'system' || e.note === 'third' ? e.note : 'platform'}`, { name: e.by });
      if (quote) return t(locale, 'drafts.timeline.other_said', { when: whenText, by, quote });
      return e.reason ? t(locale, 'drafts.timeline.other_said_reason', { when: whenText, by, reason: reportedWords(locale, e.reason) }) : '';
    }
    if (quote) return t(locale, `drafts.timeline.${type}`, { when: whenText, quote });
    // An agreement with its sum ("同意退我200块"), as the buyer reported it.
    const agreedSum = e.type === 'seller_agreed' ? noteSum(e.note) : null;
    if (agreedSum && !agreedSum.part) return t(locale, 'drafts.timeline.seller_agreed_sum', { when: whenText, amount: money(locale, agreedSum.sum, facts.slots.currency) });
    // A return agreed on terms ("先寄回来，运费你出"): the terms, as the buyer reported them.
    const terms = e.type === 'seller_agreed' ? ['return_first', 'buyer_postage'].filter((x) => e.note.split(' ').includes(x)) : [];
    if (terms.length > 0) return t(locale, `drafts.timeline.seller_agreed_${terms.join('_')}`, { when: whenText });
    // Money paid off the platform that the buyer took: said as it happened, with its sum and channel when told.
    const taken = e.type === 'private_deal_offered' ? privateReceived(e.note) : null;
    if (taken) {
      const amount = taken.sum === null ? '' : money(locale, taken.sum, facts.slots.currency);
      const via = taken.via && locale === 'en' ? CHANNEL_EN[taken.via] ?? taken.via : taken.via;
      const line = t(locale, `drafts.timeline.private_deal_received${taken.sum === null ? '' : '_sum'}${via ? '_via' : ''}`, { when: whenText, amount, via: via ?? '' });
      // What the seller kept back, with the reason the seller gave (in a Chinese letter only when Chinese).
      const because = e.reason && (locale !== 'zh-CN' || isChinese(e.reason)) ? e.reason : null;
      return taken.kept === null ? line : line + t(locale, `drafts.timeline.private_deal_kept${because ? '_reason' : ''}`, { kept: money(locale, taken.kept, facts.slots.currency), reason: because ?? '' });
    }
    // What the seller proposed off the platform, as recorded: adding a contact is not a money transfer.
    // Money taken off the platform later: the buyer did not keep to the platform, and the line does not say so.
    const tookLater = e.type === 'private_deal_offered' && facts.timeline.slice(facts.timeline.indexOf(e) + 1).some((x) => x.type === 'private_deal_offered' && privateReceived(x.note));
    const offKind = e.note.split(' ')[0];
    if (e.type === 'private_deal_offered' && offKind === 'transfer' && e.note !== 'transfer' && !tookLater) return privateTransferLine(locale, e.note, whenText, facts.slots.currency);
    if (e.type === 'private_deal_offered' && (offKind === 'contact' || offKind === 'transfer' || tookLater)) {
      return t(locale, `drafts.timeline.private_deal_offered_${offKind === 'contact' || offKind === 'transfer' ? offKind : 'plain'}${tookLater ? '_only' : ''}`, { when: whenText });
    }
    // A refusal's reason as the buyer reported it: indirect speech ("称…"), never a quote.
    // (A counter-offer's words are its offer, written by counterOfferLine above.)
    // The seller's answer the buyer reported and left unread: told as the buyer told it.
    // The seller's appeal, with what the buyer said it demands (trial 8 P3).
    if (e.type === 'seller_appealed') return t(locale, `drafts.timeline.seller_appealed_${e.note ? e.note.split(' ').join('_') : 'plain'}`, { when: whenText });
    if (e.type === 'seller_said') return e.reason ? t(locale, 'drafts.timeline.seller_said_reason', { when: whenText, reason: reportedWords(locale, e.reason) }) : '';
    const reported = (e.type === 'seller_refused' || e.type === 'seller_stalled') && e.reason ? reportedWords(locale, e.reason) : '';
    if (reported) return t(locale, `drafts.timeline.${e.type}_reason`, { when: whenText, reason: reported });
    // The platform's reason for ruling against the buyer, as the buyer reported it: the centre of a complaint after it.
    const ground = e.type === 'platform_ruled_seller' && e.reason ? reportedWords(locale, e.reason) : '';
    if (ground) return t(locale, `drafts.timeline.${type}_reason`, { when: whenText, reason: ground });
    // "先给好评再退": the good review asked for, never a confirmation of receipt no one asked for.
    if (e.type === 'confirm_first_asked' && e.note === 'review') return t(locale, 'drafts.timeline.confirm_first_asked_review', { when: whenText });
    // Ruled for the buyer and sent back since: the return (day, number) and the seller's inaction are the news.
    const back = e.type === 'refund_missing' ? returnAfterRuling(facts.timeline, e) : undefined;
    if (back && facts.slots.returnTrackingNo) {
      const sent = formatDay(back.happenedAt && DAY_ONLY.test(back.happenedAt) ? back.happenedAt : localDay(new Date(back.at), timezone), locale);
      return t(locale, 'drafts.timeline.refund_missing_ruled_returned', { when: whenText, sent, trackingNo: facts.slots.returnTrackingNo });
    }
    if (e.type === 'confirm_first_asked' && e.note) return confirmFirstLine(locale, facts.timeline, e, whenText, quote);
    if (e.type === 'refund_missing') return t(locale, `drafts.timeline.refund_missing${refundBasis(facts.timeline, e)}_plain`, { when: whenText });
    // Blocked: the plain line of silence would understate it (a refusal says the blocking after it, below).
    if (e.note === 'blocked' && e.type === 'seller_no_response') return t(locale, 'drafts.timeline.seller_blocked', { when: whenText });
    if (e.note === 'gone' && e.type === 'seller_no_response') return t(locale, 'drafts.timeline.seller_gone', { when: whenText });
    if (since.has(e)) return t(locale, 'drafts.timeline.seller_no_response_since', { when: whenText });
    if (e.type === 'return_received' && e.note === 'said') {
      // The day is the receipt's as the seller gave it, not the day it was said.
      const day = e.happenedAt && DAY_ONLY.test(e.happenedAt) ? e.happenedAt : null;
      return day ? t(locale, 'drafts.timeline.return_received_said_on', { day: formatDay(day, locale) }) : t(locale, 'drafts.timeline.return_received_said', { when: whenText });
    }
    return t(locale, `drafts.timeline.${type}_plain`, { when: whenText });
  });
  // A refusal and then the blocking ("说不退，还把我拉黑了"): the refusal's line, then the blocking.
  const told = lines.map((line, i) => (line && sorted[i]!.type === 'seller_refused' && sorted[i]!.note === 'blocked' ? `${line}${t(locale, 'drafts.timeline.seller_blocked_too')}` : line));
  // Entries that differ only in a note the line does not show read the same: the event is listed once.
  return told.filter((line, i) => line !== '' && told.indexOf(line) === i);
}
