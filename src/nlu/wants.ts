/** What the buyer asks for, as one of the CONTRACTS.md §1 wants codes. */
import type { Problem, Wants } from '../domain/index.ts';
import type { Evidence } from './types.ts';
import { Chars, cueBefore, markedAt, quoteAt, reach, type Scan } from './scan.ts';
import { normalize } from './normalize.ts';
import { asksAboutService } from './problem.ts';

/**
 * The remedy the buyer wants: the firmest, then the first one named.
 *
 * - Negated remedies do not count ("不要换货，直接退款" → refund).
 * - The seller's words are not the buyer's wish, quoted ("店家说明天给我补寄") or between quote
 *   marks, nor what the seller tells the buyer to do or offers ("让我申请退款", "卖家愿意赔十块").
 * - A remedy asked about ("换货要多久"), already carried out or reported as a status or ruling is no wish.
 * - "只能维修" is a complaint about the only option, not a wish.
 * - A refund problem with no remedy named asks for the money owed → refund.
 */
/** Postage, its insurance, a price difference: money owed for these is compensation, not the price refunded. */
const POSTAGE = /运费|邮费|快递费|差价|差额|赔|shipping|price difference/;
/** The price itself is owed back ("退款少了", "钱没退"). */
const REFUND_MONEY = /退款|钱|货款|只退|少退|退了|refund|money/;

/** A return told as history or status, not asked for: "退货都签收了", "退货的快递", "显示退回了", "退货运单", "别人退回来的". */
const RETURN_AFTER = /^(?:都|已|的|单|运单|物流|快递|签收|是商家|时|的时候|中|运费|邮费|寄回去了|寄回了|寄走了|寄出|约了|地址(?:填|写|错|不对|改)|寄错|去了?[，,。 ]|了[，,。 ]|来的)/;
const RETURN_BEFORE = /(?:显示|变成|被|我在.{0,6}|已经|已|不同意|拒绝|支持了?(?:我的?)?|判了?(?:我的?)?)$/;
/** A refund named as a state or as the seller's decision, not asked for. */
const REFUND_AFTER = /^(?:被|显示|中|金额|失败|关闭|成功|进度|记录|申请提交|申请被|已经|已)/;
const REFUND_BEFORE = /(?:拒绝|驳回|不给|不同意|显示|一直显示|判了?|判定|支持了?(?:我的?)?(?:仅)?)$/;
/** The buyer's next step is escalation (平台介入, 投诉): no remedy is asked for. */
const ESCALATE = /平台介入|小二介入|客服介入|介入中|仲裁|审核中|投诉|12315|举报|找平台/;

/**
 * The remedy as what the other side agreed to ("卖家同意换货了", "店家答应给我补发", "they agreed to
 * refund"): their answer (the seller-reply reading), not the buyer's wish. The buyer agreeing ("我同意换货") is.
 */
const AGREED_BEFORE = /(?<!我)(?:同意|答应|愿意|批准|允许|agreed to|approved)(?:了|给我|帮我|我|给|帮| )*(?:仅|先|直接|免费|a )?$/;

/** What follows a swap the buyer tried: the fault stays ("…也一样", "…还是不行"). */
const TRIED_SWAP_AFTER = /^[^，。,.!！?？]{0,6}?(?:也一样|还是一样|都一样|也不行|还是不行|也是这样|还是这样)/;

/** A negation a few words before a remedy: "不用整套换", "不要再换了". */
const NEG_GAP = /(?:不用|不要|不想|不需要|没必要)[^，。,.!！?？ ]{0,3}$/;
/** Money before a "补…" remedy: "差价补给我", "那笔钱你们得补给我" is compensation, not a reship. */
const MONEY_BEFORE = /钱|运费|差价|费用?|\d ?块|\d ?元|元/;

