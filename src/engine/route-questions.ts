/**
 * Direct questions about where to turn, answered as questions before anything else the message
 * does: "算诈骗吗 / 能报警吗 / 能追回吗", "该找市场监管还是消协？", "先做哪个？", "还能继续争吗？".
 * The answers say only what DOMAIN.md sources (the ladder, the 7–30 day routes); who decides what
 * the bot cannot (fraud, whether an office takes the case) is named, never guessed.
 */
import { normalize } from '../nlu/index.ts';
import { asksAtAll } from '../nlu/intent.ts';
import { nextStepAdvice } from './escalation.ts';
import type { Turn } from './turn.ts';
import type { Extraction } from '../nlu/index.ts';
import type { OpenCase } from '../domain/index.ts';

/** "这算诈骗吗", "能报警吗", "钱能追回来吗", "is this a scam", "can I call the police". */
const FRAUD_ASK = /诈骗|骗子|骗局|报警|报案|追回|追得回|要得回|拿得回|\b(?:scam|fraud|police)\b|get (?:my|the) money back/iu;
/** "该找市场监管还是消协", "找哪个部门", "这种事归谁管", "which office should I go to". */
const WHICH_OFFICE = /(?:找|去|投诉到?|归)(?:哪个|哪一个|哪些|什么)(?:部门|单位|机构|地方)|归(?:谁|哪里|哪儿)管|(?:该|应该|是)?找[\p{Script=Han}\d]{1,8}还是(?:找)?[\p{Script=Han}\d]{1,8}|\bwhich (?:office|authority|agency|department)\b/iu;
/** The offices a which-office question names, so that "找卖家还是找平台" is not one. */
const OFFICE = /12315|消协|消费者协会|市场监管|市监|工商|药监|卫健|监管|部门|机构|局|法院|\b(?:office|authority|agency|regulator)\b/iu;
/** "先做哪个", "先发哪封", "哪个先", "what should I do first". */
const FIRST_STEP = /先(?:做|办|弄|发|找|走|申请|干)(?:哪个|哪一个|哪封|哪步|哪一步|什么|啥)|哪个先|哪一步先|先干嘛|\bwhat (?:should|do) i do first\b|\bwhich (?:one )?first\b/iu;
/** "我还没把信发给卖家", "还没联系卖家": the seller letter not sent yet. */
const SELLER_NOT_CONTACTED = /(?:还)?没(?:有)?(?:把)?[^，。,.]{0,6}(?:发给|发|联系|找)(?:过)?(?:卖家|商家|店家)|\bhaven'?t (?:sent|contacted)\b[^.]{0,20}\bseller\b/iu;
/** "还能继续争吗", "还有办法吗", "can I keep fighting this". */
const KEEP_GOING = /还能(?:继续|再)?(?:争|申诉|维权|追|要)|还有(?:什么|别的|其他)?办法|能不能(?:继续|再)(?:争|要|申诉)|\b(?:keep|continue) (?:fighting|disputing|pushing)\b|anything else i can do/iu;
/** Goods that are medicine ("降压药", "发错药"): a wrong one is not taken. */
const MEDICINE = /药(?!妆)|胶囊|片剂|\bmedicine\b|\bpills?\b|\btablets?\b|\bdrugs?\b/iu;

/**
 * Questions asked beside a report, answered first; the rest of the message is still read: fraud,
 * the police or getting the money back ("她把我拉黑了，这算诈骗吗"), and "还能继续争吗" beside the
 * platform's ruling ("平台判了只退一半，还能继续争吗").
 */
export function answerAsideQuestions(turn: Turn, e: Extraction, text: string): void {
  const norm = normalize(text);
  if (!asksAtAll(norm)) return;
  if (FRAUD_ASK.test(norm)) turn.info('routes.fraud');
  const ruling = e.sellerReply === 'platform_for_seller' || e.sellerReply === 'platform_for_buyer';
  if (ruling && KEEP_GOING.test(norm)) turn.info('routes.keepGoing');
}

/**
 * "Which office?", "which first?", "can I still fight it?" on an open case: the answer, then the
 * case's own next step (the seller letter first when the buyer has not sent it). True when answered.
 */
export function answerRouteQuestion(turn: Turn, c: OpenCase, text: string): boolean {
  const norm = normalize(text);
  // "哪个", "还是" ask by themselves; "还能继续争" needs the asking word ("吗", "?").
  const which = WHICH_OFFICE.test(norm) && OFFICE.test(norm);
  const first = !which && FIRST_STEP.test(norm);
  const onward = !which && !first && c.phase === 'following' && c.rung !== 'seller' && KEEP_GOING.test(norm) && asksAtAll(norm);
  if (!which && !first && !onward) return false;
  if (which) {
    turn.info('routes.whichOffice');
    if (MEDICINE.test(`${c.slots.problemText ?? ''} ${norm}`)) turn.info('routes.medicineSafety');
  }
  if (onward) turn.info('routes.keepGoing');
  // Still collecting: the question the case asked stays (the engine asks it again).
  if (c.phase !== 'following') return true;
  // The seller letter not sent yet: that is the first step, whatever rung the case has reached.
  if (first && (c.rung === 'seller' || SELLER_NOT_CONTACTED.test(norm))) turn.info('routes.sellerFirst');
  else if (c.rung === 'seller' && !onward) turn.info('routes.sellerStep');
  else nextStepAdvice(turn, c);
  return true;
}
