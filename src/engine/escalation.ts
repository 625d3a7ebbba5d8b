/**
 * Moving a case along the escalation ladder. Which rung comes next, and how long a rung
 * waits, is decided by `knowledge/ladder`; this file sends the drafts, guides and reminders
 * that go with each step.
 */
import { COMPENSATION_REPLY_HOURS, SELLER_REPLY_HOURS } from '../drafts/index.ts';
import { mediationDue, moveUpDue, nextRung, type MoveUpTrigger } from '../knowledge/ladder.ts';
import { outsideMainland, platformGuide, platformName } from '../knowledge/platforms.ts';
import { isTakeaway } from '../knowledge/takeaway.ts';
import { addHours, formatDateTime, outOfQuietHours } from '../time/deadlines.ts';
import { boughtFromPerson, isPrivateSeller } from '../drafts/index.ts';
import { askBusiness, needsBusiness } from './business.ts';
import { saysOwnShop } from './slots.ts';
import { lastSellerEvent, record, replyTimeNudges, sellerAnsweredLetter } from './case.ts';
import { offers } from './menus.ts';
import { handedLetterChanged, moneyValue, optionsFor, sendDraft } from './render.ts';
import { refundShort } from '../drafts/parts.ts';
import type { Message, Turn } from './turn.ts';
import type { DraftKind, FollowingCase, OpenCase, Option, Outbound, Slots } from '../domain/index.ts';

/** How a step is introduced: a message key (info, or nudge when a reminder brought it). */
export interface Intro {
  key: string;
  kind?: Outbound['kind'];
  m?: Message;
}

/** Which seller-facing draft fits the case. */
export function sellerDraftKind(c: OpenCase): 'seller' | 'compensation' | 'refund_shortfall' {
  const s = c.slots;
  if (s.problem === 'refund_issue' && s.amountPaid !== null && s.amountRefunded !== null && s.amountRefunded < s.amountPaid) {
    return 'refund_shortfall';
  }
  if (s.wants === 'compensation') return 'compensation';
  return 'seller';
}

/** The reply time a seller-facing draft asks for (written into the letter itself). */
function replyHours(kind: DraftKind): number {
  return kind === 'compensation' ? COMPENSATION_REPLY_HOURS : SELLER_REPLY_HOURS;
}

/**
 * Send a seller-facing draft and follow the deadline it names: when it passes in silence, the
 * reminder brings a nudge and the next rung's draft.
 */
export function sendSellerDraft(turn: Turn, c: OpenCase, kind: DraftKind = sellerDraftKind(c)): void {
  sendDraft(turn, c, kind);
  // A seller promise already being waited for is the seller's own deadline: it stands.
  if (c.reminders.some((r) => r.reason === 'seller_promise')) return;
  // A takeaway letter names no reply time (drafts/seller.ts): there is none to follow.
  if (kind === 'seller' && isTakeaway(c.slots)) return;
  // The deadline the letter names (moved out of the night, drafts/parts.ts replyDeadline), so the nudge quotes the same one.
  turn.setReminder(c, 'reply_deadline', outOfQuietHours(addHours(turn.now, replyHours(kind)), turn.tz));
}

/** Send the draft of the rung the case is on again, with the facts as they are now. */
export function reissueDraft(turn: Turn, c: FollowingCase): void {
  // The corrected letter replaces the last one: the same attempt (soft stays soft), not a firmer follow-up.
  if (c.rung === 'seller' && c.sellerDrafts > 0) c.sellerDrafts -= 1;
  // After the seller agreed, the corrected letter is not a new request awaiting an answer: no reply
  // time of ours is followed (its passing would claim silence from a seller who answered, trial 7 s10).
  if (c.rung === 'seller' && lastSellerEvent(c) === 'seller_agreed') sendDraft(turn, c, sellerDraftKind(c));
  else if (c.rung === 'seller') sendSellerDraft(turn, c);
  else sendDraft(turn, c, c.rung);
  // A payment-channel letter handed over earlier is corrected too (trial 8 s11: the amount paid came after it).
  if (handedLetterChanged(turn, c, 'payment')) sendDraft(turn, c, 'payment');
}

function introduce(turn: Turn, intro: Intro): void {
  turn.say(intro.kind ?? 'info', intro.key, intro.m ?? {});
}

/** Less than asked is not agreement: the buyer decides; refusing it moves up the ladder. */
export function offerChoice(turn: Turn, c: FollowingCase): void {
  turn.info(c.slots.standalone && !c.slots.platform ? 'seller.counterOfferOwnShop' : 'seller.counterOffer', { choiceSlot: 'nextStep', options: stepOptions(turn, ['acceptOffer', 'platform']) });
}

