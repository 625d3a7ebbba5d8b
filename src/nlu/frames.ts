/**
 * Structural frames: buyers often describe a situation instead of naming the problem.
 * The shape of the sentence says which problem it is, whatever the product:
 *
 * - expected vs. got:    我拍的白色 … 来的是黑色 / 买的42码 寄来一双39的        → wrong_item
 * - listing vs. reality: 详情页写着纯棉 … 摸着全是化纤 / 说的是礼盒 结果塑料袋  → not_as_described
 * - a part is absent:    螺丝包没有 / 没有数据线 / "came with no cable"          → wrong_item
 * - counts:              只有四件 / 只来了一个 / "only shipped one of the three"   → wrong_item
 * - left somewhere, nothing there: 说放驿站了 … 驿站查无此件                      → not_received
 * - the box is empty:    袋子里啥也没有只有泡沫                                  → wrong_item
 * - money and its state: 退款…没看到 / 钱…啥时候到 / 退了一半 / 说好的赔偿…      → refund_issue
 * - a failed check:      瓶身的防伪码扫出来查无此码                              → counterfeit
 * - a symptom shape:     吹着吹着就没风了 / 不会热了                             → quality
 *
 * Frames read the word-class hits of the one keyword pass (`Scan.frame`) and add synthetic
 * problem hits; `extractProblem` weighs them with the keyword hits. Every frame looks at a
 * bounded window, so the cost stays linear in the message length.
 */
import type { Problem } from '../domain/index.ts';
import type { Hit } from './matcher.ts';
import type { Frame } from './lexicon/types.ts';
import { Chars, type Scan, type Tag } from './scan.ts';
import { FOOD_ONLY, NON_FOOD_GOODS } from './lexicon/goods.ts';

type FrameHit = Scan['frame'][number];
type ProblemHit = Hit<Extract<Tag, { k: 'problem' }>>;

/** A sentence end: frames do not reach across it. Spaces and commas do not end a sentence here. */
const SENTENCE_END = new Chars('。！？!?\n');

/** Frame hits by class, in text order; hits of weight 0 are blockers and are dropped. */
function byClass(s: Scan): Map<Frame, FrameHit[]> {
  const m = new Map<Frame, FrameHit[]>();
  for (const h of s.frame) {
    if (h.value.w === 0 || h.value.c === 'not_variant' || h.value.c === 'not_food') continue;
    let list = m.get(h.value.c);
    if (!list) m.set(h.value.c, (list = []));
    list.push(h);
  }
  return m;
}

/** No sentence end between `a` and `b` (a < b), and they are at most `max` apart. */
function near(s: Scan, a: number, b: number, max: number): boolean {
  if (b < a) [a, b] = [b, a];
  if (b - a > max) return false;
  for (let i = a; i < b; i++) if (SENTENCE_END.has(s.norm.charCodeAt(i))) return false;
  return true;
}

/**
 * The first pair (x of `xs`, y of `ys`) that lies within `max` characters, with y after x
 * when `ordered`. Lists are short (a message holds a handful of frame words), and the scan
 * stops at the first pair, so this stays small; it is also capped.
 */
function pair(s: Scan, xs: FrameHit[] | undefined, ys: FrameHit[] | undefined, max: number, ordered: boolean): [FrameHit, FrameHit] | null {
  if (!xs || !ys) return null;
  let budget = 400;
  for (const x of xs) {
    for (const y of ys) {
      if (--budget < 0) return null;
      if (y.start < x.end && y.end > x.start) continue; // overlapping words are one word
      if (ordered && y.start < x.end) continue;
      if (near(s, Math.min(x.start, y.start), Math.max(x.end, y.end), max)) return [x, y];
    }
  }
  return null;
}

function hit(a: { start: number }, b: { end: number }, c: Problem, w: number): ProblemHit {
  return { start: a.start, end: Math.max(a.start + 1, b.end), value: { k: 'problem', c, w } };
}

/** "没收到", "还没到手": the arrival is negated, nothing was got. */
const NEGATED = /[没未]$|没有$|还没$|不$/;

