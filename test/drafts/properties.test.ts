/**
 * Property test (issue 11 item 1): many generated case records, every draft checked against its
 * record. A small seeded generator (no dependency): the same seed gives the same cases, and a
 * failure names the seed and the case number so it can be replayed.
 *
 * What a draft may not do:
 * - claim evidence (saved, submitted, attached) when none was logged;
 * - quote (“…”) anything but a recorded seller / platform quote;
 * - state an event (refusal, agreement, platform application or ruling…) the timeline lacks;
 * - placehold a fact the record has;
 * - leave gaps, template variables, a partial-refund offer beside a statutory claim, a non-refund
 *   request to a payment channel, a 消法 article against a private seller, a 7-day claim outside
 *   the window, or photos for a parcel that never arrived.
 */
import { describe, expect, it } from 'vitest';
import { DRAFT_KINDS, writeDraft, type DraftFacts } from '../../src/drafts/index.ts';
import {
  LOCALES, PLATFORMS, PROBLEMS, WANTS, type EvidenceItem, type Locale, type Slots, type TimelineEntry, type TimelineType,
} from '../../src/domain/index.ts';
import { noReasonStatus } from '../../src/knowledge/noReason.ts';
import { seededRandom } from '../../src/nlu/model/linear.ts';

/** mulberry32: the project's one seeded PRNG (also the NLU trainer's). */
const rng = seededRandom;

const SEED = 20261122;
const CASES = 400;

const EVENT_TYPES: TimelineType[] = [
  'seller_promise', 'seller_refused', 'seller_agreed', 'seller_counter_offer', 'seller_stalled', 'seller_no_response',
  'seller_needs_evidence', 'seller_return_for_inspection', 'private_deal_offered', 'confirm_first_asked', 'refund_missing',
  'platform_requested', 'platform_handling', 'platform_ruled_seller', 'platform_ruled_buyer',
  'regulator_filed', 'payment_disputed', 'nudged', 'draft_sent', 'escalated', 'evidence_logged', 'amended', 'return_received',
  'return_lost',
];
/** Things a buyer writes that are summaries, not quotes — they may be in `note`, never quoted. */
const SUMMARIES = ['卖家拒绝了', '平台判卖家赢了，不给退', '卖家同意了', 'the seller refused', '卖家说是正品只同意退货退款'];
const QUOTES = ['运输损坏请找快递', '我们是正品，只能退货退款', '24小时内给您答复', 'Please wait, we are checking', '物流显示在途，请耐心等待', '寄回来检测一下'];
const PROBLEM_TEXTS = [
  '拼多多买的羽绒服，订单号 {id}，收到发现破了个洞，想退货退款。我希望退货退款。',
  '訂單編號 {id}，收到的杯子壞了，要退款',
  '淘宝上买的耳机是假货',
  'my order {id} from Taobao arrived broken, I want a refund',
  '手机一直没到',
  '外箱压坏了，里面的玻璃茶壶裂了',
  '买的电水壶花了六十多块，第二天就不通电了，卖家说是我自己弄坏的，我已经申请了平台介入',
  'the kettle stopped heating on day two and the seller blamed me',
  '',
];
const REASON = '是我自己摔坏的';
/** What a counter-offer offered, in the buyer's words (indirect speech, never quoted). */
const OFFER_WORDS = '只能补偿20块';
/** A counter-offer's note: a condition on what the buyer named, and the buyer's no. */
const OFFER_NOTES = ['withdraw', 'withdraw complaint', 'withdraw request', 'refused', 'withdraw complaint refused', 'withdraw refused'];
const CAPTIONS = ['外箱破损', '快递面单', '', 'unboxing', '聊天记录', '生产日期'];

const pick = <T,>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const chance = (r: () => number, p: number): boolean => r() < p;

interface Generated {
  facts: DraftFacts;
  quotes: string[];
}