/** A wish of its own between money and 补 ("89元 要求补发"): the price told, then the goods asked for. */
const ASKS_BETWEEN = /要求|希望|申请|麻烦|请|我要|想要|\s/;
/** Money is what "补" takes ("差价补给我"): no wish of its own after the last money word. */
const MONEY_WORDS = new RegExp(MONEY_BEFORE.source, 'g');
function moneyObject(before: string): boolean {
  let last = -1;
  MONEY_WORDS.lastIndex = 0;
  for (let m = MONEY_WORDS.exec(before); m; m = MONEY_WORDS.exec(before)) last = m.index + m[0].length;
  return last >= 0 && !ASKS_BETWEEN.test(before.slice(last));
}

/**
 * A replacement asked for by its shape rather than the word 补发: "给我补六片", "寄个新滤芯过来",
 * "麻烦再发两个过来", "重新寄一条加长的", "叫卖家把少的螺丝寄过来". Bounded patterns, linear.
 */
const RESHIP_SHAPES = /补(?:发)?[一二两三四五六七八九十几\d]{1,3} ?(?:个|根|片|只|件|套|瓶|盒|双|条|台|包|袋|支|张|本)|(?:寄|发)(?:一个|一|个|[二两三四五六七八九十几\d]{1,2}个?)(?:新的?)?[\u4e00-\u9fffa-z]{0,4}?过来|重新(?:寄|发)(?:一|个|一个)(?:[个根片只件套瓶盒双条台包袋支张本])?|(?:让|叫|要)(?:商家|卖家|店家|客服)(?:把[^，,。！!？?]{1,6})?(?:寄|发|补)(?:过来|给我)/g;
/**
 * Money back for the faulty or missing part only, the goods kept: "坏掉的那部分退钱给我", "烂的部分退款就行",
 * "退漏发的那几个的钱", "把少给的那份退了", "不要全退，…".
 */
const PARTIAL_SHAPE = /(?:坏|烂|破|碎|有问题|不能用)[了掉]?的(?:那)?一?部分[^，。,.!！?？]{0,3}?退(?:钱|款)?|退(?:掉|回)?(?:少|缺|漏|没)(?:送|发|给|寄|装)?了?的(?:那)?(?:一)?(?:部分|份|几?[件个份样盒瓶杯袋])|(?:少|缺|漏|没)(?:送|发|给|寄|装)?了?的(?:那)?(?:一)?(?:部分|份|几?[件个份样盒瓶杯袋])[^，。,.!！?？]{0,4}?退|(?:不是|不要|不用)全(?:额)?退/;
/**
 * The goods kept and money paid for what is wrong with them: "不退货，坏的按单价赔我", "货不用寄回，
 * 补我差价就行", "我说了不退货 就要赔漏的那些". A partial refund, never the return it says no to
 * ("不退货了，只退钱" is the whole money back: a refund).
 */
const KEEPS_GOODS_PAID = /(?:不退货|不用退货|不要退货|不想退货|不退回|不寄回|不用寄回|货不退|货不用退|东西留着|货留着)[^。！？!?]{0,24}?(?:赔|补|返)/;
/** A figure in the buyer's sum: not a count ("67个"), a unit price ("每把20", "单价3.5") or the jiao of "3块75". */
const FIGURE = /(\d{1,6}(?:\.\d{1,2})?)(?!\d|\s?[个件箱只把瓶双套盒包袋条支张台斤])/g;
const PER_UNIT_BEFORE = /(?:每[^\d，,。]{0,3}|一个|单价|块)\s?$/;

/**
 * The sum asked for the faults of goods kept ("不退货，漏的三瓶赔我，一共59.7"): the last figure after
 * the words, when it is a total; null when none is, or when the last is a price per piece.
 */
export function keptGoodsSum(text: string): number | null {
  const norm = normalize(text.length > 2000 ? text.slice(0, 2000) : text);
  const kept = KEEPS_GOODS_PAID.exec(norm);
  if (!kept) return null;
  let last: RegExpExecArray | null = null;
  for (const m of norm.slice(kept.index).matchAll(FIGURE)) last = m;
  if (!last || PER_UNIT_BEFORE.test(norm.slice(kept.index, kept.index + last.index))) return null;
  const v = Number(last[1]);
  return Number.isFinite(v) && v > 0 ? v : null;
}

