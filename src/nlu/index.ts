/**
 * Understanding one buyer message: `extract` turns free text (Simplified or Traditional
 * Chinese, English, mixed, typos, no punctuation) into the CONTRACTS.md §1 fields plus
 * what the dialogue needs. Rules and per-locale lexicons, no model: one normalisation,
 * one keyword pass and a few bounded regexes per message, so the cost is linear in the
 * length of the text and small per message.
 */
import type { Evidence, Extraction, ExtractOptions, Promise_, SellerReply } from './types.ts';
import { extractAmounts } from './amounts.ts';
import { extractReceivedOn } from './dates.ts';
import { detectLanguage, wordsLanguage } from './language.ts';
import { findNumbers } from './numbers.ts';
import { pickOrderId, saysOrderIdWrong } from './order-id.ts';
import { extractPlatform } from './platform.ts';
import { asksOnlyAboutService, extractProblem, statedProblem } from './problem.ts';
import { extractPromise } from './promise.ts';
export { pickupPromise, platformDeadline } from './promise.ts';
import { scan, type Scan } from './scan.ts';
import { extractSellerReply, onlyOwnPayment } from './seller-reply.ts';
export { SELLER_REPLY_OF_LABEL, sellerReplyLabel } from './seller-reply.ts';
import { isCorrection, isResolved, yesNo } from './signals.ts';
import { pickTrackingNo } from './tracking.ts';
import { extractWants, repairNamedOnly, statedWish } from './wants.ts';
import { othersWordsAt, platformSpeaks } from './buyer-report.ts';
import { cureClaimLacking, isFood } from './frames.ts';
import { extractCompensationPercent } from './percent.ts';
import { classify, shippedModel, type Reading } from './model/index.ts';
import {
  ACT_CONFIDENCE, CONFIRM_CONFIDENCE, DISPUTED_CONFIDENCE, OVERRIDE_CONFIDENCE, REPLY_ALONE_CONFIDENCE, REPLY_OVERRIDE_CONFIDENCE,
} from './confidence.ts';
import { isOwnSlip, readIntent } from './intent.ts';
import { readChatLog as readLog, type ChatLog } from './chat-log.ts';

export type { Evidence, Extraction, ExtractOptions, Promise_, SellerReply } from './types.ts';
export type { Classified, Reading } from './model/index.ts';
export { detectLanguage } from './language.ts';
export { extractOrderId, saysOrderIdWrong } from './order-id.ts';
export { extractTrackingNo } from './tracking.ts';
export { normalize, normalizeAligned } from './normalize.ts';
export { askedQuestion, asksMultiple, asksWhatBotDoes, isGreeting, withoutGreeting, wholeIntent } from './intent.ts';
export type { ChatLog, LogAnswer } from './chat-log.ts';
export { compensationAmount } from './percent.ts';
export { roughPromise } from './rough-time.ts';
export { alternativeWish, conditionalWish, extraClaim, namesRemedyOnly, turnsDownPart } from './wish-shapes.ts';
export {
  askedMultiple, asksQuestion, asksWithdrawal, businessInfo, buyerApplied, doorPickup, eventDay, lossAmount, offersLess, offPlatformKind,
  onlyPart, otherSpeaker, platformSpeaks, privateSellerSaid, quotedSpeech, refundMissing, reportedReason, BUYER_VOICE, narrationAt, reportsOthersWords, reportsThirdPartyWords, returnLost, returnReceipt,
  cutOff, saysNotShipped, saysThanks, sellerBlamesCourier, shortfallAmount, speakerNamed, statedWish,
} from './buyer-report.ts';
export type { CutOff, OtherSpeaker } from './buyer-report.ts';

