/**
 * Takeaway food (美团外卖, 饿了么): a meal brought by a rider within the hour, not a parcel. There is
 * no waybill, no sealed box to film and no listing to hold the meal against; the order page lists
 * what was ordered, and the merchant and the rider answer in the app. The realistic route is the
 * app's own after-sales / customer service (DOMAIN.md ladder, rungs 1–2). DOMAIN.md gives no
 * reply time for takeaway merchants, so no deadline is named for one.
 */
import type { Slots } from '../domain/index.ts';

/** The takeaway platforms the NLU reads as `other` with their name (not their grocery offshoots). */
const TAKEAWAY_PLATFORM = /美团(?!优选|买菜)|饿了么|餓了麼|meituan|ele\.me|eleme/i;

/** Words that only a takeaway order has: the meal came by a rider. */
const TAKEAWAY_WORDS = /外卖|外賣|骑手|騎手|送餐|takeaway|take-away|food delivery|delivery rider/i;

/**
 * Whether the case is a takeaway order: a takeaway platform named, or the buyer's problem told in
 * takeaway words ("外卖少送了一份饭").
 *
 * @example isTakeaway({ platform: 'other', platformName: '美团', problemText: '少送了一杯奶茶' }) // true
 */
export function isTakeaway(slots: Pick<Slots, 'platform' | 'platformName' | 'problemText'>): boolean {
  // A parcel platform's order is a parcel, whatever the goods are called ("外卖保温袋").
  if (slots.platform && slots.platform !== 'other') return false;
  if (slots.platformName && TAKEAWAY_PLATFORM.test(slots.platformName)) return true;
  return !!slots.problemText && TAKEAWAY_WORDS.test(slots.problemText);
}
