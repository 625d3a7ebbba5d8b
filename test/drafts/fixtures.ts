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
const tl = (at: string, type: TimelineEntry['type'], note = ''): TimelineEntry => ({ at, type, note, quote: null, happenedAt: null });

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
    tl('2026-11-22T10:10:00+08:00', 'draft_sent', 'seller'),
    tl('2026-11-22T16:20:00+08:00', 'seller_refused', locale === 'en' ? 'Transit damage is the courier\'s problem' : '运输损坏请找快递'),
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
    tl('2026-11-20T09:05:00+08:00', 'draft_sent', 'seller'),
    tl('2026-11-20T11:40:00+08:00', 'seller_promise', locale === 'en' ? 'We will reply within 24 hours' : '24小时内给您答复'),
    tl('2026-11-21T11:40:00+08:00', 'nudged', 'seller_promise'),
    tl('2026-11-21T12:00:00+08:00', 'nudged', 'no_reason_window'),
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
    tl('2026-11-18T10:02:00+08:00', 'draft_sent', 'refund_shortfall'),
    tl('2026-11-19T09:00:00+08:00', 'seller_stalled', locale === 'en' ? 'Finance is checking, please wait' : '财务在核实，请耐心等待'),
    tl('2026-11-21T09:00:00+08:00', 'draft_sent', 'platform'),
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
export const CASES = { damagedPdd, qualityTaobao, shortRefundJd, changedMindDouyin } as const;
