/** What went wrong, as one of the CONTRACTS.md §1 problem codes. */
import type { Problem } from '../domain/index.ts';
import type { Evidence } from './types.ts';
import { Chars, markedAt, quoteAt, reach, type Scan } from './scan.ts';
import { en } from './lexicon/en.ts';
import { zh } from './lexicon/zh.ts';
import { frameProblems, isFood } from './frames.ts';

const BREAKAGE: ReadonlySet<string> = new Set([...zh.breakage, ...en.breakage]);
const NOT_ARRIVED: ReadonlySet<string> = new Set([...zh.notArrived, ...en.notArrived]);
const DECISION: ReadonlySet<string> = new Set([...zh.decision, ...en.decision]);

/** How far back a money cue may stand from "还没收到" and still be what has not arrived. */
const MONEY_WINDOW = 8;
/** "到哪了": where the parcel is, asked. */
const TRACK_QUERY = /^(?:到哪了|到哪里了|到哪儿了)$/;
/** Goods that arrive as a credit: a top-up "not credited" is goods not delivered, not money owed back. */
const TOPUP = /话费|充值|充了|充的|点券|钻石|q币|游戏币|会员|流量|电费|燃气费|top.?up|credits?/;
const REFUND_WORD = /退款|退钱|退回|返还|refund/;
/** The buyer opened the parcel: what is inside was received. */
const OPENED = /拆开|打开|开箱|拆箱|一拆|拆了|里面是|里头是|opened|unboxed/;
const BREAK = new Chars('。！？!?；;\n，, ');
const SENTENCE = new Chars('。！？!?；;\n');

/** A service or rule the buyer may ask about without anything having gone wrong. */
const PROCESS_TOPIC = /^(?:七天无理由|7天无理由|无理由|价保|保价|上门取件|取件|发票|开发票|专票|开票|安装费?)$/;
/** An invoice is asked about only before buying: after it, a missing invoice is a trouble (LABELS: other). */
const INVOICE = /发票|专票|开票/;
const BEFORE_BUYING = /还没(?:下单|买|拍|付款)|没下单|下单前|买之前|先问问/;
/** Asked about: who pays, how or where to do it, whether it is offered. */
const ASKED_ABOUT = /谁出|谁付|谁承担|由谁|怎么(?:申请|弄|操作|约|预约|开|办)|如何|在哪|哪里|有没有|能不能|可不可以|支不支持|[可能]以?[^，,。！!；;]{0,8}[吗么][？?]?$|支持[^，,。！!；;]{0,8}[吗么]|[？?]$/;
/** Refused or missing before the topic ("不给开发票", "没有上门取件"): a complaint, not a question. */
const DENIED_BEFORE = /[不没拒]/;
/** The buyer's parcel going back to the seller, named before a delivery trouble. */
const RETURN_PARCEL = /退货(?:的)?(?:快递|包裹|件|物流|单号)|退货寄|寄回(?:去|给)|寄回的|退回去的|退回的(?:快递|包裹|件)|退件|寄还|返厂|退(?:回|还)给(?:商家|卖家|店家)/;
/** "商家说这款没货了": the seller's stock, as the seller reports it, not a parcel that did not come. */
const OUT_OF_STOCK = /没货|缺货|断货|没库存/;
const SELLER_SAYS = /说|告诉我|通知|表示|回复/;
/** How far around a hit the return parcel or the ruling is looked for (bounded: many hits stay linear). */
const NEAR = 40;
/** A ruling reported: the rejection is the platform's decision, told as an outcome. */
const RULING = /判|裁定|裁决|仲裁|小二|平台介入/;
/** Rot only time and the goods themselves cause: mould, decay, a smell. Never done in transit. */
const SPOILED = /发霉|长毛|长霉|霉斑|霉点|霉味|腐烂|变质|发臭|馊|不新鲜|mou?ldy|rotten/;

/** A money cue ("退款", "钱") ends shortly before `pos`, in the same clause. */
function moneyBefore(s: Scan, pos: number): boolean {
  for (let d = 0; d <= MONEY_WINDOW && pos - d >= 0; d++) {
    const at = pos - d;
    if (d > 0 && BREAK.has(s.norm.charCodeAt(at))) return false;
    if (s.cueEndingAt.get(at)?.includes('money')) return true;
  }
  return false;
}

