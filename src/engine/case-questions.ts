/**
 * Direct questions in the middle of a followed case that the case record answers (trial 7 #8):
 * "那我确认了？" while the seller wants receipt confirmed first, "质量问题运费也要我出？",
 * "这样合理吗？是不是在拖" about the seller's offer or a promise, "可以吗？" about an off-platform
 * transfer, "放假也算吗" about a deadline. Each answers from the record (and DOMAIN.md's sources
 * where the law is named); the case's follow-up comes after the answer.
 */
import type { Extraction } from '../nlu/index.ts';
import { asksAtAll } from '../nlu/intent.ts';
import { happened, lastSellerEvent } from './case.ts';
import { nextStepAdvice } from './escalation.ts';
import { moneyValue, sendAdvice, sendDraft, slotValue } from './render.ts';
import { addWorkingDays, daysBefore, daysBetween, formatDateTime, isWorkingDay, localDay } from '../time/deadlines.ts';
import { outsideMainland, platformName } from '../knowledge/platforms.ts';
import { answerQuestion } from '../knowledge/answers.ts';
import { SELLER_FAULT } from './slots.ts';
import { normalize } from '../nlu/index.ts';
import { currencyOf } from '../knowledge/currency.ts';
import { draftMessage, isPrivateSeller } from '../drafts/index.ts';
import { shortOfPrice } from '../drafts/parts.ts';
import { postageShortDraft } from '../drafts/postage-short.ts';
import type { Turn } from './turn.ts';
import type { FollowingCase, TimelineEntry } from '../domain/index.ts';

/** What a question answered here leaves to follow: the case's usual line, or nothing (the answer ends in the next step). */
export type CaseAnswer = 'followUp' | 'done' | null;

/** Asking what, where or how: not a yes-or-no about the warned request. */
const WH = /几|幾|什么|什麼|哪|怎么|怎麼|为什么|為什麼|多少|多久|谁|誰|\b(?:what|where|how|why|when|which|who)\b/iu;
/** Words from the seller that blame the courier ("快递摔的", "找快递去"). */
const COURIER = /快递|快遞|物流|运输|運輸|courier|shipping company/iu;

/**
 * Answer a direct question about the followed case from its record, as the NLU named it (its
 * intent: `ask_return_shipping`, `case_confirm_receipt`, `case_declines_confirm`, `case_days_off`, `case_fairness`,
 * `case_overwhelmed`), or a
 * bare yes-or-no about a warned transfer. Returns what follows the answer ('followUp': the case's
 * usual line; 'done': the answer ended in the next step), or null when the message is no such question.
 */
export function answerCaseQuestion(turn: Turn, c: FollowingCase, e: Extraction, text: string): CaseAnswer {
  if (e.sellerReply || e.promise || e.orderId) return null;
  // Only while the seller's "先确认收货" is on the record: not before the refund is settled, and why.
  if (e.intent === 'case_confirm_receipt' && happened(c, 'confirm_first_asked')) {
    turn.info('caseQuestion.confirmReceipt');
    return 'followUp';
  }
  // "好的，我先不确认": agreed, with the words to send the seller instead, as the answer to "那我确认了？" gives them.
  if (e.intent === 'case_declines_confirm' && happened(c, 'confirm_first_asked')) {
    turn.info('caseQuestion.confirmDeclined');
    return 'followUp';
  }
  // "可以吗？", "这样合理吗？" right after an offer to settle off the platform: that offer is the question.
  const caseIntent = e.intent === null || e.intent.startsWith('case_') || e.intent === 'ask_return_shipping';
  if (caseIntent && (e.intent !== null || asksAtAll(text)) && transferQuestion(turn, c, text)) return 'followUp';
  const whoPays = (e.intent === null || e.intent === 'ask_return_shipping' || e.intent === 'ask_shipping_insurance') && asksWhoPays(text);
  if (whoPays && asksWhoPaysRest(text) && (postageShortAnswer(turn, c, text) || refundRestAnswer(turn, c))) return 'done';
  // "剩下的50谁出" after the seller offered part of it: whether that part has to be taken, and the next step.
  if (whoPays && lastSellerEvent(c) === 'seller_counter_offer') {
    fairnessAnswer(turn, c);
    return 'done';
  }
  switch (e.intent) {
    case 'ask_return_shipping': {
      const abroad = outsideMainland(c.slots.platform, c.slots.platformName);
      const answer = answerQuestion('ask_return_shipping', { locale: turn.loc, platform: c.slots.platform ?? null, problem: c.slots.problem, abroad });
      sendAdvice(turn, c, 'answer.ask_return_shipping', answer);
      return 'followUp';
    }
    case 'case_days_off':
      return holidayAnswer(turn, c) ? 'followUp' : null;
    case 'case_fairness':
      fairnessAnswer(turn, c);
      return 'done';
    case 'case_overwhelmed':
      return overwhelmedAnswer(turn, c) ? 'done' : null;
    default:
      return null;
  }
}

