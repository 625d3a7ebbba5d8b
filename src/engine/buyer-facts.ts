/**
 * Facts the buyer adds once the case is followed, beyond what any handler reads: more detail of the
 * problem ("表盘有划痕，表带扣也松", "信里没写漏发的那盒") joins the problem's words; what the buyer has
 * or knows against the seller's answer ("包装是原封的，有开箱视频截图", "官方售后说序列号查不到") goes on
 * the record as the buyer's own statement. Either way the letter of the case's step is handed over
 * again with it, in the buyer's words, never stronger: nothing is added that was not said.
 */
import { asksQuestion, reportsOthersWords, type Extraction } from '../nlu/index.ts';
import { lastSellerEvent, record } from './case.ts';
import { reissueDraft } from './escalation.ts';
import type { Turn } from './turn.ts';
import type { FollowingCase } from '../domain/index.ts';

/** The longest problem wording a letter carries (as slots.ts keeps it). */
const PROBLEM_TEXT_MAX = 200;

/** The buyer says the letter lacks something, or asks to put it in: "信里没写…", "漏了…", "please put this in the letter". */
const LETTER_LACKS = /(?:信|文本|投诉书|申请)(?:里|裡|上)?(?:面)?(?:没|沒|没有|沒有|漏)(?:写|寫|提|说|說)(?:到|上)?|(?:也|请|請|帮我|幫我)?(?:写|寫|加|补|補)(?:进|進|到|上)(?:信|文本)|\b(?:put|add|include|mention) (?:this|it|that)\b[^.!?]{0,20}\b(?:letter|text|complaint)\b/iu;

/**
 * What the buyer has or knows that a ruling weighs: records, photos, the goods' state (unopened, tags
 * on, not fitted, parcel intact), and what a brand or official service told them.
 */
const FACT_MARKERS = /记录|記錄|截图|截圖|照片|相片|拍了|拍咗|视频|視頻|录像|錄像|录音|錄音|凭证|憑證|发票|發票|单据|單據|完好|原封|没动过|沒動過|没拆|沒拆|未拆|没剪|沒剪|没装|沒裝|未安装|没用过|沒用過|(?:东西|東西|商品|货|貨|\d+[条條件个個台双雙只盒箱])[^，,。]{0,4}(?:都|还|還)在|专柜|專櫃|品牌方|官方(?:售后|客服|门店)?|厂家|廠家|\b(?:receipt|record|photos?|pictures?|screenshots?|video|tags? (?:still )?on|unopened|sealed|intact|never (?:installed|fitted))\b/iu;

/** Feelings, not facts ("把我气坏了", "烦死了"): no letter carries them. */
const VENTING = /气(?:坏|死|炸|疯)|氣(?:壞|死|炸|瘋)|烦死|煩死|无语|無語|郁闷|鬱悶|崩溃|崩潰|恶心死|噁心死|\b(?:so (?:angry|annoyed|upset)|pissed)\b/iu;

/** Chinese characters: the script of the letters. */
const HAN = /\p{Script=Han}/u;

/** A wish said in words: "诉求是…", "我要求…", "希望…", "I want…". */
const WISH = /诉求|訴求|要求|希望|想要|我要|\bI (?:want|would like|demand)\b/iu;

/**
 * Words at the head of a statement that say nothing of the facts ("胡说", "其实", "可是", "还有"), and a
 * label before them ("补充：", "Details:").
 */
const LEAD = /^(?:胡说|胡說|瞎说|瞎說|乱讲|亂講|放屁|其实|其實|可是|可(?=我)|但是|但係|不过|不過|而且|还有|還有|另外|对了|對了|哦|噢|嗯|(?:问题|問題|补充|補充|情况|情況|细节|細節)(?=[:：])|[a-z][a-z ]{0,24}(?=[:：]))[\s:：，,。!！]*/iu;

