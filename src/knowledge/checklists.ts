/**
 * Evidence checklists per problem code: what to photograph, film, screenshot or write
 * down, most time-sensitive first. Which items belong to which problem is data here;
 * the wording (and the caption keywords used to tick items off) lives in
 * `locales/<locale>/knowledge.json` under `checklist`.
 *
 * Sources: DOMAIN.md "Evidence checklist" (seeds 000, 001, 004) and "Timeline" (seed 000).
 */
import { has, list, t } from '../i18n/index.ts';
import { LOCALES, type Locale, type Problem } from '../domain/index.ts';
import { FOOD_SAFETY_PROBLEMS } from './law.ts';

/** What kind of proof an item is — lets the dialogue match received media to items. */
export type EvidenceKind = 'photo' | 'video' | 'screenshot' | 'document' | 'record';

/** Stable ids: other parts tick items off by id, so never rename one. */
export const CHECKLIST_ITEM_IDS = [
  'outer_box', 'waybill', 'contents', 'unboxing_video', 'defect_closeup', 'when_how_often',
  'listing_screenshot', 'item_vs_listing', 'brand_auth', 'comparison_photos', 'tracking_page',
  'signed_record', 'order_screenshot', 'payment_proof', 'chat_records', 'refund_record',
  'return_waybill', 'item_intact', 'invoice',
  // Food (食品安全法 第一百四十八条 claims rest on what the label and the batch show).
  'date_label', 'keep_unopened', 'batch_number',
  // Virtual goods (a membership, a top-up): the account page that shows nothing arrived.
  'account_record',
  // A price drop after the purchase (价保): the lower price with its date, and the platform's terms.
  'lower_price', 'price_rules',
] as const;
export type ChecklistItemId = (typeof CHECKLIST_ITEM_IDS)[number];

export interface ChecklistItem {
  id: ChecklistItemId;
  text: string;
  /** A short noun phrase for letters ("订单截图"), used where the buyer lists what they can provide. */
  short: string;
  evidenceKind: EvidenceKind;
}

/** Shared by every caller asking for the same kind of checklist (`checklistFor`): read-only, and frozen. */
export interface Checklist {
  readonly title: string;
  readonly items: ReadonlyArray<Readonly<ChecklistItem>>;
}

/** The kind of each item. */
export const ITEM_KINDS: Readonly<Record<ChecklistItemId, EvidenceKind>> = {
  outer_box: 'photo',
  waybill: 'photo',
  contents: 'photo',
  unboxing_video: 'video',
  defect_closeup: 'photo',
  when_how_often: 'record',
  listing_screenshot: 'screenshot',
  item_vs_listing: 'photo',
  brand_auth: 'document',
  comparison_photos: 'photo',
  tracking_page: 'screenshot',
  signed_record: 'screenshot',
  order_screenshot: 'screenshot',
  payment_proof: 'screenshot',
  chat_records: 'screenshot',
  refund_record: 'screenshot',
  return_waybill: 'photo',
  item_intact: 'photo',
  invoice: 'document',
  date_label: 'photo',
  keep_unopened: 'record',
  batch_number: 'photo',
  account_record: 'screenshot',
  lower_price: 'screenshot',
  price_rules: 'screenshot',
};

/**
 * Items per problem, in the order the buyer should gather them. Perishable evidence
 * (packaging, unboxing) comes first: seed 000's 0–2 h step.
 */
export const CHECKLISTS: Readonly<Record<Problem, readonly ChecklistItemId[]>> = {
  // DOMAIN.md: "for not-received, the tracking page and the signed-for record" (issue 4).
  not_received: ['tracking_page', 'signed_record', 'order_screenshot', 'payment_proof', 'chat_records'],
  // Seed 000, 0–2 h: outer box front/back, waybill, contents, close-ups, unboxing video with a spoken date.
  damaged: ['outer_box', 'waybill', 'contents', 'defect_closeup', 'unboxing_video', 'order_screenshot', 'chat_records'],
  wrong_item: ['contents', 'waybill', 'unboxing_video', 'listing_screenshot', 'order_screenshot', 'chat_records'],
  // DOMAIN.md: quality issues need a close-up; use-related faults need when / how often (seed 001).
  quality: ['defect_closeup', 'when_how_often', 'order_screenshot', 'payment_proof', 'chat_records', 'invoice'],
  // Seed 004: listing screenshot for not-as-described.
  not_as_described: ['listing_screenshot', 'item_vs_listing', 'order_screenshot', 'chat_records'],
  // Seed 003: brand authentication report + detail comparison photos + proof of purchase.
  counterfeit: ['brand_auth', 'comparison_photos', 'listing_screenshot', 'order_screenshot', 'payment_proof', 'chat_records'],
  // 消费者权益保护法 第二十五条: returned goods must be intact; the window runs from receipt.
  changed_mind: ['item_intact', 'signed_record', 'order_screenshot', 'chat_records'],
  // Seed 002: refund number, order number, amount; short refunds need paid vs refunded.
  refund_issue: ['refund_record', 'payment_proof', 'order_screenshot', 'return_waybill', 'chat_records'],
  other: ['order_screenshot', 'payment_proof', 'defect_closeup', 'chat_records'],
};

