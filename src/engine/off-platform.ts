/**
 * Money the seller paid outside the platform that the buyer already took ("加了微信，钱也收了"): a
 * warning not to accept comes too late. It is recorded as it happened (taken, how much, by which
 * channel), and the buyer hears what to keep and that the platform request can go on.
 */
import { record } from './case.ts';
import { moneyValue } from './render.ts';
import type { Turn } from './turn.ts';
import type { FollowingCase, OpenCase } from '../domain/index.ts';

/** "钱也收了", "红包我已经领了", "我收了", "I already took the money": the buyer took it. */
const TAKEN = /(?:钱|款|红包|转账)(?:我)?(?:也|都|已经|已)*(?:收(?:到|下)?了|领了|拿了)|(?:我)(?:也|已经|已)*(?:收下|收了|领了)(?:他的|卖家的|商家的)?(?:钱|转账|红包)?(?:了)?(?=$|[，,。！!\s])|\b(?:already\s+)?(?:took|accepted|received|got)\s+(?:the|his|her|their)\s+(?:money|transfer|payment)\b/iu;
/** The channel the money came by, in the letters' words. */
const CHANNELS: readonly (readonly [RegExp, string])[] = [[/微信|wechat/i, '微信'], [/支付宝|alipay/i, '支付宝']];

/** "私下转了我20块", "微信上补我30", "sent me 50": the sum that came (a sum asked back is read too: reports.ts `sum`). */
const SENT_SUM = /(?:转|补|退|给|赔|发)(?:了|给)?(?:我)?\s?(\d{1,6}(?:\.\d{1,2})?)\s?(?:元|块钱|块|rmb)?(?![\d个件号月日天年折%倍])|\bsent\s+me\s+(?:[¥￥$]|rmb\s?)?(\d{1,6}(?:\.\d{1,2})?)/iu;

/**
 * The buyer says they took the off-platform money the seller offered: its sum and channel when named;
 * null otherwise.
 */
export function privateMoneyTook(text: string): { sum: number | null; via: string | null } | null {
  if (!TAKEN.test(text)) return null;
  const m = SENT_SUM.exec(text);
  return { sum: m ? Number(m[1] ?? m[2]) : null, via: CHANNELS.find(([re]) => re.test(text))?.[1] ?? null };
}

/**
 * The off-platform offer just recorded was taken: its record says so ("received sum:50 via:微信", read
 * by drafts/parts.ts `privateReceived`), and the buyer hears what to keep as evidence and what follows.
 */
export function privateMoneyTaken(turn: Turn, c: FollowingCase | OpenCase, taken: { sum: number | null; via: string | null }): void {
  const { via } = taken;
  const sum = taken.sum ?? turn.report.sum ?? null;
  const note = `received${sum ? ` sum:${sum}` : ''}${via ? ` via:${via}` : ''}`;
  const at = c.timeline.length - 1;
  // The offer recorded by this message is the one taken: a new entry in its place (entries are shared with the state before).
  if (c.timeline[at]?.type === 'private_deal_offered') c.timeline[at] = { ...c.timeline[at]!, note };
  else record(turn, c, 'private_deal_offered', { note });
  turn.info(sum ? 'offPlatform.takenSum' : 'offPlatform.taken', sum ? { vars: { sum: moneyValue(turn, c.slots, sum) } } : {});
}