function generate(r: () => number): Generated {
  const locale: Locale = pick(r, LOCALES);
  const orderId = pick(r, ['241103-572918364502817', '3921874650192837465', '287346519203', '3376519902847731']);
  const problem = pick(r, [...PROBLEMS, null]);
  const receivedOn = chance(r, 0.6) ? `2026-11-${String(1 + Math.floor(r() * 20)).padStart(2, '0')}` : null;
  const slots: Slots = {
    orderId,
    problem,
    problemText: chance(r, 0.8) ? pick(r, PROBLEM_TEXTS).replace('{id}', chance(r, 0.5) ? orderId : orderId.replace(/(\d{4})/g, '$1 ')) : null,
    wants: pick(r, [...WANTS, null]),
    platform: pick(r, [...PLATFORMS, null]),
    trackingNo: chance(r, 0.3) ? 'SF1234567890123' : null,
    receivedOn,
    amountPaid: chance(r, 0.7) ? Math.round(r() * 200000) / 100 : null,
    amountRefunded: chance(r, 0.2) ? Math.round(r() * 5000) / 100 : null,
    shopName: chance(r, 0.2) ? '好物优选旗舰店' : null,
    businessName: chance(r, 0.2) ? '某某贸易有限公司' : null,
    businessAddress: chance(r, 0.2) ? '某某路 1 号' : null,
    shipped: problem === 'not_received' && chance(r, 0.3) ? false : null,
    privateSeller: chance(r, 0.1) ? true : chance(r, 0.1) ? false : null,
    lossAmount: chance(r, 0.1) ? Math.round(r() * 100000) / 100 : null,
  };
  const base = Date.parse('2026-11-20T09:00:00+08:00');
  const timeline: TimelineEntry[] = [{ at: new Date(base).toISOString(), type: 'opened', note: '', quote: null, happenedAt: null }];
  const quotes: string[] = [];
  const n = Math.floor(r() * 6);
  for (let i = 0; i < n; i++) {
    const at = new Date(base + (i + 1) * 3_600_000 * (1 + Math.floor(r() * 10)));
    // Now and then the same report twice (same type and words), as a buyer may tell it twice.
    const prev = timeline.at(-1)!;
    const again = i > 0 && chance(r, 0.15);
    const picked = again ? prev.type : pick(r, EVENT_TYPES);
    // An order never shipped has no parcel to send back.
    const type = slots.shipped === false && (picked === 'return_received' || picked === 'return_lost') ? 'seller_stalled' : picked;
    const quote = again ? prev.quote : chance(r, 0.4) ? pick(r, QUOTES) : null;
    if (quote) quotes.push(quote);
    timeline.push({
      at: at.toISOString(),
      type,
      note: type === 'seller_counter_offer' && chance(r, 0.5)
        ? pick(r, OFFER_NOTES)
        : chance(r, 0.5) ? pick(r, SUMMARIES) : pick(r, ['', 'seller', 'platform', 'seller_promise', 'blames_courier', 'blocked', 'sum:120']),
      quote,
      happenedAt: chance(r, 0.3) ? new Date(at.getTime() - 86_400_000).toISOString() : null,
      // A refusal's reason in the buyer's words (indirect speech, never quoted).
      ...(type === 'seller_refused' && !quote && chance(r, 0.5) ? { reason: REASON } : {}),
      ...(type === 'seller_counter_offer' && !quote && chance(r, 0.5) ? { reason: pick(r, [OFFER_WORDS, REASON]) } : {}),
    });
  }
  const evidence: EvidenceItem[] = [];
  const e = chance(r, 0.5) ? 0 : Math.floor(r() * 5);
  for (let i = 0; i < e; i++) {
    evidence.push({ at: new Date(base + i * 60_000).toISOString(), kind: pick(r, ['photo', 'video', 'document'] as const), caption: pick(r, CAPTIONS), fileId: null, item: null });
  }
  const facts: DraftFacts = {
    locale, slots, evidence, timeline,
    now: new Date(base + 5 * 86_400_000),
    timezone: 'Asia/Shanghai',
    sellerAttempt: 1 + Math.floor(r() * 3),
    openedAt: new Date(base).toISOString(),
    food: chance(r, 0.2),
    ...(chance(r, 0.3) ? { compensation: { mode: pick(r, ['partial_refund', 'return_shipping'] as const), percent: pick(r, [20, 50, undefined]) } } : {}),
  };
  // A sum the buyer named for the refund or compensation (no extra draw: the seeded cases stay the same).
  if (facts.compensation?.percent === 20) facts.compensation.amount = 360;
  else if (facts.compensation && facts.compensation.percent === undefined) facts.compensation.amount = 85.5;
  return { facts, quotes };
}