const DEFAULT_TIMEZONE = 'Asia/Shanghai';
/** How sure the classifier must be to act on a problem the rules found no word of. */
const ALONE_SURE = 0.9;
/** A rule reading this sure or less rests on one weak word (confidence 0.35 + 0.17 per unit of weight). */
const WEAK_RULE = 0.6;
/** How sure the classifier must be to take a wish the rules did not read (0.7 until round 7: the wishes it read alone between 0.7 and 0.8 were mostly wrong). */
const WISH_ALONE = 0.8;
/** The same for a wish (a wish goes into letters: the rule gives way only when it is weaker still). */
const WEAK_RULE_WISH = 0.5;
/** How sure the classifier must be to put its answer before a weak rule's, or before a problem read in the other side's words. */
const OVER_WEAK_RULE = 0.7;
/** A warranty asked about, not a repair of a named fault. */
const WARRANTY = /保修|保固|送修|warranty/i;

/** An extraction with every field empty (what `extract('')` returns). */
export function emptyExtraction(): Extraction {
  return {
    orderId: null, platform: null, problem: null, wants: null, trackingNo: null, promise: null,
    language: null, receivedOn: null, amountPaid: null, amountRefunded: null, sellerReply: null,
    sellerQuote: null, platformTimer: null, intent: null,
    resolved: false, correction: false, yesNo: null, food: false, compensationPercent: null, evidence: {},
  };
}

/**
 * A reader's evidence into the extraction. Helpers here are module functions, not closures made
 * per message: under `tsx` (what `npm start` runs) every closure made also gets its name set, which
 * costs more than the helper's work.
 */
function put(ev: Extraction['evidence'], key: keyof Extraction['evidence'], r: { evidence: Evidence } | null): void {
  if (r) ev[key] = r.evidence;
}

