/**
 * Money the seller paid outside the platform that the buyer already took ("加了微信，钱也收了"): a
 * warning not to accept comes too late. It is recorded as it happened (taken, how much, by which
 * channel), and the buyer hears what to keep and that the platform request can go on.
 */
import { offPlatformKind, type Extraction } from '../nlu/index.ts';
import { privateReceived } from '../drafts/parts.ts';
import { record, settlement, settledSum } from './case.ts';
import { stepOptions } from './escalation.ts';
import { moneyValue } from './render.ts';
import type { PrivateMoney } from './report-facts.ts';
import type { Turn } from './turn.ts';
import type { FollowingCase, OpenCase } from '../domain/index.ts';

/** "钱也收了", "红包我已经领了", "我收了", "他转了我50", "加我微信转了600" (sent to the buyer, so taken), "I already took the money": the buyer took it. */
const TAKEN = /(?:转|打)(?:了我|给我了|了给我|了)\s?\d|(?:钱|款|红包|转账)(?:我)?(?:也|都|已经|已)*(?:收(?:到|下)?了|领了|拿了)|(?:我)(?:也|已经|已)*(?:收下|收了|领了)(?:他的|卖家的|商家的)?(?:钱|转账|红包)?(?:了)?(?=$|[，,。！!\s])|\b(?:already\s+)?(?:took|accepted|received|got)\s+(?:the|his|her|their)\s+(?:money|transfer|payment)\b/iu;
/** The channel the money came by, in the letters' words. */
const CHANNELS: readonly (readonly [RegExp, string])[] = [[/微信|wechat/i, '微信'], [/支付宝|alipay/i, '支付宝']];

/** "私下转了我20块", "微信上补我30", "sent me 50": the sum that came (a sum asked back is read too: reports.ts `sum`). */
const SENT_SUM = /(?:转|补|退|给|赔|发|打)(?:了|给)?(?:我)?(?:了)?\s?(\d{1,6}(?:\.\d{1,2})?)\s?(?:元|块钱|块|rmb)?(?![\d个件号月日天年折%倍])|\bsent\s+me\s+(?:[¥￥$]|rmb\s?)?(\d{1,6}(?:\.\d{1,2})?)/iu;

/**
 * The buyer says they took the off-platform money the seller offered: its sum and channel when named;
 * null otherwise.
 */
export function privateMoneyTook(text: string): PrivateMoney | null {
  if (!TAKEN.test(text)) return null;
  const m = SENT_SUM.exec(text);
  const kept = DEDUCTED.exec(text);
  return {
    sum: m ? Number(m[1] ?? m[2]) : null, via: CHANNELS.find(([re]) => re.test(text))?.[1] ?? null,
    ...(kept ? { kept: Number(kept[1] ?? kept[3]), reason: kept[2] ?? kept[4]! } : {}),
  };
}

/**
 * The off-platform offer just recorded was taken: its record says so ("received sum:50 via:微信", read
 * by drafts/parts.ts `privateReceived`), and the buyer hears what to keep as evidence and what follows.
 */
export function privateMoneyTaken(turn: Turn, c: FollowingCase | OpenCase, taken: PrivateMoney): void {
  const { via, kept, reason } = taken;
  const sum = taken.sum ?? turn.report.sum ?? null;
  // What the seller kept back goes in the note, its reason (the seller's words) in the entry's reason.
  const note = `received${sum ? ` sum:${sum}` : ''}${via ? ` via:${via}` : ''}${kept ? ` kept:${kept}` : ''}`;
  const at = c.timeline.length - 1;
  // The offer recorded by this message is the one taken: a new entry in its place (entries are shared with the state before).
  if (c.timeline[at]?.type === 'private_deal_offered') c.timeline[at] = { ...c.timeline[at]!, note, ...(reason ? { reason } : {}) };
  else record(turn, c, 'private_deal_offered', { note, reason });
  turn.info(sum ? 'offPlatform.takenSum' : 'offPlatform.taken', sum ? { vars: { sum: moneyValue(turn, c.slots, sum) } } : {});
  if (sum && kept && reason) turn.info('offPlatform.keptBack', { vars: { sum: moneyValue(turn, c.slots, sum), kept: moneyValue(turn, c.slots, kept), reason } });
  // A sum agreed before: what came is held against it (as an arrival on the platform is: settled.ts).
  const owed = sum && c.phase === 'following' && settlement(c) ? settledSum(c) ?? c.compensationAmount : null;
  if (!sum || owed === null) return;
  const money = (n: number): string => moneyValue(turn, c.slots, n);
  if (sum >= owed) {
    turn.cancelReminder(c, 'refund_arrival');
    turn.info('offPlatform.meetsAgreed', { vars: { owed: money(owed) }, choiceSlot: 'nextStep', options: stepOptions(turn, ['resolved']) });
  } else turn.info('offPlatform.shortOfAgreed', { vars: { owed: money(owed), rest: money(Math.round((owed - sum) * 100) / 100) } });
}

/** "余下150说是扣的清洁费", "扣了50块运费": the sum kept back from the transfer and the seller's reason for it. */
const DEDUCTED = /(?:剩下|剩余|其余|余下)的?\s?(\d{1,6}(?:\.\d{1,2})?)\s?(?:元|块钱|块)?\s?(?:是)?(?:扣|扣掉|扣除)(?:的|了)?(?:是|作|为|成)?\s?([\u4e00-\u9fff]{1,6}?费)|扣(?:了|掉|除)\s?(\d{1,6}(?:\.\d{1,2})?)\s?(?:元|块钱|块)?(?:的)?\s?([\u4e00-\u9fff]{1,6}?费)/u;

/** "剩下的79没给", "剩余60一直没转": the part of the money the seller still owes, as the buyer names it. */
const REST_UNPAID = /(?:剩下|剩余|其余|余下)的?(?:钱|款)?\s?(\d{1,6}(?:\.\d{1,2})?)\s?(?:元|块钱|块)?[^，,。！!？?\d]{0,6}?(?:没|沒|未|不)(?:给|給|转|轉|付|退|到)/u;

/**
 * After the seller's off-platform offer is on the record, the buyer reports taking the money in a
 * later message ("加了，他转了我50"): recorded as taken, as when said with the offer. With the
 * off-platform sum on the record, "剩下的79没给" names the rest owed: the price is what came and
 * the rest, when no price is on record (as slots.ts reads "只退了259，邮费9块没给"). False when the
 * message is neither.
 */
export function privateMoneyLater(turn: Turn, c: FollowingCase, e: Extraction, text: string): boolean {
  if (e.sellerReply === 'private_deal' || e.orderId) return false;
  const offers = c.timeline.filter((x) => x.type === 'private_deal_offered');
  if (offers.length === 0) {
    // "店家加了微信转我500": money taken off the platform with no offer on record before, said as it happened.
    const taken = e.sellerReply ? null : turn.report.taken;
    if (!taken?.sum || offPlatformKind(text) === null) return false;
    privateMoneyTaken(turn, c, taken);
    return true;
  }
  const received = offers.map((x) => privateReceived(x.note)).filter((x) => x !== null).at(-1);
  const rest = received?.sum != null ? REST_UNPAID.exec(text) : null;
  if (rest && c.slots.amountPaid === null) {
    c.slots.amountPaid = Math.round((received!.sum! + Number(rest[1])) * 100) / 100;
    record(turn, c, 'amended', { note: 'amountPaid' });
  }
  if (received || e.sellerReply) return false;
  const taken = privateMoneyTook(text);
  if (!taken) return false;
  privateMoneyTaken(turn, c, taken);
  return true;
}
