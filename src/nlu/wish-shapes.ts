/**
 * Shapes of the buyer's wish that the six codes do not hold on their own, read beside the
 * extraction (not features of the classifier): a remedy named only to turn the seller's offer down
 * or inside a third party's words (no new wish), a service asked for with a remedy as the fallback
 * ("快点上门来装，否则退货"), and a claim added to the wish ("另外医药费也要赔"). Small bounded
 * regexes over the normalised text.
 */
import { normalize, normalizeAligned } from './normalize.ts';
import { reportsOthersWords, THIRD_PARTY } from './buyer-report.ts';

/** Part of the money, as the other side offered it: "只退一半", "退一部分", "半价", "打八折", "only half". */
const PART_OFFERED = /只(?:退|给|赔|肯)|一半|半价|部分|打[\d一二三四五六七八九]?折|\bhalf\b|\bpartial\b/;
/** Words that refuse it: "不可能", "凭什么", "不接受", "没门", "no way". ("不行的话…" offers a fallback.) */
const REFUSED =
  /不可能|凭什么|怎么可能|怎么能|哪有|哪能|休想|没门|别想|不行(?!的话)|不干|不同意|不答应|(?:不|没法|无法|不能)接受|接受不了|不认|\bno way\b|unacceptable|not acceptable|(?:won'?t|will not|don'?t|do not|can'?t|cannot) accept|\brefuse\b|\bwhy only\b/;
/** Someone other than the seller reports or advises: the courier, the station, the bank ("中通说…"). */
const THIRD_PARTY_SAID = new RegExp(
  String.raw`(?<![跟和对向给])(?:${THIRD_PARTY})\s?(?:那边|的人|客服)?\s?(?:跟我|和我|对我)?\s?(?:说|讲|称|表示|回复|答复|告诉我|让我|叫我|要我|建议|said|says|told me|asked me)`,
);
/** The buyer asks in the first person ("我要全额退款", "I want a full refund"): a wish of their own beside it. */
const OWN_ASK = /我(?:就|只|还是)?(?:要|想要?|希望|坚持)|要求(?!我)|\bi (?:want|need|insist)|\bi'?d rather/;

/**
 * The message names a remedy without asking for it: it turns the seller's partial offer down
 * ("凭什么只退一部分") or passes on what a third party said ("快递说要卖家去理赔"), and the buyer
 * asks for nothing in their own voice beside it. The wish on record stays.
 *
 * @example namesRemedyOnly('不可能只退一半，我就试了一下') // true
 */
export function namesRemedyOnly(text: string): boolean {
  const norm = normalize(text);
  if (OWN_ASK.test(norm)) return false;
  return turnsDownPart(text) || THIRD_PARTY_SAID.test(norm);
}

/**
 * The buyer refuses part of the money as the other side offered it ("不可能退一半", "凭什么只退一部分",
 * "half? no way"): the offer is not accepted.
 */
export function turnsDownPart(text: string): boolean {
  const norm = normalize(text);
  return PART_OFFERED.test(norm) && REFUSED.test(norm);
}

/** A cost beyond the price: postage, medical costs, travel ("寄回的邮费", "挂号拿药花了60", "打车费"). */
const EXTRA_COST = /运费|邮费|快递费|寄费|医药费|医疗费|看病|就医|挂号|检查费|路费|打车|误工|shipping|postage|medical|hospital|doctor|taxi/;
/** Asked of the other side: "也要赔", "卖家出", "报销", "should pay". */
const PAID_BY_THEM = /赔|报销|(?:卖家|商家|店家|你们|他们|他|她|对方|店铺)(?:来|得|要|也要|也得|必须)?(?:出|付|承担|负责|包)|也要(?:出|付|退|给)|\b(?:pays?|covers?|reimburse|compensate)\b|paid by (?:them|the seller|the shop|you)|\bon them\b/;
/** Not a claim: the postage insurance paying, the buyer paying, a question ("运费谁出"). */
const NOT_A_CLAIM = /运费险|谁(?:来)?(?:出|付|承担)|我(?:自己)?(?:来)?(?:出|付|承担)|[吗呢]$|\bwho\b/;
// A full stop ends an English sentence too (not the point of "12.5").
const CLAUSE_SEPS = /(?:[，,。；;！!？?\n]|\.(?=\s|$))+/g;
/** Words that join the claim to the wish: "另外", "还有", "and also". */
/** `EXTRA_COST` on the raw words, Traditional forms and capitals included: the cheap look before the clauses are read. */
const EXTRA_COST_ANY = /运费|運費|邮费|郵費|快递费|快遞費|寄费|寄費|医药|醫藥|医疗|醫療|看病|就医|就醫|挂号|掛號|检查费|檢查費|路费|路費|打车|打車|误工|誤工|shipping|postage|medical|hospital|doctor|taxi/i;
/** Where one spoken part ends inside a clause: a "+", or a space beside Chinese. */
const PART_GAP = /[+＋]|(?<=[\u4e00-\u9fff])\s+|(?<!\s)\s+(?=[\u4e00-\u9fff])/gu;
const EXTRA_LEAD = /^(?:另外|还有|并且|而且|同时|以及|外加|再加上?|加上|and also|also|plus|and)[，,\s]*/;

/**
 * A claim the buyer adds to the wish, in their words ("另外挂号拿药花了60也要赔", "寄回的邮费商家出",
 * "the shipping both ways should be on them too"): a cost beyond the price, asked of the seller, in a
 * clause of its own that is no question. Null when none, or when the message reports the other side's words.
 *
 * @example extraClaim('退款，另外挂号费80也要赔') // '挂号费80也要赔'
 */
export function extraClaim(text: string): string | null {
  // Most messages name no such cost: the cheap look first (Traditional forms too, before normalizing).
  if (!EXTRA_COST_ANY.test(text) || reportsOthersWords(text)) return null;
  const norm = normalizeAligned(text);
  let from = 0;
  for (const m of [...norm.matchAll(CLAUSE_SEPS), null]) {
    const to = m ? m.index : norm.length;
    const clause = norm.slice(from, to).trim();
    const asked = m !== null && /[?？]/.test(m[0]);
    if (!asked && EXTRA_COST.test(clause) && PAID_BY_THEM.test(clause) && !NOT_A_CLAIM.test(clause)) {
      // "订单P786… 精华328 我要退款 + 医药费126 他们必须出": with no comma, the claim starts at the last
      // "+" or gap between Chinese words before the cost, not with the order number and the wish.
      const cost = EXTRA_COST.exec(clause)!.index;
      const cut = Math.max(0, ...[...clause.slice(0, cost).matchAll(PART_GAP)].map((g) => g.index + g[0].length));
      const lead = EXTRA_LEAD.exec(clause.slice(cut))?.[0].length ?? 0;
      const start = norm.indexOf(clause, from) + cut + lead;
      return text.slice(start, start + clause.length - cut - lead).trim() || null;
    }
    if (m) from = m.index + m[0].length;
  }
  return null;
}

/** "不然", "否则", "再不发就", "不装的话就", "otherwise": what follows is the fallback. */
const FALLBACK_MARK =
  /要不然|不然|否则|不行的话|(?:再|还)?不(?:给我)?(?:发货?|寄|装|安装|来|送|上门|联系|处理)(?:的话)?(?:我)?就|\botherwise\b|\bor else\b|\bif not\b/;
/** `FALLBACK_MARK`'s words on the raw text (Traditional forms and capitals too): most messages have none. */
const FALLBACK_ANY = /不然|否[则則]|不行的[话話]|不[^，,。；;！!？?]{0,8}就|otherwise|or else|if not/i;
/** A service or a shipment asked for: installation, a visit, shipping, delivery, a call back. */
const SERVICE = /发货|发出|寄出|出库|安装|装好|装上|来装|上门|送货|送到|送来|派送|配送|派人|派师傅|安排师傅|联系我|回电话|\bship|install|deliver|dispatch|technician/;
/** Urged or asked: "尽快", "赶紧", "我要求", "please", "asap". */
const URGED = /要求|希望|我要|我想|请|麻烦|催|赶紧|尽快|快点|马上|立刻|立即|抓紧|please|asap|as soon as|immediately|right away|i want|i need/;
/** One of the six remedies named in the first choice itself: the ordinary fallback reading has it. */
const CODED_REMEDY = /退|换|修|补发|补寄|重发|重新发|再发|赔|补偿|refund|return|exchange|replace|repair|fix|compensat|resend/;
/** The fallback is a remedy: money back, a return, a cancellation. */
const FALLBACK_REMEDY = /退|取消|赔|refund|return|cancel|money back/;
const WISH_LEAD = /^(?:帮我|我|那|就)?(?:要求|希望|想要|想|要|需要|麻烦|请|催促?)?(?:他们|你们|商家|卖家|店家|对方)?[，,\s]*(?:i\s+)?(?:(?:want|need|would like|'d like)\s+(?:you\s+|them\s+|the seller\s+)?(?:to\s+)?)?(?:please\s+)?/;
const FALLBACK_LEAD = /^(?:的话)?[，,\s]*(?:我)?(?:就)?(?:要|想|只能|只好)?(?:直接)?(?:给我)?[，,\s]*(?:i'?ll\s+|i will\s+|we'?ll\s+)?/;

/**
 * A service or shipment asked for with a remedy as its fallback ("请尽快派人来装好，否则我要退货",
 * "马上发出来，不发就取消退钱", "please send the installer asap, otherwise I'll return it"): the buyer's
 * wish is the service, which none of the six codes holds, so it is kept in their words with the
 * fallback after it ("尽快派人来装好（否则退货）"). Null when the first choice is itself one of the six.
 */
export function conditionalWish(text: string): string | null {
  if (!FALLBACK_ANY.test(text)) return null;
  const norm = normalizeAligned(text);
  const mark = FALLBACK_MARK.exec(norm);
  if (!mark) return null;
  let head = norm.slice(0, mark.index).replace(/[，,；;\s]+$/u, '');
  let start = clauseStart(head);
  // "尽快派人上门修，一周内不来就退货": the clause before the mark is the fallback's time, not the first choice.
  const when = TIME_LIMIT.test(head.slice(start).trim()) ? start + head.slice(start).search(/\S/) : -1;
  if (when >= 0) {
    head = head.slice(0, start).replace(/[，,；;\s]+$/u, '');
    start = clauseStart(head);
  }
  const first = head.slice(start).trim();
  if (!SERVICE.test(first) || !URGED.test(first) || CODED_REMEDY.test(first)) return null;
  const after = mark.index + mark[0].length;
  const stop = /[。！!？?\n]/.exec(norm.slice(after));
  const fallback = norm.slice(after, stop ? after + stop.index : norm.length);
  if (!FALLBACK_REMEDY.test(fallback)) return null;
  const firstAt = head.indexOf(first, start);
  const wish = text.slice(firstAt + (WISH_LEAD.exec(first)?.[0].length ?? 0), firstAt + first.length).trim();
  const instead = text.slice(after + (FALLBACK_LEAD.exec(fallback)?.[0].length ?? 0), after + fallback.length).replace(/[，,。.!！~～\s]+$/u, '').trim();
  if (wish.length < 2 || instead.length < 2) return null;
  // With its time, the fallback is kept whole in the buyer's words ("一周内不上门就退货退款").
  if (when >= 0) return `${wish}（${text.slice(when, after + fallback.length).replace(/[，,。.!！~～\s]+$/u, '').trim()}）`;
  return /[\u4e00-\u9fff]/.test(wish) ? `${wish}（否则${instead}）` : `${wish} (otherwise ${instead})`;
}

/** Where the last clause of `head` starts. */
function clauseStart(head: string): number {
  return Math.max(...['，', ',', '；', ';', '。', '！', '!', '？', '?', '\n'].map((c) => head.lastIndexOf(c))) + 1;
}

/** A clause that is only a time limit: "三天内", "48小时之内", "明天之前", "这周末前", "如果周五还". */
const TIME_LIMIT =
  /^(?:如果|要是|假如)?(?:[\d一二两三四五六七八九十几半]+\s?(?:天|日|个?小时|个?工作日|周|个?星期|个?礼拜)|今天|明天|后天|这周末?|本周末?|周[一二三四五六日末]|下周[一二三四五六日末]?|月底|\d+月\d+[号日])(?:之内|以内|内|之前|以前|前)?(?:还|再|都|仍)?$/;

/**
 * Two remedies offered as either-or ("要么重发要么退钱", "补发，或者退款也行", "修或换都行", "either resend it or refund me"):
 * the second, in the buyer's words with its joining word ("要么退款"), noted beside the first (the wish).
 */
/** `EITHER_OR`'s words on the raw text: most messages have none. */
const EITHER_ANY = /要[么麼]|或|either/i;
const EITHER_OR = /要么[^，,。；;！!？?]{1,10}?[，,\s]*(要么[^，,。；;！!？?]{1,10})|(或者[^，,。；;！!？?]{1,8}?)(?:也行|也可以|都行|都可以)|\beither\b[^.!?]{1,30}?\b(or\s+[a-z ]{3,24})|[退换修][^，,。；;！!？?或]{0,3}(或者?[退换修][^，,。；;！!？?]{0,3}?)(?=都|也|[，,。；;！!？?\s]|$)/;
export function alternativeWish(text: string): string | null {
  if (!EITHER_ANY.test(text)) return null;
  const norm = normalizeAligned(text);
  const m = EITHER_OR.exec(norm);
  const part = m ? (m[1] ?? m[2] ?? m[3] ?? m[4])! : null;
  if (!m || !part || !CODED_REMEDY.test(part)) return null;
  const at = m.index + m[0].indexOf(part);
  return text.slice(at, at + part.length).replace(/[，,。.!！~～\s]+$/u, '').trim();
}
