/** Money the buyer paid and money refunded ("实付199元", "只退了50块", "paid ¥120", "付的1299"). */
import { parseNumber } from './numerals.ts';
import { normalize } from './normalize.ts';
import { Chars, reach, type Scan } from './scan.ts';

/** A sum with its currency may group thousands with commas ("2,199 yuan", "¥1,480"). */
const MONEY =
  /(?:[¥￥$]|rmb|cny)\s?((?:\d{1,3}(?:,\d{3})+|\d{1,7})(?:\.\d{1,2})?)|((?:\d{1,3}(?:,\d{3})+|\d{1,7})(?:\.\d{1,2})?)\s?(?:元|块钱|块|蚊|rmb|yuan|cny|刀)(?!多)|([一二两三四五六七八九十百千万零]{1,8})\s?(?:元|块钱|块|蚊)/g;
/**
 * A number with no currency at all ("付的1299 花呗", "只退了549，"): an amount only right after a
 * payment or refund word, and only when a space, punctuation or the end follows it — "41码",
 * "5斤", "11月" and "iPhone 15" are not money (a number after an English word only after a payment verb: "paid 459").
 * An emoji or a closing mark after it ends it as a space does ("付了268😤").
 */
const BARE = /(?:(?<=\b(?:paid|spent|costs?|price (?:was|is))\s)|(?<![\d.a-z]\s?))(\d{1,6}(?:\.\d{1,2})?)(?=\s|[,.!?;、。，！？；)）~…]|\p{Extended_Pictographic}|$)/gu;
/** Money that is neither the price nor a refund: shipping, coupons, price differences. */
const NOT_PRICE = /(?:运费|快递费|邮费|差价|券|优惠|降价|便宜|补偿|赔|shipping|coupon)\s?$/;
/** A sum that is a coupon's or a red packet's ("给了张10块的券"), named after it. */
const NOT_PRICE_AFTER = /^\s?(?:的)?\s?(?:无门槛|优惠|店铺)?(?:券|卷|红包|coupon|voucher)/;
const LOOKBACK = 10;
const DIGIT = /\d/;
/** What every alternative of MONEY holds: a currency sign before the number, or a unit after it. */
const CURRENCY = /[¥￥$元块蚊刀]|rmb|cny|yuan/;
/**
 * A bare number written onto a word ("买的小米14") is a model, a size or a count; it is money
 * only right after its cue ("花了5999"), after a particle ("只有229", "付的1299") or standing
 * apart ("买的保温杯 45").
 */
const ATTACHED = /[\u4e00-\u9fff]$/;
const PARTICLE = /(?:只有|只|就|才|共|一共|总共|了|的|是|为|约|大概|不到|仅)$/;
/** Money spent on something else because of the goods (a doctor, a taxi, the postage back): not the price paid. */
const OTHER_COST = /医院|诊所|门诊|就医|医药|药费|看病|挂号|检查费|治疗|打车|路费|误工|住院|寄回|寄还|寄过去|运费|邮费|快递费/;
/**
 * Compensation or a cost named between the refund word and the sum ("要求退款并赔偿看病花的85元"): the sum
 * is that claim's, not money refunded.
 */
const CLAIM_BETWEEN = /(?:赔|补偿|医疗|医药|药费|挂号|检查费|误工|运费|邮费)[^退]{0,10}$/;
/**
 * "精华328", "耳机 199": a bare sum written right onto the goods' name is what they cost when nothing else in the
 * message names the price. Three digits at least (two are a model or a size: "小米14", "鞋子42"), after a word of
 * two Chinese characters or more that is no number's own name (尾号, 房间, 型号), no count, date or money word.
 */
const GOODS_WORD = /[\u4e00-\u9fff]{2,8}$/;
const NOT_GOODS_WORD = /[那这账帐号码房间室楼层栋牌单型款版代次期届站线尾第差剩余多少共计约近超满减券分度克斤米里年月日天周时点岁人个件元块价钱费金额退赔补返了的是为有要给付花买卖送到收还只就才诉找拨打报问]$/;
const GOODS_PRICE_DIGITS = /^\d{3,6}(?:\.\d{1,2})?$/;
/** Hotlines a buyer names ("投诉12315", "打12345"): numbers to call, never sums. */
const HOTLINE = /^(?:12315|12345|12365|12331|110|120|119)$/;
/**
 * "面里有根头发!! 26.5": yuan and jiao standing on their own after the goods' words are the price too (not in a
 * message asking money back); a date written so ("11.24 买的") is followed by what happened that day.
 */