/** The phrase of each event in the Chinese letters; it may appear only when the timeline has the type. */
const EVENT_PHRASES: Array<[TimelineType[], RegExp]> = [
  [['seller_refused'], /卖家拒绝处理|卖家答复：拒绝处理/],
  [['seller_agreed'], /卖家答复：同意处理|卖家答复：同意退款/],
  [['seller_counter_offer'], /卖家只同意部分处理/],
  [['seller_promise'], /卖家答应在约定时间内处理/],
  [['seller_stalled'], /没有给出处理方案/],
  [['seller_no_response'], /卖家一直没有回复/],
  [['seller_no_response', 'seller_refused'], /拉黑/],
  [['seller_needs_evidence'], /卖家要求补充证据/],
  [['seller_return_for_inspection'], /寄回检测/],
  [['private_deal_offered'], /私下转账|私下处理|添加其微信/],
  [['refund_missing'], /退款仍未到账/],
  [['confirm_first_asked'], /先确认收货/],
  [['platform_requested'], /我向平台申请了介入/],
  [['platform_handling'], /平台表示正在处理|平台答复：/],
  [['platform_ruled_seller'], /平台判定支持卖家|不认同平台此前的判定/],
  [['platform_ruled_buyer'], /平台判定支持我的诉求/],
  [['regulator_filed'], /我向 12315 提交了投诉/],
  [['payment_disputed'], /我向支付渠道提出了争议/],
  [['nudged'], /卖家答应的期限已过/],
  [['return_received'], /签收了我寄回的商品|签收我寄回的商品|收到退回商品之日起/],
  [['return_lost'], /丢失/],
  [['seller_refused', 'seller_stalled', 'seller_counter_offer'], /电子商务法》第二十条/],
];

const EVIDENCE_CLAIM = /已保存|已提交|已上传|一并提交|附上|保存了|随投诉上传/;
const EVIDENCE_CLAIM_EN = /have kept|submitted|Attached|uploaded with/;

