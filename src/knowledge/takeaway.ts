/**
 * Takeaway food (美团外卖, 饿了么): a meal brought by a rider within the hour, not a parcel. There is
 * no waybill, no sealed box to film and no listing to hold the meal against; the order page lists
 * what was ordered, and the merchant and the rider answer in the app. The realistic route is the
 * app's own after-sales / customer service (DOMAIN.md ladder, rungs 1–2). DOMAIN.md gives no
 * reply time for takeaway merchants, so no deadline is named for one.
 */
import { normalize } from '../nlu/normalize.ts';
import { virtualGoods } from './goods.ts';
import type { Slots } from '../domain/index.ts';

/** The takeaway platforms the NLU reads as `other` with their name (not their grocery offshoots). */
const TAKEAWAY_PLATFORM = /美团(?!优选|买菜)|饿了么|餓了麼|meituan|ele\.me|eleme/i;

/** Words that only a takeaway order has: the meal came by a rider. */
const TAKEAWAY_WORDS = /外卖|外賣|骑手|騎手|送餐|takeaway|take-away|food delivery|delivery rider/i;

/**
 * A group-buy voucher or a service used at the shop ("团购券", "到店核销"), or a booking (a hotel
 * room, a ticket): bought on the same apps, never delivered.
 */
const AT_THE_SHOP = /团购|團購|核销|核銷|券码|券碼|到店|酒店|民宿|宾馆|賓館|订房|訂房|入住|机票|機票|门票|門票|\b(?:voucher|group[- ]?buy|hotel|hostel|booking|reservation|check[- ]?in|flight|ticket)/iu;

/**
 * Whether the case is a takeaway order: a takeaway platform named, or the buyer's problem told in
 * takeaway words ("外卖少送了一份饭"); not a voucher, a pass or a service used at the shop (a gym's season
 * card bought on 美团 is no meal: its checklist is the pass's record, not what the rider brought).
 *
 * @example isTakeaway({ platform: 'other', platformName: '美团', problemText: '少送了一杯奶茶' }) // true
 */
export function isTakeaway(slots: Pick<Slots, 'platform' | 'platformName' | 'problemText'>): boolean {
  // A parcel platform's order is a parcel, whatever the goods are called ("外卖保温袋").
  if (slots.platform && slots.platform !== 'other') return false;
  const named = !!slots.platformName && TAKEAWAY_PLATFORM.test(slots.platformName);
  if (!named && !(slots.problemText && TAKEAWAY_WORDS.test(slots.problemText))) return false;
  return !(slots.problemText && (AT_THE_SHOP.test(slots.problemText) || virtualGoods(normalize(slots.problemText))));
}

/**
 * The merchant passed a takeaway problem to the rider ("骑手送漏的，你找骑手", "是配送的问题，跟我们无关"):
 * the same deflection as blaming the courier — the merchant delivers the meal and answers for it
 * on the way (电子商务法 第二十条). The NLU's courier-blame reader knows only couriers.
 */
const RIDER = '(?:骑手|騎手|配送员|配送員|送餐员|送餐員|外卖小哥|外賣小哥|外卖员|外賣員|rider|delivery (?:guy|man|person|driver))';
const RIDER_BLAME = [
  new RegExp(`(?:你|让我|讓我|叫我|要我)\\s?(?:自己)?\\s?(?:去)?(?:找|联系|聯繫|问|問)\\s?${RIDER}`, 'iu'),
  new RegExp(`${RIDER}.{0,6}(?:送漏|漏送|少送|送丢|送丟|弄丢|弄丟|弄洒|弄灑|洒了|灑了|的问题|的問題|的责任|的責任|负责|負責)`, 'iu'),
  new RegExp(`(?:配送|骑手|騎手).{0,6}(?:不关|不關|无关|無關|不归|不歸|不负责|不負責)`, 'iu'),
  /(?:contact|ask|take it up with|blame[ds]?|fault of) the (?:rider|delivery (?:guy|man|person|driver))/i,
];

/** Who may have said it: the rider blamed in the buyer's own account ("骑手送漏了一杯") is no deflection. */
const MERCHANT = /商家|店家|卖家|賣家|老板|老闆|客服|对方|對方|餐厅|餐廳|merchant|shop|restaurant|seller|they (?:said|say|told)/iu;

/** Whether a message reports the merchant blaming the rider or sending the buyer to the rider. */
export function blamesRider(text: string): boolean {
  return MERCHANT.test(text) && RIDER_BLAME.some((re) => re.test(text));
}