/** What may stand between a promise and a delivery time: "说好(的)三天内", "承诺付款后48小时内". */
const TIME_GAP = /^[\d一二两三四五六七八九十几半个天日周月号小时内之以前后下单付款的会能就在是了都 ]{0,12}$/;

/** "只有四件", "只来了一个", "就到了两瓶": a count of what arrived. */
const COUNT_ONLY = /(?:只有|只来了?|只到了?|只发了?|只收到了?|才来了?|才到了?|只剩)[一二两三四五六七八九十几半\d]{1,3} ?[个件只瓶包盒袋双条根块套张份支台本]/g;
/**
 * A storage size short of the one sold ("标2TB实际只有64G", "is really 32GB", "only holds 64GB"): the
 * goods are not what the listing says (a fake-capacity card or drive).
 */
const CAPACITY_SHORT = /(?:实际|其实|真实|实测|测出来|只有|只能存|才)(?:容量)?(?:只有|才|是)? ?\d{1,4} ?(?:g|gb|m|mb|t|tb)\b|\b(?:is|are) (?:really|actually|only) \d{1,4} ?(?:gb|tb|mb)\b|\bonly (?:holds?|has|stores?|shows?) \d{1,4} ?(?:gb|tb|mb)\b|\b\d{1,4} ?(?:gb|tb|mb) real capacity/g;
const COUNT_ONLY_EN = /\bonly (?:sent|got|received|came with|shipped|delivered|arrived with) (?:one|1|two|2|half)\b|\bonly (?:one|1) of the\b|\bonly (?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten) (?:in the (?:box|package|parcel|bag)|arrived|came|were (?:in|inside))/g;
/** "吹着吹着就没风了", "用着用着": something stops in the middle of use. */
const STOPS_IN_USE = /([\u4e00-\u9fff])着\1着/g;
/** "不会热了", "不会转": a function is gone. */
const FUNCTION_GONE = /不会(?:热|转|亮|响|动|制冷|制热|出水|出风|出气|加热|充电|吸|震|喷)/g;

/**
 * Seams and glue giving way, in any word order: 线开了, 开线, 脱线, 崩线, 缝开了, 开胶, 胶开了, 鞋底掉了;
 * "the seam came apart", "stitching came loose", "the sole is peeling off". A workmanship defect.
 */
const SEAM_OPEN = /(?:线|缝|胶|针脚|线头|鞋底|鞋帮)(?:都|又|全|就)?(?:开了|开口|脱了|崩了|裂了|裂开|掉了|松了|开了个口)|(?:开|脱|崩|爆|跳|断)(?:线|缝|胶|针)/g;
const SEAM_OPEN_EN = /\b(?:seams?|stitch(?:es|ing)?|glue|soles?)(?: \w+){0,2} (?:came|come|coming|is|are|has|have|was|were|got)(?: \w+){0,2} (?:apart|undone|open|loose|off|unglued|unstitched|peeling|split|ripped)/g;

