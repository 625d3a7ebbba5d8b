/**
 * What came of an act the seller promised by a date: a courier to collect a return ('pickup'), or
 * goods to send ('ship', 'repair'). The buyer's answer goes on the record as a note on the entry of
 * that promise's passing ('nudged', note `seller_promise <how>`; one is made when the buyer answers
 * before the reminder), so the letters say what happened and nothing more (drafts/parts.ts):
 * `broken` (nobody came, nothing sent), `kept` (collected, or sent; ` waybill:<no>` with the
 * parcel's number), ` wrong` after `kept` (what was sent arrived wrong again).
 */
import { addWorkingDays, formatDateTime, formatDay, localDay } from '../time/deadlines.ts';
import { t } from '../i18n/index.ts';
import { record } from './case.ts';
import { stepOptions } from './escalation.ts';
import { REFUND_CHECK_WORKING_DAYS } from './reports.ts';
import { RETURN_EXTRA_WORKING_DAYS } from './refund-timing.ts';
import type { Turn } from './turn.ts';
import type { FollowingCase } from '../domain/index.ts';
import { outcomeAt, pickupAwaited, promiseAt, shipmentPromised } from './promise-record.ts';

/** "没人来取", "快递员没来", "nobody came", "the courier never showed": the courier did not come to collect. */
const MISSED_PICKUP = /(?:没|沒|冇|无|無)(?:有)?人(?:来|來|上门|上門|取)|(?:快递员?|快遞員?|师傅|師傅|小哥|取件的?人?)[^，,。！!？?]{0,4}(?:没|沒|未|冇)(?:有)?(?:来|來|上门|上門|取)|(?:没|沒|未)(?:有)?(?:来|來|上门|上門)(?:取|收)|\b(?:nobody|no one|no-one)\s(?:came|showed up|turned up|picked)|\b(?:courier|driver|they)\s(?:didn'?t\s|did not\s|never\s|has not\s|hasn'?t\s)(?:come|came|show|showed|turn(?:ed)? up|pick|been)|\bno(?:body|\sone)?\s?(?:courier|driver|pickup)\s(?:came|showed)/iu;

/**
 * Put the buyer's answer on the record of the latest promise (a new entry in place: entries are
 * shared with the turn's start). Nobody came keeps the time the deadline passed; a thing done is
 * dated when the buyer told it, not by the deadline (it may have come at any time before).
 */
function mark(turn: Turn, c: FollowingCase, how: string, again = false, reason: string | null = null): void {
  const at = again ? -1 : outcomeAt(c);
  const told = how.startsWith('kept') ? { at: turn.nowIso, happenedAt: null } : {};
  if (at >= 0) c.timeline[at] = { ...c.timeline[at]!, ...told, note: `seller_promise ${how}`, ...(reason ? { reason } : {}) };
  else record(turn, c, 'nudged', { note: `seller_promise ${how}`, reason });
}

/** "取走了", "上门收走了", "the courier collected it": the return was collected. */
const PICKED_UP = /取走了|收走了|拿走了|揽收了|取件了|(?:来|來)取了|\b(?:picked (?:it )?up|collected (?:it|the (?:item|parcel|return)))\b/iu;

/** "师傅没来取" while a pickup is awaited. */
export function saysPickupMissed(c: FollowingCase, text: string): boolean {
  return pickupAwaited(c) && MISSED_PICKUP.test(text);
}

/** The courier collected it, said with the courier or the pickup ("快递小哥取走了", "上门取件 已经取走了", "the courier collected it"): a return on its way. */
const COURIER_COLLECTED = /(?:courier|driver|快递员?|快遞員?|小哥|上门取件|上門取件)[^，,。.!！]{0,12}(?:picked (?:it |them )?up|collected|取走了|收走了|揽收了)/iu;
/** Wishes the goods may go back for: a courier collecting is the return, whether or not a pickup was on record. */
const RETURNING: ReadonlySet<string | null> = new Set(['refund', 'return_refund', 'exchange', 'repair']);

