/** Representative cases for the draft tests. */
import type { EvidenceItem, Slots, TimelineEntry } from '../../src/domain/index.ts';
import type { DraftFacts } from '../../src/drafts/index.ts';
import type { Locale } from '../../src/domain/index.ts';

export const EMPTY_SLOTS: Slots = {
  orderId: null, problem: null, problemText: null, wants: null, platform: null,
  trackingNo: null, receivedOn: null, amountPaid: null, amountRefunded: null,
};

const ev = (at: string, kind: EvidenceItem['kind'], caption: string, item: string | null = null): EvidenceItem => ({
  at, kind, caption, fileId: null, item,
});
/** A timeline entry; `quote` only where the buyer quoted the seller's / platform's own words. */
const tl = (at: string, type: TimelineEntry['type'], opts: { note?: string; quote?: string; happenedAt?: string } = {}): TimelineEntry => ({
  at, type, note: opts.note ?? '', quote: opts.quote ?? null, happenedAt: opts.happenedAt ?? null,
});

/** PDD parcel crushed in transit: everything known, the seller refused. */
export const damagedPdd = (locale: Locale, sellerAttempt = 1): DraftFacts => ({
  locale,
  slots: {
    ...EMPTY_SLOTS,
    orderId: '241103-572918364502817',
    problem: 'damaged',
    problemText: locale === 'en' ? 'the box was crushed and the glass teapot inside is cracked' : '外箱压坏了，里面的玻璃茶壶裂了',
    wants: 'refund',
    platform: 'pdd',
    receivedOn: '2026-11-21',
    amountPaid: 89.9,
  },
  evidence: [
    ev('2026-11-22T10:05:00+08:00', 'photo', locale === 'en' ? 'crushed box' : '外箱破损', 'outer_box'),
    ev('2026-11-22T10:06:00+08:00', 'photo', locale === 'en' ? 'shipping label' : '快递面单', 'waybill'),
    ev('2026-11-22T10:07:00+08:00', 'video', locale === 'en' ? 'unboxing' : '开箱', 'unboxing_video'),
    ev('2026-11-22T10:08:00+08:00', 'photo', ''),
  ],
  timeline: [
    tl('2026-11-22T10:00:00+08:00', 'opened'),
    tl('2026-11-22T10:10:00+08:00', 'draft_sent', { note: 'seller' }),
    // The buyer quoted the seller: "卖家说：'运输损坏请找快递'".
    tl('2026-11-22T16:20:00+08:00', 'seller_refused', { quote: locale === 'en' ? 'Transit damage is the courier\'s problem' : '运输损坏请找快递' }),
  ],
  now: new Date('2026-11-23T09:30:00+08:00'),
  timezone: 'Asia/Shanghai',
  sellerAttempt,
  openedAt: '2026-11-22T10:00:00+08:00',
});

/** Taobao quality fault with few facts: no amounts, no receipt date, no evidence; the seller promised and went quiet. */
export const qualityTaobao = (locale: Locale, sellerAttempt = 1): DraftFacts => ({
  locale,
  slots: {
    ...EMPTY_SLOTS,
    orderId: '3921874650192837465',
    problem: 'quality',
    problemText: locale === 'en' ? 'the thermos stops keeping water hot after 2 hours' : '保温杯不保温，倒开水 2 小时就凉了',
    wants: null,
    platform: 'taobao',
  },
  evidence: [],
  timeline: [
    tl('2026-11-20T09:00:00+08:00', 'opened'),
    tl('2026-11-20T09:05:00+08:00', 'draft_sent', { note: 'seller' }),
    tl('2026-11-20T11:40:00+08:00', 'seller_promise', { note: '24h', quote: locale === 'en' ? 'We will reply within 24 hours' : '24小时内给您答复' }),
    tl('2026-11-21T11:40:00+08:00', 'nudged', { note: 'seller_promise' }),
    tl('2026-11-21T12:00:00+08:00', 'nudged', { note: 'no_reason_window' }),
  ],
  now: new Date('2026-11-22T20:15:00+08:00'),
  timezone: 'Asia/Shanghai',
  sellerAttempt,
  openedAt: '2026-11-20T09:00:00+08:00',
});