const LONE_DECIMAL = /^\d{1,5}\.\d{1,2}$/;
const AFTER_DATE = /^\s?(?:号|日|买|下单|到|收|签收|发货|那天|晚上|早上|上午|下午)/;
function goodsPrice(norm: string, f: Found): boolean {
  if (f.bare && LONE_DECIMAL.test(f.raw) && /[\s!！?？,，。~]$/.test(norm.slice(f.at - 1, f.at))) {
    // Not in a message asking money back ("退那一条的钱就行 12.5"): there the sum is the one asked.
    return /\p{Script=Han}/u.test(norm.slice(Math.max(0, f.at - 6), f.at)) && !AFTER_DATE.test(norm.slice(f.end, f.end + 4)) && !OTHER_MONEY.test(norm);
  }
  // "季卡1280元 才用了三次": a sum with its unit written onto the goods' word, ending the words about them.
  if (!f.bare) return /\d/.test(f.raw) && ALONE_AFTER.test(norm.slice(f.end, f.end + 2)) && goodsWordBefore(norm, f);
  if (!GOODS_PRICE_DIGITS.test(f.raw) || HOTLINE.test(f.raw)) return false;
  return goodsWordBefore(norm, f);
}
function goodsWordBefore(norm: string, f: Found): boolean {
  const word = GOODS_WORD.exec(norm.slice(Math.max(0, f.at - 8), f.at))?.[0];
  return !!word && !NOT_GOODS_WORD.test(word) && !OTHER_COST.test(word);
}

/** How far after an amount a payment word may follow ("¥1299 买的"). */
const LOOKAHEAD = 2;
const CLAUSE_BREAK = new Chars('。！？!?；;，,');
/**
 * The last refund word before the amount is negated ("钱还没退回来 398块") or says what should come
 * ("应退款 300"), or the amount is followed by its not coming back ("400块还没退"): the sum is still
 * owed, not refunded.
 */
const NOT_BACK_BEFORE = /(?:(?:没|沒|未)有?(?:退|到账|到帳|收到|返还)|(?:应该|应当|本应|(?<![答回反适对供效响])应|该)要?退)[^退]{0,6}$|(?:退款|钱|款)(?:还|一直|至今|到现在)*(?:没|沒|未)有?到[^退]{0,4}$/u;
/**
 * A refund word that may be the wish itself ("要退款 299", "退我80", "a partial refund of 80 yuan"): the
 * sum after it is refunded only when something near says it came ("已退款 50", "退款50到账了").
 */
const WISH_CUE_BEFORE = /(?:退款|退我|退给我|退回|\brefund of|\brefund)(?:吧|啊|呀|哦)?\s?(?:¥|￥|\$|rmb)?\s?$/iu;
/** Said to have come: in the few characters before the refund word, or the English words before it. */
const CAME_ZH = /已(?:经)?(?:退|到|收|返)|退了|退咗|款了|到账|到帳|收到|只|才|仅|僅/u;
const CAME_EN = /\b(?:got|received|only|came|gave|sent|issued|was|were)\b/iu;
/** Asked for in so many words ("要退款 299", "I'd like a refund of"): the sum is the wish whatever else the message says. */
const REQUEST_ZH = /要|想|申请|請|请|希望|直接|能不能|可以/u;
const REQUEST_EN = /\b(?:want|would like|like|asking for|ask for|request|please|need)\b/iu;
/** The message tells a refund that happened ("退款少了", "钱到账了"): a bare "退款 150" in it is what came. */
const REFUND_HAPPENED = /退款少了|少退|退少了|只退|才退|到账|到帳|钱到了|退回来了|\b(?:refunded|only got)\b/iu;
const CAME_AFTER = /^\s?(?:块钱|块|元|rmb|yuan)?\s?(?:已|到了|到账|到帳|退了|退回来了|\b(?:came|arrived|back)\b)/iu;
const NOT_BACK_AFTER = /^\s?(?:块钱|块|元)?\s?(?:还|一直|至今|到现在|都)*(?:没|沒|未)有?(?:退|到账|到帳|收到|返还)/u;

/**
 * "商家把38.5退了", "卖家把299退给我了": the sum moved back before the refund word, said done — not a wish
 * ("把259退了就行", "把钱退了吧"), nor one denied ("还没把…退了").
 */
const PUT_BACK = /(?<!没|沒|未|不)把\s?[¥￥$]?\s?(\d{1,6}(?:\.\d{1,2})?)\s?(?:元|块钱|块)?\s?(?:都|全)?(?:已经?)?(?:退了|退给我了|退我了|退回来了|退还了|退回了)(?!\s?(?:就行|就好|就可以|吧|呗))/u;

/** "刚到账999", "退款到账了 45.5": the sum said to have reached the buyer's account. */
const IN_ACCOUNT = /(?:到账|到帐|到帳)(?:了)?\s?(\d{1,6}(?:\.\d{1,2})?)(?![\d个件号月日天年折%半倍])/u;

export interface Amounts {
  amountPaid: number | null;
  amountRefunded: number | null;
}

type Kind = 'paid' | 'refunded';
interface Found {
  at: number;
  end: number;
  raw: string;
  bare: boolean;
}
/**
 * The refund word before the sum returns goods, counted ("退了一件大衣 1299", "只退一罐 349"): the sum is
 * their price or the money asked for them, not money refunded.
 */
