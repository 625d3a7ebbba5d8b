/**
 * A sum offered on conditions ("$8 back if I keep it and leave a 5-star review", "退你10块，东西留着，
 * 给个五星好评"): a counter-offer with its terms, never a demand to confirm receipt. The record says
 * what was offered and on what condition; only the words 确认收货 / confirm receipt make it a
 * demand to confirm receipt.
 */
import type { Wants } from '../domain/index.ts';
import { sumSaid, type Currency } from './currency.ts';

/** The buyer is to confirm receipt (the 'confirm_first' pitfall proper). */
const CONFIRM_RECEIPT = /确认收货|確認收貨|确认收貨|確認收货|点收货|點收貨|confirm(?:ing|s|ed)?\s+(?:the\s+)?(?:receipt|delivery|(?:that\s+)?(?:i|you)\s+(?:got|received))|mark(?:ed|ing)?\s+(?:it|the\s+order)?\s*as\s+(?:received|delivered)/i;

/** The conditions a seller ties to a small refund, in the order a letter lists them. */
const CONDITIONS: readonly (readonly [OfferCondition, RegExp])[] = [
  ['keep', /\bkeep(?:s|ing)?\s+(?:it|them|the\s+[a-z]+)\b|不(?:用|必)?退(?:货|貨|回)|不用寄回|东西留着|東西留著|留着用|留著用|保留商品|商品留下/i],
  ['review5', /(?:5|five)[-\s]?star|五星/i],
  ['review', /good\s+review|positive\s+(?:review|feedback)|好评|好評/i],
  // A gag: no bad word about the shop anywhere ("签个不发负面评价的协议", "保证不曝光").
  ['silence', /不(?:在[^，。,]{0,10}?)?(?:发表?|发布|写|留|给)[^，。,]{0,4}?(?:负面|差评|不好的评价)|不(?:许|准|能|得|再)?曝光|封口协议|\bnon-disparagement\b|\bnot\s+(?:to\s+)?(?:post|leave|write)\s+(?:a\s+|any\s+)?(?:bad|negative)\b/i],
];

export type OfferCondition = 'keep' | 'review5' | 'review' | 'silence' | 'postage';

/** A conditional offer read from the buyer's report. */
export interface ConditionalOffer {
  amount: number;
  currency: Currency;
  conditions: OfferCondition[];
  /** What the sum is: money back ('refund'), compensation ('comp') or not told ('other'); absent in records made before it was read. */
  give?: OfferGive;
  /** What the seller said no to beside the offer ("不退", "不给换"); absent when not told. */
  declined?: OfferDeclined;
  /** The sum was already refunded, and the seller will not pay the rest ("退了18，其他不退"). */
  paid?: boolean;
  /** What the sum refunded was for, in the buyer's words ("奶茶"); absent when not told. */
  paidFor?: string;
}

export type OfferGive = 'refund' | 'comp' | 'other';
export type OfferDeclined = 'return' | 'refund' | 'exchange' | 'repair';

/** The conditions the words name, in letter order. */
function conditionsIn(text: string): OfferCondition[] {
  const found = CONDITIONS.filter(([, re]) => re.test(text)).map(([c]) => c);
  // A five-star review is the good review asked for: one condition, not two.
  return found.includes('review5') ? found.filter((c) => c !== 'review') : found;
}

/** Whether the words themselves ask the buyer to confirm receipt. */
export function asksToConfirmReceipt(text: string): boolean {
  return CONFIRM_RECEIPT.test(text);
}

/** A good review is asked for ("给个五星好评", "leave a 5-star review"): either review condition. */
export function asksGoodReview(text: string): boolean {
  return CONDITIONS.some(([c, re]) => (c === 'review5' || c === 'review') && re.test(text));
}

/**
 * A sum offered on a condition (keeping the goods, a good review), from a message that does not
 * ask to confirm receipt; null otherwise.
 */
export function conditionalOffer(text: string): ConditionalOffer | null {
  if (asksToConfirmReceipt(text)) return null;
  const conditions = conditionsIn(text);
  if (conditions.length === 0) return null;
  // "5-star" is no sum: read the amount with the star rating taken out.
  const sum = sumSaid(text.replace(/(?:5|five)[-\s]?star|五星/gi, ' '));
  return sum ? { ...sum, conditions } : null;
}

