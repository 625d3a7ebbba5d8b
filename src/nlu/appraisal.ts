/**
 * An appraisal or inspection result the buyer reports ("找了鉴定机构，鉴定结果是非正品", "检测报告说是质量问题",
 * "the lab says it's fake"): who appraised and what it found. The seller's own claim of one ("卖家说有鉴定证书")
 * and a result only wished for or asked about ("如果鉴定是假的", "鉴定出来是假的吗") are none.
 *
 * @example readAppraisal('送去第三方检测，报告写的不合格') // { by: 'third_party', verdict: 'defect' }
 */
import { normalize } from './normalize.ts';

export type AppraisalBy = 'third_party' | 'brand' | 'platform' | 'technician' | 'counter' | 'store' | 'repair_shop' | 'unknown';
/** fake / genuine: an authentication; not_theirs: the brand's outlet says it did not come from them; defect / no_defect: a quality inspection. */
export type AppraisalVerdict = 'fake' | 'genuine' | 'not_theirs' | 'defect' | 'no_defect';

export interface Appraisal {
  by: AppraisalBy;
  verdict: AppraisalVerdict;
  /**
   * Said, not written: 'said' when the buyer relays the words only ("柜台的人说不是他们家的货"), 'unwritten'
   * when they add that nothing was given in writing ("但不给书面证明"). Absent for a result on paper.
   */
  oral?: 'said' | 'unwritten';
}

const ANCHOR = /鉴定|检测|质检|化验|鉴别|验货报告|appraisal|authenticat|inspection|test(?:ing)? report|\blab\b|laboratory|(?:had|got) it tested|\bthe report\b|legit check/g;
/** The verdict, looked for just after the anchor; the first that matches wins (negations before what they negate). */
const VERDICTS: readonly [AppraisalVerdict, RegExp][] = [
  ['fake', /非正品|不是正品|不是真的|不是真品|假货|假的|假冒|仿品|仿冒|高仿|是假|fake|counterfeit|not (?:genuine|authentic|real)|replica/],
  ['defect', /不合格|failed/],
  ['no_defect', /无质量问题|没有质量问题|不是质量问题|非质量问题|没有问题|没问题|合格|no (?:quality )?(?:problem|issue|defect)|passed/],
  ['defect', /质量问题|质量缺陷|有缺陷|存在缺陷|defect|quality (?:problem|issue)/],
  ['genuine', /正品|真品|是真的|genuine|authentic/],
];
/** How far after the anchor the verdict may come ("鉴定结果出来了，报告上写的是非正品"); English takes more letters. */
const VERDICT_REACH = 24;
const VERDICT_REACH_EN = 64;
const BY: readonly [AppraisalBy, RegExp][] = [
  ['third_party', /第三方|鉴定机构|检测机构|鉴定中心|检测中心|鉴定所|质检(?:站|所|中心|机构)|中检|国检|third[- ]?party|independent|\blab\b|laboratory/],
  ['brand', /品牌|专柜|官方|厂家|原厂|brand|manufacturer|official/],
  ['platform', /平台|platform/],
];
/** The seller's side reporting: their certificate or their inspection is their claim, not a result the buyer got. */
const SELLER_SAYS = /(?:卖家|商家|客服|店家|老板|对方|seller|shop|they)[^,.;!?。]{0,6}(?:说|称|表示|回|讲|says|said|claim)|(?:卖家|商家|客服|店家|店铺|老板|对方|seller|shop|they)[^,.;!?。]{0,6}$/;
/** Words of a formal result: without them and with no appraiser named, a check may be the buyer's own look. */
const FORMAL = /报告|结果|结论|证书|report|result|certificate/;
/** A result wished for or asked about. */
const NOT_STATED = /如果|要是|假如|万一|是不是|会不会|能不能|要不要|\bif\b|whether|[吗?？]/;

/** A cheap look at the raw text before normalizing it: most messages name no appraisal at all. */
const MAYBE = /鉴|鑑|检|檢|化验|化驗|apprais|authent|inspect|\blab|tested|report|legit/i;

/**
 * A technician who came to look ("上门的师傅看了说是电机本身的问题"): their finding is an inspection result,
 * with or without a report word. Said "不是…问题" it is none found.
 */
const TECHNICIAN = /(?:师傅|维修(?:人员|工)|工程师|技术员|technician|engineer|repair(?:man|er))[^。.!?？]{0,30}?(?:说|讲|判断|确认|认为|看了|查了|said|says|found|confirmed)[^。.!?？]{0,24}?(不是|并非|没有|not\s|no\s)?(?:是)?(?:产品|商品|机器)?(?:出厂|厂家|生产|本身|质量|做工|manufactur\w*|factory|quality)(?:的)?\s?(?:问题|缺陷|故障|毛病|defect|fault|problem|issue)/;
const TECH_MAYBE = /师傅|维修|工程师|技术员|technician|engineer|repair/i;
/** Proof asked of the buyer ("要我先拍视频证明是出厂问题"): the finding is what they want shown, not what they found. */
const ASKS_PROOF = /(?:要我|让我|叫我|请我|要求我)[^，。,.]{0,10}(?:证明|拍|录|提供)|证明(?:是|一下)|\b(?:asked me|wants? me|told me) to\b|\bprove\b/i;

/**
 * A brand's counter, an authorised store or a repair shop telling the buyer what the goods are
 * ("柜台的人说不是他们家的货", "授权店的人看了讲是假的", "维修店说是出厂问题"): a statement, not an appraisal
 * on paper — kept as said, and as unwritten when the buyer says no paper was given.
 */