const GOODS_BACK = /退(?:了|掉|回)?\s?[一两二三四五六七八九十几\d]{1,3}\s?(?:件|个|双|盒|份|只|箱|瓶|包|条|台|套|袋|支|杯|张|本|罐|桶|斤|副|顶|把)[^退\d]{0,8}$/u;

/** "等了 15 天", "42 码": a number with its unit after a space is a count, a size or a time. */
const COUNTED = /^\s(?:天|周|个|件|码|号|次|斤|条|双|盒|瓶|包|箱|台|只|支(?!付)|罐|年|月(?!卡)|小时|分钟|公斤|cm|mm|kg|ml)/;
const ESTIMATE_BEFORE = /(?:大概|差不多|大约|约莫|约)(?:是|要|有)?\s?$/;
/** A message names a few amounts; a paste of thousands is not read past these. */
const MAX_AMOUNTS = 64;

/** The payment or refund word nearest before `at` in the same clause, or a payment word right after `end`. */
function cueFor(s: Scan, at: number, end: number, bare: boolean): Kind | null {
  const before = s.norm.slice(Math.max(0, at - 3), at);
  const attached = bare && ATTACHED.test(before) && !PARTICLE.test(before);
  for (let d = 0; d <= (attached ? 0 : LOOKBACK) && at - d >= 0; d++) {
    const i = at - d;
    if (d > 0 && CLAUSE_BREAK.has(s.norm.charCodeAt(i))) break;
    for (const c of s.cueEndingAt.get(i) ?? []) if (c === 'paid' || c === 'refunded') return c;
  }
  if (bare) return null;
  let i = end;
  while (s.norm[i] === ' ') i++;
  for (let d = 0; d <= LOOKAHEAD; d++) if (s.cueStartingAt.get(i + d)?.includes('paid')) return 'paid';
  return null;
}

/**
 * "order 287…, 329 yuan", "订单号 5512…，89元": a sum with its currency standing right after the order
 * number is what the order cost. So is one that is a clause of its own ("Kettle from JD. 259 yuan.") in a
 * message that names no other money (no refund, compensation, shipping or offer).
 */
const AFTER_ORDER = /(?:order|订单)[^\d]{0,12}[\d-]{8,}\s?[,，;；]\s?$/;
const OTHER_MONEY = /退(?!休)|赔|补偿|差价|运费|邮费|券|refund|compensat|shipping|postage|offer|coupon|back|short|only|just/;
const ALONE_BEFORE = /(?:^|[.!?;。！？；,，:：]\s?|\s)$/;
const ALONE_AFTER = /^(?:\s|[.!?;。！？；,，]|$)/;
function statedAlone(norm: string, f: Found): boolean {
  const before = norm.slice(Math.max(0, f.at - 40), f.at);
  if (AFTER_ORDER.test(before)) return true;
  return ALONE_BEFORE.test(before) && ALONE_AFTER.test(norm.slice(f.end, f.end + 2)) && !OTHER_MONEY.test(norm);
}

/**
 * "三盒一共 588", "总共2400 到了只有…": a total standing right before the sum is what the order cost, in a message
 * asking nothing back ("退款给我，一共是240元" is the sum asked: `askedSum`).
 */
const TOTAL_BEFORE = /(?:一共|总共|合计|共计|总计)(?:是|花了?|付了?)?\s?(?:[¥￥$])?$/;
/** Cantonese "paid" ("畀咗$380"): the lexicon's cues are Mandarin. */
const PAID_BEFORE_YUE = /(?:畀咗|俾咗)\s?$/;
/** "18800 微信转账给她的": a sum standing apart with the payment told right after it. */
const PAID_AFTER = /^\s?(?:用|走)?(?:微信|支付宝|银行卡)?(?:转账|转给|付的|付款|支付的)/;
function paidByPlace(norm: string, f: Found): boolean {
  const before = norm.slice(Math.max(0, f.at - 6), f.at);
  if (TOTAL_BEFORE.test(before)) return !OTHER_MONEY.test(norm);
  if (PAID_BEFORE_YUE.test(before)) return true;
  return /\s$/.test(norm.slice(f.at - 1, f.at)) && PAID_AFTER.test(norm.slice(f.end, f.end + 8));
}

/** The clause that ends at `at`: back to the last clause break. */
function clauseBefore(norm: string, at: number): string {
  return norm.slice(reach(norm, at, -1, CLAUSE_BREAK, 30), at);
}

/**
 * The sum at `f` follows a refund word that nothing near says came back (see WISH_CUE_BEFORE): the sum
 * asked, not refunded — when asked for in so many words, or when the message tells no refund that
 * happened and names no price paid before it ("实付199元，退款150元" states both sums).
 */
