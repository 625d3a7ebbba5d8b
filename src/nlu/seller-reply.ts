/** How the seller (or the platform) answered, as the buyer reports it. */
import type { Evidence, SellerReply } from './types.ts';
import { normalize } from './normalize.ts';
import { quoteAt, type Scan, type Span } from './scan.ts';
import { offersLess, withoutOwnComment } from './buyer-report.ts';

/**
 * These count whoever the buyer says spoke: a private deal or "confirm first" only ever comes
 * from the seller side, and the platform codes name the platform in their own keywords.
 */
const ALWAYS: ReadonlySet<SellerReply> = new Set([
  'private_deal', 'confirm_first', 'platform_handling', 'platform_for_seller', 'platform_for_buyer',
]);

/** The labelling rulebook (data/nlu/LABELS.md) names some seller replies in other words than the codes. */
export const SELLER_REPLY_OF_LABEL: Readonly<Record<string, SellerReply>> = {
  refused: 'refuses', agreed: 'agrees', stalling: 'stalls', private_transfer: 'private_deal',
};

const LABEL_OF_SELLER_REPLY: ReadonlyMap<string, string> = new Map(Object.entries(SELLER_REPLY_OF_LABEL).map(([label, code]) => [code, label]));

/** A seller reply in the rulebook's words (the code itself where they agree). */
export function sellerReplyLabel(code: SellerReply): string {
  return LABEL_OF_SELLER_REPLY.get(code) ?? code;
}

/** Words that put the platform, not the seller, in the speaker's place. */
const PLATFORM_SPEAKER = /平台|小二|platform/;

export interface SellerReplyResult {
  value: SellerReply;
  evidence: Evidence;
  /** The seller's own words when the buyer quoted them (quote marks or a colon after 说), else null. */
  quote: string | null;
}

/** The quoted words of a span, when the buyer marked them as a quotation. */
function quotedWords(s: Scan, span: Span): string | null {
  const raw = s.text.slice(span.start, span.end);
  const m = /^\s*(?:[:：]\s*)?(["“「『])?([\s\S]*?)(["”」』])?\s*$/u.exec(raw);
  if (!m) return null;
  const marked = m[1] !== undefined || /^\s*[:：]/.test(raw);
  // Words closed by a quote mark are all the speaker's; without one the buyer's own comment may follow.
  const words = m[3] !== undefined ? (m[2] ?? '').trim() : withoutOwnComment((m[2] ?? '').trim());
  return marked && words.length >= 2 ? words.slice(0, 120) : null;
}

/**
 * "货款可以考虑，三倍不可能", "退款能退，赔偿免谈": the money back granted and the rest of the claim refused in
 * the next clause is agreement to less than asked (LABELS: counter_offer), whichever word reads stronger.
 */
const PART_YES_REST_NO =
  /(?:货款|本金|退款|退货款|退钱|退货|钱)[^，。,.!！?？]{0,6}?(?:可以|能|行|没问题|考虑|退你|商量|谈)[^。!！?？，,]{0,4}[，,、 ][^。!！?？]{0,8}?(?:三倍|十倍|赔偿|赔|补偿|其他|别的|额外)[^，。,.!！?？]{0,6}?(?:不可能|免谈|没门|别想|不行|没有|不给|就算了)/;

/** "我申请的是仅退款": the buyer asked for the money without a return. */
const REFUND_ONLY_ASKED = /仅退款|只退款|不退货|refund only/;
/** "非要我退货才给退": the money only against a return, less than a refund-only request (LABELS: counter_offer). */
const RETURN_FIRST = /(?:非要|必须|一定要|得先|要先|只能)我?先?(?:退货|寄回|把货退)[^，,。！？!?]{0,4}(?:才|再)/;
/** "缺货了，问我要不要换个颜色": other goods offered in place of the ones ordered. */
const OTHER_GOODS_OFFERED = /(?:没货|缺货|断货|没库存|库存不足)[^。！？!?]{0,14}?(?:问我|让我|叫我|建议我?)(?:能不能|要不要|可不可以|愿不愿意)?换/;
/** "漏发了，马上给你补": the seller owns the slip and sends what was missing. */
const WILL_SEND = /(?:马上|立刻|立马|今天|明天|这就|尽快)(?:给你|给我|帮你|帮我)?(?:补发|补上|补|重发|寄)/;
/** "申请被拒了": refused, whoever is named. */
const APPLICATION_REFUSED = /申请 ?被拒(?!收)/;


