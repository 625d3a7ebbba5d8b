/**
 * A reminder fell due. It is checked against the case as it is now: a reminder no longer in
 * the case (cancelled, already sent) says nothing. Silence past a deadline moves the case up
 * the ladder; other reminders ask how things stand.
 */
import { formatDate, formatDateTime, noReasonWindow, outOfQuietHours } from '../time/deadlines.ts';
import { happened, lastSellerEvent, record, sellerAnsweredLetter } from './case.ts';
import { advance } from './collect.ts';
import { climb, lastRungs, PROMISE_CHECK, stepOptions } from './escalation.ts';
import { askLetterCheck, asksLetterCheckAgain } from './letter-check.ts';
import { offers } from './menus.ts';
import type { Turn } from './turn.ts';
import { promiseKind, type FollowingCase, type OpenCase, type PromiseKind, type ReminderReason } from '../domain/index.ts';

/**
 * What the latest seller promise was for (its note, reports.ts `promiseFacts`): goods sent, repaired,
 * collected, money refunded, an answer, or 'act' (to handle or answer); and whether its time was a rough one.
 */
function promised(c: { timeline: readonly { type: string; note: string }[] }): { kind: PromiseKind; approx: boolean } {
  const p = c.timeline.filter((e) => e.type === 'seller_promise').at(-1);
  return p ? { kind: promiseKind(p.note), approx: p.note.split(' ').includes('approx') } : { kind: 'act', approx: false };
}

/**
 * The check-in on a time counted from an event still to come: the seller's words, and whether the
 * event happened and what came of it. Nothing once the seller said anything after those words.
 */
function eventCheckin(turn: Turn, c: OpenCase, after: string[]): void {
  const said = c.timeline.filter((e) => e.type === 'seller_promise').at(-1);
  if (lastSellerEvent(c) !== 'seller_promise' || said?.note !== 'after' || !said.reason) return;
  const options = c.phase === 'following' ? { choiceSlot: 'nextStep' as const, options: stepOptions(turn, ['resolved', 'eventPending', 'platform']) } : {};
  turn.say('nudge', 'nudge.event_checkin', { vars: { words: said.reason }, after, ...options });
}

/**
 * Reminders that ask how the case stands, the one whose step is furthest up first: when several fall due
 * in the same minute (deadlines set close together, or a delay), only that one speaks.
 */
const CHECK_INS: readonly ReminderReason[] = ['platform_followup', 'seller_promise', 'reply_deadline', 'event_checkin'];
const SAME_MINUTE_MS = 60_000;