function asked(norm: string, f: Found, paidBefore: boolean): boolean {
  const before = clauseBefore(norm, f.at);
  if (!WISH_CUE_BEFORE.test(before) || CAME_ZH.test(before.slice(-8)) || CAME_EN.test(before.slice(-30)) || CAME_AFTER.test(norm.slice(f.end, f.end + 10))) return false;
  return REQUEST_ZH.test(before.slice(-8)) || REQUEST_EN.test(before.slice(-30)) || (!paidBefore && !REFUND_HAPPENED.test(norm));
}

/** The sum at `f` is one that has not come back (see NOT_BACK_BEFORE). */
function notBack(norm: string, f: Found): boolean {
  return NOT_BACK_BEFORE.test(clauseBefore(norm, f.at)) || NOT_BACK_AFTER.test(norm.slice(f.end, f.end + 12));
}

/**
 * Amounts of money, classified by the nearest cue before them in the same clause (or a payment
 * word right after): a refund word makes it the refunded amount, a payment word the price paid.
 * An amount with no cue is neither ("5块钱就想打发我" is a remark, not the price). The first of
 * each kind wins.
 */
export function extractAmounts(s: Scan): Amounts {
  const out: Amounts = { amountPaid: null, amountRefunded: null };
  const norm = s.norm;
  // MONEY needs a currency word or sign, BARE a digit: most messages have neither.
  const currency = CURRENCY.test(norm);
  const digits = DIGIT.test(norm);
  if (!currency && !digits) return { amountPaid: hanSum(norm, HAN_PAID), amountRefunded: hanSum(norm, HAN_REFUNDED) };
  const money: Found[] = [];
  MONEY.lastIndex = 0;
  for (let m = currency ? MONEY.exec(norm) : null; m && money.length < MAX_AMOUNTS; m = MONEY.exec(norm)) {
    money.push({ at: m.index, end: m.index + m[0].length, raw: (m[1] ?? m[2] ?? m[3]!).replace(/,/g, ''), bare: false });
  }
  // Bare numbers not inside an amount with its currency, merged in text order (both lists are sorted).
  const found: Found[] = [];
  let i = 0;
  BARE.lastIndex = 0;
  for (let m = digits ? BARE.exec(norm) : null; m && found.length < MAX_AMOUNTS; m = BARE.exec(norm)) {
    while (i < money.length && money[i]!.end <= m.index) found.push(money[i++]!);
    if (i < money.length && money[i]!.at <= m.index) continue;
    found.push({ at: m.index, end: m.index + m[0].length, raw: m[1]!, bare: true });
  }
  while (i < money.length) found.push(money[i++]!);
  const putBack = PUT_BACK.exec(norm) ?? (NOT_ARRIVED.test(norm) ? null : IN_ACCOUNT.exec(norm));
  if (putBack) out.amountRefunded = sumValue(putBack[1]);
  let onGoods: number | null = null;
  let onGoodsCount = 0;
  for (const f of found) {
    const value = parseNumber(f.raw);
    if (value === null || !Number.isFinite(value) || (f.bare && value <= 0)) continue;
    if (f.bare && COUNTED.test(norm.slice(f.end, f.end + 4))) continue;
    // "退剩下的 大概1800": the buyer's estimate of the money asked back (`aboutSum`), never the price.
    if (ESTIMATE_BEFORE.test(norm.slice(Math.max(0, f.at - 4), f.at)) && /退|赔/.test(norm)) continue;
    if (NOT_PRICE.test(norm.slice(Math.max(0, f.at - 6), f.at)) || NOT_PRICE_AFTER.test(norm.slice(f.end, f.end + 6))) continue;
    const kind = cueFor(s, f.at, f.end, f.bare) ?? (paidByPlace(norm, f) || (!f.bare && statedAlone(norm, f)) ? 'paid' : null);
    if (kind === null && goodsPrice(norm, f)) {
      onGoods ??= value;
      onGoodsCount++;
    }
    if (kind === 'refunded' && (notBack(norm, f) || GOODS_BACK.test(clauseBefore(norm, f.at)) || asked(norm, f, out.amountPaid !== null) || CLAIM_BETWEEN.test(clauseBefore(norm, f.at)))) continue;
    if (kind === 'refunded') out.amountRefunded ??= value;
    else if (kind === 'paid' && !OTHER_COST.test(clauseBefore(norm, f.at))) out.amountPaid ??= value;
    if (out.amountPaid !== null && out.amountRefunded !== null) break;
  }
  // Two sums on two words ("耳机199 充电盒299") say nothing of which one was paid.
  if (out.amountPaid === null && onGoodsCount === 1) out.amountPaid = onGoods;
  out.amountPaid ??= hanSum(norm, HAN_PAID);
  out.amountRefunded ??= hanSum(norm, HAN_REFUNDED);
  return out;
}

/**
 * A sum in Chinese numerals without its unit is money only right after a payment or a refund ("付了两千三百五",
 * "只退我一千二"), and only with a 十 / 百 / 千 / 万 in it ("付了两次" is a count).
 */
