/**
 * The vocabulary shared by the engine, its shells and the adapters.
 *
 * Everything that is persisted is a zod schema (parsed on every read);
 * everything that only flows through one turn is a plain type.
 */
import { z } from 'zod';

// ---------------------------------------------------------------------------
// Codes (CONTRACTS.md §1)
// ---------------------------------------------------------------------------

export const PLATFORMS = [
  'taobao', 'tmall', 'jd', 'pdd', 'douyin', 'kuaishou', 'xiaohongshu', '1688', 'xianyu', 'vip', 'other',
] as const;
export const Platform = z.enum(PLATFORMS);
export type Platform = z.infer<typeof Platform>;

export const PROBLEMS = [
  'not_received', 'damaged', 'wrong_item', 'quality', 'not_as_described', 'counterfeit',
  'changed_mind', 'refund_issue', 'other',
] as const;
export const Problem = z.enum(PROBLEMS);
export type Problem = z.infer<typeof Problem>;

export const WANTS = ['refund', 'return_refund', 'exchange', 'repair', 'reship', 'compensation'] as const;
export const Wants = z.enum(WANTS);
export type Wants = z.infer<typeof Wants>;

/** Currencies of the amounts a buyer gives (yuan unless the buyer wrote another: "$54.90", "港币300"). */
export const CURRENCIES = ['CNY', 'USD', 'HKD', 'TWD', 'EUR'] as const;
export type Currency = (typeof CURRENCIES)[number];

export const LOCALES = ['zh-CN', 'en'] as const;
export const Locale = z.enum(LOCALES);
export type Locale = z.infer<typeof Locale>;

/** Who a draft is addressed to (CONTRACTS.md §2 `to`). */
export const DRAFT_TARGETS = ['seller', 'platform', 'regulator', 'payment'] as const;
export type DraftTarget = (typeof DRAFT_TARGETS)[number];

/**
 * What the buyer reports the seller (or the platform) did. The first six are read by the rules today;
 * the rest come with the phase engine and the trained classifier (issues 9, 10).
 */
export const SELLER_REPLIES = [
  'agrees', // 同意退款 / 可以退 / 给你补发
  'refuses', // 拒绝 / 不给退 / 不支持
  'stalls', // 再等等 / 我们核实一下 / 明天答复 / 24小时内答复
  'needs_evidence', // 请提供照片 / 视频
  'private_deal', // 私下转账 / 加微信 / 支付宝转你
  'confirm_first', // 先确认收货 / 先给好评再退
  'counter_offer', // agrees to less than asked: 只同意退货退款 (buyer claimed 退一赔三), 只补偿5块
  'no_response', // 卖家一直没回 / 已读不回
  'return_for_inspection', // 寄回来检测
  'platform_handling', // 平台说3天内处理 / 小二介入了
  'platform_for_seller', // 平台驳回 / 判卖家赢
  'platform_for_buyer', // 平台判我赢 / 平台支持退款
] as const;
export type SellerReply = (typeof SELLER_REPLIES)[number];

/**
 * What the buyer wants the bot to do with this message, beyond filling slots (issue 9 item 5:
 * read by the NLU, acted on by the engine).
 */
export const INTENTS = [
  'greeting', 'thanks', 'help', 'restart', 'cancel', 'status', 'skip', 'export', 'forget',
  /** 怎么办 / what now: the next concrete step for the case's phase. */
  'next_step',
  /** A draft asked for by name: platform / 12315 / payment channel / compensation. */
  'want_platform_draft', 'want_regulator_draft', 'want_payment_draft', 'want_compensation_draft', 'want_refund_shortfall_draft',
  /** An earlier element is corrected ("订单号发错了…", "不好意思发错了"). */
  'correction',
  /** The wish changes ("算了还是换货吧", "诉求改成…"). */
  'change_wish',
  'resolved',
  /** Questions the knowledge base answers. */
  'ask_where_order_id', 'ask_shipping_insurance', 'ask_lawsuit', 'ask_heimao', 'ask_no_unboxing_video', 'ask_price_protection',
  'ask_return_shipping', 'ask_video_howto', 'ask_not_accepted',
  /**
   * Rules questions the case's problem answers (trial 8 P2): "过了7天还能退吗，三包能换吗" (return windows),
   * "能投诉吗" (the complaint routes), "假一赔三算数吗" (the statutory multiple), "怎么退" (how to apply).
   */
  'ask_return_rules', 'ask_complaint', 'ask_statutory_multiple', 'ask_how_refund',
  /** "字太多看不懂，发哪个给谁": a buyer lost in the texts; the record names the one letter to send now. */
  'case_overwhelmed',
  /**
   * Questions the followed case's record answers: "那我确认收货了？" (confirming receipt), "放假也算吗"
   * (whether a deadline counts days off), "这样合理吗？是不是在拖" (a judgement of the seller's answer or delay).
   */
  'case_confirm_receipt', 'case_declines_confirm', 'case_refund_timing', 'case_days_off', 'case_fairness',
  /** "还没结果", "nothing from them": what the bot is waiting for has not happened (an answer to a nudge or a menu). */
  'not_yet',
] as const;
export type Intent = (typeof INTENTS)[number];