/** A statement's words as a letter carries them: lead words dropped, spaces made commas, no end mark. */
function statementWords(text: string): string {
  // "…还有信里没写X": X is what to add; "X, please put this in the letter": what came before.
  const lacks = LETTER_LACKS.exec(text);
  const after = lacks ? text.slice(lacks.index + lacks[0].length) : '';
  let words = (lacks && /[\p{L}\d]{2}/u.test(after) ? after : lacks ? text.slice(0, lacks.index) : text).trim().replace(/\s*(?:please|pls)\b.*$/iu, '');
  for (let before = ''; before !== words;) {
    before = words;
    words = words.replace(LEAD, '');
  }
  words = words.replace(/^(?:的|得)?/u, '').replace(/的事(?:情)?(?=$|[，,。！!])/u, '');
  // Spaces between Chinese words part clauses; between Latin words ("face id") they stay.
  return words.replace(/(?<=[^\x00-\x7f])[\s\u3000]+|[\s\u3000]+(?=[^\x00-\x7f])/gu, '，').replace(/[，,]{2,}/gu, '，').replace(/^[，,。.!！:：]+|[，,。.!！~～]+$/gu, '');
}

/**
 * A detail of the problem or a statement of the buyer's taken in, the letter redone; false when the
 * message is neither (a question, someone else's words, nothing concrete).
 */
export function buyerAddsFact(turn: Turn, c: FollowingCase, e: Extraction, text: string): boolean {
  // A wish ("诉求是…", "想要…") is no fact of the goods: the wish's own readers take it or ask.
  if (e.sellerReply || e.wants || WISH.test(text) || VENTING.test(text) || asksQuestion(text) || reportsOthersWords(text)) return false;
  const lacks = LETTER_LACKS.test(text);
  // A fault told is a detail of the case's own problem (a reading of another kind is a guess at loose words),
  // or of a problem told only in another script than the letter's, which the letter could not use.
  const sameFault = e.problem !== null && (e.problem === c.slots.problem || !HAN.test(c.slots.problemText ?? ''));
  const detail = lacks || (sameFault && !FACT_MARKERS.test(text));
  if (!detail && !FACT_MARKERS.test(text)) return false;
  const words = statementWords(text);
  if (words.length < 4) return false;
  if (detail) return addDetail(turn, c, words);
  // Said before the seller answered, a statement only describes the problem further.
  if (lastSellerEvent(c) === null && !c.timeline.some((x) => x.type === 'seller_said')) return addDetail(turn, c, words);
  record(turn, c, 'buyer_rebuttal', { note: 'stated', quote: words });
  if (c.rung === 'seller') {
    turn.info('buyerFact.notedLater', { vars: { words } });
    return true;
  }
  turn.info('buyerFact.noted', { vars: { words } });
  reissueDraft(turn, c);
  return true;
}

/**
 * What the buyer says the letter lacks, beside another amendment ("订单号是…，信里还没写漏发的两件"):
 * joined to the problem's words before that amendment redoes the letter. The words taken, or null.
 */
export function letterLacks(turn: Turn, c: FollowingCase, e: Extraction, text: string): string | null {
  if (e.sellerReply || !LETTER_LACKS.test(text)) return null;
  const words = statementWords(text);
  if (words.length < 4 || joinDetail(turn, c, words) !== 'joined') return null;
  turn.info('problemDetail', { vars: { words } });
  return words;
}

/** The detail joined to the problem's words: 'known' when they say it already, 'long' when it does not fit. */
function joinDetail(turn: Turn, c: FollowingCase, words: string): 'joined' | 'known' | 'long' {
  const before = c.slots.problemText?.replace(/[。.！!；;，,\s]+$/u, '') ?? '';
  if (before.includes(words)) return 'known';
  // Words of the problem in another script than the letter's (an English description) give way to the buyer's Chinese.
  const replaces = !HAN.test(before) && HAN.test(words);
  const joined = before && !replaces ? `${before}；${words}` : words;
  if (joined.length > PROBLEM_TEXT_MAX) return 'long';
  c.slots = { ...c.slots, problemText: joined };
  record(turn, c, 'amended', { note: 'problemText' });
  return 'joined';
}

/** The detail joins the problem's words (unless they say it already), and the letter is redone. */
function addDetail(turn: Turn, c: FollowingCase, words: string): boolean {
  const joined = joinDetail(turn, c, words);
  if (joined === 'long') return false;
  if (joined === 'known') {
    turn.info('buyerFact.detailKnown', { vars: { words } });
    return true;
  }
  turn.info('buyerFact.detail', { vars: { words } });
  reissueDraft(turn, c);
  return true;
}
