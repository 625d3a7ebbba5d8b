/**
 * The facts of a case: what to ask next, taking what a message says into the slots (new
 * values, answers, corrections), and saying what changed.
 */
import {
  alternativeWish, askedMultiple, compensationAmount, conditionalWish, extract, extraClaim, lossAmount, normalize, privateSellerSaid, saysNotShipped, shortfallAmount, withoutGreeting, type Extraction,
} from '../nlu/index.ts';
import { aboutSum, askedSum, claimedSum, leastSum, notBackSum, postageSum } from '../nlu/amounts.ts';
import { keptGoodsSum } from '../nlu/wants.ts';
import { ACT_CONFIDENCE, CONFIRM_CONFIDENCE } from '../nlu/confidence.ts';
import { matchEvidence } from '../knowledge/checklists.ts';
import { virtualGoods } from '../knowledge/goods.ts';
import { keptPlatformName } from '../knowledge/platforms.ts';
import { currencyOf } from '../knowledge/currency.ts';
import { namesNoFault, statesNothing, trailsOff, withoutMarkup } from '../drafts/words.ts';
import { logStatement } from '../nlu/chat-log.ts';
import { correctedWords, correctionPairs, problemCorrection, rightWords, withdrawnKind, type ProblemCorrection } from '../nlu/correction.ts';
import { caseChecklist, slotLabel, slotValue, type Unsure } from './render.ts';
import type { Turn } from './turn.ts';
import type { Askable, OpenCase, SellerReply, Slots, Wants } from '../domain/index.ts';

/**
 * Not shipped in words the reader's pattern misses: "一周了不发货", "还是没发", "一直没发出来".
 * (Not 没发票 / 没发错 / 没发现 / 没发照片: the word must end there.)
 */
/** The seller's shipment reported: "发货了", "已经发出了", "物流有信息了", "it shipped". */
const SELLER_SHIPPED = /(?<![没不未])(?:发货了|已发货|发出了|发了(?![吗吧么]))|物流(?:有|出)(?:信息|记录|动静|更新)|有物流了|\b(?:has |have |finally )?(?:shipped|dispatched)\b/;
const NOT_SHIPPED_MORE = /(?<![会能要就])不发货|(?:还是|一直|迟迟|至今|还)没(?:有)?发(?:出来?|走)?(?=[，。！？,.!?\s]|$)/;

/**
 * A shop selling on its own, outside a shopping platform: "小程序商城", "在他们家小程序里买的",
 * "官网买的", "独立站", "微商", "朋友圈买的", a 代购 found in Moments or on WeChat, "没走平台". (微信小店 has
 * WeChat's own intervention: not this.)
 */