const HAN_NUM = '([一二两三四五六七八九十百千万零]{2,8})(?![一二两三四五六七八九十百千万零个件双盒份只箱瓶包条台套袋支杯张本斤天年月日号次罐回遍周倍成折])';
const HAN_PAID = new RegExp(`(?:付了|付的|花了|实付|畀咗|俾咗|一共|总共|合计|共计)(?:是)?\\s?${HAN_NUM}`);
const HAN_REFUNDED = new RegExp(`(?:只|才|仅)(?:退了?|退给?我|退回)(?:了)?\\s?${HAN_NUM}`);
function hanSum(norm: string, re: RegExp): number | null {
  if (!/[十百千万]/.test(norm)) return null;
  const m = re.exec(norm);
  const v = m && /[十百千万]/.test(m[1]!) ? parseNumber(m[1]!) : null;
  return v !== null && v > 0 ? v : null;
}

const NUM = '(\\d{1,6}(?:\\.\\d{1,2})?|[一二两三四五六七八九十百千零]{1,6})';
/**
 * A sum named as what is to come back, in the buyer's wish or the seller's agreement:
 * "退我差价80元", "退两百块", "赔我150", "差价是60", "差了八十块(…退差价)", "一共是240元" beside a refund
 * wish. Not a refund that happened ("只退了50": a particle after 退 is no sum asked).
 */
const ASKED = [
  new RegExp(`(?:退|补偿|赔偿?|补|返)(?:我|给我|还)?(?:差价|货款|款|部分)?(?:的)?\\s?${NUM}\\s?(元|块钱|块|rmb)?(?![\\d个件号月日天年折%半倍])`),
  // "只退一罐 349", "就退两件，一共180": the goods sent back, counted, then the money asked for them.
  new RegExp(`(?<![了])(?:只|就|仅)退\\s?[一两二三四五六七八九十\\d]{1,3}\\s?(?:件|个|双|盒|份|只|箱|瓶|包|条|台|套|袋|支|杯|张|本|罐|桶|斤|副|顶|把)[^退\\d，。,]{0,6}?[，,\\s]*(?:一共|共)?\\s?${NUM}\\s?(元|块钱|块|rmb)?(?![\\d个件号月日天年折%半倍])`),
  // "商家同意60了", "说25可以，店家同意了": the sum an agreement names, in the words it was agreed.
  new RegExp(`同意(?:了)?(?:给)?(?:我)?\\s?${NUM}\\s?(元|块钱|块|rmb)?(?![\\d个件号月日天年折%半倍])`),
  new RegExp(`(?<![\\d.])${NUM}\\s?(元|块钱|块)?(?:也|就)?(?:可以|行)[，,\\s]*(?:他|她|卖家|商家|店家|客服|对方)?(?:也|就)?同意`),
  // "a partial refund of 80 yuan", "refund me ¥60", "compensation of 50", "refund the $12 for the lost one", "compensation
  // for the difference of 300": the English wish with its sum (not "got a refund of 20"; "the" before a bare number is a count: "refund the 2 mugs").
  /(?<!\b(?:got|received|gave|issued|sent|only)\s+(?:me\s+)?(?:a\s+|an\s+|the\s+)?(?:partial\s+)?)\b(?:refund|compensation|compensate)(?:\s+(?:me|of|for|the|price|difference))*(?:(?<=\bthe)\s?(?:[¥￥$]|rmb|cny)|(?<!\bthe)\s?(?:[¥￥$]|rmb|cny)?)\s?(\d{1,6}(?:\.\d{1,2})?)(?![\d%])(?!\s?(?:items?|pieces?|pcs|pairs?|units?|days?|weeks?|months?)\b)\s?(yuan|rmb|cny|元|块|dollars?)?/,
  new RegExp(`差价(?:是|有|为)?\\s?${NUM}\\s?(元|块钱|块)?(?![\\d个件号月日天年折%半倍])`),
  // "退还上门师傅多收的260元", "要回那260": a charge named, then its sum.
  new RegExp(`(?:退还|退回|要回|还我)(?:那|这|[^，。！？,.!?\\d退]{1,12}的)\\s?${NUM}\\s?(元|块钱|块)?(?![\\d个件号月日天年折%半倍])`),
];
/** "差了八十块", "差一百": the difference, a sum only when the message asks for the difference back. */
const DIFFERENCE = new RegExp(`差(?:了)?\\s?${NUM}\\s?(?:元|块钱|块)`);
/** "一共是240元", "总共360": the total to come back, only beside a refund wish in the same message. */
const TOTAL = new RegExp(`(?:一共|总共|合计|共计)(?:是|要|退)?\\s?${NUM}\\s?(?:元|块钱|块)?`);
/**
 * The characters one of which every pattern of `askedSum` needs: ASKED's 退 / 补 / 赔 / 返, refund / compensation or 差价,
 * TOTAL's 一共 / 总共 / 合计 / 共计. Without one the message names no sum asked back.
 */