/**
 * "只能退款，不会赔", Cantonese "净系可以退款 唔会赔": one remedy only and the rest of the claim refused is
 * agreement to less than asked (LABELS: counter_offer), though "可以退款" alone reads as agreement.
 */
const ONLY_YES_REST_NO =
  /(?:只|仅|净系|净是|只系)(?:能|可以|肯|同意|愿意|接受|给)?(?:你|我)?(?:退款|退货|退钱|退|换货|换|维修|修|补发)[^。!！?？]{0,10}?(?:不会|唔会|不|唔|冇|没有?|不能|不可能)(?:再|额外|另外|多)?(?:赔|补偿|给赔)/;

/**
 * "屏可以再换一次，但面容跟他们没关系": the seller disowns (part of) the fault. After an agreement it is
 * agreement to less (counter_offer); alone it is a refusal.
 */
const DISOWNS =
  /(?:跟|和|与|同)(?:他们|我们|店里|店家|商家|卖家|本店|厂家|佢哋|我哋)(?:没|无|冇)(?:有)?(?:任何)?(?:关系|责任)|(?:不关|唔关)(?:他们|我们|店里|本店|我哋|佢哋)?(?:的|嘅)?事|与(?:本店|我们|我司)无关/;

/** "可以免费再修一次，但…": something granted, then a "but" (what follows is refused). */
const GRANTS_BUT = /(?:可以|能|愿意|同意|答应|肯)[^。!！?？]{0,16}?(?:但是?|不过|可是)/;

/**
 * "平台无法退款", "平台不予支持": the platform's own refusal, in its words or the buyer's; it names
 * the platform, so the seller need not be named.
 */
const PLATFORM_REFUSES =
  /(?:平台|小二)(?:这边|方面|方)?(?:暂时)?(?:无法|不能|不予|不会|没法|没办法|不支持|不给|拒绝)(?:为你|给你|帮你|为您|给您|帮您)?(?:退款|退|处理|支持|介入|受理|赔)/;

/** "如果平台不给退…", "怕平台不支持": a refusal supposed or feared, not reported. */
const SUPPOSED = /如果|万一|要是|假如|怕|担心|会不会|是不是/;

/**
 * "微信转账的", "我是支付宝转给她的": how the buyer paid, not a seller's offer to settle off the platform
 * (a bare "转账" word is the seller's only when the buyer's payment is not what it describes).
 */
const BUYER_PAID =
  /(?:我|是|用|通过|走的?)?(?:微信|支付宝|银行卡?)?转(?:账|帐)?(?:给(?:她|他|对方|卖家|代购|商家)|过去)?的(?![话钱])|我(?:是|用|通过)?(?:微信|支付宝)?转(?:账|帐)?给(?:她|他|对方|卖家|代购|商家)/g;

/** The spans of the message that tell how the buyer paid (see BUYER_PAID). */
function buyerPaidSpans(norm: string): Array<[number, number]> {
  return [...norm.matchAll(BUYER_PAID)].map((m) => [m.index, m.index + m[0].length]);
}

/**
 * Every word of a private deal in the message tells how the buyer paid ("我是微信转账给她的"): no offer of
 * one, whatever a reader trained on offers makes of the words.
 */
export function onlyOwnPayment(s: Scan): boolean {
  const deal = s.seller.filter((h) => h.value.c === 'private_deal');
  if (deal.length === 0) return false;
  const paid = buyerPaidSpans(s.norm);
  return deal.every((h) => paid.some(([a, b]) => h.start < b && h.end > a));
}

