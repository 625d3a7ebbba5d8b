/**
 * The reply time a seller letter asked for has come. The bot handed the letter over; it does not
 * know that the buyer sent it, nor that the seller stayed silent. So it asks, and only what the
 * buyer says goes on the record: "sent, no reply" is the fact the next letter may state; "they
 * replied" is the seller's answer, asked for; "not sent yet" gets the letter again with a new
 * reply time.
 */
import type { Extraction } from '../nlu/index.ts';
import { record, replyTimeNudges, sellerAnsweredLetter } from './case.ts';
import { climb, LETTER_CHECK, nextStepAdvice, reissueDraft, stepOptions } from './escalation.ts';
import { latestMenu, offers } from './menus.ts';
import { addHours, formatDateTime } from '../time/deadlines.ts';
import type { Turn } from './turn.ts';
import type { FollowingCase, TimelineEntry, UserState } from '../domain/index.ts';

/** A question left unanswered is asked once more a day later, then left. */
const ASK_AGAIN_HOURS = 24;

/**
 * Ask whether the letter went out and whether the seller answered (the reply_deadline reminder),
 * and ask once more a day later if no answer came. The reminder asking again keeps the reply
 * time that passed: that is the time the next letter states.
 */
export function askLetterCheck(turn: Turn, c: FollowingCase, deadline: Date, after: string[]): void {
  const options = stepOptions(turn, [...LETTER_CHECK]);
  const vars = { deadline: formatDateTime(deadline, turn.tz, turn.loc) };
  if (asksLetterCheckAgain(c)) {
    // The second asking: only if the question is still open (an answer cancels it; this is the guard).
    if (letterCheckOpen(turn.state) && passedReplyTime(c)) turn.say('nudge', 'nudge.letter_check_again', { vars, after, choiceSlot: 'nextStep', options });
    return;
  }
  turn.say('nudge', 'nudge.letter_check', { vars, after, choiceSlot: 'nextStep', options });
  turn.setReminder(c, 'reply_deadline', deadline, false, addHours(turn.now, ASK_AGAIN_HOURS));
}

/** Whether the buttons of the question are still open. */
function letterCheckOpen(state: UserState): boolean {
  return offers(state, 'nextStep', 'sentNoReply');
}

/** The question is answered: it is not asked again. */
function closeLetterCheck(turn: Turn, c: FollowingCase): void {
  turn.closeMenus('nextStep');
  turn.cancelReminder(c, 'reply_deadline');
}

/**
 * The reply time that passed and is still unasked about: the latest reply_deadline reminder that
 * fired after the last seller letter, with no answer of the seller told since that letter. Null
 * when there is none (a button pressed after a new letter, or after the seller's answer).
 */
function passedReplyTime(c: FollowingCase): TimelineEntry | null {
  const passed = replyTimeNudges(c)[0] ?? null;
  return passed && !sellerAnsweredLetter(c) ? passed : null;
}

/**
 * Whether a reply_deadline reminder due now is the question asked again (the seller letter's
 * reply time was asked about already): it is the question's, whatever was said since.
 */
export function asksLetterCheckAgain(c: FollowingCase): boolean {
  return replyTimeNudges(c).length > 1;
}