const OUTLETS: readonly [AppraisalBy, RegExp][] = [
  ['counter', /专柜|柜台|柜姐|柜哥|brand counter/],
  ['store', /授权店|授权门店|授权经销商|官方门店|直营店|旗舰店线下|authori[sz]ed (?:store|dealer|retailer)/],
  ['repair_shop', /维修店|修理店|维修点|售后网点|服务网点|售后服务中心|repair shop|service (?:centre|center)/],
];
const OUTLET_SAYS = /(?:说|讲|话|表示|认为|告诉我|看了|一看|says|said|told me|looked)/;
const ORAL_VERDICTS: readonly [AppraisalVerdict, RegExp][] = [
  ['not_theirs', /不是(?:他们|他家|她们|我们|人家|专柜|官方|品牌)?(?:的|家的|渠道的?|专柜的?|柜台的?)?(?:货|东西|产品|商品|出的|卖的)|不是(?:从)?(?:他们|专柜|官方)(?:那里|这里|这边|那边)?(?:出|卖|发)的|not (?:theirs|from them|their (?:stock|product))/],
  ['fake', /是假的|假货|假的|不是正品|非正品|仿品|高仿|fake|counterfeit|not genuine/],
  // Negated first ("说不是机器本身的问题，是水压低"): none found, never the fault it names.
  ['no_defect', /(?:不是|并非|没有|没)(?:什么)?(?:机器|产品|商品|东西)?(?:本身|质量|出厂|做工)?(?:的)?(?:问题|故障|毛病)|no (?:fault|defect)|not a (?:factory |manufacturing )?(?:fault|defect)/],
  ['defect', /出厂(?:的)?问题|质量问题|(?:本身|机器|产品)(?:的)?(?:问题|故障)|factory (?:fault|defect)|manufacturing (?:fault|defect)/],
];
const UNWRITTEN = /(?:不|没|不肯|不愿意?|不给|没给|不能|没有)\s?(?:给|出|出具|开|写)?\s?(?:任何)?(?:书面|纸质|证明|报告|鉴定单|鉴定证书|单子)|口头|nothing in writing|(?:won't|wouldn't|would not|will not|did not|didn't|refused to) (?:put it in writing|give (?:me )?(?:a|any) (?:written|report|certificate))|no (?:written|report|certificate)/;
const APPRAISED = /鉴定|检测|质检|apprais|authenticat|inspect/;
/** Paper the outlet gave: then it is an appraisal on paper, read by the anchors below. */
const WRITTEN = /(?:开|出|出具|给)了?\s?(?:书面|鉴定|检测)?(?:报告|证明|证书|鉴定单|检测单)|written report|certificate/;

function outletStatement(text: string): Appraisal | null {
  for (const sentence of text.split(/[。.!?！？]/)) {
    const by = OUTLETS.find(([, re]) => re.test(sentence))?.[0];
    if (!by) continue;
    const at = OUTLETS.find(([b]) => b === by)![1].exec(sentence)!.index;
    const says = OUTLET_SAYS.exec(sentence.slice(at));
    if (!says) continue;
    const after = sentence.slice(at + says.index);
    const found = ORAL_VERDICTS.find(([, re]) => re.test(after));
    if (!found || NOT_STATED.test(sentence) || ASKS_PROOF.test(after) || SELLER_SAYS.test(sentence.slice(0, at))) continue;
    // Paper given, or an appraisal done ("去专柜做了鉴定，专柜说是假的"), and no word of nothing written: the anchors' reading.
    if ((WRITTEN.test(text) || APPRAISED.test(text)) && !UNWRITTEN.test(text)) return null;
    return { by, verdict: found[0], oral: UNWRITTEN.test(text) ? 'unwritten' : 'said' };
  }
  return null;
}

const OUTLET_MAYBE = /专柜|柜|授权|直营|门店|维修店|修理店|维修点|网点|售后服务|counter|authori[sz]ed|repair shop|service cent/i;

export function readAppraisal(raw: string): Appraisal | null {
  if (OUTLET_MAYBE.test(raw)) {
    const said = outletStatement(normalize(raw));
    if (said) return said;
  }
  if (TECH_MAYBE.test(raw)) {
    const tech = TECHNICIAN.exec(normalize(raw));
    if (tech && !NOT_STATED.test(tech[0]) && !ASKS_PROOF.test(tech[0])) return { by: 'technician', verdict: tech[1] ? 'no_defect' : 'defect' };
  }
  if (!MAYBE.test(raw)) return null;
  const text = normalize(raw);
  for (const anchor of text.matchAll(ANCHOR)) {
    const start = anchor.index;
    const reach = /^[a-z]/.test(anchor[0]) ? VERDICT_REACH_EN : VERDICT_REACH;
    const after = text.slice(start + anchor[0].length, start + anchor[0].length + reach);
    const found = VERDICTS.map(([verdict, re]) => ({ verdict, m: re.exec(after) })).find((v) => v.m);
    if (!found) continue;
    // The sentence around the result: who spoke before the anchor, and whether it is a question.
    const from = Math.max(text.lastIndexOf('。', start), text.lastIndexOf('.', start), text.lastIndexOf('!', start)) + 1;
    const end = start + anchor[0].length + found.m!.index + found.m![0].length;
    const rest = /^[^,.;!?。，；！？]*[,.;!?。，；！？]?/.exec(text.slice(end))![0];
    const before = text.slice(from, start);
    if (SELLER_SAYS.test(before) || NOT_STATED.test(before + text.slice(start, end) + rest)) return null;
    const who = text.slice(from, end);
    const by = BY.find(([, re]) => re.test(who))?.[0] ?? 'unknown';
    if (by === 'unknown' && !FORMAL.test(who)) continue;
    return { by, verdict: found.verdict };
  }
  return null;
}