/** A symptom that is too strong: "响得厉害", "抖得不行", "烫得要命". */
const TOO_MUCH = /(?:响|抖|晃|震|吵|烫|颤|摇|晃动|抖动|震动|发热|发烫)(?:得|的)(?:厉害|很|太|不行|要命|特别|离谱|吓人|受不了)/g;
/** "连发货都没有", "连物流信息都没": not even shipped. */
const NOT_EVEN_SHIPPED = /连(?:个)?(?:发货|物流|揽收|揽件|单号|快递|出库)(?:信息|记录)?都(?:没|没有|不|还没)/g;
/** Days gone by and the parcel still in a transit state: "第六天了还在派送中", "五天了还在仓库", "卡了五天". */
const STILL_IN_TRANSIT = /(?:第[一二三四五六七八九十几\d]{1,3}天|[一二两三四五六七八九十几\d]{1,3} ?(?:天|周|个星期|个礼拜|个月))了?[^。！？!?]{0,4}(?:还在|还是|一直|仍在|仍然|都还)(?:在)?(?:转运|运输|派送|路上|仓库|中转|揽收|待发|显示|原地|同一个)|(?:卡|停|堵|压)(?:了|在那)[一二两三四五六七八九十几\d]{1,3} ?(?:天|周|个星期|个礼拜)/g;
/** Money that did not come back: "钱一直没回来", "一毛钱没见着", "差价到现在没给". */
const MONEY_NOT_BACK = /(?:钱|款|退款|货款|差价|一毛钱|一分钱)(?:还|都|也|一直|到现在|至今)?(?:都|也)?(?:没|没有|未)(?:回来|到|退|进|收到|看到|见着|见到|影|给)/g;
/** Only part refunded: "只给我退了128", "只退回200". */
const ONLY_PART = /只(?:给我|给)?退(?:了|回|给我)? ?[\d一二两三四五六七八九十几百]/g;
/** Money kept back on a return: "被扣了20块", "扣我三十元". */
const DEDUCTED = /扣(?:了|我|掉)?(?:了)? ?[\d一二两三四五六七八九十几百]{1,5} ?(?:块|元|rmb|¥)/g;
/** The returned item: has it been received? "我退回去的那个你们收到没". */
const RETURN_RECEIVED_Q = /(?:退回去|寄回去|退回|寄回|退货)[^。！？!?]{0,12}(?:收到没|收到了没|收到了吗|收到没有|签收没|签收了没|收没收到)/g;
/**
 * A spec claimed with its figure, then the figure that arrived ("说电池健康90% 到手一看71%", "标续航12小时 实测才4小时"):
 * the goods are not as described. Sizes and colours claimed (码, 号, 色) are a variant sent wrong, left to the pair frame.
 */
const SPEC_SHORT = /(?:说|称|写着?|标(?:着|的|称)?|宣传|描述|承诺)(?:的是|是)?[^，。！？,.!?\d码号色]{0,10}\d+(?:\.\d+)? ?(?:%|％|[a-z]{1,4}|小时|分钟|天|年|度|瓦|克|斤|毫升|升|寸|英寸|米|公斤|次)?[ ，,]*(?:但是?|可是|结果|实际(?:上)?|实测|到手|收到|拿到|一看|一测|测了?|验机)[^，。！？,.!?码号色]{0,8}?\d+/g;
/** One of a pair differs: "一只41一只42", "一边40一边41". */
const ODD_PAIR = /一(?:只|边|个) ?\d{2}(?:码|号)? ?[^\d。]{0,2}一(?:只|边|个) ?\d{2}/g;
/** No such batch or number at the maker: "品牌方说没这个批号", "没有这个货号". */
const NO_SUCH_BATCH = /没(?:有)?这(?:个|批)(?:批次|批号|货号|编号|序列号|生产日期)/g;
/** A wrong address to change: "地址填成了老家", "改一下地址", "got the address wrong". */
const ADDRESS_CHANGE = /地址[^。！？!?]{0,6}(?:选成|填成|写成|弄错|搞错|选错|改成|改一下|能改|可以改)|(?:改|换|修改)(?:一下|个)?(?:收货|收件|配送|送货)?地址|\baddress (?:by mistake|wrong)|\bchange (?:it|the address|my address) to\b/g;
/** Service people doing wrong: an installer or courier who damages, delays, refuses, demands or insists. */
const SERVICE_FAULT = /(?:师傅|安装工|安装的|快递员|快递小哥|派件员|送货员|配送员|司机)[^。！？!?]{0,14}(?:非要|非让|态度|骂|磕掉|磕坏|碰坏|划坏|弄坏|改期|排不上|不来|放鸽子|不给装|跟我要|问我要|要我加钱|不关他事|不负责)/g;
/** Seen cheaper elsewhere: the buyer's own reason. */
const CHEAPER_ELSEWHERE = /(?:别家|别的店|其他店|别处|别的地方|其他家|别人家|外面)[^。！？!?]{0,8}(?:便宜|更便宜|价格更低|更低)/g;
/** "still says label created", "nothing has shown up", "$35 short", "kept the … shipping". */
const EN_NOT_ARRIVED = /\b(?:nothing (?:has )?(?:arrived|come|shown up)|still (?:says|shows) (?:awaiting|pending|waiting|in transit|label created)|awaiting pick-?up)\b/g;
const EN_SHORT = /(?<![\d.])\d{1,7}(?:\.\d{1,2})? (?:yuan |dollars? |rmb )?short\b|\bkept the (?:\d+ yuan |\$?\d+ )?(?:return )?(?:shipping|postage|fee)|\bwhere is my money\b|\bsigned for my return/g;
const EN_TRANSIT_BREAK = /\b(?:arrived|showed up|came|turned up|delivered) with (?:a |the |an )?[a-z ]{0,30}(?:crack|cracked|bent|snapped|dent|dented|broken|smashed|shattered)/g;

