/**
 * Other orders the buyer names while a case is followed ("another order, or a typo?"): kept until
 * the buyer answers, shown by /cases and /status, and named once more when the buyer left the
 * question for something else (trial 12 s20); and news about goods of another order.
 */
import { toSimplified, toWrittenChinese } from '../drafts/words.ts';
import { cutText } from '../i18n/graphemes.ts';
import { ACT_CONFIDENCE } from '../nlu/confidence.ts';
import { extract } from '../nlu/index.ts';
import { findNumbers } from '../nlu/numbers.ts';
import { scan } from '../nlu/scan.ts';
import { ask } from './render.ts';
import type { Turn } from './turn.ts';
import { openCases, type FollowingCase, type OtherOrder, type UserState } from '../domain/index.ts';

/** How many other orders are kept waiting at most (the latest named). */
const OTHER_ORDERS_KEPT = 3;

/** Another order named (另一单, 还有一个订单, 别的订单, 第二笔…), not the case's. */
export const OTHER_ORDER = String.raw`(?:另一|另外一?|还有一|還有一|别的|別的|其他|其它|第二)(?:个|個|笔|筆)?(?:订单|訂單|单|單|笔|筆)`;

/** "另一单是", "还有一个订单的": words that only say the order is another one, no part of its problem. */
const NAMES_OTHER_ORDER = new RegExp(String.raw`${OTHER_ORDER}(?:的|是|也|还|還)*[，,：:\s]*`, 'gu');

/**
 * Another order `orderId` named while a case is followed, about to be asked about: kept, with what
 * the message clearly says of it (a guess from "也有问题" is no problem named), until the buyer
 * answers (the question may be left for something else).
 */
export function noteOtherOrder(turn: Turn, orderId: string, text: string): void {
  const s = turn.state;
  const quote = cutText(text.replace(NAMES_OTHER_ORDER, '').trim(), 500);
  const e = extract(quote, { now: turn.now, timezone: turn.tz });
  const sure = (slot: 'problem' | 'wants') => e[slot] !== null && (e.evidence[slot]?.confidence ?? 1) >= ACT_CONFIDENCE;
  const entry: OtherOrder = { orderId, problem: sure('problem') ? e.problem : null, wants: sure('wants') ? e.wants : null, quote, at: turn.nowIso };
  s.otherOrders = [...(s.otherOrders ?? []).filter((o) => o.orderId !== entry.orderId), entry].slice(-OTHER_ORDERS_KEPT);
}

/** The other order answered (or given a case of its own): no longer waiting. */
export function dropOtherOrder(s: UserState, orderId: string): OtherOrder | null {
  const found = s.otherOrders?.find((o) => o.orderId === orderId) ?? null;
  const rest = (s.otherOrders ?? []).filter((o) => o.orderId !== orderId);
  if (rest.length) s.otherOrders = rest;
  else delete s.otherOrders;
  return found;
}

/** Other orders still waiting: those no case (open or closed) has taken up since. */
export function waitingOrders(s: UserState): OtherOrder[] {
  const taken = new Set([...openCases(s).map((c) => c.slots.orderId), ...s.closed.map((c) => c.orderId)]);
  return (s.otherOrders ?? []).filter((o) => !taken.has(o.orderId));
}

/** The lines /cases and /status add for other orders still waiting. */
export function waitingLines(turn: Turn): string[] {
  return waitingOrders(turn.state).map((o) => turn.t('otherOrder.waitingLine', { orderId: o.orderId, about: aboutOrder(turn, o) }));
}

/** "（颜色发错了 → 换货）": what the buyer said of the other order, if anything. */
function aboutOrder(turn: Turn, o: OtherOrder): string {
  const said = [o.problem && turn.t(`problem.${o.problem}`), o.wants && turn.t(`wants.${o.wants}`)].filter(Boolean).join(turn.t('list.sep'));
  return said ? turn.t('otherOrder.about', { said }) : '';
}

/**
 * The buyer left the question about another order for something else: once the exchange comes to
 * a pause (a turn that offered no choice of its own), the order is named once more with its
 * question, so it is not lost. Once only: after that it stays in /cases and /status.
 */
export function remindOtherOrder(turn: Turn): void {
  const s = turn.state;
  const c = s.active;
  if (c?.phase !== 'following' || turn.menuOpened || s.pending?.slot === 'otherOrder') return;
  const o = waitingOrders(s).find((x) => !x.reminded);
  if (!o) return;
  s.otherOrders = s.otherOrders!.map((x) => (x === o ? { ...x, reminded: true } : x));
  ask(turn, 'otherOrder', {
    key: 'otherOrder.waiting',
    vars: { orderId: o.orderId, about: aboutOrder(turn, o), current: c.slots.orderId ?? c.id },
    value: o.orderId,
  });
}

/** "台灯那个已经退款了", "背包那单…", "the headphones one": goods named, at a clause's start, as the order meant. */
const GOODS_MEANT = /(?:^|[，,。！!？?\s])(\p{Script=Han}{2,6}?)(?:那个|那单|那件|那笔|那边|那一单|嗰个|嗰单|嗰件|嗰笔)/u;
const GOODS_MEANT_EN = /\b(?:the|my|about) ([a-z]+(?: [a-z]+)?) (?:one|order)\b/iu;
/** Words before "那个" that name no goods ("卖家那个…", "上次那单"). */
const NO_GOODS = /卖家|商家|店家|客服|平台|快递|师傅|我|你|他|她|它|这|那|另|上次|之前|刚才|第|其他|别的|\b(?:this|that|other|same|first|second|last|new|seller|current)\b/iu;