/**
 * Food with a food-safety problem: the date label (production date, shelf life), the problem
 * itself, the unopened rest of the same purchase kept as it is, and the batch number.
 */
export const FOOD_CHECKLIST: readonly ChecklistItemId[] = [
  'date_label', 'defect_closeup', 'keep_unopened', 'batch_number', 'order_screenshot', 'payment_proof', 'chat_records',
];

/**
 * The price dropped after the purchase (价保, a platform or shop feature: DOMAIN.md): nothing is broken,
 * so no close-up; the lower price with its date, the price paid, and the terms that grant the difference.
 */
export const PRICE_DROP_CHECKLIST: readonly ChecklistItemId[] = ['lower_price', 'order_screenshot', 'price_rules', 'chat_records'];

/** Items that only exist once a parcel is on its way: none for an order not shipped yet. */
const NEEDS_SHIPMENT: ReadonlySet<ChecklistItemId> = new Set([
  'outer_box', 'waybill', 'contents', 'unboxing_video', 'tracking_page', 'signed_record', 'item_intact', 'return_waybill',
]);

/**
 * Records the buyer can fetch from their account at any time (the order page and the listing as
 * the order keeps it, the payment, the chat, the logistics and refund pages). A letter may offer these although the buyer never
 * mentioned them; photos, videos, notes, reports and invoices it offers only once they are logged
 * (a seller who asks for the promised unboxing video finds the buyer has none).
 */
export const ON_RECORD: ReadonlySet<ChecklistItemId> = new Set<ChecklistItemId>([
  'order_screenshot', 'listing_screenshot', 'payment_proof', 'chat_records', 'tracking_page', 'signed_record', 'refund_record', 'account_record',
]);

/** What else decides the checklist besides the problem. */
export interface ChecklistOptions {
  /** The goods are food: food-safety problems get the food checklist. */
  food?: boolean;
  /** `false`: not shipped yet, so no waybill, tracking or signed-for record exists. */
  shipped?: boolean | null;
  /**
   * Virtual goods (a membership, a top-up, a code): there is never a parcel, so nothing that needs
   * one; what did not arrive shows on the buyer's account page instead.
   */
  virtual?: boolean;
  /**
   * Goods damaged and also short ("只发了4个，还碎了一个"): the damage checklist keeps its place,
   * and the listing that shows how many should have come is asked for too.
   */
  alsoShort?: boolean;
  /**
   * Takeaway food (`isTakeaway`): no parcel, waybill, unboxing video or listing; what arrived, the
   * order page with the items ordered and the chat with the merchant and the rider instead.
   */
  takeaway?: boolean;
  /** The price dropped after the purchase and nothing else is wrong (a case of problem `other`). */
  priceDrop?: boolean;
}

/** What a takeaway meal never has: a parcel, its waybill and tracking, a listing to compare, a batch. */
const NOT_FOR_TAKEAWAY: ReadonlySet<ChecklistItemId> = new Set([
  'outer_box', 'waybill', 'unboxing_video', 'tracking_page', 'signed_record', 'listing_screenshot', 'item_vs_listing',
  'return_waybill', 'item_intact', 'date_label', 'batch_number', 'brand_auth', 'comparison_photos', 'invoice',
]);

/** The buyer says part of the order did not come ("只发了4个", "少发了两个", "漏发"). */
const PART_MISSING = /(?:只|才)(?:发|寄|到|收到|来)了?\s*[\d一二两三四五六七八九十]+\s*(?:个|件|只|双|套|盒|瓶|包|袋|本|支|块)|少(?:发|寄|给|了)了?\s*[\d一二两三四五六七八九十]*\s*(?:个|件|只|双|套|盒|瓶|包|袋|本|支|块)|漏发|少件|缺件/u;

/** Whether the buyer's words say part of the order is missing (for a damage case's checklist). */
export function saysPartMissing(text: string | null | undefined): boolean {
  return !!text && PART_MISSING.test(text);
}

