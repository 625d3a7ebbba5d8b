/**
 * Direct questions in the middle of a followed case that the case record answers (trial 7 #8):
 * "那我确认了？" while the seller wants receipt confirmed first, "质量问题运费也要我出？",
 * "这样合理吗？是不是在拖" about the seller's offer or a promise, "可以吗？" about an off-platform
 * transfer, "放假也算吗" about a deadline. Each answers from the record (and DOMAIN.md's sources
 * where the law is named); the case's follow-up comes after the answer.
 */
import { asksQuestion, type Extraction } from '../nlu/index.ts';
import { happened, lastSellerEvent } from './case.ts';
import { nextStepAdvice } from './escalation.ts';
import { slotValue } from './render.ts';
import { addWorkingDays, daysBefore, daysBetween, formatDateTime, isWorkingDay, localDay } from '../time/deadlines.ts';
import { outsideMainland } from '../knowledge/platforms.ts';
import { answerQuestion } from '../knowledge/answers.ts';
import type { Turn } from './turn.ts';
import type { FollowingCase, TimelineEntry } from '../domain/index.ts';

/** What a question answered here leaves to follow: the case's usual line, or nothing (the answer ends in the next step). */
export type CaseAnswer = 'followUp' | 'done' | null;

/** "那我确认了？", "可以确认收货吗", "先确认行吗", "should I confirm receipt?": about confirming receipt. */
const CONFIRM_RECEIPT = /确认|確認|收货|收貨|\bconfirm/iu;
/** Someone else confirming ("平台确认了吗", "卖家确认收到退货没"): not the buyer's confirming receipt. */
const OTHERS_CONFIRM = /(?:卖家|賣家|商家|店家|平台|客服|快递|快遞|seller|platform)[^，。,.？?]{0,4}(?:确认|確認|confirm)/iu;
/** "运费也要我出？", "寄回去的邮费我付？", "do I pay the postage?": who pays the return postage. */
const POSTAGE_QUESTION = /(?:运费|運費|邮费|郵費|快递费|快遞費|寄回.{0,4}(?:钱|錢|费|費))(?![险險])[^，。,.]{0,8}(?:我|谁|誰)[^，。,.]{0,3}(?:出|付|承担|承擔|掏|负责|負責)|(?:我|自己)[^，。,.]{0,6}(?:出|付|承担|承擔|掏)[^，。,.]{0,4}(?:运费|運費|邮费|郵費|快递费|快遞費)(?![险險])|\b(?:pay|cover)\b.{0,25}\b(?:postage|return shipping|shipping)\b|\b(?:postage|return shipping|shipping)\b.{0,25}\b(?:on me|at my cost)\b/iu;
/** "放假他们也算吗", "周末算不算", "是工作日吗", "do holidays count?": how a deadline counts days off. */
const HOLIDAY_QUESTION = /放假|假期|假日|节假日|節假日|法定假|周末|週末|礼拜天|星期天|双休|雙休|五一|十一|国庆|國慶|春节|春節|过年|過年|工作日|\b(?:holidays?|weekends?|working days?|business days?)\b/iu;
/** "这样合理吗", "是不是在拖", "正常吗", "is this fair?", "are they stalling?": a judgement of the seller's answer or delay. */
const FAIRNESS_QUESTION = /合理|公平|(?:这|這|那|样|樣)(?:也|还|還)?正常|在拖|拖着|拖著|拖延|拖时间|拖時間|故意拖|拖緊|\b(?:fair|reasonable|stalling|dragging)\b|\bis (?:this|that|it) normal\b/iu;
/** A yes-or-no ask ("可以吗", "行不行", "方便吗", "should I?"), for a message about a warned request. */
const YES_NO = /[？?]|吗|嗎|么|嘛|可以|行不行|好不好|能不能|要不要|\b(?:can|should|shall) i\b|\b(?:ok|okay|fine|safe)\b/iu;
/** Asking what, where or how: not a yes-or-no about the warned request. */
const WH = /几|幾|什么|什麼|哪|怎么|怎麼|为什么|為什麼|多少|多久|谁|誰|\b(?:what|where|how|why|when|which|who)\b/iu;
/** Words from the seller that blame the courier ("快递摔的", "找快递去"). */
const COURIER = /快递|快遞|物流|运输|運輸|courier|shipping company/iu;

/**
 * Answer a direct question about the followed case from its record. Returns what follows the
 * answer ('followUp': the case's usual line; 'done': the answer ended in the next step), or null
 * when the message is no such question.
 */
export function answerCaseQuestion(turn: Turn, c: FollowingCase, e: Extraction, text: string): CaseAnswer {
  if (e.intent || e.sellerReply || e.promise || e.orderId) return null;
  const asks = asksQuestion(text) || YES_NO.test(text);
  if (!asks) return declinedConfirm(turn, c, text) ? 'followUp' : null;
  if (confirmQuestion(turn, c, text)) return 'followUp';
  if (transferQuestion(turn, c, text)) return 'followUp';
  if (POSTAGE_QUESTION.test(text)) {
    const abroad = outsideMainland(c.slots.platform, c.slots.platformName);
    const answer = answerQuestion('ask_return_shipping', { locale: turn.loc, platform: c.slots.platform ?? null, problem: c.slots.problem, abroad });
    turn.push({ kind: 'info', key: 'answer.ask_return_shipping', text: answer });
    return 'followUp';
  }
  if (HOLIDAY_QUESTION.test(text) && holidayAnswer(turn, c)) return 'followUp';
  if (FAIRNESS_QUESTION.test(text)) {
    fairnessAnswer(turn, c);
    return 'done';
  }
  return null;
}

