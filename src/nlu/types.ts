/**
 * What the extractor returns for one buyer message.
 *
 * The first six fields are the CONTRACTS.md §1 output, exactly. The rest is what the
 * dialogue needs on top: evidence spans and confidence, so a low-confidence value can be
 * confirmed ("订单号是 391…，对吗？") instead of silently used.
 */
import type { Platform, Problem, Wants, Locale } from '../domain/index.ts';

/** Where a value came from: the matched substring of the input and how sure we are (0–1). */
export interface Evidence {
  span: string;
  confidence: number;
  /** The runner-up reading (a code), offered beside the value when the dialogue confirms it. */
  alternative?: string;
}

export interface Promise_ {
  /** The deadline as hours from the message (working days are converted by `workingDays`). */
  hours: number;
  /** Set when the seller said working days ("3个工作日内"): the deadline logic counts working days. */
  workingDays?: number;
  /**
   * Set when the time runs from an event still to come ("检测完3个工作日出结果", "收到退货后3天内退款"):
   * the seller's words for it. No date can be fixed from the message.
   */
  after?: string;
  /**
   * What was promised, when the words say it ("12月8号前把新的寄给我" ship, "礼拜五前答复" reply,
   * "by the 10th they'll refund" refund, "明天上门取件" pickup, "师傅明天上门安装" visit); absent when they do not.
   */
  act?: PromiseAct;
}

export type PromiseAct = 'ship' | 'refund' | 'reply' | 'pickup' | 'visit';

export type { Intent, SellerReply } from '../domain/index.ts';
import type { Intent, SellerReply } from '../domain/index.ts';
import type { Classified, Model } from './model/index.ts';

export interface Extraction {
  // --- CONTRACTS.md §1 ---
  orderId: string | null;
  platform: Platform | null;
  problem: Problem | null;
  wants: Wants | null;
  trackingNo: string | null;
  promise: Promise_ | null;

  // --- for the dialogue ---
  /** The language the message is written in (null: cannot tell, e.g. digits or emoji only). */
  language: Locale | null;
  /** A receipt date as YYYY-MM-DD, resolved against `now` ("昨天签收的", "11月20日到的"). */
  receivedOn: string | null;
  amountPaid: number | null;
  amountRefunded: number | null;
  /** How the seller (or the platform) answered, when the buyer reports it. */
  sellerReply: SellerReply | null;
  /** The seller's (or platform's) own words, only when the buyer quoted them ("客服说：“…”"); null otherwise. */
  sellerQuote: string | null;
  /**
   * A time the platform gave for its handling ("平台说3天内处理"). Not a seller promise:
   * `promise` stays null for it.
   */
  platformTimer: Promise_ | null;
  /** What the buyer wants the bot to do with the message (a command in words, a draft, 怎么办, a correction…). */
  intent: Intent | null;
  /** The buyer reports the case as solved ("解决了", "已退款", "refund received"). */
  resolved: boolean;
  /** The buyer corrects an earlier value ("订单号打错了，正确的是…"). */
  correction: boolean;
  /** Yes / no answer to a confirmation question ("对", "是的", "不对", "no"); null if neither. */
  yesNo: 'yes' | 'no' | null;
  /**
   * The item is food, drink, fresh produce, baby formula or a health supplement (drafts cite
   * 食品安全法). Always set by `extract`; optional in the type only so that Extraction literals
   * built elsewhere (src/engine) keep compiling until they add it.
   */
  food: boolean;
  /**
   * A share of the price asked or offered as compensation, in percent: "补偿30%" → 30,
   * "退一半" → 50, "打个八折" → 20. Null when none is named.
   */
  compensationPercent: number | null;
  /**
   * The trained classifier's readings (value, calibrated confidence, runner-up) for problem,
   * wants and sellerReply; absent when no model is loaded. The dialogue confirms a middling
   * reading with the top two as options.
   */
  readings?: Classified;
  /** Per-field evidence for what was extracted; absent for null fields. */
  evidence: Partial<Record<'orderId' | 'platform' | 'problem' | 'wants' | 'trackingNo' | 'promise' | 'receivedOn' | 'sellerReply', Evidence>>;
}

export interface ExtractOptions {
  /** "Now", for relative dates. Default: none → relative dates are not resolved. */
  now?: Date;
  /** IANA timezone for dates; default Asia/Shanghai. */
  timezone?: string;
  /** The dialogue just asked for an order number: bare digits are taken as one. */
  expectingOrderId?: boolean;
  /** The classifier to use: default the shipped one; `null` = rules only (training reads the rules this way). */
  model?: Model | null;
}