const STANDALONE_SHOP = /(?:微信|商家|店家|他们家?|自家)的?小程序(?:上|里)?(?:买|下单|购|付)|小程序(?:商城|商店|里|上)|(?:商家|店家|他们家?|品牌)自己的(?:网站|网店|官网|商城|小程序)|独立站|官网(?:上|里)?(?:买|下单|购)|官方网站(?:上)?(?:买|下单)|微商|朋友圈(?:里|上)?(?:买|下单|(?:的|一个|一位|认识的)?(?:代购|卖家|卖货的))|(?:找|跟|从)(?:朋友|熟人|个人)?代购(?:那里|手里)?(?:买|带|代购)|微信(?:上|里)?(?:找|跟|从)(?:的|个)?(?:代购|人)(?:买|带|代购)|(?:没有|没|不是在|不是)(?:走|通过|在)?(?:任何)?(?:购物)?平台(?:买|下单|上买|交易)?(?=$|[，,。！!\s]|就是|是|直接)|微信群(?:里)?(?:买|下单|接龙)|公众号(?:商城|里买)|standalone (?:shop|store)|(?:own|brand'?s?) (?:website|web shop|mini[- ]program)/i;

/** The buyer says the shop sells on its own, or that no platform was involved ("没有平台 就是朋友圈"). */
export function saysOwnShop(text: string): boolean {
  return STANDALONE_SHOP.test(normalize(text));
}

/** "买了一台咖啡机，1280元": an amount standing alone in the clause right after what was bought. */
const PURCHASE_PRICE = /买(?:了|的)[^，。！？,.!?退赔补]{1,20}[，,]\s*(\d{1,6}(?:\.\d{1,2})?)\s*(?:元|块)(?:钱)?\s*(?:[，,。.]|$)/;
/**
 * "买的冰箱 …… 冰箱3999": the item bought named again with a sum after it is its price. Two digits only
 * with a unit: "裤子32" is a size.
 */
const ITEM_BOUGHT = /买(?:了|的)(?:一台|一个|一件|一套|个|台|件|套)?(\p{Script=Han}{2,6}?)(?=[\s，,。]|$)/u;
/** The sum right after the item named again (no regex compiled per message). */
const SUM_AFTER_ITEM = /^\s*(\d{3,6}(?:\.\d{1,2})?(?=\s*(?:元|块|[\s，,。]|$))|\d{2}(?:\.\d{1,2})?(?=\s*(?:元|块)))\s*(?:元|块钱|块)?(?=[\s，,。.]|$)/u;
function itemPrice(norm: string): number | null {
  const item = ITEM_BOUGHT.exec(norm)?.[1];
  if (!item) return null;
  const rest = norm.slice(norm.indexOf(item) + item.length);
  for (let at = rest.indexOf(item); at >= 0; at = rest.indexOf(item, at + 1)) {
    const m = SUM_AFTER_ITEM.exec(rest.slice(at + item.length));
    if (m) return Number(m[1]);
  }
  return null;
}
/**
 * The order's amount as the buyer names it: "金额是 459 元", "订单金额 158", Cantonese "畀咗 320 蚊" (paid), a sum
 * right after the order number ("订单 3019… 3299元"). Not the amount of a refund, a claim, a difference or a fee.
 */
const NAMED_PRICE = /(?<![退赔偿款价费])(?:订单)?金额(?:是|为|[:：])?\s?(\d{1,6}(?:\.\d{1,2})?)(?![\d.])|(?:畀|俾)咗\s?(\d{1,6}(?:\.\d{1,2})?)\s?(?:元|块|蚊)|订单号?\s?[:：]?\s?[0-9a-z-]{8,}\s+(\d{2,6}(?:\.\d{1,2})?)\s?(?:元|块钱|块)(?=[\s，,。]|$)/u;
/** "退货退款 599", "退货退款啊，899块": the sum right after a return with a refund is the price asked back. */
const RETURN_REFUND_SUM = /退货退款[啊吧呀嘛哦]?[，,\s]*(?:一共|共)?(\d{1,6}(?:\.\d{1,2})?)\s*(?:块钱|块|元)?(?![\d.])/;
/** A sum in yuan ("899块"), not one for shipping, a difference, a coupon or compensation. */
const YUAN_SUM = /(?<![\d.])(\d{1,6}(?:\.\d{1,2})?)\s?(?:元|块钱|块)(?!多)/g;
const OTHER_MONEY = /运费|邮费|快递费|差价|补偿|赔|券|红包|返现/;
/** The wish to send the goods back, named in the message itself (not a remark beside an offer: "3块钱就想打发我"). */
const RETURN_WISH = /退货/;

/**
 * "退货退款 899块": beside a wish to send the goods back for the money, the one sum the message names
 * (and nothing else about money) is what the goods cost. Null when there are more, or other money words.
 */
function soleSum(norm: string): RegExpExecArray | null {
  if (OTHER_MONEY.test(norm)) return null;
  const sums = [...norm.matchAll(YUAN_SUM)];
  return sums.length === 1 ? (sums[0] as RegExpExecArray) : null;
}

/** The price fell after the purchase: 价保 asked, or the drop itself ("降到2899了", "price dropped"). */
const PRICE_DROP = /价保|保价|价格保护|降价|降到|便宜了|\bprice (?:protection|drop|dropped|went down|fell)\b/i;

/** Payment channels as buyers name them: a wallet, a card (with its bank), PayPal. */
const PAY_CHANNEL = /微信支付|支付宝|花呗|云闪付|(?:招商|工商|建设|农业|中国|交通|浦发|民生|兴业|中信|光大|平安|广发|华夏|邮储|邮政储蓄|北京|上海|宁波|江苏)银行(?:信用卡|储蓄卡|借记卡)|信用卡|paypal|wechat pay|alipay|credit card/gi;

/** Words of paying, beside a channel's name: "付的", "付款", "刷卡", "paid with". */
const PAID_WORD = /付(?:的|了|款|钱)|刷(?:的|了|卡)|\bpaid\b|\bpay(?:ing)? (?:with|by|via)\b/i;

/**
 * What a seller does that carries no money of theirs (silence, stalling, a refusal, a request for
 * evidence, a platform's handling): a sum the buyer says they paid in the same message is still theirs
 * ("paid $60 by card, no answer since"). An agreement or an offer may name the seller's sum: not these.
 */
const MONEYLESS_REPLIES: ReadonlySet<SellerReply> = new Set<SellerReply>([
  'no_response', 'stalls', 'refuses', 'needs_evidence', 'confirm_first', 'return_for_inspection', 'platform_handling', 'platform_for_seller',
]);

/** Below this confidence an extracted order number is confirmed before it is used. */
const CONFIRM_BELOW = 0.6;
/** Order numbers shorter than this (in digits) are confirmed too: most platforms' are longer (DOMAIN.md number shapes). */
const SHORT_ORDER_ID = 10;
/** The longest buyer wording kept as the problem description. */
const PROBLEM_TEXT_MAX = 200;

/** What to ask next while collecting, or null when the case has what it needs. */
export function nextQuestion(c: OpenCase, pendingOrderId: string | null): Askable | null {
  if (pendingOrderId) return 'confirmOrderId';
  if (isOpen(c, 'orderId')) return 'orderId';
  if (isOpen(c, 'problem')) return 'problem';
  if (isOpen(c, 'wants')) return 'wants';
  // The receipt date changes the advice only for a no-reason return (the 7-day window).
  if (c.slots.problem === 'changed_mind' && isOpen(c, 'receivedOn')) return 'receivedOn';
  return null;
}

/** A refund made, with its sum: "已经退了58元", "退了6块", Cantonese "退咗9蚊", "already refunded $12" (not "说退你50", an offer). */
const REFUND_DONE = /(?:已经?退(?:款|了)?|退了|退咗|到账|到帐)\s?(?:我|给我)?\s?[¥￥$]?\s?\d|(?<!没|沒|未|不)把\s?[¥￥$]?\s?\d[\d.]*\s?(?:元|块钱|块)?\s?退(?:了|给我了|回来了|还了)|\b(?:already\s)?refunded\s(?:me\s)?[¥￥$]?\s?\d|(?:只|才|仅)退(?:了)?(?:我|给我)?\s?[一二两三四五六七八九十百千万]{2}/i;
/** "付了X" beside what the seller said: the buyer's own payment, the price (not an offer). */
const OWN_PAID = /(?<![说称讲])(?:我)?(?:付了|实付|花了)/;

/** The case has no value for `slot` and the buyer did not skip it. */
function isOpen(c: OpenCase, slot: keyof Slots & Askable): boolean {
  return c.slots[slot] === null && !c.skipped.includes(slot);
}

/** The buyer's words for the problem, without the order / tracking numbers. */
export function problemWords(text: string, e: Pick<Extraction, 'evidence'>): string {
  // A pasted chat log: the buyer's own statement in it (its sum-up), never the shop's lines.
  const stated = logStatement(text);
  let words = withoutMarkup(withoutGreeting(stated === undefined ? text : stated ?? ''));
  for (const span of [e.evidence.orderId?.span, e.evidence.trackingNo?.span]) {
    if (!span) continue;
    const at = words.indexOf(span);
    if (at < 0) continue;
    // The number goes, with the label in front of it: "订单号是 123 杯子碎了" → "杯子碎了", typed
    // askew too ("订单好 123", "定单号 123"); in English the noun stays: "My order 123 arrived broken" → "My order arrived broken".
    const before = words
      .slice(0, at)
      .replace(/(?:[订定]单[号好]?|单号|快递单号|运单号)\s*[:：]?\s*[是为]?\s*$/u, '')
      .replace(/\s*(?:number|no\.?|#)\s*[:：]?\s*$/iu, ' ');
    // "拼多多订单 123…": the platform named as part of the order's label goes too.
    const platform = e.evidence.platform?.span;
    const trimmed = platform && before.trimEnd().endsWith(platform) ? before.trimEnd().slice(0, -platform.length) : before;
    words = `${trimmed} ${words.slice(at + span.length)}`;
  }
  words = words
    .replace(/\s+/g, ' ')
    // The gap a number left between two commas ("实付3299元， ，今天上午送到"): one comma.
    .replace(/([，,；;、])(?:\s*[，,；;、])+/gu, '$1')
    .replace(/[，,；;、]\s*(?=[。！？!?])/gu, '')
    .replace(/^[\s,，。.;；:：]+|[\s,，;；:：]+$/gu, '')
    .trim();
  return words.length > PROBLEM_TEXT_MAX ? `${words.slice(0, PROBLEM_TEXT_MAX)}…` : words;
}

export interface Merge {
  /** Slots newly filled by this message. */
  filled: (keyof Slots)[];
  /** Slots whose value changed (a correction, a changed wish, a new amount…). */
  changed: (keyof Slots)[];
  /** An uncertain order number to confirm before it is used. */
  confirmOrderId: string | null;
  /** A problem or wish taken at middling confidence: confirmed with options in the same turn. */
  unsure: Unsure[];
  /** The buyer's words added to the problem they had already told ("拍的L码，到的S码"). */
  detail?: string;
}

export interface MergeRules {
  /** Values for filled slots replace them (a correction, or the slot being asked). */
  replace: ReadonlySet<keyof Slots>;
  /** The buyer's own words for the problem when the message is not the problem's source (a pasted log). */
  problemText?: string | null;
  /**
   * The message reports what the seller said or offered (also a reading held for confirmation),
   * or asks a question: its amounts are not what the buyer paid or got back.
   */
  notOwnFacts?: boolean;
  /** The seller reply held for confirmation, when that is why `notOwnFacts` is set. */
  held?: SellerReply | null;
}

/** A fact set against what did not follow ("券被核销了，但根本没做服务", "签收了，可是没收到"): something new, not a retelling. */
const NOT_DONE_BUT = /(?:但是|可是|但|却|卻|结果|結果)[^。！!？?]{0,8}(?:根本|完全|压根|壓根|从来|從來)?(?:没|沒|未)/u;

/**
 * The same problem told again with more to it, while the elements are collected ("发错码", then
 * "下单选的M，寄来的是XL"): the letters state what the buyer said, so the detail joins the problem's
 * words. A detail is something the earlier words lack, and either concrete (a size, a model, a
 * number) or said after words too short to tell the seller much. Null when nothing is added.
 */
function problemDetail(before: string | null, words: string): { text: string; words: string } | null {
  if (words.length < 2 || !before) return null;
  if (before.includes(words)) return null;
  if (words.includes(before)) return words.length > before.length ? { text: words, words } : null;
  // Words that trailed off into self-talk ("…我想，我打字吧") are told again in what follows.
  if (!/[0-9A-Za-z]/.test(words) && !namesNoFault(before) && !trailsOff(before) && !NOT_DONE_BUT.test(words)) return null;
  const text = `${before}，${words}`;
  return text.length > PROBLEM_TEXT_MAX ? null : { text, words };
}

/**
 * "更正一下，不是X，是Y": the buyer's right words replace the wrong ones in the problem's words
 * (`before`, as they were ahead of this message's merge); the right words, or null when the message
 * corrects no words of the problem (trial 11 F26). `recorded` is the pair already found to withdraw
 * something on record (`recordedProblemFix`), which needs no word of correcting.
 */
export function correctProblemWords(c: OpenCase, e: Extraction, text: string, before: string | null, recorded: ProblemCorrection | null = null): string | null {
  const fix = e.orderId ? null : recorded ?? problemCorrection(text);
  if (!fix || SPEAKER.test(fix.right)) return null;
  if (!recorded && e.problem === null && !(before ?? '').includes(fix.wrong.slice(0, 2))) return null;
  c.slots.problemText = correctedWords(before, fix);
  return rightWords(fix);
}

/**
 * "不对 不是颜色问题 是尺码…", "也不是质量问题 是发错货了", "it's not a delay. They cancelled…": the words
 * withdrawn are on the record (the kind of fault, the words themselves, or the kind of problem they
 * name), so the message corrects the problem even with no word of correcting. The problem then is the
 * one the right words name; when they name none, a withdrawn kind of problem leaves the buyer's
 * words as an "other" problem, and withdrawn words leave the record's kind. Null when the message
 * corrects nothing on record.
 */
export function recordedProblemFix(c: OpenCase, e: Extraction, text: string): { problem: Extraction['problem']; fix: ProblemCorrection } | null {
  const words = c.slots.problemText;
  if ((!words && !c.slots.problem) || e.orderId || e.sellerReply) return null;
  for (const fix of correctionPairs(text)) {
    if (SPEAKER.test(fix.right)) continue;
    const wrong = normalize(withdrawnKind(fix) ?? fix.wrong);
    const problem = extract(rightWords(fix)).problem;
    // "来的是黑色，不是我拍的白色", "不是我买的那款，是旧款" tell the goods ordered or the same kind of
    // problem both ways: a description, not a kind withdrawn.
    const kindWithdrawn = c.slots.problem !== null && problem !== c.slots.problem && !ORDERED.test(fix.wrong) && extract(fix.wrong).problem === c.slots.problem;
    if (!kindWithdrawn && !(words && normalize(words).includes(wrong))) continue;
    return { problem: problem ?? (kindWithdrawn ? 'other' : null), fix };
  }
  return null;
}

/**
 * Harm to the buyer's other things ("把我的白衬衫都染了", "漏出来把包弄脏了", "染到了别的衣服上"): the clause, in
 * the buyer's words; null when none.
 */
const SPOILED =
  /把(?:我|家里|其他|别的)?的?[^，,。；;！!？?把]{1,10}?(?:都|也|全|全都)?(?:染|弄脏|搞脏|弄湿|泡坏|泡烂|烫坏|烧坏|弄坏|划花|刮花|腐蚀|污染)|(?:染|弄脏|弄湿|泡坏|烫坏|烧坏)(?:到了?|了)?(?:我|其他|别的)的?[^，,。；;！!？?]{1,8}|(?:其他|别的|一起洗的)[^，,。；;！!？?]{0,6}(?:都|也)?被(?:染|弄脏|弄湿|泡)/u;
export function otherThingsSpoiled(text: string): string | null {
  const m = SPOILED.exec(text);
  if (!m) return null;
  const start = Math.max(...['，', ',', '。', '；', ';', '！', '!', '？', '?', '\n'].map((s) => text.lastIndexOf(s, m.index))) + 1;
  const rest = text.slice(m.index);
  const stop = rest.search(/[，,。；;！!？?\n]/u);
  const clause = text.slice(start, m.index + (stop < 0 ? rest.length : stop)).replace(/[\p{Extended_Pictographic}\s]+$/gu, '').trim();
  return clause.length >= 3 ? clause : null;
}

/** The message's reading with the corrected problem: said outright, it is taken, not confirmed again. */
export function withCorrectedProblem(e: Extraction, found: { problem: Extraction['problem']; fix: ProblemCorrection }): Extraction {
  return { ...e, problem: found.problem, evidence: { ...e.evidence, problem: { span: found.fix.right, confidence: ACT_CONFIDENCE } } };
}

/** Slots to say changed beside corrected words: an "other" problem is its words, not "已更正问题：其他" too. */
export function besideCorrectedWords(c: OpenCase, changed: (keyof Slots)[], fixed: string | null): (keyof Slots)[] {
  return fixed && c.slots.problem === 'other' ? changed.filter((s) => s !== 'problem') : changed;
}

/** The goods as ordered ("我拍的白色", "我买的那款"). */
const ORDERED = /我(?:拍|买|要|订|选|下单)的/u;

/** Who said it ("是卖家说的"): a slip of the speaker, not of the problem. */
const SPEAKER = /卖家|賣家|商家|店家|客服|老板|seller/iu;

/** Problems that put the fault on the seller: a no-reason return told again as one of these is a correction. */
export const SELLER_FAULT: ReadonlySet<string> = new Set(['wrong_item', 'quality', 'damaged', 'not_as_described', 'counterfeit']);

/**
 * "是他们发错了": a problem first told as the buyer's own reason (no-reason return) and now, surely,
 * as the seller's fault replaces it — it decides who pays the shipping and which letter is right.
 */
export function reattributesFault(c: OpenCase, e: Extraction): boolean {
  return c.slots.problem === 'changed_mind' && e.problem !== null && SELLER_FAULT.has(e.problem)
    && (e.evidence.problem?.confidence ?? 1) >= ACT_CONFIDENCE;
}

/**
 * "到是到了，可我买的是加大号，来的是标准号": the goods a not-received case waited for came, with a fault of the
 * seller's read surely — a second problem, not a correction of the first.
 */
export function arrivedWithFault(c: OpenCase, e: Extraction): boolean {
  return c.slots.problem === 'not_received' && e.sellerReply === null && e.problem !== null && SELLER_FAULT.has(e.problem)
    && (e.evidence.problem?.confidence ?? 1) >= ACT_CONFIDENCE;
}

/**
 * Merge an extraction into the case. A value for an empty slot is taken; a value for a
 * filled slot replaces it only when `rules.replace` allows it. Amounts in a reported seller
 * reply are the seller's offer ("私下转你50"), not what was paid.
 */
export function mergeExtraction(c: OpenCase, e: Extraction, text: string, rules: MergeRules): Merge {
  const m: Merge = { filled: [], changed: [], confirmOrderId: null, unsure: [] };
  const notOwn = e.sellerReply !== null || rules.notOwnFacts === true;
  // Dictation that trailed off ("…然后我想，我打字吧") is told again in what the buyer types next: a sure reading of
  // that replaces the reading of the ramble, and its words join the ramble's.
  const trailed = c.phase === 'collecting' && !notOwn && !!c.slots.problemText && trailsOff(c.slots.problemText);
  const retold = trailed && (e.evidence.problem?.confidence ?? 1) >= ACT_CONFIDENCE;
  // Beside a moneyless reply, the price paid and the channel are the buyer's own (they fill, never replace).
  const reply = e.sellerReply ?? rules.held ?? null;
  const ownPayment = !notOwn || (reply !== null && MONEYLESS_REPLIES.has(reply) && (rules.notOwnFacts !== true || !!rules.held));
  const replace = reattributesFault(c, e) || retold ? new Set([...rules.replace, 'problem' as const]) : rules.replace;
  // "寄了 中通 … 运费12": the goods going back and what sending them cost, a fact, not a wish for money.
  const postage = !notOwn && e.trackingNo !== null && returnsParcel(c, text) ? postageSum(text) : null;
  if (postage !== null && !MONEY_BACK_ASKED.test(normalize(text))) e = { ...e, wants: null };
  if (e.orderId && e.orderId !== c.slots.orderId) {
    const confidence = e.evidence.orderId?.confidence ?? 1;
    // Short numbers are often something else (a phone tail, a product id): confirm them.
    const short = e.orderId.replace(/\D/g, '').length < SHORT_ORDER_ID;
    if (c.slots.orderId === null && (confidence < CONFIRM_BELOW || short) && !e.correction) m.confirmOrderId = e.orderId;
    else take(c, m, replace, 'orderId', e.orderId);
  }
  // The problem and the wish as read, by their confidence (see `reading`).
  const problemBefore = c.slots.problem;
  const problem = reading(c, m, replace, e, rules, 'problem');
  if (c.slots.problem !== problemBefore || (problem && !c.slots.problemText)) {
    const words = rules.problemText ?? problemWords(text, e);
    const joined = trailed && !namesNoFault(words) ? problemDetail(c.slots.problemText ?? null, words) : null;
    // Only keep wording that says more than the order number did; words that are only a wish or talk
    // ("我想要他们赶紧发货") leave the problem as told before.
    if (joined) c.slots.problemText = joined.text;
    else if (words.length >= 2 && !(c.slots.problemText && statesNothing(words))) c.slots.problemText = words;
  } else if (trailed || (problem !== null && problem === problemBefore && problem !== 'changed_mind' && c.phase === 'collecting' && !notOwn)) {
    const words = rules.problemText ?? problemWords(text, e);
    // After a ramble, only words naming a fault are its retelling (not "对", not the wish).
    const added = trailed && namesNoFault(words) ? null : problemDetail(c.slots.problemText ?? null, words);
    if (added) {
      c.slots.problemText = added.text;
      m.detail = added.words.replace(/[。.！!；;，,]+$/u, '');
    }
  }
  // "把我白衬衫都染了": the goods spoiled the buyer's other things, which a claim for the loss rests on.
  const spoiled = notOwn ? null : otherThingsSpoiled(text);
  if (spoiled && c.slots.problemText && !normalize(c.slots.problemText).includes(normalize(spoiled))) {
    const text2 = `${c.slots.problemText.replace(/[。.！!；;，,\s]+$/u, '')}，${spoiled}`;
    if (text2.length <= PROBLEM_TEXT_MAX) {
      c.slots.problemText = text2;
      // Once followed, the changed words redraft the letter; while collecting they are noted as a detail.
      if (c.phase !== 'collecting' && !m.changed.includes('problemText')) m.changed.push('problemText');
      m.detail ??= spoiled;
    }
  }
  // "退碎的那只的钱就好，15.5": money back for one part, with its sum, is a partial refund where no wish was read.
  // So is "只退其中一件的钱 25元" read as a return: no 退货 is asked, only one part's money.
  const paid = e.amountPaid ?? c.slots.amountPaid;
  const partWish = !notOwn && (e.wants === null || (e.wants === 'return_refund' && !RETURN_WISH.test(normalize(text)))) && partSum(text, paid) !== null;
  // "钱全退，另外还要三倍赔偿": the multiple named makes the claim the wish, sure, not a guess to confirm.
  const namedClaim = !notOwn && e.wants === 'compensation' && askedMultiple(text) !== null;
  // "快点上门来装，否则退货": the service asked is the wish, none of the six, kept in the buyer's words with
  // its fallback; the remedy after "不然" is not sent as the request.
  const conditional = notOwn || (c.slots.wants !== null && !replace.has('wants')) ? null : conditionalWish(text);
  // "要求退款并赔偿看病花的85元": the money back is the wish, the cost its added claim (below), not compensation instead.
  const extra = notOwn ? null : extraClaim(text) ?? alternativeWish(text) ?? compensationBeside(text, e);
  const besideClaim = e.wants === 'compensation' && extra !== null ? moneyBackBesideClaim(text) : null;
  // "退款+赔800", "那再帮我写个要赔500的": a sum asked as compensation beside the money back is a claim on
  // top of it (claimSum), never the refund's own sum, and the money-back wish stays.
  const claimed = notOwn || conditional !== null ? null : claimedSum(text);
  const backWish = claimed === null ? null : moneyBackKept(c, e, text);
  if (conditional !== null) takeOwnWish(c, m, conditional);
  else if (backWish) reading(c, m, replace, { ...e, wants: backWish }, rules, 'wants');
  else if (besideClaim) reading(c, m, replace, { ...e, wants: besideClaim }, rules, 'wants');
  else reading(c, m, replace, partWish || namedClaim ? { ...e, wants: 'compensation', evidence: { ...e.evidence, wants: { span: '', confidence: ACT_CONFIDENCE } } } : e, rules, 'wants');
  // One of the six named later takes the place of the words.
  if (c.slots.wants !== null && c.slots.wishText) c.slots.wishText = null;
  // "另外挂号拿药的钱也要赔", "要么重发要么退钱": a claim or a second choice beside the wish goes into the letters
  // with it; a new wish without one drops it.
  if (backWish) c.claimSum = claimed!;
  else if (m.changed.includes('wants')) delete c.claimSum;
  // The claim with its sum says it: no bare "要求赔偿" beside it.
  const added = backWish && extra === COMPENSATION_ASKED ? null : extra;
  if (added !== null && added !== c.slots.wishExtra) {
    (c.slots.wishExtra ? m.changed : m.filled).push('wishExtra');
    c.slots.wishExtra = added;
  } else if (added === null && m.changed.includes('wants')) c.slots.wishExtra = null;
  for (const slot of ['platform', 'receivedOn'] as const) take(c, m, replace, slot, e[slot]);
  // A platform outside the list keeps the name the buyer used ("苏宁易购"); a listed one needs none.
  const named = e.platform === 'other' && e.evidence.platform?.span ? keptPlatformName(e.evidence.platform.span) : null;
  if (c.slots.platform === 'other' && e.platform === 'other' && named) c.slots.platformName = named;
  else if (c.slots.platform !== 'other') delete c.slots.platformName;
  // A waybill sent back after the seller agreed to a return is the return parcel's, not the order's.
  if (e.trackingNo !== null && returnsParcel(c, text)) take(c, m, replace, 'returnTrackingNo', e.trackingNo);
  else take(c, m, replace, 'trackingNo', e.trackingNo);
  if (postage !== null) take(c, m, new Set(['returnPostage']), 'returnPostage', postage);
  const loss = notOwn ? null : lossAmount(text);
  if (!notOwn) {
    // "看病花了300元" is the loss, not the price; "花了10块运费" is the postage.
    if ((loss === null || e.amountPaid !== loss) && e.amountPaid !== postage) take(c, m, replace, 'amountPaid', e.amountPaid);
    take(c, m, replace, 'amountRefunded', e.amountRefunded);
    paidFromShortfall(c, m, replace, e, text);
    keepCurrency(c, text, e.amountPaid ?? e.amountRefunded);
  } else if (REFUND_DONE.test(text)) {
    // "商家退了6块，剩下的不退", "刚到账999 少了300 客服说扣的": a refund made is a fact of the case, not an offer.
    take(c, m, replace, 'amountRefunded', e.amountRefunded);
    if (OWN_PAID.test(normalize(text))) take(c, m, new Set(), 'amountPaid', e.amountPaid);
    paidFromShortfall(c, m, replace, e, text);
  } else if ((ownPayment || OWN_PAID.test(normalize(text))) && c.slots.amountPaid === null && e.amountPaid !== null) {
    take(c, m, replace, 'amountPaid', e.amountPaid);
    keepCurrency(c, text, e.amountPaid);
  }
  if (e.food && !onlyTheFishInXianyu(text)) c.food = true;
  if (virtualGoods(normalize(text))) c.virtual = true;
  // "买完就降价了，我要价保": nothing is wrong with the goods; the checklist and the first step are the platform's 价保.
  if (!notOwn && PRICE_DROP.test(normalize(text)) && (c.slots.problem === 'other' || c.slots.problem === null)) c.priceDrop = true;
  // Facts for the letters: not shipped yet, a private 闲鱼 seller or a business, the buyer's extra loss.
  if (saysNotShipped(text) || NOT_SHIPPED_MORE.test(normalize(text))) take(c, m, replace, 'shipped', false);
  // "发货了，物流有动静了 申通 77…": an order not shipped that now has its waybill or is said shipped is shipped
  // (the buyer's own parcel going back is no shipment of the order).
  else if (c.slots.shipped === false && (SELLER_SHIPPED.test(normalize(text)) || e.trackingNo !== null) && !BUYER_SENT.test(text) && !returnsParcel(c, text)) {
    c.slots.shipped = true;
    m.changed.push('shipped');
  }
  // "买了一台咖啡机，1280元": the price right after the purchase, in the clause after it.
  if (!notOwn && e.amountPaid === null && e.amountRefunded === null) {
    const norm = normalize(text);
    const price = PURCHASE_PRICE.exec(norm) ?? NAMED_PRICE.exec(norm) ?? RETURN_REFUND_SUM.exec(norm) ?? ((e.wants ?? c.slots.wants) === 'return_refund' && RETURN_WISH.test(norm) ? soleSum(norm) : null);
    const named = price ? Number(price[1] ?? price[2] ?? price[3]) : itemPrice(norm);
    if (named !== null) take(c, m, replace, 'amountPaid', named);
  }
  // "用招商银行信用卡通过微信支付付的": the channels the payment went through, as named.
  // Only where the buyer says they paid: "支付宝投诉" asks for a letter and says nothing of the payment.
  const paying = ownPayment && !e.intent?.startsWith('want_') && PAID_WORD.test(normalize(text).replace(PAY_CHANNEL, ''));
  const channels = paying ? [...new Set(normalize(text).match(PAY_CHANNEL) ?? [])] : [];
  if (channels.length) take(c, m, replace, 'paidWith', channels.join('、'));
  // A shop of its own (no platform named): no platform intervention exists.
  if (!e.platform && !c.slots.platform && STANDALONE_SHOP.test(normalize(text))) take(c, m, replace, 'standalone', true);
  const privateSeller = privateSellerSaid(text);
  if (privateSeller !== null) take(c, m, replace, 'privateSeller', privateSeller);
  if (loss !== null) take(c, m, replace, 'lossAmount', loss);
  // The share or the sum the buyer named for a partial refund ("退一半", "补偿我20块就行").
  if (e.compensationPercent !== null && !notOwn) c.compensationPercent = e.compensationPercent;
  // "退一赔三": the multiple the buyer named is the one the letters claim (never a larger one).
  const multiple = notOwn ? null : askedMultiple(text);
  if (multiple !== null) c.claimAsked = multiple;
  // The sum the buyer asks back ("补偿我20块就行", "退我差价100元", "那几件退款给我，一共是240元"): the
  // letters name it with the wish. A new wish without a sum drops the old wish's sum.
  const sumWish = c.slots.wants === 'compensation' || c.slots.wants === 'refund';
  // Money said not to have come back ("钱还没退回来 398块") is the sum owed when no refund came at all.
  const noneBack = c.slots.amountRefunded === null ? notBackSum(text) : null;
  const exact = !notOwn && sumWish && !backWish ? compensationAmount(text) ?? askedSum(text) ?? partSum(text, c.slots.amountPaid) ?? keptGoodsSum(text) ?? leastSum(text) ?? noneBack ?? depositTotal(c, text) : null;
  // "大概3000": the buyer's estimate, said as one in the letters (约), never the price instead.
  const about = exact === null && !notOwn && sumWish && !backWish ? aboutSum(text) : null;
  const sum = exact ?? about;
  if (sum !== null) {
    c.compensationAmount = sum;
    if (about !== null) c.compensationAbout = true;
    else delete c.compensationAbout;
    // "refund the $22 for the missing one": a sum asked in dollars is no sum in yuan (the price paid, when told, has set the currency).
    if (c.slots.amountPaid === null && c.slots.amountRefunded === null) keepCurrency(c, text, sum);
  } else if (m.changed.includes('wants')) {
    c.compensationAmount = null;
    delete c.compensationAbout;
  }
  for (const slot of [...m.filled, ...m.changed]) c.skipped = c.skipped.filter((s) => s !== slot);
  if (c.tentative?.length === 0) delete c.tentative;
  return m;
}

/** "只退了229 少了30": the refund and the shortfall the buyer named give the price paid. */
function paidFromShortfall(c: OpenCase, m: Merge, replace: ReadonlySet<keyof Slots>, e: Extraction, text: string): void {
  const short = e.amountRefunded !== null && e.amountPaid === null && c.slots.amountPaid === null ? shortfallAmount(text) : null;
  if (short !== null) take(c, m, replace, 'amountPaid', Math.round((e.amountRefunded! + short) * 100) / 100);
}

/** "全额退款，定金也要退", "all of it back, deposit included": the whole sum, the deposit with it. */
const DEPOSIT = /定金|订金|deposit/i;
const WHOLE_BACK = /全额|全款|全部|都退|也要退|也退|连.{0,4}一起|\b(?:in full|full refund|all of it|everything|included|as well)\b/i;

/**
 * A refund of everything on an order paid with a deposit: the total the buyer gave (the price paid) is the
 * sum the letters name, so a seller cannot refund the balance alone and keep the deposit.
 */
function depositTotal(c: OpenCase, text: string): number | null {
  if (c.slots.wants !== 'refund' || c.slots.amountPaid === null || !WHOLE_BACK.test(text)) return null;
  return DEPOSIT.test(text) || DEPOSIT.test(c.slots.problemText ?? '') ? c.slots.amountPaid : null;
}

/** Compensation taken in place of the money back ("不退了，赔我200就行"): no money-back wish is kept beside it. */
const INSTEAD_OF_BACK = /不退了|不退货|不用退|不想退|留着|留下|自己留|就行|就好|就可以|也行/;

/**
 * The money-back wish a compensation sum is asked beside: the one this message names, or the case's when
 * the message names none (or only the compensation) and takes nothing in its place; null when none.
 */
function moneyBackKept(c: OpenCase, e: Extraction, text: string): Wants | null {
  if (e.wants === 'refund' || e.wants === 'return_refund') return e.wants;
  if (INSTEAD_OF_BACK.test(normalize(text))) return null;
  if ((e.wants === null || e.wants === 'compensation') && (c.slots.wants === 'refund' || c.slots.wants === 'return_refund')) return c.slots.wants;
  return moneyBackBesideClaim(text);
}

/** Money back asked in the buyer's own voice ("要求退款", "想退货退款", "I want a refund"). */
const MONEY_BACK_ASKED = /(?:要求|我要|想要?|希望|申请|请|给我)\s?(?:全额)?(退货退款|退货|退款|退钱)|\b(?:want|need|asking for|request)\s(?:a\s)?(?:full\s)?(refund|return)/i;

/** The money back asked beside an added claim for a cost ("退款并赔偿医药费"): the wish it names, or null. */
function moneyBackBesideClaim(text: string): Wants | null {
  const m = MONEY_BACK_ASKED.exec(normalize(text));
  if (!m) return null;
  return /退货|return/i.test(m[1] ?? m[2]!) ? 'return_refund' : 'refund';
}

/** The wish in the buyer's words (`wishText`) in place of a coded one, and its sum gone with the code. */
function takeOwnWish(c: OpenCase, m: Merge, words: string): void {
  if (c.slots.wishText !== words) (c.slots.wishText || c.slots.wants ? m.changed : m.filled).push('wishText');
  c.slots.wishText = words;
  if (c.slots.wants !== null) {
    c.slots.wants = null;
    c.compensationAmount = null;
  }
  c.tentative = c.tentative?.filter((s) => s !== 'wants');
  if (!c.skipped.includes('wants')) c.skipped = [...c.skipped, 'wants'];
}

/**
 * "退那杯的钱就行，18块", "把少的那份的钱退我，12元": the money for one part of the order, asked back, with
 * the sum in a clause of its own. Not when the sum is what was paid ("付了", "花了").
 */
const PART_REFUND = /退(?:我|给我)?([^，。！？,.!?]{1,6}?)的钱|(?:把|将)?([^，。！？,.!?]{1,6}?)的钱(?:给我)?退/u;
/** "退我的钱", "全部的钱退我": the whole order's money, no part. */
const WHOLE_MONEY = /^(?:我|我们|全部|所有|全|货|买|付|我买|我付)/u;
/** The sum in a clause of its own; a bare figure ("…就行 12.5") with no unit only where the message ends. */
const BARE_SUM = /(?:^|[，,。；;\s])(?:就|一共|是)?(\d{1,5}(?:\.\d{1,2})?)(?:\s*(?:块钱|块|元)(?:钱)?(?=[，,。；;！!\s]|$)|\s*[。.!！]?$)/u;
const PAID_BEFORE = /(?:付了?|花了?|实付|支付了?|买的)\s*$/u;

/**
 * The sum asked back for a part of the order (see `PART_REFUND`), or null. The price paid is no
 * part ("季卡 680 元 … 退剩下的钱": the rest's sum is not said).
 */
function partSum(text: string, paid: number | null): number | null {
  const norm = normalize(text);
  const part = PART_REFUND.exec(norm);
  if (!part || WHOLE_MONEY.test(part[1] ?? part[2] ?? '')) return null;
  const m = BARE_SUM.exec(norm);
  if (!m || PAID_BEFORE.test(norm.slice(0, m.index + m[0].indexOf(m[1]!)))) return null;
  const v = Number(m[1]);
  return Number.isFinite(v) && v > 0 && v !== paid ? v : null;
}

/**
 * Take `value` for `slot` (merge step of `mergeExtraction`): an empty slot is filled, a filled one
 * replaced only when `replace` allows it. Module functions, not closures per message: a closure
 * made per call costs its allocation (and a name assignment under tsx).
 */
/** "I paid $54.90": the amounts keep the currency the buyer gave (yuan unless written otherwise). */
function keepCurrency(c: OpenCase, text: string, given: number | null): void {
  const currency = given !== null ? currencyOf(text, given) : null;
  if (currency) c.slots.currency = currency === 'CNY' ? null : currency;
}

function take<K extends keyof Slots>(c: OpenCase, m: Merge, replace: ReadonlySet<keyof Slots>, slot: K, value: Slots[K] | null): void {
  if (value === null || value === c.slots[slot]) return;
  // Optional facts (shipped, privateSeller…) are absent in older states: absent is unknown.
  if (c.slots[slot] === null || c.slots[slot] === undefined) {
    c.slots[slot] = value;
    m.filled.push(slot);
  } else if (replace.has(slot)) {
    c.slots[slot] = value;
    m.changed.push(slot);
  }
}

/**
 * Issue 9 item 4: a reading at or above ACT_CONFIDENCE is taken as said; a middling one is
 * taken and confirmed with options in the same turn; below CONFIRM_CONFIDENCE it is a guess
 * (vague wording, "快递有问题") and the buyer is asked instead.
 */
function reading<K extends 'problem' | 'wants'>(
  c: OpenCase, m: Merge, replace: ReadonlySet<keyof Slots>, e: Extraction, rules: MergeRules, slot: K,
): Slots[K] | null {
  const value = e[slot] as Slots[K] | null;
  const confidence = e.evidence[slot]?.confidence ?? 1;
  if (value === null || confidence < CONFIRM_CONFIDENCE) return null;
  const before = c.slots[slot];
  const sure = confidence >= ACT_CONFIDENCE;
  // "剩下的钱退我，按次算该退1100": a message that states the wish, with a problem read from one
  // weak word, does not overturn the problem the buyer already described.
  if (slot === 'problem' && !sure && before !== null && value !== before && e.wants !== null && c.slots.problemText) return null;
  const tentative = (c.tentative ??= []).includes(slot);
  // A tentative reading gives way to a clear one, and a clear restatement confirms it.
  if (tentative && sure && value !== before && before !== null) {
    c.slots[slot] = value;
    m.changed.push(slot);
  } else {
    take(c, m, replace, slot, value);
  }
  if (c.slots[slot] !== before && !sure) {
    m.unsure.push({ slot, alternative: e.evidence[slot]?.alternative ?? null });
    if (!c.tentative.includes(slot)) c.tentative.push(slot);
  } else if (c.slots[slot] === value && (sure || rules.replace.has(slot))) {
    c.tentative = c.tentative.filter((s) => s !== slot);
  }
  return value;
}

/** The buyer says the parcel went back, or the seller (or the platform) agreed to take it back. */
const SENT_BACK =
  /(?<!被)(?:寄回|退回|寄返|寄还)|退货(?:的)?(?:快递|单号|运单|物流)|\b(?:sent|shipped|mailed) (?:it |them )?back\b|\breturn (?:parcel|package|waybill|tracking)/i;
const RETURN_WISHES: ReadonlySet<string> = new Set(['return_refund', 'exchange']);

/** "我已经寄出了", "我今天发了顺丰", "I shipped it": the buyer sent a parcel — to a seller, that is the goods going back. */
const BUYER_SENT = /我(?:已经|已|刚刚?|今天|昨天|上午|下午)?(?:用|走)?(?:顺丰|中通|圆通|申通|韵达|邮政|京东|极兔|德邦)?(?:寄出|寄了|寄过去|寄走|发出|发了|发回)|\bI (?:have |'ve )?(?:sent|shipped|mailed|posted) it\b/i;

function returnsParcel(c: OpenCase, text: string): boolean {
  if (SENT_BACK.test(text)) return true;
  // A buyer who wants to send the goods back and says they sent a parcel sent them back.
  if (RETURN_WISHES.has(c.slots.wants ?? '') && BUYER_SENT.test(text)) return true;
  const agreed = c.timeline.some((x) => x.type === 'seller_return_for_inspection' || x.type === 'platform_ruled_buyer'
    || (x.type === 'seller_agreed' && RETURN_WISHES.has(c.slots.wants ?? '')));
  return agreed;
}

/** "闲鱼" holds a fish (鱼) the food lexicon knows: a message is about food only if it still is without it. */
function onlyTheFishInXianyu(text: string): boolean {
  return /闲鱼|閒魚/.test(text) && !extract(text.replace(/闲鱼|閒魚/g, '二手平台')).food;
}

/** "已记下：订单号 123、问题 运输破损。" and "已更正…" lines — none if nothing changed. */
export function acknowledge(turn: Turn, c: OpenCase, m: Pick<Merge, 'filled' | 'changed'> & { detail?: string }): string[] {
  const lines: string[] = [];
  const noted = m.filled
    .filter((s) => (s !== 'trackingNo' || c.slots.orderId !== null) && s !== 'shipped' && s !== 'privateSeller' && s !== 'standalone')
    .map((s) => `${slotLabel(turn, c.slots, s)} ${slotValue(turn, c.slots, s, c.claimAsked) ?? ''}`.trim());
  if (noted.length) lines.push(turn.t('noted', { items: noted.join(turn.t('list.sep')) }));
  if (m.detail) lines.push(turn.t('problemDetail', { words: m.detail }));
  for (const s of m.changed.filter((x) => x !== 'shipped' && x !== 'privateSeller' && x !== 'standalone')) lines.push(turn.t('corrected', { slot: slotLabel(turn, c.slots, s), value: slotValue(turn, c.slots, s, c.claimAsked) ?? '' }));
  return lines;
}

/**
 * Evidence logged before the problem was known has no checklist item yet: match it now.
 * Evidence never changes the problem; the problem decides the checklist.
 */
export function matchLoggedEvidence(turn: Turn, c: OpenCase): void {
  if (!c.slots.problem) return;
  const items = caseChecklist(turn, c)?.items ?? [];
  // A new entry, not the old one changed: the turn's copy of the case shares its entries (engine.ts).
  c.evidence = c.evidence.map((ev) => (ev.item === null && ev.caption ? { ...ev, item: matchEvidence(normalize(ev.caption), items, ev.kind) } : ev));
}

/** The added claim of compensation with no sum, as the letters carry it. */
const COMPENSATION_ASKED = '要求赔偿';
/** "退货退款，还要赔偿", "退款并要求赔偿": compensation asked beside the money back, no multiple named. */
const COMPENSATION_BESIDE = /(?:还要|还得|并且?(?:要求)?|另外(?:还)?(?:要求?)?|同时(?:要求)?)\s?(?:商家|卖家|店家)?赔偿/u;

/**
 * Compensation asked beside a money-back wish in the buyer's words, kept as the wish's added claim
 * (the letters say it after the wish); null when a multiple is named (the claim itself says it) or none.
 */
function compensationBeside(text: string, e: Extraction): string | null {
  if (e.wants !== 'refund' && e.wants !== 'return_refund') return null;
  const m = COMPENSATION_BESIDE.exec(normalize(text));
  return m && askedMultiple(text) === null ? COMPENSATION_ASKED : null;
}