/** Keeping the goods, as a seller says it beside a sum ("衣服你留着", "自己留着用", "不用寄回来"). */
const KEEP_BESIDE_SUM = /(?:自己|你|您|东西|東西|货|貨)留(?:着|著|下)|留(?:着|著)(?:穿|用|吃|自用)|不用(?:寄|退)(?:回|还)|keep (?:it|them|the [a-z]+)/i;
/** The buyer to pay the return postage ("运费你自己出", "自己出运费寄回来", "运费自理"). */
const POSTAGE_ON_BUYER = /(?:运费|邮费|運費|郵費)(?:要)?(?:你|您|自己|买家)(?:自己)?(?:出|付|承担)|(?:你|您|自己)(?:出|付|承担)(?:运费|邮费|運費|郵費)|(?:运费|邮费)自理|you pay (?:the )?(?:return )?(?:shipping|postage)/i;
/** The verb before a sum: compensation (补, 赔, 补贴, 返现) or money back (退, 返). */
const GIVE_SUM = /(补偿|補償|补贴|補貼|补|補|赔偿|賠償|赔|賠|返现?|退款|退还|退)(?:给)?(?:我|你|您)?(?:个|一点)?(?:商品价|货款|售价)?(?:的)?(?:即|就是)?\s?(\d+(?:\.\d{1,2})?)(?![\d.])/u;
/** A sum refunded already ("退了18块", "已退40", "退咗18蚊"). */
const PAID_SUM = /(?:已经?|已)?退(?:了|咗|回了|还了)\s?(\d+(?:\.\d{1,2})?)(?![\d.])\s?(?:元|块|塊|蚊|rmb)?(?:钱|錢)?(?:的)?([\u4e00-\u9fa5]{1,6}?)?(?:的)?(?:钱|錢|部分)?(?=[，,。；;\s]|$)|已退(?:款)?\s?(\d+(?:\.\d{1,2})?)(?![\d.])/u;
/** The rest refused after a part refunded ("其他不退", "剩下的不给退", "鸡翼唔退"). */
const REST_REFUSED = /(?:不|唔|没|冇)(?:给|肯|同意|可以|能)?(?:退|赔|補|补)|退不了/u;
/** A share of the price ("5%", "百分之十"). */
const PERCENT = /\d+(?:\.\d+)?\s?[%％]|百分之[一二三四五六七八九十\d]+/gu;
/** Something offered that is not money paid to the buyer. */
const NOT_MONEY = /券|卷|红包|紅包|积分|京豆|coupon|voucher|store credit|points/iu;
/** What the seller said no to ("不退", "不给换", "退货不行"), by the word it used. */
const DECLINED: readonly (readonly [OfferDeclined | 'bare', RegExp])[] = [
  ['return', /不(?:给|能|可以|同意|予|支持)?退货|退货(?:不行|不可以|不给|没门)|不接受退货|\bno returns?\b|\b(?:won'?t|will not|refuse[sd]? to) (?:accept (?:a |the )?)?return/iu],
  ['refund', /不(?:给|能|可以|同意|予|支持)?退(?:款|钱)|退(?:款|钱)(?:不行|不可以|不给)|\bno refunds?\b|\b(?:won'?t|will not|refuse[sd]? to) refund/iu],
  ['exchange', /不(?:给|能|可以|同意|予|支持)?换|换货?(?:不行|不可以|不给)|\bno exchanges?\b|\b(?:won'?t|will not|refuse[sd]? to) exchange/iu],
  ['repair', /不(?:给|能|可以|同意|予|支持)?修|不保修/u],
  ['bare', /不(?:给|能|可以|同意|予|支持)?退(?![货款钱])|退不了/u],
];

/**
 * What a counter-offer holds, from the buyer's report of it: one sum (money back or compensation),
 * what the seller said no to, the conditions tied to it (keeping the goods, a good review, the buyer
 * paying the postage); or a part already refunded with the rest refused. Null when the words give no
 * single sum (two sums, or none): the letter then keeps the buyer's own words, never a guess.
 *
 * @example offerTerms('店家说不换，补你8块，杯子你留着', 'exchange') // { amount: 8, give: 'comp', declined: 'exchange', conditions: ['keep'] … }
 */
export function offerTerms(words: string, wish: Wants | null): ConditionalOffer | null {
  // "补偿商品价5%即75元": a share is how the sum was worked out, not a second sum.
  const text = words.replace(PERCENT, '');
  const paid = PAID_SUM.exec(text);
  const sums = new Set([...text.matchAll(/\d+(?:\.\d{1,2})?/g)].map((m) => Number(m[0])));
  if (paid && REST_REFUSED.test(text.slice(paid.index + paid[0].length))) {
    const amount = Number(paid[1] ?? paid[3]);
    const paidFor = paid[2] && !/^(?:了|给|我|你)/u.test(paid[2]) ? paid[2] : undefined;
    return { amount, currency: sumSaid(text)?.currency ?? 'CNY', conditions: [], paid: true, ...(paidFor ? { paidFor } : {}) };
  }
  // A coupon or red packet is named in the buyer's words (its sum is no money back): no terms.
  if (sums.size !== 1 || NOT_MONEY.test(text)) return null;
  const said = GIVE_SUM.exec(text);
  const sum = sumSaid(text.replace(/(?:5|five)[-\s]?star|五星/gi, ' '));
  const amount = sum?.amount ?? (said ? Number(said[2]) : null);
  if (amount === null) return null;
  const give: OfferGive = said ? (/^(?:退|返)/u.test(said[1]!) && !/返现/u.test(said[1]!) ? 'refund' : 'comp')
    : /compensat/i.test(text) ? 'comp' : /\d\s?(?:[a-z元块]+\s)?back\b|\brefund (?:me )?\S{0,4}\d/i.test(text) ? 'refund' : 'other';
  const conditions = conditionsIn(text);
  if (!conditions.includes('keep') && KEEP_BESIDE_SUM.test(text)) conditions.unshift('keep');
  if (POSTAGE_ON_BUYER.test(text)) conditions.push('postage');
  const found = DECLINED.find(([, re]) => re.test(text))?.[0];
  // A bare "不退" is a no to the wish the buyer asked for (a return, or the refund).
  const declined = found === 'bare' ? (wish === 'return_refund' ? 'return' : 'refund') : found;
  return {
    amount, currency: sum?.currency ?? 'CNY', conditions, give,
    // "不给退款，只能退30": the refund was not refused, only the whole of it.
    ...(declined && !(declined === 'refund' && give === 'refund') ? { declined } : {}),
  };
}

/**
 * The record's note for it: `condition keep+review sum:8 cur:USD`, or `offer sum:30 cur:CNY` with no
 * condition; then ` give:comp`, ` declined:return`, ` paid` and ` for:奶茶` when told.
 */
export function offerNote(o: ConditionalOffer): string {
  const head = o.conditions.length ? `condition ${o.conditions.join('+')}` : 'offer';
  const more = [o.give && `give:${o.give}`, o.declined && `declined:${o.declined}`, o.paid && 'paid', o.paidFor && `for:${o.paidFor}`].filter(Boolean);
  return [`${head} sum:${o.amount} cur:${o.currency}`, ...more].join(' ');
}

/** The offer back from a note written by `offerNote`; null for any other note. */
export function parseOfferNote(note: string): ConditionalOffer | null {
  const m = /^(?:condition ([a-z0-9+]+)|offer) sum:(\d+(?:\.\d+)?) cur:([A-Z]{3})/.exec(note);
  if (!m) return null;
  const give = / give:(refund|comp|other)\b/.exec(note)?.[1] as OfferGive | undefined;
  const declined = / declined:(return|refund|exchange|repair)\b/.exec(note)?.[1] as OfferDeclined | undefined;
  const paidFor = / for:(\S+)/u.exec(note)?.[1];
  return {
    conditions: m[1] ? (m[1].split('+') as OfferCondition[]) : [], amount: Number(m[2]), currency: m[3] as Currency,
    ...(give ? { give } : {}), ...(declined ? { declined } : {}), ...(/ paid\b/.test(note) ? { paid: true } : {}), ...(paidFor ? { paidFor } : {}),
  };
}
