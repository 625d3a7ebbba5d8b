/**
 * What a buyer's report says beside its reply code: the seller's words when the buyer quoted them,
 * the day it happened when the buyer said one ("前天卖家说…"), a seller blaming the courier, and
 * the buyer's own application for intervention ("昨天申请了介入"), a door-to-door pickup.
 */
import type { ConditionalOffer } from '../knowledge/conditional-offer.ts';
import type { RulingRead } from '../nlu/ruling.ts';
import type { OtherSpeaker, Promise_ } from '../nlu/index.ts';
import type { Wants } from '../domain/index.ts';

export interface ReportFacts {
  quote: string | null;
  /** YYYY-MM-DD, or null: told at the message time. */
  happenedAt: string | null;
  /** The day of the other side's answer: `happenedAt` but for a day the buyer gave their own step ("我23号申请的，他们说…"). */
  answeredAt?: string | null;
  courier: boolean;
  applied: boolean;
  /** The seller's reason for refusing, in the buyer's words, when not quoted. */
  reason?: string | null;
  /** Beside an offer, the seller's reason in the buyer's words ("说是快递摔的不关他们事" → "是快递摔的不关他们事"). */
  because?: string | null;
  /** The offer's words when a reason was given beside it (then `reason` would be the first clause said). */
  offered?: string | null;
  /** The return goes by door-to-door pickup ("等上门取件"): nothing for the buyer to post. */
  pickup?: boolean;
  /** Another remedy offered and taken in the same message ("平台说可以免费修，修也行"): the wish it becomes. */
  tookRemedy?: Wants;
  /** The day of a courier pickup told beside another promise of the seller's. */
  pickupTime?: Promise_ | null;
  /** The seller sent the buyer to a service point to have the goods inspected (no return). */
  servicePoint?: boolean;
  /** The seller wants the goods back first and acts once they have them ("先寄回来，收到后给你换"): a return, nothing inspected. */
  returnFirst?: boolean;
  /** The words speak of the goods going back ("退货", "寄回去"). */
  goesBack?: boolean;
  /** The goods are to be sent out ("3天内发出", "补发"): for an exchange or a reshipment, a promise to ship. */
  ships?: boolean;
  /** The time the seller gave with a reply held for the buyer to confirm ("检测后2个工作日给结论"): acted on with the reply. */
  promise?: Promise_ | null;
  /** Confirming receipt comes with a refund promised for it ("确认了马上给你退款"). */
  refundOnConfirm?: boolean;
  /** Whose words these are when not the seller's ("平台客服", "系统", "集运公司"), as the buyer named them. */
  speaker?: OtherSpeaker | null;
  /** The seller blocked the buyer ("把我拉黑了"). */
  blocked?: boolean;
  /** The shop is gone or unreachable ("店关门了", "电话一直关机"). */
  gone?: boolean;
  /** The seller received the goods sent back ("商家已签收退货"), on `day` (YYYY-MM-DD) or today (null). */
  returned?: { day: string | null; said?: true } | null;
  /** The seller asks the buyer to pay the return postage of a no-reason return: the law, not a grievance. */
  postage?: boolean;
  /** The buyer is told to pay the return postage ("运费你自己出"), whatever the problem. */
  buyerPostage?: boolean;
  /** The parcel sent back was lost by the courier ("顺丰说件丢了"): it was not received. */
  lost?: boolean;
  /** An off-platform proposal: a contact to add (WeChat / QQ) or money outside the platform. */
  offPlatform?: 'contact' | 'transfer' | null;
  /** The seller's offer is conditional on the buyer withdrawing the complaint / request ("撤销投诉"). */
  withdraw?: boolean;
  /** What the buyer said is to be withdrawn: the complaint (投诉) or the after-sales request; null when not one of them alone. */
  withdrawWhat?: 'complaint' | 'request' | null;
  /** The seller sends the new item first ("48小时内寄新的给我"): an exchange with nothing to post back yet. */
  sendsNew?: boolean;
  /** The seller's time was a rough one ("大概7天"): its deadline is said as approximate. */
  roughTime?: boolean;
  /** A sum named in the report ("同意退我200块"): with an agreement, the sum agreed; with a ruling, the sum awarded. */
  sum?: number | null;
  /** The least sum the buyer will take, said beside the other side's words ("只给20？至少赔80"). */
  least?: number | null;
  /** The platform awarded only part of what was asked ("只给退100"): the rest is still disputed. */
  partRuling?: boolean;
  /** The part a ruling turned down, as the buyer names it ("剩下的300不退"), else null. */
  restSum?: number | null;
  /** A ruling for the buyer as told ("判商家补发，运费没给"): what it granted and what it left out. */
  ruling?: RulingRead | null;
  /** A sum offered on conditions (keep the goods, a good review): the counter-offer's terms. */
  offer?: ConditionalOffer | null;
  /** A "confirm first" report whose words ask for a good review, not for confirming receipt. */
  reviewFirst?: boolean;
  /** The platform's own answer before any intervention ("抖音说已经用过了不能退"): a refusal, not a ruling. */
  platformAnswer?: boolean;
  /** The buyer says thank you: with a ruling in their favour, the case is done. */
  thanks?: boolean;
  /** The buyer already took the seller's off-platform money ("钱也收了"), with its sum and channel when named. */
  taken?: PrivateMoney | null;
}

/** A message that reports nothing beyond its code. */
export const NO_REPORT: ReportFacts = { quote: null, happenedAt: null, courier: false, applied: false };

/** Money taken off the platform: its sum and channel when named, and what the seller kept back and why ("余下150说是扣的清洁费"). */
export interface PrivateMoney {
  sum: number | null;
  via: string | null;
  kept?: number;
  reason?: string;
}