/** Move the case to the platform rung: the intervention draft, where to click, and a reminder at the platform's typical timer. */
export function escalateToPlatform(turn: Turn, c: FollowingCase, intro: Intro): void {
  // A platform named after the shop was read as its own (a mini program found to be a 微信小店) has its intervention.
  if (c.slots.standalone && !c.slots.platform) return beyondStandaloneShop(turn, c, intro);
  turn.cancelReminder(c, 'seller_promise', 'reply_deadline');
  // The seller rung's choices (accept the offer, wait…) no longer apply.
  turn.closeMenus();
  c.rung = 'platform';
  record(turn, c, 'escalated', { note: 'platform' });
  introduce(turn, intro);
  sendDraft(turn, c, 'platform');
  sendPlatformGuide(turn, c);
  const due = moveUpDue('platform', turn.now, turn.tz);
  turn.setReminder(c, 'platform_followup', due.at, due.approx);
}

/** The buyer said they bought in a mini program ("微信小程序买的"): a shop's own, or a 微信小店 order. */
export function boughtInMiniProgram(slots: Slots): boolean {
  return /小程序|mini[- ]?program/i.test(slots.problemText ?? '');
}

/**
 * A shop of its own (小程序商城, website) has no platform to step in: past the seller, the next
 * rungs are the payment channel (a refund request there) and 12315, both handed over at once.
 */
export function beyondStandaloneShop(turn: Turn, c: FollowingCase, intro: Intro): void {
  turn.cancelReminder(c, 'seller_promise', 'reply_deadline');
  turn.closeMenus();
  // A person found through WeChat (a Moments 代购): the routes that exist for a transfer to a person, not a shop's.
  const key = boughtFromPerson(c.slots) ? 'ladder.noPlatformPerson' : 'ladder.noPlatform';
  turn.say(intro.kind ?? 'info', key, { after: boughtInMiniProgram(c.slots) ? [turn.t('ladder.weixinShopMaybe')] : [] });
  sendPaymentDraft(turn, c);
  escalateToRegulator(turn, c, { key: 'escalate.regulator' });
}

/**
 * On a followed case the buyer says no platform was involved ("没有平台，就是朋友圈买的"), answering
 * "which platform?" or not: no platform menu or letter any more; past the seller, the routes a shop of
 * its own (or a person) has. False when the message does not say so or a platform is on record.
 */
export function noPlatformTold(turn: Turn, c: FollowingCase, text: string): boolean {
  if (c.slots.platform || !saysOwnShop(text)) return false;
  turn.closeMenus('platform');
  if (c.slots.standalone && c.timeline.some((x) => x.type === 'escalated' && x.note === 'regulator')) {
    turn.info('ladder.noPlatformAgain');
    return true;
  }
  if (!c.slots.standalone) {
    c.slots.standalone = true;
    record(turn, c, 'amended', { note: 'standalone' });
  }
  if (c.rung === 'seller') turn.info('ladder.noPlatformNoted');
  else beyondStandaloneShop(turn, c, { key: 'ladder.noPlatform' });
  return true;
}

/**
 * Move the case to the regulator rung: the 12315 draft, the acceptance timer (7 working days,
 * from the ladder), and the payment channel offered beside it.
 */
export function escalateToRegulator(turn: Turn, c: FollowingCase, intro: Intro): void {
  turn.cancelReminder(c, 'seller_promise', 'reply_deadline', 'platform_followup');
  turn.closeMenus();
  c.rung = 'regulator';
  record(turn, c, 'escalated', { note: 'regulator' });
  if (outsideMainland(c.slots.platform, c.slots.platformName)) {
    // 12315 handles businesses in mainland China: for a platform abroad the payment channel is next.
    turn.say(intro.kind ?? 'info', 'regulator.overseas', {
      vars: { platform: platformName(c.slots.platform, turn.loc, c.slots.platformName) },
      choiceSlot: 'nextStep',
      options: stepOptions(turn, ['payment']),
    });
    return;
  }
  if (isPrivateSeller(c.slots)) {
    // 12315 handles complaints against businesses; a private 闲鱼 seller is not one (DOMAIN.md):
    // the platform's own dispute process, the payment channel and the courts instead.
    turn.say(intro.kind ?? 'info', 'regulator.privateSeller', {
      after: [turn.t('regulator.payment')],
      choiceSlot: 'nextStep',
      options: stepOptions(turn, ['payment']),
    });
    lastRungs(turn);
    return;
  }
  introduce(turn, intro);
  sendDraft(turn, c, 'regulator');
  // The draft's own follow-up set the acceptance reminder (7 working days).
  const due = c.reminders.find((r) => r.reason === 'regulator_acceptance');
  // One menu at a time: while the licence details are asked for (with its skip button), the
  // payment channel is named in words ("支付宝投诉"), and the question comes last.
  const asking = needsBusiness(c);
  turn.info('regulator.timers', {
    // The acceptance and mediation rules are in the draft's notes just above: only the reminder here.
    vars: { accept: formatDateTime(new Date(due?.deadline ?? turn.nowIso), turn.tz, turn.loc) },
    after: [turn.t(asking ? 'regulator.paymentSay' : 'regulator.payment')],
    ...(asking ? {} : { choiceSlot: 'nextStep' as const, options: stepOptions(turn, ['payment']) }),
  });
  askBusiness(turn, c);
}

