/**
 * Whether a report that something arrived closes the case (trial 10): "钱到了" or "换的到了" is a
 * resolution only when nothing in the message says it came short or wrong, and "收到了新的，没问题了"
 * is one though no 解决 word is in it.
 */
import { toSimplified, toWrittenChinese } from '../drafts/words.ts';
import type { Extraction } from '../nlu/index.ts';
import type { Turn } from './turn.ts';

/** A fault named beside the arrival ("型号不对", "又少了两包", "也是裂的"). */
const FAULT = /不对|不對|不是|(?<![没沒不])错|錯|对不上|對不上|少了|缺|坏|壞|破|裂|碎|烂|爛|变质|變質|发霉|發霉|不能用|用不了|不行|(?<![没沒])有问题|不一样|漏|划痕|刮花|瑕疵|别的|別的|(?:一样|一樣|同样|同樣|相同)的(?:问题|問題|毛病)|老毛病|(?:还|又)(?:是)?(?:这样|这么|那样)|掉漆|脱落|脫落|(?:只有|只来了|只到了|才)\s?\d+\s?[个件片张盒包袋瓶支双条台本颗粒套箱]/u;
/** A turn in the sentence toward something still wrong or undone ("到了，但是还没拆"); "不过物流真慢" is no such turn. */
const BUT_NOT = /(?:但是|可是|不过|不過|但|却|卻|结果|結果|然而)[^。！!]{0,12}?(?:不|没|沒|未|少|错|錯|坏|壞|缺|裂|破|漏)/u;

/** Something arrived: money, or the goods sent again ("收到了新的", "换的到了", "修好寄回来了"). */
const ARRIVED = /收到|到了|到账|到帳|寄回来了|送到了|拿到了|签收了|簽收了/u;
/** The buyer says it is fine now. */
const FINE = /没问题了|沒問題了|(?:完全|都|一点)(?:没|沒)(?:有)?(?:问题|問題)|没毛病|能用了|正常了|好用|挺好的?|很好|满意|完好|都对了/u;

/** "只到了15块", "才退了12", "就给了8元": the sum that came, when the message says only that much came. */
const ONLY_SUM = /(?:只|才|就|仅|僅)(?:有|是)?(?:到了?|到账了?|退了|退回了|收到了?|给了|打了|返了|赔了)?\s*(?:[^\d，,。！!？?\s]{0,3}?(?:钱|款))?\s*(\d+(?:\.\d+)?)\s*(?:元|块钱|块|塊|rmb)?(?![\d个件号月日天年折%倍片张盒包袋瓶支双条台本颗粒套箱])/iu;
/** "Refund came: 80 yuan only", "they only refunded 80", "just 80 came back": the same in English. */
const SUM_EN = String.raw`(?:[¥￥]|\b(?:rmb|cny))\s*(\d+(?:\.\d+)?)|\b(\d+(?:\.\d+)?)\s*(?:yuan|rmb|cny|kuai|元|块)`;
const ONLY_SUM_EN = new RegExp(String.raw`\b(?:only|just)\s+(?:(?:got|received|came|sent|paid|refunded)\s+(?:back\s+)?)?(?:${SUM_EN})|${SUM_EN}\s+only\b|\bonly\s+(?:refunded|paid(?: back)?|sent(?: back)?|gave(?: back)?)\s+(?:me\s+)?(\d+(?:\.\d+)?)(?![\d.]|\s*(?:of|out|items?|pcs|pieces|days?|hours?)\b)`, 'iu');
/** The money came: said with a word of arrival or of a refund made. */
const MONEY_CAME = /到账|到帳|到了|收到|退了|退回了|退回来|\b(?:refund(?:ed)?|money|paid|came|arrived|received|got)\b/iu;