/** What follows names a fallback, a second choice or an extra, not the wish: "我要退钱，不然就补发一个", "要么换，要么补偿", "要么补三个要么退钱". */
const FALLBACK = /要不然|不然|否则|不行的话|实在不行|再不济|要么|或者|另外/;

function shapeWants(s: Scan): Scan['wants'] {
  const out: Scan['wants'] = [];
  const sum = PARTIAL_SUM.exec(s.norm);
  if (sum) out.push({ start: sum.index, end: sum.index + sum[0].length, value: { k: 'wants', c: 'compensation', w: 3.5 } });
  RESHIP_SHAPES.lastIndex = 0;
  for (let m = RESHIP_SHAPES.exec(s.norm), n = 0; m && n < 4; m = RESHIP_SHAPES.exec(s.norm), n++) {
    out.push({ start: m.index, end: m.index + m[0].length, value: { k: 'wants', c: 'reship', w: 3 } });
  }
  return out;
}

/**
 * The refund was granted or shown as done and the buyer asks how to trace it or was told to wait:
 * a request for information, not for a remedy ("退款显示已完成…请问要去哪里查").
 */
const ASKS_HOW = /怎么办|哪里查|去哪|怎么查|凭证|答复|让我等|叫我等|等银行|how do i|what (?:should|do) i/;
const GRANTED = /(?:退款|refund|退货退款)[^。！？!?，,]{0,4}(?:完成|成功|success|已经处理|处理了|已处理)|(?:同意|判了?|批准|通过)了?(?:退款|refund)|(?:退款|refund)(?:申请)?(?:已)?通过/;

/** A question about who pays, how long, or whether it is safe: information asked, not a remedy. */
const PROCESS_QUESTION =
  /谁出|谁付|谁承担|谁负责|多久|寄到哪|寄回哪|寄去哪|寄哪|还是你们|还是我(?:先|自己)|有没有(?:保修|保固|质保)|(?:保修|保固|质保)(?:吗|期|几年|多长)|return address|where (?:do|should) i (?:send|ship|return)|多长时间|几耐|多耐|(?:几|多少)天(?:能|会|可以|才)?(?:收到|到账|到)|什么时候(?:能|会|可以|才)?(?:收到|到账|到)|靠谱吗|正常吗|流程|区别|要带|需要带|指定快递|要不要(?:重新)?付|要自己(?:付|出|承担)|是不是要|who pays|how long|is it safe|difference between|still possible|do i need/;
/** A wish said in the same clause: the question is how to get what the buyer asks for. */
const WISH_MARK = /我要|我想|想要|要求|申请|给我|帮我|麻烦|必须|赶紧|i want|i need|please/;
const SENTENCE_END = new Chars('。！？!?；;\n');

/** How far a clause or sentence is read around a remedy (bounded, so that many remedies stay linear). */
const SENTENCE_MAX = 40;
const CLAUSE_END = new Chars('，,。！？!?；;\n');
/** The remedy's clause is a supposition ("换货的话", "如果退货"): the question after it is about that case. */
const SUPPOSING = /的话|如果|要是|假如|\bif\b/;

/** The text around [start, end) up to the nearest boundary in `stops` on each side (bounded), the boundary after it included. */
function around(norm: string, start: number, end: number, stops: Chars): string {
  return norm.slice(reach(norm, start, -1, stops, SENTENCE_MAX), Math.min(norm.length, reach(norm, end, 1, stops, SENTENCE_MAX) + 1));
}

/**
 * The remedy at [start, end) is asked about, not asked for: its own clause asks about the process
 * with no wish in it ("换货要多久"), or it is a supposition in a sentence that does ("寄回去的话，邮费算谁的？").
 * "换货，新的多久能发？" states the wish in a clause of its own, then asks.
 */