/**
 * "那我确认了？" once the seller asked for receipt to be confirmed before the refund: not before the
 * refund is settled, and why. Only while that request is on the record and the case still open.
 */
function confirmQuestion(turn: Turn, c: FollowingCase, text: string): boolean {
  if (!happened(c, 'confirm_first_asked') || !CONFIRM_RECEIPT.test(text) || OTHERS_CONFIRM.test(text) || WH.test(text)) return false;
  turn.info('caseQuestion.confirmReceipt');
  return true;
}

/** "我不确认", "先不点确认收货", "I won't confirm it": the buyer says they will not confirm receipt. */
const DECLINES_CONFIRM = /(?:不|别|別|没|沒)(?:会|會|要|去|先|点|點){0,3}(?:确认|確認)|\b(?:won'?t|will not|not going to|don'?t|do not)\b.{0,12}\bconfirm/iu;

/**
 * "好的，我先不确认" after the seller asked for receipt to be confirmed first: agreed, with the words
 * to send the seller instead, as the answer to "那我确认了？" gives them.
 */
function declinedConfirm(turn: Turn, c: FollowingCase, text: string): boolean {
  if (!happened(c, 'confirm_first_asked') || !DECLINES_CONFIRM.test(text) || OTHERS_CONFIRM.test(text)) return false;
  turn.info('caseQuestion.confirmDeclined');
  return true;
}

/** "可以吗？挺方便的" while the seller's latest word is an offer to settle off the platform: the risk, and what to do instead. */
function transferQuestion(turn: Turn, c: FollowingCase, text: string): boolean {
  if (lastSellerEvent(c) !== 'private_deal_offered' || text.length > 40 || WH.test(text)) return false;
  const offer = c.timeline.filter((x) => x.type === 'private_deal_offered').at(-1)!;
  turn.info(`warnedRequest.${offer.note === 'contact' ? 'contact' : 'transfer'}`);
  return true;
}

/** The latest seller promise on the record with its deadline. */
function latestPromise(c: FollowingCase): (TimelineEntry & { deadline: string }) | null {
  const p = c.timeline.filter((x) => x.type === 'seller_promise' && x.deadline).at(-1);
  return p ? (p as TimelineEntry & { deadline: string }) : null;
}

/**
 * "五一放假他们也算吗": whether the recorded promise's deadline counts days off. A promise recorded
 * in working days ('workdays') leaves out weekends and public holidays; one whose deadline a
 * working-day count cannot give ran on calendar time; one where both readings agree is said as
 * its date only (with whether any day off falls in it). False when no promise is on the record.
 */
function holidayAnswer(turn: Turn, c: FollowingCase): boolean {
  const p = latestPromise(c);
  if (!p) return false;
  const deadline = new Date(p.deadline);
  const when = formatDateTime(deadline, turn.tz, turn.loc);
  const said = new Date(p.at);
  const base = p.happenedAt && p.happenedAt.length > 10
    ? new Date(p.happenedAt)
    : p.happenedAt ? daysBefore(said, daysBetween(p.happenedAt, localDay(said, turn.tz))) : said;
  // The days after the promise up to its deadline, and which of them are not working days.
  let day = localDay(base, turn.tz);
  const last = localDay(deadline, turn.tz);
  let working = 0;
  let off = 0;
  for (let i = 0; day < last && i < 400; i += 1) {
    day = localDay(new Date(Date.parse(`${day}T12:00:00Z`) + 24 * 3_600_000), 'UTC');
    if (isWorkingDay(day)) working += 1;
    else off += 1;
  }
  // A working-day count that reaches the same deadline: with days off between, the record alone cannot tell the readings apart.
  const byWorkingDays = addWorkingDays(base, working, turn.tz).at.getTime() === deadline.getTime();
  const kind = p.note === 'workdays' ? 'workdays' : off === 0 ? 'noneBetween' : byWorkingDays ? 'dateOnly' : 'calendar';
  const after = deadline.getTime() <= turn.now.getTime() ? [turn.t('caseQuestion.holidays.passed')] : [];
  turn.info(`caseQuestion.holidays.${kind}`, { vars: { deadline: when }, after });
  return true;
}

/**
 * "这样合理吗？是不是在拖": from the record — a partial offer for goods damaged in transit is not
 * the buyer's risk (电子商务法 第二十条); another partial offer is the buyer's to accept or refuse;
 * a promise whose deadline passed unanswered is stalling; one still running has its date. Then
 * the next step for where the case stands.
 */
function fairnessAnswer(turn: Turn, c: FollowingCase): void {
  const last = lastSellerEvent(c);
  const p = latestPromise(c);
  if (last === 'seller_counter_offer') {
    const offer = c.timeline.filter((x) => x.type === 'seller_counter_offer').at(-1)!;
    const transit = c.slots.problem === 'damaged' || offer.note.includes('blames_courier') || COURIER.test(`${offer.quote ?? ''} ${offer.reason ?? ''}`);
    const wants = slotValue(turn, c.slots, 'wants');
    if (transit) turn.info('caseQuestion.fair.transitOffer');
    else turn.info(wants ? 'caseQuestion.fair.partialOffer' : 'caseQuestion.fair.partialOfferPlain', { vars: { wants: wants ?? '' } });
  } else if (p && (last === 'seller_promise' || last === 'seller_stalled' || last === 'seller_no_response')) {
    const deadline = new Date(p.deadline);
    const when = formatDateTime(deadline, turn.tz, turn.loc);
    turn.info(deadline.getTime() <= turn.now.getTime() ? 'caseQuestion.fair.promisePassed' : 'caseQuestion.fair.promiseRunning', { vars: { deadline: when } });
  } else {
    turn.info('caseQuestion.fair.other');
  }
  nextStepAdvice(turn, c);
}