/** The goods a message names as the order it is about ("台灯那个已经退款了" → 台灯), lower-case; null when none. */
export function goodsMeant(text: string): string | null {
  const zh = toWrittenChinese(toSimplified(text));
  const goods = (GOODS_MEANT.exec(zh) ?? GOODS_MEANT_EN.exec(text))?.[1]?.toLowerCase();
  return goods && !NO_GOODS.test(goods) ? goods : null;
}

/** The buyer's words about a case (its problem, its wish) name `goods`. */
export function namesGoods(words: string | null | undefined, goods: string): boolean {
  return words ? toWrittenChinese(toSimplified(words)).toLowerCase().includes(goods) : false;
}

/**
 * A message that names goods the followed case is not about ("台灯那个已经退款了" on the kettle
 * case) while the buyer has another order: it is not put on this case. The buyer hears which order it
 * seems to be, that nothing was recorded, and how to have it recorded (trial 14 s14).
 */
export function aboutOtherGoods(turn: Turn, c: FollowingCase, text: string): boolean {
  const s = turn.state;
  const waiting = waitingOrders(s);
  if (!s.closed.length && !waiting.length) return false;
  const goods = goodsMeant(text);
  if (!goods) return false;
  const told = (words: string | null | undefined) => namesGoods(words, goods);
  if (told(c.slots.problemText) || told(c.slots.wishText)) return false;
  const closed = [...s.closed].reverse().find((x) => told(x.problemText));
  const other = waiting.find((o) => told(o.quote));
  // Named by no case at all: a part or a word of this case's goods, most likely.
  if (!closed && !other) return false;
  const about = closed
    ? turn.t('otherOrder.otherGoodsClosed', { id: closed.id, orderId: closed.orderId ?? closed.id })
    : turn.t('otherOrder.otherGoodsWaiting', { orderId: other!.orderId });
  turn.info('otherOrder.otherGoods', { vars: { goods, other: about, current: c.slots.orderId ?? c.id } });
  return true;
}

/** Where the second order's part of a message starts: a sentence break or "另一个…" before its number. */
const PART_BREAK = /[；;。\n]|另一个|另外一个|另一单|还有一个|还有一单|第二个|第二单|另一笔/gu;
/** "两单都出了状况": words that only say there are two orders. */
const TWO_ORDERS_SAID = /我?(?:这边)?有?(?:两|2)(?:个|笔)(?:订单|单)(?:都)?(?:有|出了?)(?:问题|毛病)[，,：:。\s]*/u;
/** "一个是…", "另一个是…": the words that only count the orders off. */
const FIRST_OF_TWO = /(?:^|(?<=[\s，,：:]))(?:其中)?(?:一个是|一单是|第一个是?)[，,：:\s]*/u;
const OTHER_OF_TWO = /^(?:另一个|另外一个|另一单|还有一个|还有一单|第二个|第二单|另一笔)(?:是|的)?[，,：:\s]*/u;

/**
 * A first message naming two orders with their own problems ("一个是A 单号… 坏了；另一个是B 单号… 少了"):
 * one case is one order, so the case reads the first order's part only, and the second order is kept
 * waiting with its own words (offered as its own case when this one pauses, shown by /cases). Returns
 * the text the case reads, unchanged when the message holds no two orders in parts of their own.
 */
export function firstOrderPart(turn: Turn, text: string): string {
  const s = scan(text);
  const orders = findNumbers(s).filter((f) => f.kind === 'order');
  const second = orders.find((f) => f.value !== orders[0]?.value);
  if (!orders[0] || !second) return text;
  let cut = -1;
  PART_BREAK.lastIndex = orders[0].end;
  for (let m = PART_BREAK.exec(text); m && m.index < second.start; m = PART_BREAK.exec(text)) cut = m.index;
  if (cut < 0) return text;
  const rest = text.slice(cut).replace(/^[；;。\n\s]+/u, '').replace(OTHER_OF_TWO, '');
  noteOtherOrder(turn, second.value, rest);
  turn.info('otherOrder.splitNoted', { vars: { orderId: second.value, first: orders[0].value } });
  return text.slice(0, cut).replace(TWO_ORDERS_SAID, '').replace(FIRST_OF_TWO, '');
}

/** "你把B单独弄一个", "B分开处理": a case of its own asked for a waiting order named by its goods. */
const OWN_CASE_ASKED = /单独|分开|另开|新开|拆开|分成两个|不是一个店|不是同一个店|不是一家/u;

/** The waiting order whose goods the message names while asking for a case of its own, else null. */
export function splitAsked(turn: Turn, text: string): string | null {
  if (!OWN_CASE_ASKED.test(text)) return null;
  const waiting = waitingOrders(turn.state);
  const norm = toWrittenChinese(toSimplified(text));
  const named = waiting.filter((o) => goodsOf(o.quote).some((g) => norm.includes(g)));
  return named.length === 1 ? named[0]!.orderId : waiting.length === 1 && /这两个|两个订单|两单/u.test(norm) ? waiting[0]!.orderId : null;
}

/** Words of two or more Han characters in the kept message that may name its goods ("猫粮", "台灯"). */
function goodsOf(quote: string): string[] {
  const words = toWrittenChinese(toSimplified(quote)).match(/\p{Script=Han}{2,}/gu) ?? [];
  return words.flatMap((w) => (w.length <= 4 ? [w] : [w.slice(0, 2), w.slice(-2)])).filter((w) => !NO_GOODS.test(w) && !/订单|单号|过期|问题|少了|坏了|一个|另一/u.test(w));
}