/** An answer to the question, by button, number or in words. */
export function letterCheckChoice(turn: Turn, c: FollowingCase, value: string): void {
  const passed = passedReplyTime(c);
  if (!passed) return nextStepAdvice(turn, c);
  turn.cancelReminder(c, 'reply_deadline');
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
const NO_REPLY = /(?:没|沒|未|冇|不)(?:有)?(?:人)?(?:给|給)?(?:回|覆|答复|答覆|理|动静|動靜|消息)|\b(?:no (?:reply|answer|response)|didn'?t (?:reply|answer|respond)|nothing)\b/iu;
/** Words about something else than the letter ("快递还没发", "物流没消息", "退款没动静"): not an answer to the question. */
const OTHER_SUBJECT = /物流|快递|快遞|包裹|退款|钱|錢|货|貨|平台|\b(?:parcel|package|delivery|courier|refund|money|platform|arriv\w*)\b/iu;
/** "发了", "已发", "sent it": the letter went out (said alone, whether the seller replied is still open). */
const SENT = /(?:发|發)(?:了|过|過|出去|咗)|已(?:发|發)|\bsent\b/iu;
/**
 * "他让我拍照片", "他打电话说只能退50", "佢話要寄返": something the seller said or asked, told beside
 * "sent" or "no reply": the seller answered (groups: the verb, then the words up to the clause's end).
 * Not "我跟他说" (the buyer speaking) nor "他没说" (nothing said).
 */
const SELLER_ACTED = /(?<![跟和给給对對向问問找叫让讓其])(?:卖家|賣家|商家|店家|客服|对方|對方|他们|他們|佢哋|他|她|佢)[^，,。.；;！!？?没沒不未冇]{0,8}?(说|說|讲|講|(?<![电電])(?:话|話)|让|讓|叫|要求|要|问|問)([^，,。.；;！!？?]*)/u;
/** "he said …", "they asked for …": the same in English (only asked about, not read). */
const SELLER_ACTED_EN = /\b(?:they|he|she|the seller|seller)\s+(?:\w+\s+){0,3}?(?:said|says|asked|told|wants?|offered|called)\b/iu;

/**
 * A message typed while the question is open. Words the seller said ("回了，说不给退") are the
 * seller's reply and go the usual way: the question is closed and false returned. True when the
 * message answered it (or was shown the question again, being only "发了" or a bare yes / no).
 */
export function letterCheckTyped(turn: Turn, c: FollowingCase, e: Extraction, text: string): boolean {
  if (!letterCheckOpen(turn.state)) return false;
  if (e.sellerReply && e.sellerReply !== 'no_response') {
    closeLetterCheck(turn, c);
    return false;
  }
  // "they replied saying only half refund" is about the letter, whatever else it names.
  const own = !OTHER_SUBJECT.test(text) || REPLIED_THEN_ZH.test(text) || REPLIED_THEN_EN.test(text);
  const sent = own && SENT.test(text);
  const noReply = (own && NO_REPLY.test(text)) || e.sellerReply === 'no_response';
  // "没回" told after "发了" (the buttons left: no reply or replied), or "发了" after "没回" (sent or not):
  // the two halves make the answer.
  const offered = latestMenu(turn.state, 'nextStep')?.options.map((o) => o.value) ?? [];
  const sentKnown = sent || !offered.includes('notSent');
  const silenceKnown = noReply || !offered.includes('sentReplied');
  // Something the seller said or asked for, told beside "sent" or "no reply" ("发了，他让我拍照片…后来不理我了"):
  // the seller answered, so no silence is recorded. Words read as a seller reply came back as one (readMessage);
  // here they were not readable, so what the seller said is asked.
  const acted = (sent || noReply) && !NOT_SENT.test(text) && (SELLER_ACTED.test(text) || SELLER_ACTED_EN.test(text));
  const value = own && NOT_SENT.test(text) ? 'notSent'
    : (own && REPLIED.test(text)) || acted ? 'sentReplied'
      : sentKnown && silenceKnown && (sent || noReply) ? 'sentNoReply'
        : null;
  if (value) {
    closeLetterCheck(turn, c);
    letterCheckChoice(turn, c, value);
    return true;
  }
  // "没回" alone: the seller's silence, but not that the letter went out: asked, never assumed.
  if (noReply) {
    turn.info('letterCheck.sent', { choiceSlot: 'nextStep', options: stepOptions(turn, ['sentNoReply', 'notSent']) });
    return true;
  }
  // "现在怎么办": the next step hangs on this answer, so the question again, saying why.
  if (e.intent === 'next_step') {
    turn.info('letterCheck.first', { choiceSlot: 'nextStep', options: stepOptions(turn, [...LETTER_CHECK]) });
    return true;
  }
  // "发了" alone answers half of it; a bare "没有" either half: the question again, narrowed where it can be.
  if (!sent && !e.yesNo) return false;
  turn.info(sent ? 'letterCheck.replied' : 'letterCheck.which', {
    choiceSlot: 'nextStep', options: stepOptions(turn, sent ? ['sentNoReply', 'sentReplied'] : [...LETTER_CHECK]),
  });
  return true;
}

/** "回了，说…", "卖家回复了：…": what comes after "replied" is what the seller said. */
const REPLIED_THEN_ZH = /^\s*(?:卖家|商家|店家|客服|对方|他们|他|她)?\s*(?:已经|已)?(?:回|回复|回覆|答复|答覆)(?:(?:了|过|過)[\s，,。.：:！!]*(?:我)?[\s，,：:]*(?:说|說|讲|講)?|[\s，,]*(?:说|說))[\s，,：:]*/u;
/** A clause that opens with what someone asked of the buyer, or said, with no speaker named ("让我…", "说只能退一半"). */
const ASKED_OF_BUYER = /^\s*(?:让我|讓我|叫我|要我|要求我|说要|說要|说只|說只|说不(?!定)|說不(?!定)|说是|說是|说可以|說可以)/u;
/** Who said it, named at the start of the words. */
const SPEAKER = /^(?:卖家|賣家|商家|店家|客服|对方|對方|他们|他們|the seller|seller|they|he|she)/iu;
/** "they replied asking for photos", "the seller answered: …". */
const REPLIED_THEN_EN = /^\s*(?:yes[,.!]?\s*)?(?:they|the seller|seller|he|she)\s+(?:have\s+|has\s+)?(?:replied|answered|got back(?:\s+to\s+me)?)[\s,.:;!-]*(?:and\s+)?(?:(?:said|says|saying)\s*(?:that\s*)?)?/iu;

/**
 * "回了，说要开箱视频" while the question is open: the buyer says the seller answered and what
 * they said in one message. The words after "replied" are the seller's; they are read again
 * with the seller named, as "卖家说…" would be. Once the reply time was asked about, also a message
 * with no speaker that opens with what was asked of the buyer. Null otherwise, or when no words follow.
 */
export function sellerWordsTold(state: UserState, text: string): string | null {
  // "让我拍照片给他看" once the reply time was asked about (after "they replied", what they said is
  // asked): a clause with no speaker that opens with what was asked of the buyer is the seller's.
  const c = state.active;
  if (c?.phase === 'following' && ASKED_OF_BUYER.test(text) && passedReplyTime(c)) return `卖家${text.trim()}`;
  if (!letterCheckOpen(state)) return null;
  const zh = REPLIED_THEN_ZH.exec(text);
  const m = zh ?? REPLIED_THEN_EN.exec(text);
  // "发了没回，不过他打电话说只能退50": the seller's words beside "sent" / "no reply", read with the seller named.
  const acted = !m && (SENT.test(text) || NO_REPLY.test(text)) ? SELLER_ACTED.exec(text) : null;
  if (acted) return /^(?:说|說|讲|講|话|話)$/u.test(acted[1]!) ? `卖家说${acted[2]!}` : `卖家${acted[1]!}${acted[2]!}`;
  const rest = m ? text.slice(m[0].length).trim() : '';
  // Nothing said, or the speaker named in it ("回了，卖家说…"): read as it is.
  if (!/[\p{L}\p{N}]/u.test(rest) || SPEAKER.test(rest)) return null;
  if (zh) return /^(?:让|讓|叫|要求|要我)/u.test(rest) ? `卖家${rest}` : `卖家说${rest}`;
  if (/^\w+ing\b/iu.test(rest)) return `The seller is ${rest}`;
  return /^(?:want|need|ask|will|won'?t|can|refuse|agree)/iu.test(rest) ? `The seller said they ${rest}` : `The seller said ${rest}`;
}