function asksProcess(norm: string, start: number, end: number): boolean {
  const clause = around(norm, start, end, CLAUSE_END);
  if (PROCESS_QUESTION.test(clause)) return !WISH_MARK.test(clause.replace(ASKING, ''));
  if (!SUPPOSING.test(clause)) return false;
  const sentence = around(norm, start, end, SENTENCE_END);
  return PROCESS_QUESTION.test(sentence) && !WISH_MARK.test(sentence.replace(ASKING, ''));
}

/** Words that take the money off the platform. */
const OFF_PLATFORM_BEFORE = /私下|加(?:我|他|她|个)?(?:的)?(?:企业)?微信|微信(?:上|里|那边)|不走平台|平台外|线下|(?:支付宝|微信|银行卡)(?:直接)?转(?:给)?我|二维码|扫码/;

/** The text before `pos`, back to the last of `stops` (at most `max` characters). */
function backTo(norm: string, pos: number, stops: Chars, max: number): string {
  return norm.slice(reach(norm, pos, -1, stops, max), pos);
}

/** A repair word naming the place, the person or a car's repair: "修理店", "维修点", "维修师傅", "修车的". */
const REPAIR_PLACE_AFTER = /^(?:车|店|铺|厂|点|部|师傅|工|中心|站|行)/;
/** The repair is what was bought ("团购的手机维修", "预约了空调维修"): the service, not the wish. */
const SERVICE_BOUGHT_BEFORE = /(?:团购|购买|买|预约|约|下单|订|购)(?:了|的|了个|了一个)?[^，。,.!！?？\s]{0,6}$/;

function repairShopOrService(s: Scan, h: Scan['wants'][number]): boolean {
  const before = s.norm.slice(Math.max(0, h.start - 10), h.start);
  return REPAIR_PLACE_AFTER.test(s.norm.slice(h.end, h.end + 4)) || s.norm[h.start - 1] === '汽' || SERVICE_BOUGHT_BEFORE.test(before);
}

/** Every repair word in the message names a repair shop or the repair service bought: no repair is asked for. */
export function repairNamedOnly(s: Scan): boolean {
  const repairs = s.wants.filter((h) => h.value.c === 'repair');
  return repairs.length > 0 && repairs.every((h) => repairShopOrService(s, h));
}

/** Whether the message names a repair service bought, read once a scan (remedyOf asks it for every remedy). */
const serviceBought = new WeakMap<Scan, boolean>();
function repairServiceBought(s: Scan): boolean {
  let known = serviceBought.get(s);
  if (known === undefined) serviceBought.set(s, (known = REPAIR_SERVICE.test(s.norm)));
  return known;
}

const REPAIR_SERVICE = /(?:团购|预约|约了|下单|买)(?:了|的)?[^，。,.!！?？]{0,6}(?:维修|修理)/;

/** The remedy names the goods that came of it: "补发的这个", "换的那台也坏了". */
const THE_GOODS_AFTER = /^的(?:这|那|也|还|又|已|都|东西|货|快递|包裹|[个件台只双部套])/;

/** "算了我找人修一下", "拿去外面修了": a repair the buyer sees to, not one asked of the seller. */
const OWN_REPAIR_BEFORE = /(?:自己|自行|找人|拿去外面|去外面|找师傅)(?:去|拿去|动手)?$/;

/**
 * A ruling earlier in the sentence ("平台判了退款退货", "判定支持我退货", "ruled a full refund"): the
 * remedy is what was decided, not asked for, unless the buyer then says they want it.
 */
const RULING = /(?:平台|小二|客服|官方|仲裁)[^，。,.!！?？]{0,8}判(?!断)|判(?:了|定|决|咗|下来|给)|裁定|裁决|胜诉|\bruled\b/g;
const WISH_AFTER_RULING = /我要|我想要|要求|坚持|i want|i need/;
function ruledBefore(norm: string, start: number): boolean {
  const from = reach(norm, start, -1, SENTENCE_END, SENTENCE_MAX);
  const before = norm.slice(from, start);
  let end = -1;
  RULING.lastIndex = 0;
  for (let m = RULING.exec(before); m; m = RULING.exec(before)) end = m.index + m[0].length;
  return end >= 0 && !WISH_AFTER_RULING.test(before.slice(end));
}