/** The buyer's counter-sum, then the other side saying yes to it ("我还价230 他同意了", "砍到150 老板答应了"). */
const COUNTER_AGREED = new RegExp(`(?:还价|还到|砍到|砍价到|讲到|谈到|议价到?)(?:了)?(?:到)?\\s?${NUM}\\s?(?:元|块钱|块|rmb)?[，,\\s]*(?:他|她|卖家|商家|老板|店家|客服|对方)(?:们)?(?:也|就)?(?:同意|答应|接受|认)了?`);
const SUM_CUE = /[退补赔返差共计]|同意|refund|compensat/;
const REFUND_WISH = /退(?:款|钱|给我|我|差价|掉|回)|退(?:少|缺|漏)|不是全退|refund/;
const PAID_WORD = /付|花了|买的|实付|支付/;

/**
 * A positive finite sum read from `raw`, or null. A module function, not a closure made per call:
 * under `tsx` every closure made also gets its name set, which cost more than the work here.
 */
/**
 * Sums as they are said: "十四块四", "8块5" (yuan, then a digit of jiao after 块) and Cantonese "三十蚊" (蚊 is 块).
 * Rewritten as written sums ("14.4块", "30块") for the readers below; "蚊子" is no unit.
 */
const JIAO = /(\d{1,6}|[一二两三四五六七八九十百千零]{1,6})块([一二三四五六七八九1-9])(?![\d一二两三四五六七八九十百千零毛角个件斤号多])/g;
const MAN = /(?<=[\d一二两三四五六七八九十百千零]\s?)蚊(?!子|帐|香)/g;
function spokenSums(norm: string): string {
  if (!norm.includes('块') && !norm.includes('蚊')) return norm;
  return norm.replace(MAN, '块').replace(JIAO, (all: string, yuan: string, jiao: string) => {
    const y = parseNumber(yuan);
    const j = parseNumber(jiao);
    return y === null || j === null ? all : `${Math.round((y + j / 10) * 10) / 10}块`;
  });
}

/** "到帐" is the common slip for 到账 (帳 is its traditional form). */
const ACCOUNT_SLIP = /到帐/g;

/** A message as the sum readers read it: normalised, at most 2000 characters, spoken sums written out. */
function sumText(text: string): string {
  return spokenSums(normalize(text.length > 2000 ? text.slice(0, 2000) : text)).replace(ACCOUNT_SLIP, '到账');
}

function sumValue(raw: string | undefined): number | null {
  const n = raw ? parseNumber(raw) : null;
  return n !== null && Number.isFinite(n) && n > 0 ? n : null;
}

/** The buyer's own counter-sum the other side said yes to ("我还价230 他同意了"), in yuan; null when none. */
export function counterAgreed(text: string): number | null {
  return sumValue(COUNTER_AGREED.exec(sumText(text))?.[1]);
}

/**
 * The sum the buyer asks back (or the seller agreed to give back), in yuan; null when the message
 * names none. The caller decides whose it is (the buyer's wish or a reported agreement).
 */
export function askedSum(text: string): number | null {
  const norm = sumText(text);
  if (!SUM_CUE.test(norm)) return null;
  // "先赔200 我还价230 他同意了": the buyer's counter, agreed, is the sum — not the one first offered.
  const countered = sumValue(COUNTER_AGREED.exec(norm)?.[1]);
  if (countered !== null) return countered;
  for (const re of ASKED) {
    const m = re.exec(norm);
    // A number in Chinese characters is money only with its unit ("退两百块"; "退二手…" is not).
    const v = m && (/\d/.test(m[1]!) || m[2]) ? sumValue(m[1]) : null;
    if (v !== null) return v;
  }
  if (/差价/.test(norm)) {
    const v = sumValue(DIFFERENCE.exec(norm)?.[1]);
    if (v !== null) return v;
  }
  const total = TOTAL.exec(norm);
  if (total && REFUND_WISH.test(norm) && !PAID_WORD.test(norm.slice(Math.max(0, total.index - 4), total.index + total[0].length + 2))) {
    return sumValue(total[1]);
  }
  return null;
}

/**
 * "最少300", "至少要两百块", "起码赔150", "at least 200": the least the buyer will take, a sum asked back
 * (read only beside a wish settled in money: the engine decides that).
 */
const LEAST = [
  new RegExp(`(?:最少|至少|起码|最起码|最低|不少于|不能少于|少于)(?:也)?(?:要|得|给|是|赔|退|补偿|补)*(?:我)?(?:现金)?\\s?${NUM}\\s?(元|块钱|块|rmb)?(?![\\d个件号月日天年折%半倍])`),
  /\b(?:at least|minimum(?: of)?|no less than)\s(?:[¥￥$]|rmb|cny)?\s?(\d{1,6}(?:\.\d{1,2})?)(?![\d%])\s?(yuan|rmb|cny|元|块)?/,
];

