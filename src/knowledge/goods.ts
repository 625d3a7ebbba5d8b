/**
 * Virtual goods: a membership, a phone top-up, game credits, a redeem code, a voucher or pass for a
 * service (a gym card, a group-buy voucher, a ticket), a booking or a service paid ahead (a hotel
 * room, a flight, a course). Nothing is shipped, so
 * a checklist or a letter must not ask for or offer a waybill, a tracking page or a signed-for
 * record. What the words are is data here; the NLU does not read a goods type yet (until it does,
 * the engine asks this on the buyer's normalised message: Simplified, lower-case).
 */

/** Words that name virtual goods on their own. */
const VIRTUAL_WORDS: readonly string[] = [
  '充值', '话费', '流量包', '点卡', '卡密', '兑换码', '激活码', 'q币', '游戏币', '直充', '代充', '虚拟商品', '电子卡券', '电子券', '电子票',
  'top-up', 'top up', 'recharge', 'gift card', 'redeem code', 'activation code', 'game credits', 'e-ticket',
  // Vouchers, passes and tickets for a service: used at the shop, never signed for.
  '团购券', '团购套餐', '核销', '券码', '门票', '电影票', '演出票', '年卡', '季卡', '月卡', '次卡', '储值卡', '预付卡', '私教课', '体验课',
  'voucher', 'gym pass', 'season pass', 'concert ticket', 'movie ticket', 'prepaid card',
  // Bookings and services paid ahead: a room, a trip, a course. Given or not given, never shipped or signed for.
  '酒店', '民宿', '宾馆', '订房', '房间预订', '机票', '课程', '网课', '训练营', '培训班', '辅导班',
  'hotel', 'hostel', 'booking', 'reservation', 'flight', 'online course', 'training course',
];

/** Any of `VIRTUAL_WORDS`, as one pattern: a tenth of the cost of looking for each word in turn. */
const VIRTUAL = new RegExp(VIRTUAL_WORDS.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));

/**
 * A voucher bought ("团购了一张洗车券", "买的代金券") or a group-buy ("美团团购的按摩套餐"): used at the
 * shop. Not a discount coupon used on an order, and not a community group-buy of groceries, which are delivered.
 */
const VOUCHER_BOUGHT = /(?<!社区|社區)团购|(?<!社区|社區)團購|(?:买|買|购|購|抢|搶)[^，,。！!？?\s]{0,8}(?<!优惠|優惠)券/u;

/** A membership or subscription: virtual when its state is talked about (it did not arrive, open, work). */
const MEMBERSHIP = /会员|vip|membership|subscription/u;
const MEMBERSHIP_STATE = /到账|开通|生效|激活|没充|未充|不能用|用不了|credited|activated|not working/u;

/**
 * The message is about virtual goods.
 *
 * @example virtualGoods('买的视频会员一直没到账') // true
 * @example virtualGoods('我是88vip，买的杯子碎了') // false
 */
export function virtualGoods(normalized: string): boolean {
  if (VIRTUAL.test(normalized) || VOUCHER_BOUGHT.test(normalized)) return true;
  return MEMBERSHIP.test(normalized) && MEMBERSHIP_STATE.test(normalized);
}