/** The payment-channel dispute draft (beside the regulator rung). */
export function sendPaymentDraft(turn: Turn, c: FollowingCase): void {
  record(turn, c, 'escalated', { note: 'payment' });
  sendDraft(turn, c, 'payment');
}

/**
 * Something happened that may move the case up (a refusal, silence, an unfair ruling): the
 * ladder says where to. On the top rung, the last rungs are explained.
 */
export function climb(turn: Turn, c: FollowingCase, trigger: MoveUpTrigger, intro: Intro): void {
  // A ruling means the platform was involved, whatever rung the bot had the case on.
  if ((trigger === 'ruling_unfair' || trigger === 'ruling_slow') && c.rung === 'seller') c.rung = 'platform';
  const next = nextRung(c.rung, trigger);
  if (next?.rung === 'platform') return escalateToPlatform(turn, c, intro);
  if (next?.rung === 'regulator') return escalateToRegulator(turn, c, intro);
  introduce(turn, intro);
  lastRungs(turn);
}

/** After the regulator: small claims, the internet courts, and 黑猫投诉 (public pressure, not a regulator). */
export function lastRungs(turn: Turn, kind: Outbound['kind'] = 'info'): void {
  turn.say(kind, 'ladder.lastRungs');
}

/**
 * Where this platform's intervention button is (knowledge/platforms). Without a known
 * platform, the buyer is offered the choice — the only point where the platform changes
 * the advice.
 */
export function sendPlatformGuide(turn: Turn, c: OpenCase): void {
  const platform = c.slots.platform;
  // A platform the buyer named outside the list (AliExpress, Amazon) is known: the general guide, not the question again.
  if (!platform) {
    turn.info('guide.ask', { choiceSlot: 'platform', options: optionsFor(turn, 'platform') });
    return;
  }
  const guide = platformGuide(platform, turn.loc, c.slots.platformName);
  const after = [...(guide.hotline ? [turn.t('guide.hotline', { name: guide.name, hotline: guide.hotline })] : []), ...guide.timers];
  turn.info('guide.entry', { vars: { name: guide.name, entry: guide.interventionEntry }, after });
}

export type StepValue = 'resolved' | 'notYet' | 'regulator' | 'payment' | 'platform' | 'acceptOffer' | 'accepted' | 'notAccepted'
  | 'sentNoReply' | 'sentReplied' | 'notSent' | 'promiseKept' | 'promiseNotKept' | 'promisePartly' | 'eventPending'
  | 'toldReply' | 'toldMoney' | 'toldGoods' | 'toldOther';

/** The answers to whether the seller letter went out and was answered (letter-check.ts). */
export const LETTER_CHECK: readonly StepValue[] = ['sentNoReply', 'sentReplied', 'notSent'];

/** The answers to whether the seller kept the promise whose time ran out (steps.ts `promiseCheckChoice`). */
export const PROMISE_CHECK: readonly StepValue[] = ['promiseKept', 'promiseNotKept', 'promisePartly'];

/** Whether the seller kept the promise whose time ran out is asked, and not yet answered. */
export function promiseCheckOpen(turn: Turn): boolean {
  return offers(turn.state, 'nextStep', 'promiseKept');
}

/** Follow-up choices ("已解决", "要 12315 投诉文本"…). */
export function stepOptions(turn: Turn, values: StepValue[]): Option[] {
  // No 12315 for a platform outside mainland China (it handles businesses in mainland China), nor
  // for a private seller (12315 handles complaints against businesses; DOMAIN.md).
  const slots = turn.state.active?.slots;
  const no12315 = slots && (outsideMainland(slots.platform, slots.platformName) || isPrivateSeller(slots));
  const shown = no12315 ? values.filter((v) => v !== 'regulator') : values;
  // A shop of its own: the step past the seller is the payment channel and 12315 (beyondStandaloneShop).
  const own = slots?.standalone && !slots.platform;
  return shown.map((value) => ({ value, label: turn.t(`followup.${value}${own && value === 'platform' ? 'OwnShop' : ''}`) }));
}

