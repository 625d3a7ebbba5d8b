/**
 * A message on a followed case that nothing in the engine took in. The buyer must not be left
 * believing it was recorded: a bare acknowledgement ("好的", "嗯嗯", 👍) gets a short status; a
 * question how things stand ("怎么样了", "any update?") the question of the case's phase (the bot
 * learns of progress only from the buyer); anything else is said to be not understood, with the
 * likely readings for the phase to choose from. A chosen reading asks the buyer to tell it in the
 * words the rest of the engine reads (the seller's words, the sum that came, what arrived).
 */
import { happened, lastSellerEvent } from './case.ts';
import { stepOptions, type StepValue } from './escalation.ts';
import { latestMenu } from './menus.ts';
import type { Turn } from './turn.ts';
import type { FollowingCase } from '../domain/index.ts';

/** Emoji, stickers' symbols and punctuation: no words. */
const NO_WORDS = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\u200d\ufe0f\p{P}\p{S}\s]/gu;
/** Acknowledgements and small talk, alone: "好的", "嗯嗯", "收到", "知道了", "ok", "thanks", "哈哈". */
const ACK_WORDS = /^(?:好的?|好吧|好滴|好嘞|行|行吧|可以|嗯+|恩+|哦+|噢+|喔+|收到了?|知道了?|明白了?|了解了?|懂了|辛苦了?|谢谢(?:你|您|啦|了)?|多谢|感谢|哈+|呵+|ok(?:ay|k)?|yes|sure|got ?it|thanks?|thank ?you|cool|great|alright|fine)+$/iu;

/** "照片明天补", "截图晚点发你", "will send the photos tonight": evidence still to come, nothing to record yet. */
const EVIDENCE_LATER = /(?:照片|图片|相片|视频|截图|凭证|聊天记录|证据|发票|photos?|pictures?|videos?|screenshots?|receipts?).{0,10}(?:明天|明早|晚上|晚点|等下|等会|一会|稍后|回头|之后|later|tomorrow|tonight|soon)|(?:明天|明早|晚上|晚点|等下|等会|一会|稍后|回头)(?:再|就|我)?(?:补|发|拍|传)(?:给你|你)?(?:照片|图片|视频|截图)?[。.!！~～\s]*$/iu;

/** "怎么样了", "现在呢", "有进展吗", "any update?", "what's the status": how things stand, asked. */
const ASKS_STATUS = /^(?:那|所以|请问)?(?:现在|目前|这边|那边|事情|售后|我的售后)?(?:怎么样了?|咋样了?|如何了?|什么情况|啥情况|呢|进展如何|进度如何|有(?:什么|啥)?(?:进展|进度|消息|结果|动静|新情况)了?(?:吗|没有?)?|然后呢|结果呢|之后呢)$|^(?:any (?:update|news|progress)s?|(?:what'?s|what is) (?:the )?(?:status|update|latest)|how(?:'s| is) (?:it|my case|the case|everything) going|so what now|status)$/iu;

/** The message, its words only (no emoji, punctuation, spaces), lower-cased. */
function wordsOf(text: string): string {
  return text.normalize('NFKC').replace(NO_WORDS, '').toLowerCase();
}

/** Only an acknowledgement, small talk, emoji, or evidence promised for later: nothing to record. */
export function acknowledgementOnly(text: string): boolean {
  const words = wordsOf(text);
  return words === '' || ACK_WORDS.test(words) || (words.length <= 30 && EVIDENCE_LATER.test(text));
}

/** "怎么样了", "any update?": the buyer asks how the case stands. */
export function asksStatus(text: string): boolean {
  return ASKS_STATUS.test(text.normalize('NFKC').trim().replace(/[?？。.!！~～\s]+$/u, '').replace(/\s+/g, ' ').toLowerCase());
}

/** Wishes settled by money, and those by goods moving. */
const MONEY_WISHES: ReadonlySet<string> = new Set(['refund', 'return_refund', 'compensation']);
const GOODS_WISHES: ReadonlySet<string> = new Set(['exchange', 'reship', 'repair', 'return_refund']);

/** The readings likely on this case now: someone answered; money came (if money is due); goods moved (if goods are); something else. */
function readings(c: FollowingCase): StepValue[] {
  const agreed = happened(c, 'seller_agreed') || happened(c, 'platform_ruled_buyer') || lastSellerEvent(c) === 'seller_counter_offer';
  const money = MONEY_WISHES.has(c.slots.wants ?? '') || agreed || c.compensationAmount !== null;
  // A top-up or a booking is credited, never posted: no parcel to ask about.
  const goods = !c.virtual && (GOODS_WISHES.has(c.slots.wants ?? '') || c.slots.problem === 'not_received' || c.slots.shipped === false);
  return ['toldReply', ...(money ? ['toldMoney' as const] : []), ...(goods ? ['toldGoods' as const] : []), 'toldOther'];
}

/** Not understood, said so, with the likely readings (said as "still not understood" when they were just offered). */
export function notUnderstood(turn: Turn, c: FollowingCase): void {
  const again = latestMenu(turn.state, 'nextStep')?.options.some((o) => o.value === 'toldOther') ?? false;
  turn.info(again ? 'unclear.again' : 'unclear.which', { choiceSlot: 'nextStep', options: stepOptions(turn, readings(c)) });
}

/** A reading chosen: the buyer is asked to tell it in words the engine reads. */
export function readingChosen(turn: Turn, c: FollowingCase, value: 'toldReply' | 'toldMoney' | 'toldGoods' | 'toldOther'): void {
  if (value === 'toldReply') return turn.info(c.rung === 'seller' ? 'letterCheck.askReply' : `unclear.askReply.${c.rung}`);
  turn.info(`unclear.${value}`);
}

/**
 * "怎么样了": the bot has no news of its own; what it needs to know at this phase is asked, with
 * the answers the phase's reminder offers (tick.ts). The seller rung asks whether the seller answered.
 */
export function caseStatus(turn: Turn, c: FollowingCase, wait: () => string | null): void {
  const until = wait();
  const vars = { wait: until ? turn.t('unclear.waitUntil', { deadline: until }) : '' };
  if (c.rung === 'platform') {
    const applied = happened(c, 'platform_requested') || happened(c, 'platform_handling')
      || happened(c, 'platform_ruled_seller') || happened(c, 'platform_ruled_buyer');
    turn.info(applied ? 'unclear.status.platformApplied' : 'unclear.status.platformSubmit', {
      vars, choiceSlot: 'nextStep', options: stepOptions(turn, ['resolved', 'regulator', 'payment']),
    });
    return;
  }
  if (c.rung === 'regulator') {
    turn.info('unclear.status.regulator', { vars, choiceSlot: 'nextStep', options: stepOptions(turn, ['accepted', 'notAccepted', 'resolved']) });
    return;
  }
  turn.info('unclear.status.seller', { vars });
}
