/**
 * Following a case once its drafts went out: amendments at any time (a corrected order
 * number, a changed wish, new amounts or dates) re-issue the draft of the rung the case is
 * on; what the seller or platform did moves it along the ladder; "怎么办" gets the next
 * concrete step; "解决了" closes it.
 */
import {
  askedMultiple, asksMultiple, asksQuestion, emptyExtraction, saysOrderIdWrong, namesRemedyOnly, normalize, refundMissing, turnsDownPart, reportsOthersWords, reportsThirdPartyWords, shortfallAmount, type Extraction,
} from '../nlu/index.ts';
import { arrivedSum, namedSum, owedSum } from '../nlu/amounts.ts';
import { closeCase, happened, lastSellerEvent, record, settlement } from './case.ts';
import {
  escalateToRegulator, nextStepAdvice, reissueDraft, sellerDraftKind, sendPaymentDraft, sendPlatformGuide, stepOptions,
} from './escalation.ts';
import { acceptOffer, actOnReply, BUYER_TOOK, keepHeldReply, refuseOffer, REJECTS_OFFER, returnHint, toPlatform } from './reports.ts';
import { offers } from './menus.ts';
import { answerNo, nextStepChoice, notYet, promiseCheckTyped, promiseFellShort } from './steps.ts';
import { letterCheckTyped } from './letter-check.ts';
import { ask, confirmReadings, handedFactsChanged, handedLetterChanged, moneyValue, sameLetterJustSent, sendAdvice, sendDraft, slotValue } from './render.ts';
import { addHours, addWorkingDays, formatDate, formatDateTime } from '../time/deadlines.ts';
import { has } from '../i18n/index.ts';
import { outsideMainland, platformGuide, platformGuideLines, platformName } from '../knowledge/platforms.ts';
import { answerQuestion, isKnowledgeIntent } from '../knowledge/answers.ts';
import {
  acknowledge, arrivedWithFault, besideCorrectedWords, correctProblemWords, matchLoggedEvidence, mergeExtraction, problemWords, reattributesFault, recordedProblemFix, withCorrectedProblem,
} from './slots.ts';
import type { ProblemCorrection } from '../nlu/correction.ts';
import { windowAdvice } from './window.ts';
import { answerCaseQuestion, asksWhoPaysRest } from './case-questions.ts';
import { solvedBy } from './solved-by.ts';
import { toSimplified, toWrittenChinese } from '../drafts/words.ts';
import { aboutToConfirm, acceptsWhatCame, arrivedFine, arrivedWrong, asksToClose, confirmedAlready, shortArrival, whatCameWrong } from './closure.ts';
import { isPrivateSeller, noteSum, refundShort, shortOfPrice } from '../drafts/parts.ts';
import { returnLostReported, returnReceived } from './return-receipt.ts';
import { answerRefundTiming } from './refund-timing.ts';
import { paidInFull } from './settled.ts';
import { creditCameShort, partPaidRestOpen, refundedButPostage } from './part-paid.ts';
import { privateMoneyLater } from './off-platform.ts';
import { appealReported, reportsAppeal } from './appeal.ts';
import { newEvidenceAfterRuling } from './ruling-appeal.ts';
import { channelWantsContact, sendContactForChannel } from './payment-channel.ts';
import { pickedUp, pickupMissed, promiseDenied, resentWaybill, saysNewSent, saysPickedUp, saysPickupMissed, shipmentSent, shipmentWrong } from './promised-act.ts';
import { CAME_WRONG, goodsRemedyAwaited, sentCameWrong, shipmentPromised } from './promise-record.ts';
import { answersBlame } from './rebuttal.ts';
import { buyerAddsFact, letterLacks } from './buyer-facts.ts';
import { noteOtherOrder } from './other-orders.ts';
import { acknowledgementOnly, asksStatus, caseStatus, notUnderstood } from './unclear.ts';
import type { Turn } from './turn.ts';
import type { DraftKind, FollowingCase, PendingReminder, Slots } from '../domain/index.ts';

/** The buyer turns an offer down: "不要券", "券我不要", "不接受这个方案", "这点补偿我不要". */
const TURNS_DOWN = /(?:不要|不接受|不同意|不稀罕|不想要)(?:这个|这张|什么|你的|他的|卖家的)?(?:券|卷|优惠券|代金券|红包|补偿|方案|积分)|(?:券|卷|红包|补偿|方案)(?:我)?(?:不要|不接受|不稀罕)|\b(?:don'?t want|won'?t accept|not accepting) (?:the |a |their )?(?:coupon|voucher|offer)/i;

/** "至少要退一半", "起码200": a floor the buyer sets is their own demand, the open offer turned down, never accepted. */
const DEMANDS_FLOOR = /至少|起码|最少|最低|不少于|不能少于|\bat least\b|\bno less than\b/i;

/** The complaint not (yet) accepted: "还没受理", "不予受理", "没给受理", "not accepted yet". */
const NOT_ACCEPTED = /(?:没|未|不|沒)(?:有|予|给|給)?(?:被)?受理|not (?:yet )?(?:been )?accepted|(?:didn'?t|did not|won'?t|would not|refused to) accept/i;

/** "平台介入要多久", "几天能有结果", "how long": a question about time. */
/** Rules questions read as intents: their wish words are asked about, not wished ("15天内能换吗"). */
const RULES_QUESTIONS: ReadonlySet<string> = new Set(['ask_return_rules', 'ask_complaint', 'ask_statutory_multiple', 'ask_how_refund', 'case_overwhelmed']);

/**
 * "好 发过去了", "已经发给卖家了", "sent it": the whole message says the buyer sent the letter, and
 * nothing of what the seller did (the reply time's question asks that when it comes).
 */