function run(text: string, opts: ExtractOptions): Extraction {
  const out = emptyExtraction();
  out.language = detectLanguage(text);
  if (out.language === null && !/\d/.test(text)) return out;

  const s = scan(text);
  const timezone = opts.timezone ?? DEFAULT_TIMEZONE;
  const ev: Extraction['evidence'] = out.evidence;

  const platform = extractPlatform(s);
  out.platform = platform?.value ?? null;
  put(ev, 'platform', platform);
  if (out.language === 'en' && s.platform.length > 0) out.language = wordsLanguage(text, s.platform);

  // "不好意思发错了，3031…": the buyer's own slip makes a bare number the corrected order number.
  const ownSlip = isOwnSlip(s.norm);
  const numbers = findNumbers(s, { expectingOrderId: opts.expectingOrderId || ownSlip, platformJd: out.platform === 'jd', orderIdWrong: saysOrderIdWrong(text) });
  const correctionCue = s.has.has('correction') || s.has.has('correction_weak') || ownSlip;
  const order = pickOrderId(s, numbers, correctionCue);
  out.orderId = order?.value ?? null;
  put(ev, 'orderId', order);
  const tracking = pickTrackingNo(s, numbers, correctionCue);
  out.trackingNo = tracking?.value ?? null;
  put(ev, 'trackingNo', tracking);

  const problem = extractProblem(s);
  // "订单号发错了" is no wrong item: the buyer's own message was wrong.
  const slipOnly = ownSlip && problem?.value === 'wrong_item' && problem.evidence.span.includes('发错');
  out.problem = slipOnly ? null : (problem?.value ?? null);
  if (!slipOnly) put(ev, 'problem', problem);

  const wants = extractWants(s, out.problem);
  out.wants = wants?.value ?? null;
  if (wants && wants.evidence.span) put(ev, 'wants', wants);
  else if (wants) ev.wants = wants.evidence;

  // A repair asked for with no problem named, after the item was in use: something is defective
  // ("才用了十来天 可以上门维修吗"). A bare request ("我要申请维修") or a warranty question
  // ("怎么申请保修", "保固期是多久") states no defect.
  if (out.problem === null && out.wants === 'repair' && s.has.has('in_use') && !WARRANTY.test(ev.wants?.span ?? '')) {
    out.problem = 'quality';
    ev.problem = { span: '', confidence: 0.5 };
  }
  out.food = isFood(s);
  out.compensationPercent = extractCompensationPercent(s.norm);

  const promise = extractPromise(s, opts.now, timezone);
  out.promise = promise?.value ?? null;
  put(ev, 'promise', promise);

  const received = extractReceivedOn(s, opts.now, timezone);
  out.receivedOn = received?.value ?? null;
  put(ev, 'receivedOn', received);

  const amounts = extractAmounts(s);
  out.amountPaid = amounts.amountPaid;
  out.amountRefunded = amounts.amountRefunded;

  // A deadline the seller gave with no other answer word ("客服说24小时内处理") is an answer put off
  // (LABELS: stalling); one the platform gave ("京东说36小时内给结果") is the platform handling the case.
  const read = extractSellerReply(s) ?? (promise ? { value: platformSpeaks(text) ? ('platform_handling' as const) : ('stalls' as const), evidence: { span: promise.evidence.span, confidence: 0.6 }, quote: null } : null);
  // "可以多退你80，前提是把投诉撤了": money offered for withdrawing the complaint is a deal off the
  // record (LABELS: 撤销投诉给你返现), not agreement.
  const reply = read?.value === 'agrees' && COMPLAINT_WITHDRAWN.test(s.norm) ? { ...read, value: 'private_deal' as const } : read;
  out.sellerReply = reply?.value ?? null;
  out.sellerQuote = reply?.quote ?? null;
  put(ev, 'sellerReply', reply);
  // A time the platform gave is the platform's timer, not a seller promise.
  if (out.sellerReply === 'platform_handling' && out.promise) {
    out.platformTimer = out.promise;
    out.promise = null;
    delete ev.promise;
  }

  out.resolved = isResolved(s, out.problem);
  // "钱收到了，麻烦你们了" reports the end of the case, not a new request.
  if (out.resolved && out.problem === null && out.wants !== null) {
    out.wants = null;
    delete ev.wants;
  }
  out.correction = isCorrection(s, numbers.length > 0 || out.platform !== null) || ownSlip;
  out.yesNo = yesNo(s);
  out.intent = readIntent(text, s.norm, out.correction);

  // The trained classifier decides problem, wants and the seller's reply, with the rules'
  // reading among its features; its calibrated probability is the confidence.
  const model = opts.model === undefined ? shippedModel() : opts.model;
  if (model) {
    const ruleProblem = out.problem;
    const ruleReply = out.sellerReply;
    const c = classify(model, s, { problem: out.problem, wants: out.wants, sellerReply: out.sellerReply, intent: out.intent, correction: out.correction });
    out.readings = c;
    // A problem only the classifier saw ("my parcel has a problem") is confirmed, not acted on,
    // unless it is very sure: the rules found no word of it.
    const ruleProblemConfidence = ev.problem?.confidence ?? 0;
    out.problem = decide(ev, 'problem', out.problem, c.problem, CONFIRM_CONFIDENCE, ALONE_SURE);
    // "安装费谁出": the rules read the service word as asked about; the classifier, seeing the word, must not read it as a trouble.
    if (ruleProblem === null && out.problem !== null && asksOnlyAboutService(s)) {
      out.problem = null;
      delete ev.problem;
    }
    // Where they disagree and the rule stood, the classifier's answer stands instead (confirmed
    // with the rule's as the other option, or asked for when it is none) when the rule hung on one
    // weak word ("照片", "不行"), or on words the buyer reports the seller or platform saying
    // ("客服说不是质量问题") and the classifier, sure enough, reads no problem in the message.
    if (out.problem !== null && out.problem === ruleProblem && c.problem.value !== ruleProblem) {
      const weakRule = ruleProblemConfidence <= WEAK_RULE && c.problem.confidence >= OVER_WEAK_RULE;
      const theirWords = problem?.reported === true && c.problem.value === null && c.problem.confidence >= OVER_WEAK_RULE;
      if (weakRule || theirWords) out.problem = setField(ev, 'problem', c.problem.value, DISPUTED_CONFIDENCE, '', ruleProblem);
    }
    // A health effect claimed and found lacking is false advertising whatever else the buyer tells (the doctor, a
    // dizzy spell, what they ate): the classifier reads those as a fault of food.
    if (ruleProblem === 'not_as_described' && cureClaimLacking(s)) {
      out.problem = setField(ev, 'problem', ruleProblem, ruleProblemConfidence, problem?.evidence.span ?? '', c.problem.value);
    }
    // A wish goes into the buyer's letters: one the rules did not see (or read as no wish: the seller's
    // offer, a process question, a remedy carried out) is taken only when the classifier is sure
    // (WISH_ALONE), never as a guess to confirm afterwards.
    const ruleWants = out.wants;
    const ruleWantsConfidence = ev.wants?.confidence ?? 0;
    out.wants = decide(ev, 'wants', out.wants, c.wants, WISH_ALONE);
    // A wish the rules read from one weak word gives way, to be confirmed, to the classifier's when that
    // is sure enough; so does one read after the buyer reports the other side's words ("卖家说可以退，但要
    // 先确认收货再走退款"), when the classifier reads no wish. Not a refund owed: whether a missing refund
    // asks for the money is where writers and real buyers' labels part, and the rules follow the real ones.
    if (out.wants !== null && out.wants === ruleWants && c.wants.value !== ruleWants && c.wants.confidence >= OVER_WEAK_RULE) {
      const weakRule = ruleWantsConfidence <= WEAK_RULE_WISH;
      const theirWords = c.wants.value === null && out.problem !== 'refund_issue' && afterOthersWords(s, ev.wants?.span ?? '');
      if (weakRule || theirWords) out.wants = setField(ev, 'wants', c.wants.value, DISPUTED_CONFIDENCE, '', ruleWants);
    }
    out.sellerReply = decide(ev, 'sellerReply', out.sellerReply, PLATFORM_NAMED.test(s.norm) ? c.sellerReply : withoutPlatform(c.sellerReply, out.sellerReply), REPLY_ALONE_CONFIDENCE);
    // "微信转账给她的": the buyer's own payment is no private deal, however sure the classifier is.
    if (ruleReply === null && out.sellerReply === 'private_deal' && onlyOwnPayment(s)) {
      out.sellerReply = null;
      delete ev.sellerReply;
    }
    // "申请平台介入" asks for a text: a seller reply the rules did not see in it is not read into it.
    if (ruleReply === null && out.intent?.startsWith('want_')) {
      out.sellerReply = null;
      delete ev.sellerReply;
    }
    // "京东仲裁判了卖家赢": the platform's step is what is reported, not asked for, unless the buyer asks again.
    if (out.intent === 'want_platform_draft' && ruleReply?.startsWith('platform_') && !ASKS_AGAIN.test(s.norm)) out.intent = null;
    // "去汽修店装", "团购的手机维修": the repair words name a shop or the service bought; a repair the
    // classifier reads from them alone is a wish the buyer never stated (asked for instead).
    if (out.wants === 'repair' && !ev.wants?.span && repairNamedOnly(s)) {
      out.wants = null;
      delete ev.wants;
    }
    const stated = statedWish(s, out.problem);
    if (stated && stated.value !== out.wants) {
      out.wants = stated.value;
      ev.wants = stated.evidence;
    }
    // "坏的那几个退钱就行，大概一半": words read as the wish are not a refund gone wrong as well (a refund late or
    // short has words of its own: "没到账", "只退了").
    if (out.problem === 'refund_issue' && (out.wants === 'refund' || out.wants === 'compensation') && startsInside(s.text, ev.problem?.span, ev.wants?.span)) {
      out.problem = null;
      delete ev.problem;
    }
    // Mould on fruit is spoiled goods, not transit damage. A prepaid service shut ("健身房关门了", "机构跑路了") is a service not provided, not a fault of goods;
    // a refund the seller refused ("申请退款 说开课了不退") is the seller's answer, not a refund late or short.
    const told = statedProblem(s);
    if (told === 'quality' && out.problem === 'damaged') out.problem = setField(ev, 'problem', 'quality', 0.8, '', null);
    else if (told === 'not_received') out.problem = setField(ev, 'problem', 'not_received', 0.8, '', out.problem);
    else if (told === 'refused' && out.problem === 'refund_issue') {
      const other = [c.problem.value, c.problem.second?.value ?? null].find((v) => v && v !== 'refund_issue') ?? null;
      out.problem = other && other !== 'refund_issue' ? setField(ev, 'problem', other, DISPUTED_CONFIDENCE, '', null) : null;
      if (out.problem === null) delete ev.problem;
    }
    // "订单号发错了": a correction of the buyer's own input names no problem with the goods
    // unless the rules found one beside it.
    if (out.intent === 'correction' && ruleProblem === null) {
      out.problem = null;
      delete ev.problem;
    }
  }
  return out;
}