export const DRAFT_KINDS = ['seller', 'platform', 'regulator', 'payment', 'compensation', 'refund_shortfall'] as const;
/** Which letter to write. `compensation` and `refund_shortfall` go to the seller. */
export type DraftKind = (typeof DRAFT_KINDS)[number];

// ---------------------------------------------------------------------------
// Persisted state: one document per user, `{v, ...}`
// ---------------------------------------------------------------------------

/** 2: the case is a union on `phase` with one `pending` question (v1 documents are migrated on read). */
export const STATE_VERSION = 2 as const;

/** The facts of a case. `null` = not known yet. */
export const Slots = z.object({
  orderId: z.string().nullable(),
  problem: Problem.nullable(),
  /** The buyer's own words for the problem, trimmed — used verbatim in drafts. */
  problemText: z.string().nullable(),
  wants: Wants.nullable(),
  platform: Platform.nullable(),
  /** The name the buyer used for a platform outside the list (`platform` is `other`): "苏宁易购", "AliExpress". */
  platformName: z.string().nullable().optional(),
  trackingNo: z.string().nullable(),
  /** The buyer's own return parcel's waybill, sent after the seller agreed to a return (not the order's). */
  returnTrackingNo: z.string().nullable().optional(),
  /** ISO date (YYYY-MM-DD) the goods were signed for, in the buyer's timezone. */
  receivedOn: z.string().nullable(),
  amountPaid: z.number().nullable(),
  amountRefunded: z.number().nullable(),
  /** The currency the buyer gave the amounts in, when not yuan (absent: yuan). */
  currency: z.enum(CURRENCIES).nullable().optional(),
  // Optional facts for the letters (issue 11); absent in older states.
  /** The shop's name as shown on the platform (12315: the business complained about). */
  shopName: z.string().nullable().optional(),
  /** Registered business name from the licence on the shop's front page (电子商务法 第十五条), for 12315. */
  businessName: z.string().nullable().optional(),
  /** 统一社会信用代码 from the same licence (18 characters, digits and capitals), for 12315. */
  businessCode: z.string().nullable().optional(),
  /** Registered business address from the same licence, for 12315. */
  businessAddress: z.string().nullable().optional(),
  /** `false`: the seller has not shipped yet (no waybill, no signed-for record). */
  shipped: z.boolean().nullable().optional(),
  /**
   * The shop sells on its own (a standalone 小程序商城, its own website, 微商): no platform can step
   * in, so the ladder goes from the seller to the payment channel and 12315.
   */
  standalone: z.boolean().nullable().optional(),
  /** How the buyer paid, in the buyer's words for it ("微信支付、招商银行信用卡"): the payment letter's addressee. */
  paidWith: z.string().nullable().optional(),
  /** The seller is a private person selling their own goods (闲鱼 C2C), not a 经营者. */
  privateSeller: z.boolean().nullable().optional(),
  /** Postage the buyer paid to send the goods back, in yuan ("寄了 韵达 … 运费15"): paid, not yet asked back. */
  returnPostage: z.number().nullable().optional(),
  /** The buyer's loss beyond the price, in yuan (食品安全法 第一百四十八条: 3× the loss). */
  lossAmount: z.number().nullable().optional(),
  /**
   * A wish outside the six ("尽快上门安装") in the buyer's words, when `wants` could not be read:
   * the letters state it as the buyer put it.
   */
  wishText: z.string().nullable().optional(),
  /**
   * A claim the buyer adds to the wish, or a second choice, in their words ("另外挂号拿药的钱也要赔", "寄回的邮费商家出",
   * "要么退款"): said with the wish.
   */
  wishExtra: z.string().nullable().optional(),
});
export type Slots = z.infer<typeof Slots>;
export type SlotName = keyof Slots;