const SENT_IT = /^(?:好的?|嗯|行|ok|okay)?[\s，,。.!！]*(?:我)?(?:已经|已|刚|剛|刚刚|剛剛)?(?:发|發)(?:过去|過去|出去|给他了|給他了|给卖家了|給賣家了|给商家了|給商家了|给客服了|給客服了|咗|了)(?:了|咗)?[\s。.!！~～]*$|^(?:ok(?:ay)?[,.!]?\s*)?(?:i\s*(?:'ve|have)?\s+)?(?:just\s+)?sent\s+(?:it|the (?:message|text|letter))(?:\s+to\s+(?:the\s+)?seller)?[\s.!]*$/iu;
const HOW_LONG = /多久|多长时间|多長時間|几天|幾天|几个工作日|什么时候(?:出|有)?结果|how long|how many days/i;

/** "没回", "还是没发", "一直没动静": nothing came, said in a few words. */
const STILL_NOTHING = /^(?:卖家|商家|店家|客服|平台)?(?:还是|还|一直|都|依然|仍然|到现在)?(?:没|沒|没有|沒有)(?:回|回复|回覆|回音|答复|答覆|回应|回應|动静|動靜|消息|结果|結果|进展|進展|下文|发|發|发货|發貨|理我|处理|處理)(?:呢|啊|呀|哦)?[。.!！~～]*$|^(?:still )?no (?:reply|answer|response|news|word|result)s?(?: yet)?(?: from them)?[.!\s]*$|^(?:they )?(?:still )?(?:haven'?t|have not|didn'?t|did not) (?:replied|answered|reply|answer|responded|respond)(?: yet)?[.!\s]*$/iu;

/**
 * "还没", "仲未收到，都冇單號", "not yet": a bare no. Right after a reminder's nudge it answers the nudge
 * (the promise was broken), so the next step follows (trial 7 s01, s08, s11).
 */
const NOT_YET = /^(?:还是|還是|还|還|仍然|仍|仲|都|到现在)?(?:没|沒|未|冇)(?:有)?(?:收到|到|解决|解決|处理|處理|发货|發貨|回复|回覆|动静|動靜|消息|结果|結果|好)?(?:呢|啊|呀|哦|喔)?(?:[，,、\s]+(?:都|也|还|還)?(?:冇|没|沒)(?:有)?(?:单号|單號|物流|消息|回复|回覆|动静|動靜))?[。.!！~～\s]*$|^(?:not yet|nope|still nothing|nothing yet|no,? not yet|no,? nothing)[.!\s]*$/iu;

/** The bot's own acts: a nudge followed only by these is still the last thing the buyer heard. */
const BOT_ACTS: ReadonlySet<string> = new Set(['nudged', 'draft_sent', 'escalated']);

/** The case's latest event is a reminder's nudge (and the drafts it handed over). */
function justNudged(c: FollowingCase): boolean {
  for (let i = c.timeline.length - 1; i >= 0; i -= 1) {
    const type = c.timeline[i]!.type;
    if (type === 'nudged') return true;
    if (!BOT_ACTS.has(type)) return false;
  }
  return false;
}

/** "钱还没退", "款还没到": the money is not back (beside what the NLU's refundMissing reads). */
const MONEY_NOT_BACK = /(?:钱|退款|货款|款)(?:还是|还|一直|都|到现在|现在|至今|也)*(?:没|沒|没有|沒有|未)(?:退|到|收到)|^(?:还是|还|還|一直|都|到现在|至今)*(?:没|沒|未)(?:有)?(?:到账|到帳)/u;
/** "运费6块没给", "还有8元没退": the part of a refund that did not come, with its sum. */
const MISSING_SUM = /(\d{1,6}(?:\.\d{1,2})?)\s?(?:块钱|块|元)?\s?(?:还是|还|也|都|一直)?(?:没|没有|沒|未)(?:给|退|补|返|到)/u;
/** "退款到了", "钱已经到账", "只退了120": money that came back, reported — not a wish for it. */
const MONEY_BACK_TOLD = /(?:钱|退款|货款|款)(?:已经|已|都)?(?:到了|到账了?|到帳了?|退回来了|收到了)|(?:只|就|才|已经|已)退了\s?(?:\d|[一二两三四五六七八九十百千])/u;
/**
 * The buyer takes the seller's offer: "接受", "150就150", "那就这样吧", "成交", "I accept", "I'll take it", "deal".
 * (Read after `REJECTS_OFFER`: "不接受" is no acceptance.)
 */
export const ACCEPTS_OFFER = /接受|(\d+(?:\.\d{1,2})?)\s?(?:块|元)?就\s?\1|那就(?:这样|这么办|这么定)|就这样吧|成交|\bI(?:'ll| will)? accept\b|\baccept(?:ed)? (?:it|that|the offer)\b|\bI'?ll take (?:it|that|the)\b|\bdeal\b/iu;
/** The seller's latest answer was an offer the buyer can turn down. */
const OFFERS: ReadonlySet<string> = new Set(['seller_counter_offer', 'private_deal_offered']);
/** The buyer states a wish in their own words ("我要取消订单退款", "想退款"). */
const STATES_WISH = /我(?:还是|就是|只|也)?(?:要|想|想要|希望|申请)|^(?:要|想)|取消订单|我(?:都|已经)?说(?:了|过)/u;

/** A no-reason return the seller received, its refund not yet confirmed: the refund is due. */
function refundDue(c: FollowingCase): boolean {
  return happened(c, 'return_received')
    && (c.reminders.some((r) => r.reason === 'refund_due') || c.timeline.some((x) => x.type === 'nudged' && x.note === 'refund_due'));
}

/** A question whether the payment channel can help: "微信支付那边能投诉吗", "信用卡可以拒付吗". */
const PAYMENT_ROUTE_QUESTION = /(?:微信支付|微信|支付宝|信用卡|银行|花呗|paypal|card).{0,8}(?:投诉|投訴|拒付|申诉|申訴|争议|爭議|退单|chargeback|dispute|complain)/i;

/**
 * A message that only says the buyer's last message had a slip, and at most who really said it:
 * "说错了 是卖家说的", "我打错字了，是商家说的", "不好意思写错了". ("发错了" is left out: it is said of goods.)
 */
const OWN_SLIP_ONLY = /^(?:不好意思|抱歉|对不起|哦|啊|呃)?[，,。\s]*(?:我)?(?:刚才|刚刚|前面|上面)?(?:说|說|打|写|寫|搞|弄|讲|講)(?:错|錯)(?:字)?了?[，,。!！\s]*(?:(?:是|应该是|應該是)?(?:卖家|賣家|商家|店家|客服|老板|我)(?:说的|說的|讲的|講的|的意思)?)?[。.!！~\s]*$/u;
/** The buyer names a letter the bot gave ("那份文本", "投诉书里", "the 12315 text says"). */
const LETTER_NAMED = /文本|那封信|信里|信上|投诉(?:书|信|内容)|申请书|上面写|里面写|里写|写着|写的是|写成|(?:你|您)(?:写|给)的|(?:你|您)写错|12315|\b(?:text|letter|draft|complaint|it says|says i|you wrote)\b/iu;
/** …and says it is wrong ("不对", "写错了", "我根本没签收", "that's wrong", "not true"). */
const SAYS_WRONG = /不对|错了|写错|有误|不是事实|不属实|不是真的|瞎写|乱写|我(?:根本|从来|压根)?(?:就)?没(?:有)?签收|\b(?:wrong|incorrect|(?:not|isn'?t) (?:true|right|correct)|untrue|false|never signed|mistake)\b/iu;

/** The seller named as the speaker. */
const SELLER_NAMED = /卖家|賣家|商家|店家|客服|老板/u;
/** The order number named ("订单号发错了"). */
const NAMES_ORDER_ID = /订单|訂單|单号|單號|order/iu;
/** What a following turn ended with. */
export type FollowResult =
  | { tag: 'closed' }
  | { tag: 'asked'; slot: 'orderId' | 'otherOrder' | 'wants' }
  | { tag: 'amended'; slots: (keyof Slots)[] }
  | { tag: 'acted' }
  /**
   * The message answered a question of the bot's (whether the seller letter went out and was answered),
   * or told what someone other than the seller did (new evidence, the payment channel's answer).
   */
  | { tag: 'answered' }
  | { tag: 'nothing' };

const SLOTS: readonly (keyof Slots)[] = [
  'orderId', 'problem', 'problemText', 'wants', 'platform', 'trackingNo', 'receivedOn', 'amountPaid', 'amountRefunded',
];
/** Facts that change what a letter says: a change re-issues the rung's draft. */
const LETTER_FACTS: ReadonlySet<keyof Slots> = new Set(['orderId', 'problem', 'problemText', 'wants', 'wishText', 'wishExtra', 'lossAmount', 'amountPaid', 'amountRefunded', 'receivedOn', 'trackingNo', 'shipped']);

/** How a message was read beside its extraction. */
export interface FollowOptions {
  /** The buyer's own words for the problem in a pasted log. */
  problemText?: string | null;
  /** The seller's reply was read at middling confidence and is held for the buyer to confirm. */
  heldReply?: boolean;
}

/** A message about a followed case. */
export function follow(turn: Turn, c: FollowingCase, e: Extraction, text: string, opts: FollowOptions = {}): FollowResult {
  // "补发到了，但是型号不对", "钱到了，只到了15块": something came, but short or wrong — not a resolution.
  const stillWrong = arrivedWrong(text, e.resolved);
  // "补发的到了，还是碎的", "the new one came and it's fine" name what came, not a seller who agreed to
  // anything (no one is reported speaking).
  if ((stillWrong || arrivedFine(text)) && e.sellerReply === 'agrees' && !reportsOthersWords(text)) e = { ...e, sellerReply: null };
  if (acceptsWhatCame(text) && (!e.sellerReply || e.sellerReply.startsWith('platform_') || e.sellerReply === 'agrees' || e.sellerReply === 'counter_offer')) {
    closeCase(turn, 'resolved', solvedBy(text));
    turn.info('resolvedAccepted');
    return { tag: 'closed' };
  }
  if (creditCameShort(turn, c, e, text) || partPaidRestOpen(turn, c, e, text) || refundedButPostage(turn, c, e, text)) return { tag: 'acted' };
  // Money taken is what the message reports: no reading of it as the seller's words is left to confirm.
  if (privateMoneyLater(turn, c, e, text)) return { tag: 'answered' };
  if (((e.resolved && !stillWrong) || arrivedFine(text) || asksToClose(text)) && !e.sellerReply && !promiseFellShort(turn, text)) {
    closeCase(turn, 'resolved', solvedBy(text));
    turn.info('resolved');
    return { tag: 'closed' };
  }

  const pending = turn.state.pending;
  turn.state.pending = null;
  // The seller's answer held for the buyer to confirm, and the buyer moved on: kept as they reported it.
  if (pending?.slot === 'confirmReply') keepHeldReply(turn, c, pending.value);
  // "说错了 是卖家说的": the buyer fixes a slip in their own last message (who said it); nothing in
  // it is a fact of the goods or a wish, and no order number is asked for (trial 8 P4).
  if (!e.orderId && OWN_SLIP_ONLY.test(text.trim())) {
    const seller = SELLER_NAMED.test(text) && lastSellerEvent(c) !== null;
    turn.info(seller ? 'amend.speakerSeller' : 'amend.slipNoted');
    return { tag: 'acted' };
  }
  // "卖家没答应周六": a promise on record the seller never gave comes off it (what else the message says is read on).
  const denied = !e.orderId && promiseDenied(turn, c, text);
  if (denied) e = { ...e, promise: null, sellerReply: null };
  // "发了没回", "还没发": the answer to whether the seller letter went out and was answered.
  if (!e.orderId && letterCheckTyped(turn, c, e, text)) return { tag: 'answered' };
  // "取件的一直没来", "做了": the answer to whether the seller kept the promise whose time ran out.
  // "师傅没来" while a courier pickup is awaited, asked about or not; with the seller's new day in the
  // same breath ("没人来，卖家说改到周五"), that day is the new promise and no rebooking note is needed.
  if (!e.orderId && saysPickupMissed(c, text)) {
    const rebooked = e.promise !== null && !e.promise.after;
    pickupMissed(turn, c, rebooked);
    if (rebooked) actOnReply(turn, c, e);
    return { tag: 'answered' };
  }
  // "新的发了 单号…": the number is the replacement's, sent as promised — never the buyer's return waybill.
  if (!e.orderId && e.trackingNo && saysNewSent(c, text)) {
    shipmentSent(turn, c, e.trackingNo);
    return { tag: 'answered' };
  }
  if (!e.orderId && promiseCheckTyped(turn, c, e, text)) return { tag: 'answered' };
  // "取走了 单号…" before it was asked: the buyer's own report, not the seller's words of a pickup arranged.
  if (!e.orderId && !e.sellerReply && !e.promise && saysPickedUp(c, text)) {
    pickedUp(turn, c, e.trackingNo);
    return { tag: 'answered' };
  }
  // The waybill of goods sent again is recorded after what else the message reports (a ruling to reship comes first).
  const resent = e.orderId ? null : resentWaybill(c, e.trackingNo, text);
  if (resent) {
    const r = follow(turn, c, { ...e, trackingNo: null }, text, opts);
    shipmentSent(turn, c, resent);
    return r;
  }
  const answersOrderId = pending?.slot === 'orderId';
  const wordsFix = answersOrderId ? null : recordedProblemFix(c, e, text);
  if (wordsFix) e = withCorrectedProblem(e, wordsFix);
  const correcting = e.correction || e.intent === 'correction' || answersOrderId || wordsFix !== null || (e.orderId !== null && saysOrderIdWrong(text));

  // Another order number, not said to be a correction: a new case, or a correction?
  if (e.orderId && c.slots.orderId && e.orderId !== c.slots.orderId && !correcting) {
    noteOtherOrder(turn, e.orderId, text);
    ask(turn, 'otherOrder', { vars: { orderId: e.orderId, current: c.slots.orderId }, value: e.orderId });
    return { tag: 'asked', slot: 'otherOrder' };
  }

  // The seller received the goods sent back (read with the report: reports.ts): on the record first.
  const receipt = turn.report.returned ?? null;
  if (receipt) returnReceived(turn, c, receipt.day, e.sellerReply !== null || opts.heldReply === true, receipt.said === true);
  // The courier lost it instead: that is on the record, and the buyer hears what to do.
  const lost = !receipt && turn.report.lost === true;
  if (lost) returnLostReported(turn, c);
  // "还没收到退款" once the refund was agreed or ruled: the refund is missing, and the platform steps in.
  // So is "钱还没退" once the seller received a no-reason return (its refund is due: 第二十五条).
  if (!e.sellerReply && (refundMissing(text) || MONEY_NOT_BACK.test(text))
    && (happened(c, 'seller_agreed') || happened(c, 'platform_ruled_buyer') || refundDue(c))) {
    turn.closeMenus('nextStep');
    // "钱还没到 说3个工作日到账": not late yet — the time given is the one the refund is checked by.
    if (e.promise && !e.promise.after && e.promise.act === 'refund') {
      const due = e.promise.workingDays ? addWorkingDays(turn.now, e.promise.workingDays, turn.tz) : { at: addHours(turn.now, e.promise.hours), approx: false };
      turn.setReminder(c, 'refund_arrival', due.at, due.approx);
      turn.info('promise.refundBy', { vars: { deadline: formatDateTime(due.at, turn.tz, turn.loc) } });
      return { tag: 'acted' };
    }
    turn.cancelReminder(c, 'refund_arrival');
    nextStepChoice(turn, c, 'notYet');
    return { tag: 'acted' };
  }

  // "这个要多久能退到账": a question about the refund's timing, not a new wish and not news; the case
  // stays where it is and the question is answered (trial 8 P1), whatever the wish reading said.
  if (!e.sellerReply && !e.orderId && !correcting && e.intent === 'case_refund_timing') {
    answerRefundTiming(turn, c, () => howLong(turn, c));
    return { tag: 'acted' };
  }

  // "商家申诉了，要我把货退回去，不然追回退款": the appeal on the record, and the next step (trial 8 P3).
  if (!e.orderId && !correcting && reportsAppeal(text)) {
    appealReported(turn, c, text);
    return { tag: 'acted' };
  }

  // "到账300了" with 300 agreed: the money came as agreed, and whether the case can close is asked.
  if (paidInFull(turn, c, e, text)) return { tag: 'acted' };
  // "我有通话录音" after a ruling against the buyer: the appeal with it (ruling-appeal.ts). Neither this nor
  // the payment channel's answer below is the seller's: no reading of it is left to confirm.
  // (Its evidence words may read as a request for evidence: "检测报告，说是…".)
  if (!e.orderId && (!e.sellerReply || e.sellerReply === 'needs_evidence') && !correcting && newEvidenceAfterRuling(turn, c, text)) return { tag: 'answered' };
  // "发卡行要我拿出联系过商家的证明": the letter to the merchant is that record (payment-channel.ts).
  if (!e.orderId && !correcting && channelWantsContact(text)) {
    sendContactForChannel(turn, c, text);
    return { tag: 'answered' };
  }

  // "退款到账了，但是只退了30元，说好的86呢": the refund came short of what was agreed.
  if (refundCameShort(turn, c, e, text)) return { tag: 'acted' };
  // "钱退少了" again, with no new sum: the shortfall is on the record and its letter went to the seller.
  if (shortfallAgain(turn, c, e)) return { tag: 'acted' };
  // Said before what the message amends or asks: the case is not closed, and why.
  if (stillWrong) turn.info(shortArrival(text) === null ? 'remedy.stillWrong' : 'remedy.notSolved');
  // The goods the seller sent (again) came wrong: on the record for the next letter, and no seller "deadline passed".
  const resentWrong = stillWrong && shortArrival(text) === null && (shipmentPromised(c) !== null || goodsRemedyAwaited(c));
  // Cantonese "又係咁，一樣開唔到機" is kept as written Chinese, the letters' language.
  if (resentWrong) shipmentWrong(turn, c, whatCameWrong(toWrittenChinese(toSimplified(text))));
  // "今天签收了，补发的…": the day the goods sent again came, not the order's receipt.
  if (resentWrong && e.receivedOn) e = { ...e, receivedOn: null };
  // "退款少了" names the money, not a new wish: the wish on record stays (trial 7 s07).
  if (e.intent === 'want_refund_shortfall_draft' && !correcting) e = { ...e, wants: null };
  // "过了7天还能换吗", "假一赔三算数吗", "我就是想退款，怎么退": a question about the rules, not a new wish (trial 8 P2).
  if (e.intent && RULES_QUESTIONS.has(e.intent) && !correcting) e = { ...e, wants: null };

  // "行吧，150就150，我接受": the open offer taken in the buyer's words, as its button takes it.
  // "我跟客服说同意了" is the buyer's yes told to the seller, not the seller agreeing.
  if ((!e.sellerReply || (e.sellerReply === 'agrees' && BUYER_TOOK.test(text))) && !correcting && offerOpen(turn, c) && ACCEPTS_OFFER.test(text) && !REJECTS_OFFER.test(text) && !TURNS_DOWN.test(text) && !asksQuestion(text)) {
    turn.closeMenus('nextStep');
    acceptOffer(turn, c, namedSum(text));
    return { tag: 'acted' };
  }
  // Goods sent again that came wrong keep the first problem: the letters tell both, in order.
  if (!correcting && !resentWrong && arrivedWithFault(c, e)) return lateGoodsWrong(turn, c, e, text);
  // "…信里没写X": X joins the problem's words first, so one redone letter carries it and any other change.
  const lacking = letterLacks(turn, c, e, text);
  const r = amend(turn, c, e, text, { correcting, problemText: opts.problemText ?? null, heldReply: opts.heldReply ?? false, wordsFix: wordsFix?.fix ?? null });
  if (r) return r;
  if (lacking) {
    turn.info('amend.redraft', { vars: { returnHint: returnHint(turn, c) } });
    reissueDraft(turn, c);
    return { tag: 'amended', slots: ['problemText'] };
  }
  // "the 12315 text says I signed for it, that's wrong": a letter that states a wrong fact is never handed over as it was.
  if (!e.orderId && !e.sellerReply && objectsToLetter(turn, c, text)) return { tag: 'acted' };

  if (e.intent === 'correction' && !e.orderId && NAMES_ORDER_ID.test(text)) {
    // "订单号发错了" with no number yet: the next message's number is the right one.
    ask(turn, 'orderId', { key: 'amend.askOrderId' });
    return { tag: 'asked', slot: 'orderId' };
  }
  // "写错了" with nothing to change and no order number named: no number is asked for (trial 8 P4).
  if (e.intent === 'correction' && !e.orderId) {
    turn.info('amend.slipNoted');
    return { tag: 'acted' };
  }

  // "券不要，能走信用卡拒付吗": the question answered before the offer's refusal moves the case on.
  if (!e.sellerReply && e.intent === 'want_payment_draft' && PAYMENT_ROUTE_QUESTION.test(text) && asksQuestion(text) && offerOpen(turn, c)
    && (TURNS_DOWN.test(text) || REJECTS_OFFER.test(text) || turnsDownPart(text))) turn.info('payment.afterPlatform');
  // "我不要券，我要退差价": the offer on the open menu turned down, in the buyer's own words.
  if (!e.sellerReply && lastSellerEvent(c) === 'seller_counter_offer' && TURNS_DOWN.test(text) && answerNo(turn, c)) return { tag: 'acted' };
  // "不接受" after the warning about an offer (a private transfer, a partial offer), or "凭什么只退一半":
  // the offer is refused and the next step is the platform (trial 6 s06).
  if (!e.sellerReply && !ownIntent(e) && OFFERS.has(lastSellerEvent(c) ?? 'opened') && (REJECTS_OFFER.test(text) || turnsDownPart(text))) {
    turn.closeMenus('nextStep');
    toPlatform(turn, c);
    return { tag: 'acted' };
  }
  // "我要取消订单退款" said again while followed: the wish stands as recorded, and the letter of the
  // case's step is handed over again with it (a changed wish is an amendment, above).
  // "我还是想换" is read as a changed wish; the same wish said again is this.
  if (e.wants && e.wants === c.slots.wants && !e.sellerReply && (!e.intent || e.intent === 'change_wish') && STATES_WISH.test(text) && !asksQuestion(text)) {
    turn.info('amend.wishKept', { vars: { wants: slotValue(turn, c.slots, 'wants', c.claimAsked) ?? '' } });
    reissueDraft(turn, c);
    return { tag: 'acted' };
  }

  // "我根本没摔过" after the seller blamed the buyer: the buyer's statement, on record and in the letter.
  if (!e.sellerReply && !e.orderId && answersBlame(turn, c, text)) return { tag: 'acted' };
  if (actOnReply(turn, c, e)) {
    // "卖家让我自己出运费寄回去，合理吗": the report is acted on and the question answered too.
    answerBeside(turn, c, e, text);
    return { tag: 'acted' };
  }
  if (onIntent(turn, c, e, text) || receipt || lost) return { tag: 'acted' };
  // The remedy came and is wrong again: the same case failed once more, and its next step follows
  // (told again, the same, not as a seller deadline passed).
  if ((resentWrong || (stillWrong && sentCameWrong(c))) && c.rung === 'seller') {
    turn.info('next.remedyWrong', { choiceSlot: 'nextStep', options: stepOptions(turn, ['platform', 'resolved']) });
    return { tag: 'acted' };
  }
  // Past the seller, the letter of the case's step states what came wrong; the money back (the goods
  // returned, or kept with part of it) is offered in place of another try at the same remedy.
  if (resentWrong) {
    sendDraft(turn, c, c.rung);
    const options = (['return_refund', 'compensation'] as const).map((value) => ({ value, label: turn.t(`wants.${value}`) }));
    turn.info('next.remedyWrongLetter', { choiceSlot: 'wants', options });
    return { tag: 'acted' };
  }
  if (stillWrong) {
    nextStepAdvice(turn, c);
    return { tag: 'acted' };
  }
  // "那我先确认一下" right after the warning not to: the warning again, plainly. Done already: what now.
  if (lastSellerEvent(c) === 'confirm_first_asked' && (confirmedAlready(text) || aboutToConfirm(text))) {
    if (confirmedAlready(text)) confirmedOnRequest(c);
    turn.info(confirmedAlready(text) ? 'caseQuestion.confirmedAlready' : 'caseQuestion.confirmAboutTo');
    return { tag: 'acted' };
  }
  return nothing(turn, c, text, e, opts.heldReply);
}

/**
 * The goods the case waited for came, wrong or faulty: the late sending stays on the record, the problem
 * is now what came, in the buyer's words. A wish for goods not sent (send them, else the money back) no
 * longer fits goods in hand, so it is asked again before the next letter.
 */
function lateGoodsWrong(turn: Turn, c: FollowingCase, e: Extraction, text: string): FollowResult {
  const words = problemWords(text, e);
  c.slots = { ...c.slots, problem: e.problem, problemText: words, shipped: true, wants: null, wishText: null, wishExtra: null, receivedOn: e.receivedOn ?? c.slots.receivedOn };
  for (const slot of ['problem', 'problemText', 'wants'] as const) record(turn, c, 'amended', { note: slot });
  turn.closeMenus('nextStep');
  turn.cancelReminder(c, 'seller_promise', 'reply_deadline');
  ask(turn, 'wants', { before: [turn.t('amend.arrivedWrong', { problem: turn.t(`problem.${e.problem}`), words })] });
  return { tag: 'asked', slot: 'wants' };
}

/** The buyer confirmed receipt as the seller asked: on the seller's request in the record, for the letters. */
function confirmedOnRequest(c: FollowingCase): void {
  let at = c.timeline.length - 1;
  while (c.timeline[at]!.type !== 'confirm_first_asked') at -= 1;
  const asked = c.timeline[at]!;
  // A new entry in its place: the turn's copy of the case shares its entries with the state it started from.
  if (!asked.note.split(' ').includes('confirmed')) c.timeline[at] = { ...asked, note: `${asked.note} confirmed`.trim() };
}

/** The seller's counter-offer is the latest answer, and the buyer has neither refused nor accepted it. */
function offerOpen(turn: Turn, c: FollowingCase): boolean {
  if (lastSellerEvent(c) !== 'seller_counter_offer') return false;
  const offer = c.timeline.filter((x) => x.type === 'seller_counter_offer').at(-1)!;
  return !/\b(?:refused|accepted)\b/.test(offer.note) && offers(turn.state, 'nextStep', 'acceptOffer');
}

/**
 * Take changed facts into the case, confirm the change, and re-issue the draft for the rung
 * the case is on with the new facts. The numbers and remedies in a reported seller reply (also
 * one held for confirmation, or the seller's words told without a reading) are the seller's, and
 * those in a question or a remark ("运费谁出", "这合理吗") are not the buyer's facts: neither
 * changes the buyer's wish or the amounts.
 */
function amend(
  turn: Turn, c: FollowingCase, e: Extraction, text: string,
  how: { correcting: boolean; problemText: string | null; heldReply: boolean; wordsFix?: ProblemCorrection | null },
): FollowResult | null {
  const { correcting, problemText } = how;
  const othersWords = e.sellerReply !== null || how.heldReply || reportsOthersWords(text);
  // "退款要多久" asks about the wish on record; only a wish stated ("我想改成退款") changes it.
  const notOwnFacts = othersWords || reportsThirdPartyWords(text) || asksQuestion(text) || (HOW_LONG.test(text) && !STATES_WISH.test(text));
  const replace = new Set<keyof Slots>(['platform', 'trackingNo', 'receivedOn', 'amountPaid', 'amountRefunded']);
  if (correcting) for (const s of SLOTS) replace.add(s);
  // "钱没退" and "退款到了，只退了一半" report the money, not a new wish: a return and refund on record
  // stays one. So does a wish the buyer did not ask for: an offer turned down ("凭什么只退一半") or a
  // courier's words passed on.
  else if (!notOwnFacts && !(c.slots.wants && (((MONEY_NOT_BACK.test(text) || MONEY_BACK_TOLD.test(text)) && !STATES_WISH.test(text)) || namesRemedyOnly(text)))) replace.add('wants');
  const ownProblem = correcting || !c.slots.problem || reattributesFault(c, e);
  const facts: Extraction = othersWords
    ? { ...e, wants: null, problem: null }
    : notOwnFacts
      ? { ...e, wants: correcting ? e.wants : null, problem: ownProblem ? e.problem : null }
      : { ...e, problem: ownProblem ? e.problem : null };
  const sumBefore = c.compensationAmount;
  const claimBefore = c.claimSum;
  const wordsBefore = c.slots.problemText ?? null;
  const m = mergeExtraction(c, facts, text, { replace, problemText, notOwnFacts });
  const fixed = correcting && !othersWords ? correctProblemWords(c, e, text, wordsBefore, how.wordsFix) : null;
  if (fixed) m.changed.push('problemText');
  const touched = [...m.filled, ...m.changed];
  // The sum asked back named or changed ("不是全退，…一共23块"): the letters claim it, so they are rewritten.
  const sumNamed = c.compensationAmount !== null && c.compensationAmount !== sumBefore;
  // So is the compensation asked on top of the money back ("退款+赔800").
  const claimNamed = c.claimSum !== undefined && c.claimSum !== claimBefore;
  if (touched.length === 0 && !sumNamed && !claimNamed) return null;
  for (const slot of touched) record(turn, c, 'amended', { note: slot });
  // "还是没发" learned only that nothing was shipped: on the record, and the message is answered as what it says.
  if (!sumNamed && !claimNamed && touched.every((s) => s === 'shipped') && c.slots.shipped === false) return null;
  // The return's waybill is what the return reminder asks for.
  if (touched.includes('returnTrackingNo')) turn.cancelReminder(c, 'return_tracking');
  matchLoggedEvidence(turn, c);
  const lines = acknowledge(turn, c, { ...m, changed: besideCorrectedWords(c, m.changed.filter((x) => x !== 'problemText'), fixed) });
  if (fixed) lines.push(turn.t('corrected', { slot: turn.t('slot.problem'), value: fixed }));
  if (sumNamed) lines.push(turn.t('amend.sumNoted', { amount: moneyValue(turn, c.slots, c.compensationAmount!) }));
  if (claimNamed) lines.push(turn.t('amend.claimNoted', { amount: moneyValue(turn, c.slots, c.claimSum!) }));
  // Shipped after all: the buyer may rather wait for the goods than press the refund.
  if (touched.includes('shipped') && c.slots.shipped === true) lines.push(turn.t('amend.shippedSince'));
  lines.push(...windowAdvice(turn, c));
  // A ruling reported with its amount ("平台判了，只退了一点") is acted on below, not a reason to
  // hand over the letter that asked for the ruling again.
  const ruling = e.sellerReply === 'platform_for_seller' || e.sellerReply === 'platform_for_buyer';
  // A refund the seller reported making is news to the bot, not to the seller: no new letter for it.
  const letterFacts = sumNamed || claimNamed || touched.some((s) => LETTER_FACTS.has(s) && !(s === 'amountRefunded' && othersWords));
  // The platform ruled for the buyer: its intervention letter is answered, and a new one would ask
  // for a ruling already given (and contradict it). The change is noted; the ruling is carried out.
  const ruled = letterFacts && ruledForBuyerLast(c);
  // The wish changed to what the seller offered while the offer is open ("想了想，那就换吧"): the
  // buyer accepts it. The letters then say the seller agreed to it, not that it fell short.
  const floor = DEMANDS_FLOOR.test(text);
  if (touched.includes('wants') && !e.sellerReply && offerOpen(turn, c) && !TURNS_DOWN.test(text) && !REJECTS_OFFER.test(text) && !floor) {
    turn.info('amend.done', { before: lines });
    turn.closeMenus('nextStep');
    acceptOffer(turn, c);
    return { tag: 'amended', slots: touched };
  }
  // "不接受，我要全额退199" while the seller's offer is open: the offer turned down with the wish restated
  // ends the seller rung (the seller answered, with less); the platform letter, never a new seller deadline.
  // A new least sum ("券不要，至少200") is haggling, below: the seller is asked again.
  if (!e.sellerReply && !floor && c.rung === 'seller' && offerOpen(turn, c) && (REJECTS_OFFER.test(text) || TURNS_DOWN.test(text) || turnsDownPart(text))) {
    turn.info('amend.done', { before: lines });
    turn.closeMenus('nextStep');
    toPlatform(turn, c);
    return { tag: 'amended', slots: touched };
  }
  // "券不要，给现金，起码200" while the seller's offer is open: a new sum asked is the offer turned down; so is
  // a wish said beside "不要券" ("不要券，要么换要么退").
  const declined = (sumNamed && !touched.includes('wants')) || floor || TURNS_DOWN.test(text) || REJECTS_OFFER.test(text);
  if (declined && !e.sellerReply && offerOpen(turn, c)) {
    refuseOffer(c);
    turn.closeMenus('nextStep');
    lines.push(turn.t(c.rung === 'seller' ? 'amend.offerDeclined' : 'amend.offerDeclinedLetter'));
  }
  // A fact the letter does not use leaves it word for word as handed over: never "改好了" over the same text.
  const unchanged = letterFacts && c.rung !== 'seller' && c.sentDrafts[c.rung] !== undefined && !handedLetterChanged(turn, c, c.rung) && !handedLetterChanged(turn, c, 'payment');
  const redraft = !ruling && !ruled && letterFacts && !unchanged;
  // A middling reading is confirmed before the letter it shaped, not after it (trial 13 F25), as when collecting.
  confirmReadings(turn, c, m.unsure, [], turn.out.some((x) => x.options?.length));
  // A loss the letter already states (read beside the claim before) is used, not left out: no "没有用到".
  const unused = unchanged && touched.some((s) => LETTER_FACTS.has(s) && s !== 'lossAmount');
  // "那就去12315告他，我要退一赔三": the changed wish goes into the 12315 text asked for by name, not the step's letter again.
  const toRegulator = e.intent === 'want_regulator_draft' && c.rung !== 'regulator' && !asksQuestion(text);
  turn.info(redraft && !toRegulator ? 'amend.redraft' : ruled ? 'amend.afterRuling' : unused && !ruling ? 'amend.letterSame' : 'amend.done', { before: lines, vars: { returnHint: returnHint(turn, c) } });
  if (toRegulator) escalateToRegulator(turn, c, { key: 'escalate.regulator' });
  else if (redraft) reissueDraft(turn, c);
  if (touched.includes('platform')) {
    if (c.rung === 'seller') turn.push({ kind: 'info', key: 'guide.lines', text: platformGuideLines(c.slots.platform ?? null, turn.loc, c.slots.platformName).join('\n') });
    else sendPlatformGuide(turn, c);
  }
  // A message may amend and report at once ("订单号是…，卖家拒绝了"): the report is acted on too.
  if (e.sellerReply || e.promise) actOnReply(turn, c, e);
  return { tag: 'amended', slots: touched };
}

/** "说好的86呢", "不是说好全退120吗", "agreed to refund $40": the sum the buyer says was agreed. */
const AGREED_SUM = /说好(?:的|了)?(?:全退|退|全额退款?|退款)?\s*(\d+(?:\.\d+)?)|agreed\s+(?:to\s+)?(?:refund\s+)?(?:me\s+)?[$¥€]?\s*(\d+(?:\.\d+)?)/i;

/**
 * A refund that arrived short of what the seller agreed (or the platform ruled): on the record with
 * what came and what was owed, the refund check is done, and the seller gets the 退款少了 letter
 * asking for the rest. The sum owed: the one the buyer states ("应该退564", or the refund and "差164"),
 * which overrides any other and rewrites an earlier record; else the sum agreed, else the buyer's
 * asked sum, else the price paid (only when the whole order is concerned), else the one the buyer
 * says was agreed. With only part of the order concerned and no sum owed known, the refund is noted
 * and the buyer asked what was owed: no letter counts the price paid against it. False when the
 * message is not such a report.
 */
function refundCameShort(turn: Turn, c: FollowingCase, e: Extraction, text: string): boolean {
  // "实际只到了15": the sum that came, told as such, outweighs a reading of it as a ruling (trial 10 s3).
  const only = shortArrival(text);
  if (e.sellerReply && only === null) return false;
  const agreed = settlement(c);
  // "到账120了" is what came too, though no word says only that much.
  const came = only ?? arrivedSum(text);
  const got = e.amountRefunded ?? came ?? c.slots.amountRefunded;
  if (got === null) return false;
  // "只退了259，邮费9块没给": what came and the part that did not, both in sums.
  const missing = only !== null ? MISSING_SUM.exec(text) : null;
  const diff = shortfallAmount(text) ?? (missing ? Number(missing[1]) : null);
  const told = owedSum(text) ?? (diff !== null ? Math.round((got + diff) * 100) / 100 : null);
  // With no agreement or ruling on record, only such a shortfall is one, or "only 400 came" beside the sum owed
  // ("not the full 459", "59 short") against a price on record; others give the price paid (slots.ts).
  if (!agreed && !missing && (only === null || told === null || c.slots.amountPaid === null)) return false;
  // The whole price said as owed is the price paid: counted as such.
  const stated = told === c.slots.amountPaid ? null : told;
  // A sum owed said later ("应该退564的") is read against the refund on record.
  if (e.amountRefunded === null && came === null && told === null) return false;
  const said = AGREED_SUM.exec(text);
  const named = (agreed ? noteSum(agreed.note)?.sum : null) ?? c.compensationAmount;
  const whole = c.slots.amountPaid !== null && shortOfPrice({ ...c.slots, amountRefunded: got }) !== null;
  const owed = stated ?? named ?? (whole || told !== null ? c.slots.amountPaid : null) ?? (said ? Number(said[1] ?? said[2]) : null);
  const money = (n: number): string => moneyValue(turn, c.slots, n);
  if (owed === null && c.slots.amountPaid !== null && !whole) {
    c.slots.amountRefunded = got;
    turn.closeMenus('nextStep');
    turn.info('escalate.refundShortAskOwed', { vars: { got: money(got) } });
    return true;
  }
  if (owed === null || !(got < owed)) return false;
  // The same shortfall told again ("不是，实际只退了15"): it is on the record, and is said to be.
  const recorded = refundShort(c.timeline);
  if (recorded && recorded.got === got && recorded.owed === owed && lastSellerEvent(c) === 'refund_short') {
    shortAlready(turn, c, recorded);
    return true;
  }
  // Only the price paid: no one agreed to that sum, and the record says so (' paid').
  const paidOnly = stated === null && named === null && owed === c.slots.amountPaid && !(said && Number(said[1] ?? said[2]) === owed);
  // The platform's ruling named the sum: no one says the seller agreed to it.
  const ruled = !paidOnly && stated === null && named !== null && agreed?.type === 'platform_ruled_buyer';
  c.slots.amountRefunded = got;
  record(turn, c, 'refund_short', { note: `got:${got} owed:${owed}${stated !== null ? ' stated' : paidOnly ? ' paid' : ruled ? ' ruled' : ''}`, happenedAt: turn.report.happenedAt });
  turn.closeMenus('nextStep');
  turn.cancelReminder(c, 'refund_arrival');
  const key = stated !== null ? 'escalate.refundShortStated' : paidOnly ? 'escalate.refundShortPaid' : ruled ? 'escalate.refundShortRuled' : 'escalate.refundShort';
  turn.info(key, { vars: { owed: money(owed), got: money(got), diff: money(Math.round((owed - got) * 100) / 100) } });
  sendDraft(turn, c, 'refund_shortfall');
  return true;
}

/**
 * The shortfall reported again ("退款少了") once it is on the record, with no new sum and no new
 * answer from the seller: it is already recorded, with its sums; the wish stays and the case stays on
 * its step — the seller's answer to the shortfall letter is what moves it on (trial 7 s07).
 */
function shortfallAgain(turn: Turn, c: FollowingCase, e: Extraction): boolean {
  if (e.intent !== 'want_refund_shortfall_draft' || e.sellerReply || e.amountRefunded !== null || e.orderId) return false;
  const recorded = refundShort(c.timeline);
  if (!recorded) return false;
  // Anything the seller or platform did after the shortfall was recorded: the request is acted on as asked.
  if (lastSellerEvent(c) !== 'refund_short') return false;
  shortAlready(turn, c, recorded);
  return true;
}

/** The shortfall on the record, with its sums and when it was recorded; the wish unchanged. */
function shortAlready(turn: Turn, c: FollowingCase, recorded: NonNullable<ReturnType<typeof refundShort>>): void {
  const { got, owed, paid, stated, ruled, entry: short } = recorded;
  const money = (n: number): string => moneyValue(turn, c.slots, n);
  // Only the price paid is known (no sum agreed): the seller is not said to have agreed to it.
  turn.info(paid ? 'refundShort.alreadyPaid' : stated ? 'refundShort.alreadyStated' : ruled ? 'refundShort.alreadyRuled' : 'refundShort.already', {
    vars: {
      owed: money(owed), got: money(got), diff: money(Math.round((owed - got) * 100) / 100),
      when: formatDateTime(new Date(short.at), turn.tz, turn.loc), wants: slotValue(turn, c.slots, 'wants', c.claimAsked) ?? '—',
    },
  });
}

/**
 * The case is on the platform rung and the platform's latest ruling there is for the buyer, still to be
 * carried out: goods it ordered sent that came wrong since leave a letter to write again.
 */
function ruledForBuyerLast(c: FollowingCase): boolean {
  if (c.rung !== 'platform') return false;
  const last = c.timeline.filter((x) => x.type === 'platform_ruled_buyer' || x.type === 'platform_ruled_seller').at(-1);
  return last?.type === 'platform_ruled_buyer' && !c.timeline.slice(c.timeline.indexOf(last)).some((x) => x.type === 'nudged' && CAME_WRONG.test(x.note));
}

/** An intent other than a question the case record answers ("这合理吗", "放假也算吗": case-questions.ts). */
function ownIntent(e: Extraction): boolean {
  return e.intent !== null && !e.intent.startsWith('case_');
}

/** Requests by intent: drafts by name, "怎么办", questions the ladder answers. */
function onIntent(turn: Turn, c: FollowingCase, e: Extraction, text: string): boolean {
  if (asksPaymentRoute(c, text)) {
    turn.info('paymentRoute.overseas', { vars: { platform: platformName(c.slots.platform, turn.loc, c.slots.platformName) } });
    return true;
  }
  // "我不接受" / "还没有" with nothing else in it: the no of the step menu that asked.
  if (e.yesNo === 'no' && !ownIntent(e) && answerNo(turn, c)) return true;
  switch (e.intent) {
    case 'not_yet':
      notYet(turn, c);
      return true;
    case 'next_step':
      nextStepAdvice(turn, c);
      return true;
    case 'want_platform_draft':
      // "平台介入要多久？": a question about the platform's time, not a request for its letter again.
      if (HOW_LONG.test(text)) {
        platformTime(turn, c);
        return true;
      }
      if (c.rung === 'seller') toPlatform(turn, c);
      else if (c.slots.standalone) turn.info('ladder.noPlatformAgain');
      else sendDraft(turn, c, 'platform');
      return true;
    case 'want_regulator_draft':
      // "12315那边还没受理": news about the complaint filed, not a request for its text again.
      if (c.rung === 'regulator' && NOT_ACCEPTED.test(text)) {
        turn.closeMenus('nextStep');
        nextStepChoice(turn, c, 'notAccepted', text);
        return true;
      }
      // Already on that rung: the text again, not the whole step (notes, questions, timers) a second time.
      if (c.rung === 'regulator' && c.timeline.some((e) => e.type === 'draft_sent' && e.note === 'regulator')) {
        if (pointToLetter(turn, c, 'regulator')) return true;
        turn.info('escalate.regulator');
        sendDraft(turn, c, 'regulator');
      } else {
        escalateToRegulator(turn, c, { key: 'escalate.regulator' });
      }
      return true;
    case 'want_payment_draft':
      // "先不拒付了，还是走平台介入吧": the payment route put off, the platform's step asked for instead.
      if (putsOffPayment(text)) return onIntent(turn, c, { ...e, intent: 'want_platform_draft' }, text);
      if (PAYMENT_ROUTE_QUESTION.test(text) && asksQuestion(text)) answerPaymentRoute(turn, c);
      else sendPaymentDraft(turn, c);
      return true;
    case 'want_compensation_draft':
      sendDraft(turn, c, 'compensation');
      return true;
    case 'want_refund_shortfall_draft':
      sendDraft(turn, c, 'refund_shortfall');
      return true;
    case 'thanks':
      // "谢谢你" in the middle of a case: short, with the date the case waits for, if any (trial 8 P2).
      if (nextWait(c)) {
        turn.info('thanksShort');
        howLong(turn, c);
      } else turn.info('thanks');
      return true;
    case 'ask_not_accepted':
      // "12315不予受理，要我先找平台" on the 12315 rung: news of the complaint, answered from the record.
      if (c.rung !== 'regulator' || !c.timeline.some((x) => x.type === 'draft_sent' && x.note === 'regulator')) break;
      turn.closeMenus('nextStep');
      nextStepChoice(turn, c, 'notAccepted', text);
      return true;
    case 'ask_return_shipping':
      // Asked alone, the record answers it with the case's line after (case-questions.ts).
      if (!e.orderId) return false;
      break;
    case 'ask_shipping_insurance':
      // "运费险赔了10，剩下的12谁出": who pays the rest, which the record answers (case-questions.ts).
      if (!e.orderId && asksWhoPaysRest(text)) return false;
      break;
    default:
      break;
  }
  return answerBeside(turn, c, e, text);
}

/** The payment route put off: "先不拒付了", "不找银行了", "not doing the chargeback yet". */
const PAYMENT_PUT_OFF = /(?:先|暂时|暂且|还是)?不(?:去|找|走|申请|打算)?(?:拒付|银行|发卡行|信用卡|支付宝投诉|投诉支付宝|微信支付投诉)|(?:拒付|银行|发卡行|信用卡)(?:那边|那里)?(?:先|就|暂时)?(?:不(?:找|弄|搞|办|申请|投诉)?了|算了|缓缓|等等)|\b(?:not|won'?t|hold off on)\b[a-z ]{0,12}\bchargeback/u;
/** The platform's intervention named as the way now: "走平台介入", "先找淘宝小二", "go through the platform". */
const PLATFORM_ASKED = /介入|小二|找平台|走平台|平台(?:处理|申诉|投诉)|\b(?:platform|dispute on)\b/u;
function putsOffPayment(text: string): boolean {
  const norm = normalize(text);
  return PAYMENT_PUT_OFF.test(norm) && PLATFORM_ASKED.test(norm);
}

/** A payment channel named in the buyer's words (card, bank, PayPal, chargeback). */
const PAYMENT_CHANNEL = /paypal|credit card|debit card|my card|card issuer|\bbank\b|chargeback|信用卡|银行|銀行|拒付|发卡行|發卡行/iu;
/** A question, or a choice between two routes. */
const ASKING = /[?？]|吗|嗎|还是|還是|\b(?:should|can|could|or|which)\b/iu;

/**
 * "Dispute on AliExpress or go to PayPal?" for a platform outside mainland China: the order of the
 * routes (the platform's dispute first, the payment channel if it closes against the buyer).
 */
function asksPaymentRoute(c: FollowingCase, text: string): boolean {
  return outsideMainland(c.slots.platform, c.slots.platformName) && PAYMENT_CHANNEL.test(text) && ASKING.test(text);
}

/**
 * The 12315 letter asked for by name is the one just handed over, unchanged: the buyer is pointed
 * to it (the step's notes and questions came after it) rather than given it in full again.
 */
function pointToLetter(turn: Turn, c: FollowingCase, kind: 'regulator'): boolean {
  const at = sameLetterJustSent(turn, c, kind);
  if (!at) return false;
  turn.info('draft.sameAbove', { vars: { at: formatDateTime(at, turn.tz, turn.loc) } });
  return true;
}

/**
 * The buyer says the letter just given states something wrong: the letter as the record now reads
 * it, when that differs from the one handed over; else the question which line is wrong (the bot
 * does not know which fact to take back, and must not say "use that one").
 */
function objectsToLetter(turn: Turn, c: FollowingCase, text: string): boolean {
  const last = c.timeline.filter((x) => x.type === 'draft_sent').at(-1);
  if (!last || !LETTER_NAMED.test(text) || !SAYS_WRONG.test(text)) return false;
  const kind = last.note as DraftKind;
  if (handedFactsChanged(turn, c, kind)) {
    turn.info('draft.objectionRewritten');
    // The corrected letter replaces the one handed over: the seller's is no firmer follow-up ("此前已经向您反映过").
    if (c.rung === 'seller' && kind === sellerDraftKind(c)) reissueDraft(turn, c);
    else sendDraft(turn, c, kind);
  } else {
    turn.info('draft.whichFact');
  }
  return true;
}

/** A question asked beside other words ("卖家不理我，可以起诉吗"): the knowledge base answers. */
function answerBeside(turn: Turn, c: FollowingCase, e: Extraction, said: string): boolean {
  if (!e.intent || !isKnowledgeIntent(e.intent)) return false;
  const text = answerQuestion(e.intent, {
    asked: askedMultiple(said), multipleAsked: asksMultiple(said),
    locale: turn.loc, platform: c.slots.platform ?? null, problem: c.slots.problem, privateSeller: isPrivateSeller(c.slots),
    abroad: outsideMainland(c.slots.platform, c.slots.platformName), partialOffer: lastSellerEvent(c) === 'seller_counter_offer', food: c.food,
  });
  sendAdvice(turn, c, `answer.${e.intent}`, text);
  return true;
}

/**
 * How long the platform takes: no published limit (DOMAIN.md), typically 1–3 working days (seeds
 * 001 / 003), this platform's own typical timers, and the reminder the bot set, if any.
 */
function platformTime(turn: Turn, c: FollowingCase): void {
  const platform = c.slots.platform;
  const timers = platform && platform !== 'other' ? platformGuide(platform, turn.loc).timers : [];
  const due = c.reminders.find((r) => r.reason === 'platform_followup');
  const last = due
    ? turn.t('next.platformTimeReminder', { deadline: formatDateTime(new Date(due.deadline), turn.tz, turn.loc) })
    : turn.t('next.platformTimeApply');
  turn.info('next.platformTime', { after: [...timers, last] });
}

/**
 * "微信支付那边能投诉吗", "信用卡能拒付吗": yes, and how — the payment letter with its routes, or,
 * when that letter was just handed over unchanged, a pointer to it.
 */
function answerPaymentRoute(turn: Turn, c: FollowingCase): void {
  // Still with the seller on a platform that can step in: the payment channel's dispute comes after the
  // platform (DOMAIN.md, the timeline's 7–30 days); the platform letter is offered first, the channel's kept for
  // later (unless the buyer already took the channel's letter).
  if (c.rung === 'seller' && c.slots.platform && !c.slots.standalone && !isPrivateSeller(c.slots) && !c.sentDrafts.payment) {
    turn.info('payment.platformFirst', { choiceSlot: 'nextStep', options: stepOptions(turn, ['platform', 'payment']) });
    return;
  }
  const sent = sameLetterJustSent(turn, c, 'payment');
  turn.info(sent ? 'payment.howAbove' : 'payment.how', sent ? { vars: { at: formatDateTime(sent, turn.tz, turn.loc) } } : {});
  if (!sent) sendPaymentDraft(turn, c);
}

/** The reminders that mark a wait for someone else (not the buyer's own window or waybill). */
const WAITS: ReadonlySet<string> = new Set([
  'seller_promise', 'reply_deadline', 'refund_arrival', 'refund_due', 'platform_followup', 'regulator_acceptance', 'regulator_mediation',
]);

/**
 * The nearest recorded wait. The reply time asked in the seller letter is no wait once the seller
 * answered, nor is a seller's promise once the seller said something else after it (trial 8 P10).
 */
function nextWait(c: FollowingCase): PendingReminder | undefined {
  const last = lastSellerEvent(c);
  // A reply kept as the buyer reported it, unread ('seller_said'), is an answer too.
  const said = c.timeline.some((x) => x.type === 'seller_said');
  const waiting = !said && (last === null || last === 'seller_promise' || last === 'seller_stalled' || last === 'seller_no_response');
  const stale = (reason: string): boolean => (reason === 'reply_deadline' && !waiting) || (reason === 'seller_promise' && !waiting);
  return c.reminders.filter((r) => WAITS.has(r.reason) && !stale(r.reason)).sort((a, b) => a.deadline.localeCompare(b.deadline))[0];
}

/**
 * How long to wait: the nearest recorded wait (a seller's promise, the reply time asked, the
 * refund check, the platform's or 12315's timer) with its date; on the platform rung without one,
 * the platform's typical time. False when the record has no date to give.
 */
function howLong(turn: Turn, c: FollowingCase, before: string[] = []): boolean {
  const next = nextWait(c);
  if (!next) {
    if (c.rung !== 'platform') return false;
    platformTime(turn, c);
    return true;
  }
  const deadline = waitDeadline(turn, next);
  const label = has(turn.loc, `dialogue.status.reason.${next.reason}`) ? turn.t(`status.reason.${next.reason}`) : '';
  turn.info(label ? 'wait.until' : 'wait.untilPlain', { before, vars: { deadline, what: label } });
  return true;
}

/** A wait's date as said: 第二十五条's refund day is a day, no clock time (as its reminder says it). */
function waitDeadline(turn: Turn, r: PendingReminder): string {
  const at = new Date(r.deadline);
  return r.reason === 'refund_due' ? formatDate(at, turn.tz, turn.loc) : formatDateTime(at, turn.tz, turn.loc);
}

/**
 * Nothing to act on: a short status for an acknowledgement, the phase's question for "怎么样了", and
 * for anything else that it was not understood (unclear.ts); the case's line only beside an answer.
 */
function nothing(turn: Turn, c: FollowingCase, text: string, e: Extraction = emptyExtraction(), held = false): FollowResult {
  // "没回", "还是没发": the buyer just said nothing came — the next step now, not "tell me when they answer".
  if (STILL_NOTHING.test(text.trim()) || (NOT_YET.test(text.trim()) && justNudged(c))) {
    notYet(turn, c);
    return { tag: 'acted' };
  }
  if (PAYMENT_ROUTE_QUESTION.test(text)) {
    answerPaymentRoute(turn, c);
    return { tag: 'acted' };
  }
  // "那我确认了？", "质量问题运费也要我出？", "这样合理吗？", "放假也算吗": the record answers first
  // (before "要等多久": "要等多久？放假也算吗" asks how the date counts), then the case's usual line.
  const answered = answerCaseQuestion(turn, c, e, text);
  if (answered === 'done') return { tag: 'acted' };
  // "要等多久", "How long should I wait?": the next date the case waits for, as recorded.
  if (!answered && HOW_LONG.test(text) && howLong(turn, c)) return { tag: 'acted' };
  // "发过去了": taken note of, with the date the case waits for (nothing is recorded: whether the seller
  // answered is asked when the reply time comes).
  if (!answered && c.rung === 'seller' && SENT_IT.test(text.trim())) {
    if (!howLong(turn, c, [turn.t('letterSent')])) turn.info('letterSent');
    return { tag: 'acted' };
  }
  if (answered || !text.trim()) {
    followingLine(turn, c);
    return answered ? { tag: 'acted' } : { tag: 'nothing' };
  }
  // Nothing in the message was taken in: never the case's line as if it were (trial 14 F22). A reading
  // held for the buyer to confirm is what the message was about: it is asked, nothing else said.
  if (held) return { tag: 'nothing' };
  if (acknowledgementOnly(text)) {
    turn.info('unclear.ack', { vars: { orderId: c.slots.orderId ?? '—' } });
    howLong(turn, c);
  } else if (asksStatus(text)) {
    caseStatus(turn, c, () => {
      const next = nextWait(c);
      return next ? waitDeadline(turn, next) : null;
    });
  } else if (!e.orderId && buyerAddsFact(turn, c, e, text)) {
    // A detail of the problem or the buyer's own fact against the seller's answer: on the record and in the letter.
    return { tag: 'acted' };
  } else {
    notUnderstood(turn, c);
  }
  return { tag: 'nothing' };
}

/** The case's usual line: what is being followed and what the buyer can tell or ask for next. */
export function followingLine(turn: Turn, c: FollowingCase): void {
  const abroad = outsideMainland(c.slots.platform, c.slots.platformName);
  turn.info(abroad ? 'followingCaseOverseas' : 'followingCase', {
    vars: { orderId: c.slots.orderId ?? '—', platform: platformName(c.slots.platform, turn.loc, c.slots.platformName) },
  });
}

/** "new case or correction?" answered with "correction": the number replaces the case's. */
export function correctOrderId(turn: Turn, c: FollowingCase, orderId: string): FollowResult {
  return amend(turn, c, { ...emptyExtraction(), orderId, correction: true }, '', { correcting: true, problemText: null, heldReply: false }) ?? nothing(turn, c, '');
}
