/**
 * Money that came while more is still claimed (trial 14): a platform ruling gave part of the sum
 * asked, or the rest is pursued above the platform (12315), or the refund came whole and the return
 * postage the buyer paid did not. What came is recorded and the case stays open with the rest
 * stated; it closes only when the claim is met or the buyer says it is done.
 */
import { arrivedSum, postageSum } from '../nlu/amounts.ts';
import type { Extraction } from '../nlu/index.ts';
import { record, settlement, settledSum } from './case.ts';
import { moneyValue } from './render.ts';
import { askedTotal } from './reports.ts';
import { postageOwed } from './case-questions.ts';
import { reissueDraft } from './escalation.ts';
import type { Turn } from './turn.ts';
import type { FollowingCase } from '../domain/index.ts';

/** Money said to have come ("到账了", "钱退回来了"), the sum named or not. */
/** "全部到账了", "全额退了": the whole claim came, whatever sum is named beside it. */
const ALL_CAME = /全部|全额|全退|都(?:到|退)|一分不少|\ball of it\b|\bin full\b/iu;
const MONEY_CAME = /(?:钱|款|退款|[\d.]+\s*(?:元|块)?)[^，,。！!？?]{0,6}?(?:到账|到帳|到了|收到了|退回来了|退回了)|(?:到账|到帳|收到)[^，,。！!？?]{0,4}?\d/u;

/**
 * "200到账了" after a ruling of 200 of the 500 asked, or with a 12315 complaint for the rest under
 * way: recorded as arrived, its check is done, the rest is said to be still claimed. False when the
 * message is no such report, or what came meets the claim.
 */
export function partPaidRestOpen(turn: Turn, c: FollowingCase, e: Extraction, text: string): boolean {
  if (e.sellerReply || !MONEY_CAME.test(text) || ALL_CAME.test(text)) return false;
  const ruled = settlement(c)?.type === 'platform_ruled_buyer';
  // A seller's offer the buyer took is the claim met; only a ruling, or a step above the platform, leaves a rest.
  if (!ruled && c.rung !== 'regulator') return false;
  const got = arrivedSum(text) ?? e.amountRefunded ?? (ruled ? settledSum(c) : null);
  const asked = askedTotal(c);
  if (got === null || asked === null || got >= asked) return false;
  // Less than the ruling gave is a short refund of it (follow.ts `refundCameShort`).
  const ruledSum = ruled ? settledSum(c) : null;
  if (ruledSum !== null && got < ruledSum) return false;
  c.slots.amountRefunded = got;
  record(turn, c, 'amended', { note: 'amountRefunded' });
  turn.cancelReminder(c, 'refund_arrival');
  turn.closeMenus('nextStep');
  const money = (n: number): string => moneyValue(turn, c.slots, n);
  const vars = { got: money(got), asked: money(asked), rest: money(Math.round((asked - got) * 100) / 100) };
  turn.info(c.rung === 'regulator' ? 'partPaid.restAtRegulator' : 'partPaid.restOpen', { vars });
  return true;
}

/** "全退了", "599都退了", "退全款了": the whole price came back. */
const WHOLE_BACK = /全退|全额|全部退|都退|退全款|一分不少/u;
/** "来回运费20是我垫的", "寄回去的邮费8元没给", "快递费15我垫的": return postage the buyer paid, with its sum. */
const OWN_POSTAGE = /(?:运费|邮费|快递费|寄回(?:去)?的?(?:运费|邮费|钱))\s?(\d{1,4}(?:\.\d{1,2})?)\s?(?:元|块钱|块)?[^，,。！!？?]{0,6}?(?:我(?:自己)?(?:出|付|垫|掏)|没(?:给|退|补|报)|沒(?:給|退|補))/u;

/**
 * "钱都退回来了，就是寄回的运费15块是我自己出的" on a return for goods at fault: the refund is on the record
 * as the price paid, its check is done, and the postage is claimed with its own letter (消法 第二十四条)
 * — not the return letter again. False when the message is no such report.
 */