/** Where the last sentence's words end: before the closing marks ("…退一半的钱。"). */
function textEnd(norm: string): number {
  let end = norm.length;
  while (end > 0 && (SENTENCE_END.has(norm.charCodeAt(end - 1)) || norm[end - 1] === ' ')) end--;
  return end;
}

/** "我想问一下…", "想请问": asking, not wishing (the text is already folded to Simplified). */
const ASKING = /我?想(?:请?问|咨询|了解|知道)/g;

/** A remedy already carried out ("已经给我补发了", "商家已经换了新的"): history, not a wish. */
const DONE_BEFORE = /已经?[^，。,.!！?？]{0,6}$/;
const DONE_AFTER = /^(?:了|过了|好了)/;

/**
 * A small sum asked for the trouble, the goods kept ("每件补我10块", "返个20块就行", "退一半吧"):
 * compensation, whatever the verb.
 */
const PARTIAL_SUM = /(?:补|返|赔)我?(?:个|一共)?[\d一二两三四五六七八九十几]{1,4} ?(?:块|元|rmb)|退(?:一半|半价|个?\d{1,3} ?(?:块|元)(?:意思|就行|就算|算了))/;

/** The wish a hit stands for here, or null when it is history, a status or negated at a distance. */
function remedyOf(s: Scan, h: Scan['wants'][number]): Wants | 'status' | null {
  const c = h.value.c;
  if (c === null) return null;
  const after = s.norm.slice(h.end, h.end + 4);
  const before = s.norm.slice(Math.max(0, h.start - 10), h.start);
  if (c === 'return_refund' && (RETURN_AFTER.test(after) || RETURN_BEFORE.test(before))) return null;
  // The refund as a status or the seller's act: "退款申请被拒了", "拒绝退款", "卖家同意退款了可是到现在还显示退款中".
  if (c === 'refund' && s.norm.slice(h.start, h.end) === '退款' && (REFUND_AFTER.test(after) || REFUND_BEFORE.test(before))) return 'status';
  if ((c === 'exchange' || c === 'reship' || c === 'repair') && NEG_GAP.test(before)) return null;
  // "换成13600004321": a contact detail changed, not an exchange.
  if (c === 'exchange' && /^ ?\d/.test(after)) return null;
  // "试了换手机也一样", "换了个插座还是不行": a swap the buyer tried to test the fault, not a wish.
  if (c === 'exchange' && (/试(?:了|过)?$/.test(before) || TRIED_SWAP_AFTER.test(s.norm.slice(h.end, h.end + 10)))) return null;
  if (AGREED_BEFORE.test(before) && !/不$/.test(before.replace(AGREED_BEFORE, ''))) return null;
  // "加他微信私下退给我", "在企业微信那边直接退款": money off the platform is the other side's offer (LABELS: private_transfer).
  if ((c === 'refund' || c === 'compensation') && OFF_PLATFORM_BEFORE.test(backTo(s.norm, h.start, SENTENCE_END, SENTENCE_MAX)) && !/我(?:要|想)[^，,]{0,3}$/.test(before)) return null;
  // "补发的这个也开不了机", "换的那台": the goods that came of it, not a remedy asked for.
  if ((c === 'reship' || c === 'exchange' || c === 'repair') && THE_GOODS_AFTER.test(after)) return null;
  if (c === 'repair' && OWN_REPAIR_BEFORE.test(before)) return null;
  // "去汽修店", "维修师傅", "团购的手机维修": a repair shop or the repair service bought, not a repair asked for.
  if (c === 'repair' && repairShopOrService(s, h)) return null;
  // "团购的电脑维修 换了键盘": with a repair service bought, "换…" tells what the service did.
  if (c === 'exchange' && repairServiceBought(s) && !/我?(?:要|想|希望|要求|申请)$/.test(before)) return null;
  // Money in the same clause only: "不用退钱了，补发一个" asks for the goods.
  if (c === 'reship' && s.norm[h.start] === '补' && (moneyObject(backTo(s.norm, h.start, CLAUSE_END, 10)) || MONEY_BEFORE.test(s.norm.slice(h.end, h.end + 3)))) return 'compensation';
  return c;
}