/**
 * The words at [start, end) name a service or rule the buyer asks about, with no fault named in
 * them ("家具的安装费谁出", "还没下单，能开专票吗", "怎么申请保价"): no problem, and no remedy asked for.
 */
export function asksAboutService(s: Scan, start: number, end: number): boolean {
  const key = s.norm.slice(start, end);
  if (!PROCESS_TOPIC.test(key) || DENIED_BEFORE.test(s.norm.slice(Math.max(0, start - 3), start))) return false;
  if (INVOICE.test(key) && !BEFORE_BUYING.test(s.norm)) return false;
  return ASKED_ABOUT.test(s.norm.slice(reach(s.norm, start, -1, SENTENCE, 40), reach(s.norm, end, 1, SENTENCE, 40)));
}

/** The message asks about a service (see `asksAboutService`) where the rules saw a problem word. */
export function asksOnlyAboutService(s: Scan): boolean {
  return s.problem.some((h) => asksAboutService(s, h.start, h.end));
}

/** The outer packing came through whole. */
const PACK_INTACT = /(?:外?包装|外箱|外盒|纸箱|箱子|盒子|快递盒|快递箱)(?:外面|外表|本身)?(?:都|倒是|倒|是|也|看着|看起来)?(?:完好|好好的|好好地|完整|没坏|没破|没有破|没有坏|没问题|没有问题|无破损|没有任何破损|一点没坏)/;

/** A remedy word ("退款", "换货") ends at `pos`, or one character before it ("退款也不行"). */
function remedyEndsAt(s: Scan, pos: number): boolean {
  for (const w of s.wants) if (w.end === pos || (w.end === pos - 1 && '也都就还是'.includes(s.norm[pos - 1]!))) return true;
  return false;
}

/**
 * The code a problem hit stands for in this message. A break (断了, 裂了) is transit damage
 * when the message speaks of arrival and not of use, a defect when the item was in use; a
 * "not arrived" right after the refund ("退款还没收到") is a refund that has not arrived.
 */
function codeOf(s: Scan, h: Scan['problem'][number]): { c: Problem | null; w: number } {
  const r = codeOfHit(s, h);
  // "外包装完好", "箱子倒是好好的": the parcel came through whole, so what is wrong inside was not done in transit.
  return r.c === 'damaged' && PACK_INTACT.test(s.norm) ? { c: 'quality', w: r.w } : r;
}

function codeOfHit(s: Scan, h: Scan['problem'][number]): { c: Problem | null; w: number } {
  const { c, w } = h.value;
  if (c === null) return { c, w };
  const key = s.norm.slice(h.start, h.end);
  // "烂了好几个 还长毛", "烂了一半 有的发霉": rot with mould is spoiled goods, not goods broken on the way.
  if (c === 'damaged' && key.startsWith('烂') && SPOILED.test(s.norm)) return { c: 'quality', w };
  if ((c === 'damaged' || c === 'quality') && BREAKAGE.has(key)) {
    if (s.has.has('in_use')) return { c: 'quality', w };
    if (s.has.has('transit')) return { c: 'damaged', w };
  }
  if (c === 'not_received' && NOT_ARRIVED.has(key) && moneyBefore(s, h.start)) return { c: 'refund_issue', w: Math.max(w, 3.5) };
  if (c === 'refund_issue' && key.includes('到账') && TOPUP.test(s.norm) && !REFUND_WORD.test(s.norm)) return { c: 'not_received', w };
  // "帮我查下…到哪了": a tracking query with no complaint is no problem yet.
  if (c === 'not_received' && TRACK_QUERY.test(key) && /查/.test(s.norm.slice(Math.max(0, h.start - 30), h.start)) && !s.has.has('unresolved')) return { c, w: 0 };
  // "打开发现里面是别人的衣服": the parcel is in the buyer's hands and opened, so someone else's goods
  // inside it are a wrong item, not a parcel delivered elsewhere.
  if (c === 'not_received' && key.startsWith('别人的') && OPENED.test(s.norm)) return { c: 'wrong_item', w: Math.max(w, 3) };
  if (asksAboutService(s, h.start, h.end)) return { c, w: 0 };
  // "寄回给卖家的包裹卡在半路": the return parcel's trouble is return logistics (LABELS: other).
  if (c === 'not_received' && !key.includes('发') && RETURN_PARCEL.test(s.norm.slice(Math.max(0, h.start - NEAR), h.end))) return { c: 'other', w: Math.max(w, 3) };
  if (c === 'not_received' && OUT_OF_STOCK.test(key) && SELLER_SAYS.test(s.norm.slice(Math.max(0, h.start - 10), h.start))) return { c: 'other', w: Math.max(w, 3) };
  // "平台判卖家赢，退款申请被驳回", "判我赢了，退款成功": the ruling is reported (the seller's reply), no fault of the goods.
  if (c === 'refund_issue' && /驳回|被拒|成功/.test(key) && RULING.test(s.norm.slice(Math.max(0, h.start - NEAR), h.end + NEAR))) return { c, w: 0 };
  // "仅退款不行", "换货不行的": a remedy refused, not goods that do not work.
  if (c === 'quality' && key === '不行' && remedyEndsAt(s, h.start)) return { c, w: 0 };
  return { c, w };
}