/** The three elements plus the extras the dialogue may ask for. */
export const ASKABLE = [
  'orderId', 'problem', 'wants', 'platform', 'receivedOn',
  /** "Is the order number …?" (a low-confidence extraction) */
  'confirmOrderId',
  /** After several unusable answers: skip or start over. */
  'stuck',
  /** "Delete everything?" (/forget) */
  'confirmForget',
  /** /lang */
  'language',
  /** A follow-up choice after a reminder (sorted / not yet / 12315 / payment dispute). */
  'nextStep',
  /** Another order number than the case's, not said to be a correction: a new case, or a correction? */
  'otherOrder',
  /** /new (or "another order has a problem too") while a case is open: archive it, export it first, or keep it. */
  'confirmNew',
  /** A middling reading of the seller's reply: "卖家是拒绝了吗？" before it goes on the record. */
  'confirmReply',
  /** A message that may be about more than one open case: which one (value: the message, handled there once chosen). */
  'whichCase',
  /** 12315: the registered business name and address from the shop's licence (skippable, never blocking). */
  'business',
] as const;
export const Askable = z.enum(ASKABLE);
export type Askable = z.infer<typeof Askable>;

export const EvidenceItem = z.object({
  at: z.string(),
  kind: z.enum(['photo', 'video', 'document']),
  caption: z.string(),
  /** Messenger file id, kept as a reference only; nothing is downloaded. */
  fileId: z.string().nullable(),
  /** The checklist item this evidence was matched to (from its caption), if any. */
  item: z.string().nullable().default(null),
});
export type EvidenceItem = z.infer<typeof EvidenceItem>;

/** Why a reminder exists. The engine decides what to say when it fires. */
export const REMINDER_REASONS = [
  'seller_promise', // the seller promised to answer or act (ship, refund, top up) by a deadline
  'no_reason_window', // the 7-day no-reason return window is about to close
  'return_tracking', // seller agreed to a return: fill in the return tracking number
  'refund_arrival', // refund agreed: check that it arrived
  'platform_followup', // platform intervention requested (or the platform's own timer): check the ruling
  'reply_deadline', // the reply deadline written into the last seller draft
  'regulator_acceptance', // 12315: acceptance decided within 7 working days (市场监督管理投诉举报处理暂行办法 art. 14)
  'regulator_mediation', // 12315: mediation ends after 45 working days (art. 21)
  'refund_due', // a no-reason return received back: refund within 7 days of that (消费者权益保护法 第二十五条)
  'event_checkin', // the seller's time runs from an event still to come ("检测完3个工作日"): ask whether it happened
] as const;
export const ReminderReason = z.enum(REMINDER_REASONS);
export type ReminderReason = z.infer<typeof ReminderReason>;

export const PendingReminder = z.object({
  /** Deterministic: `${caseId}-${reason}` — rescheduling replaces, closing cancels. */
  id: z.string(),
  reason: ReminderReason,
  /** ISO instant at which it is due (already moved out of night hours). */
  dueAt: z.string(),
  /** ISO instant of the underlying deadline (e.g. the seller's promise) — may be earlier than dueAt. */
  deadline: z.string(),
  /** The deadline is approximate (holiday calendar has no data that far). */
  approx: z.boolean().default(false),
});
export type PendingReminder = z.infer<typeof PendingReminder>;

/** The wishes a 退一赔十 / 退一赔三 claim is shown in place of (each asks for the money back). */
export const CLAIM_WISHES: ReadonlySet<string> = new Set(['compensation', 'refund', 'return_refund']);

/**
 * What happened in a case, in order. Drafts, `/status` and the case file are written from this
 * record only (a letter never states an event the timeline lacks).
 */