function check(g: Generated, kind: (typeof DRAFT_KINDS)[number]): void {
  const { facts, quotes } = g;
  const d = writeDraft(kind, facts);
  const { body, gloss } = d;
  const { slots } = facts;
  const all = [body, gloss ?? '', d.title, ...d.notes].join('\n');

  // Always Chinese; a gloss for a non-Chinese buyer only.
  expect(body).toMatch(/[\u4e00-\u9fff]/);
  expect(gloss === null).toBe(facts.locale === 'zh-CN');

  // No evidence claim without evidence.
  if (facts.evidence.length === 0) {
    expect(body).not.toMatch(EVIDENCE_CLAIM);
    if (gloss) expect(gloss).not.toMatch(EVIDENCE_CLAIM_EN);
  }

  // Quotes only from recorded quotes (the buyer's summaries in `note` never).
  for (const m of body.matchAll(/“([^”]*)”/g)) expect(quotes, `quoted ${m[1]}`).toContain(m[1]);
  for (const s of SUMMARIES) expect(body).not.toContain(`“${s}`);
  expect(body, 'a reported reason is never quoted').not.toContain(`“${REASON}`);
  if (body.includes('拉黑')) expect(facts.timeline.some((e) => e.note === 'blocked' && (e.type === 'seller_no_response' || e.type === 'seller_refused'))).toBe(true);
  if (body.includes(REASON)) expect(facts.timeline.some((e) => (e.type === 'seller_refused' || e.type === 'seller_counter_offer') && e.reason === REASON)).toBe(true);
  // A counter-offer's words, condition and refusal only as recorded; what is withdrawn only as the buyer named it.
  const offers = facts.timeline.filter((e) => e.type === 'seller_counter_offer');
  const noted = (word: string) => offers.some((e) => e.note.split(' ').includes(word));
  expect(body, 'an offer\'s words are never quoted').not.toContain(`“${OFFER_WORDS}`);
  if (body.includes(OFFER_WORDS)) expect(offers.some((e) => e.reason === OFFER_WORDS)).toBe(true);
  if (body.includes('我没有接受这个方案')) expect(noted('refused')).toBe(true);
  if (/条件是我撤销/.test(body)) expect(noted('withdraw')).toBe(true);
  if (/条件是我撤销投诉[。：]/.test(body)) expect(noted('complaint')).toBe(true);
  if (/条件是我撤销售后申请/.test(body)) expect(noted('request')).toBe(true);

  // No event the timeline lacks.
  const types = new Set(facts.timeline.map((e) => e.type));
  for (const [need, phrase] of EVENT_PHRASES) {
    if (!need.some((t) => types.has(t))) expect(body, `${phrase} without ${need.join('/')}`).not.toMatch(phrase);
  }
  // The bot's own acts are never stated as the buyer's contact or application.
  expect(body).not.toMatch(/我在平台内联系卖家/);

  // No placeholder for a fact the record has; none at all outside 12315.
  if (kind !== 'regulator') expect(body).not.toMatch(/【请填写/);
  const has: Array<[unknown, string]> = [
    [slots.platform, '购物平台'], [slots.amountPaid, '实付金额'], [slots.receivedOn, '签收日期'],
    [slots.businessName, '营业执照上的企业名称'], [slots.businessAddress, '营业执照上的地址'], [slots.shopName, '店铺名称'],
  ];
  for (const [value, label] of has) if (value !== null && value !== undefined) expect(body).not.toContain(`【请填写：${label}】`);

  // Clean text: no template variables, no gaps.
  expect(all).not.toMatch(/\{\w+\}|undefined|null|NaN/);
  expect(body).not.toMatch(/[，,、]\s*[，,。、]|（\s*）|：\s*。|[ \t]{2,}\S/);
  expect(body).not.toMatch(/希望退货退款。我希望退货退款|想退货退款。我希望/);

  // The claim: no partial-refund offer beside 退一赔三 / 退一赔十.
  if (/第五十五条要求增加赔偿|第一百四十八条要求支付赔偿金/.test(body)) expect(body).not.toMatch(/部分退款|具体金额/);
  // The wish carries the buyer's own sum, never a vague one, and no sum the record lacks.
  const wishLines = body.split('\n').filter((l) => /我的诉求|我希望|投诉请求|办理退款/.test(l));
  const sum = facts.compensation?.amount;
  const claimed = /第五十五条|第一百四十八条/.test(body);
  if (sum !== undefined && (slots.wants === 'refund' || slots.wants === 'compensation') && !claimed && kind !== 'compensation' && kind !== 'refund_shortfall') {
    const shortfall = slots.problem === 'refund_issue' && slots.amountPaid !== null && slots.amountRefunded !== null && slots.amountPaid > slots.amountRefunded;
    if (!shortfall) expect(wishLines.join('\n'), 'the named sum in the wish').toContain(sum === 360 ? '360 元' : '85.50 元');
    expect(body, 'a vague wish beside a named sum').not.toContain('合理补偿');
  }
  for (const m of wishLines.join('\n').matchAll(/(?:部分退款|申请退款|退款) ([\d,.]+) 元/g)) {
    const short = slots.amountPaid !== null && slots.amountRefunded !== null ? Math.round((slots.amountPaid - slots.amountRefunded) * 100) / 100 : null;
    // The refund on record is stated beside the rest asked ("退还其余 … （…已退款 4.95 元）").
    expect([sum, slots.amountPaid, short, slots.amountRefunded].map((v) => (v === undefined || v === null ? null : v.toLocaleString('en-US', { maximumFractionDigits: 2, minimumFractionDigits: Number.isInteger(v) ? 0 : 2 }))), 'a sum the record lacks').toContain(m[1]);
  }
  // An agreed sum is the one on the record, and only for an agreement.
  for (const m of body.matchAll(/同意退款 ([\d,.]+) 元/g)) {
    expect(m[1], 'an agreed sum the record lacks').toBe('120');
    expect(facts.timeline.some((e) => e.type === 'seller_agreed' && e.note === 'sum:120' && !e.quote)).toBe(true);
  }
  // Payment channels refund only.
  if (kind === 'payment') expect(body).not.toMatch(/补发|换货|维修/);
  // Private C2C seller: no 消法 / 电子商务法 articles. Only where private people sell (闲鱼, other, unknown): a shop platform's seller is a business.
  const privateWhere = slots.platform === null || slots.platform === 'xianyu' || slots.platform === 'other';
  if (privateWhere && (slots.privateSeller === true || (slots.platform === 'xianyu' && slots.privateSeller !== false))) {
    expect(body).not.toMatch(/消费者权益保护法|电子商务法》第二十条|第五十五条|第一百四十八条/);
  }
  // 7-day no-reason return only inside the window.
  const w = noReasonStatus(slots.receivedOn, facts.now, facts.timezone);
  // 第二十五条's refund day is cited for a no-reason return the seller has received back, whatever the window now.
  const returned = facts.timeline.filter((e) => e.type === 'return_received').at(-1);
  if (slots.problem !== 'changed_mind' || (w.state !== 'open' && !returned)) expect(body).not.toMatch(/七天无理由退货期内|第二十五条/);
  if (returned) expect(body, 'no window once the goods went back').not.toMatch(/七天无理由退货期内|七天无理由退货期已经过了/);
  // An act told without its time is dated "no later than" the telling, never "as of" it (截至 is for a state).
  expect(body, 'an act dated 截至').not.toMatch(/截至[^，\n]*，(?:卖家(?:答复|拒绝|同意(?!的)|只同意|答应在|要求|提出|签收|把我)|我向|平台(?:判定(?!的)|答复|表示)|快递告知)/);
  // A missing refund is called agreed or ruled for only when the record holds that agreement or ruling.
  if (/同意的退款/.test(body)) expect(types.has('seller_agreed'), 'an agreement the record lacks').toBe(true);
  if (/平台判定的退款/.test(body)) expect(types.has('platform_ruled_buyer'), 'a ruling the record lacks').toBe(true);
  // A parcel the courier lost after a receipt was recorded was never signed for: no letter says it was.
  const lostAfter = facts.timeline.some((e) => e.type === 'return_lost' && returned && Date.parse(e.at) >= Date.parse(returned.at));
  if (lostAfter) expect(body, 'a lost return stated as received').not.toMatch(/签收了我寄回|签收我寄回|收到退回商品之日起/);
  const due = /不晚于(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(body);
  if (due) {
    // Seven days counted from the day after the seller received the return.
    expect(slots.problem).toBe('changed_mind');
    const day = returned!.happenedAt ?? returned!.at;
    const received = new Date(new Date(day).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const lastDay = new Date(Date.parse(`${received}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
    expect(`${due[1]}-${due[2]!.padStart(2, '0')}-${due[3]!.padStart(2, '0')}`).toBe(lastDay);
  }
  // No photos or unboxing for a parcel that never arrived; no signed-for record before shipping.
  if (slots.problem === 'not_received' && facts.evidence.length === 0) expect(body).not.toMatch(/照片|开箱/);
  if (slots.shipped === false) expect(body).not.toMatch(/签收/);
  // Each event once: no two numbered lines alike, no recorded quote listed twice.
  const numbered = body.split('\n').filter((l) => /^\d+\. /.test(l)).map((l) => l.replace(/^\d+\. /, ''));
  expect(new Set(numbered).size, 'an event line listed twice').toBe(numbered.length);
  for (const q of new Set(quotes)) expect(body.split(`“${q}”`).length - 1, `“${q}” quoted twice`).toBeLessThanOrEqual(1);
  // What the buyer can provide comes from the checklist for this problem: food labels only for food.
  const offered = /(?:我可以提供|我可以补充提供|可提供的证据)：([^。]*)。/.exec(body)?.[1] ?? '';
  // Nothing logged: only records any buyer can fetch from the platform are offered, never a photo,
  // a video, a report or a note the buyer did not mention.
  if (facts.evidence.length === 0) expect(offered, 'evidence offered that the buyer never mentioned').not.toMatch(/照片|视频|鉴定报告|文字记录|未开封|发票|寄件凭证/);
  if (!facts.food || !['quality', 'counterfeit', 'not_as_described', 'other'].includes(slots.problem ?? 'other')) {
    expect(offered, 'food evidence for non-food').not.toMatch(/生产日期|保质期|批次号|未开封/);
  }
  // The problem line: the goods' problem only, in Chinese: no English words, no "原话", no sums, no story of who did what.
  const problemLine = /(?:问题是|问题|退货原因)：([^\n]*)/.exec(body)?.[1] ?? '';
  expect(problemLine, 'English or a quotation in the problem line').not.toMatch(/[A-Za-z]{4,}|原话/);
  // (Recorded amounts may describe a short refund, alone or after the buyer's words: "退款金额不足（实付…）".)
  expect(problemLine.replace(/退款金额不足（[^）]*）/, ''), 'a sum in the problem line').not.toMatch(/\d+\s*(?:元|块)|多块|花了/);
  expect(problemLine, 'a story in the problem line').not.toMatch(/卖家说|申请了平台介入|平台判/);
  // The order number appears exactly where it belongs, not repeated in the buyer's words.
  if (slots.orderId && kind !== 'refund_shortfall') expect(body.split(slots.orderId).length - 1, 'order number once').toBe(1);
}

describe('every draft states only what its record holds (property, seeded)', () => {
  it(`${CASES} generated cases × ${DRAFT_KINDS.length} drafts (seed ${SEED})`, () => {
    const r = rng(SEED);
    for (let i = 0; i < CASES; i++) {
      const g = generate(r);
      for (const kind of DRAFT_KINDS) {
        try {
          check(g, kind);
        } catch (err) {
          (err as Error).message = `case #${i} (seed ${SEED}), ${kind}, ${g.facts.locale}:\n${writeDraft(kind, g.facts).body}\n\n${(err as Error).message}`;
          throw err;
        }
      }
    }
  });
});
