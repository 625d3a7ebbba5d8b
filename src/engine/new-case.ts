/**
 * Starting a new case while one is open (/new, "另一单也有问题"): the open case is parked, kept open
 * with its reminders (parked.ts), and the buyer told so in one line. A `confirmNew` question left
 * from before cases were parked (trial 10 s20: it asked before archiving) is still answered.
 */
import { caseFileOutbound } from '../casefile/index.ts';
import { extract } from '../nlu/index.ts';
import { openCase } from './case.ts';
import { advance, collect } from './collect.ts';
import { dropOtherOrder, OTHER_ORDER } from './other-orders.ts';
import { caseSubject, parkActive } from './parked.ts';
import { ask } from './render.ts';
import type { Turn } from './turn.ts';

/** /new: the open case (if any) is parked and a new one opened; nothing is lost, so nothing is asked. */
export function requestNewCase(turn: Turn): void {
  startNewCase(turn);
}

/**
 * The buyer's answer to a `confirmNew` question: `export` (the case file of the case as it is, then the
 * new case), `archive` (now: park it), or `keep`. A button left from another case (the one asked about
 * is no longer the open one) is not acted on beyond opening the new case.
 */
export function newCaseChosen(turn: Turn, value: string, askedFor: string | null): void {
  const c = turn.state.active;
  if (value === 'keep') {
    if (!c) return turn.info('noCase');
    turn.info('confirmNew.kept', { vars: { subject: caseSubject(turn, c) } });
    if (c.phase === 'collecting') advance(turn, c, [], false);
    return;
  }
  if (value === 'export' && c && askedFor === c.id) turn.out.push(caseFileOutbound({ ...turn.state, active: structuredClone(c) }, turn.loc, turn.tz, turn.now));
  startNewCase(turn);
}

/** Park the open case (if any) and open a new one, asking its order number. */
export function startNewCase(turn: Turn): void {
  const aside = parkActive(turn, turn.t('parked.nextNew'));
  openCase(turn);
  ask(turn, 'orderId', { before: [turn.t('newCase'), ...aside] });
}

/**
 * The buyer asks for a case for another order: that order has a problem too ("另一单也有问题",
 * "别的订单的杯子也碎了"), needs handling ("还有一个订单要处理"), or a new case is opened in words
 * ("我新开一个"). Read narrowly: an order merely mentioned ("另一单没问题", "另一单已经退了") is not it.
 */
const ANOTHER_ORDER = new RegExp(
  [
    String.raw`${OTHER_ORDER}(?:的)?(?:也|还|還|又|同样|同樣)?(?:有|出了?|出现了?|出現了?)(?:点|點|些)?(?:问题|問題|毛病|状况|狀況)`,
    String.raw`${OTHER_ORDER}(?:的[^，,。.!！?？]{0,8})?(?:也|又|同样|同樣)(?:坏|壞|碎|破|错|錯|漏|少|不对|不對)`,
    String.raw`${OTHER_ORDER}[^，,。.!！?？]{0,6}(?:要|需要|得|想)(?:处理|處理|售后|售後|申请|申請|退|换|換)`,
    String.raw`(?:^|[\s，,。!！])我?(?:新开|新開|再开|再開|另开|另開)(?:一个|一個|个|個)(?:新的)?(?:售后|售後|案子)?(?=$|[\s，,。!！])`,
    String.raw`\b(?:another|other|second|different) order\b[^.!?]{0,30}\b(?:problems?|issues?|wrong|broken|damaged|faulty|defective|missing|too|also|as well|to sort|to deal with|to handle)\b`,
    String.raw`\b(?:open|start)(?: up)? (?:a )?(?:new|second|another) case\b`,
  ].join('|'),
  'iu',
);

/** Whether `text` asks for a new case for another order (see `ANOTHER_ORDER`). */
export function asksForAnotherOrder(text: string): boolean {
  return ANOTHER_HINT.test(text) && ANOTHER_ORDER.test(text);
}

/** A word each shape of ANOTHER_ORDER holds: a cheap first look, as most messages name no other order. */
const ANOTHER_HINT = /另|还有|還有|别的|別的|其他|其它|第二|新开|新開|再开|再開|another|other|second|different|open|start/iu;

/**
 * "另一个订单，开新售后": the followed case is parked and one opened for the other order. The
 * buyer's message about it, when it clearly named a problem or wish, is read as that case's first
 * message; otherwise the case starts from the order number.
 */
export function openOtherOrder(turn: Turn, orderId: string): void {
  const waiting = dropOtherOrder(turn.state, orderId);
  const aside = parkActive(turn, turn.t('caseSubject.order', { orderId }));
  const next = openCase(turn);
  if (!waiting?.problem && !waiting?.wants) {
    next.slots.orderId = orderId;
    advance(turn, next, [turn.t('newCase'), ...aside], false);
    return;
  }
  turn.info('newCase', { after: aside });
  const e = extract(waiting.quote, { now: turn.now, timezone: turn.tz, expectingOrderId: false });
  // The kept message names this order: it is the case's number whatever else the message held.
  collect(turn, next, { ...e, orderId }, waiting.quote);
}
