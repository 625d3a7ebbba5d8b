/**
 * A platform ruling as the buyer reports it: for whom, what it granted and what it left out.
 * "判商家补发" or "仲裁结果：支持退款" grants the buyer a remedy, so it is a ruling for the buyer,
 * whoever the words name as the one to act; so is a win said in so many words ("仲裁通过了", "平台判我赢"),
 * which names no remedy. Only a ruling that names the seller as right (or the buyer's request as
 * rejected) is for the seller.
 */
import { normalize } from './normalize.ts';

/** What a ruling for the buyer granted (several may go together: "补发，另外补偿200"). */
export type RulingRemedy = 'return_refund' | 'refund' | 'reissue' | 'exchange' | 'price_diff' | 'compensation';
/** What the buyer claimed and the ruling did not grant ("运费没给", "医药费不支持", "三倍的事不管"). */
export type RulingDenied = 'postage' | 'loss' | 'punitive' | 'compensation';

export interface RulingRead {
  side: 'buyer' | 'seller';
  /** Empty for a win that names no remedy ("申诉成功了"). */
  remedies: RulingRemedy[];
  /** The sum the ruling named for the buyer ("判了退150", "补差价80"), else null. */
  sum: number | null;
  /** The grant the sum goes with ("补偿我200元": compensation), else null. */
  moneyRemedy: RulingRemedy | null;
  denied: RulingDenied[];
  /** The multiple turned down, as named ("三倍的事不管": 退一赔三; "十倍不支持": the tenfold food claim), else null. */
  deniedMultiple?: 'fraud_3x' | 'food_10x' | null;
}

/** A win in so many words: "仲裁通过了", "申诉成功", "平台判我赢", "won the dispute". It outweighs a rejection told beside it. */
const WON =
  /(?:仲裁|介入|申诉|复议)(?:结果)?\s?(?:已经|已)?\s?(?:通过|成功|胜诉|赢了)|(?:平台|小二|客服|京东|淘宝|天猫|拼多多|抖音|快手|小红书|闲鱼|唯品会)(?:的)?(?:仲裁)?\s?(?:已经|已)?\s?(?:判(?:定|了)?\s?(?:我|买家)\s?(?:赢|胜|有理)|支持了?\s?(?:我|买家))|\b(?:won|win)\s(?:the\s)?(?:dispute|claim|case|arbitration)\b|\b(?:dispute|claim|case|arbitration)\s(?:was\s)?(?:approved|decided\sin\smy\sfavou?r)/;
/** A court's judgment ("法院判了退款") is no platform's ruling: only a platform win said in so many words is read beside it. */
const COURT = /法院|法官|\bcourt\b|\bjudge\b/iu;

/** The seller named as right, or the buyer's request turned down: 判卖家胜, 驳回我的申请, 卖家无责, 冇責任. */
const FOR_SELLER =
  /判(?:了|定|咗)?\s?(?:卖家|商家|店家|对方|賣家)\s?(?:胜|赢|勝|贏|有理|无责|無責|没责任|没有责任|冇责任|冇責任|不用)|判我输|判我輸|驳回(?:了)?(?!卖家|商家|对方)(?:我的)?(?:申请|诉求|售后|退款)?|駁回|不支持我(?:的)?(?:诉求|申请|退款)?|(?:卖家|商家|賣家)\s?(?:无责|無責|没有?责任|冇责任|冇責任)|\bruled (?:for|in favou?r of) the (?:seller|shop|merchant)\b|\bruled against me\b|\brejected my\b|\bsided with the (?:seller|shop)\b/u;

/**
 * Words of a decision: 判, 裁定, 仲裁, the result of an intervention or of the 小二 ("结果出来了"),
 * "ruled", "decided". A bare 结果 ("结果拿到手一看") is no ruling.
 */
const DECIDED = /判(?!断|斷)|裁定|裁决|裁決|仲裁|(?:介入|处理|處理|申诉|复议|小二|平台|客服)(?:的)?(?:结果|結果)|(?<!检测|鉴定|檢測|鑑定|化验|化驗)(?:结果|結果)出[来來]|驳回|駁回|\bruled\b|\bdecided\b|\barbitrat/u;

/** A remedy granted, each with its code; a negation just before it is not a grant ("不退"). */
const REMEDIES: ReadonlyArray<[RulingRemedy, RegExp]> = [
  ['return_refund', /退货退款|退貨退款|\breturn (?:and|&) refund\b/u],
  ['price_diff', /(?:补|退|賠|赔)差价|(?:補|退)差價|\bprice difference\b/u],
  ['reissue', /补发|補發|重发|重發|补寄|補寄|重新(?:发|寄|發)|\b(?:resend|reship|send (?:a |another |the )?(?:new|replacement))/u],
  ['exchange', /换货|換貨|换新|換新|\bexchange\b|\breplace(?:ment)?\b/u],
  ['compensation', /补偿|補償|赔偿|賠償|赔(?:我|给我)?(?=\s?\d)|\bcompensat/u],
  ['refund', /退款|退钱|退錢|(?:退给我|退回|退我|退)(?=\s?\d)|全额退|全退|\brefund/u],
];