/** The order has not shipped yet, said as a state. */
const NOT_SHIPPED_STATE = /^(?:还没发货|没发货|还没发|未发货|还没有发货|没有发货|待发货|还没发出|没发出|还没寄出)$/;
/** Words of a delivery complaint: waiting, days gone, urging. */
const COMPLAINT = /一直|迟迟|都[一二两三四五六七八九十几\d]{1,3} ?(?:天|周|个月)|[一二两三四五六七八九十几\d]{1,3} ?(?:天|周|个月)了|怎么还|催|说好|承诺|超过|太慢|好久/;

const COND_MAX = 16;
const COND_END = new Chars('。！？!?；;\n，, 就');

/**
 * Conditional clauses ("没效果的话就退款", "如果还没发货就取消", "if it still doesn't work"): what they
 * describe may not have happened. Ranges are bounded by the clause and COND_MAX, so the cost stays linear.
 */
function conditionalRanges(s: Scan): [number, number][] {
  const out: [number, number][] = [];
  for (const c of s.cue) {
    if (c.value.c !== 'conditional' || out.length >= 16) continue;
    if (s.norm.slice(c.start, c.end) === '的话') {
      out.push([reach(s.norm, c.start, -1, BREAK, COND_MAX), c.start]);
    } else {
      out.push([c.end, reach(s.norm, c.end, 1, COND_END, COND_MAX)]);
    }
  }
  return out;
}

/**
 * The problem the buyer describes: the strongest keyword wins, the earliest on a tie.
 * Words quoted from the seller or courier still count ("送货的说洒出来了" is a leak).
 */
/** Verbs before 错 that name the buyer's own slip in writing or typing. */
const OWN_SLIP: ReadonlySet<string> = new Set([...'打写填输记抄']);

