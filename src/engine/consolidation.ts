/**
 * Goods sent to a consolidation warehouse (集运仓) and forwarded on by a forwarder the buyer chose.
 * The seller delivers to the address the buyer gave and bears the risk until then (DOMAIN.md,
 * 电子商务法 第二十条); that address is the warehouse, so the leg after it is the forwarder's. The
 * buyer who asks what to do hears which leg is whose; money the forwarder (or another third party)
 * paid is recorded as theirs, not as a refund from the seller.
 */
import { toSimplified } from '../drafts/words.ts';
import { record } from './case.ts';
import { moneyValue } from './render.ts';
import type { Turn } from './turn.ts';
import type { FollowingCase } from '../domain/index.ts';

const CONSOLIDATION = /集运|集運|转运仓|轉運倉|consolidation warehouse|freight forwarder|forwarding warehouse/iu;
/** The buyer asks what now: "咁點算", "怎么办", "what do I do". */
const WHAT_NOW = /点算|點算|点办|點辦|怎么办|怎麼辦|咋办|咋辦|what (?:do|should|can) i do|what now/iu;
/** Who, other than the seller, paid: a forwarder, a courier, an insurer. */
const PAYER = '(集运公司|集運公司|集运|集運|转运公司|轉運公司|快递公司|快遞公司|物流公司|保险公司|保險公司|the forwarder|the courier|the insurer)';
/** "集运公司最后赔了我150", "集運公司賠咗HK$150俾我", "the forwarder paid me HK$150": the payer and the sum. */
const PAID = new RegExp(
  `${PAYER}[^。！!？?\\d]{0,10}?(?:赔|賠|补偿|補償|paid|compensated)[^。！!？?\\d]{0,6}?(?:hk\\$|\\$|¥|￥|港币|港幣|人民币|人民幣)?\\s?(\\d{1,6}(?:\\.\\d{1,2})?)`,
  'iu',
);

const HONG_KONG = /hk\$|港币|港幣|港元|港纸|港紙/iu;

/**
 * A third party paid the buyer ("集运公司赔了150"): recorded with the payer and the sum, and the buyer
 * hears that it is not the seller's refund. The message is read on for anything else it says.
 */
export function noteThirdPartyPaid(turn: Turn, c: FollowingCase, text: string): void {
  const m = PAID.exec(text);
  if (!m) return;
  const by = toSimplified(m[1]!);
  const sum = Number(m[2]);
  // The payer's own currency when named beside the sum ("HK$150"), else the case's.
  const currency = HONG_KONG.test(m[0]) ? 'HKD' : c.slots.currency;
  record(turn, c, 'third_party_paid', { note: `sum:${sum} by:${by}${currency && currency !== 'CNY' ? ` currency:${currency}` : ''}` });
  turn.info('consolidation.thirdPartyPaid', { vars: { by, sum: moneyValue(turn, { ...c.slots, currency }, sum) } });
}

/**
 * The buyer of goods sent to a consolidation warehouse asks what to do: which leg the seller answers
 * for. Not once a third party has paid for the loss (that leg is settled).
 */
export function noteSellerLeg(turn: Turn, c: FollowingCase, text: string): void {
  if (!CONSOLIDATION.test(text) || !WHAT_NOW.test(text)) return;
  if (c.timeline.some((x) => x.type === 'third_party_paid')) return;
  turn.info('consolidation.sellerLeg');
}
