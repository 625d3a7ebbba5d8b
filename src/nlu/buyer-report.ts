/**
 * What a buyer's report says beside the seller's reply code: when it happened ("昨天申请了介入"),
 * that the buyer took a step themselves (applied for intervention), the seller's own words when
 * quoted, that the seller blamed the courier, that the order was not shipped, that the seller is a
 * private person or a business, the buyer's extra loss, and the registered business from the
 * licence (for 12315). Small, bounded regexes over the normalised text; the phrases are data here.
 */
import { dateHits, today } from './dates.ts';
import { normalize } from './normalize.ts';
import { parseNumber } from './numerals.ts';

/**
 * The day an event the buyer reports happened, as YYYY-MM-DD, when they said a past day
 * ("昨天", "前天", "3天前", "11月28日", "yesterday"); null for today or no day. Resolved against
 * `now` in the buyer's timezone. `answer`: the day of the other side's answer told after the buyer's
 * own step ("我23号申请的退款，他们说…"), so a day given that step is passed over.
 *
 * @example eventDay('前天卖家说不给退', new Date('2026-12-01T09:00:00+08:00'), 'Asia/Shanghai') // '2026-11-29'
 */
export function eventDay(text: string, now: Date, timezone: string, answer = false): string | null {
  const t = today(now, timezone);
  if (!t) return null;
  const todayIso = `${t[0]}-${String(t[1]).padStart(2, '0')}-${String(t[2]).padStart(2, '0')}`;
  const norm = normalize(text);
  const quoted = quotedPart(norm);
  const lastOther = answer ? ([...norm.matchAll(OTHER_SIDE)].at(-1)?.index ?? -1) : -1;
  for (const hit of dateHits(norm)) {
    if (hit.upcoming?.(t)) continue;
    // "客服回复：已于9月28日核销": a day inside the words quoted is what they tell of, not when they were said.
    if (hit.start >= quoted[0] && hit.start < quoted[1]) continue;
    // "12月8号之前", "by December 8": a day something is due by, not the day it happened.
    if (DUE_AFTER.test(norm.slice(hit.end, hit.end + 4)) || DUE_BEFORE.test(norm.slice(Math.max(0, hit.start - 16), hit.start))) continue;
    // "11月11号买的…被拒了": the day of the purchase is not the reported event's.
    if (OWN_STEP_AFTER.test(norm.slice(hit.end, hit.end + 8)) || OWN_STEP_BEFORE.test(norm.slice(Math.max(0, hit.start - 16), hit.start))) continue;
    // "我14号提的退货申请，店家说…": a day the buyer gives their own act is that act's, not the answer reported after it.
    const ownAct = OWN_ACT_BEFORE.test(norm.slice(Math.max(0, hit.start - 4), hit.start)) || OWN_APPLIED_AFTER.test(norm.slice(hit.end, hit.end + 8));
    if (answer && ownAct && lastOther > hit.end) continue;
    const day = hit.resolve(t);
    // A year-less day read as most of a year ago is a day still to come ("by December 8", "12月5号给我补发"):
    // when something is due, not when it happened.
    if (day && day < todayIso && Date.parse(todayIso) - Date.parse(day) < FAR_PAST_DAYS * 86_400_000) return day;
  }
  return null;
}

/** A colon or an opening quote mark after a speaker or a verb of saying: the quoted words start after it. */
const QUOTE_OPENS = /(?:说|讲|话|表示|称|回复|回覆|答复|回|覆|写着|显示|提示|客服|卖家|商家|店家|老板|平台|小二|官方|原话|said|says|replied|wrote)(?:了|咗|道|说)?\s?(?:[:：]\s?["“「『]?|["“「『])/u;

