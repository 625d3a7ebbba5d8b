/**
 * The reply time a seller letter asked for has come. The bot handed the letter over; it does not
 * know that the buyer sent it, nor that the seller stayed silent. So it asks, and only what the
 * buyer says goes on the record: "sent, no reply" is the fact the next letter may state; "they
 * replied" is the seller's answer, asked for; "not sent yet" gets the letter again with a new
 * reply time.
 */
import type { Extraction } from '../nlu/index.ts';
import { record, SELLER_LETTERS, sellerAnsweredLetter } from './case.ts';
import { climb, nextStepAdvice, reissueDraft, stepOptions, type StepValue } from './escalation.ts';
import { latestMenu } from './menus.ts';
import { formatDateTime } from '../time/deadlines.ts';
import type { Turn } from './turn.ts';
import type { FollowingCase, TimelineEntry } from '../domain/index.ts';

/** The answers to the question. */
export const LETTER_CHECK: readonly StepValue[] = ['sentNoReply', 'sentReplied', 'notSent'];

/** Ask whether the letter went out and whether the seller answered (the reply_deadline reminder). */
export function askLetterCheck(turn: Turn, vars: { deadline: string }, after: string[]): void {
  turn.say('nudge', 'nudge.letter_check', { vars, after, choiceSlot: 'nextStep', options: stepOptions(turn, [...LETTER_CHECK]) });
}

/**
 * The reply time that passed and is still unasked about: the latest reply_deadline reminder that
 * fired after the last seller letter, with no answer of the seller told since that letter. Null
 * when there is none (a button pressed after a new letter, or after the seller's answer).
 */
function passedReplyTime(c: FollowingCase): TimelineEntry | null {
  let passed: TimelineEntry | null = null;
  for (let i = c.timeline.length - 1; i >= 0; i -= 1) {
    const e = c.timeline[i]!;
    if (e.type === 'draft_sent' && SELLER_LETTERS.has(e.note)) break;
    if (!passed && e.type === 'nudged' && e.note === 'reply_deadline') passed = e;
  }
  return passed && !sellerAnsweredLetter(c) ? passed : null;
}

/** An answer to the question, by button, number or in words. */
export function letterCheckChoice(turn: Turn, c: FollowingCase, value: string): void {
  const passed = passedReplyTime(c);
  if (!passed) return nextStepAdvice(turn, c);
  const deadline = passed.happenedAt ?? passed.at;
  switch (value) {
    case 'sentNoReply':
      // What the buyer confirmed, and no more: no sending time is known, none is stated.
      record(turn, c, 'seller_no_response', { note: 'reply_deadline', deadline });
      climb(turn, c, 'no_reply', { key: 'letterCheck.noReply', m: { vars: { deadline: formatDateTime(new Date(deadline), turn.tz, turn.loc) } } });
      return;
    case 'sentReplied':
      turn.info('letterCheck.askReply');
      return;
    default:
      // Not sent: the same attempt again, with a reply time counted from now (and its reminder).
      turn.info('letterCheck.notSent');
      reissueDraft(turn, c);
  }
}

/** "还没发", "not sent yet": the letter has not gone out. */
const NOT_SENT = /(?:还|還|仍|都)?(?:没|沒|未|冇)(?:有)?(?:发|發)(?!货|貨)|忘(?:了|记|記)?(?:发|發)|\b(?:not (?:yet )?sent|haven'?t sent|didn'?t send|not sent yet)\b/iu;
/** "回了", "卖家回复了", "they replied": the seller answered (what they said comes next). */
const REPLIED = /(?<![没沒未不冇]|没有|沒有)(?:回|回复|回覆|答复|答覆)(?:了|过|過)|\b(?:replied|answered|got (?:a |an )?(?:reply|answer))\b/iu;
/** "没回", "没有回复", "没人理", "no reply": the letter went out and nothing came. */
const NO_REPLY = /(?:没|沒|未|冇|不)(?:有)?(?:人)?(?:给|給)?(?:回|答复|答覆|理|动静|動靜|消息)|\b(?:no (?:reply|answer|response)|didn'?t (?:reply|answer|respond)|nothing)\b/iu;
/** Words about something else than the letter ("快递还没发", "物流没消息", "退款没动静"): not an answer to the question. */
const OTHER_SUBJECT = /物流|快递|快遞|包裹|退款|钱|錢|货|貨|平台|\b(?:parcel|package|delivery|courier|refund|money|platform|arriv\w*)\b/iu;
/** "发了", "已发", "sent it": the letter went out (said alone, whether the seller replied is still open). */
const SENT = /(?:发|發)(?:了|过|過|出去)|已(?:发|發)|\bsent\b/iu;

/**
 * A message typed while the question is open. Words the seller said ("回了，说不给退") are the
 * seller's reply and go the usual way: the question is closed and false returned. True when the
 * message answered it (or was shown the question again, being only "发了" or a bare yes / no).
 */
export function letterCheckTyped(turn: Turn, c: FollowingCase, e: Extraction, text: string): boolean {
  const menu = latestMenu(turn.state, 'nextStep');
  if (!menu?.options.some((o) => o.value === 'sentNoReply')) return false;
  if (e.sellerReply && e.sellerReply !== 'no_response') {
    turn.closeMenus('nextStep');
    return false;
  }
  const own = !OTHER_SUBJECT.test(text);
  const value = own && NOT_SENT.test(text) ? 'notSent'
    : own && REPLIED.test(text) ? 'sentReplied'
      : (own && NO_REPLY.test(text)) || e.sellerReply === 'no_response' ? 'sentNoReply'
        : null;
  if (value) {
    turn.closeMenus('nextStep');
    letterCheckChoice(turn, c, value);
    return true;
  }
  // "发了" alone answers half of it; a bare "没有" either half: the question again, narrowed where it can be.
  const sent = own && SENT.test(text);
  if (!sent && !e.yesNo) return false;
  turn.info(sent ? 'letterCheck.replied' : 'letterCheck.which', {
    choiceSlot: 'nextStep', options: stepOptions(turn, sent ? ['sentNoReply', 'sentReplied'] : [...LETTER_CHECK]),
  });
  return true;
}
