/**
 * What the buyer reports the seller or the platform did (a `SellerReply` code): recorded on
 * the timeline, with the seller's own words only when the buyer quoted them, and acted on.
 * A counter-offer or a refusal is never taken as agreement.
 */
import {
  asksWithdrawal, buyerApplied, cutOff, doorPickup, emptyExtraction, pickupPromise, eventDay, normalize, offersLess, offPlatformKind, onlyPart, otherSpeaker, platformDeadline, platformSpeaks,
  quotedSpeech, reportedReason, BUYER_VOICE, narrationAt, roughPromise, reportsOthersWords, returnLost, returnReceipt, saysThanks, sellerBlamesCourier, speakerNamed, type Extraction,
  type LogAnswer,
} from '../nlu/index.ts';
import { couponOffer, missingEvidenceCondition, NO_STOCK, sellerSendsNew } from '../nlu/seller-reply.ts';
import { platformRuling } from '../nlu/ruling.ts';
import { askedSum, counterAgreed, leastSum } from '../nlu/amounts.ts';
import { parseNumber } from '../nlu/numerals.ts';
import { toSimplified, toWrittenChinese } from '../drafts/words.ts';
import { asksGoodReview, asksToConfirmReceipt, conditionalOffer, offerNote, offerTerms, parseOfferNote } from '../knowledge/conditional-offer.ts';
import { noReasonReturn, returning } from './return-receipt.ts';
import { privateMoneyTaken, privateMoneyTook } from './off-platform.ts';
import { ACT_CONFIDENCE, CONFIRM_CONFIDENCE } from '../nlu/confidence.ts';
import { pitfallForReply, pitfallText } from '../knowledge/pitfalls.ts';
import { moveUpDue } from '../knowledge/ladder.ts';
import { blamesRider } from '../knowledge/takeaway.ts';
import { statutoryClaim } from '../knowledge/claims.ts';
import { isPrivateSeller, rulingWords } from '../drafts/parts.ts';
import { addHours, addWorkingDays, daysBefore, daysBetween, formatDateTime, formatDay, isoInstant, localDay, localInstant } from '../time/deadlines.ts';
import { closeCase, happened, lastSellerEvent, record } from './case.ts';
import { climb, escalateToPlatform, offerChoice, sendSellerDraft, stepOptions } from './escalation.ts';
import { moneyValue, sendChecklist, sendDraft } from './render.ts';
import { SELLER_FAULT } from './slots.ts';
import { NO_REPORT, type ReportFacts } from './report-facts.ts';
import { pickupAwaited } from './promise-record.ts';
import type { Turn } from './turn.ts';
import { SELLER_REPLIES, type FollowingCase, type OpenCase, type Option, type SellerReply, type TimelineEntry, type TimelineType, type Wants } from '../domain/index.ts';

const HOUR = 3600_000;
/** Refund agreed: check it arrived after this many working days (seed 002: merchants typically act within about 3 working days). */
export const REFUND_CHECK_WORKING_DAYS = 3;
/** Return agreed: remind to enter the return tracking number the next day (seed 004: the refund closes if the timer runs out). */
const RETURN_TRACKING_HOURS = 24;
/**
 * A time counted from an event still to come ("检测完3个工作日", "签收退货后4天内退款") is checked on
 * after the seller's own time plus this many working days: the event is usually the returned parcel
 * reaching the seller, and a domestic parcel typically takes a day or two. Our own allowance, so the
 * case is not forgotten; it is never told to anyone as a rule or a deadline.
 */
const EVENT_LEAD_WORKING_DAYS = 2;

const TIMELINE: Readonly<Record<SellerReply, TimelineType>> = {
  agrees: 'seller_agreed',
  refuses: 'seller_refused',
  stalls: 'seller_stalled',
  needs_evidence: 'seller_needs_evidence',
  private_deal: 'private_deal_offered',
  confirm_first: 'confirm_first_asked',
  counter_offer: 'seller_counter_offer',
  no_response: 'seller_no_response',
  return_for_inspection: 'seller_return_for_inspection',
  platform_handling: 'platform_handling',
  platform_for_seller: 'platform_ruled_seller',
  platform_for_buyer: 'platform_ruled_buyer',
};

/**
 * What a message reports beside its code (`readReport`): the words' own facts read at once, the
 * rest read from the text when asked (most messages need few of them), once each. A class with
 * its getters on the prototype: an object literal with eight getters and two setters cost about
 * 6 µs to make, every text message. `toJSON` writes what the literal wrote, in its order (the
 * facts of a held reply are stored as JSON).
 */
/** `sellerSendsNew` of the text or of its written-Chinese form, read once when they are the same (most texts). */
function sendsNewEither(text: string): boolean {
  if (sellerSendsNew(text)) return true;
  const written = toWrittenChinese(toSimplified(text));
  return written !== text && sellerSendsNew(written);
}

class ReadFacts implements ReportFacts {
  quote: string | null;
  courier: boolean;
  applied: boolean;
  sendsNew: boolean;
  sum: number | null;
  returned: { day: string | null; said?: true } | null;
  lost: boolean;
  // Set by readReport after the reading (own properties then, after the others, as in the literal).
  declare postage?: boolean;
  declare offer?: ReportFacts['offer'];
  declare reviewFirst?: boolean;
  declare refundOnConfirm?: boolean;
  declare promise?: ReportFacts['promise'];
  declare roughTime?: boolean;
  declare servicePoint?: boolean;
  declare returnFirst?: boolean;
  declare partRuling?: boolean;
  declare restSum?: number | null;
  declare ruling?: ReportFacts['ruling'];
  declare platformAnswer?: boolean;
  declare tookRemedy?: Wants;
  declare speaker?: ReportFacts['speaker'];
  readonly #text: string;
  readonly #log: boolean;
  readonly #now: Date;
  readonly #tz: string;
  // A day in a message that also gives the receipt date is the receipt's (undefined: not read yet).
  #day: string | null | undefined;
  #reason: string | null | undefined;
  #answerDay: string | null | undefined;
  #pickup: boolean | undefined;
  #blocked: boolean | undefined;
  #gone: boolean | undefined;
  #offPlatform: ReportFacts['offPlatform'] | undefined;
  #withdraw: boolean | undefined;
  #withdrawWhat: ReportFacts['withdrawWhat'] | undefined;
  #thanks: boolean | undefined;
  #split: { offer: string | null; because: string | null } | undefined;

  constructor(turn: Turn, e: Extraction, text: string, log: boolean) {
    this.#text = text;
    this.#log = log;
    this.#now = turn.now;
    this.#tz = turn.tz;
    this.#day = log || e.receivedOn ? null : undefined;
    this.quote = e.sellerQuote ?? (log ? null : quotedSpeech(text));
    // A takeaway merchant sending the buyer to the rider is the same deflection (knowledge/takeaway.ts).
    this.courier = !log && (sellerBlamesCourier(text) || blamesRider(text));
    this.applied = !log && buyerApplied(text);
    // Cantonese "會發新嘅俾我" is "会发新的给我": read in written Chinese.
    this.sendsNew = !log && sendsNewEither(text);
    this.sum = log ? null : askedSum(text);
    this.returned = !log && turn.state.active ? returnReceipt(text, turn.now, turn.tz, returning(turn.state.active)) : null;
    this.lost = !log && turn.state.active ? returnLost(text, returning(turn.state.active)) : false;
  }