export function refundedButPostage(turn: Turn, c: FollowingCase, e: Extraction, text: string): boolean {
  // The price, or with none on record the refund the buyer asked for ("退钱 189").
  const owed = c.slots.amountPaid ?? c.compensationAmount;
  if (e.sellerReply || owed === null || !MONEY_CAME.test(text)) return false;
  // Said now, or claimed before beside the wish and not said to have come now ("189到账了" after "运费12也得他出").
  const said = OWN_POSTAGE.exec(text);
  const postage = said ? Number(said[1]) : POSTAGE_NAMED.test(text) || ALL_CAME.test(text) ? null : postageClaimed(c);
  const got = arrivedSum(text) ?? (WHOLE_BACK.test(text) ? owed : null);
  if (postage === null || got === null || got < owed) return false;
  c.slots.amountRefunded = got;
  record(turn, c, 'amended', { note: 'amountRefunded' });
  turn.cancelReminder(c, 'refund_arrival');
  turn.cancelReminder(c, 'refund_due');
  turn.cancelReminder(c, 'event_checkin');
  turn.cancelReminder(c, 'reply_deadline');
  turn.closeMenus('nextStep');
  turn.info('partPaid.refundedPostageOwed', { vars: { got: moneyValue(turn, c.slots, got) } });
  return postageOwed(turn, c, postage, text);
}

/** The postage named in the message at all ("运费也到了"): what came of it is the buyer's to say, not the record's. */
const POSTAGE_NAMED = /运费|邮费|快递费|運費|郵費|postage|shipping/iu;

/** The return postage the buyer claimed beside the wish, once the goods went back: its sum; null otherwise. */
function postageClaimed(c: FollowingCase): number | null {
  // "运费12也得他出": the postage claim's sum beside the wish.
  return c.slots.returnTrackingNo && c.slots.wishExtra ? postageSum(c.slots.wishExtra) : null;
}

/** A credit (a top-up, points, a membership) said to have come in part: "到了一半", "50到了 还差50没到". */
const CREDIT_GOT = /(\d{1,6}(?:\.\d{1,2})?)\s?(?:元|块钱|块)?\s?(?:到了|到账了?|已到账?|充上了|充进来了)/u;
const CREDIT_REST = /(?:还有|还差|剩下|另外|其余)(?:的)?\s?(\d{1,6}(?:\.\d{1,2})?)\s?(?:元|块钱|块)?[^，,。！!？?]{0,3}?(?:没到|未到|没有到|没充上|没到账)/u;
const CREDIT_HALF = /到了?一半|一半(?:到了|到账|充上)/u;

/**
 * A top-up or other credit not given came in part ("到了一半 50到了 还有50没到"): the goods arrived short,
 * no parcel and no refund. What came and what did not are added to the problem's words (the letters state
 * them) and the rung's letter is issued again; the case stays open for the rest. False when the message
 * is no such report on such a case.
 */
export function creditCameShort(turn: Turn, c: FollowingCase, e: Extraction, text: string): boolean {
  if (!c.virtual || c.slots.problem !== 'not_received' || e.sellerReply) return false;
  const paid = c.slots.amountPaid;
  const gotSaid = CREDIT_GOT.exec(text);
  const restSaid = CREDIT_REST.exec(text);
  let got = gotSaid ? Number(gotSaid[1]) : null;
  let rest = restSaid ? Number(restSaid[1]) : null;
  if (got === null && rest === null && CREDIT_HALF.test(text) && paid !== null) got = rest = paid / 2;
  if (got === null && rest !== null && paid !== null && rest < paid) got = paid - rest;
  if (rest === null && got !== null && paid !== null && got < paid) rest = paid - got;
  if (got === null || rest === null || rest <= 0) return false;
  const round = (n: number): number => Math.round(n * 100) / 100;
  const money = (n: number): string => moneyValue(turn, c.slots, round(n));
  const words = turn.t('partPaid.creditShortWords', { got: money(got), rest: money(rest) });
  c.slots.problemText = `${c.slots.problemText ?? ''}${c.slots.problemText ? '；' : ''}${words}`;
  record(turn, c, 'amended', { note: 'problemText' });
  turn.closeMenus('nextStep');
  turn.info('partPaid.creditShort', { vars: { got: money(got), rest: money(rest) } });
  reissueDraft(turn, c);
  return true;
}