/** Span `a` starts inside span `b`, past its start: `a` was read from the tail of the words `b` was (each where it first occurs). */
function startsInside(text: string, a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const i = text.indexOf(a);
  const j = text.indexOf(b);
  return j >= 0 && i > j && i < j + b.length;
}

/** The rules' span stands after the first report of the other side's words (the span is cut from the aligned text). */
function afterOthersWords(s: Scan, span: string): boolean {
  if (span === '') return false;
  const said = othersWordsAt(s.norm);
  return said >= 0 && s.text.indexOf(span, said) > said;
}

/** A decided field's evidence: the value's, with the other reader's answer as the alternative when it differs. */
function setField<T>(
  ev: Extraction['evidence'], key: 'problem' | 'wants' | 'sellerReply', value: T | null, confidence: number, span: string, alternative: T | null,
): T | null {
  if (value === null) delete ev[key];
  else ev[key] = alternative === null || alternative === value ? { span, confidence } : { span, confidence, alternative: String(alternative) };
  return value;
}

/**
 * One field, decided from the rules' reading and the classifier's. Where they agree, the
 * value stands with the classifier's calibrated probability. Where they disagree, the
 * classifier wins only when it is very sure (`OVERRIDE_CONFIDENCE`); otherwise the rule's
 * value stands, marked uncertain with the classifier's answer as the alternative, so the
 * dialogue confirms it with both as options instead of acting on either.
 */