/** Just before a remedy: "不", "没", "未", "won't", which turn it down. */
const NEGATED_BEFORE = /(?:不|没|沒|未|冇|唔|别|别想|\bno|\bnot|\bwon'?t|\bdidn'?t)\s?(?:支持|给|给我|同意)?\s?$/u;

/** What was claimed and not granted, with the words that turn it down after it. */
const DENIED_ITEMS: ReadonlyArray<[RulingDenied, RegExp]> = [
  ['postage', /运费|運費|邮费|郵費|快递费|快遞費|\bpostage\b|\bshipping\b/u],
  ['loss', /医药费|醫藥費|医疗费|醫療費|药费|藥費|误工费|誤工費|护理费|護理費|\bmedical\b/u],
  ['punitive', /[三十]倍|退一赔[三十]|\b(?:three|ten)[- ]?(?:fold|times)\b|\btreble\b/u],
  ['compensation', /赔偿|賠償|补偿|補償|\bcompensation\b/u],
];
/** The tenfold multiple named (食品安全法 第一百四十八条's); any other multiple turned down is 三倍. */
const TENFOLD = /十倍|退一赔十|\bten[- ]?(?:fold|times)\b/u;
const TURNED_DOWN = /没给|沒給|没判|不支持|没支持|沒支持|不予支持|不管|不处理|不受理|不赔|不給|不给|没有|驳回|冇|唔|\bnot (?:granted|covered|supported)\b|\bno\b|\brejected\b|\brefused\b|\bdenied\b/u;

/** A sum right after the remedy's words ("退189", "补差价 80元", "补偿我200元"). */
const SUM_AFTER = /^[^，,。.;；!！?？\d]{0,4}?(?:¥|￥)?\s?(\d{1,6}(?:\.\d{1,2})?)(?!\d)(?!\s?(?:小时|小時|天|个|個|号|號|hours?|days?))/u;

/** Sentences of a message: a ruling's grants follow its words of decision in the same sentence. */
const SENTENCE = /[。!！?？\n]+/u;
/** Clauses of a sentence: grants and refusals are told clause by clause. */
const CLAUSE = /[，,.;；]+/u;
/** The buyer's own wish before a remedy ("我要退货退款"): not a grant. */
const WISH_BEFORE = /(?:我要|我想|想要|希望|要求|申请|i want|i'd like)\s?$/u;

/**
 * The ruling the buyer reports, or null when the message reports none.
 *
 * @example platformRuling('介入结果：判商家补发，运费没给') // { side: 'buyer', remedies: ['reissue'], sum: null, moneyRemedy: null, denied: ['postage'] }
 */
export function platformRuling(text: string): RulingRead | null {
  const norm = normalize(text.length > 2000 ? text.slice(0, 2000) : text);
  const won = WON.test(norm);
  const court = COURT.test(norm);
  if (!won && (court || !DECIDED.test(norm))) return null;
  if (!won && FOR_SELLER.test(norm)) return { side: 'seller', remedies: [], sum: null, moneyRemedy: null, denied: [] };
  const remedies: RulingRemedy[] = [];
  const denied: RulingDenied[] = [];
  let sum: number | null = null;
  let moneyRemedy: RulingRemedy | null = null;
  for (const sentence of court ? [] : norm.split(SENTENCE)) {
    const cue = DECIDED.exec(sentence);
    if (!cue) continue;
    // "运费没给", "三倍的事京东说不管", "no compensation": a claimed item beside words that turn it down is not granted.
    for (const clause of sentence.split(CLAUSE)) {
      const down = TURNED_DOWN.exec(clause);
      for (const [code, re] of DENIED_ITEMS) {
        const item = re.exec(clause);
        if (item && down && (item.index < down.index || item.index <= down.index + down[0].length + 1) && !denied.includes(code)) denied.push(code);
      }
    }
    for (const clause of sentence.slice(cue.index).split(CLAUSE)) {
      const down = TURNED_DOWN.exec(clause);
      for (const [code, re] of REMEDIES) {
        const m = re.exec(clause);
        const before = m ? clause.slice(0, m.index) : '';
        if (!m || NEGATED_BEFORE.test(before) || WISH_BEFORE.test(before) || (down && m.index < down.index && deniedHere(clause, m.index))) continue;
        // "退货退款" holds "退款": the refund inside it is the same grant.
        if (code === 'refund' && remedies.includes('return_refund')) continue;
        if (!remedies.includes(code)) remedies.push(code);
        const named = Number(SUM_AFTER.exec(clause.slice(m.index + m[0].length))?.[1] ?? NaN) || null;
        if (sum === null && named !== null) {
          sum = named;
          moneyRemedy = code;
        }
      }
    }
  }
  // A grant only counts beside words of a decision: "商家说补发" is the seller's, not a ruling.
  if (remedies.length === 0 && !won) return null;
  const deniedMultiple = !denied.includes('punitive') ? null : TENFOLD.test(norm) ? 'food_10x' : 'fraud_3x';
  return { side: 'buyer', remedies, sum, moneyRemedy, denied, deniedMultiple };
}

/** The remedy's words are themselves the item turned down ("赔偿不支持"): not a grant. */
function deniedHere(clause: string, at: number): boolean {
  return DENIED_ITEMS.some(([, re]) => {
    const m = re.exec(clause.slice(at));
    return m !== null && m.index === 0;
  });
}