/**
 * What a seller promise was for, the first word of its timeline note: goods sent, repaired and sent
 * back, collected, a visit to install or repair at home, money refunded, an answer given; 'act' (handle or answer) when the words did not say.
 */
export const PROMISE_KINDS = ['ship', 'repair', 'pickup', 'visit', 'refund', 'reply'] as const;
export type PromiseKind = (typeof PROMISE_KINDS)[number] | 'act';

/** The kind of the promise a 'seller_promise' entry's note records. */
export function promiseKind(note: string): PromiseKind {
  const first = note.split(' ')[0]!;
  return (PROMISE_KINDS as readonly string[]).includes(first) ? (first as PromiseKind) : 'act';
}

export const TIMELINE_TYPES = [
  'opened',
  // what the seller did, as the buyer reported it
  'seller_promise', 'seller_refused', 'seller_agreed', 'seller_counter_offer', 'seller_stalled',
  'seller_no_response', 'seller_needs_evidence', 'seller_return_for_inspection',
  'private_deal_offered', 'confirm_first_asked',
  /**
   * The seller appealed the platform's handling in the buyer's favour ("商家申诉了"); note: what the
   * buyer said the appeal demands, 'return' (send the goods back) and/or 'clawback' (take the refund back).
   */
  'seller_appealed',
  /**
   * The seller's answer as the buyer reported it, with no reading of what it amounts to: a middling
   * reading the buyer left unconfirmed and moved on from (the words, `quote` or `reason`, are kept).
   */
  'seller_said',
  /** The seller received the goods the buyer sent back ("商家已签收退货"); `happenedAt`: the day, when said. */
  'return_received',
  /** The parcel the buyer sent back was lost by the courier, as the buyer was told ("快递说件丢了"). */
  'return_lost',
  /** The refund the seller agreed to (or the platform ruled) has not arrived, as the buyer said. */
  'refund_missing',
  /**
   * An appraisal or inspection result the buyer reported ("第三方鉴定为非正品"); note `<by> <verdict>`
   * (nlu/appraisal.ts): who appraised (third_party, brand, platform, unknown) and what it found.
   */
  'appraised',
  /** The refund arrived short of what was agreed ("只退了30，说好的86呢"); note `got:<sum> owed:<sum>`. */
  'refund_short',
  /**
   * The buyer's answer to the seller blaming them ("根本没摔过", "到手就这样"); note: what the buyer
   * said, as `rebuttalNote` (knowledge/rebuttal.ts) writes it. Never stronger than the buyer's words.
   */
  'buyer_rebuttal',
  /** Someone other than the seller paid the buyer for the loss ("集运公司赔了150"); note `sum:<sum> by:<payer>`. */
  'third_party_paid',
  // the platform, as the buyer reported it
  'platform_requested', 'platform_handling', 'platform_ruled_seller', 'platform_ruled_buyer',
  // the buyer's own steps beyond the platform
  'regulator_filed', 'payment_disputed',
  // the bot's own acts
  'draft_sent', 'nudged', 'amended', 'evidence_logged',
  'resolved', 'cancelled', 'escalated',
  // closed unresolved because the buyer went on to another order (/new): not cancelled by the buyer
  'archived',
] as const;
export const TimelineType = z.enum(TIMELINE_TYPES);
export type TimelineType = z.infer<typeof TimelineType>;