/** The goods sent again arrived: "换的到了", "补发的收到了", "新的寄到了", "修好寄回来了". */
const REMEDY_CAME = /(?:换|補|补|重发|重發|新|修好)[^，,。！!？?\s]{0,6}(?:到了|收到|寄到|送到|寄回来|拿到)/u;
/** The goods sent again named apart from the arrival ("收到了，补发的是…", "拿到手了 换来的那件…"). */
const REMEDY_GOODS = /补发的|補發的|重发的|重發的|换来的|換來的|换的|換的|新寄的|新发的|新發的|\b(?:replacement|new one)\b/iu;
/** "又发错了", "又寄错", "wrong again": what came is wrong once more, which says it came. */
const WRONG_AGAIN = /又(?:一次)?(?:发|發|寄|送|给|給|拿)?(?:错|錯)(?![过過])|\bwrong (?:one )?again\b/iu;
/** English arrival and faults, for the same reading ("the replacement arrived, still cracked"). */
const ARRIVED_EN = /\b(?:arrived|came|got it|received|delivered|showed up|got (?:it|them) back|(?:repaired|fixed) (?:and )?(?:sent |returned |came )?back)\b/iu;
const FAULT_EN = /\b(?:wrong|broken|cracked|damaged|missing|defective|scratched|leak(?:s|ing)?|(?:does|did|is|was)n'?t (?:work|right|fine|ok)|not (?:work(?:ing)?|right|fine|ok(?:ay)?|good))\b|\bstill (?:has|have|the same)\b/iu;

/** The goods sent again (or the money) arrived and the message says they are wrong or short. */
export function arrivedWrong(raw: string, resolvedRead: boolean): boolean {
  // Cantonese ("新嘅到咗，又係咁") is read in its written-Chinese form ("新的到了，又是这么").
  const text = toWrittenChinese(toSimplified(raw));
  const came = resolvedRead || REMEDY_CAME.test(text) || WRONG_AGAIN.test(text) || ((ARRIVED.test(text) || ARRIVED_EN.test(text)) && REMEDY_GOODS.test(text));
  return came && notSolved(text);
}

/** The resolution the NLU read is contradicted in the same message ("补发到了 但是型号不对"). */
export function notSolved(text: string): boolean {
  return FAULT.test(text) || FAULT_EN.test(text) || BUT_NOT.test(text) || shortArrival(text) !== null;
}

/** "it's fine", "works great", "all good": the buyer says what came is fine. */
const FINE_EN = /\b(?:(?:it'?s|is|all|works?|working|looks?) (?:fine|ok(?:ay)?|good|great|perfect)|no problems?|perfect)\b/iu;

/** "收到了新的 没问题了", "the new one came and it's fine": the remedy arrived and the buyer says it is fine, with no fault beside it. */
export function arrivedFine(text: string): boolean {
  const said = (ARRIVED.test(text) && FINE.test(text)) || (ARRIVED_EN.test(text) && FINE_EN.test(text));
  return said && !notSolved(text) && !/[吗嗎?？]/u.test(text);
}

/** Clauses that only say something came, and the words that turn toward what is wrong with it. */
const ARRIVAL_ONLY = /^(?:(?:补发|補發|换|換|新|重发|重發)?[^，,。！!？?]{0,6}?(?:收到|到了|寄到|送到|拿到|到货|到貨|签收|簽收)(?:了|啦|手了)?|(?:it |the [a-z ]+ )?(?:arrived|came)(?: today| yesterday)?)$/iu;
const TURN_WORD = /^(?:结果|結果|但是|可是|不过|不過|但|却|卻|and|but)\s*/iu;
/** A feeling asked at the end ("…你说气人不气人"): no fact of what came. */
const RHETORICAL_TAIL = /(?:你说)(\p{Script=Han}{1,3})不\1[吧吗啊]?$/u;
/** An arrival run on to its fault with no comma ("新的到了码是对了可是颜色又错了"): up to the last turn word. */
const RUN_ON_ARRIVAL = /^[^，,。！!？?]{0,16}?(?:收到|到了|寄到|送到|拿到|到货|到貨|签收|簽收)[^，,。！!？?]*(?:可是|但是|不过|不過|结果|結果)/u;

/** What the buyer says is wrong with what came ("补发的是护发素，不是洗发水"), without the arrival itself; '' when nothing is left. */
export function whatCameWrong(text: string): string {
  // Spaces stand for commas between Chinese words only ("收到了 结果…"), not between English ones.
  return text.split(/[，,。！!；;]+\s*|(?<=\p{Script=Han})\s+|\s+(?=\p{Script=Han})/u)
    .map((x) => x.replace(RUN_ON_ARRIVAL, '').replace(TURN_WORD, '').replace(RHETORICAL_TAIL, '').trim())
    .filter((x) => x !== '' && !ARRIVAL_ONLY.test(x))
    .join('，');
}

/** The sum that arrived when the buyer says only that much came ("钱到了，只到了15块"), else null. */
export function shortArrival(text: string): number | null {
  if (!MONEY_CAME.test(text)) return null;
  const m = ONLY_SUM.exec(text) ?? ONLY_SUM_EN.exec(text);
  return m ? Number(m.slice(1).find((x) => x !== undefined)) : null;
}

/**
 * "那我先确认一下", "行，我去确认收货": the buyer says they will confirm receipt, what the bot warned
 * against. Not "不确认", "没确认", "别确认", and not a question (case-questions.ts answers those).
 */
const WILL_CONFIRM = /(?:确认|確認)(?:收货|收貨)|(?:^|[我那就先去好吧行嗯哦，,\s])(?:先|就|去|马上|現在|现在|这就)?(?:点)?(?:确认|確認)(?:一下|下)?(?:了吧|吧|了)?(?=$|[。！!，,~～\s])/u;
const NOT_CONFIRM = /(?:不|没|沒|别|別|不要|先不|不会|不能)(?:先|去|要|会)?(?:点)?(?:确认|確認)/u;
/** "收货我早就确认过了", "刚确认了", "I already confirmed receipt": it is done, no warning can undo it. */
const CONFIRMED = /(?:已经|已|刚刚|刚|早就|早)(?:点了|点过|点)?(?:确认收货|確認收貨|确认|確認)(?!吗|嗎|[?？])|点了确认收货|我(?:也)?(?:点了?)?(?:确认收货|确认)了(?!吗|嗎|吧|[?？])|\b(?:already|have|'ve|just)\s+confirmed\b/iu;
export function confirmedAlready(text: string): boolean {
  return CONFIRMED.test(text) && !NOT_CONFIRM.test(text);
}

export function aboutToConfirm(text: string): boolean {
  return WILL_CONFIRM.test(text) && !NOT_CONFIRM.test(text) && !/[吗嗎?？]/u.test(text);
}

/** How long after a case was closed as solved a protest or a second "解决了" is taken to be about it. */
const AFTER_CLOSE_MS = 6 * 3600_000;
/** "不是", "你没看懂", "没解决", "还没好": the buyer says the closing was wrong. */
const PROTEST = /^(?:不是|不对|不對)(?![\u4e00-\u9fff]{0,2}(?:订单|訂單|这单|這單))|(?:没|沒)(?:看懂|听懂|聽懂|理解)|(?:理解|看|搞|弄)(?:错|錯)了|(?:还|還)?(?:没|沒|不算)(?:有)?(?:解决|解決)|(?:还|還)(?:没|沒)好|\b(?:not (?:resolved|sorted|fixed)|you misunderstood)\b/iu;

/**
 * Right after a case was closed as solved, with no case open: a protest ("不是 你没看懂…") is about
 * that case, not a new one whose letters would quote the protest — the buyer is told it was closed on
 * their word and asked what is still wrong; a second "解决了" is told it is closed already. False
 * when the message is neither (a new order number is a new case).
 */
export function afterClosed(turn: Turn, e: Extraction, text: string): boolean {
  const before = turn.state.closed.at(-1);
  if (turn.state.active || before?.status !== 'resolved' || turn.now.getTime() - Date.parse(before.closedAt) > AFTER_CLOSE_MS) return false;
  if (e.orderId && e.orderId !== before.orderId) return false;
  const vars = { orderId: before.orderId ?? '—' };
  if (PROTEST.test(text.trim())) {
    turn.info('afterClose.protest', { vars });
    return true;
  }
  if (e.resolved && !e.sellerReply && !e.problem && !e.wants) {
    turn.info('afterClose.already', { vars });
    return true;
  }
  return false;
}

/** The buyer asks to close: "结案吧", "钱够了", "可以关了", "close the case", "we're settled". */
const CLOSE_ASKED = /结案|結案|可以关(?:了|掉)|关掉吧|(?:钱|錢|款)(?:够了|夠了|齐了|齊了)|\bclose (?:the|this|my) case\b|\b(?:we'?re|i'?m|all) (?:done|settled)\b/iu;
/** Not yet: "先别结案", "还不能结案", or asked ("能结案吗"). */
const NOT_CLOSING = /别|別|不(?:能|要|想|用)?(?:结|結|关|關)|先不|还没|還沒|[吗嗎?？]|\b(?:not|don'?t|can i|should i)\b/iu;

/** Money said to have come, to the buyer's account or in so many words ("已经到微信了", "到账了"). */
const MONEY_IN = /到账|到帳|(?:已经|已|钱|款|块|元|\d)\s?(?:到了|到啦)|到(?:我的?)?(?:微信|支付宝|银行卡|卡上|卡里|余额|零钱)|退回来了|收到(?:了)?(?:退款|钱)/u;
const MONEY_NOT_IN = /没到|沒到|未到|没有到|还没|還沒|不到/u;
/** The buyer lets the rest go: "算了就这样吧", "不折腾了", "认了", "可以接受". */
const LETS_GO = /算了|就这样吧|就這樣吧|就这样了|不折腾了|不想折腾|不争了|不想争了|不追究了|不想再?弄了|认了|可以接受|接受了|\b(?:i'?ll take it|fine with (?:it|that)|let it go)\b/iu;

/**
 * "判了退我30 已经到支付宝了 算了就这样吧": money came and the buyer accepts it as the end — the case
 * is settled on their word, whatever sum was claimed; no letter asks again for what was paid.
 */
export function acceptsWhatCame(text: string): boolean {
  return MONEY_IN.test(text) && !MONEY_NOT_IN.test(text) && LETS_GO.test(text) && !/[吗嗎?？]/u.test(text);
}

/** The buyer says the case is done and asks to close it, with no "not yet" or question in the words. */
export function asksToClose(text: string): boolean {
  return (CLOSE_ASKED.test(text) || endsDone(text)) && !NOT_CLOSING.test(text);
}

/** What may follow the last word: "了", "!", "~", an emoji. */
const TAIL_MARK = /^[了啦咯!！~～。.\s\uFE0F\p{Extended_Pictographic}]$/u;

/** The message ends on "搞定" ("2300到账 搞定✌️"), marks and emoji after it aside. */
function endsDone(text: string): boolean {
  const chars = [...text];
  let end = chars.length;
  while (end > 0 && TAIL_MARK.test(chars[end - 1]!)) end -= 1;
  return end >= 2 && chars[end - 2] === '搞' && chars[end - 1] === '定';
}