/** The least sum the buyer will accept ("不要券，要现金，至少200"), or null. */
export function leastSum(text: string): number | null {
  const norm = sumText(text);
  for (const re of LEAST) {
    const m = re.exec(norm);
    // After 赔 / 退 / 补偿 a number in Chinese characters is money without its unit too ("至少赔六十").
    const v = m && (/\d/.test(m[1]!) || m[2] || /[赔退补给]/.test(m[0])) ? sumValue(m[1]) : null;
    if (v !== null) return v;
  }
  return null;
}

/** Words that count goods ("只有36支", "到了3包"): the number before them is no sum of money. */
const GOODS_COUNT = '片张盒包袋瓶支双条台本颗粒套箱';
/**
 * "按没用完的算 大概1800", "退剩下的 差不多两千", "1500左右": the buyer's estimate of the sum asked back; the letters
 * say it with 约 (read only beside a money-back wish: the engine decides that).
 */
const ABOUT = [
  new RegExp(`(?:大概|差不多|大约|约莫|约)(?:是|要|有)?\\s?${NUM}\\s?(元|块钱|块)?(?![\\d个件号月日天年折%半倍])`),
  new RegExp(`(?<![\\d.])${NUM}\\s?(元|块钱|块)?\\s?左右`),
];

/** The sum the buyer gives as an estimate (see ABOUT), or null. */
export function aboutSum(text: string): number | null {
  const norm = sumText(text);
  for (const re of ABOUT) {
    const m = re.exec(norm);
    const v = m && (/[\d十百千]/.test(m[1]!) || m[2]) ? sumValue(m[1]) : null;
    if (v !== null) return v;
  }
  return null;
}