export const TimelineEntry = z.object({
  /** ISO instant the bot recorded it (the buyer's message time). */
  at: z.string(),
  type: TimelineType,
  /** A short machine note (a draft target, the slot that was amended, a code). Never shown as a quote. */
  note: z.string().default(''),
  /**
   * The seller's or platform's own words, only when the buyer quoted them ("客服说：'…'").
   * A buyer's summary ("卖家拒绝了") is never stored here.
   */
  quote: z.string().nullable().default(null),
  /**
   * When the event happened, when the buyer said so: an ISO instant, or a day (YYYY-MM-DD) for
   * "昨天申请了介入" (no time of day is invented); null = told at `at`.
   */
  happenedAt: z.string().nullable().default(null),
  /**
   * The seller's reason for a refusal as the buyer reported it in their own words ("说是我自己进水了"
   * → "是我自己进水了"): indirect speech, never shown as a quote. Absent when none was given.
   */
  reason: z.string().nullable().optional(),
  /**
   * Beside a counter-offer (whose `reason` holds what was offered), the reason the seller gave as
   * the buyer reported it ("说是快递摔的不关他们事" → "是快递摔的不关他们事"): never shown as a quote.
   */
  because: z.string().nullable().optional(),
  /** Who said it when not the seller, as the buyer named them ("平台客服", "系统"): the kind is in `note`. */
  by: z.string().nullable().optional(),
  /** A seller promise's deadline (ISO instant, as computed when it was recorded): the case file and letters say it after the reminder has gone. */
  deadline: z.string().nullable().optional(),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

/**
 * The escalation rung the case is on (DOMAIN.md "Escalation ladder"):
 * seller → platform → regulator / payment channel.
 */
export const Rung = z.enum(['seller', 'platform', 'regulator']);
export type Rung = z.infer<typeof Rung>;

/** A quick-reply choice: `label` is shown, `value` comes back in a `choice` inbound. */
export const Option = z.object({ label: z.string(), value: z.string() });
export type Option = z.infer<typeof Option>;

/**
 * The one question waiting for an answer: which slot, how many unusable answers it got, the
 * options offered (a channel without buttons answers by number or label), and for a
 * confirmation the candidate value ("订单号是 …，对吗？").
 */
export const Pending = z.object({
  slot: Askable,
  tries: z.number().int().min(0).default(0),
  options: z.array(Option).default([]),
  value: z.string().nullable().default(null),
  /**
   * A seller reply read with middling confidence while this question waits: its reading and
   * the buyer's quote, kept until the buyer confirms it with a button.
   */
  held: z.string().nullable().optional(),
});
export type Pending = z.infer<typeof Pending>;

/**
 * Options shown with a message, answerable by button or typed number / label. A typed answer
 * goes to the latest menu still open (src/engine/menus.ts). `question`: shown with a blocking
 * question, open only while that question is the pending one; `value`: what the question held
 * (a confirmation's reading).
 */
export const Menu = z.object({
  slot: Askable,
  options: z.array(Option).default([]),
  value: z.string().nullable().default(null),
  question: z.boolean().default(false),
});
export type Menu = z.infer<typeof Menu>;

/** What every case holds, whatever its phase. */
const CaseFacts = z.object({
  id: z.string(),
  openedAt: z.string(),
  updatedAt: z.string(),
  slots: Slots,
  /** Slots the buyer chose to skip ("跳过"). */
  skipped: z.array(Askable).default([]),
  evidence: z.array(EvidenceItem).default([]),
  timeline: z.array(TimelineEntry).default([]),
  reminders: z.array(PendingReminder).default([]),
  /** How many seller drafts were handed over (soft first, firmer on the second). */
  sellerDrafts: z.number().int().min(0).default(0),
  /** The goods are food (drafts may cite 食品安全法 第一百四十八条 for a food-safety problem). */
  food: z.boolean().default(false),
  /**
   * The goods are virtual (a membership, a top-up, a code): nothing is shipped, so no waybill,
   * tracking or signed-for record exists to ask for or offer. Absent in older states: false.
   */
  virtual: z.boolean().optional(),
  /** The price dropped after the purchase (价保): the checklist asks for the lower price, not a defect. Absent: false. */
  priceDrop: z.boolean().optional(),
  /**
   * The problem or wish taken at middling confidence and not yet confirmed: a later clear
   * statement replaces it (a tentative reading never outlives what the buyer then says).
   */
  tentative: z.array(z.enum(['problem', 'wants'])).optional(),
  /**
   * The statutory multiple the buyer asked for by name ("退一赔三" → fraud_3x, "退一赔十" →
   * food_10x): a letter claims no other multiple than the one the buyer asked (absent: none named).
   */
  claimAsked: z.enum(['fraud_3x', 'food_10x']).optional(),
  /**
   * A compensation sum the buyer asks on top of the money back ("退货退款，另外赔800"), in yuan: a claim
   * beside the refund, never the refund's own sum (absent: none named).
   */
  claimSum: z.number().min(0).optional(),
  /** A partial refund the buyer named ("补偿30%", "退一半"), in percent. */
  compensationPercent: z.number().min(0).max(100).nullable().default(null),
  /** A compensation sum the buyer named ("补偿我20块就行"), in yuan. */
  compensationAmount: z.number().min(0).nullable().default(null),
  /** The compensation sum is the buyer's estimate ("大概3000"): the letters say it with 约. */
  compensationAbout: z.boolean().optional(),
  /**
   * A fingerprint of the last text handed over, per draft kind: the same text again is said to be the
   * same. Also, per advice given (`answer.<question>`), its fingerprint and time: not repeated within the hour.
   */
  sentDrafts: z.record(z.string(), z.string()).default({}),
});

/** The three elements are being collected. */
export const CollectingCase = CaseFacts.extend({ phase: z.literal('collecting') });
/** The drafts went out: the case is followed on its rung of the ladder. */
export const FollowingCase = CaseFacts.extend({ phase: z.literal('following'), rung: Rung });
/**
 * How a case ended: resolved; cancelled by the buyer (/cancel); archived unresolved when the
 * buyer went on to another order (/new).
 */
export const Outcome = z.enum(['resolved', 'cancelled', 'archived']);
export type Outcome = z.infer<typeof Outcome>;

/**
 * Closed (only seen on the way out: the state keeps a summary, and the store this record, written
 * once when it closes and read only for its case file: `StepResult.closed`).
 */
export const ClosedCase = CaseFacts.extend({
  phase: z.literal('closed'),
  outcome: Outcome,
  closedAt: z.string(),
});

/** A case, by phase: collecting → following → closed. */
export const Case = z.discriminatedUnion('phase', [CollectingCase, FollowingCase, ClosedCase]);
export type Case = z.infer<typeof Case>;
export type CollectingCase = z.infer<typeof CollectingCase>;
export type FollowingCase = z.infer<typeof FollowingCase>;
export type ClosedCase = z.infer<typeof ClosedCase>;
/** A case that is still going (the active case of a user). */
export type OpenCase = CollectingCase | FollowingCase;

/** A finished case kept for /cases (small: no timeline). */
export const CaseSummary = z.object({
  id: z.string(),
  openedAt: z.string(),
  closedAt: z.string(),
  status: Outcome,
  orderId: z.string().nullable(),
  problem: Problem.nullable(),
  wants: Wants.nullable(),
  /** The buyer's words for the problem, which name the goods ("台灯那个…" is about this case). */
  problemText: z.string().nullable().optional(),
  /** What solved a resolved case, as the buyer reported it ("修好寄回来了"); `wants` is then the wish it had before. */
  solvedBy: Wants.optional(),
  /**
   * The store keeps the case's full record as it was when it closed (its file for /export), outside
   * the working document. Absent: closed before records were kept; only this summary is left.
   */
  kept: z.literal(true).optional(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;

/**
 * Another order the buyer named while a case was followed, asked about ("another order, or a
 * typo?") and not yet answered: kept until the buyer says which, so it is never silently lost.
 * `quote`: the buyer's message about it (less the words calling it another order), read as the new
 * case's first message if one is opened.
 */
export const OtherOrder = z.object({
  orderId: z.string(),
  problem: Problem.nullable(),
  wants: Wants.nullable(),
  quote: z.string(),
  at: z.string(),
  /** The buyer was reminded of it once (src/engine/new-case.ts). */
  reminded: z.boolean().optional(),
});
export type OtherOrder = z.infer<typeof OtherOrder>;

const UserStateV2 = z.object({
  v: z.literal(STATE_VERSION),
  userId: z.string(),
  /** Chosen by /lang or detected from the buyer's writing; null until known. */
  locale: Locale.nullable(),
  /** The locale was set explicitly (/lang) — detection no longer overrides it. */
  localePinned: z.boolean().default(false),
  timezone: z.string().nullable().default(null),
  active: z.discriminatedUnion('phase', [CollectingCase, FollowingCase]).nullable(),
  closed: z.array(CaseSummary).default([]),
  /** Counter for case ids — ids are deterministic, not random. */
  caseSeq: z.number().int().min(0).default(0),
  /**
   * The one question waiting for an answer — about the case, or about the user (/forget,
   * /lang), which is why it lives here and not on the case.
   */
  pending: Pending.nullable().default(null),
  /** Menus still open, oldest first: answered, replaced, or closed when the case moves on (absent: none). */
  menus: z.array(Menu).optional(),
  /**
   * `false`: the latest menu no longer takes a bare number ("2"): a later reply of the bot moved
   * the conversation on without a menu (src/engine/menus.ts). Absent: it does.
   */
  menuCurrent: z.boolean().optional(),
  /** The latest menu answered, shown again to a bare number typed once no menu is open (src/engine/menus.ts). */
  answeredMenu: Menu.optional(),
  /**
   * Open cases set aside while the buyer deals with another order, oldest first, at most three:
   * each keeps its phase, record and reminders (absent: none).
   */
  parked: z.array(z.discriminatedUnion('phase', [CollectingCase, FollowingCase])).optional(),
  /** Other orders asked about and not answered yet (absent: none). */
  otherOrders: z.array(OtherOrder).optional(),
  /** The buyer writes Traditional characters: replies (not the letters to send) are in Traditional. */
  traditional: z.boolean().optional(),
  /** The buyer has been told once that this is a self-help tool, not a lawyer. */
  disclaimerShown: z.boolean().default(false),
});

/**
 * A version-1 document (status/rung/asking/pendingOrderId/confirming/offered) in the
 * version-2 shape, so that cases stored before the phase engine carry on.
 */
function migrateV1(doc: unknown): unknown {
  if (!doc || typeof doc !== 'object' || (doc as { v?: unknown }).v !== 1) return doc;
  const { confirming, offered, active, ...rest } = doc as Record<string, unknown> & {
    confirming?: string | null;
    offered?: { slot: string; options: unknown[] } | null;
    active?: Record<string, unknown> | null;
  };
  let pending: Record<string, unknown> | null = null;
  let next: Record<string, unknown> | null = null;
  if (active) {
    const { status, rung, asking, pendingOrderId, ...facts } = active as Record<string, unknown> & {
      status?: string;
      rung?: string;
      asking?: { slot: string; tries: number } | null;
      pendingOrderId?: string | null;
    };
    next = status === 'collecting' ? { ...facts, phase: 'collecting' } : { ...facts, phase: 'following', rung: rung ?? 'seller' };
    if (asking) pending = { slot: asking.slot, tries: asking.tries, options: [], value: pendingOrderId ?? null };
  }
  if (confirming === 'forget') pending = { slot: 'confirmForget', tries: 0, options: [], value: null };
  if (offered && (!pending || pending.slot === offered.slot)) {
    pending = { slot: offered.slot, tries: (pending?.tries as number) ?? 0, value: pending?.value ?? null, options: offered.options };
  }
  return { ...rest, v: STATE_VERSION, active: next, pending };
}

/**
 * Summaries stored before `archived` existed called a case /new closed `cancelled`. Such a case
 * was closed in the very turn the next case was opened, so its closing instant is that case's
 * opening one; a case the buyer cancelled was closed in a turn of its own.
 */
function markArchived(doc: unknown): unknown {
  const d = doc as { closed?: unknown; active?: { openedAt?: unknown } | null } | null;
  if (!d || typeof d !== 'object' || !Array.isArray(d.closed)) return doc;
  const closed = d.closed as { status?: unknown; closedAt?: unknown; openedAt?: unknown }[];
  if (!closed.some((s) => s?.status === 'cancelled')) return doc;
  const opened = new Set([d.active?.openedAt, ...closed.map((s) => s?.openedAt)].filter((x) => typeof x === 'string').map((x) => Date.parse(x as string)));
  const archived = (s: (typeof closed)[number]) => s?.status === 'cancelled' && typeof s.closedAt === 'string' && opened.has(Date.parse(s.closedAt));
  return closed.some(archived) ? { ...d, closed: closed.map((s) => (archived(s) ? { ...s, status: 'archived' } : s)) } : doc;
}

/** The user's open cases: the active one, then the parked ones (their reminders all stand). */
export function openCases(s: Pick<UserState, 'active' | 'parked'>): OpenCase[] {
  return s.active ? [s.active, ...(s.parked ?? [])] : [...(s.parked ?? [])];
}

export const UserState = z.preprocess((doc) => markArchived(migrateV1(doc)), UserStateV2);
export type UserState = z.infer<typeof UserStateV2>;

// ---------------------------------------------------------------------------
// Inbound: what an adapter hands to the engine
// ---------------------------------------------------------------------------

export const COMMANDS = ['start', 'new', 'status', 'cases', 'export', 'cancel', 'forget', 'lang', 'help'] as const;
export type Command = (typeof COMMANDS)[number];

export type Inbound =
  /** The buyer wrote something. */
  | { type: 'text'; text: string }
  /** The buyer sent a photo, video or file (evidence). */
  | { type: 'media'; kind: 'photo' | 'video' | 'document'; caption: string; fileId?: string | null }
  /** A sticker, voice note, location… — something the engine cannot use. */
  | { type: 'unsupported'; what: string }
  /** A slash command or a button that maps to one; `arg` is the rest of the line. */
  | { type: 'command'; command: Command | (string & {}); arg?: string }
  /** The buyer pressed a quick-reply button: `slot` answered with `value` (a code, not a label). */
  | { type: 'choice'; slot: Askable; value: string }
  /** A scheduled reminder fell due. `late` = it is delivered well after its due time (process was down). */
  | { type: 'tick'; reminderId: string; late?: boolean };

// ---------------------------------------------------------------------------
// Outbound: what the engine asks the shell to send
// ---------------------------------------------------------------------------

export type OutboundKind = 'question' | 'checklist' | 'draft' | 'nudge' | 'info' | 'error' | 'file';

/**
 * What a `file` message is built from. Outbound messages wait in the outbox as JSON, so a file
 * travels as a recipe, not as bytes: the case as it was when the buyer asked, with the language,
 * timezone and time to write it in. The shell renders it when it delivers (src/casefile
 * `renderFile`), after the turn is committed, so building a PDF never holds a turn's transaction,
 * and a re-delivery after a crash renders the same document.
 */
export interface CaseFileSource {
  type: 'casefile';
  case: Case;
  locale: Locale;
  timezone: string;
  /** ISO instant the file is dated (the buyer's request). */
  at: string;
  /** A closed case of which only the summary is kept: the file says so. */
  summaryOnly?: boolean;
  /**
   * A closed case whose full record the store kept (`CaseSummary.kept`): the shell puts that record
   * in `case` before rendering (casefile `withRecord`); until then `case` holds what the summary has.
   */
  record?: string;
}

/** A document to send (`kind: 'file'`): Telegram `sendDocument`, WeChat `FileBox`, a file on disk elsewhere. */
export interface OutboundFile {
  /** File name shown to the buyer, e.g. `shouhou-case-3916452812345678901-20261123.pdf`. */
  name: string;
  mime: string;
  source: CaseFileSource;
}

export interface Outbound {
  kind: OutboundKind;
  /**
   * What the message says, as a code: the wording key of its main line (`ask.orderId`,
   * `seller.counterOffer`, `nudge.reply_deadline`, `draft.platform`…). Tests and logs branch
   * on it, never on the wording.
   */
  key?: string;
  /** For `question`: what is asked. */
  slot?: Askable;
  /** For `draft`: who it is for. */
  to?: DraftTarget;
  /** The whole message as the user sees it (plain text; adapters escape it). */
  text: string;
  /**
   * For `draft`: the part the buyer copies and sends, verbatim (also contained in `text`).
   * Adapters may render it as a copyable block.
   */
  body?: string;
  options?: Option[];
  /** Which slot the options answer (for buttons), when it differs from `slot` or the message is not a question. */
  choiceSlot?: Askable;
  /** For `file`: the document; `text` is its caption. */
  file?: OutboundFile;
}

// ---------------------------------------------------------------------------
// Schedule changes the shell applies after committing the state
// ---------------------------------------------------------------------------

export type ScheduleChange =
  | { op: 'set'; id: string; userId: string; dueAt: string }
  | { op: 'cancel'; id: string; userId: string };

export interface StepResult {
  state: UserState;
  out: Outbound[];
  schedule: ScheduleChange[];
  /** The engine asks the shell to delete everything stored about this user (after /forget was confirmed). */
  forget?: boolean;
  /** Cases closed in this turn whose summary says `kept`: the store keeps each record, as it is, beside the state. */
  closed?: ClosedCase[];
  /** Things worth a log line (the engine does no I/O; the shell logs them), e.g. an approximate deadline. */
  warnings?: string[];
}