/** JD refund came back short. */
export const shortRefundJd = (locale: Locale, sellerAttempt = 1): DraftFacts => ({
  locale,
  slots: {
    ...EMPTY_SLOTS,
    orderId: '287346519203',
    problem: 'refund_issue',
    problemText: null,
    wants: 'refund',
    platform: 'jd',
    receivedOn: '2026-11-10',
    amountPaid: 259,
    amountRefunded: 229,
  },
  evidence: [ev('2026-11-22T10:05:00+08:00', 'photo', locale === 'en' ? 'refund details' : '退款详情', 'refund_record')],
  timeline: [
    tl('2026-11-18T10:00:00+08:00', 'opened'),
    tl('2026-11-18T10:02:00+08:00', 'draft_sent', { note: 'refund_shortfall' }),
    tl('2026-11-19T09:00:00+08:00', 'seller_stalled', { quote: locale === 'en' ? 'Finance is checking, please wait' : '财务在核实，请耐心等待' }),
    tl('2026-11-21T09:00:00+08:00', 'draft_sent', { note: 'platform' }),
    // "我昨天上午申请了平台介入" told on the 22nd: the buyer's own date.
    tl('2026-11-22T07:05:00+08:00', 'platform_requested', { happenedAt: '2026-11-21T10:00:00+08:00' }),
  ],
  now: new Date('2026-11-22T07:10:00+08:00'),
  timezone: 'Asia/Shanghai',
  sellerAttempt,
  openedAt: '2026-11-18T10:00:00+08:00',
});



/**
 * Douyin change of mind, written late at night, with the order number typed (with spaces)
 * into the same message as the reason and a tracking number given.
 */
export const changedMindDouyin = (locale: Locale, sellerAttempt = 1): DraftFacts => ({
  locale,
  slots: {
    ...EMPTY_SLOTS,
    orderId: '6934712285601928374',
    problem: 'changed_mind',
    problemText: locale === 'en'
      ? 'Order number 6934 7122 8560 1928 374: the jacket is too small for me, tags still on'
      : '订单号：6934 7122 8560 1928 374，外套尺码偏小穿不了，吊牌还在',
    wants: 'return_refund',
    platform: 'douyin',
    trackingNo: 'YT7512345678901',
    receivedOn: '2026-11-19',
    amountPaid: 399,
  },
  evidence: [ev('2026-11-22T23:05:00+08:00', 'photo', locale === 'en' ? 'tags intact' : '吊牌完好', 'item_intact')],
  timeline: [tl('2026-11-22T23:00:00+08:00', 'opened')],
  now: new Date('2026-11-22T23:10:00+08:00'),
  timezone: 'Asia/Shanghai',
  sellerAttempt,
  openedAt: '2026-11-22T23:00:00+08:00',
});
/**
 * Fake brand headphones on Taobao, written in English: 退一赔三 on 899 yuan (2,697 yuan extra).
 * The seller refused and only offered a return ("只同意退货退款" — the buyer's summary, no quote).
 */
export const counterfeitTaobao = (locale: Locale, sellerAttempt = 1): DraftFacts => ({
  locale,
  slots: {
    ...EMPTY_SLOTS,
    orderId: '3921874650192837466',
    problem: 'counterfeit',
    problemText: locale === 'en'
      ? 'The AirPods I got on Taobao are fake, the serial number does not exist on Apple\'s site, I want a refund plus three times compensation'
      : '淘宝买的耳机是假货，序列号在官网查不到，要求退一赔三',
    wants: 'compensation',
    platform: 'taobao',
    receivedOn: '2026-11-18',
    amountPaid: 899,
  },
  evidence: [],
  timeline: [
    tl('2026-11-20T09:00:00+08:00', 'opened'),
    tl('2026-11-20T09:01:00+08:00', 'seller_counter_offer', { note: 'return_refund_only' }),
  ],
  now: new Date('2026-11-20T09:02:00+08:00'),
  timezone: 'Asia/Shanghai',
  sellerAttempt,
  openedAt: '2026-11-20T09:00:00+08:00',
});