/** "到账300了", "收到150块了", "300已经到账", "got the 150", "120 arrived": the sum that came, said with a word of arrival. */
const ARRIVED = [
  new RegExp(`(?:到账|到帳|收到|到了)(?:了)?\\s?${NUM}\\s?(元|块钱|块|rmb)?(?![\\d个件号月日天年折%半倍${GOODS_COUNT}])`),
  new RegExp(`(?<![\\d.])${NUM}\\s?(元|块钱|块|rmb)?(?:钱)?\\s?(?:已经|已|都|也)?(?:到账|到帳|到了|收到了)`),
  // "到账了，可只有45", "收到了 就25块": it came, less than it should.
  new RegExp(`(?:到账|到帳|收到|到)了?[，,\\s]*(?:但是?|可是?|不过)?(?:只有|只|就|才)(?:到了?|退了?)?\\s?${NUM}\\s?(元|块钱|块|rmb)?(?![\\d个件号月日天年折%半倍${GOODS_COUNT}])`),
  /\b(?:got|received)\s(?:the\s|my\s)?(?:[¥￥$]|rmb|cny)?\s?(\d{1,6}(?:\.\d{1,2})?)(?![\d%])(?:\s?(yuan|rmb|cny|元|块))?/,
  /(?:[¥￥$]|rmb|cny)?\s?\b(\d{1,6}(?:\.\d{1,2})?)\s?(yuan|rmb|cny|元|块)?\s(?:has\s|have\s)?(?:arrived|came|come through|came through|landed)\b/,
];
/** Arrival denied ("没到账300", "300还没收到"). */
const NOT_ARRIVED = /(?:没|沒|未|冇)(?:有)?(?:到账|到帳|收到|到)|\b(?:not|never|haven'?t|hasn'?t|didn'?t)\b/;

/** The sum the buyer says arrived ("到账300了", "got the 150"), or null; never one said not to have come. */
export function arrivedSum(text: string): number | null {
  const norm = sumText(text);
  if (NOT_ARRIVED.test(norm)) return null;
  for (const re of ARRIVED) {
    const m = re.exec(norm);
    const v = m && (/\d/.test(m[1]!) || m[2]) ? sumValue(m[1]) : null;
    if (v !== null) return v;
  }
  return null;
}

const OWED_TAIL = `\\s?${NUM}\\s?(元|块钱|块|rmb)?(?![\\d个件号月日天年折%半倍])`;
/**
 * The sum the buyer says the refund should have been: "应该退564的", "应退款 320元", "本来该退88",
 * "应该是退六百块", "本来应该3000" (read only where a refund is reported). Not the difference ("差164": `shortfallAmount`) and not what came ("只退了400").
 */
const OWED = new RegExp(`(?:应该|应当|本来?应?该|本应|(?<![答回反适对供效响])应|该)(?:是|要)?(?:退(?:还|回)?(?:我|给我)?(?:款|货款)?(?:的)?(?:是|为|金额)?)?${OWED_TAIL}`);
/** Money that has not come back, with its sum: "钱还没退回来 260块", "退款没到账 199元", "450块至今没退". */
const NOT_BACK = [
  new RegExp(`(?:没|沒|未)有?(?:退|到账|到帳|收到|返还)(?:回来|回|给我|我)?(?:的)?(?:钱|款)?[^，。！？,.!?退]{0,4}?\\s?${NUM}\\s?(元|块钱|块)(?![\\d个件号月日天年折%半倍])`),
  new RegExp(`${NUM}\\s?(元|块钱|块)\\s?(?:还|一直|至今|到现在|都)*(?:没|沒|未)有?(?:退|到账|到帳|收到|返还)`),
];

/** The first of `res` that names money in `text`, in yuan, or null. */
function firstSum(text: string, res: readonly RegExp[]): number | null {
  const norm = sumText(text);
  if (!/[退账帳到收返]/.test(norm)) return null;
  for (const re of res) {
    const m = re.exec(norm);
    // A number in Chinese characters is money only with its unit ("应退两百块").
    const v = m && (/\d/.test(m[1]!) || m[2]) ? sumValue(m[1]) : null;
    if (v !== null) return v;
  }
  return null;
}

/**
 * The same in English, or said as the whole not refunded: "not the full 459", "instead of ¥329", "should have
 * been 120", "没退全329".
 */
const OWED_WHOLE = /(?:\b(?:the full|in full|instead of|should (?:have )?be(?:en)?|supposed to be|out of)|(?:没|沒|未)(?:有)?退全(?:款)?)\s?(?:[¥￥$]|rmb|cny)?\s?(\d{1,6}(?:\.\d{1,2})?)(?![\d%])/;

/** The sum the buyer states the refund should have been (see OWED, OWED_WHOLE), in yuan; null when none is named. */
export function owedSum(text: string): number | null {
  return firstSum(text, [OWED]) ?? sumValue(OWED_WHOLE.exec(sumText(text))?.[1]);
}

/** A sum the buyer says has not come back (see NOT_BACK), in yuan; null when none is named. */
export function notBackSum(text: string): number | null {
  return firstSum(text, NOT_BACK);
}

/** "运费12", "邮费是8块", "花了15元运费", "運費15": what sending a parcel cost. */
const POSTAGE_SUM = /(?:运费|邮费|快递费|寄费)\s?(?:花了|是|付了)?\s?(\d{1,4}(?:\.\d{1,2})?)(?!\d)|(?:花了|付了)\s?(\d{1,4}(?:\.\d{1,2})?)\s?(?:元|块钱|块)?的?(?:运费|邮费|快递费|寄费)/u;

/** The postage the buyer names, in yuan; null when none is named (a postage of 0 is none paid). */
export function postageSum(text: string): number | null {
  const m = POSTAGE_SUM.exec(normalize(text));
  const v = m ? Number(m[1] ?? m[2]) : NaN;
  return v > 0 ? v : null;
}

/** A sum said with its unit ("18块6", "二十五元", "40蚊"). */
const WITH_UNIT = new RegExp(`(?<![\\d.])${NUM}\\s?(?:元|块钱|块|rmb)(?![\\d个件号月日天年折%半倍])`);

/** The first sum the buyer says with its unit, spoken forms too ("行吧，就18块6"); null when none. */
export function namedSum(text: string): number | null {
  return sumValue(WITH_UNIT.exec(sumText(text))?.[1]);
}

/** Counts of goods: "50件", "十二双", "两份". */
const COUNT = /([\d一二两三四五六七八九十百几]{1,4})\s?(?:件|个|双|盒|份|只|箱|瓶|包|条|台|套|袋|支|杯|张|本|斤)/g;
const SOME_OF = /其中|一部分|部分|那几[件个份样]|这几[件个份样]|少送|漏发|少发|漏送/;

/**
 * The buyer's words concern only part of the order ("50件里有12件开线", "两份少送了一份", "其中三个"):
 * then the refund owed is not the whole price, and the price minus the refund is not what is missing.
 */
export function partOfOrder(text: string): boolean {
  const norm = sumText(text);
  if (SOME_OF.test(norm)) return true;
  const counts = new Set<string>();
  COUNT.lastIndex = 0;
  for (let m = COUNT.exec(norm), k = 0; m && k < 16; m = COUNT.exec(norm), k++) counts.add(m[1]!);
  return counts.size > 1;
}

/**
 * "退款+赔800", "还要赔偿2000元", "要赔五百块": a sum asked as compensation, in the buyer's words. Not one
 * refused or offered ("不赔", "只能赔20": the other side's), nor a share ("赔一半", "赔三倍").
 */
const CLAIMED = new RegExp(`(?<![不别没沒肯能愿])(?:赔偿|赔付|赔)(?:金)?(?:我|给我)?(?:个)?\\s?${NUM}\\s?(元|块钱|块|rmb)?(?![\\d个件号月日天年折%半倍.])`);

/** The compensation sum the buyer asks (see CLAIMED), in yuan; null when none is named. */
export function claimedSum(text: string): number | null {
  const norm = sumText(text);
  if (!/赔/.test(norm)) return null;
  const m = CLAIMED.exec(norm);
  return m && (/\d/.test(m[1]!) || m[2]) ? sumValue(m[1]) : null;
}