const FALLBACKS = new RegExp(FALLBACK.source, 'g');

/** Where the first fallback mark that follows a named remedy stands ("要么换，要么补偿": the second 要么). */
function fallbackAfter(norm: string, hits: Scan['wants']): number {
  let firstEnd = Infinity;
  for (const h of hits) if (h.end < firstEnd) firstEnd = h.end;
  if (firstEnd === Infinity) return Infinity;
  FALLBACKS.lastIndex = firstEnd;
  const m = FALLBACKS.exec(norm);
  return m ? m.index : Infinity;
}

/** The rules' wish, with fallbacks weighed down when `firstChoice` (see `statedWish`). */
export function extractWants(s: Scan, problem: Problem | null, firstChoice = false): { value: Wants; evidence: Evidence } | null {
  let best: { h: Scan['wants'][number]; score: number } | null = null;
  let postage: Scan['wants'][number] | null = null;
  let quotedMoney: Scan['wants'][number] | null = null;
  const hits = s.wants.concat(shapeWants(s));
  // A remedy after "不然…" is the fallback when one was named before it: the first choice wins.
  const fallbackAt = firstChoice ? fallbackAfter(s.norm, hits) : Infinity;
  let asked = false;
  for (const h0 of hits) {
    const c = remedyOf(s, h0);
    if (c === null || c === 'status') continue;
    const h = c === h0.value.c ? h0 : { ...h0, value: { ...h0.value, c, w: Math.max(h0.value.w, 3.5) } };
    let w = h.value.w;
    const quote = quoteAt(s, h.start) ?? markedAt(s, h.start);
    if (quote?.kind === 'quote') {
      // "店家说好赔我15元 … 一直没打过来": money the seller agreed to is what the buyer is owed.
      if (!quotedMoney && (c === 'compensation' || c === 'refund')) quotedMoney = h;
      continue;
    }
    // "卖家让我自己去申请退款", "店家叫我加个微信单独退": the seller's instruction, not the buyer's wish.
    if (quote?.kind === 'instruct') continue;
    if (asksProcess(s.norm, h.start, h.end) || asksAboutService(s, h.start, h.end)) {
      asked = true;
      continue;
    }
    if (ruledBefore(s.norm, h.start)) continue;
    if (c !== 'return_refund' && DONE_BEFORE.test(s.norm.slice(Math.max(0, h.start - 8), h.start)) && DONE_AFTER.test(s.norm.slice(h.end, h.end + 2))) continue;
    const stance = cueBefore(s, h.start, ['negation', 'firm', 'only', 'switch']);
    // "这东西我不要了把钱退我": the negation closed a decision about the item, not this remedy.
    if (stance === 'negation' && !/(?:要|想要|需要)了[，, ]?$/.test(s.norm.slice(Math.max(0, h.start - 4), h.start))) continue;
    if (stance === 'only') w *= 0.3;
    if (stance === 'firm') w += 1;
    if (stance === 'switch') w += 2;
    if (cueBefore(s, h.start, ['past'])) w *= 0.6;
    if (h.start >= fallbackAt) w *= 0.3;
    if (!postage && h.start < fallbackAt && h.value.c === 'compensation' && POSTAGE.test(s.norm.slice(h.start, h.end)) && s.norm[h.start - 1] !== '扣') postage = h;
    if (!best || w > best.score) best = { h, score: w };
  }
  // The money owed is the postage or a price difference ("运费没退", "运费险没赔", "差价一直没退") and
  // not the price itself: that is compensation.
  if (postage && problem === 'refund_issue' && !REFUND_MONEY.test(s.norm)) {
    return { value: 'compensation', evidence: { span: s.text.slice(postage.start, postage.end), confidence: 0.6 } };
  }
  // A refund that went wrong is about money owed: a return mentioned with it is the history
  // ("退货了，钱没到账"), and small fees mentioned with it are part of the same money.
  if (best && problem === 'refund_issue' && (best.h.value.c === 'return_refund' || (best.h.value.c === 'compensation' && best.score < 3))) {
    return { value: 'refund', evidence: { span: s.text.slice(best.h.start, best.h.end), confidence: 0.6 } };
  }
  if (best && best.h.value.c !== null) {
    return {
      value: best.h.value.c,
      evidence: { span: s.text.slice(best.h.start, best.h.end), confidence: Math.min(0.95, 0.3 + best.score * 0.15) },
    };
  }
  if (problem === 'refund_issue' && quotedMoney?.value.c === 'compensation') {
    return { value: 'compensation', evidence: { span: s.text.slice(quotedMoney.start, quotedMoney.end), confidence: 0.5 } };
  }
  // A question about how refunds go ("退款一般几天到账？") asks for no money owed.
  if (problem === 'refund_issue' && !asked && !ESCALATE.test(s.norm) && !ruledBefore(s.norm, textEnd(s.norm)) && !(GRANTED.test(s.norm) && ASKS_HOW.test(s.norm))) return { value: 'refund', evidence: { span: '', confidence: 0.5 } };
  return null;
}