/** The item ids for a case, in order. */
export function checklistIds(problem: Problem, opts: ChecklistOptions = {}): ChecklistItemId[] {
  // A voucher or pass (even for a meal) is not food in hand: no label, batch or sample to keep.
  const base = opts.food && !opts.virtual && FOOD_SAFETY_PROBLEMS.has(problem) ? FOOD_CHECKLIST : opts.priceDrop && problem === 'other' ? PRICE_DROP_CHECKLIST : CHECKLISTS[problem];
  if (opts.virtual) {
    // Nothing physical either (a top-up, a voucher, a pass, a course): no close-up of a defect, no item to
    // photograph against the listing. The account's record shows what did not arrive, or what became of a voucher (used, and when).
    const kept = base.filter((id) => !NEEDS_SHIPMENT.has(id) && id !== 'defect_closeup' && id !== 'item_vs_listing');
    return problem === 'not_received' ? ['account_record', ...kept] : [...kept, 'account_record'];
  }
  if (opts.takeaway) {
    // What arrived comes first (a meal is eaten or thrown away soon); nothing arrived: the order page shows it.
    const kept = base.filter((id) => !NOT_FOR_TAKEAWAY.has(id) && id !== 'contents');
    return problem === 'not_received' ? kept : ['contents', ...kept];
  }
  const ids = opts.shipped === false ? base.filter((id) => !NEEDS_SHIPMENT.has(id)) : [...base];
  // Damaged and short: what the listing promised, after the damage's own items.
  if (opts.alsoShort && problem === 'damaged' && !ids.includes('listing_screenshot')) ids.splice(Math.max(0, ids.indexOf('order_screenshot')), 0, 'listing_screenshot');
  return ids;
}

function itemText(problem: Problem, id: ChecklistItemId, locale: Locale): string {
  const specific = `knowledge.checklist.byProblem.${problem}.${id}`;
  return has(locale, specific) ? t(locale, specific) : t(locale, `knowledge.checklist.items.${id}.text`);
}

/**
 * The evidence checklist for a problem, worded in `locale`.
 *
 * @param opts food → the food checklist (date label, unopened item, batch number); `shipped: false` → no
 *   waybill / tracking / signed-for items (there is no parcel yet)
 * @example checklistFor('damaged', 'zh-CN').items[0] // { id: 'outer_box', evidenceKind: 'photo', text: '外包装正反两面的照片…', short: '外包装照片' }
 */
export function checklistFor(problem: Problem, locale: Locale, opts: ChecklistOptions = {}): Checklist {
  // Worded once per kind of checklist (it is read several times a turn) and shared: no caller
  // changes it (frozen, so one that tried would throw), and a copy per call cost more than the wording's lookup.
  const key = `${problem}|${locale}|${opts.food === true ? 'food' : opts.food ? 'truthy' : ''}|${opts.shipped === false}|${opts.virtual === true}|${opts.alsoShort === true && problem === 'damaged'}|${opts.takeaway === true}|${opts.priceDrop === true && problem === 'other'}`;
  let checklist = worded.get(key);
  if (!checklist) {
    const fresh = wordChecklist(problem, locale, opts);
    checklist = Object.freeze({ title: fresh.title, items: Object.freeze(fresh.items.map((item) => Object.freeze(item))) });
    worded.set(key, checklist);
  }
  return checklist;
}

/** Checklists already worded, by problem, locale and options (a few dozen at most). */
const worded = new Map<string, Checklist>();

function wordChecklist(problem: Problem, locale: Locale, opts: ChecklistOptions): Checklist {
  const food = opts.food === true && !opts.virtual && FOOD_SAFETY_PROBLEMS.has(problem);
  const notShipped = opts.shipped === false;
  const virtualNotReceived = opts.virtual === true && problem === 'not_received';
  const takeaway = opts.takeaway === true;
  const priceDrop = opts.priceDrop === true && problem === 'other';
  const titleKey = takeaway ? 'takeaway' : food ? 'food' : virtualNotReceived ? 'virtual_not_received'
    : opts.virtual && problem === 'not_as_described' ? 'virtual_not_as_described' : notShipped && problem === 'not_received' ? 'not_shipped'
    : priceDrop ? 'price_drop' : problem;
  return {
    title: t(locale, `knowledge.checklist.title.${titleKey}`),
    items: checklistIds(problem, opts).map((id) => ({
      id,
      // Virtual goods not credited: the general wording (the not-received one names couriers and parcel lockers).
      // A voucher's or an account's record when something came but is not right: its state, not "not credited".
      text: opts.virtual && id === 'account_record' && problem !== 'not_received' ? t(locale, 'knowledge.checklist.virtualRecord')
        : opts.virtual && id === 'listing_screenshot' ? t(locale, 'knowledge.checklist.virtualListing')
        : takeaway && has(locale, `knowledge.checklist.byProblem.takeaway.${id}`) ? t(locale, `knowledge.checklist.byProblem.takeaway.${id}`)
        : food && has(locale, `knowledge.checklist.byProblem.food.${id}`) ? t(locale, `knowledge.checklist.byProblem.food.${id}`)
        : priceDrop && has(locale, `knowledge.checklist.byProblem.price_drop.${id}`) ? t(locale, `knowledge.checklist.byProblem.price_drop.${id}`)
        : virtualNotReceived ? t(locale, `knowledge.checklist.items.${id}.text`) : itemText(problem, id, locale),
      short: t(locale, `knowledge.checklist.items.${id}.short`),
      evidenceKind: ITEM_KINDS[id],
    })),
  };
}