export function extractProblem(s: Scan): { value: Problem; evidence: Evidence; reported: boolean } | null {
  const hits = s.problem.concat(frameProblems(s));
  const coded: { h: Scan['problem'][number]; c: Problem; w: number; reported: boolean }[] = [];
  const cond = conditionalRanges(s);
  for (const h of hits) {
    const { c, w: weight } = codeOf(s, h);
    let w = weight;
    // A symptom inside a conditional clause is a supposition: weak ones ("不行的话") say nothing.
    if (c !== null && cond.some(([a, b]) => h.start >= a && h.end <= b)) w = w <= 1.5 ? 0 : w * 0.3;
    // What the seller tells the buyer to do ("让我先给个好评", "叫我拍照片过去") describes no fault of the goods.
    if (c !== null && quoteAt(s, h.start)?.kind === 'instruct') w = 0;
    // The seller's or platform's words ("卖家说是人为损坏", "客服说：正品保证") are their claim, not the buyer's report.
    const reported = c !== null && (quoteAt(s, h.start) ?? markedAt(s, h.start))?.kind === 'quote';
    if (reported) w *= 0.5;
    // "订单号打错了", "刚才写错了": the buyer's own slip in typing, not goods sent wrong.
    if (c === 'wrong_item' && s.norm.slice(h.start, h.end) === '错' && OWN_SLIP.has(s.norm[h.start - 1] ?? '')) w = 0;
    if (c !== null) coded.push({ h, c, w, reported });
  }
  // "拍重复了 还没发货 麻烦直接退款", "买多了用不完 还没发货 可以仅退款吗": a bare "not shipped yet"
  // state beside the buyer's own reason or decision is the condition for cancelling, not a
  // complaint. A complaint says so ("一直不发货", "都十天了还没发货") and is not a bare state.
  const mind = coded.find((x) => x.c === 'changed_mind' && x.w >= 1.5);
  if (mind && !COMPLAINT.test(s.norm)) {
    for (const x of coded) {
      if (x.c === 'not_received' && NOT_SHIPPED_STATE.test(s.norm.slice(x.h.start, x.h.end))) x.w = Math.min(x.w, mind.w - 0.1);
    }
  }
  // A decision ("不要了", "我不要了") next to another problem is the buyer's reaction to it,
  // not a reason of their own: "一直不发货 我不要了" is not_received.
  const otherThanMind = coded.some((x) => x.c !== 'changed_mind' && x.w >= 2);
  if (otherThanMind) {
    for (const x of coded) if (x.c === 'changed_mind' && DECISION.has(s.norm.slice(x.h.start, x.h.end))) x.w = Math.min(x.w, 1);
  }
  // "补偿就算了": the decision is about a remedy, not the item.
  for (const x of coded) {
    if (x.c === 'changed_mind' && DECISION.has(s.norm.slice(x.h.start, x.h.end)) && s.wants.some((w) => w.start === x.h.end)) x.w = 0;
  }
  // Physical damage seen on arrival ("外箱撞凹了 … 屏幕一条竖线") is transit damage, even when a
  // defect word is stronger: the break came first. Not when the item was in use.
  const arrival = s.has.has('transit') && !s.has.has('in_use');
  let best: (typeof coded)[number] | null = null;
  let bestDamage: (typeof coded)[number] | null = null;
  for (const x of coded) {
    if (x.w <= 0) continue;
    if (!best || x.w > best.w) best = x;
    if (x.c === 'damaged' && x.w >= 2.5 && (!bestDamage || x.w > bestDamage.w)) bestDamage = x;
  }
  // Not when the fault is rot: mould and decay come from the goods, however they travelled.
  if (best && bestDamage && arrival && best.c === 'quality' && !SPOILED.test(s.norm.slice(best.h.start, best.h.end))) best = bestDamage;
  if (!best) return null;
  return {
    value: best.c,
    evidence: { span: s.text.slice(best.h.start, best.h.end), confidence: Math.min(0.95, 0.35 + best.w * 0.17) },
    reported: best.reported,
  };
}

/** A prepaid service: a card, a membership, a course, a stored balance. */
const PREPAID = /[年月季次]卡|会员卡|健身卡|储值|预付|充值卡|会员|私教|课程|课时|网课|培训|健身房|美容院|理发店|游泳馆/;
/** The business shut or vanished: "关门了", "倒闭", "跑路", "人去楼空". */
const SHUT = /关门|倒闭|跑路|停业|闭店|歇业|人去楼空|卷款|搬走了|找不到人/;
/** The seller said no to a refund asked: "申请退款 说开课了不退", "拒绝退款", "概不退款". */
const REFUND_REFUSED = /(?:申请|要求|要)(?:了)?退款[^。！？!?]{0,30}?(?:不退|不给退|不能退|不支持退|概不退|拒绝|不同意)|拒绝(?:了)?(?:我的?)?退款|概不退款|不予退款/;
/** Words of a refund late or short, which stays a refund problem whoever refused what. */
const REFUND_LATE = /没到账|未到账|还没到|没收到退款|退款中|少退|只退了|到账/;

/**
 * A problem shape the keywords and the classifier read as something else: mould or decay on food
 * ('quality': spoiled, not transit damage), a prepaid service whose business shut ('not_received':
 * the service is not provided), or a refund the seller refused ('refused': the seller's answer, not
 * a refund problem). Null when none.
 */
export function statedProblem(s: Scan): 'not_received' | 'quality' | 'refused' | null {
  const norm = s.norm;
  // Mould or decay on food is never done in transit, whatever else arrived squashed.
  if (SPOILED.test(norm) && isFood(s)) return 'quality';
  if (SHUT.test(norm) && PREPAID.test(norm)) return 'not_received';
  return REFUND_REFUSED.test(norm) && !REFUND_LATE.test(norm) ? 'refused' : null;
}