/** Expired milk on PDD, 128 yuan: 退一赔十 (1,280 yuan); the seller went quiet. Traditional characters in the buyer's words. */
export const expiredFoodPdd = (locale: Locale, sellerAttempt = 1): DraftFacts => ({
  locale,
  food: true,
  slots: {
    ...EMPTY_SLOTS,
    orderId: '241120-386120594837261',
    problem: 'quality',
    problemText: locale === 'en' ? 'the milk had expired a week before it arrived' : '拼多多買的牛奶，訂單編號 241120-386120594837261，收到已經過期一週了，要求退一賠十',
    wants: 'compensation',
    platform: 'pdd',
    receivedOn: '2026-11-21',
    amountPaid: 128,
  },
  evidence: [
    ev('2026-11-21T19:02:00+08:00', 'photo', locale === 'en' ? 'expiry date on the box' : '盒子上的生产日期'),
  ],
  timeline: [
    tl('2026-11-21T19:00:00+08:00', 'opened'),
    tl('2026-11-22T19:00:00+08:00', 'seller_no_response'),
  ],
  now: new Date('2026-11-22T19:05:00+08:00'),
  timezone: 'Asia/Shanghai',
  sellerAttempt,
  openedAt: '2026-11-21T19:00:00+08:00',
});

/**
 * A second-hand phone from a private seller on 闲鱼 that never arrived; the platform ruled for
 * the seller (quoted). No 消法 article may be cited; nothing about photos of a parcel.
 */
export const notReceivedXianyu = (locale: Locale, sellerAttempt = 1): DraftFacts => ({
  locale,
  slots: {
    ...EMPTY_SLOTS,
    orderId: '3376519902847731',
    problem: 'not_received',
    problemText: locale === 'en' ? 'the phone never arrived, tracking has not moved for 10 days' : '手机一直没到，物流10天没更新',
    wants: 'refund',
    platform: 'xianyu',
    amountPaid: 1350,
  },
  evidence: [],
  timeline: [
    tl('2026-11-10T20:00:00+08:00', 'opened'),
    tl('2026-11-11T20:00:00+08:00', 'seller_stalled'),
    tl('2026-11-14T09:00:00+08:00', 'platform_requested', { happenedAt: '2026-11-13T21:00:00+08:00' }),
    tl('2026-11-17T09:00:00+08:00', 'platform_ruled_seller', { quote: locale === 'en' ? 'The tracking shows it in transit, please wait' : '物流显示在途，请耐心等待' }),
  ],
  now: new Date('2026-11-17T09:05:00+08:00'),
  timezone: 'Asia/Shanghai',
  sellerAttempt,
  openedAt: '2026-11-10T20:00:00+08:00',
});

/** JD: a seller who has not shipped after a week; the shop is named, the licence copied in. */
export const notShippedJd = (locale: Locale, sellerAttempt = 1): DraftFacts => ({
  locale,
  slots: {
    ...EMPTY_SLOTS,
    orderId: '301245678912',
    problem: 'not_received',
    problemText: locale === 'en' ? 'paid a week ago and it still has not been shipped' : '付款一周了还没发货',
    wants: 'refund',
    platform: 'jd',
    amountPaid: 45.5,
    shipped: false,
    shopName: '好物优选旗舰店',
    businessName: '某某市好物贸易有限公司',
    businessAddress: '某某市某某区某某路 1 号',
  },
  evidence: [],
  timeline: [tl('2026-11-22T10:00:00+08:00', 'opened')],
  now: new Date('2026-11-22T10:05:00+08:00'),
  timezone: 'Asia/Shanghai',
  sellerAttempt,
  openedAt: '2026-11-22T10:00:00+08:00',
});

/** A change of mind after the 7-day window closed (signed 11-10, window ended 11-17). */
export const changedMindLate = (locale: Locale, sellerAttempt = 1): DraftFacts => ({
  ...changedMindDouyin(locale, sellerAttempt),
  slots: { ...changedMindDouyin(locale).slots, receivedOn: '2026-11-10' },
});

export const CASES = {
  damagedPdd, qualityTaobao, shortRefundJd, changedMindDouyin, counterfeitTaobao, expiredFoodPdd, notReceivedXianyu,
  notShippedJd, changedMindLate,
} as const;