/** Caption keywords for an item, from every locale (a buyer may caption in either language). */
function keywordsFor(id: string): string[] {
  const out = new Set<string>();
  for (const locale of LOCALES) {
    const key = `knowledge.checklist.items.${id}.keywords`;
    if (has(locale, key)) for (const k of list(locale, key)) out.add(k.toLowerCase());
  }
  return [...out];
}

/** A caption naming an appraiser that is not the brand. */
const THIRD_PARTY = /第三方|鉴定机构|检测机构|鉴定中心|检测中心|质检|third[- ]?party|independent|\blab\b|laboratory/;
/** Papers of a medical or vet visit ("病历", "医院的发票", "兽医开的收据", "hospital receipt"). */
const MEDICAL_PAPERS = /医院|醫院|病历|病歷|诊断|診斷|门诊|門診|挂号|掛號|医药费|醫藥費|药费|藥費|兽医|獸醫|诊所|診所|hospital|clinic|medical|diagnos|\bvet\b|veterinar/iu;
/** The courier's own photo of the parcel left somewhere: proof of delivery, not the tracking page. */
const DELIVERY_PHOTO = /送达照片|妥投照片|派送照片|送货照片|delivery photo|photo of (?:the )?delivery/iu;
/** What came set beside what was ordered ("盒子上写60粒 和订单页对比"): a photo of the goods, not of the order. */
const COMPARED = /对比|對比|对照|對照|比对|比對|compar|side by side|\bvs\.?\b/iu;

/**
 * Best-effort: which of `items` a photo caption is evidence for, by keyword.
 * The longest matching keyword wins (more specific); on a tie, the one appearing earliest
 * in the caption; then the item listed first. `null` when nothing matches. Given the media's
 * kind, a photo is never taken for a video item ("开箱时拍的裂口" is a close-up, not the video).
 * What came set beside the order, with no item of its own, is the photo of what arrived.
 *
 * @example matchEvidence('外箱破损', checklistFor('damaged', 'zh-CN').items) // 'outer_box'
 */
export function matchEvidence(caption: string, items: ReadonlyArray<{ id: string }>, media?: 'photo' | 'video' | 'document'): string | null {
  const text = caption.trim().toLowerCase();
  if (!text) return null;
  // A hospital's invoice or records show a loss, not the purchase: no purchase-invoice item for them.
  const medical = MEDICAL_PAPERS.test(text);
  let best: { id: string; len: number; pos: number } | null = null;
  for (const item of items) {
    if (media === 'photo' && ITEM_KINDS[item.id as ChecklistItemId] === 'video') continue;
    // A third party's appraisal report is evidence, but not the brand's appraisal.
    if (item.id === 'brand_auth' && THIRD_PARTY.test(text)) continue;
    // …nor are they a close-up of the fault ("诊断" holds 断): they are what the harm cost.
    if (medical && (item.id === 'invoice' || item.id === 'defect_closeup')) continue;
    if (item.id === 'tracking_page' && DELIVERY_PHOTO.test(text)) continue;
    if (item.id === 'order_screenshot' && COMPARED.test(text)) continue;
    for (const kw of keywordsFor(item.id)) {
      const pos = text.indexOf(kw);
      if (pos < 0) continue;
      if (!best || kw.length > best.len || (kw.length === best.len && pos < best.pos)) {
        best = { id: item.id, len: kw.length, pos };
      }
    }
  }
  if (!best && COMPARED.test(text)) return items.some((i) => i.id === 'contents') ? 'contents' : null;
  return best?.id ?? null;
}