/** "差的钱谁出", "运费谁承担", "who pays the rest": a question of who pays. */
const WHO_PAYS = /(?:谁|誰|由谁|由誰)(?:来|來)?(?:出|承担|承擔|付|负责|負責|补|補|掏|给|給|买单|買單)|\bwho(?:'s| is| will| should)?\s+(?:pays?|paying|covers?|covering)\b/iu;
/** "那剩下的6块呢", "差的8元怎么办", "what about the other $5": the rest of a sum, asked after. */
const REST_OF_SUM = /(?:剩下|剩余|余下|差|少)(?:的|了)\s?\d{1,5}(?:\.\d{1,2})?\s?(?:块钱|块|元|塊錢|塊)?(?:钱|錢)?\s?(?:呢|怎么办|怎麼辦|咋办)|\bwhat about the (?:other|remaining|rest of the|missing)\s?[¥￥$]?\d/iu;
/** The sum still missing, named in the question ("差的6块", "剩下的12元", "the remaining $5"). */
const SUM_MISSING = /(?:剩下|剩余|余下|还差|差|少)(?:的|了)?\s?[¥￥]?(\d{1,5}(?:\.\d{1,2})?)|\b(?:other|remaining|rest of the|missing|difference of|the rest,?)\s?[¥￥$]?(\d{1,5}(?:\.\d{1,2})?)/iu;
/** The return postage: in the question, or in what the seller last said or offered. */
const POSTAGE_WORDS = /运费|運費|邮费|郵費|快递费|快遞費|寄回|寄过去|寄過去|\b(?:postage|shipping|courier (?:fees?|costs?|charged?)|return label)\b/iu;

/** "差的钱谁出", "那剩下的呢"-with-a-sum: a question of who pays. */
function asksWhoPays(text: string): boolean {
  const norm = normalize(text);
  return WHO_PAYS.test(norm) || REST_OF_SUM.test(norm);
}

/** "运费险赔了10，剩下的12块谁出": who pays a sum still missing — the case's question, not the 运费险 one. */
export function asksWhoPaysRest(text: string): boolean {
  return asksWhoPays(text) && SUM_MISSING.test(normalize(text));
}

/**
 * "差的6块钱谁出啊": the return postage of goods at fault is the business's (消法 第二十四条, DOMAIN.md),
 * so the sum the buyer says is still missing is the seller's to pay, with the letter asking for it.
 * False when the question is no such one, names no sum, or the law does not bind the seller (a private
 * 闲鱼 seller, a platform abroad, a no-reason return): the general answer about postage is given then.
 */
function postageShortAnswer(turn: Turn, c: FollowingCase, text: string): boolean {
  const norm = normalize(text);
  const m = SUM_MISSING.exec(norm);
  const amount = m ? Number(m[1] ?? m[2]) : NaN;
  if (!(amount > 0)) return false;
  const said = c.timeline.filter((x) => x.type.startsWith('seller_')).at(-1);
  if (!POSTAGE_WORDS.test(norm) && !POSTAGE_WORDS.test(`${said?.quote ?? ''} ${said?.reason ?? ''}`)) return false;
  return postageOwed(turn, c, amount, text);
}

/**
 * The return postage of goods at fault, `amount`, is the seller's (消法 第二十四条): said so, with the
 * letter asking for it. False where the law does not bind the seller (goods not at fault, a private
 * 闲鱼 seller, a platform abroad).
 */
export function postageOwed(turn: Turn, c: FollowingCase, amount: number, text: string): boolean {
  if (c.slots.problem === null || !SELLER_FAULT.has(c.slots.problem)) return false;
  if (isPrivateSeller(c.slots) || outsideMainland(c.slots.platform, c.slots.platformName)) return false;
  // "the other $5": the sum in the currency the buyer gave it.
  const given = currencyOf(text, amount);
  const slots = given ? { ...c.slots, currency: given === 'CNY' ? null : given } : c.slots;
  turn.info('caseQuestion.whoPaysSum', { vars: { amount: moneyValue(turn, slots, amount) } });
  const draft = postageShortDraft({
    locale: turn.loc, slots, evidence: c.evidence, timeline: c.timeline, now: turn.now, timezone: turn.tz, sellerAttempt: c.sellerDrafts + 1, openedAt: c.openedAt,
  }, amount);
  turn.push({ kind: 'draft', key: 'draft.postageShort', text: draftMessage(draft, turn.loc), to: draft.to, body: draft.body });
  return true;
}

/**
 * "那剩下的20块呢" after a refund that came short of the price paid: the sums on the record, and the
 * letter asking the seller for the rest. False when the record holds no such shortfall.
 */
function refundRestAnswer(turn: Turn, c: FollowingCase): boolean {
  const short = shortOfPrice(c.slots);
  if (!short) return false;
  const money = (n: number) => moneyValue(turn, c.slots, n);
  turn.info('caseQuestion.refundRest', { vars: { paid: money(short.paid), refunded: money(short.refunded), diff: money(short.paid - short.refunded) } });
  sendDraft(turn, c, 'refund_shortfall');
  return true;
}

/** Which letter goes where: the letters to the seller share one answer. */
const SEND_TO: Readonly<Record<string, string>> = {
  seller: 'seller', compensation: 'seller', refund_shortfall: 'seller', platform: 'platform', regulator: 'regulator', payment: 'payment',
};

/**
 * "字太多看不懂，发哪个给谁": one step only — the latest letter handed over, which box to copy and
 * where to paste it (trial 8 P2). False when no letter was handed over yet.
 */
function overwhelmedAnswer(turn: Turn, c: FollowingCase): boolean {
  const last = c.timeline.filter((x) => x.type === 'draft_sent').at(-1);
  const to = last ? SEND_TO[last.note] : undefined;
  if (!to) return false;
  turn.info(`caseQuestion.overwhelmed.${to}`, { vars: { platform: platformName(c.slots.platform, turn.loc, c.slots.platformName) } });
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
  const kind = p.note.split(' ').includes('workdays') ? 'workdays' : off === 0 ? 'noneBetween' : byWorkingDays ? 'dateOnly' : 'calendar';
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