function decide<T>(
  ev: Extraction['evidence'], key: 'problem' | 'wants' | 'sellerReply', rule: T | null, r: Reading<T>, aloneFloor = CONFIRM_CONFIDENCE,
  aloneSure = 0,
): T | null {
  const ruleSpan = ev[key]?.span ?? '';
  const ruleConfidence = ev[key]?.confidence ?? 0;
  // Two readers that agree: as sure as the surer of the two.
  if (r.value === rule) return setField(ev, key, rule, Math.max(r.confidence, rule === null ? 0 : ruleConfidence), ruleSpan, r.second.value);
  if (rule === null) {
    // The classifier alone: below `aloneFloor` a guess, not a reading. A seller's reply read
    // below ACT_CONFIDENCE is held and confirmed by the dialogue before it changes the record.
    if (r.confidence < aloneFloor) return setField(ev, key, null, 0, '', null);
    // Under `aloneSure` the reading stays below the level the dialogue acts on: it is confirmed.
    const confidence = r.confidence < aloneSure ? Math.min(r.confidence, ACT_CONFIDENCE - 0.01) : r.confidence;
    return setField(ev, key, r.value, confidence, '', r.second.value);
  }
  if (r.confidence >= (key === 'sellerReply' ? REPLY_OVERRIDE_CONFIDENCE : OVERRIDE_CONFIDENCE)) return setField(ev, key, r.value, r.confidence, '', rule);
  return setField(ev, key, rule, DISPUTED_CONFIDENCE, ruleSpan, r.value);
}