  // Read when a record needs it (most messages record no seller or platform event; reading it formats the date).
  get happenedAt(): string | null {
    if (this.#day === undefined) this.#day = eventDay(this.#text, this.#now, this.#tz);
    return this.#day;
  }

  // A pasted log dates its answer itself (engine.ts).
  set happenedAt(at: string | null) {
    this.#day = at;
  }

  get answeredAt(): string | null {
    const day = this.happenedAt;
    return day === null || this.#log ? day : (this.#answerDay ??= eventDay(this.#text, this.#now, this.#tz, true));
  }

  get reason(): string | null {
    return this.#reason === undefined ? (this.#reason = this.#log ? null : reportedReason(this.#text)) : this.#reason;
  }

  #least?: number | null;
  get least(): number | null {
    return this.#least === undefined ? (this.#least = this.#log ? null : leastSum(this.#text)) : this.#least;
  }

  // A coupon or a condition the seller gave is written into the reason (readReport).
  set reason(v: string | null | undefined) {
    this.#reason = v;
  }

  /** Beside an offer, the seller's reason in the buyer's words (`offerAndReason`). */
  get because(): string | null {
    return this.#offerSplit().because;
  }

  /** The offer itself when a reason was given beside it (`offerAndReason`). */
  get offered(): string | null {
    return this.#offerSplit().offer;
  }

  #offerSplit(): { offer: string | null; because: string | null } {
    return (this.#split ??= this.#log ? { offer: null, because: null } : offerAndReason(this.#text));
  }

  get pickup(): boolean {
    return (this.#pickup ??= !this.#log && doorPickup(this.#text));
  }

  /** The day of a courier pickup told beside another promise of the seller's ("退款在收到货后…，明天上门取件"). */
  get pickupTime(): NonNullable<Extraction['promise']> | null {
    return this.#log ? null : pickupPromise(this.#text, this.#now, this.#tz);
  }

  get buyerPostage(): boolean {
    return !this.#log && BUYER_PAYS_POSTAGE.test(this.#text);
  }

  get blocked(): boolean {
    return (this.#blocked ??= !this.#log && cutOff(this.#text).blocked);
  }

  get gone(): boolean {
    return (this.#gone ??= !this.#log && cutOff(this.#text).gone);
  }

  get offPlatform(): ReportFacts['offPlatform'] {
    return this.#offPlatform === undefined ? (this.#offPlatform = this.#log ? null : offPlatformKind(this.#text)) : this.#offPlatform;
  }

  get withdraw(): boolean {
    return (this.#withdraw ??= !this.#log && asksWithdrawal(this.#text));
  }

  get withdrawWhat(): ReportFacts['withdrawWhat'] {
    return this.#withdrawWhat === undefined ? (this.#withdrawWhat = this.#log ? null : withdrawnThing(this.#text)) : this.#withdrawWhat;
  }

  /** The words speak of the goods going back ("退货", "寄回去"). */
  get goesBack(): boolean {
    return !this.#log && GOES_BACK.test(this.#text);
  }

  /** The goods are to be sent ("3天内发出", "明天寄过来", "补发"). */
  get ships(): boolean {
    return !this.#log && SHIPS.test(this.#text);
  }

  get thanks(): boolean {
    return (this.#thanks ??= !this.#log && saysThanks(this.#text));
  }

  get taken(): ReportFacts['taken'] {
    return this.#log ? null : privateMoneyTook(this.#text);
  }

  /** The fields in the order the object literal had them, then those set later, in the order set. */
  toJSON(): Record<string, unknown> {
    const json: Record<string, unknown> = {
      quote: this.quote, happenedAt: this.happenedAt, courier: this.courier, applied: this.applied, sendsNew: this.sendsNew, sum: this.sum,
      returned: this.returned, lost: this.lost, reason: this.reason, pickup: this.pickup, blocked: this.blocked, offPlatform: this.offPlatform,
      withdraw: this.withdraw, withdrawWhat: this.withdrawWhat, thanks: this.thanks,
    };
    for (const key of Object.keys(this)) if (!(key in json)) json[key] = (this as unknown as Record<string, unknown>)[key];
    // The postage put on the buyer, kept for a held agreement confirmed later (only when said).
    if (this.buyerPostage) json.buyerPostage = true;
    // The answer's own day, kept for a held reply when the day told was the buyer's own step's.
    if (this.answeredAt !== this.happenedAt) json.answeredAt = this.answeredAt;
    // A reason beside an offer, kept for a held reply confirmed later (only when there is one).
    if (this.because) Object.assign(json, { because: this.because, offered: this.offered });
    return json;
  }
}

/** A clause that offers something ("只能给你退一半", "可以补偿我20元"), not one that refuses or disowns. */
const OFFER_CLAUSE = /退|赔|补|返|红包|券|refund|compensat|coupon|voucher/i;
/** A clause that is a condition on the buyer ("要我先撤销投诉"): neither the offer nor its reason. */
const CONDITION_CLAUSE = /要我|让我|叫我|条件|撤销|撤诉|撤回/u;
const NOT_OFFER_CLAUSE = /不(?:给|能|可以|予)?(?:退|赔|补)|不关|无关|没关系|不负责|责任/u;
/** A bare refusal ("不退", "不给换"), no reason. */
const FLAT_NO = /^(?:就是)?不(?:给|能|可以|予)?(?:退|换|赔|补|管)/u;
const isOffer = (clause: string) => OFFER_CLAUSE.test(clause) && !NOT_OFFER_CLAUSE.test(clause) && !CONDITION_CLAUSE.test(clause);

/**
 * The seller's words as the buyer reported them, split into what was offered and the reason given
 * beside it, each in the buyer's words: "说只能给你退一半，说是快递摔的不关他们事" and
 * "说是快递摔的不关他们事，可以补偿我20元，但要我先撤销投诉" each give the offer and the reason.
 * The reported clause (after 说, as `reportedReason` reads it) and the next one, said or not;
 * `because` null when no clause beside the offer is a reason. `skipEarlier`: words said before the
 * story goes on (see the first step below) are passed over, once.
 */
export function offerAndReason(text: string, skipEarlier = true): { offer: string | null; because: string | null } {
  const first = reportedReason(text);
  if (!first) return { offer: null, because: null };
  const norm = normalize(text);
  const at = norm.indexOf(first);
  const rest = at < 0 ? '' : norm.slice(at + first.length);
  // "说一定能约上 结果当天又说约满了，只退…": words said before what happened (an earlier promise) are
  // neither the answer nor its reason; the answer is in what follows.
  if (skipEarlier && narrationAt(rest, 0)) return offerAndReason(rest, false);
  // The clause after it is the seller's only until the buyer's own voice starts again ("…，我买了运费险").
  const clauses = rest.split(new RegExp(String.raw`[，,。；;！!？?]|\s(?=${BUYER_VOICE})`, 'u'));
  const own = clauses.findIndex((x, i) => i > 0 && new RegExp(String.raw`^\s*${BUYER_VOICE}`, 'u').test(x));
  const next = reportedReason(rest)
    ?? clauses.slice(0, own < 0 ? undefined : own).map((x) => x.replace(/^\s*(?:但是?|可是|不过|然后|又|还)?\s*/u, '').trim()).find((x) => x.length >= 2 && isOffer(x))
    ?? null;
  const offer = [first, next].find((x): x is string => x !== null && isOffer(x)) ?? null;
  const because = [first, next].find((x): x is string => x !== null && x !== offer && !isOffer(x) && !CONDITION_CLAUSE.test(x)) ?? null;
  return { offer, because: because && ownReason(because) };
}

/**
 * A reason run on without commas ("收到了 检测说没问题 是线路问题 最多补偿50 不退"): its pieces up to
 * the first that offers or refuses, joined as clauses; null when nothing is left.
 */
function ownReason(words: string): string {
  const pieces = words.split(/\s+/u);
  const end = pieces.findIndex((x, i) => i > 0 && (isOffer(x) || FLAT_NO.test(x)));
  return (end < 0 ? pieces : pieces.slice(0, end)).join('，');
}

/**
 * A middling reading of the seller's reply, held until the buyer confirms it; or (`reply` null)
 * the seller's quoted words with no usable reading, for the buyer to say what they mean.
 */
export interface HeldReply {
  reply: SellerReply | null;
  alternative: SellerReply | null;
  facts: ReportFacts;
}

/** The platform's own service refunded a sum ("美团客服给我退了20", "平台先退了30"; 美团 and 饿了么 are the platform of a takeaway). */
const PLATFORM_REFUNDED = /(?:平台|小二|美团|饿了么|淘宝|天猫|京东|拼多多|抖音)(?:外卖)?(?:的)?(?:官方)?(?:客服|小二)(?:那边)?(?:已经)?(?:给我|帮我)?(?:先)?退了\s?(\d{1,6}(?:\.\d{1,2})?)/u;
/** The rest refused: "另一半商家不同意", "剩下的不给退". */
const REST_REFUSED = /(?:另一半|另外一半|剩下|剩余|其余|其他)(?:的)?[^，。,.]{0,8}?(?:不同意|不给|不退|不肯|拒绝)/u;
/** The rest turned down with its sum: "剩下的300不退", "其余120不给". */
const REST_SUM = /(?:另一半|另外一半|剩下|剩余|其余|其他|另外)(?:的)?\s?(\d{1,6}(?:\.\d{1,2})?)\s?(?:元|块钱|块)?[^，。,.]{0,6}?(?:不同意|不给|不退|不肯|拒绝|不支持|没给|没支持)/u;
/** Something offered: a refund, a payment, a coupon or red packet. */
const OFFER = /退|赔|补|红包|返现|优惠券|券|refund|compensat|coupon|voucher|pay/i;

/**
 * "只退不赔", "只退款不赔偿", "退款可以，赔偿没有", "可以退款，但运费我们不出", "refund only, no compensation": the refund
 * without the compensation (or the added cost) asked.
 */
const REFUND_NOT_COMPENSATION = /只退(?:款|钱|货款)?(?:[，,、\s]*)?不赔|退(?:款|钱)[^，,。]{0,4}[，,、\s]*(?:但是?|不过|可是)[^。！!]{0,12}?不(?:承担|赔|出|负责|报销)|退(?:款|钱)?可以[，,、\s]*(?:赔偿?|赔钱)?(?:不行|没有|不可能|别想)|不赔(?:偿)?[，,、\s]*只(?:能)?退|refund only,? (?:but )?no compensation|will refund but (?:won'?t|not) compensate/i;

/**
 * The seller, named, offers the refund but not the compensation the buyer claims (a 退一赔十 /
 * 退一赔三 claim, or compensation as the wish): less than asked, a counter-offer as clear as
 * "只能退款" (trial 7 s09). Without such a claim the words say nothing the record lacks.
 */
function refundWithoutClaim(turn: Turn, text: string): boolean {
  return speakerNamed(text) && refundNotClaim(turn, text);
}

/** "赔偿就算了", "赔偿不支持", "赔不了": the compensation waved off or turned down. */
const CLAIM_WAIVED = /(?:赔偿|赔钱|赔付|赔偿金|十倍|三倍)(?:的话|这个|这块|方面|部分)?(?:就|我们|这边)?(?:算了|免了|没有|不行|不了|不予支持|不支持|不考虑|没法|做不到|不可能|别想|给不了)|(?:不能|没法|无法|不会|不给)赔|赔不了|赔不起|no compensation|won'?t compensate/i;
/** The refund given or offered beside it: "给您退款59.9", "判定商家退款", "全额退您". */
const REFUND_GIVEN = /退款|退钱|退(?:给)?(?:您|你)|给(?:您|你)退|全额退|退货款|退还货款|refund/i;

/** The refund without the compensation the buyer claims (a 退一赔十 / 退一赔三 claim, or compensation as the wish). */
function refundNotClaim(turn: Turn, text: string): boolean {
  const c = turn.state.active;
  if (!c || !(c.claimAsked || c.slots.wants === 'compensation' || c.slots.wishExtra)) return false;
  return REFUND_NOT_COMPENSATION.test(text) || (REFUND_GIVEN.test(text) && CLAIM_WAIVED.test(text));
}

/** The complaint or the after-sales request, by the buyer's word for it (both or neither: null). */
function withdrawnThing(text: string): 'complaint' | 'request' | null {
  const complaint = /投诉|投訴|complaint/i.test(text);
  const request = /售后|售後|申请|申請|退款单|request/i.test(text);
  return complaint === request ? null : complaint ? 'complaint' : 'request';
}

/** Return postage as a seller names it. */
const POSTAGE = String.raw`(?:退货|寄回的?)?(?:运费|邮费|快递费|寄回(?:的)?费用)`;
const PAYER = String.raw`(?:自己|您|你|买家|亲)`;
const PAYS = String.raw`(?:承担|出|付|负责|自理|垫)`;
/** "运费您自己承担", "要你自己出邮费", "运费自理": the buyer is to pay the return postage. */
const BUYER_PAYS_POSTAGE = new RegExp(
  String.raw`${POSTAGE}[^，。！？,.!?]{0,10}${PAYER}[^，。！？,.!?]{0,4}${PAYS}|${PAYER}[^，。！？,.!?]{0,6}${PAYS}[^，。！？,.!?]{0,4}${POSTAGE}|${POSTAGE}自理|(?:you|buyer).{0,20}(?:pay|cover).{0,20}(?:shipping|postage)`,
  'iu',
);

/** Words of a refusal beside the postage ("不退，运费也你出"): then it is a refusal. */
/** The seller doing nothing with goods sent back: no receipt confirmed, no refund. */
const SELLER_IDLE = /(?:不|没|未|没有)\s?(?:确认|点|签)?\s?收货|(?:不|没|未|没有)\s?(?:退钱|退款)|(?:钱|退款)\s?(?:也|还)?\s?(?:没|未|没有)\s?(?:退|到|收到)|not (?:confirmed|refunded)|no refund/i;
/** Words of an answer, or of none coming: without one a message reports no silence. */
const ANSWER_WORDS = /回|复|覆|理|睬|答|应|联系|动静|消息|处理|搭|找不到|催|问|拉黑|失联|装死|已读|reply|respon|answer|ignor|contact|hear|silen|ghost|read/i;
const REFUSAL_WORDS = /不|没|拒|别想|休想|\b(?:no|not|won't|refuse[sd]?)\b/iu;

/** A platform's decision in words ("判了", "判定", "驳回"); 判断 (judging) is none. */
/** The merchant named as a third party ("联系不上商家"): whoever speaks is not the shop. */
const MERCHANT_NAMED = /商家|卖家|店家|店铺|商户|门店|\b(?:seller|merchant|shop)\b/i;
const RULING_WORD = /判了|判定|判给|判我|裁定|裁决|驳回|\bruled\b/i;

/** A platform saying no in its own words ("不能退", "不支持退款", "won't refund"). */
const PLATFORM_NO = /不(?:能|给|予|支持|可以)?(?:退|换|赔|处理)|拒绝|驳回|\b(?:won'?t|will not|can'?t|cannot) (?:be )?(?:refund|return|exchange)|\brefused\b|\brejected\b|non-refundable|not refundable/iu;

/** Remedies that are money alone: the ruling's sum is what it awards. */
const MONEY_REMEDIES: ReadonlySet<string> = new Set(['refund', 'return_refund', 'price_diff', 'compensation']);

/** Rulings: the platform decided. */
const RULINGS: ReadonlySet<SellerReply | null> = new Set<SellerReply | null>(['platform_for_seller', 'platform_for_buyer']);

/** What the seller may have done beside receiving the return that still counts: not paying, not answering. */
const KEPT_BESIDE_RETURN: ReadonlySet<SellerReply> = new Set<SellerReply>(['refuses', 'no_response', 'counter_offer', 'private_deal', 'confirm_first']);

/** A verb of answering: someone else said, replied or told (any script, Cantonese "話" / "覆" too). */
const ANSWERED = /说|說|话|話|讲|講|回|覆|答|表示|称|稱|said|says|replied|replies|wrote|told|answered|responded|got back|support|agent/i;

/** Whether a message reports the other side at all: a speaker, a quote, or a verb of answering. */
function reportsOtherSide(text: string, facts: ReadFacts): boolean {
  return facts.quote !== null || speakerNamed(text) || reportsOthersWords(text) || ANSWERED.test(text);
}

/** An unboxing video named (after folding Cantonese "開箱片" to written Chinese). */
const UNBOXING_ASKED = /开箱(?:视频|录像|影片)|unboxing (?:video|footage)/i;

/** Sending the goods out: "发出", "发货", "寄出", "寄过来", "补发". */
const SHIPS = /发出|发货|(?:一定|马上|肯定|保证)发(?![票现])|寄出|发过来|寄过来|补发|补寄|\bship(?:s|ped|ping)?\b|\bsend (?:it|them) out\b/i;
/** The goods going back to the seller: a return, not a part refund with the goods kept. */
const GOES_BACK = /退货|退回去|寄回|寄还|发回|退件|返厂|\breturn(?:s|ed|ing)?\b|send (?:it|them) back/i;

/** The sum handed over off the platform: "转我300块", "私下退你两百", "给我400元". */
const PRIVATE_SUM = /(?:转|退|给|赔|补)(?:给)?(?:我|你|您)\s?(\d{1,6}(?:\.\d{1,2})?|[一二两三四五六七八九十百千万]{1,6})\s?(?:块|元|rmb)?/u;

/** A local service point or repair shop the buyer is to take the goods to. */
const SERVICE_POINT = /(?:售后|维修|服务|检测|授权)(?:网点|点|中心|站|门店|机构)|(?:线下|附近的?|当地的?|本地的?)(?:门店|实体店|店)|(?:官方|品牌|厂家)售后|检测报告|检测单|鉴定报告/;
/**
 * The seller decides later, once something is done ("报告出来之后我们再评估", "核实完再给您答复",
 * "等鉴定结果出来再说"): a deferral on a condition, not a refusal, whatever else the words refuse.
 */
const DEFERRED = /(?:后|之后|以后|完|出来|了)\s?(?:我们|我司|我这边|这边|商家|店铺)?\s?(?:会|再|才)\s?(?:进一步)?\s?(?:评估|处理|看|说|决定|考虑|定|答复|回复|判断|核实|安排)/;

/** Words of checking the goods: a send-back with them is for inspection. */
const INSPECTS = /检测|检查|检验|鉴定|质检|测试|看看|看一下|查看|\b(?:inspect|test|examin|check)/iu;
/** The seller acts once the goods are back ("收到货后3天内给你发", "寄回来再给你换", "once we receive it"). */
const ONCE_BACK = /(?:收到|签收|拿到)(?:货|退货|退回的?|寄回的?|商品|东西)?(?:后|以后|之后|了?(?:就|再|才))|寄回(?:来|去)?(?:以后|之后|后)?再|\b(?:once|after|when) (?:we|they) (?:receive|get|have)\b/iu;

/**
 * The goods go back first: "先寄回", "寄回去先" (Cantonese order), "叫我先寄回，到了再换新的", "收到就寄新的",
 * "send it back first". What the seller then sends is new goods, never the buyer's "收到新的再寄回旧的".
 */
const BACK_FIRST = /先(?:把[^，,。]{0,6})?寄(?:回|返)|寄(?:回|返)(?:去|来|给他们?|给卖家|给商家)?先|(?:收到|签收|拿到)(?:货|退货|旧的|东西)?(?:了|后|以后|之后)?(?:就|再|才)?[^，,。]{0,6}(?:寄|发|换)(?![回返])|\bsend (?:it|them|the \w+) back first\b|\b(?:return|ship) (?:it|them) (?:back )?first\b/iu;
/**
 * The new goods go out first ("先给我发新的，旧的再寄回", "新的先寄过来"): whatever is said of the return after.
 * Not "收到先寄新嘅" (Cantonese: once they have it back, then the new one).
 */
const NEW_FIRST = /(?<!(?:收到|签收|拿到)[^，,。]{0,4})先(?:给(?:我|你))?(?:发|寄|补)(?:一?[个件双台部只])?新|新(?:的|嘅)?(?:会)?先(?:发|寄)|\bsend (?:me )?(?:a |the )?new (?:one )?first\b/iu;
/** What a buyer is offered when the bot cannot read the seller's quoted words. */
const ASK_REPLIES: readonly SellerReply[] = ['refuses', 'agrees', 'counter_offer', 'stalls', 'needs_evidence'];

/** A ruling's sum said to be only a part ("只退给我8块", "才判了20", "only 30 of it"). */
const ONLY_PART_RULED = /(?:只|仅|才)(?:判|退|给|赔|补)|\bonly\b/u;

/**
 * The seller's reply as the dialogue may act on it (issue 9 item 4). A reading at or above
 * ACT_CONFIDENCE is acted on; a middling one (CONFIRM_CONFIDENCE up to ACT) is held and
 * confirmed with options before it changes the record; a weaker one is ignored. A seller blaming
 * the courier is a refusal; a seller who blocked the buyer will not answer; the buyer's own
 * application for intervention is the platform at work (with the time the platform gave); a
 * ruling that gives only part is not in the buyer's favour. A request for a draft by name
 * ("申请平台介入") is a command, not a report, and the buyer's own wish ("想寄回去") is not the
 * seller asking for the goods back. A pasted log (`log`) keeps the quote its reader found.
 */
export function readReport(turn: Turn, e: Extraction, text: string, log = false): { e: Extraction; held: HeldReply | null; facts: ReportFacts } {
  const facts = new ReadFacts(turn, e, text, log);
  const out: Extraction = { ...e };
  // "同意了，寄回去修，大概7天": an agreement with a rough time is a promise too (its reminder asks
  // whether it was done), said as approximate.
  const rough = !log && out.sellerReply === 'agrees' && !out.promise ? roughPromise(text) : null;
  if (rough) {
    out.promise = rough;
    facts.roughTime = true;
  }
  if (facts.returned) {
    // "商家11月20号就签收了" of the parcel sent back: the return's receipt (return-receipt.ts), not the
    // buyer's receipt date, nor the seller agreeing or asking for anything. A refusal or silence beside it stays.
    out.receivedOn = null;
    out.wants = null;
    const reported = out.sellerReply ?? out.readings?.sellerReply.value ?? null;
    if (!reported || !KEPT_BESIDE_RETURN.has(reported)) return { e: { ...out, sellerReply: null, promise: null }, held: null, facts };
  }
  // "七天无理由退货运费您自己承担": for a no-reason return from a business that is what 消费者权益保护法
  // 第二十五条 says (the buyer pays the return postage unless agreed), not less than the buyer asked:
  // nothing goes on the record as a grievance, and the buyer hears who pays (the knowledge answer).
  const active = turn.state.active;
  const demand = out.sellerReply ?? out.readings?.sellerReply.value ?? null;
  const postageOnly = demand === 'counter_offer' || (demand === 'refuses' && !REFUSAL_WORDS.test(text));
  if (!log && active && noReasonReturn(active) && postageOnly && (facts.quote !== null || reportsOthersWords(text)) && BUYER_PAYS_POSTAGE.test(text)) {
    facts.postage = true;
    return { e: { ...out, sellerReply: null, sellerQuote: null, promise: null, intent: 'ask_return_shipping' }, held: null, facts };
  }
  // "判商家补发", "结果：支持退货退款，运费没给": a remedy ruled for the buyer is a ruling for the buyer,
  // whoever it names to act, with its sum and what it left out (never "支持卖家"); "判卖家无责" is for the seller.
  const ruling = log ? null : platformRuling(text);
  if (ruling?.side === 'buyer' && ruling.remedies.length > 0) {
    facts.ruling = ruling;
    // A sum is the ruling's money only when money is all it granted ("补发，另外补偿200" is not a refund of 200).
    facts.sum = ruling.remedies.every((r) => MONEY_REMEDIES.has(r)) ? ruling.sum : null;
    // "只退给我8块钱", or less than was asked (the sum claimed, else the price paid): a ruling for part of it,
    // the rest still disputed.
    const asked = active ? active.compensationAmount ?? active.slots.amountPaid : null;
    // "退我200，剩下的80不退": the ruling names the part it turned down.
    const rest = REST_SUM.exec(text);
    if (rest) facts.restSum = Number(rest[1]);
    if (facts.sum !== null && (ONLY_PART_RULED.test(text) || REST_REFUSED.test(text) || (asked !== null && facts.sum < asked))) facts.partRuling = true;
    return { e: { ...out, sellerReply: 'platform_for_buyer', intent: null }, held: null, facts };
  }
  if (ruling?.side === 'seller' && (out.sellerReply === 'platform_for_buyer' || out.sellerReply === 'agrees')) {
    return { e: { ...out, sellerReply: 'platform_for_seller', intent: null }, held: null, facts };
  }
  // "平台说可以免费修，修也行", "they offered a repair, repair is fine": another remedy offered and taken in the
  // same breath is an offer the buyer accepted (actOnReply), not a reading to confirm.
  const remedy = !log && active && (speakerNamed(text) || reportsOthersWords(text)) && TOOK_OFFER.test(text) && !REJECTS_OFFER.test(text) ? offeredRemedy(text) : null;
  if (remedy && remedy !== active!.slots.wants) {
    facts.tookRemedy = remedy;
    return { e: { ...out, sellerReply: 'counter_offer', wants: null }, held: null, facts };
  }
  // "仲裁通过了，谢谢": a ruling reported, not a request for another one.
  if (ruling?.side === 'buyer' && out.sellerReply !== 'platform_for_seller') {
    return { e: { ...out, sellerReply: 'platform_for_buyer', intent: null }, held: null, facts };
  }
  // Words the buyer gives to someone other than the seller keep their speaker. A system message ("系统显示不符合
  // 价保条件") or a third party's ("集运公司说要入仓照片") is no answer of the seller's at all.
  const other = log ? null : otherSpeaker(text);
  if (other) facts.speaker = other;
  const heard = out.sellerReply ?? out.readings?.sellerReply.value ?? null;
  // The platform's answer in so many words ("淘宝客服也说不给退") is read below as the platform's.
  if (other && heard !== null && !heard.startsWith('platform_') && !(other.kind === 'platform' && platformSpeaks(text))) {
    // The platform's words read as a seller's answer ("官方客服介入了…说赔偿要你自己跟商家谈") go on the record as its words.
    if (other.kind === 'platform' && turn.state.active) keepSaid(turn, turn.state.active, facts);
    return { e: { ...out, sellerReply: null, sellerQuote: null, promise: null }, held: null, facts };
  }
  // Once the platform is involved, a time it gives ("京东客服说2个工作日内给结果") is its own timer, not the seller's promise.
  // Before that too when the platform speaks of the merchant as someone else ("平台说商家不回，让我等两天"):
  // a platform that may also be the shop (京东自营) is the seller otherwise.
  const involvedCase = turn.state.active?.phase === 'following' && turn.state.active.rung !== 'seller';
  const platformTime = out.platformTimer ?? out.promise ?? (!log && platformSpeaks(text) ? platformDeadline(text, turn.now, turn.tz) : null);
  const platformActs = involvedCase || (turn.state.active?.phase === 'following' && MERCHANT_NAMED.test(text));
  if (!log && platformActs && platformTime && platformSpeaks(text) && (out.sellerReply === null || out.sellerReply === 'stalls' || out.sellerReply === 'platform_handling')) {
    return { e: { ...out, sellerReply: 'platform_handling', platformTimer: platformTime, promise: null, intent: null }, held: null, facts };
  }
  if (facts.applied && (out.sellerReply === null || out.sellerReply === 'platform_handling')) {
    // "京东说48小时内联系我" beside the application is the platform's timer, not a seller promise.
    const platformTimer = out.platformTimer ?? out.promise ?? (platformSpeaks(text) ? platformDeadline(text, turn.now, turn.tz) : null);
    return { e: { ...out, sellerReply: 'platform_handling', platformTimer, promise: null, intent: null }, held: null, facts };
  }
  if (facts.courier && (out.sellerReply === null || out.sellerReply === 'stalls' || out.sellerReply === 'refuses')) {
    return { e: { ...out, sellerReply: 'refuses' }, held: null, facts };
  }
  // "不退，再烦就拉黑你": a threat to block is an answer said, not silence.
  if (!log && out.sellerReply === 'no_response' && cutOff(text).threat) return { e: { ...out, sellerReply: 'refuses' }, held: null, facts };
  const reported = out.sellerReply ?? out.readings?.sellerReply.value ?? null;
  // Ruled for the buyer and sent back: "卖家不点收货，也没退款" is the seller not carrying the ruling out (laterSellerAnswer).
  if (!log && active?.phase === 'following' && returnedAfterRuling(active.timeline) && SELLER_IDLE.test(normalize(text)) && !out.sellerReply?.startsWith('platform_')) {
    return { e: { ...out, sellerReply: 'no_response', intent: null, resolved: false }, held: null, facts };
  }
  // A case's first message that says nothing of an answer ("卖家是个人，说九成新"): silence only the
  // classifier read into it is no reply reported, and no menu asks to confirm it.
  if (!log && (!active || active.phase === 'collecting') && out.sellerReply === 'no_response' && !out.evidence.sellerReply?.span && !ANSWER_WORDS.test(normalize(text))) {
    return { e: { ...out, sellerReply: null }, held: null, facts };
  }
  // Blocked after saying no ("说不退，还把我拉黑了"): a refusal and the blocking, both on the record (recordReply).
  if (!log && facts.blocked && out.sellerReply === 'refuses') return { e: out, held: null, facts };
  if (!log && facts.blocked && !RULINGS.has(reported) && reported !== 'platform_handling') {
    return { e: { ...out, sellerReply: 'no_response' }, held: null, facts };
  }
  // A shop gone ("关门了，电话也关机") answers nothing more; a refusal or promise it gave still stands.
  if (!log && (reported === null || reported === 'no_response') && facts.gone) {
    return { e: { ...out, sellerReply: 'no_response' }, held: null, facts };
  }
  // "美团客服给我退了20，剩下的商家不同意": the platform's own service paid part and the rest is
  // refused — a ruling for the buyer in part, with its sum, not the seller's refusal.
  const platformPaid = log || !text.includes('退了') ? null : PLATFORM_REFUNDED.exec(normalize(text));
  const paidBefore = turn.state.active?.slots.amountPaid ?? null;
  if (platformPaid && (REST_REFUSED.test(text) || (paidBefore !== null && Number(platformPaid[1]) < paidBefore))) {
    facts.sum = Number(platformPaid[1]);
    facts.partRuling = true;
    return { e: { ...out, sellerReply: 'platform_for_buyer' }, held: null, facts };
  }
  // Once the platform is involved, "平台裁定只退80" read as an offer of less is the platform's ruling of part.
  const a = turn.state.active;
  const involved = a?.phase === 'following' && a.rung !== 'seller';
  const partRuled = RULINGS.has(reported) || (involved && reported === 'counter_offer' && RULING_WORD.test(text));
  // "判定退款59.9，赔偿不支持": the refund ruled and the claim not is part of what was asked, too.
  if (!log && partRuled && (onlyPart(text) || refundNotClaim(turn, text))) {
    // "平台判了，只给退100": the platform ruled for the buyer in part, with its sum ("only refunded 60"
    // read as a refund names it too); the rest is still disputed. Without a sum, what it gave is
    // unknown: a ruling not in the buyer's favour.
    facts.sum ??= out.amountRefunded;
    if (facts.sum !== null) {
      facts.partRuling = true;
      return { e: { ...out, sellerReply: 'platform_for_buyer' }, held: null, facts };
    }
    return { e: { ...out, sellerReply: 'platform_for_seller' }, held: null, facts };
  }
  // Once the platform is involved, the platform saying no is its ruling, not the seller's refusal.
  if (!log && involved && reported === 'refuses' && platformSpeaks(text)) {
    return { e: { ...out, sellerReply: 'platform_for_seller' }, held: null, facts };
  }
  // "拼多多说过了售后期不能退" before any intervention, with no speaker the reader knows: the platform's own
  // answer is its refusal (the letters say the platform answered, never that it ruled).
  if (!log && !involved && (out.sellerReply === null || out.sellerReply === 'platform_handling') && !platformTime && platformSpeaks(text) && PLATFORM_NO.test(text)) {
    facts.platformAnswer = true;
    return { e: { ...out, sellerReply: 'platform_for_seller' }, held: null, facts };
  }
  // "得物判了，说…不支持退货": once the platform is involved, a ruling word with a reading of a ruling
  // against the buyer, or of a refusal, is that ruling (the platform's name may be one the reader does not know).
  if (!log && involved && (reported === 'platform_for_seller' || reported === 'refuses') && RULING_WORD.test(text)) {
    return { e: { ...out, sellerReply: 'platform_for_seller' }, held: null, facts };
  }
  // "退款再加红包，条件是撤销投诉": money through the platform tied to a condition is a counter-offer,
  // not a private transfer — unless the message names a way off the platform.
  if (!log && reported === 'private_deal' && facts.withdraw && !facts.offPlatform && OFFER.test(text)) {
    return { e: { ...out, sellerReply: 'counter_offer' }, held: null, facts };
  }
  // "私下转我300块", "微信退我两百": the sum of a transfer offered off the platform, for the letters.
  if (!log && reported === 'private_deal' && facts.sum === null) {
    const m = PRIVATE_SUM.exec(normalize(text));
    facts.sum = m ? parseNumber(m[1]!) : null;
  }
  // "$8 back if I keep it and leave a 5-star review": a sum offered on conditions is a counter-offer
  // with its terms; without the words 确认收货 / confirm receipt no one asked the buyer to confirm receipt.
  const conditional = log ? null : conditionalOffer(text);
  if (conditional && (reported === 'confirm_first' || reported === 'counter_offer' || reported === 'agrees' || (reported === null && speakerNamed(text)))) {
    // With what the sum is and what the seller said no to, when the words give them.
    const terms = offerTerms(text, active?.slots.wants ?? null);
    facts.offer = terms?.conditions.length && !terms.paid ? terms : conditional;
    return { e: { ...out, sellerReply: 'counter_offer' }, held: null, facts };
  }
  // What an offer of less holds (the sum, what it is, what was said no to, its conditions, a part
  // already refunded): the letters name it. Read for a refusal too: the buyer may call it an offer.
  const terms = !log && !facts.withdraw && (reported === 'counter_offer' || reported === 'refuses') ? offerTerms(text, active?.slots.wants ?? null) : null;
  if (terms) facts.offer = terms;
  // "退了12块，其余不退": a part paid and the rest refused is less than asked, not a refusal of everything.
  // So is "不支持退货，可以补偿75元": a no to the wish with a sum offered in its place.
  if ((terms?.paid || (terms?.declined && terms.give === 'comp')) && reported === 'refuses') return { e: { ...out, sellerReply: 'counter_offer' }, held: null, facts };
  if (!log && reported === 'confirm_first' && !asksToConfirmReceipt(text) && asksGoodReview(text)) facts.reviewFirst = true;
  else if (!log && reported === 'confirm_first' && REFUND_ON_CONFIRM.test(normalize(text))) facts.refundOnConfirm = true;
  // "这款断货了，钱原路退您": the seller will not send the goods, whatever the refund sounds like — not an
  // agreement unless a refund is all the buyer asked.
  if (!log && reported === 'agrees' && NO_STOCK.test(text) && active?.slots.wants !== 'refund') {
    return { e: { ...out, sellerReply: 'refuses' }, held: null, facts };
  }
  // "只能退货退款" against a claim: less than asked is a counter-offer, whatever the reading said.
  // A coupon in place of the money asked ("过了价保，送你一张券") is less than asked, too.
  const coupon = log || !speakerNamed(text) ? null : couponOffer(text);
  const less = !log && (reported === null || reported === 'refuses' || reported === 'agrees' || reported === 'counter_offer')
    && (offersLess(text) || coupon !== null || refundWithoutClaim(turn, text));
  if (less) {
    // What was offered goes with the seller's reason into the record (the reason stops at a comma).
    if (coupon && !(facts.reason ?? '').includes(coupon)) facts.reason = facts.reason ? `${facts.reason}，${coupon}` : coupon;
    return { e: { ...out, sellerReply: 'counter_offer' }, held: null, facts };
  }
  // "卖家同意补偿200" of the 300 the buyer asked: agreeing to less than asked is an offer the buyer may take or
  // not — unless the same words say they took it ("能赔150，我同意了": an agreement at that sum, sellerAgreed).
  const askedBack = active?.compensationAmount ?? null;
  // Nor when the sum is the buyer's own counter the seller said yes to ("我还价150 他同意了"): the buyer lowered the ask.
  if (!log && reported === 'agrees' && facts.sum && askedBack !== null && facts.sum < askedBack && !BUYER_TOOK.test(text) && counterAgreed(text) !== facts.sum) {
    const give = active?.slots.wants === 'compensation' ? 'comp' : 'refund';
    facts.offer = offerTerms(text, active?.slots.wants ?? null) ?? { amount: facts.sum, currency: active?.slots.currency ?? 'CNY', conditions: [], give };
    return { e: { ...out, sellerReply: 'counter_offer' }, held: null, facts };
  }
  // "没有开箱视频就不给换" from a buyer who has none: evidence that cannot be supplied is a refusal in effect.
  const condition = !log && (reported === 'needs_evidence' || reported === 'refuses') ? missingEvidenceCondition(text) : null;
  if (condition) {
    // Its reason is the condition, in the buyer's words (never a quote).
    facts.reason = condition;
    // Without the video the seller wants, what can stand in for it is answered beside the refusal.
    const intent = out.intent ?? (/视频|录像|video/.test(condition + text) ? 'ask_no_unboxing_video' : null);
    return { e: { ...out, sellerReply: 'refuses', intent }, held: null, facts };
  }
  // "没有开箱视频就不退", "冇開箱片就唔退" (trial 8 s08): the seller wants an unboxing video. Whether or
  // not it counts as a refusal, the buyer hears what stands in for one (the knowledge answer beside it).
  if (!log && !out.intent && (reported === 'needs_evidence' || reported === 'refuses') && UNBOXING_ASKED.test(toWrittenChinese(toSimplified(text)))) {
    out.intent = 'ask_no_unboxing_video';
  }
  // "不支持无理由，您先去官方售后检测，拿到报告后再评估": an answer put off until an inspection or a check is
  // done is not a refusal: with an inspection asked it is a service point, otherwise a stall (with its words).
  if (!log && reported === 'refuses' && DEFERRED.test(normalize(text))) {
    if (SERVICE_POINT.test(text) && INSPECTS.test(text)) {
      facts.servicePoint = true;
      return { e: { ...out, sellerReply: 'needs_evidence' }, held: null, facts };
    }
    return { e: { ...out, sellerReply: 'stalls' }, held: null, facts };
  }
  // "叫我拿去售后网点检测一下": the buyer is sent to a service point, not asked to post the goods
  // back: no return, no tracking number. What it asks for is an inspection result, evidence.
  if (!log && reported === 'return_for_inspection' && SERVICE_POINT.test(text)) {
    facts.servicePoint = true;
    return { e: { ...out, sellerReply: 'needs_evidence' }, held: null, facts };
  }
  // "先寄回来，收到货后3天内给你发新的": the goods back first for what the seller then does (an exchange,
  // a refund), with nothing said of checking them: the seller agreed to a return, not to an inspection.
  if (!log && reported === 'return_for_inspection' && ONCE_BACK.test(text) && !INSPECTS.test(text)) {
    facts.returnFirst = true;
    return { e: { ...out, sellerReply: 'agrees' }, held: null, facts };
  }
  // "同意换，叫我先寄回去", "要我寄返去先，收到再寄新嘅": agreed, with the goods back first — a
  // return to post, never a new one sent before it.
  const written = toWrittenChinese(toSimplified(text));
  if (!log && reported === 'agrees' && BACK_FIRST.test(written) && !NEW_FIRST.test(written)) facts.returnFirst = true;
  // Not a report at all: a draft asked for by name, or the buyer's own wish to send it back.
  const command = out.intent?.startsWith('want_') && out.sellerReply === null;
  const ownWish = reported === 'return_for_inspection' && out.wants !== null && !speakerNamed(text);
  const read = command || ownWish
    ? null
    : out.sellerReply
    ? { value: out.sellerReply, confidence: out.evidence.sellerReply?.confidence ?? 1, alternative: out.evidence.sellerReply?.alternative ?? null }
    : out.readings?.sellerReply.value && !out.promise && !out.intent?.startsWith('ask_')
      ? { value: out.readings.sellerReply.value, confidence: out.readings.sellerReply.confidence, alternative: out.readings.sellerReply.second.value }
      : null;
  // "我有照片，没拍开箱视频": the buyer's own evidence told with no one else in it is not the seller asking for evidence.
  if (!log && read?.value === 'needs_evidence' && !reportsOtherSide(text, facts)) return { e: { ...out, sellerReply: null, sellerQuote: null }, held: null, facts };
  // A pasted log's line is the seller's own words, read as said: acted on and said back with the rest of
  // the log (the buyer corrects it there), not held for a menu.
  if (read && (read.confidence >= ACT_CONFIDENCE || (log && read.confidence >= CONFIRM_CONFIDENCE))) return { e: out, held: null, facts };
  // "还是没消息" answers the bot's nudge (steps.ts): a middling "stalls" reading of it adds nothing to confirm;
  // nor beside a promise, which is that wait with its deadline (and is acted on as the promise).
  // A middling "agrees" beside a promise is the promise too: the deadline is what the case waits
  // for, and a second menu on the same words adds nothing (trial 5).
  const waitedOn = (out.intent === 'not_yet' && (reported === 'stalls' || reported === 'no_response'))
    || (out.promise !== null && (reported === 'stalls' || reported === 'agrees'));
  // A middling reading of a message that reports no one else at all ("I just want them to resend it",
  // "我有照片，没拍开箱视频") is the buyer's own words: nothing to confirm as the seller's answer (trial 8 s07, s08).
  const reading = waitedOn || (!log && !reportsOtherSide(text, facts)) ? null : read;
  out.sellerReply = null;
  out.sellerQuote = null;
  // A time given beside a reply held for the buyer's answer waits with it (replyConfirmed, keepHeldReply).
  const promise = out.promise ?? out.platformTimer;
  if (promise && reading) facts.promise = promise;
  if (!reading || reading.confidence < CONFIRM_CONFIDENCE) {
    // The buyer quoted the seller and the words cannot be read: ask what they amount to.
    const quoted = facts.quote !== null && !out.promise && !out.intent?.startsWith('ask_');
    return { e: out, held: quoted ? { reply: null, alternative: null, facts } : null, facts };
  }
  const alternative = (SELLER_REPLIES as readonly string[]).includes(reading.alternative ?? '') && reading.alternative !== reading.value
    ? (reading.alternative as SellerReply)
    : null;
  return { e: out, held: { reply: reading.value, alternative, facts }, facts };
}

/**
 * "卖家是拒绝了吗？" with the reading, its runner-up and "neither" as buttons — not a blocking
 * question: while the three elements are still asked for, it goes before the question, which
 * stays the one a typed answer goes to.
 */
export function confirmReply(turn: Turn, held: HeldReply): void {
  const values = held.reply ? [held.reply, ...(held.alternative ? [held.alternative] : [])] : ASK_REPLIES;
  const options: Option[] = values.map((value) => ({ value, label: turn.t(`reply.${value}`) }));
  options.push({ value: 'other', label: turn.t('reply.other') });
  const key = held.reply ? 'confirm.reply' : 'confirm.replyAsk';
  const message = { kind: 'info' as const, key, choiceSlot: 'confirmReply' as const, text: turn.t(key, { reply: held.reply ? turn.t(`reply.${held.reply}`) : '' }), options };
  const last = turn.out.at(-1);
  const pending = turn.state.pending;
  if (last?.kind === 'question' && pending) {
    // The question stays pending; the held reading (with the buyer's quote) waits beside it.
    turn.out.splice(turn.out.length - 1, 0, message);
    pending.held = JSON.stringify({ reply: held.reply, alternative: held.alternative, facts: held.facts });
    return;
  }
  // When it was told: kept as the buyer reported it, at that time, should the buyer move on (keepHeldReply).
  turn.pend('confirmReply', JSON.stringify({ reply: held.reply, alternative: held.alternative, facts: held.facts, told: turn.nowIso }), options);
  turn.push(message);
}

/** "我同意了", "我答应了", "我跟店家说可以了", "I accepted": the buyer says they took what the seller agreed to or offered. */
export const BUYER_TOOK = /我(?:也|就)?(?:同意|答应|接受)了|我(?:已经)?(?:跟|和|对|给)(?:卖家|商家|客服|店家|老板|对方|他们?|她)(?:说|讲|回复?)了?(?:我)?(?:同意|答应|接受|可以|行)|\bI (?:accepted|agreed|said yes)\b|\bI told (?:them|the seller|the shop|him|her) (?:I )?(?:accept|agree|it'?s fine|ok)/iu;

/** "不接受", "接受不了", "I don't accept it": the buyer turns down what the seller offered. */
/** The buyer takes what was offered in the same message: "修也行", "那就换吧", "repair is fine", "ok with that". */
const TOOK_OFFER = /(?:修|换|換|退|补发|這樣|这样)?也(?:行|可以|好)|可以接受|那就(?:修|换|換|退|这样)|\b(?:(?:repair|exchange|refund|replacement|that|it|this)(?: is|'s) (?:fine|ok(?:ay)?|acceptable)|fine (?:by|with) me|works for me|i'?ll take (?:it|that)|i accept(?:ed)?|(?:i'?m|i am) ok(?:ay)? with)\b/iu;
/** The remedy someone offered, by its verb after a word of offering ("可以免费给我修", "will repair it", "offered an exchange"). */
const OFFERED_REMEDY: readonly (readonly [Wants, RegExp])[] = [
  ['repair', /(?:可以|能|会|會|愿意|答应|同意)(?:免费|免費)?(?:给我|幫我|帮我|给你|帮你)?(?:修|维修|維修)|\b(?:will|would|can|could|offer(?:ed|s)? to)\s(?:\w+\s)?(?:repair|fix)|\boffer(?:ed|s)? (?:a |to do a )?(?:free )?repair/iu],
  ['exchange', /(?:可以|能|会|會|愿意|答应|同意)(?:给我|帮我|给你|帮你)?(?:换|換)(?:货|新|一)|\b(?:will|would|can|could|offer(?:ed|s)? to)\s(?:\w+\s)?(?:exchange|replace)|\boffer(?:ed|s)? (?:an? )?(?:exchange|replacement)/iu],
];
function offeredRemedy(text: string): Wants | null {
  return OFFERED_REMEDY.find(([, re]) => re.test(text))?.[0] ?? null;
}

export const REJECTS_OFFER = /(?:不|没法|无法|不能)接受|接受不了|不认这个|(?:don'?t|do not|won'?t|will not|can'?t|cannot) accept|not accept(?:ing)?|\breject(?:ing)? (?:it|that|the offer)/iu;

/**
 * The buyer's answer to "卖家是拒绝了吗？": the chosen reply goes on the record and is acted on.
 * An answer that turns the seller's offer down ("不接受") is no "neither": the seller did answer
 * (trial 6 s05), so the reply stays on the record — a counter-offer when the reading or its
 * runner-up was one, or the reading was a refusal or an agreement (there was an offer to turn down),
 * else the reading offered (a demand the buyer will not meet) — refused, and
 * the case moves on to the platform.
 */
export function replyConfirmed(turn: Turn, c: OpenCase, value: string, held: string | null, rejectsOffer = false): void {
  let facts = NO_REPORT;
  let reading: { reply?: string | null; alternative?: string | null } = {};
  try {
    reading = JSON.parse(held ?? '{}') as typeof reading;
    facts = { ...NO_REPORT, ...(reading as { facts?: ReportFacts }).facts };
  } catch {
    // An unreadable held value: the reply is still recorded, without a quote or a day.
  }
  if (rejectsOffer) {
    const offered = [reading.reply, reading.alternative];
    value = !reading.reply || reading.reply === 'refuses' || offered.some((r) => r === 'counter_offer' || r === 'agrees') ? 'counter_offer' : reading.reply;
    turn.report = facts;
    const e: Extraction = { ...emptyExtraction(), sellerReply: value as SellerReply, sellerQuote: facts.quote };
    if (c.phase === 'following' && value !== 'counter_offer') {
      actOnReply(turn, c, e);
      return;
    }
    recordReply(turn, c, e);
    if (c.phase === 'following') return toPlatform(turn, c);
    turn.info('confirm.replyNoted');
    return;
  }
  if (!(SELLER_REPLIES as readonly string[]).includes(value)) {
    turn.info('confirm.replyOther');
    return;
  }
  turn.report = facts;
  // The time said with it: the platform's timer once the platform is the one handling it, else the seller's
  // promise (a time from an event still to come is never a timer run from now).
  const timer = value === 'platform_handling' && !facts.promise?.after;
  const e: Extraction = {
    ...emptyExtraction(), sellerReply: value as SellerReply, sellerQuote: facts.quote,
    promise: timer || value === 'platform_handling' ? null : facts.promise ?? null, platformTimer: timer ? facts.promise ?? null : null,
  };
  if (c.phase === 'following') {
    actOnReply(turn, c, e);
    return;
  }
  recordReply(turn, c, e);
  if (!warnPitfall(turn, e)) turn.info('confirm.replyNoted');
}

/** The day of the answer reported (facts held before answeredAt was kept: the day told with it). */
function answerDay(f: Partial<ReportFacts>): string | null {
  return f.answeredAt !== undefined ? f.answeredAt : f.happenedAt ?? null;
}

/** Words reported and left unread, on the record as told: another's (the platform's) with their speaker, never the seller's. */
function keepSaid(turn: Turn, c: OpenCase, facts: Partial<ReportFacts>): void {
  const quote = facts.quote ?? null;
  const reason = facts.reason ?? null;
  if (!quote && !reason) return;
  const by = facts.speaker ?? null;
  record(turn, c, 'seller_said', { quote, reason: quote ? null : reason, happenedAt: answerDay(facts), ...(by ? { by: by.name, note: by.kind } : {}) });
}

/**
 * The seller's answer held for the buyer to confirm, and the buyer moved on without answering: the
 * words stay on the record as the buyer reported them (their quote, else the reason in their own
 * words), dated when told, with no reading of what they amount to (trial 7 s09). Words with neither
 * leave nothing to state.
 */
export function keepHeldReply(turn: Turn, c: OpenCase, held: string | null): void {
  let kept: { facts?: Partial<ReportFacts>; told?: string } = {};
  try {
    kept = JSON.parse(held ?? '{}') as typeof kept;
  } catch {
    return;
  }
  const quote = kept.facts?.quote ?? null;
  // A time from an event still to come said with it ("检测后2个工作日给结论") is part of what was said.
  const after = kept.facts?.promise?.after ?? null;
  const said = kept.facts?.reason ?? null;
  const reason = after && !(said ?? '').includes(after) ? (said ? `${said}，${after}` : after) : said;
  if (!quote && !reason) return;
  turn.closeMenus('confirmReply');
  keepSaid(turn, c, { ...kept.facts, quote, reason });
  const entry = c.timeline.at(-1);
  if (entry && kept.told) entry.at = kept.told;
}

/** The sum the buyer asks: the one named, else the price with a statutory claim's extra (退一赔十), else the price paid. */
export function askedTotal(c: OpenCase): number | null {
  if (c.compensationAmount !== null) return c.compensationAmount;
  const claim = statutoryClaim({
    problem: c.slots.problem, wants: c.slots.wants, food: c.food, privateSeller: isPrivateSeller(c.slots),
    price: c.slots.amountPaid, loss: c.slots.lossAmount ?? null, asked: c.claimAsked ?? null,
  });
  return claim?.price != null && claim.extra !== null ? Math.round((claim.price + claim.extra) * 100) / 100 : c.slots.amountPaid;
}

/** Put what the seller / platform did on the timeline (the quote only when the buyer quoted). */
export function recordReply(turn: Turn, c: OpenCase, e: Extraction): void {
  if (!e.sellerReply) return;
  const f = turn.report;
  // A ruling of less than the sum asked is part of it, said so or not ("平台判退200" of 568 asked).
  const asked = askedTotal(c);
  if (e.sellerReply === 'platform_for_buyer' && f.sum && asked !== null && f.sum < asked) f.partRuling = true;
  if (f.applied && e.sellerReply === 'platform_handling') {
    // The buyer applied: their own step, on the day they said; a time the platform gave is the platform at work.
    if (!c.timeline.some((x) => x.type === 'platform_requested')) record(turn, c, 'platform_requested', { note: 'buyer', happenedAt: f.happenedAt });
    if (e.platformTimer) record(turn, c, 'platform_handling', { quote: e.sellerQuote ?? f.quote });
    return;
  }
  // The platform handles only what the buyer applied for: the application goes first on the record.
  if (e.sellerReply === 'platform_handling' && !c.timeline.some((x) => x.type === 'platform_requested')) {
    record(turn, c, 'platform_requested', { note: 'buyer', happenedAt: f.happenedAt });
  }
  // The note carries `blames_courier` (the letters read it for 电子商务法 第二十条), after an
  // offer's condition when the same message gave one ("补偿你20，但要先撤销投诉"), or `blocked`
  // (the seller cut the buyer off: no answer can come).
  const quote = e.sellerQuote ?? f.quote;
  const blocked = f.blocked && (e.sellerReply === 'no_response' || e.sellerReply === 'refuses');
  // Only beside a courier blamed (trial 7 s03, s12): elsewhere the offer's words stand as they were read.
  // Beside a part refunded, the reason the rest is refused ("说已经放了") is said with it.
  // Beside a sum offered, the reason given for offering only that ("说是我家线路的问题，最多补偿50") is kept too (trial 15 F21).
  const because = e.sellerReply === 'counter_offer' && !quote && ((!f.offer && f.courier) || f.offer?.paid || (f.offer && !f.offer.conditions.length)) ? f.because ?? null : null;
  const faultPostage = c.slots.problem !== null && SELLER_FAULT.has(c.slots.problem);
  const gone = f.gone && e.sellerReply === 'no_response';
  const note = f.courier ? `${replyNote(e.sellerReply, f)} blames_courier`.trim() : blocked ? 'blocked' : gone ? 'gone' : replyNote(e.sellerReply, f, faultPostage);
  record(turn, c, TIMELINE[e.sellerReply], {
    quote,
    // A refusal's reason in the buyer's words, only when the seller's own words were not quoted.
    // A counter-offer's terms and reasons likewise ("说价保已经过了，给我一张10元券").
    // A ruling against the buyer keeps the platform's reason the same way.
    // Beside an offer, the reason the seller gave is its own field: the offer is the reason field (trial 7 s03).
    // A stall's excuse ("这回说在调货，叫我再等等") is the seller's position too.
    reason: (e.sellerReply === 'refuses' || e.sellerReply === 'counter_offer' || e.sellerReply === 'platform_for_seller' || e.sellerReply === 'stalls' || f.partRuling) && !quote ? (because ? f.offered ?? null : f.reason ?? null) : null,
    because,
    // "昨天说24小时内回复，到现在没动静": the day is the promise's; the silence is as of now.
    happenedAt: e.promise && e.sellerReply === 'no_response' ? null : answerDay(f),
    note,
  });
}

/** A refund promised once receipt is confirmed: "确认了马上给你退款", "确认收货后就退钱", "点了确认就给你处理退款". */
const REFUND_ON_CONFIRM = /确认[^，,。；;！!？?]{0,8}?(?:后|了|之后|以后)?[^，,。；;！!？?]{0,6}?(?:就|马上|立刻|立马|再|才|会)[^，,。；;！!？?]{0,6}?(?:退款|退钱|退给你|给你退|返款|处理退款)/u;

/**
 * What a reply's record notes beyond its code: the kind of off-platform proposal (a contact is not
 * a transfer), or a condition on the buyer's complaint.
 */
function replyNote(reply: SellerReply, f: ReportFacts, faultPostage = false): string {
  // A transfer offered with its sum and a condition on the complaint ("私下给你400，把申请撤了"): both kept for the letters.
  if (reply === 'private_deal') {
    if (f.offPlatform !== 'transfer') return f.offPlatform ?? '';
    return ['transfer', f.sum !== null && `sum:${f.sum}`, f.withdraw && `withdraw ${f.withdrawWhat ?? 'either'}`].filter(Boolean).join(' ');
  }
  if (reply === 'counter_offer' && f.offer) return offerNote(f.offer);
  // "先给个好评再退": a good review asked first, not a confirmation of receipt.
  if (reply === 'confirm_first' && f.reviewFirst) return 'review';
  // "确认了马上给你退款": the refund promised for it, which the letters hold the seller to once the buyer confirmed.
  if (reply === 'confirm_first' && f.refundOnConfirm) return 'then_refund';
  if (reply === 'counter_offer' && f.withdraw) return f.withdrawWhat ? `withdraw ${f.withdrawWhat}` : 'withdraw';
  if (reply === 'needs_evidence' && f.servicePoint) return 'service_point';
  // "同意退我200块": the letters say what was agreed, with its sum; a ruling likewise what it awarded.
  // A ruling of less than asked ("只给退100") is marked ' part': the letters say it fell short.
  if (reply === 'platform_for_seller' && f.platformAnswer) return 'answer';
  if (reply === 'platform_for_buyer') return rulingNote(f);
  if (reply === 'agrees' && f.sum) return `sum:${f.sum}`;
  // "先寄回来，运费你自己出": the terms of an agreed return, for the letters (postage only where the fault is the seller's).
  if (reply === 'agrees') return [f.returnFirst ? 'return_first' : '', f.buyerPostage && faultPostage ? 'buyer_postage' : ''].filter(Boolean).join(' ');
  return '';
}

/** A ruling for the buyer's note: `sum:N[ part]`, then what it granted and left out (`remedy:a,b denied:x,y`). */
function rulingNote(f: ReportFacts): string {
  const r = f.ruling;
  return [
    f.sum ? `sum:${f.sum}${f.partRuling ? ' part' : ''}` : '',
    // The sum goes with its grant when money is not all that was granted ("补发，另外补偿200").
    // A plain refund is what `sum:` already says.
    r?.remedies.length && r.remedies.join() !== 'refund' ? `remedy:${r.remedies.map((x) => (!f.sum && r.sum && x === r.moneyRemedy ? `${x}=${r.sum}` : x)).join(',')}` : '',
    r?.denied.length ? `denied:${r.denied.join(',')}` : '',
  ].filter(Boolean).join(' ');
}

/**
 * The shop's answers in a pasted log, each on the record with the log's own time (the latest is
 * recorded and acted on as the message's report). A stall that names a time is the promise.
 */
export function recordLogAnswers(turn: Turn, c: OpenCase, answers: readonly LogAnswer[]): void {
  for (const a of answers) {
    const happenedAt = logInstant(a.at, turn.now, turn.tz);
    const type: TimelineType | null = a.promise && (!a.reply || a.reply === 'stalls') ? 'seller_promise' : a.reply ? TIMELINE[a.reply] : null;
    if (type !== 'seller_promise' || !a.promise) {
      if (type) record(turn, c, type, { quote: a.quote, happenedAt, note: a.blamesCourier ? 'blames_courier' : '' });
      continue;
    }
    // A time limit the log dates runs from its line: the deadline goes on the record (the case and the
    // letters see whether it passed); one running from an event still to come stays in the seller's words.
    const from = happenedAt && happenedAt.length > 10 && !a.promise.after ? new Date(happenedAt) : null;
    const deadline = from && (a.promise.workingDays ? addWorkingDays(from, a.promise.workingDays, turn.tz).at : addHours(from, a.promise.hours));
    const note = [a.promise.after ? 'after' : a.promise.act ?? '', a.promise.workingDays ? 'workdays' : ''].filter(Boolean).join(' ');
    record(turn, c, type, { quote: a.quote, happenedAt, note, ...(a.promise.after ? { reason: a.promise.after } : {}), ...(deadline ? { deadline: isoInstant(deadline) } : {}) });
  }
}

/**
 * A log's "YYYY-MM-DDTHH:mm" (local) as an instant, or its day as it is; null without one,
 * or for a time after `now` (a log cannot report the future: the date was misread).
 */
export function logInstant(at: string | null, now: Date, tz: string): string | null {
  if (!at) return null;
  if (at.length === 10) return at <= localDay(now, tz) ? at : null;
  const instant = localInstant(at.slice(0, 10), `${at.slice(11)}:00`, tz);
  return instant.getTime() <= now.getTime() ? isoInstant(instant) : null;
}

/**
 * A private deal or "confirm receipt first": the knowledge base's warning, at any phase. A seller
 * who asked only for a good review hears the warning about that, not about confirming receipt.
 */
export function warnPitfall(turn: Turn, e: Extraction): boolean {
  const found = e.sellerReply ? pitfallForReply(e.sellerReply) : null;
  const pitfall = found === 'confirm_receipt_first' && turn.report.reviewFirst ? 'review_first' : found;
  if (!pitfall) return false;
  turn.push({ kind: 'info', key: `pitfall.${pitfall}`, text: `⚠️ ${pitfallText(pitfall, turn.loc)}` });
  return true;
}

/**
 * A seller promise ("卖家说24小时内给我答复", "3个工作日内处理"): a reminder at the deadline,
 * which replaces the one for the draft's own deadline. Returns the confirmation lines.
 */
export function notePromise(turn: Turn, c: OpenCase, e: Extraction): string[] {
  return promiseFacts(turn, c, e)?.lines ?? afterLines(turn, c, e);
}

/** A time that runs from an event still to come, as the seller put it: recorded in their words, with no date. */
function afterLines(turn: Turn, c: OpenCase, e: Extraction): string[] {
  if (!e.promise?.after) return [];
  const checkin = c.reminders.find((r) => r.reason === 'event_checkin');
  const ask = checkin ? [turn.t('promise.afterCheckin', { day: formatDay(localDay(new Date(checkin.dueAt), turn.tz), turn.loc) })] : [];
  return [turn.t('promise.after', { words: e.promise.after }), ...ask];
}

/**
 * The promise's deadline, counted from the day the seller gave it: "客服昨天说24小时内处理"
 * runs from yesterday, not from now (the hour of yesterday is unknown, so the time is marked
 * approximate). A promise already past is said so, and no reminder is set for it.
 */
function promiseFacts(turn: Turn, c: OpenCase, e: Extraction, note = ''): { lines: string[]; passed: boolean; deadline: string } | null {
  if (!e.promise) return null;
  const saidOn = turn.report.happenedAt;
  if (e.promise.after) {
    // "检测后2个工作日给结论": the clock starts with an event still to come. No date is fixed, no
    // deadline reminder set: the letters say it as the seller did ('after', the words as its reason).
    record(turn, c, 'seller_promise', { quote: e.sellerQuote ?? turn.report.quote, reason: e.promise.after, happenedAt: saidOn, note: 'after' });
    // Not forgotten either: a check-in asks whether the event happened and what came of it, once the
    // seller's own time could have run from it (see EVENT_LEAD_WORKING_DAYS). It is no deadline.
    const own = e.promise.workingDays ? addWorkingDays(turn.now, e.promise.workingDays, turn.tz).at : addHours(turn.now, e.promise.hours);
    const checkin = addWorkingDays(own, EVENT_LEAD_WORKING_DAYS, turn.tz);
    // The seller answered: the reply time our letter asked for no longer runs.
    turn.cancelReminder(c, 'reply_deadline');
    turn.setReminder(c, 'event_checkin', checkin.at, checkin.approx);
    return null;
  }
  const saidAt = saidOn && saidOn.length > 10 ? new Date(saidOn) : null;
  const { at: deadline, approx } = promiseDeadline(turn, e.promise);
  // `note` 'ship' / 'repair': the seller agreed and promised to send the goods (new, or repaired) by then
  // (the nudge asks whether they came); ' approx' after it: the seller's time was a rough one;
  // 'refund' / 'reply': money back, or an answer, by then (the nudge asks whether it came);
  // 'workdays' (after the kind): the time was said in working days ("3个工作日内"), so days off are not counted ("放假也算吗").
  // Without a note of the caller's, what the words said was promised ('refund', 'reply', 'ship', 'pickup').
  const counted = [note || e.promise.act || '', e.promise.workingDays ? 'workdays' : ''].filter(Boolean).join(' ');
  // The seller's words the buyer quoted with the promise go with it, so the letters can quote them too (trial 7 s01).
  record(turn, c, 'seller_promise', { quote: e.sellerQuote ?? turn.report.quote, happenedAt: saidOn, note: counted, deadline: isoInstant(deadline) });
  const when = formatDateTime(deadline, turn.tz, turn.loc);
  if (deadline.getTime() <= turn.now.getTime()) {
    turn.cancelReminder(c, 'seller_promise');
    // A date already gone when told ("卖家说11月28号前寄出", told on 12-01): the day it was said is unknown.
    const line = saidOn ? turn.t('promise.passed', { day: saidDay(turn, saidOn), deadline: when }) : turn.t('promise.passedDate', { deadline: when });
    return { lines: [line], passed: true, deadline: when };
  }
  turn.cancelReminder(c, 'reply_deadline');
  const reminder = turn.setReminder(c, 'seller_promise', deadline, approx);
  const lines = [turn.t('promise.set', { deadline: when })];
  if (saidAt) lines.push(turn.t('promise.fromLog', { at: formatDateTime(saidAt, turn.tz, turn.loc) }));
  else if (saidOn) lines.push(turn.t('promise.fromDay', { day: saidDay(turn, saidOn) }));
  if (approx) lines.push(turn.t('promise.approx'));
  if (reminder.dueAt !== reminder.deadline) lines.push(turn.t('promise.quiet', { due: formatDateTime(new Date(reminder.dueAt), turn.tz, turn.loc) }));
  return { lines, passed: false, deadline: when };
}

/**
 * The deadline a time limit said in the reported message sets ("48小时内", "3个工作日内"), counted
 * from when it was said: a day ("昨天") from this time of that day, an instant (a pasted log's time)
 * from itself, else now.
 */
function promiseDeadline(turn: Turn, promise: NonNullable<Extraction['promise']>): { at: Date; approx: boolean } {
  const saidOn = turn.report.happenedAt;
  const saidAt = saidOn && saidOn.length > 10 ? new Date(saidOn) : null;
  const base = saidAt ?? (saidOn ? daysBefore(turn.now, daysBetween(saidOn, localDay(turn.now, turn.tz))) : turn.now);
  if (promise.workingDays) return addWorkingDays(base, promise.workingDays, turn.tz);
  return { at: new Date(base.getTime() + promise.hours * HOUR), approx: false };
}

/** The day a promise was given, for the buyer: a day as it is, an instant as its local day. */
function saidDay(turn: Turn, saidOn: string | null): string {
  const day = !saidOn ? localDay(turn.now, turn.tz) : saidOn.length > 10 ? localDay(new Date(saidOn), turn.tz) : saidOn;
  return formatDay(day, turn.loc);
}

function sayPromise(turn: Turn, c: FollowingCase, e: Extraction): void {
  // "下周一会发新的给我" for an exchange or a reshipment: a promise to ship, not to reply ('ship', as sellerAgreed).
  // So is "3天内发出", "48小时内给您补发": for an exchange or a reshipment, what is sent is the goods.
  // So is "X号前一定发" for an order not shipped yet.
  const notShipped = c.slots.shipped === false && turn.report.ships;
  const ships = ((turn.report.sendsNew || turn.report.ships === true) && (c.slots.wants === 'exchange' || c.slots.wants === 'reship')) || notShipped;
  // A new day for a courier pickup not yet collected ("改约到周四") is the pickup's new promise, not stalling.
  const pickup = !ships && rebooksPickup(turn, c);
  const approx = turn.report.roughTime ? ' approx' : '';
  const p = promiseFacts(turn, c, e, ships ? `ship${approx}` : pickup ? `pickup${approx}` : '');
  if (p && pickup && !p.passed) {
    turn.info('seller.pickupRebooked', { vars: { deadline: p.deadline }, after: p.lines.slice(1) });
    return;
  }
  if (!p) {
    const lines = afterLines(turn, c, e);
    // The goods go back by a courier booked for a day: that pickup is the promise its reminder asks about.
    const pickupTime = e.promise?.after ? turn.report.pickupTime : null;
    const collect = pickupTime ? promiseFacts(turn, c, { ...e, promise: pickupTime }, `pickup${approx}`) : null;
    if (collect && !collect.passed) lines.push(turn.t('seller.pickupBy', { deadline: collect.deadline }), ...collect.lines.slice(1));
    if (lines.length > 0) turn.push({ kind: 'info', key: 'promise.after', text: [...lines, ...waitForNewPromise(turn, c, false)].join('\n') });
    return;
  }
  // A deadline already past: the buyer decides whether to wait any longer.
  const choice = p.passed && c.rung === 'seller' ? { choiceSlot: 'nextStep' as const, options: stepOptions(turn, ['platform', 'resolved']) } : {};
  turn.push({ kind: 'info', key: p.passed ? 'promise.passed' : 'promise.set', text: [...p.lines, ...waitForNewPromise(turn, c, p.passed)].join('\n'), ...choice });
}

/**
 * A new promise after the platform text was handed over, before the buyer applied ("专员来电话说…"):
 * the seller is acting again, so escalating now is not the step. The nudge to submit is dropped; the
 * promise's own reminder brings the platform back if it is not kept.
 */
function waitForNewPromise(turn: Turn, c: FollowingCase, passed: boolean): string[] {
  const applied = c.timeline.some((x) => x.type === 'platform_requested' || x.type === 'platform_handling' || x.type === 'platform_ruled_buyer' || x.type === 'platform_ruled_seller');
  if (passed || c.rung === 'seller' || applied) return [];
  turn.cancelReminder(c, 'platform_followup');
  return [turn.t('promise.waitFirst')];
}

/** A time told for a return the seller has a courier collect, with no pickup collected since. */
function rebooksPickup(turn: Turn, c: FollowingCase): boolean {
  return (c.slots.wants === 'return_refund' || c.slots.wants === 'exchange') && (turn.report.pickup || pickupAwaited(c));
}

/** Wishes settled in goods moving: a sum agreed in their place is money, the goods kept. */
const GOODS_WISHES: ReadonlySet<string> = new Set(['return_refund', 'exchange', 'reship', 'repair']);

/**
 * A sum agreed, and no goods to move by any word of this report: no return, pickup, shipment or waybill
 * spoken of. A return's refund may be the whole price: only a sum below the price paid is money in its place.
 */
function keepsGoods(turn: Turn, c: FollowingCase): boolean {
  const r = turn.report;
  if (!r.sum || r.goesBack || r.pickup || r.returnFirst || r.sendsNew || r.ships || c.slots.returnTrackingNo) return false;
  return c.slots.amountPaid === null ? c.slots.wants === 'reship' || c.slots.wants === 'repair' : r.sum < c.slots.amountPaid;
}

/** The seller agreed: what to do next depends on what was agreed. */
export function sellerAgreed(turn: Turn, c: FollowingCase, e?: Extraction): void {
  turn.cancelReminder(c, 'seller_promise', 'reply_deadline');
  turn.closeMenus('nextStep');
  // "同意退60" of 99 paid, with no word of sending anything back or out: money agreed, the goods kept — nothing to post or await.
  if (c.slots.wants !== null && GOODS_WISHES.has(c.slots.wants) && keepsGoods(turn, c)) {
    c.slots.wants = 'compensation';
    record(turn, c, 'amended', { note: 'wants' });
  }
  const wants = c.slots.wants;
  // "新的2天内发出，旧的等快递上门取": the time is the new one's shipment; the pickup has no day.
  const sendsNew = turn.report.sendsNew || (wants === 'exchange' && e?.promise?.act === 'ship');
  const pickup = (wants === 'return_refund' || wants === 'exchange') && (turn.report.pickup || pickupAwaited(c)) && !sendsNew;
  // Agreed again while a pickup is awaited, with a day ("重新安排了，明天上门"): the pickup's new day.
  if (pickup && pickupAwaited(c) && e?.promise && !e.promise.after) {
    sayPromise(turn, c, e);
  } else if (pickup) {
    // A courier collects it: no address to post to and no tracking number to type in. A time given
    // ("明天上门取件") is the pickup's, never a shipment's: its reminder asks whether it came.
    const p = e?.promise ? promiseFacts(turn, c, e, `pickup${turn.report.roughTime ? ' approx' : ''}`) : null;
    const after = !p ? [] : p.passed ? [turn.t('seller.pickupPassed', { deadline: p.deadline })] : [turn.t('seller.pickupBy', { deadline: p.deadline }), ...p.lines.slice(1)];
    turn.info('seller.agreesPickup', { after });
  } else if ((wants === 'exchange' || wants === 'reship' || wants === 'repair') && (sendsNew || e?.promise || turn.report.tookRemedy === wants) && !turn.report.returnFirst) {
    // "同意换货，48小时内寄新的给我", "3个工作日内补发": the seller owes a shipment by the time given.
    // The promise is its reminder; no return to post and no tracking number to type in.
    // A repair is sent back repaired ('repair'), not shipped new; a rough time ("大概7天") is marked ' approx'.
    const repair = wants === 'repair';
    const note = `${repair ? 'repair' : 'ship'}${turn.report.roughTime ? ' approx' : ''}`;
    const p = e?.promise ? promiseFacts(turn, c, e, note) : null;
    const deadline = p ? (turn.report.roughTime ? turn.t('promise.about', { deadline: p.deadline }) : p.deadline) : '';
    const by = repair ? 'seller.repairBy' : 'seller.shipBy';
    const after = !p ? [turn.t(repair ? 'seller.repairNoTime' : 'seller.shipNoTime')]
      : p.passed ? [turn.t(repair ? 'seller.repairPassed' : 'seller.shipPassed', { deadline })] : [turn.t(by, { deadline }), ...p.lines.slice(1)];
    // The old one collected by a courier on no day given: said so, and no date invented for it.
    if (wants === 'exchange' && turn.report.pickup) after.push(turn.t('seller.pickupNoDay'));
    turn.info(wants === 'exchange' ? (turn.report.pickup ? 'seller.agreesSendNewPickup' : 'seller.agreesSendNew') : repair ? 'seller.agreesRepair' : 'seller.agreesShip', { after });
  } else if ((wants === 'return_refund' || wants === 'exchange') && c.slots.returnTrackingNo) {
    // Already sent back: the waybill is known, and no reminder asks for it.
    turn.info('seller.agreesReturnSent', { vars: { trackingNo: c.slots.returnTrackingNo } });
  } else if (wants === 'return_refund' || wants === 'exchange') {
    // The seller's fault and the buyer told to pay the postage back: 消法第二十四条 puts it on the seller (trial 11 F17).
    const postage = turn.report.buyerPostage && c.slots.problem !== null && SELLER_FAULT.has(c.slots.problem);
    turn.info('seller.agreesReturn', { after: postage ? [turn.t('seller.faultPostage')] : [] });
    turn.setReminder(c, 'return_tracking', addHours(turn.now, RETURN_TRACKING_HOURS));
  } else if (wants === 'refund' || wants === 'compensation' || c.slots.problem === 'refund_issue') {
    // The sum the seller agreed to is the one the letters ask for, when the buyer named none; less than the
    // buyer named reaches here only taken by them in the same words (readReport): the letters ask no more.
    if (turn.report.sum && (c.compensationAmount === null || turn.report.sum < c.compensationAmount) && wants !== null) c.compensationAmount = turn.report.sum;
    // "3天内退到原账户": the seller's own time is the one to check against; otherwise the typical one.
    const p = e?.promise?.after ? null : e?.promise ?? null;
    const r = p ? promiseDeadline(turn, p) : addWorkingDays(turn.now, REFUND_CHECK_WORKING_DAYS, turn.tz);
    // "可以赔300，我同意了": the sum agreed is said back, so the buyer sees it was recorded (the note has it).
    const sum = turn.report.sum ? { sum: moneyValue(turn, c.slots, turn.report.sum) } : null;
    if (p) {
      // The seller's own date is on the record as what they promised ("商家答应12月15日前退款"), so a
      // letter after "没到账" can state it; the refund check below is its reminder.
      record(turn, c, 'seller_promise', { quote: e!.sellerQuote ?? turn.report.quote, happenedAt: turn.report.happenedAt, note: 'refund', deadline: isoInstant(r.at) });
      turn.info(sum ? 'seller.agreesSumBy' : 'seller.agreesRefundBy', { vars: { deadline: formatDateTime(r.at, turn.tz, turn.loc), ...sum } });
    } else turn.info(sum ? 'seller.agreesSum' : 'seller.agreesRefund', sum ? { vars: sum } : {});
    turn.setReminder(c, 'refund_arrival', r.at, r.approx);
  } else {
    turn.info('seller.agreesOther');
  }
}

/**
 * Act on what the seller or platform did while the case is followed. Returns false when the
 * message reported nothing to act on.
 */
export function actOnReply(turn: Turn, c: FollowingCase, given: Extraction): boolean {
  const reply = given.sellerReply;
  if (!reply) {
    if (!given.promise) return false;
    sayPromise(turn, c, given);
    return true;
  }
  // "卖家说再约到周五": a new pickup day, the seller's promise, is not a stall to press them over.
  if (reply === 'stalls' && given.promise && !given.promise.after && rebooksPickup(turn, c)) {
    sayPromise(turn, c, given);
    return true;
  }
  recordReply(turn, c, given);
  // A time from an event still to come beside the answer ("寄回检测，检测完5个工作日给结果") is kept in
  // the seller's words; the answer is acted on as one without a time.
  const later = given.promise?.after !== undefined && reply !== 'stalls';
  if (later) sayPromise(turn, c, given);
  const e = later ? { ...given, promise: null } : given;
  switch (reply) {
    case 'private_deal':
      // Taken already ("钱也收了"): what to do now, not a warning against doing it.
      if (turn.report.taken) privateMoneyTaken(turn, c, turn.report.taken);
      else warnPitfall(turn, e);
      return true;
    case 'confirm_first':
      warnPitfall(turn, e);
      return true;
    case 'refuses':
      // "不支持退款，72小时内到账": what was refused is on the record, and what was promised beside it is
      // held to its time (its reminder brings the next step back if it is not kept).
      if (e.promise && !e.promise.after && c.rung === 'seller') {
        sayPromise(turn, c, e);
        if (c.reminders.some((r) => r.reason === 'seller_promise')) {
          turn.info('seller.refusesWithPromise');
          return true;
        }
      }
      if (c.rung === 'seller') climb(turn, c, 'refused', { key: 'seller.refuses' });
      else laterSellerAnswer(turn, c);
      return true;
    case 'no_response':
      if (c.rung === 'seller') climb(turn, c, 'no_reply', { key: happened(c, 'seller_no_response', 'gone') ? 'seller.gone' : 'seller.noResponse' });
      else laterSellerAnswer(turn, c);
      return true;
    case 'agrees':
      sellerAgreed(turn, c, e);
      return true;
    case 'counter_offer':
      if (turn.report.tookRemedy) {
        c.slots.wants = turn.report.tookRemedy;
        record(turn, c, 'amended', { note: 'wants' });
        acceptOffer(turn, c);
        return true;
      }
      // Less than asked is not agreement: the buyer decides; refusing it moves up the ladder. The least sum the
      // buyer named beside the offer is what the next letters ask.
      if (turn.report.least && (c.slots.wants === 'compensation' || c.slots.wants === 'refund')) c.compensationAmount = turn.report.least;
      if (turn.report.withdraw) turn.info('seller.counterOfferWithdraw');
      offerChoice(turn, c);
      return true;
    case 'needs_evidence':
      // An unboxing video the buyer has not logged: what stands in for it is answered instead (follow.ts
      // answerBeside), not the checklist that asks for the video again; first, that the request is on the record.
      if (turn.report.servicePoint) {
        // Sent to a service point: nothing to post back (so no reminder for a waybill); its result is evidence.
        turn.info('seller.servicePoint');
        return true;
      }
      if (e.intent === 'ask_no_unboxing_video' && !c.evidence.some((x) => x.kind === 'video')) {
        turn.info('seller.needsVideo');
        return true;
      }
      sendChecklist(turn, c, turn.t('seller.needsEvidence'));
      return true;
    case 'return_for_inspection':
      // The seller answered: its deadline is met; the next move (sending the item) is the buyer's.
      turn.cancelReminder(c, 'seller_promise', 'reply_deadline');
      // "寄回检测，运费你先垫" for a faulty item: 消法第二十四条 puts the postage on the seller (as for an agreed return).
      turn.info('seller.inspection', { after: turn.report.buyerPostage && c.slots.problem !== null && SELLER_FAULT.has(c.slots.problem) ? [turn.t('seller.faultPostage')] : [] });
      turn.setReminder(c, 'return_tracking', addHours(turn.now, RETURN_TRACKING_HOURS));
      return true;
    case 'stalls':
      if (e.promise) {
        sayPromise(turn, c, e);
      } else if (c.rung === 'platform') {
        // The platform letter is already in hand: no step back down to a firmer seller letter.
        const applied = c.timeline.some((x) => x.type === 'platform_requested' || x.type === 'platform_handling');
        turn.info(applied ? 'next.platformAlready' : 'next.platformSubmit');
      } else {
        turn.info('seller.stalls');
        sendSellerDraft(turn, c, 'seller');
      }
      return true;
    case 'platform_handling':
      platformHandling(turn, c, e);
      return true;
    case 'platform_for_seller':
      climb(turn, c, 'ruling_unfair', { key: turn.report.platformAnswer ? 'platform.answeredNo' : 'platform.ruledSeller' });
      return true;
    case 'platform_for_buyer':
      turn.cancelReminder(c, 'platform_followup');
      if (turn.report.partRuling && turn.report.sum) {
        // Part awarded: the awarded sum is checked for like any ruling's, and the rest goes up the ladder.
        // The buyer's claim, else what the ruling gave and turned down together.
        const asked = askedTotal(c) ?? (turn.report.restSum ? turn.report.sum + turn.report.restSum : null);
        const money = (n: number): string => moneyValue(turn, c.slots, n);
        climb(turn, c, 'ruling_unfair', asked !== null
          ? { key: 'platform.ruledPart', m: { vars: { awarded: money(turn.report.sum), asked: money(asked), rest: money(Math.round((asked - turn.report.sum) * 100) / 100) } } }
          : { key: 'platform.ruledPartNoAsk', m: { vars: { awarded: money(turn.report.sum) } } });
        turn.setReminder(c, 'refund_arrival', addWorkingDays(turn.now, REFUND_CHECK_WORKING_DAYS, turn.tz).at);
        return true;
      }
      // "判了退款，运费没给": what the ruling left out is still claimed, above the platform.
      if (turn.report.ruling?.denied.length) {
        // "三倍的事平台不管": the buyer claimed the multiple of the platform, so it stays their claim above it (never a larger one).
        if (turn.report.ruling.deniedMultiple && !c.claimAsked) c.claimAsked = turn.report.ruling.deniedMultiple;
        const words = rulingWords(turn.loc, { remedies: turn.report.ruling.remedies.map((code) => ({ code, sum: code === turn.report.ruling!.moneyRemedy ? turn.report.ruling!.sum : null })), denied: turn.report.ruling.denied }, null, c.slots.currency);
        climb(turn, c, 'ruling_unfair', { key: 'platform.ruledDenied', m: { vars: words } });
        if (turn.report.ruling.remedies.some((r) => MONEY_REMEDIES.has(r))) turn.setReminder(c, 'refund_arrival', addWorkingDays(turn.now, REFUND_CHECK_WORKING_DAYS, turn.tz).at);
        return true;
      }
      if (turn.report.thanks) {
        // "仲裁通过了，谢谢": the buyer is done; the ruling is on the record of the closed case.
        turn.cancelAllReminders(c);
        closeCase(turn, 'resolved');
        turn.info('resolved');
        return true;
      }
      // "判商家补发": goods to come, no money to check for.
      if (turn.report.ruling && !turn.report.ruling.remedies.some((r) => MONEY_REMEDIES.has(r))) {
        const words = rulingWords(turn.loc, { remedies: turn.report.ruling.remedies.map((code) => ({ code, sum: null })), denied: [] }, null, c.slots.currency);
        turn.info('platform.ruledBuyerGoods', { vars: words });
        return true;
      }
      {
        // "小二说让卖家48小时内退款": the ruling's own deadline is the one to check the money by
        // (trial 6 s08); without one, the typical few working days.
        const own = e.promise?.after ? null : e.promise;
        const r = own ? promiseDeadline(turn, own) : addWorkingDays(turn.now, REFUND_CHECK_WORKING_DAYS, turn.tz);
        const hint = returnHint(turn, c);
        if (own) turn.info('platform.ruledBuyerBy', { vars: { deadline: formatDateTime(r.at, turn.tz, turn.loc), returnHint: hint } });
        else turn.info('platform.ruledBuyer', { vars: { returnHint: hint } });
        turn.setReminder(c, 'refund_arrival', r.at, r.approx);
      }
      return true;
  }
}

/** Kinds of wish that send the goods back. */
const GOODS_BACK: ReadonlySet<string> = new Set(['return_refund', 'exchange', 'repair']);

/**
 * The reminder to send the goods back after a ruling, only when the wish sends them back and the
 * goods came at all: a buyer who never got the parcel has nothing to post.
 */
export function returnHint(turn: Turn, c: OpenCase): string {
  return c.slots.wants && GOODS_BACK.has(c.slots.wants) && c.slots.problem !== 'not_received' ? turn.t('platform.returnHint') : '';
}

/** The platform ruled for the buyer and the goods went back after it (the return's number given since). */
export function returnedAfterRuling(timeline: readonly TimelineEntry[]): boolean {
  const ruled = timeline.map((e) => e.type).lastIndexOf('platform_ruled_buyer');
  return ruled >= 0 && timeline.slice(ruled + 1).some((e) => e.type === 'amended' && e.note === 'returnTrackingNo');
}

/**
 * Ruled for the buyer, goods sent back, and the seller neither confirms receipt nor refunds: the ruling is
 * not carried out. The platform gets a new letter with the ruling, the return and the seller's inaction —
 * not the letter that asked it to step in.
 */
export function rulingNotCarriedOut(turn: Turn, c: FollowingCase): void {
  if (c.timeline.at(-1)?.type !== 'refund_missing') record(turn, c, 'refund_missing');
  turn.info('platform.rulingIgnored');
  sendDraft(turn, c, 'platform');
}

/**
 * The seller answered after the case moved past it (a refusal with its reason, silence, being
 * blocked). The answer is on the record; when it tells the reviewer something the last letter
 * did not (an event of a kind not yet recorded, or words not yet quoted), the rung's draft is
 * issued again with it (the platform rung only: a ruling closes that letter, and a new 12315
 * letter would restart its acceptance timer).
 */
function laterSellerAnswer(turn: Turn, c: FollowingCase): void {
  const latest = c.timeline.at(-1)!;
  const earlier = c.timeline.slice(0, -1);
  if (c.rung === 'platform' && returnedAfterRuling(earlier)) return rulingNotCarriedOut(turn, c);
  const news = !earlier.some((e) => e.type === latest.type && e.quote === latest.quote && e.note === latest.note && (e.reason ?? null) === (latest.reason ?? null));
  const ruled = earlier.some((e) => e.type === 'platform_ruled_seller' || e.type === 'platform_ruled_buyer');
  // On the 12315 rung a new letter would restart its acceptance timer: the answer is recorded only.
  if (!news || ruled || c.rung !== 'platform') {
    turn.info('seller.refusesLater');
    return;
  }
  turn.info('seller.laterRedraft');
  sendDraft(turn, c, 'platform');
}

/**
 * The platform is handling the case ("平台说3天内处理", "小二介入了"): no second platform draft;
 * wait for the platform's own timer (or its typical one) and nudge then.
 */
function platformHandling(turn: Turn, c: FollowingCase, e: Extraction): void {
  turn.cancelReminder(c, 'seller_promise', 'reply_deadline');
  if (c.rung === 'seller') c.rung = 'platform';
  let due: { at: Date; approx: boolean };
  if (e.platformTimer?.workingDays) due = addWorkingDays(turn.now, e.platformTimer.workingDays, turn.tz);
  else if (e.platformTimer) due = { at: addHours(turn.now, e.platformTimer.hours), approx: false };
  else due = moveUpDue('platform', turn.now, turn.tz);
  turn.setReminder(c, 'platform_followup', due.at, due.approx);
  const key = e.platformTimer ? 'platform.handlingTimer' : turn.report.applied ? 'platform.applied' : 'platform.handling';
  turn.info(key, { vars: { deadline: formatDateTime(due.at, turn.tz, turn.loc) } });
}

/**
 * Refused a counter-offer, or asked for the platform from a follow-up button. Going to the platform
 * over the seller's latest offer is not accepting it: the offer is marked refused for the letters.
 * On the platform rung the bot moved to by itself (its nudge), the buyer has not applied yet: the
 * platform letter again when the refusal is new to it, else the reminder to submit it.
 */
export function toPlatform(turn: Turn, c: FollowingCase, key = 'escalate.platform'): void {
  const refused = refuseOffer(c);
  if (c.rung === 'seller') return escalateToPlatform(turn, c, { key });
  const applied = c.timeline.some((e) => e.type === 'platform_requested' || e.type === 'platform_handling');
  if (c.rung !== 'platform' || applied) return turn.info('next.platformAlready');
  if (!refused) return turn.info('next.platformSubmit');
  turn.info('escalate.platformRefused');
  sendDraft(turn, c, 'platform');
}

/** The seller's latest answer is a counter-offer: mark it refused (true when it was not yet). */
export function refuseOffer(c: FollowingCase): boolean {
  return markOffer(c, 'refused');
}

/**
 * The buyer accepts the seller's offer (its button, or the wish changed to it while it was open):
 * from now on it is what the seller agreed to, and no letter calls it less than the wish.
 */
export function acceptOffer(turn: Turn, c: FollowingCase, named: number | null = null): void {
  const offer = lastSellerEvent(c) === 'seller_counter_offer' ? c.timeline.filter((x) => x.type === 'seller_counter_offer').at(-1) : undefined;
  const terms = offer ? parseOfferNote(offer.note) : null;
  markOffer(c, 'accepted');
  // A sum taken is the one the letters ask for from now on: never more than the buyer accepted. The sum the
  // buyer names in taking it ("行，那就18块6") is the one worked out from the offer ("每斤3块").
  const amount = named ?? (terms && !terms.paid ? terms.amount : null);
  // Compensation taken in place of a return or an exchange: the goods stay, and the sum is what is owed.
  if (amount !== null && terms?.give === 'comp' && (c.slots.wants === 'return_refund' || c.slots.wants === 'exchange')) c.slots.wants = 'compensation';
  if (amount !== null && (c.slots.wants === 'refund' || c.slots.wants === 'compensation')) {
    c.compensationAmount = amount;
    turn.report = { ...turn.report, sum: amount };
  }
  // The agreement is the accepted offer's line in the letters ('offer'), not a second one.
  record(turn, c, 'seller_agreed', { note: 'offer' });
  sellerAgreed(turn, c);
}

/** The latest counter-offer, refused or accepted by the buyer (true when it was neither yet). */
function markOffer(c: FollowingCase, how: 'refused' | 'accepted'): boolean {
  if (lastSellerEvent(c) !== 'seller_counter_offer') return false;
  let at = c.timeline.length - 1;
  while (c.timeline[at]!.type !== 'seller_counter_offer') at -= 1;
  const offer = c.timeline[at]!;
  const notes = offer.note.split(' ');
  if (notes.includes('refused') || notes.includes('accepted')) return false;
  // A new entry in its place: entries are shared with the state the turn started from (and its
  // stored form is written from the difference between the two).
  c.timeline[at] = { ...offer, note: `${offer.note} ${how}`.trim() };
  return true;
}