/** The whole message is "退", "退吧", "退15", "就退我20块": money back, the sum (if named) being the claim. */
const BARE_REFUND = /^(?:我?要|就|那就|还是)?退(?:钱|款)?(?:我|给我)?\s?(?:\d{1,6}(?:\.\d{1,2})?\s?(?:块钱|块|元)?)?(?:吧|啦|了吧|就行|就好)?$/;
const TRAILING_MARKS = /[!！。.~～\s]+$/;
/** Money back for the faulty piece only, the rest kept: "退那个碎的 另外两个不用退", "只退漏的那瓶 其余的留着". */
const ONE_PIECE_BACK = /退(?:那|这)?[^，。,.!！?？\s]{0,3}?(?:坏|破|碎|漏|烂|有问题|不能用)[了掉]?的[^。!！?？]{0,12}?(?:其他|其余|别的|另外|剩下)[^。!！?？]{0,8}?(?:不用退|不退|不要退|留着|不用管)/;

/**
 * Two shapes of wish the buyer words plainly and both readers tend to miss, read after them (not
 * a feature of the classifier, so the shipped weights stay as trained): money back for the broken
 * part only, or for the faults of goods kept ("坏掉的那部分退钱给我", "不退货，漏的赔我"), is a partial
 * refund; a remedy named after
 * "不然…" is the fallback, and the first choice is the wish ("我要退钱，不然就补发一个").
 */
export function statedWish(s: Scan, problem: Problem | null): { value: Wants; evidence: Evidence } | null {
  const partial = PARTIAL_SHAPE.exec(s.norm) ?? KEEPS_GOODS_PAID.exec(s.norm) ?? ONE_PIECE_BACK.exec(s.norm);
  if (partial) return { value: 'compensation', evidence: { span: s.text.slice(partial.index, partial.index + partial[0].length), confidence: 0.8 } };
  if (BARE_REFUND.test(s.norm.trim().replace(TRAILING_MARKS, ''))) return { value: 'refund', evidence: { span: s.text.trim(), confidence: 0.8 } };
  if (!FALLBACK.test(s.norm)) return null;
  const first = extractWants(s, problem, true);
  return first && first.evidence.span ? { value: first.value, evidence: { ...first.evidence, confidence: 0.8 } } : null;
}
