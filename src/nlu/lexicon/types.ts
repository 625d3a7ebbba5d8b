/**
 * The shape of a per-locale lexicon. Lexicons are data: `[keyword, code, weight?]`
 * tuples matched on normalised text (lower case, half-width, Simplified). A `null` code
 * is a blocker: it matches and hides the shorter keywords inside it without meaning
 * anything itself ("退换货" hides "换货"; "没有质量问题" hides "质量问题").
 *
 * ASCII keywords match whole words; end one with `*` to match a word prefix ("refund*").
 */
import type { Platform, Problem, Wants } from '../../domain/index.ts';
import type { SellerReply } from '../../domain/index.ts';

export type Entry<C> = readonly [keyword: string, code: C, weight?: number];

/** What a number next to this keyword is. */
export type IdKind =
  | 'order' // 订单号, order number
  | 'order_weak' // 单号: an order unless a courier name stands right before it
  | 'tracking' // 快递单号, 运单号, tracking number, courier names
  | 'phone'
  | 'product' // 商品编号, 型号, sku, imei
  | 'other_id'; // payment serials, after-sales ticket numbers, id cards, bank cards

/** Context cues that change how nearby hits are read. */
export type Cue =
  /** Introduces the seller's (or courier's) words: 客服说, 商家回复, "the seller said". */
  | 'quote'
  /** The seller tells the buyer to do something: 让我, 叫我, 要我 ("they told me to"). */
  | 'instruct'
  /** Names the seller side somewhere in the message: 客服, 商家, 卖家, seller. */
  | 'seller'
  /** Negates a remedy that follows: 不要, 不想, 不用, "don't want". */
  | 'negation'
  /** Marks a remedy as the buyer's firm wish: 我要, 想, 申请, 直接, "I want". */
  | 'firm'
  /** A remedy only grudgingly available: 只能 ("只能维修" is a complaint, not a wish). */
  | 'only'
  /** The remedy already happened: 已经, 已. */
  | 'past'
  /** The buyer changes the remedy: 改为, 改成. */
  | 'switch'
  /** The buyer sets a deadline (not the seller): 请, 要求, 限. */
  | 'demand'
  | 'resolved'
  | 'unresolved'
  /** A correction for sure: 填错了, 写错了, "typo". */
  | 'correction'
  /** Could be a correction when a new value comes with it: 应该是, "actually". */
  | 'correction_weak'
  /** Receipt verbs for dates: 签收, 收到, 到货, received, arrived. */
  | 'receipt'
  /** A receipt verb negated: 没收到, 未签收 (no date to take from it). */
  | 'not_receipt'
  | 'paid'
  | 'refunded'
  /** "这个订单" after a number. */
  | 'order_after'
  /** The state on arrival or in transit: 收到就, 到手, 外包装, 快递, "arrived". A break seen then is transit damage. */
  | 'transit'
  /** The item was in use: 用了, 穿了, 洗了一次, "after a week". A break then is a defect. */
  | 'in_use'
  /** A conditional clause: 如果, 要是, …的话, "if" — what it describes has not (necessarily) happened. */
  | 'conditional'
  /** Money owed back: 退款, 钱, 款 — "退款还没收到" is about the money, not the parcel. */
  | 'money';

/**
 * Word classes for the structural frames (`frames.ts`): a buyer often describes a
 * situation instead of naming the problem, and the shape of the sentence says which one
 * ("我拍的白色 … 来的是黑色" → wrong item; "页面写的实木 … 拆开是刨花板" → not as described).
 */
export type Frame =
  /** What the buyer ordered: 我拍的, 下单选的, 订的是, "i ordered". */
  | 'expect_order'
  /** What the listing or the seller claimed: 页面上写, 标题写, 说的是, 宣传, "the ad says". */
  | 'expect_listing'
  /** What arrived or what the item really is: 来的是, 寄来, 送来, 收到, 到手, 结果, 实际, "got". */
  | 'got'
  /** A variant of one product: colour, size, flavour, capacity, pack size (色, 码, 味, 斤装, gb). */
  | 'variant'
  /** Hides a variant word inside a longer word that is no variant (退款, 色差, 密码). */
  | 'not_variant'
  /** An accessory or part that comes in the box: 配件, 螺丝, 数据线, 说明书, 盖子, "charger". */
  | 'part'
  /** Something is absent: 没有, 没给, 缺, 少了, "no", "without", "missing". */
  | 'absent'
  /** Where a parcel is left: 门口, 驿站, 快递柜, 前台. */
  | 'place'
  /** Inside the parcel: 盒子里, 箱子里, 里面, 包裹里. */
  | 'container'
  /** Nothing there: 啥也没有, 什么都没有, 没看见, 空的. */
  | 'nothing'
  /** The state of money owed: 没看到, 没到, 啥时候到, 一半, 退成, pending, short. */
  | 'money_state'
  /** A delivery time or a shipping step (半日达, 今天到, 24小时内发货): after a promise word it tells a delivery story. */
  | 'delivery'
  /** Where refunded money shows up: 支付宝里, 银行卡里, PayPal. */
  | 'account'
  /** Something agreed earlier: 说好的, 答应的, 承诺. */
  | 'promised'
  /** A check of authenticity: 官网, 官方, 专柜, 防伪码, 批次, 鉴定. */
  | 'fake_check'
  /** The check failed: 对不上, 查不到, 没有这个, 不一样. */
  | 'mismatch'
  /** A firm remedy cue right before a money word ("我要退款" is a wish, not a money state). */
  | 'wish'
  /** A word that says the item is food, drink, fresh produce, baby formula or a supplement. */
  | 'food'
  /** Hides a food word inside a longer non-food word (茶几, 米色, 厘米). */
  | 'not_food';

export interface Lexicon {
  platform: readonly Entry<Platform>[];
  problem: readonly Entry<Problem | null>[];
  wants: readonly Entry<Wants | null>[];
  /** Seller answers; `implies` is read from the code only. */
  sellerReply: readonly Entry<SellerReply | null>[];
  idKey: readonly Entry<IdKind>[];
  /**
   * Problem keywords that name a physical break (断了, 裂了, 变形, "cracked"). Whether it is
   * transit damage or a defect depends on when it happened: on arrival → damaged, after
   * some use → quality; with no such cue the keyword's own code stands.
   */
  breakage: readonly string[];
  /**
   * Problem keywords that say something has not arrived (没收到, 还没到). Right after a
   * money cue ("退款还没收到") they report a refund that has not arrived.
   */
  notArrived: readonly string[];
  cue: readonly Entry<Cue>[];
  /** Structural frame word classes (see `Frame`). */
  frame: readonly Entry<Frame>[];
  /**
   * changed_mind keywords that state a decision, not a reason (不要了, 我不要了): next to
   * another problem they are the buyer's reaction to it ("一直不发货 我不要了" is not_received).
   */
  decision: readonly string[];
  /** Whole-message confirmations, matched at the start of a short message. */
  yes: readonly string[];
  no: readonly string[];
}