/** Where, in a normalised text, the quoted words of a speaker start and end (a closing mark, else the end); [len, len] with none. */
function quotedPart(norm: string): [number, number] {
  const m = QUOTE_OPENS.exec(norm);
  if (!m) return [norm.length, norm.length];
  const start = m.index + m[0].length;
  const close = norm.slice(start).search(/["”」』]/u);
  return [start, close < 0 ? norm.length : start + close];
}

const DUE_AFTER = /^\s?(?:之前|以前|前)/;
const DUE_BEFORE = /\b(?:by|before|no\slater\sthan)\s(?:the\s)?$/;
/**
 * The purchase right after a day: "买的", "下的单", "付款", "拍下" (also "在京东买的"). Only the buying:
 * a receipt or a parcel sent may be the seller's ("商家12月28号签收的").
 */
const OWN_STEP_AFTER = /^\s?(?:在\S{1,6}?)?(?:我)?(?:买|购买|购入|下单|下的单|拍下|拍的|付款|付的|支付|入手)/;
/** …or right before it: "下单时间是", "购买于", "bought on". */
const OWN_STEP_BEFORE = /(?:下单|购买|付款|支付)(?:时间|日期)?(?:是|为|于)?\s?$|\b(?:bought|ordered|purchased)\s(?:it\s)?(?:on\s)?$/;
/** A day right after "我" ("我11月23号…", "我是前天…"): the buyer's own act follows. */
const OWN_ACT_BEFORE = /(?:^|[^自])我(?:是|在|于)?\s?$/;
/** The other side answering ("他们说", "商家一直拒绝"): its answer is reported beside the buyer's own act. */
const OTHER_SIDE = /(?:卖家|商家|店家|客服|老板|对方|他们|佢|平台|小二|\b(?:seller|shop|they)\b)[^，。,.!?！？]{0,6}?(?:说|讲|话|回|答|表示|称|拒绝|不同意|不给|不退|不换|驳回|同意|让我|叫我|said|says|told|refused|rejected)/g;
/** A request filed right after a day ("23号申请的退款", "提交了售后"): only the buyer files one. */
const OWN_APPLIED_AFTER = /^\s?(?:我)?(?:就|才|已经|已)?(?:申请|提交|提出|发起)(?:的|了)/;
/** An after-sales case is weeks long: a day further back than this, read from a year-less date, is next in the calendar instead. */
const FAR_PAST_DAYS = 300;

const APPLIED = [
  /(?:我|已经|已|刚|刚刚|今天|昨天|前天)\s?(?:也|去|就|又){0,2}\s?(?:在平台上?)?(?:申请了|提交了|点了|发起了)\s?(?:平台|小二|客服)?(?:介入|仲裁)/,
  /(?:申请|提交|发起)\s?(?:平台|小二|客服)?(?:介入|仲裁)\s?了/,
  /(?:申请|提交|发起)了\s?(?:平台|小二|客服)?(?:介入|仲裁)/,
  /已经?\s?(?:申请|提交)\s?(?:平台|小二|客服)?(?:介入|仲裁)/,
  /\bi(?:'ve| have)?\s(?:already\s)?(?:applied|asked|filed)\sfor\s(?:platform\s)?(?:intervention|arbitration)/,
  /\bi(?:'ve| have)?\s(?:already\s)?opened\sa\s(?:dispute|case)/,
  // A platform's own dispute process by its name ("申请了闲鱼小法庭", "发起了大众评审").
  /(?:(?:申请|提交|发起)了|已经?\s?(?:申请|提交|发起))\s?(?:闲鱼|平台)?的?\s?(?:小法庭|大众评审|纠纷处理)/,
];

/**
 * Words every APPLIED pattern needs one of (介入, 仲裁, a dispute process's name, intervention, arbitration, opened): a
 * message with none of them is no application, and the patterns are not tried on it.
 */
const APPLIED_CUE = /介入|仲裁|小法庭|大众评审|纠纷处理|intervention|arbitration|opened/;

/** The buyer says they applied for platform intervention themselves ("昨天申请了平台介入"). */
export function buyerApplied(text: string): boolean {
  const norm = normalize(text);
  return APPLIED_CUE.test(norm) && APPLIED.some((re) => re.test(norm));
}

const COURIER_BLAME = [
  /(?:卖家|商家|客服|店家|老板|对方).{0,12}(?:快递|物流|驿站).{0,8}(?:弄坏|摔坏|压坏|的问题|的责任|负责|造成|导致|丢)/,
  /(?:让我|叫我|要我|你)\s?(?:自己)?\s?(?:去)?(?:找|联系|问)\s?(?:快递|物流|驿站)/,
  /(?:找|联系)\s?(?:快递|物流)\s?(?:去|理赔|赔)/,
  /(?:卖家|商家|客服|店家|老板|对方).{0,16}(?:快递|物流|驿站)\s?(?:摔|压|弄|碰|丢|搞|运输).{0,10}(?:不关|无关|没关系|不归|不负责|不是我们|不是他们)/,
  /(?:seller|they|shop).{0,30}(?:courier|shipping company|delivery company|logistics)'?s?\s(?:fault|problem|responsibility)/,
  /(?:seller|they|shop).{0,20}(?:told|asked) me to (?:contact|ask|claim from) the (?:courier|delivery company|shipping company)/,
];

/** Words every COURIER_BLAME pattern needs one of (the courier named): without one, no pattern is tried. */
const COURIER_CUE = /快递|物流|驿站|courier|shipping company|delivery company|logistics/;

/** The seller put the blame on the courier ("卖家说是快递弄坏的，让我找快递"): 电子商务法 第二十条. */
export function sellerBlamesCourier(text: string): boolean {
  const norm = normalize(text);
  return COURIER_CUE.test(norm) && COURIER_BLAME.some((re) => re.test(norm));
}

const SPEAKER_QUOTE =
  /(?:卖家|賣家|商家|客服|店家|老板|老闆|平台|小二|对方|對方|(?:seller|shop|store|merchant)(?:'s)?(?:\s(?:support|service|customer service|staff))?|customer (?:service|support)|support|platform|they)\s?(?:今天|昨天|刚才|刚刚|早上|晚上|后来)?\s?(?:跟我|和我|对我|給我|给我)?\s?(?:回复|回覆|回复说|回|覆|答复|答覆|说|說|话|話|表示|称|稱|讲|講|said|says|replied|answered|responded|wrote|told me)?\s?(?:了|咗|我|给我|to me)?\s?(?:的)?(?:原话|原話|原文)?\s?(?:[:：]\s?["“「『]?|["“「『])([^"”」』\n]{2,120})/i;

/** The characters one of which SPEAKER_QUOTE needs (its colon or opening quote mark). */
const QUOTE_CUE = /[:："“「『]/;

/**
 * The seller's (or platform's) own words when the buyer quoted them with a colon or quote marks
 * after a speaker ("卖家说：“我们是正品”", "客服：亲…", Cantonese "賣家話：…"); null for a summary ("卖家拒绝了").
 */
export function quotedSpeech(text: string): string | null {
  // SPEAKER_QUOTE needs a colon or an opening quote mark: without one there is no quote to find.
  if (!QUOTE_CUE.test(text)) return null;
  const m = SPEAKER_QUOTE.exec(text.replace(/\s+/g, ' '));
  if (!m) return null;
  const words = withoutOwnComment(m[1]!.replace(/["”」』]+$/u, '').trim());
  return words.length >= 2 ? words : null;
}

/**
 * After a sentence end, the buyer's own comment on the words quoted ("…非常抱歉。就这一句", "…。然后就不理我了",
 * "…. That's all they said"): a quote with no closing mark ends before it.
 */
const OWN_COMMENT =
  /[。！？!?…~～.]\s*(?:(?:就|只|仅)(?:回了?|说了?|发了?)?这(?:么)?(?:一句|几句|一条|几个字|样|些)|就(?:没|不)(?:了|再)|然后|之后|后来|再也|说完|原话|呵呵|无语|气死|服了|离谱|我(?!们)|that'?s (?:all|it)|and then|then (?:they|he|she)|nothing (?:else|more)|i\s)[^。！？!?]{0,30}[。！？!?~～]*$/iu;

/** Quoted words without the buyer's own comment after them (see OWN_COMMENT). */
export function withoutOwnComment(words: string): string {
  const m = OWN_COMMENT.exec(words);
  return m ? words.slice(0, m.index + 1).trim() : words;
}

const NOT_SHIPPED = /(?:还没|还未|没有?|未|一直没|迟迟不|迟迟没|不给)\s?(?:有)?\s?发货|(?:hasn't|has not|haven't|have not|never|not|wasn't|was never)\s(?:been\s)?(?:yet\s)?shipped|not\sshipped\syet/;

/** The seller has not shipped the order yet ("还没发货", "not shipped yet"). */
export function saysNotShipped(text: string): boolean {
  return NOT_SHIPPED.test(normalize(text));
}

// Words about the seller, never about the goods: "二手机" / "翻新" / "second-hand" describe what arrived
// (on a shop, a misrepresentation), and "自己用的" alone may be the buyer's own use.
const PRIVATE = /个人卖家|个人闲置|自用闲置|(?:卖家|对方|卖的人|他|她)(?:说)?(?:是|只是)?(?:个人(?!店)|卖自己的|自己用的|自用的)|卖(?:他|她)?自己(?:用过)?的(?:闲置|旧)|(?:跟|从|找)个人(?:手里|手上|那里)?(?:买|收|淘)|private seller|individual seller|selling (?:his|her|their) own/;
const BUSINESS = /商家店铺|企业店|企业卖家|专业卖家|鱼小铺|营业执照|是个?店铺|是商家|business seller|a shop\b|a business\b/;

/**
 * Whether the buyer says the seller is a private person selling their own goods (true), a
 * business (false), or neither (null).
 */
export function privateSellerSaid(text: string): boolean | null {
  const norm = normalize(text);
  if (BUSINESS.test(norm)) return false;
  if (PRIVATE.test(norm)) return true;
  return null;
}

/**
 * A cost named as the loss: "看病花了300元", "medical bill $85"; or money spent in the sentence that
 * tells of a hospital ("狗送去医院住了三天，花了1200"), which is the bill, not the price.
 */
const LOSS = /(?:看病|医药费|医疗费|治疗|住院|挂号|损失|额外花)[^。！？!?；;，,]{0,8}?(\d{1,7}(?:\.\d{1,2})?|[一二两三四五六七八九十百千万零]{1,8})\s?(?:元|块钱|块)|(?:medical|hospital|doctor)[a-z ]{0,20}(?:[¥￥$]|rmb\s?|cny\s?)(\d{1,7}(?:\.\d{1,2})?)|(?:医院|住院|看病|治疗)[^。！？!?；;]{0,16}?(?:已经|一共|总共)?花了\s?(\d{1,7}(?:\.\d{1,2})?)(?![\d.])/;

/** The buyer's loss beyond the price ("看病花了300元"), in yuan; null when none is named. */
export function lossAmount(text: string): number | null {
  const m = LOSS.exec(normalize(text));
  if (!m) return null;
  const value = parseNumber(m[1] ?? m[2] ?? m[3]!);
  return value !== null && Number.isFinite(value) && value > 0 ? value : null;
}

const SHORTFALL = /(?:少了|差了|少退了?|还差|差额是?)\s?(\d{1,6}(?:\.\d{1,2})?)\s?(?:元|块钱|块)?(?![\d.]|\s?[个件只斤克天号码半])/;
/** "59 short", "short by 59", "missing ¥59", "59 yuan less": the same in English. */
const SHORTFALL_EN = /\b(?:short by|missing)\s(?:[¥￥$]|rmb|cny)?\s?(\d{1,6}(?:\.\d{1,2})?)(?![\d%])|(?:[¥￥$]|rmb|cny)?\s?\b(\d{1,6}(?:\.\d{1,2})?)\s?(?:yuan|rmb|cny|元|块)?\s(?:short|less|missing)\b/;

/** How much a refund came short, in yuan, when the buyer says it ("只退了549 少了50", "80 short"); null when not said. */
export function shortfallAmount(text: string): number | null {
  const norm = normalize(text);
  const m = SHORTFALL.exec(norm) ?? SHORTFALL_EN.exec(norm);
  if (!m) return null;
  const value = parseNumber(m[1] ?? m[2]!);
  return value !== null && Number.isFinite(value) && value > 0 ? value : null;
}

const BUSINESS_NAME = /([\p{Script=Han}A-Za-z0-9()（）·]{2,40}?(?:有限责任公司|股份有限公司|有限公司|公司|商行|经营部|工作室|门市部|个体工商户|厂|店))/u;
const SHOP_NAME = /(?:店铺名称?|店名|店铺叫|shop name|shop)\s?[:：是]\s?([^\n,，;；。]{2,40})/i;
const LABELLED_NAME = /(?:企业名称|公司名称|名称|经营者|主体名称|company|business name)\s?[:：]\s?([^\n，;；]{2,60}?)(?=\s*(?:地址|住所|经营场所|店铺|店名|address|shop|[\n，;；]|,(?!\s?(?:ltd|inc|co|llc)\b)|$))/i;
const LABELLED_ADDRESS = /(?:地址|住所|经营场所|address)\s?[:：]?\s?([^\n;；]{4,100})/i;
const ADDRESS_SHAPE = /([\p{Script=Han}0-9A-Za-z\-－]{2,60}?(?:省|市|自治区)[\p{Script=Han}0-9A-Za-z\-－()（）]{2,60}(?:号|室|楼|层|栋|幢|弄|村|路|街|道|区|镇))/u;

/**
 * The registered business from the licence on the shop's front page (name and address) and the
 * shop's name, each when given: "企业名称：杭州某某服饰有限公司，地址：浙江省杭州市…".
 */
export function businessInfo(text: string): { name: string | null; address: string | null; shop: string | null } {
  const trimmed = (s: string | undefined | null) => (s ? s.replace(/[，,。.;；\s]+$/u, '').trim() || null : null);
  const shop = trimmed(SHOP_NAME.exec(text)?.[1]);
  let rest = shop ? text.replace(shop, ' ') : text;
  const address = trimmed(LABELLED_ADDRESS.exec(rest)?.[1]) ?? trimmed(ADDRESS_SHAPE.exec(rest)?.[1]);
  rest = address ? rest.replace(address, ' ') : rest;
  const name = trimmed(LABELLED_NAME.exec(rest)?.[1]) ?? trimmed(BUSINESS_NAME.exec(rest.replace(/(?:地址|住所|店铺名称?|店名)\s?[:：]?/gu, ' '))?.[1]);
  return { name: name && name !== address ? name : null, address, shop };
}

const LESS = /(?:只能|只同意|只给|只可以|只肯|最多|顶多|只接受|only\s(?:agreed|offered|agrees|offers|willing)\sto)\s?.{0,6}?(?:退货退款|退款|换货|补发|补偿|赔|退|refund|exchange|return|replace|compensat)/;

const SELLER_SPEAKS = /卖家|商家|客服|店家|老板|对方|seller|shop|they\s/;
const SPEAKER = /卖家|商家|客服|店家|老板|对方|平台|小二|他们|他说|她说|seller|shop|platform|they\s|he said|she said/;

/** The message names who answered (the seller, the platform, "they"): without one it is the buyer's own words. */
export function speakerNamed(text: string): boolean {
  return SPEAKER.test(normalize(text));
}

const BLOCKED = /拉黑|屏蔽了我|把我屏蔽|把我删了|删了我|把我删除|删除了我|blocked me|unfriended me|deleted me/;

/**
 * A threat to block, not a block: "再问就拉黑", "再烦我就屏蔽你", "小心拉黑你", "threatened to block me".
 * "就把我拉黑了" is done, not threatened.
 */
const BLOCK_THREAT =
  /(?:再|要|会|就|小心|不然|否则|威胁|扬言)[^，。,.!！?？]{0,8}?(?:拉黑|屏蔽|删)(?![你我]?了)(?:你|我)?|拉黑你(?!了)|\b(?:threaten(?:ed|s)?|will|would|'ll|going to|gonna)\s(?:to\s)?(?:block|unfriend|delete)\s(?:me|you)\b/g;

/**
 * The shop is gone or cannot be reached: closed for good, run off, its phone off ("店关门了，门上贴着转让",
 * "老板跑路了", "商家电话一直关机"). A phone that no one answers is the shop's only where no courier or
 * rider is named (their phones are another matter).
 */
const SHOP_GONE = /倒闭|跑路|停业|歇业|不营业|停止营业|暂停营业|人去楼空|卷钱|贴着?转让|旺铺转让|关门了|关店了|(?:联系|找)不(?:上|到)(?:商家|卖家|店家|老板|店长)|(?:商家|卖家|店家|老板|店长)(?:也|都|已经)?(?:失联|联系不上|找不到人)|\b(?:shop|store|gym|salon) (?:has |had )?(?:closed down|shut down|closed for good)|\b(?:seller|shop|owner) (?:has )?(?:disappeared|vanished|is unreachable|can't be reached)/;
const PHONE_DEAD = /(?:电话|手机)(?:一直|也|都|已经)?(?:关机|打不通|停机|是空号|没人接)|\bphone (?:is )?(?:switched off|off|dead|disconnected)/;
const NOT_THE_SHOP = /快递|物流|驿站|骑手|配送|司机|courier|rider|driver/;

/** What a message reports of the buyer being cut off (several may go together). */
export interface CutOff {
  /** The seller blocked the buyer ("把我拉黑了"): no answer will come. */
  blocked: boolean;
  /** The shop is gone or unreachable: like a block, no answer will come (only the platform can act). */
  gone: boolean;
  /** The seller threatens to block the buyer ("再问就拉黑你"): words said, an answer, not silence, and no block. */
  threat: boolean;
}

/**
 * Whether the seller blocked the buyer, the shop is gone, or the seller only threatens to block.
 *
 * @example cutOff('他说再催就拉黑，第二天真把我拉黑了') // { blocked: true, gone: false, threat: true }
 */
export function cutOff(text: string): CutOff {
  const n = normalize(text);
  BLOCK_THREAT.lastIndex = 0;
  const threat = BLOCK_THREAT.test(n);
  return {
    blocked: BLOCKED.test(n.replace(BLOCK_THREAT, ' ')),
    gone: SHOP_GONE.test(n) || (PHONE_DEAD.test(n) && !NOT_THE_SHOP.test(n)),
    threat,
  };
}

/** Leaving the platform for a chat app: adding the seller on WeChat / QQ, "微信上处理". */
const OFF_CONTACT = /加\s?(?:我|他|她|店家|客服|老板|一下)?(?:的)?\s?(?:微信|vx|v信|wx|qq|私人号|个人号)|(?:微信|vx|qq)\s?(?:上|里)\s?(?:聊|谈|处理|说|给你|退|赔)|\b(?:add|message)\s(?:him|her|them|me)?\s?on\s(?:wechat|weixin|qq)|\b(?:add|contact)\s(?:his|her|their|my)\swechat/;
/** Money outside the platform: a transfer, 私下 refund, Alipay / WeChat transfer. */
const OFF_MONEY = /转账|转给你|转你|微信转|支付宝转|私下(?:退|给|赔|转|补|打)|线下(?:退|给|赔|转|补)|平台外|不走平台|(?:alipay|wechat|paypal)\s(?:transfer|pay\syou)|transfer\s(?:you|the money)|pay\syou\s(?:directly|privately)|off[-\s]platform/;

/**
 * What a seller's off-platform proposal amounts to, as the buyer reported it: `contact` (add
 * WeChat / QQ, talk there), `transfer` (money outside the platform), or null when the message
 * names neither. A letter states only this, never more.
 *
 * @example offPlatformKind('店家叫我加他微信聊') // 'contact'
 */
export function offPlatformKind(text: string): 'contact' | 'transfer' | null {
  const norm = normalize(text);
  if (OFF_MONEY.test(norm)) return 'transfer';
  if (OFF_CONTACT.test(norm)) return 'contact';
  return null;
}

/** A condition on a settlement: withdraw the complaint or the after-sales request, leave a good review. */
const WITHDRAW = /撤(?:销|回|掉)?\s?(?:投诉|售后|申请|介入)|撤诉|(?:投诉|售后申请|售后单|退款申请)\s?(?:撤|取消|关)|(?:取消|关闭|关掉)\s?(?:投诉|售后|退款申请|申请|介入)|(?:给|改|打)\s?(?:个)?(?:五星)?好评|删(?:掉)?\s?差评|\b(?:withdraw|cancel|close)\s(?:the\s|my\s)?(?:complaint|dispute|claim|case)|\b(?:remove|delete)\s(?:the\s|my\s)?(?:bad\s|negative\s)?review/;

/**
 * The seller ties an offer to a condition on the buyer's complaint ("撤销投诉", "删差评").
 *
 * @example asksWithdrawal('商家说多退20块，前提是我把投诉撤了') // true
 */
export function asksWithdrawal(text: string): boolean {
  return WITHDRAW.test(normalize(text));
}

const ASKED_TENFOLD = /[退假]一赔十|十倍(?:赔偿|赔)|赔(?:偿)?十倍|10\s?倍(?:赔偿|赔)|赔(?:偿)?10\s?倍|\b(?:ten|10)(?:\s|-)?(?:times|fold)\b/;
/** Compensation asked for in the buyer's own words ("还要赔偿", "我要求赔", "+赔800"), not refused or offered. */
const ASKS_COMPENSATION = /(?<![不别])(?:要|要求|得|申请)(?:他|商家|卖家|店家)?(?:们)?赔|(?<![不别没肯能愿])赔(?:偿)?(?:我)?\s?\d|\b(?:want|demand|claim)\b[^.]{0,20}\bcompensation\b/;
const NAMES_TENFOLD = /十倍|10\s?倍|食品安全法|食安法|\bfood safety law\b/;
const NAMES_TREBLE = /三倍|3\s?倍|消费者权益保护法第五十五条|消法第?五十五条/;
const ASKED_TREBLE = /[退假]一赔三|三倍(?:赔偿|赔)|赔(?:偿)?三倍|3\s?倍(?:赔偿|赔)|赔(?:偿)?3\s?倍|\b(?:three|3)(?:\s|-)?(?:times|fold)\b|\btreble\b/;

/**
 * The statutory multiple the buyer names ("退一赔三", "要十倍赔偿"), or null. Only the name is
 * read here; whether the facts support it is the knowledge's call (src/knowledge/claims.ts).
 *
 * @example askedMultiple('这种假货我要求赔三倍') // 'fraud_3x'
 */
export function askedMultiple(text: string): 'fraud_3x' | 'food_10x' | null {
  const norm = normalize(text);
  if (ASKED_TENFOLD.test(norm)) return 'food_10x';
  if (ASKED_TREBLE.test(norm)) return 'fraud_3x';
  // "也要他们赔，按食品安全法是十倍吧": compensation asked, the multiple or its law named apart from it.
  if (!ASKS_COMPENSATION.test(norm)) return null;
  if (NAMES_TENFOLD.test(norm)) return 'food_10x';
  if (NAMES_TREBLE.test(norm)) return 'fraud_3x';
  return null;
}

const WISH_LEAD = /^(?:我|那|就)?(?:只)?(?:希望|想要|想|要求|需要|请(?:你们|商家|卖家)?|麻烦(?:你们|商家|卖家)?|能不能|能否)\s*/u;
const WISH_LEAD_EN = /^(?:i\s+)?(?:(?:would|'d)\s+like|want|need|please)\s+(?:you\s+|them\s+|the seller\s+)?(?:to\s+)?/iu;
const QUESTION_END = /[？?]\s*$|[吗呢]\s*[。.!！]?\s*$/u;

/**
 * A wish the buyer states in their own words when it is none of the six ("希望尽快上门安装"):
 * the words after the wish verb, or null for a question or a message that states no wish.
 *
 * @example statedWish('我希望下周之前把漏装的螺丝寄过来') // '下周之前把漏装的螺丝寄过来'
 */
export function statedWish(text: string): string | null {
  const s = text.replace(/\s+/g, ' ').trim();
  if (QUESTION_END.test(s) || s.length > 60) return null;
  const zh = WISH_LEAD.exec(s);
  const en = zh ? null : WISH_LEAD_EN.exec(s);
  const lead = zh ?? en;
  if (!lead) return null;
  const rest = s.slice(lead[0].length).replace(/^[，,:：\s]+|[。.!！~～\s]+$/gu, '');
  return rest.length >= 2 ? rest : null;
}

const THANKS = /谢谢|感谢|多谢|thanks?\b|thank you/;

/** The buyer says thank you ("谢谢", "thanks"). */
export function saysThanks(text: string): boolean {
  return THANKS.test(normalize(text));
}

const REFUND_MISSING =
  /(?:还|仍然?|一直|都|至今)?\s?(?:没|未|没有)\s?(?:收到|到账|看到|退回?)(?:的)?\s?(?:退款|钱|款)|(?:退款|钱|款)[^，,。.!！?？]{0,6}?(?:还|仍然?|一直|都|至今)?\s?(?:没|未|没有)\s?(?:到账|到|收到|退回|退给我|打过来)|\brefund\s(?:has\s?n[o']t|hasn't|did\s?n[o']t|is\s?n[o']t|still\s(?:has\s?n[o']t|not)|not\syet|never)\s?(?:arrived|come|come through|shown up|been paid|here)?|\b(?:haven'?t|have not|didn'?t|did not|never|still haven'?t)\s(?:received|got(?:ten)?|seen)\s(?:the|my|a|any)\srefund|\bno refund yet\b/;

/**
 * The buyer says the agreed refund has not arrived ("钱还没到账", "still no refund").
 *
 * @example refundMissing('说好退的钱到现在还没到账') // true
 */
export function refundMissing(text: string): boolean {
  return REFUND_MISSING.test(normalize(text));
}

const PLATFORM_SPEAKS =
  /(?:平台|小二|京东|淘宝|天猫|拼多多|抖音|快手|小红书|闲鱼|唯品会|美团|饿了么|得物)(?:的)?(?:官方)?(?:客服|小二|仲裁)?(?:那边)?(?:也)?(?:说|讲|表示|回复|答复|认为|判|拒绝|让我|叫我)|(?:the\s)?(?:platform|taobao|jd|pinduoduo|douyin)(?:'s)?\s(?:customer service\s)?(?:also\s)?(?:said|says|refused|rejected)/;

/** The platform itself answered ("京东客服也说不给换"): on the platform rung, its refusal is its ruling. */
export function platformSpeaks(text: string): boolean {
  return PLATFORM_SPEAKS.test(normalize(text));
}

const PICKUP = /上门取件|上门取货|上门收件|上门揽收|快递上门|上门来取|door(?:-to-door)?\s(?:pickup|pick-up|collection)|(?:courier|they)\s(?:will\s)?(?:come\s(?:to\s)?(?:pick|collect)|pick\sit\sup)|waiting\sfor\s(?:the\s)?(?:pickup|pick-up|collection|courier\sto\scollect)/;

/** The return goes by door-to-door pickup ("等快递上门取件"): nothing for the buyer to post. */
export function doorPickup(text: string): boolean {
  return PICKUP.test(normalize(text));
}

const ONLY_PART = /(?:只|仅|才|就)\s?(?:给我?|帮我|判了?)?\s?(?:退|赔|补)|only\s(?:refunded|gave|got|paid|awarded)/;

/** Only part of what was asked was given ("只给我退了一点"): with a ruling, a ruling not in the buyer's favour. */
export function onlyPart(text: string): boolean {
  return ONLY_PART.test(normalize(text));
}

/**
 * The seller agrees to less than asked ("卖家说只能退货退款", "最多补偿10块"): a counter-offer, not a
 * refusal. The seller must be named: "我只能退款了吗" is the buyer's question.
 */
export function offersLess(text: string): boolean {
  const norm = normalize(text);
  return SELLER_SPEAKS.test(norm) && LESS.test(norm);
}

/**
 * The seller's (or platform's) words, demand or offer reported: "卖家说…", "商家要我…", "客服让我…",
 * "佢話…", "the seller said…". Not the buyer's own words to the seller ("我跟卖家说…").
 */
const OTHERS_SAID =
  /(?<![跟和对向给])(?:卖家|商家|客服|店家|老板|对方|小二|佢|他们|seller|shop|customer service)\s?(?:跟我|和我|对我|又|还|就)?\s?(?:说|讲|话|表示|称|回复|回|答复|要我|让我|叫我|要求我?|[:：]|said|says|told me|wants me|asked me)/;

/** The message reports what the seller or the platform said or demanded. */
export function reportsOthersWords(text: string): boolean {
  return OTHERS_SAID.test(normalize(text));
}

/**
 * A third party by name, neither the seller nor the platform: the courier or its company, a consolidation
 * company, an installer or technician, a rider or driver, a brand counter, a bank, an insurer. One list for
 * every reader of their words (otherSpeaker, reportsThirdPartyWords, namesRemedyOnly).
 */
export const THIRD_PARTY =
  String.raw`集运(?:公司|仓)?|转运(?:公司|仓)?|快递(?:公司|员|小哥)?|物流(?:公司)?|驿站|菜鸟|顺丰|中通|圆通|申通|韵达|极兔|邮政|\bems\b|德邦|骑手|配送员|送货的|司机|` +
  String.raw`安装(?:师傅|工|人员|的人)|维修(?:师傅|工|点)|师傅|售后网点|专柜|品牌(?:方|客服|售后)?|保险公司|银行|` +
  String.raw`\b(?:the\s)?(?:courier|delivery (?:guy|driver|company)|shipping company|forwarder|post office|bank|insurer|installer|technician|driver)s?\b|\bthe\s(?:brand|counter)\b`;

/** Someone neither side, the installer, the courier, the rider, telling what they found or will do. */
const THIRD_PARTY_SAID = new RegExp(String.raw`(?:${THIRD_PARTY})[^，,。；;！!？?我]{0,6}?(?:说|讲|表示|称|said|says|told me)`);

/**
 * "师傅说配件有问题，要重新寄配件过来": a third party's words. The remedy they name is what they
 * will do, not the buyer's wish, and their sums are not the buyer's.
 */
export function reportsThirdPartyWords(text: string): boolean {
  return THIRD_PARTY_SAID.test(normalize(text));
}

/** Where, in an already normalised text, the first report of the other side's words begins; -1 if none. */
export function othersWordsAt(norm: string): number {
  const m = OTHERS_SAID.exec(norm);
  return m ? m.index : -1;
}

const QUESTION =
  /[?？]\s*$|(?:吗|嘛|么|呢|咩|嗎)\s*[!！.。~～]*\s*$|谁(?:出|付|承担|负责|来出|来付)|(?:合理|正常)(?:吗|嘛|么|咩|不)|凭什么|为什么|为啥|是不是|能不能|可不可以|行不行|\bwho (?:pays|covers)\b/;

/**
 * The message asks something or makes a rhetorical remark ("运费谁出", "这合理吗？", "…打发人呢"):
 * the amounts and remedies in it are not the buyer's own facts.
 */
export function asksQuestion(text: string): boolean {
  return QUESTION.test(normalize(text).trim());
}

/** "…，说是我自己进水了": the reason after a verb of saying (not the buyer's own "我说"). */
/** The buyer's own voice starting again ("我…", "那我…", "但是我…"; not the seller's "我们"). */
export const BUYER_VOICE = String.raw`(?:那|可是?|但是?|然后|所以|结果|而且)?\s?我(?!们)`;
/**
 * After a space, what the buyer met on trying ("让我找骑手 骑手电话打不通"): the seller told them where to
 * go, the buyer tells how it went. Their words end before it.
 */
const OWN_OUTCOME = String.raw`[^，。！？,.!?\s]{0,8}?(?:打不通|没打通|联系不上|联系不到|没人接|无人接听|不接电话|关机|空号|找不到人|也不管|也不理|不回消息)`;
/** "…保证抢到 结果开票那天…": the buyer's story goes on (what came of it); the words said before end there. */
const NARRATION = String.raw`(?:结果|后来|谁知道?|没想到|到头来|等到)`;
/** The longest reason kept: one cut at it is cut back to the last whole clause. */
const REASON_MAX = 60;
/**
 * The clause after a verb of saying. A space before the buyer's own voice ("我…", "那我…") or
 * another verb of saying ends it as a comma would: buyers type spaces for commas, and the words
 * after one are then their own again ("说运费我出 我有运费险的"); any other space is inside the
 * seller's words ("说不退 让我找快递").
 */
const REPORTED_REASON = new RegExp(String.raw`(?<![我你])(?:说|称|表示|认为|理由是|原因是)\s?((?:[^，。！？,.!?；;\n"“”「」:：\s]|\s(?!${BUYER_VOICE}|(?:又|还|也)?(?:说|称|表示)|${OWN_OUTCOME}|${NARRATION})){2,${REASON_MAX}})`, 'u');
/** A "reason" that is only the refusal itself ("说不给退") or a promise: no reason. Out of stock ("没有库存了", "没货了") is one. */
const NOT_A_REASON = /^(?:不|没(?!有?(?:库存|现货|货))|拒绝|不能|不可以|不行|不给|不退|不换|不管|要等|会|明天|今天|\d)/u;

/**
 * The seller's reason for refusing as the buyer reported it, in the buyer's words, when the
 * buyer did not quote the seller ("卖家拒绝了，说是我自己进水了" → "是我自己进水了"); null otherwise.
 *
 * @example reportedReason('卖家不给退，说这是人为损坏') // '这是人为损坏'
 */
export function reportedReason(text: string): string | null {
  const norm = normalize(text);
  // What the courier said ("中通说包裹丢了") is not the seller's reason: the next speaker's is.
  // Nor are words said before what came of them ("说保证抢到 结果…"): an earlier promise, not the answer.
  const m = [...norm.matchAll(REPORTED_REASON_ALL)].find((x) => !COURIER_SPEAKER.test(norm.slice(Math.max(0, x.index - 6), x.index)) && !narrationAt(norm, x.index + x[0].length));
  const reason = m ? wholeClauses(m[1]!, norm.slice(m.index + m[0].length)) : null;
  if (!reason || NOT_A_REASON.test(reason) || /好的|好了/.test(reason)) return null;
  return reason;
}

const REPORTED_REASON_ALL = new RegExp(REPORTED_REASON.source, 'gu');
const NARRATION_NEXT = new RegExp(String.raw`[\s，,。]{0,3}${NARRATION}`, 'uy');

/** The buyer's story goes on at `at` ("… 结果…"; see NARRATION). */
export function narrationAt(norm: string, at: number): boolean {
  NARRATION_NEXT.lastIndex = at;
  return NARRATION_NEXT.test(norm);
}

/**
 * A reason read up to REASON_MAX and the text after it: one the limit cut mid-clause ("…印花歪的说是")
 * keeps its whole clauses only (none: no reason, rather than half of one).
 */
function wholeClauses(reason: string, rest: string): string | null {
  const words = reason.trim();
  if (reason.length < REASON_MAX || !/^[^，。！？,.!?；;\n"“”「」:：\s]/u.test(rest)) return words || null;
  const end = words.lastIndexOf(' ');
  return end > 0 ? words.slice(0, end).trim() : null;
}
/** A courier named just before a verb of saying. */
const COURIER_SPEAKER = /(?:快递|物流|驿站|顺丰|中通|圆通|申通|韵达|邮政|极兔|德邦|京东快递|快递员|小哥)(?:那边|客服)?(?:也|又|还|就)?$/u;


/** The seller (or its warehouse) has the returned goods: "商家已签收退货", "卖家说退货收到了". */
const RETURN_RECEIVED_ZH = [
  /(?:商家|卖家|店家|店铺|对方|他们|仓库|老板)(?:那边)?[^，。！？,!?；;]{0,14}?(签收|收到|收下)/,
  /(?:退货|退回的|寄回的|寄回去的|退的货|包裹)[^，。！？,!?；;]{0,8}?(?:被)?(?:商家|卖家|店家|对方|仓库)(?:那边)?[^，。！？,!?；;]{0,4}?(签收|收到)/,
];
/** "卖家说收到了": the receipt is the seller's word, told that day, not a signing the buyer saw (or a day known). */
const SAYS_BEFORE_RECEIPT = /说|称|表示|讲|话|回复|答复/;
/** Words that make the parcel a return: the goods went back to the seller. */
const RETURN_CONTEXT = /退货|退回|寄回|寄还|寄返|退返|退的货|寄过去|寄给(?:他们|卖家|商家|店家)|return/;
/** "还没收到", "未签收", "不收", Cantonese "冇收到" / "唔收": not received. */
const NOT_BEFORE = /(?:没|未|不|没有|还没|还未|冇|唔|无)\s?(?:有)?\s?$/;
/**
 * The parcel was lost on its way ("快递说件丢了", "寄丢了", "順豐話件貨遺失咗", "the courier lost it"):
 * whatever the message says about receiving, the seller cannot have signed for it.
 */
const PARCEL_LOST = /遗失|丢失|丢件|丢了|寄丢|弄丢|搞丢|不见了|\blost\b/;
/** What was lost is a parcel ("发票丢了" is not). */
const PARCEL_WORDS = /包裹|快递|件|货|物流|顺丰|中通|圆通|申通|韵达|邮政|极兔|德邦|parcel|package|courier|shipment|item/;

/** The message says a parcel was lost. */
function parcelLost(norm: string): boolean {
  return PARCEL_LOST.test(norm) && PARCEL_WORDS.test(norm);
}
/** "收到退货后就退款", "收到货3天内退款": a condition (or the time it starts), not a receipt. */
const CONDITIONAL_AFTER = /^[^，。！？,!?]{0,4}?(?:后|以后|之后|再|才)|^[^，。！？,!?\d]{0,3}?\s?(?:\d{1,2}|[一二两三四五六七八九十]{1,2})\s?(?:个)?\s?(?:工作日|天|日|小时)\s?(?:之内|以内|内)/;
/** "卖家收到照片了": something else than the parcel was received ("收到货了 退款…" names the goods first, then the money). */
const OTHER_THING_AFTER = /^[^，。！？,!?\s货]{0,4}?(?:照片|图|视频|消息|截图|证据|钱|款|申请|信息)/;
/**
 * Words one of which every receipt pattern needs (RETURN_RECEIVED_ZH its 签收 / 收到 / 收下,
 * RETURN_RECEIVED_EN its verb): a message with none of them reports no receipt.
 */
const RECEIPT_CUE = /签收|收到|收下|received|got|signed|picked|delivered/;
const RETURN_RECEIVED_EN = [
  /\b(?:the\s)?(?:seller|shop|store|merchant|warehouse|they)\s(?:has\s|have\s|had\s)?(?:already\s|now\s|finally\s)?(?:received|got|signed\sfor|picked\sup)\s(?:the\s|my\s)?(?:return|returned|parcel|package|item|goods|it\sback)/,
  /\breturn(?:ed)?\s(?:parcel\s|package\s|item\s|goods\s)?(?:was\s|has\sbeen\s|got\s|is\s)?(?:delivered|received|signed\sfor)\s(?:to|by|at)\s(?:the\s)?(?:seller|shop|store|merchant|warehouse)/,
];

/**
 * The parcel the buyer sent back was lost by the courier ("我寄回去的货快递弄丢了", "return parcel lost"):
 * the message must speak of a return unless `returning` (the case has the return on its record).
 *
 * @example returnLost('寄回去的包裹被快递弄丢了，商家说没收到') // true
 */
export function returnLost(text: string, returning = false): boolean {
  const norm = normalize(text);
  return parcelLost(norm) && (returning || RETURN_CONTEXT.test(norm));
}

/**
 * The seller has received the buyer's returned goods ("商家11月20号就签收了" about a parcel sent
 * back, "return delivered to seller"), and on which day when the buyer named one (YYYY-MM-DD;
 * null: today or not said). A Chinese message must speak of a return unless `returning` (the case
 * already has the return on its record). A negated receipt ("还没收到退货") is none.
 *
 * @example returnReceipt('11月18号寄回的 商家11月20号就签收了', new Date('2026-12-05T09:00:00+08:00'), 'Asia/Shanghai') // { day: '2026-11-20' }
 */
export function returnReceipt(text: string, now: Date, timezone: string, returning = false): { day: string | null; said?: true } | null {
  const norm = normalize(text);
  // No word of receiving: none of the receipt patterns can match.
  if (!RECEIPT_CUE.test(norm) || parcelLost(norm)) return null;
  let at = -1;
  let end = -1;
  let said = false;
  for (const re of RETURN_RECEIVED_ZH) {
    const m = re.exec(norm);
    if (!m) continue;
    const verb = m.index + m[0].length - m[1]!.length;
    const rest = norm.slice(m.index + m[0].length, m.index + m[0].length + 8);
    if (NOT_BEFORE.test(norm.slice(Math.max(0, verb - 4), verb)) || CONDITIONAL_AFTER.test(rest)) continue;
    if (!RETURN_CONTEXT.test(norm) && (!returning || OTHER_THING_AFTER.test(rest))) continue;
    at = verb;
    end = m.index + m[0].length;
    said = SAYS_BEFORE_RECEIPT.test(norm.slice(m.index, verb));
    break;
  }
  if (at < 0) {
    const m = RETURN_RECEIVED_EN.map((re) => re.exec(norm)).find((x) => x);
    if (!m) return null;
    at = m.index;
    end = m.index + m[0].length;
  }
  // The day is the one said closest before the receipt in its clause, else the first after it.
  const t = today(now, timezone);
  const claim = said ? { said: true as const } : {};
  if (!t) return { day: null, ...claim };
  const todayIso = `${t[0]}-${String(t[1]).padStart(2, '0')}-${String(t[2]).padStart(2, '0')}`;
  const hits = dateHits(norm);
  const before = hits.filter((h) => h.end <= at && !/[。！？!?；;]/.test(norm.slice(h.end, at))).at(-1);
  const after = hits.find((h) => h.start >= at && h.start - end <= 12);
  const day = (before ?? after)?.resolve(t) ?? null;
  return { day: day && day < todayIso ? day : null, ...claim };
}

/**
 * A party the buyer names, by kind: the platform (平台客服, 小二, 官方客服, "京东客服"), a system message (系统,
 * 页面, the app), a third party (a consolidation company, the courier, an installer, a brand counter), or
 * the seller. Not a party spoken to ("跟客服说", "找集运公司").
 */
const PARTY = new RegExp(
  String.raw`(?<![跟和对向给找问联系])(?:` +
    String.raw`(?<platform>(?:京东|淘宝|天猫|拼多多|抖音|快手|小红书|闲鱼|唯品会|美团|饿了么|得物)?(?:平台|官方)(?:的)?(?:客服|小二)?|(?:京东|淘宝|天猫|拼多多|抖音|快手|小红书|闲鱼|唯品会|美团|饿了么|得物)(?:的)?(?:客服|小二)|小二|\b(?:the\s)?platform(?:'s)?(?:\scustomer service|\ssupport)?|\b(?:jd|taobao|tmall|pinduoduo|douyin|meituan)\s(?:customer service|support))` +
    String.raw`|(?<system>系统|页面|app\s?(?:上|里)?|\bthe\s(?:system|page|app|website))` +
    String.raw`|(?<third>${THIRD_PARTY})` +
    String.raw`|(?<seller>卖家|商家|店家|老板|客服|对方|\b(?:the\s)?(?:seller|shop|merchant)\b))`,
  'gu',
);
/** A verb of saying or showing: what the nearest party before it said, replied, demanded or showed. */
const SAYS = /说(?!明)|讲|(?<!电)话|表示|称|回复|回覆|答复|回了|回说|覆咗|显示|提示|写着|要我|让我|叫我|\b(?:said|says|told|replied|wrote|shows|showed|asked me|wants me)\b/gu;

/** A character or word each non-seller party of PARTY holds, in either script (a cheap first look). */
const OTHER_PARTY_HINT = /平台|平臺|官方|小二|客服|系统|系統|页面|頁面|集运|集運|转运|轉運|快递|快遞|物流|驿站|驛站|菜鸟|菜鳥|顺丰|順豐|中通|圆通|圓通|申通|韵达|韻達|极兔|極兔|邮政|郵政|ems|德邦|骑手|騎手|配送|送货|送貨|司机|司機|安装|安裝|师傅|師傅|专柜|專櫃|品牌|维修|維修|网点|網點|保险|保險|银行|銀行|app|platform|system|page|website|courier|delivery|shipping|forwarder|post office|bank|insurer|installer|technician|driver|brand|counter|support|jd|taobao|tmall|pinduoduo|douyin|meituan/iu;

export interface OtherSpeaker {
  kind: 'platform' | 'system' | 'third';
  /** The party as the buyer named it ("平台客服", "系统", "集运公司"). */
  name: string;
}

/**
 * Whose words a message reports when they are not the seller's: the party named nearest before each
 * verb of saying ("集运公司那边说要入仓照片", "系统显示不符合价保条件", "平台客服介入了…说赔偿找商家谈").
 * Null when the seller is named in it other than as the one spoken to ("平台客服说卖家同意了" may relay the
 * seller's answer), or no party is named before the words.
 *
 * @example otherSpeaker('转运仓那边说要我补拍外箱照片') // { kind: 'third', name: '转运仓' }
 */
export function otherSpeaker(text: string): OtherSpeaker | null {
  // A party other than the seller is named with one of these (Simplified or Traditional): most messages name none.
  if (!OTHER_PARTY_HINT.test(text)) return null;
  const norm = normalize(text);
  const parties = [...norm.matchAll(PARTY)];
  // The seller named inside the quoted words ("平台客服回复：需与商家协商") is talked about, not speaking.
  const [from, to] = quotedPart(norm);
  if (parties.length === 0 || parties.some((p) => p.groups?.seller && (p.index < from || p.index >= to))) return null;
  for (const verb of norm.matchAll(SAYS)) {
    const g = parties.filter((p) => p.index + p[0].length <= verb.index).at(-1);
    if (g?.groups) return { kind: g.groups.platform ? 'platform' : g.groups.system ? 'system' : 'third', name: g[0].trim() };
  }
  return null;
}