const LATIN_LETTER = /[a-z]/;
const DAYS_COUNTED = /[天周个]/;
const STILL_OR_STOPPED = /[还一仍都卡停堵压]/;
const DIGIT = /\d/;

/**
 * A health effect the selling claimed ("说能降血压", "号称能治胃病", "能停药"), beside the buyer finding it lacking
 * ("一点没降", "医生说就是普通保健食品"): false advertising of the goods, not a fault of food or a defect.
 */
const CURE_CLAIMED = /(?:能|可以|包|号称|保证)(?:治好?|根治|治愈|降(?:血压|血糖|血脂|尿酸)|停(?:掉)?(?:降压|降糖)?药|抗癌|防癌|增强免疫力)/g;
const CURE_LACKING = /不能治|治不了|没(?:有)?(?:效果|用|降|好转)|一点(?:都|也)?没(?:降|用|效果)|一点用(?:都|也)?没有|没什么(?:效果|用)|普通(?:的)?(?:保健)?(?:食品|饮料)|固体饮料|不是药|照样/;

/** What only unsafe food does: spoiled, foreign matter, making the eater ill. */
const UNSAFE_FOOD = /过期|变质|发霉|长毛|馊|异物|吃出|喝出|拉肚子|腹泻|呕吐|中毒|不新鲜|腐烂|发臭|臭了|霉变/;

/** The message tells of a health effect claimed for the goods and found lacking (see CURE_CLAIMED). */
export function cureClaimLacking(s: Scan): boolean {
  CURE_CLAIMED.lastIndex = 0;
  return CURE_LACKING.test(s.norm) && CURE_CLAIMED.test(s.norm);
}

function regexHits(s: Scan, re: RegExp, c: Problem, w: number, out: ProblemHit[]): void {
  re.lastIndex = 0;
  // Bounded patterns only (no nested quantifiers): linear in the text.
  for (let m = re.exec(s.norm), n = 0; m && n < 8; m = re.exec(s.norm), n++) {
    out.push({ start: m.index, end: m.index + m[0].length, value: { k: 'problem', c, w } });
  }
}

/** The synthetic problem hits the sentence shapes of `s` add. */
/** "打开后没有声音", "插上没有反应": what is missing there is a function the lexicon names as a fault, not a part or the contents. */
function faultAt(s: Scan, start: number): boolean {
  return s.problem.some((h) => h.value.c === 'quality' && h.start === start);
}

/** A fault right after what came. */
const GOT_FAULTY = /^[^，。,.!！?？]{0,5}?(?:烂|坏|碎|破|裂|漏|臭|霉|变质|发霉|化了|不亮|不能用|用不了)/;