/**
 * Extract what a buyer message says. Never throws; a field is null when the message does
 * not say it or the extractor is unsure. Linear in the length of `text`.
 *
 * @example
 * extract('淘宝订单3916452812345678901 杯子碎了 想退款')
 * // → { orderId: '3916452812345678901', platform: 'taobao', problem: 'damaged', wants: 'refund', … }
 */
/**
 * The platform, its step or a ruling named: a platform reading needs it. "The seller opened a claim with the
 * courier, result in 3-5 working days" is the seller's own answer put off, not the platform at work.
 */
const PLATFORM_NAMED =
  /平台|小二|官方|仲裁|介入|判|法庭|申诉|复议|京东|淘宝|天猫|拼多多|抖音|快手|小红书|闲鱼|唯品会|美团|饿了么|得物|platform|arbitrat|interven|\bruled?\b|\bruling|\bappeal|\bwon\b(?!')|\bdispute|\b(?:jd|taobao|tmall|pinduoduo|pdd|douyin|xianyu|meituan)\b/;

/**
 * The classifier's seller reply with no platform reading: a platform first reading leaves the rules' own
 * (`rule`) standing, a platform runner-up is dropped.
 */
function withoutPlatform(r: Reading<SellerReply>, rule: SellerReply | null): Reading<SellerReply> {
  const none = { value: null, confidence: 0 };
  if (r.value?.startsWith('platform_')) return { value: rule, confidence: 0, second: none };
  return r.second.value?.startsWith('platform_') ? { ...r, second: none } : r;
}

/** The buyer's complaint withdrawn: the price of a seller's offer. */
const COMPLAINT_WITHDRAWN = /撤(?:销|回|掉)?\s?(?:投诉|介入)|撤诉|投诉\s?(?:撤|取消|关)|(?:取消|关闭|关掉)\s?(?:投诉|介入)|\b(?:withdraw|cancel|close)\s(?:the\s|my\s)?(?:complaint|dispute|claim)/;

/** The buyer asks for the platform's step (again): "我要申请仲裁", "再申诉", "帮我写". */
const ASKS_AGAIN = /申请|帮我|我要|我想|要求|再次?(?:申诉|介入|仲裁)|申诉|写|appeal|escalate/;

export function extract(text: string, opts: ExtractOptions = {}): Extraction {
  if (typeof text !== 'string' || text.length === 0) return emptyExtraction();
  try {
    return run(text, opts);
  } catch {
    // A bug here must not take the conversation down: the dialogue simply asks again.
    return emptyExtraction();
  }
}

/** The CONTRACTS.md §1 output for one message (`npm run extract`). */
export interface ContractJson {
  orderId: string | null;
  platform: Extraction['platform'];
  problem: Extraction['problem'];
  wants: Extraction['wants'];
  trackingNo: string | null;
  promise: { hours: number; workingDays?: number } | null;
}

/**
 * The §1 shape: exactly the six contract fields, `promise` as `{"hours": N}` plus
 * `workingDays` when the seller said working days.
 */
export function toContractJson(e: Extraction): ContractJson {
  const p = e.promise;
  return {
    orderId: e.orderId,
    platform: e.platform,
    problem: e.problem,
    wants: e.wants,
    trackingNo: e.trackingNo,
    promise: p ? (p.workingDays !== undefined ? { hours: p.hours, workingDays: p.workingDays } : { hours: p.hours }) : null,
  };
}

/**
 * Read a long multi-line paste as a chat log with the shop (see `chat-log.ts`); null when it
 * is not one.
 */
export function readChatLog(text: string, opts: ExtractOptions = {}): ChatLog | null {
  try {
    return readLog(text, opts, extract);
  } catch {
    return null;
  }
}