/** "取走了" while a pickup is awaited, or the courier's collecting told of a return (and not said missed in the same breath). */
export function saysPickedUp(c: FollowingCase, text: string): boolean {
  const returning = pickupAwaited(c) || (RETURNING.has(c.slots.wants) && COURIER_COLLECTED.test(text));
  return returning && PICKED_UP.test(text) && !MISSED_PICKUP.test(text);
}

/** The day the awaited pickup was set for, in `locale`; '' when it had no date. */
function pickupDay(turn: Turn, c: FollowingCase, locale: Turn['loc']): string {
  const p = promiseAt(c);
  const deadline = p ? c.timeline[p.at]!.deadline : null;
  return deadline ? formatDay(localDay(new Date(deadline), turn.tz), locale) : '';
}

/**
 * Nobody came to collect: on the record, and (unless the seller already gave a new day) a short
 * note for the seller asking for one (in Chinese, with its gloss for a buyer who writes in another
 * language). A new day the seller gives is a new promise (reports.ts sayPromise); the platform is
 * the buyer's choice.
 */
export function pickupMissed(turn: Turn, c: FollowingCase, rebooked = false): void {
  const day = pickupDay(turn, c, turn.loc);
  const key = day ? 'drafts.pickupMissed.body' : 'drafts.pickupMissed.bodyNoDay';
  mark(turn, c, 'broken');
  turn.cancelReminder(c, 'seller_promise');
  turn.closeMenus('nextStep');
  if (rebooked) return;
  turn.info(day ? 'return.pickupMissed' : 'return.pickupMissedNoDay', { vars: { day } });
  const body = t('zh-CN', key, { orderId: c.slots.orderId ?? '', day: pickupDay(turn, c, 'zh-CN') });
  const gloss = turn.loc === 'zh-CN' ? null : t(turn.loc, key, { orderId: c.slots.orderId ?? '', day });
  const parts = [t(turn.loc, 'drafts.seller.title'), body, ...(gloss ? [`${t(turn.loc, 'drafts.glossHeading')}\n${gloss}`] : [])];
  turn.push({ kind: 'draft', key: 'draft.pickupMissed', text: parts.join('\n\n'), to: 'seller', body });
  turn.info('return.pickupMissedNext', { choiceSlot: 'nextStep', options: stepOptions(turn, ['platform']) });
}

/**
 * The courier collected the return (its waybill when given): what is left is the refund, checked a
 * few working days on (the way back and the seller's check); an exchange waits for the new goods.
 */
export function pickedUp(turn: Turn, c: FollowingCase, trackingNo: string | null): void {
  mark(turn, c, 'kept');
  // The refund's own check below replaces a check-in on the seller's time counted from the return's arrival.
  turn.cancelReminder(c, 'seller_promise', 'reply_deadline', 'return_tracking', ...(c.slots.wants === 'exchange' ? [] : ['event_checkin' as const]));
  turn.closeMenus('nextStep');
  if (trackingNo && c.slots.returnTrackingNo !== trackingNo) {
    c.slots.returnTrackingNo = trackingNo;
    record(turn, c, 'amended', { note: 'returnTrackingNo' });
  }
  const waybill = c.slots.returnTrackingNo ? turn.t('return.pickupWaybill', { trackingNo: c.slots.returnTrackingNo }) : '';
  if (c.slots.wants === 'exchange') {
    turn.info('return.pickedUpExchange', { vars: { waybill } });
    return;
  }
  const due = addWorkingDays(turn.now, REFUND_CHECK_WORKING_DAYS + RETURN_EXTRA_WORKING_DAYS, turn.tz);
  turn.setReminder(c, 'refund_arrival', due.at, due.approx);
  turn.info('return.pickedUp', { vars: { waybill, deadline: formatDateTime(due.at, turn.tz, turn.loc) } });
}

/** Words of goods sent again: "补发了", "重新发了", "新单号", "resent". */
const SENT_AGAIN = /补发|補發|重新(?:发|發|寄)|重(?:发|發)|新(?:的)?(?:运)?(?:单号|單號)|新(?:的)?(?:快递|快遞)单号|\bresent\b|\bnew tracking\b/iu;
/** Words of a number put right ("单号写错了", "不对，是…"): a correction of the number on record. */
const NUMBER_FIXED = /错|錯|更正|改成|不对|不對|\bwrong\b/iu;