export function frameProblems(s: Scan): ProblemHit[] {
  const out: ProblemHit[] = [];
  const f = byClass(s);

  // Expected vs. got, about a variant of the item: a different item was sent.
  const got = f.get('got')?.filter((g) => !NEGATED.test(s.norm.slice(Math.max(0, g.start - 2), g.start)));
  // English spells out more: "I ordered the 64GB version (model KX-5310) and got a 32GB one".
  const latin = !/[\u4e00-\u9fff]/.test(s.norm.slice(0, 200));
  const eg = pair(s, f.get('expect_order'), got, latin ? 70 : 45, false);
  if (eg) {
    const lo = Math.min(eg[0].start, eg[1].start);
    const hi = Math.max(eg[0].end, eg[1].end);
    const variant = f.get('variant')?.some((v) => v.start >= lo - 8 && v.end <= hi + 12 && near(s, lo, v.end, latin ? 80 : 40));
    // Both sides spelled out with 是 ("要的是原味的 … 寄来的是辣味的", "订的是C口 到手是lightning"): the
    // buyer names two different things, which says a different item came even without a variant word.
    const spelled = /是$/.test(s.norm.slice(eg[0].start, eg[0].end)) && /是$/.test(s.norm.slice(eg[1].start, eg[1].end));
    // What came is told by its fault ("收到一半是烂的", "到手的是坏的"): the item arrived faulty, not a different one.
    const faulty = GOT_FAULTY.test(s.norm.slice(eg[1].end, eg[1].end + 8));
    if ((variant || spelled) && !faulty) out.push(hit(eg[0], eg[1], 'wrong_item', 3.2));
  }

  // A delivery time was promised ("说是半日达", "说好年前到", "承诺24小时内必达"): a delivery story,
  // not a claim about the item. Only a time expression may stand between the two words.
  const promisedDelivery: FrameHit[] = [];
  const promisers = (f.get('expect_listing') ?? []).concat(f.get('promised') ?? []);
  const deliveries = f.get('delivery');
  if (deliveries && promisers.length) {
    let budget = 400;
    for (const p of promisers) {
      for (const d of deliveries) {
        if (--budget < 0) break;
        if (d.start < p.end || d.start - p.end > 12) continue;
        if (!TIME_GAP.test(s.norm.slice(p.end, d.start))) continue;
        promisedDelivery.push(p);
        out.push(hit(p, d, 'not_received', 2.6));
        break;
      }
    }
  }

  // The listing (or the seller before the sale) claimed one thing, then the reality.
  const listings = f.get('expect_listing')?.filter((x) => !promisedDelivery.includes(x));
  const lr = pair(s, listings, got, 30, true);
  if (lr) out.push(hit(lr[0], lr[1], 'not_as_described', 3.3));

  // Refunded money that is not where it should be: "银行卡里也还没有", "信用卡里没记录".
  if (s.has.has('money') || s.has.has('refunded')) {
    const an = pair(s, f.get('account'), f.get('nothing'), 16, true);
    if (an) out.push(hit(an[0], an[1], 'refund_issue', 3.5));
  }

  // A part is absent: wrong_item (missing parts), firmer than a listing claim about it.
  const pa = pair(s, f.get('part'), f.get('absent'), 8, false);
  if (pa && !faultAt(s, pa[1].start)) out.push(hit(pa[0].start < pa[1].start ? pa[0] : pa[1], pa[0].start < pa[1].start ? pa[1] : pa[0], 'wrong_item', 3.8));

  // Left at a place, and nothing there: the parcel did not reach the buyer.
  const pn = pair(s, f.get('place'), f.get('nothing'), 20, true);
  if (pn) out.push(hit(pn[0], pn[1], 'not_received', 3.6));

  // The box is empty.
  const cn = pair(s, f.get('container'), f.get('nothing'), 8, true);
  if (cn && !faultAt(s, cn[1].start)) out.push(hit(cn[0], cn[1], 'wrong_item', 3.6));

  // Money owed and its state ("退款…没看到", "钱…啥时候到", "退了一半"), unless the money word is a wish ("我要退款").
  const money = s.cue.filter((c) => c.value.c === 'money');
  const wishes = f.get('wish') ?? [];
  const states = f.get('money_state');
  if (states && money.length) {
    let found: ProblemHit | null = null;
    let budget = 400; // a message holds a handful of these; adversarial input must stay linear
    for (const m of money) {
      if (budget <= 0) break;
      if (wishes.some((w) => w.end <= m.start && m.start - w.end <= 2 && --budget > 0)) continue;
      for (const st of states) {
        if (--budget <= 0) break;
        if (st.start >= m.end && near(s, m.start, st.end, 18)) {
          found = hit(m, st, 'refund_issue', 3.4);
          break;
        }
      }
      if (found) break;
    }
    if (found) out.push(found);
  }
  // Money agreed earlier ("说好的赔偿", "说好退运费的"): it is owed.
  const pm = pair(s, f.get('promised'), money as unknown as FrameHit[], 6, true);
  if (pm) out.push(hit(pm[0], pm[1], 'refund_issue', 3.9));

  // An authenticity check that failed.
  const fm = pair(s, f.get('fake_check'), f.get('mismatch'), 16, false);
  if (fm) out.push(hit(fm[0].start < fm[1].start ? fm[0] : fm[1], fm[0].start < fm[1].start ? fm[1] : fm[0], 'counterfeit', 4));

  // The English shapes all spell Latin words, and a few shapes need a number: not tried on messages without.
  const letters = LATIN_LETTER.test(s.norm);
  const digits = DIGIT.test(s.norm);
  regexHits(s, COUNT_ONLY, 'wrong_item', 3, out);
  if (letters) regexHits(s, COUNT_ONLY_EN, 'wrong_item', 3.5, out);
  if (digits) regexHits(s, CAPACITY_SHORT, 'not_as_described', 3, out);
  regexHits(s, STOPS_IN_USE, 'quality', 2.8, out);
  regexHits(s, FUNCTION_GONE, 'quality', 3, out);
  regexHits(s, SEAM_OPEN, 'quality', 2.8, out);
  regexHits(s, TOO_MUCH, 'quality', 2.8, out);
  regexHits(s, NOT_EVEN_SHIPPED, 'not_received', 3.5, out);
  // Both of its shapes count days, weeks or months (天, 周, 个…), after or before a still (还…, 一直, 仍…, 都还) or a stop (卡, 停, 堵, 压).
  if (DAYS_COUNTED.test(s.norm) && STILL_OR_STOPPED.test(s.norm)) regexHits(s, STILL_IN_TRANSIT, 'not_received', 3.3, out);
  regexHits(s, MONEY_NOT_BACK, 'refund_issue', 4, out);
  regexHits(s, ONLY_PART, 'refund_issue', 4, out);
  regexHits(s, DEDUCTED, 'refund_issue', 3.6, out);
  regexHits(s, RETURN_RECEIVED_Q, 'refund_issue', 3.6, out);
  if (digits) regexHits(s, ODD_PAIR, 'wrong_item', 3.5, out);
  if (digits) regexHits(s, SPEC_SHORT, 'not_as_described', 3.6, out);
  regexHits(s, NO_SUCH_BATCH, 'counterfeit', 4, out);
  regexHits(s, ADDRESS_CHANGE, 'other', 3.8, out);
  regexHits(s, SERVICE_FAULT, 'other', 3.2, out);
  regexHits(s, CHEAPER_ELSEWHERE, 'changed_mind', 3.5, out);
  if (CURE_LACKING.test(s.norm)) regexHits(s, CURE_CLAIMED, 'not_as_described', 3.8, out);
  if (letters) {
    regexHits(s, EN_NOT_ARRIVED, 'not_received', 3.2, out);
    regexHits(s, EN_SHORT, 'refund_issue', 4, out);
    regexHits(s, EN_TRANSIT_BREAK, 'damaged', 3.5, out);
    regexHits(s, SEAM_OPEN_EN, 'quality', 3, out);
  }
  return out;
}

const TYRES = /轮胎|车胎|备胎|\btyres?\b|\btires?\b/;

/**
 * The item is food, drink, fresh produce, baby formula or a supplement: a food word, and no
 * non-food goods named beside it unless the message says what only food suffers ("扫地机器人
 * 吸不起米粒" is about a vacuum; "杯子里的茶叶发霉了" is about tea).
 */
export function isFood(s: Scan): boolean {
  // Tyres carry a production date too ("米其林轮胎 生产日期2021年"): a food word there is in a brand or a part.
  if (!s.frame.some((h) => h.value.c === 'food') || TYRES.test(s.norm)) return false;
  // A supplement sold on a cure it lacks is false advertising: no label, batch or sample to keep, no unsafe-food claim,
  // unless the buyer also tells it is unsafe (spoiled, foreign matter, made them ill).
  if (cureClaimLacking(s) && !UNSAFE_FOOD.test(s.norm)) return false;
  return !NON_FOOD_GOODS.test(s.norm) || FOOD_ONLY.test(s.norm);
}