/**
 * The seller's answer when the buyer reports one: a reply word inside quoted seller speech,
 * or anywhere in a message that names the seller. The strongest reply wins ("不同意" over "同意"
 * is settled by the lexicon's longest match). A private deal or "confirm first" always counts:
 * the bot must warn about both. A refusal or agreement in the platform's words ("平台说不支持")
 * is the platform's ruling.
 */
export function extractSellerReply(s: Scan): SellerReplyResult | null {
  const sellerNamed = s.has.has('seller') || s.has.has('quote') || s.has.has('instruct');
  const platformNo = PLATFORM_REFUSES.exec(s.norm);
  if (platformNo && !SUPPOSED.test(s.norm.slice(Math.max(0, platformNo.index - 8), platformNo.index))) return found(s, 'platform_for_seller', platformNo.index, platformNo.index + platformNo[0].length);
  const ownPayment = onlyOwnPayment(s);
  let best: Scan['seller'][number] | null = null;
  for (const h of s.seller) {
    const c = h.value.c;
    if (c === null) continue;
    if (!ALWAYS.has(c) && !sellerNamed && !quoteAt(s, h.start)) continue;
    if (c === 'private_deal' && ownPayment) continue;
    if (!best || h.value.w > best.value.w) best = h;
  }
  const partYes = sellerNamed
    ? (PART_YES_REST_NO.exec(s.norm) ?? ONLY_YES_REST_NO.exec(s.norm) ?? (REFUND_ONLY_ASKED.test(s.norm) ? RETURN_FIRST.exec(s.norm) : null) ?? OTHER_GOODS_OFFERED.exec(s.norm))
    : null;
  if (partYes) return found(s, 'counter_offer', partYes.index, partYes.index + partYes[0].length);
  const disowns = sellerNamed ? DISOWNS.exec(s.norm) : null;
  // Any other answer read beside it (an offer, a refusal, a warning's words) stands, and so does less offered ("只能退四成").
  if (disowns && (!best || best.value.c === 'agrees') && !offersLess(s.text)) {
    const agreedFirst = (best?.value.c === 'agrees' && best.start < disowns.index) || GRANTS_BUT.test(s.norm.slice(0, disowns.index));
    return found(s, agreedFirst ? 'counter_offer' : 'refuses', disowns.index, disowns.index + disowns[0].length);
  }
  if (!best || best.value.c === null) {
    const shape = (sellerNamed ? WILL_SEND.exec(s.norm) : null) ?? APPLICATION_REFUSED.exec(s.norm);
    return shape ? found(s, shape[0].includes('拒') ? 'refuses' : 'agrees', shape.index, shape.index + shape[0].length) : null;
  }
  // "同意退，但说运费你出": an agreement with a cost put on the buyer after it is agreement to less (LABELS: counter_offer).
  if (best.value.c === 'agrees') {
    for (const h of s.seller) {
      if (h.value.c === 'counter_offer' && h.start > best.start) {
        best = h;
        break;
      }
    }
  }
  let value: SellerReply = best.value.c!;
  const span = quoteAt(s, best.start);
  const speaker = span ? s.norm.slice(Math.max(0, span.start - 4), span.start) : '';
  if (PLATFORM_SPEAKER.test(speaker) || (value !== 'platform_handling' && s.seller.some((h) => h.value.c === 'platform_handling'))) {
    if (value === 'refuses') value = 'platform_for_seller';
    else if (value === 'agrees') value = 'platform_for_buyer';
  }
  return {
    value,
    evidence: { span: s.text.slice(best.start, best.end), confidence: span ? 0.85 : 0.65 },
    quote: span && span.kind === 'quote' ? quotedWords(s, span) : null,
  };
}

/** A reply read from the words at start…end (quoted words when they stand inside a quotation). */
function found(s: Scan, value: SellerReply, start: number, end: number): SellerReplyResult {
  const span = quoteAt(s, start);
  return {
    value,
    evidence: { span: s.text.slice(start, end), confidence: span ? 0.85 : 0.65 },
    quote: span && span.kind === 'quote' ? quotedWords(s, span) : null,
  };
}