/** "怎么办": the next concrete step for the rung the case is on. */
export function nextStepAdvice(turn: Turn, c: FollowingCase): void {
  const due = (reason: string) => c.reminders.find((r) => r.reason === reason);
  const when = (iso: string) => formatDateTime(new Date(iso), turn.tz, turn.loc);
  if (c.rung === 'seller') {
    // The seller letter's reply time passed and was asked about (letter-check.ts), and no answer of
    // the seller's is told: nothing is left to wait for. Its reminder still due only asks again, so the
    // question is put again; gone after the first asking, an answer cancelled it, and the one that
    // leaves the case here is "they replied": what they said is asked again.
    const asked = replyTimeNudges(c).length;
    if (asked > 0 && !sellerAnsweredLetter(c) && (due('reply_deadline') || asked === 1)) {
      if (due('reply_deadline')) turn.info('letterCheck.first', { choiceSlot: 'nextStep', options: stepOptions(turn, [...LETTER_CHECK]) });
      else turn.info('letterCheck.askReply');
      return;
    }
    if (promiseCheckOpen(turn)) {
      // The seller's time ran out and whether they kept their word is still asked: the next letter waits for the answer.
      turn.info('promiseCheck.first', { choiceSlot: 'nextStep', options: stepOptions(turn, [...PROMISE_CHECK]) });
      return;
    }
    if (lastSellerEvent(c) === 'seller_counter_offer') {
      // The seller answered with less than asked: the buyer's decision, not more waiting.
      turn.info('next.sellerOffer', { choiceSlot: 'nextStep', options: stepOptions(turn, ['acceptOffer', 'platform']) });
      return;
    }
    // The seller agreed, or a short refund's letter went out: that stage's step, not the first letter's (trial 11 F17).
    if (agreedStep(turn, c, when)) return;
    // The seller's own time ran out, or they refused or went silent: nothing left to wait for.
    const last = lastSellerEvent(c);
    const done = !due('seller_promise') && (last === 'seller_promise' || last === 'seller_no_response' || last === 'seller_refused');
    const r = done ? undefined : due('seller_promise') ?? due('reply_deadline');
    turn.info(r ? 'next.sellerWait' : done ? 'next.sellerDone' : 'next.seller', {
      vars: r ? { deadline: when(r.deadline) } : {},
      choiceSlot: 'nextStep',
      options: stepOptions(turn, ['platform', 'resolved']),
    });
    return;
  }
  if (c.rung === 'platform') {
    const r = due('platform_followup');
    // Waiting for the platform only once the buyer said they applied; the bot's text alone is not an application.
    const applied = c.timeline.some((e) => e.type === 'platform_requested' || e.type === 'platform_handling');
    turn.info(r ? (applied ? 'next.platformWait' : 'next.platformSubmit') : 'next.platform', {
      vars: r ? { deadline: when(r.deadline) } : {},
      choiceSlot: 'nextStep',
      options: stepOptions(turn, ['regulator', 'payment', 'resolved']),
    });
    return;
  }
  const r = due('regulator_acceptance') ?? due('regulator_mediation');
  turn.info(r ? 'next.regulatorWait' : 'next.regulator', {
    vars: r ? { deadline: when(r.deadline) } : {},
    after: [turn.t('ladder.lastRungs')],
    choiceSlot: 'nextStep',
    options: stepOptions(turn, ['payment', 'resolved']),
  });
}

/**
 * "怎么办" once the seller agreed: send the goods back and give the waybill; the return is on its way;
 * wait for the refund the bot will check; or the refund came short and the seller owes the rest.
 * False when the seller's last word was not an agreement (or a promise with its own time is pending).
 */
function agreedStep(turn: Turn, c: FollowingCase, when: (iso: string) => string): boolean {
  const last = lastSellerEvent(c);
  const due = (reason: string) => c.reminders.find((r) => r.reason === reason);
  const options = { choiceSlot: 'nextStep' as const, options: stepOptions(turn, ['resolved', 'platform']) };
  const short = last === 'refund_short' ? refundShort(c.timeline) : null;
  if (short) {
    turn.info('next.refundShort', { vars: { diff: moneyValue(turn, c.slots, Math.round((short.owed - short.got) * 100) / 100) }, ...options });
    return true;
  }
  if (last !== 'seller_agreed' || due('seller_promise')) return false;
  const refund = due('refund_arrival');
  const key = c.slots.returnTrackingNo ? 'returnSent' : due('return_tracking') ? 'return' : refund ? 'refund' : 'other';
  turn.info(`next.sellerAgreed.${key}`, { vars: { trackingNo: c.slots.returnTrackingNo ?? '', deadline: refund ? when(refund.deadline) : '' }, ...options });
  return true;
}

/** 12315 accepted the complaint: mediation runs up to 45 working days. */
export function followMediation(turn: Turn, c: FollowingCase): void {
  const due = mediationDue(turn.now, turn.tz);
  turn.setReminder(c, 'regulator_mediation', due.at, due.approx);
  turn.info('regulator.mediation', { vars: { deadline: formatDateTime(due.at, turn.tz, turn.loc) } });
}