export function onTick(turn: Turn, reminderId: string, late: boolean): void {
  const c = turn.state.active;
  const reminder = c?.reminders.find((r) => r.id === reminderId);
  if (!c || !reminder) return;
  // Overdue when the bot comes back in the night (a restart, a backlog): it waits for the morning like
  // any reminder (setReminder), its deadline unchanged for the wording (trial 14 F14).
  const morning = outOfQuietHours(turn.now, turn.tz);
  if (morning.getTime() > turn.now.getTime()) {
    turn.setReminder(c, reminder.reason, new Date(reminder.deadline), reminder.approx, morning);
    return;
  }
  c.reminders = c.reminders.filter((r) => r.id !== reminderId);
  const rank = CHECK_INS.indexOf(reminder.reason);
  const together = rank < 0 ? [] : c.reminders.filter((r) => CHECK_INS.includes(r.reason) && Date.parse(r.dueAt) <= turn.now.getTime() + SAME_MINUTE_MS);
  // Two nudges in one minute: the other one, further up, says it.
  if (together.some((r) => CHECK_INS.indexOf(r.reason) < rank)) return;
  turn.cancelReminder(c, ...together.map((r) => r.reason));
  // The deadline that passed is when it happened (the letters date it so); the tick is only when the bot noticed.
  record(turn, c, 'nudged', { note: reminder.reason, happenedAt: reminder.deadline });
  const after = late ? [turn.t('nudge.late', { due: formatDateTime(new Date(reminder.dueAt), turn.tz, turn.loc) })] : [];
  const deadline = formatDateTime(new Date(reminder.deadline), turn.tz, turn.loc);
  const key = `nudge.${reminder.reason}`;

  if (reminder.reason === 'event_checkin') {
    eventCheckin(turn, c, after);
    if (c.phase === 'collecting') advance(turn, c, [], false);
    return;
  }

  if (c.phase === 'collecting') {
    // Only a seller promise told while collecting can be due here.
    const missing = (['orderId', 'problem', 'wants'] as const).filter((s) => c.slots[s] === null).map((s) => turn.t(`slot.${s}`));
    turn.say('nudge', 'nudge.seller_promise_incomplete', { vars: { deadline, missing: missing.join(turn.t('list.sep')) }, after });
    advance(turn, c, [], false);
    return;
  }

  switch (reminder.reason) {
    case 'seller_promise':
    case 'reply_deadline':
      // Silence past the seller's own deadline (or past the letter's, once the seller answered it): the next rung.
      // After a counter-offer the seller did answer: the nudge says the offer is still open, not silence.
      const promise = reminder.reason === 'seller_promise' ? promised(c) : null;
      const shipped = promise?.kind === 'ship' || promise?.kind === 'repair' ? { kind: promise.kind, approx: promise.approx } : null;
      if (promise?.kind === 'act' && refundAgreed(c)) {
        // The seller agreed to pay and gave a time for the money ("大概五个工作日内退回"): whether it came is
        // the buyer's to say, so it is asked like the refund check; only "not yet" hands over a letter.
        askRefundArrived(turn, c, deadline, after);
      } else if (shipped) {
        // The seller agreed and promised to send the goods (or the repaired item) by then: did they come? Not sorted → the next rung.
        const seller = c.rung === 'seller';
        const by = shipped.approx ? turn.t('promise.about', { deadline }) : deadline;
        // At the seller's rung it is asked like any promise: only the buyer's "not kept" goes into the letter.
        turn.say('nudge', `nudge.${shipped.kind}_promise${seller ? '' : '_later'}`, {
          vars: { deadline: by }, after, choiceSlot: 'nextStep', options: stepOptions(turn, seller ? [...PROMISE_CHECK] : ['resolved', 'regulator', 'payment']),
        });
      } else if (c.rung === 'seller' && (promise?.kind === 'pickup' || promise?.kind === 'visit' || promise?.kind === 'refund')) {
        // A courier to collect the goods, an installer's visit, money back: whether it came is the buyer's to say. Only a
        // confirmed "not kept" lets the next letter say the seller did not do it (steps.ts). An answer
        // promised is not asked about: the seller's silence past their own time hands over the next
        // letter at once (CONTRACTS §2), which says only that the time passed.
        const by = promise.approx ? turn.t('promise.about', { deadline }) : deadline;
        turn.say('nudge', `nudge.${promise.kind}_promise`, { vars: { deadline: by }, after, choiceSlot: 'nextStep', options: stepOptions(turn, [...PROMISE_CHECK]) });
      } else if (c.rung === 'seller' && reminder.reason === 'reply_deadline' && (!sellerAnsweredLetter(c) || asksLetterCheckAgain(c))) {
        // The bot only handed the letter over: whether it was sent, and answered, is the buyer's to say.
        askLetterCheck(turn, c, new Date(reminder.deadline), after);
      } else if (c.rung === 'seller') {
        const offered = lastSellerEvent(c) === 'seller_counter_offer';
        climb(turn, c, 'no_reply', { kind: 'nudge', key: offered ? 'nudge.offer_open' : key, m: { vars: { deadline }, after } });
      } else {
        // A promise made once the platform was involved still gets its reminder: how it stands, and the next steps.
        // The reply time the bot wrote into a letter is no time anyone agreed: it is named as the letter's.
        turn.say('nudge', reminder.reason === 'reply_deadline' ? 'nudge.reply_deadline_later' : 'nudge.seller_promise_later', {
          vars: { deadline }, after, choiceSlot: 'nextStep', options: stepOptions(turn, ['resolved', 'regulator', 'payment']),
        });
      }
      return;
    case 'no_reason_window': {
      const closes = c.slots.receivedOn ? noReasonWindow(c.slots.receivedOn, turn.tz).closesAt : new Date(reminder.deadline);
      turn.say('nudge', key, { vars: { deadline, lastDay: formatDate(closes, turn.tz, turn.loc) }, after });
      return;
    }
    case 'return_tracking':
      // Sending the item back for inspection is not an agreed return: the nudge says which it is.
      // An exchange sent back has no refund to lose: the nudge says the exchange may close.
      turn.say('nudge', happened(c, 'seller_agreed') || happened(c, 'platform_ruled_buyer')
        ? (c.slots.wants === 'exchange' ? 'nudge.return_tracking_exchange' : key)
        : 'nudge.return_inspection', { vars: { deadline }, after });
      return;
    case 'refund_arrival':
      askRefundArrived(turn, c, deadline, after);
      return;
    case 'refund_due':
      // 第二十五条's last day (the end of that day): the date alone, no clock time.
      turn.say('nudge', key, {
        vars: { deadline: formatDate(new Date(reminder.deadline), turn.tz, turn.loc) }, after,
        choiceSlot: 'nextStep', options: stepOptions(turn, ['resolved', 'notYet']),
      });
      return;
    case 'platform_followup': {
      // The platform's own timer ("平台说3天内处理") or its typical one has run out.
      // The bot handing over the text is not the buyer applying: without the buyer's word, ask whether it was submitted.
      const own = happened(c, 'platform_handling');
      const applied = own || happened(c, 'platform_requested') || happened(c, 'platform_ruled_seller') || happened(c, 'platform_ruled_buyer');
      turn.say('nudge', own ? 'nudge.platform_timer' : applied ? key : 'nudge.platform_submitted', {
        vars: { deadline }, after, choiceSlot: 'nextStep', options: stepOptions(turn, ['resolved', 'regulator', 'payment']),
      });
      return;
    }
    case 'regulator_acceptance':
      turn.say('nudge', key, {
        vars: { deadline }, after, choiceSlot: 'nextStep', options: stepOptions(turn, ['accepted', 'notAccepted', 'resolved']),
      });
      return;
    case 'regulator_mediation':
      turn.say('nudge', key, { vars: { deadline }, after });
      lastRungs(turn);
      return;
  }
}

/** Wishes the seller settles by paying. */
const MONEY_WISHES: ReadonlySet<string> = new Set(['refund', 'return_refund', 'compensation']);

/** The seller agreed to a wish settled in money, and no missing or short refund was told since. */
function refundAgreed(c: FollowingCase): boolean {
  const last = lastSellerEvent(c);
  return happened(c, 'seller_agreed') && MONEY_WISHES.has(c.slots.wants ?? '') && last !== 'refund_missing' && last !== 'refund_short' && last !== 'seller_refused';
}

/**
 * "钱到账了吗？" with its two answers. Asked once: a second reminder for the same money falling due
 * while the question is open (the refund check and the seller's own time, the same morning) says nothing.
 */
function askRefundArrived(turn: Turn, c: FollowingCase, deadline: string, after: string[]): void {
  if (offers(turn.state, 'nextStep', 'notYet')) return;
  turn.cancelReminder(c, 'refund_arrival');
  turn.say('nudge', 'nudge.refund_arrival', { vars: { deadline }, after, choiceSlot: 'nextStep', options: stepOptions(turn, ['resolved', 'notYet']) });
}