/**
 * "判商家补发，新单号 中通 7355…": the waybill of goods sent again, when the case already has the first
 * parcel's number or waits for goods sent: a second parcel beside the first, never the first corrected.
 */
export function resentWaybill(c: FollowingCase, trackingNo: string | null, text: string): string | null {
  if (!trackingNo || trackingNo === c.slots.trackingNo || !SENT_AGAIN.test(text) || NUMBER_FIXED.test(text)) return null;
  return c.slots.trackingNo !== null || c.slots.wants === 'reship' || c.slots.wants === 'exchange' ? trackingNo : null;
}

/** "新的发了", "新书今天寄出了", "the new one shipped": the replacement on its way, not the buyer's return. */
const NEW_SENT = /新(?:的|书|货|品|件)?[^，,。！!？?\s]{0,4}?(?:已经|已)?(?:发了|发出|寄出|寄了|发货)|\b(?:new one|replacement)\s(?:was\s|has\sbeen\s)?(?:sent|shipped)/iu;

/** The waybill told is the new goods' the seller promised to send. */
export function saysNewSent(c: FollowingCase, text: string): boolean {
  return shipmentPromised(c) !== null && NEW_SENT.test(text);
}

/** The seller sent the goods they promised, with the parcel's number: on the record for the letters (with what was sent). */
export function shipmentSent(turn: Turn, c: FollowingCase, trackingNo: string): void {
  mark(turn, c, `kept waybill:${trackingNo} for:${c.slots.wants}`);
  turn.info('promiseCheck.waybill', { vars: { trackingNo } });
}

/**
 * What the seller sent arrived wrong again: on the record beside its sending (with its waybill, when
 * known) and with what the buyer says is wrong with it, so a letter states the fault and not only the sending.
 * A second wrong arrival (a later promise's) is an entry of its own.
 */
export function shipmentWrong(turn: Turn, c: FollowingCase, said: string): void {
  const at = outcomeAt(c);
  // With no promise on record (goods agreed or ruled sent), the sending the buyer told is the latest one.
  const sending = at >= 0 ? c.timeline[at] : c.timeline.filter((x) => x.type === 'nudged' && /^seller_promise kept\b/.test(x.note)).at(-1);
  const sent = sending && !/\swrong\b/.test(sending.note) ? sending.note.split(' ').filter((w) => /^(?:waybill|for):/.test(w)) : [];
  if (!sent.some((w) => w.startsWith('for:'))) sent.push(`for:${c.slots.wants}`);
  mark(turn, c, ['kept', 'wrong', ...sent].join(' '), at >= 0, said || null);
  // What was promised came: the seller's time is no longer one to wait for or hold them to.
  turn.cancelReminder(c, 'seller_promise');
}

/**
 * "卖家没答应周六", "那不是商家承诺的": the buyer says the seller promised no such thing (a proposal or a
 * question read as a promise). Without it, its reminder and its line in the letters go.
 */
const NOT_PROMISED = /(?:卖家|商家|客服|店家|他们?|她|对方)\s?(?:并|根本|从来)?(?:没|没有|沒|沒有|未)(?:答应|承诺|説好|说好|保证|答應|承諾)|(?:不是|并不是)(?:卖家|商家|客服|他们?|对方)?(?:答应|承诺|保证)的|\b(?:seller|they|shop)\s(?:never|didn'?t|did not)\s(?:promise|agree)/iu;

/** The promise the buyer says was never given comes off the record; true when one did. */
export function promiseDenied(turn: Turn, c: FollowingCase, text: string): boolean {
  const p = promiseAt(c);
  if (!p || outcomeAt(c) >= 0 || !NOT_PROMISED.test(text)) return false;
  const deadline = c.timeline[p.at]!.deadline;
  c.timeline = c.timeline.filter((_, i) => i !== p.at);
  record(turn, c, 'amended', { note: 'seller_promise' });
  turn.cancelReminder(c, 'seller_promise');
  turn.info(deadline ? 'promise.denied' : 'promise.deniedNoDay', { vars: { deadline: deadline ? formatDateTime(new Date(deadline), turn.tz, turn.loc) : '' } });
  return true;
}