/**
 * The seller sends the new item (or the missing one) first: "48小时内寄新的给我", "给你重新发一个",
 * "先给你发新的", "will send a replacement". An exchange agreed this way asks nothing of the buyer
 * yet: what is owed is the seller's shipment, by the time they gave.
 */
const SENDS_NEW =
  /(?:寄|发|换|补)(?:一?个|一?件|一?台|一?双|一?套)?(?:全?新的|新货|新品|新的过来|新的给)|重新(?:寄|发)|(?:先|马上|立刻|尽快)(?:给你|给我|帮你|帮我)?(?:寄|发)(?:出|过来|一个|新)|\b(?:send|ship|mail)(?:ing)? (?:you |me )?(?:a |the )?(?:new one|replacement|new unit|new pair)/;

/** The seller's own shipment of the replacement (see SENDS_NEW). */
export function sellerSendsNew(text: string): boolean {
  return SENDS_NEW.test(normalize(text.length > 2000 ? text.slice(0, 2000) : text));
}

/** "没有开箱视频就不给换", "没视频不给退", "不拍视频就不处理": the seller's condition, stated as a refusal. */
const REFUSED_WITHOUT = /没(?:有)?[^，,。！？!?]{1,12}?(?:就|的话)?(?:不给|不能|不予|不会|不)(?:你|我)?(?:退|换|处理|赔|补|修|办)|(?:不然|否则|要不)(?:就)?(?:不给|不能|不予|不)(?:你|我)?(?:退|换|处理|赔|补|修|办)/;
/** The buyer has no such evidence: "没拍", "没录", "哪知道要拍", "no unboxing video". */
const HAS_NONE = /没(?:有)?(?:拍|录|留|保存|存)|哪(?:知道|晓得)要(?:拍|录)|不知道要(?:拍|录)|\bno (?:unboxing )?video\b|\bdidn'?t (?:film|record)/;

/**
 * The seller refuses unless the buyer supplies what the buyer says they do not have ("没有开箱视频
 * 就不给换。我哪知道要拍视频"): a refusal in effect, not a request for evidence that can be met.
 */
export function refusedForMissingEvidence(text: string): boolean {
  return missingEvidenceCondition(text) !== null;
}

/** The seller's condition as the buyer reported it ("没有开箱视频就不给换"), when it is a refusal in effect; else null. */
export function missingEvidenceCondition(text: string): string | null {
  const norm = normalize(text.length > 2000 ? text.slice(0, 2000) : text);
  if (!HAS_NONE.test(norm)) return null;
  return REFUSED_WITHOUT.exec(norm)?.[0] ?? null;
}

/** A coupon or voucher offered by the seller ("送我一张15元店铺券", "给个无门槛卷", "补你10元京券"). */
/** No stock to send: "没货了", "缺货", "out of stock" (a seller's reason to cancel or refuse to send). */
export const NO_STOCK = /没货|缺货|断货|无货|沒貨|缺貨|斷貨|库存不足|庫存不足|\bout of stock\b|\bno stock\b|\bsold out\b/iu;
const COUPON = /(?:送|给|补|发|赔)(?:我|你)?(?:一张|一个|张|个|点)?[^，,。！？!?]{0,8}?(?:券|卷)(?!商)|\b(?:coupon|voucher|store credit)\b/;
/** The buyer's own coupon ("我有一张优惠券", "用了券") is not an offer. */
const OWN_COUPON = /我(?:有|用了|领了|领的|用的)[^，,。！？!?]{0,6}(?:券|卷)/;

/**
 * The seller offers a coupon in place of what the buyer asked: less than asked, a counter-offer
 * (the buyer decides; refusing it goes to the platform).
 */
export function offersCoupon(text: string): boolean {
  return couponOffer(text) !== null;
}

/** The offer's words ("送我一张15元店铺券"), as the buyer wrote them (normalised), or null. */
export function couponOffer(text: string): string | null {
  const norm = normalize(text.length > 2000 ? text.slice(0, 2000) : text);
  if (OWN_COUPON.test(norm)) return null;
  return COUPON.exec(norm)?.[0] ?? null;
}
