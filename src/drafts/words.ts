/**
 * The buyer's own words, made into a clean clause for a letter (issue 11 item 6): the order
 * number, the tracking number and the platform's name are taken out (each has its own line, or
 * the recipient knows it) without leaving gaps or stray punctuation; a wish the letter states
 * anyway is not repeated; Traditional characters are folded to Simplified in a Chinese letter.
 */
import { parseNumber } from '../nlu/numerals.ts';
import type { Locale, Slots } from '../domain/index.ts';
import { normalizeAligned } from '../nlu/normalize.ts';
import { logStatement } from '../nlu/chat-log.ts';

/**
 * Traditional → Simplified for Han characters: the NLU's fold (its hand-picked pairs over
 * OpenCC's table), applied to Han characters only, so case, width and punctuation stay as the
 * buyer wrote them.
 */
const FOLD: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  // Every BMP Han character (CJK Unified Ideographs and Extension A), folded in one call.
  let han = '';
  for (let c = 0x3400; c <= 0x9fff; c++) han += String.fromCharCode(c);
  const folded = normalizeAligned(han);
  for (let i = 0; i < han.length; i++) if (folded[i] !== han[i]) m.set(han[i]!, folded[i]!);
  return m;
})();

/**
 * Characters in the table that are also ordinary Simplified characters (著名, 乾坤, 于/於 as a
 * surname…): they alone do not make a text Traditional, so a Simplified text is never changed.
 */
const AMBIGUOUS = new Set([...'著乾於藉瞭餘徵覆甚麼隻鍾沖瀋蘋摺夥'].filter((c) => FOLD.has(c)));

/**
 * Per BMP Han character from U+3400 (all the table holds: one UTF-16 unit each), 1 when it is in
 * the table and not ambiguous: what makes a text Traditional, looked up without a string per character.
 */
const HAN_FIRST = 0x3400;
const MARKS_TRADITIONAL: Uint8Array = (() => {
  const marks = new Uint8Array(0x9fff - HAN_FIRST + 1);
  for (const ch of FOLD.keys()) if (!AMBIGUOUS.has(ch)) marks[ch.charCodeAt(0) - HAN_FIRST] = 1;
  return marks;
})();

/**
 * Folds Traditional characters to Simplified (OpenCC's one-character table), but only when the
 * text is Traditional: a Simplified text comes back unchanged.
 *
 * @example toSimplified('訂單編號 123，收到的杯子壞了') // '订单编号 123，收到的杯子坏了'
 */
export function toSimplified(text: string): string {
  let traditional = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i) - HAN_FIRST;
    if (c >= 0 && c < MARKS_TRADITIONAL.length && MARKS_TRADITIONAL[c] === 1) {
      traditional = true;
      break;
    }
  }
  if (!traditional) return text;
  let out = '';
  for (const ch of text) out += FOLD.get(ch) ?? ch;
  return out;
}

/**
 * Simplified → Traditional for the bot's replies to a buyer who writes Traditional: the reverse of
 * the fold, only where it is one-to-one and the Simplified character is not itself an ordinary
 * Traditional one (只, 面, 出, 才, 了… stay as they are); a few merged characters get the form
 * our replies mean (发 → 發, 复 → 復, 里 → 裡).
 */
const KEEP_AS_IS = new Set([...'家出回同核只制合修粘千私卷查表才吊吃注杯污霉致借松了台面系干向升']);
const CHOSEN: Readonly<Record<string, string>> = {
  发: '發', 复: '復', 里: '裡', 证: '證', 个: '個', 并: '並', 说: '說', 签: '簽', 录: '錄', 为: '為', 绝: '絕', 当: '當',
  别: '別', 闲: '閒', 么: '麼', 铺: '鋪', 线: '線', 产: '產', 鉴: '鑑', 尽: '盡', 颜: '顏', 伪: '偽', 迹: '跡', 历: '歷',
  摆: '擺', 钩: '鉤', 后: '後', 着: '著', 于: '於', 范: '範', 准: '準',
};
const TO_TRAD: ReadonlyMap<string, string> = (() => {
  const sources = new Map<string, string[]>();
  for (const [trad, simp] of FOLD) {
    if (trad === simp) continue;
    const list = sources.get(simp);
    if (list) list.push(trad);
    else sources.set(simp, [trad]);
  }
  const m = new Map<string, string>();
  for (const [simp, trads] of sources) {
    if (KEEP_AS_IS.has(simp)) continue;
    const chosen = CHOSEN[simp] ?? (trads.length === 1 ? trads[0]! : null);
    if (chosen) m.set(simp, chosen);
  }
  return m;
})();

/**
 * The bot's words in Traditional characters, for a buyer who writes Traditional.
 *
 * @example toTraditional('请发一下订单号') // '請發一下訂單號'
 */
export function toTraditional(text: string): string {
  let out = '';
  for (const ch of text) out += TO_TRAD.get(ch) ?? ch;
  for (const [from, to] of TRAD_WORDS) if (out.includes(from)) out = out.split(from).join(to);
  return out;
}

/** Words where a merged character takes another form than the one chosen above. */
const TRAD_WORDS: ReadonlyArray<readonly [string, string]> = [
  ['復制', '複製'], ['聯系', '聯繫'], ['關系', '關係'], ['答復', '答覆'], ['回復', '回覆'], ['重復', '重複'], ['復雜', '複雜'], ['干淨', '乾淨'],
];

/** How many characters of the text are written differently in the other script: Traditional ones, Simplified ones. */
export function scriptMarks(text: string): { traditional: number; simplified: number } {
  let traditional = 0;
  let simplified = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let mark: number;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // A character outside the BMP (a surrogate pair), looked up as itself.
      mark = markOf(text.slice(i, i + 2));
      i++;
    } else {
      mark = MARKS[c]!;
    }
    if (mark === TRADITIONAL_MARK) traditional++;
    else if (mark === SIMPLIFIED_MARK) simplified++;
  }
  return { traditional, simplified };
}

const TRADITIONAL_MARK = 1;
const SIMPLIFIED_MARK = 2;

/** Which script a character marks: Traditional (folded, not ambiguous), Simplified (has a Traditional form), or neither (0). */
function markOf(ch: string): number {
  if (FOLD.has(ch) && !AMBIGUOUS.has(ch)) return TRADITIONAL_MARK;
  return TO_TRAD.has(ch) ? SIMPLIFIED_MARK : 0;
}

/** `markOf` for every UTF-16 code unit (a lone surrogate as itself): one lookup a character, no string made. */
const MARKS: Uint8Array = (() => {
  const marks = new Uint8Array(65536);
  for (const ch of [...FOLD.keys(), ...TO_TRAD.keys()]) if (ch.length === 1) marks[ch.charCodeAt(0)] = markOf(ch);
  return marks;
})();

/** Platform names a buyer writes, in both scripts and English (longest first). */
const PLATFORM_WORDS_ZH = [
  '微信小店', '淘宝网', '淘宝', '天猫', '京东', '拼多多', '多多', '抖音商城', '抖音', '快手', '小红书', '1688', '阿里巴巴', '闲鱼', '唯品会',
  '网易考拉', '考拉海购', '网易严选', '美团外卖', '美团', '饿了么', '得物', '当当网', '当当', '苏宁易购', '苏宁',
];
const PLATFORM_WORDS_EN = ['taobao', 'tmall', 'jd\\.com', 'jd', 'pinduoduo', 'pdd', 'douyin', 'kuaishou', 'xiaohongshu', 'rednote', 'xianyu', 'vipshop', '1688'];

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A number as typed: any spaces between its characters. */
const spaced = (id: string): string => [...id].map(escape).join('\\s*');

const ID_LABEL_ZH = String.raw`(?:我的)?(?:订单号码|订单编号|订单号|订单|单号|快递单号|运单号|物流单号)\s*(?:是|为)?\s*[:：#]?\s*`;
const ID_LABEL_EN = String.raw`(?:my\s+)?(?:order\s*(?:number|no\.?|id|#)?|tracking\s*(?:number|no\.?)?)\s*(?:is)?\s*[:：#]?\s*`;

const ZH_PLATFORM = new RegExp(
  String.raw`(?:我)?(?:在|从|喺)?(?:${PLATFORM_WORDS_ZH.map(escape).join('|')})(?:上|平台|app|APP|App|度)?(?:的)?(?:(?:店铺|商家|卖家)(?=[买下]))?(?:订单(?:号|编号)?)?`,
  'gu',
);
const EN_PLATFORM = new RegExp(String.raw`(?:\b(?:on|from|at|via)\s+)?\b(?:${PLATFORM_WORDS_EN.join('|')})\b(?:\s+order\b)?`, 'giu');

/** Clause separators kept as they were. */
const SEP = /((?:[，,。；;！!？?\n]|\.(?=\s|$))+)/u;

/** A clause that is only a wish ("想退货退款", "我希望退款", "要退款 199", "I want a refund"). */
const WISH_ZH =
  /^(?:退|换|修|退钱|退款|退货|补发)(?:吧|了|啦|掉)?$|^(?:退货退款|退款|退货|仅退款|退钱)\d+(?:\.\d+)?(?:元|块钱|块)?(?:吧)?$|^(?:所以|因此|现在|麻烦|请|那)?(?:我)?(?:想|要|希望|要求|申请|请求|想要|需要|只想|就想)+(?:给我|帮我|直接|商家|卖家)?(?:点|一点|些|一些)?(?:全额)?(?:退货退款|退款退货|退货|退款|仅退款|换货|换一个|换个新的|补发|维修|修理|赔偿|补偿|退一赔三|退一赔十|退钱)(?:\d+(?:\.\d+)?(?:元|块钱|块)?)?(?:吧|了|一下|处理)?$/u;
/** "我要求换一台新的", "希望给我重新发一个新的": an exchange asked in the buyer's words. */
const WISH_NEW_ZH = /^(?:所以|现在|麻烦|请|那)?(?:我)?(?:想|要|希望|要求|请求|想要|需要)*(?:给我|帮我|卖家|商家)?(?:换|重新发|重发|补发)(?:一|个)?(?:台|个|件|部|只|双|套|箱|份|本|条|把|张)?(?:新的|新货|好的)(?:吧|给我|就行了?|就好|就可以了?)?$/u;
/**
 * Wishes in other shapes: part of the money ("想退一部分钱", "退一半就行"), a count reshipped ("补发3包"), an exchange
 * for a size ("想换回41码"), and the wish denied ("不是要退款"): the letter states the wish on its own line.
 */
const WISH_MORE_ZH = new RegExp([
  String.raw`^(?:所以|现在|那)?(?:我)?(?:想|要|希望|要求|只想|就想)*(?:给我|商家|卖家)?(?:退|赔|补偿|返)(?:我)?(?:一部分|部分|一半|一点|点|一些|些|差价)(?:钱|款|货款)?(?:吧|就行了?|就好)?$`,
  // "要求补发滤芯", "麻烦补寄个底座": the part named, not a count.
  String.raw`^(?:我)?(?:想|要|希望|要求|请|麻烦)*(?:给我|帮我|卖家|商家)?(?:补发|补寄|重发)(?:给我)?(?:一个|一|个)?(?![的了])[^\s，。的了坏破断裂碎]{1,5}(?:给我|过来)?(?:吧|就行了?)?$`,
  String.raw`^(?:我)?(?:想|要|希望|要求|请|麻烦)*(?:给我|帮我|卖家|商家)?(?:补发|补寄|补|重发|再发)(?:给我)?(?:\d+|[一二两三四五六七八九十几]+)(?:个|件|盒|包|瓶|箱|双|只|台|套|份|袋|斤|罐|支|条|卷|片|粒|颗|本|张|把)(?:给我|过来)?(?:吧|就行了?)?$`,
  String.raw`^(?:我)?(?:想|要|希望|要求|请)+(?:给我|帮我)?(?:换|换回|换成|换个|调换成?)(?:一双|一件|一个)?[A-Za-z0-9.]{1,5}(?:码|号|的)?(?:吧)?$`,
  String.raw`^(?:我)?(?:不是|并不是|不)(?:要|想|想要|需要)(?:退货退款|退款|退货|换货|补发|维修|赔偿|退钱|退|换)(?:的|了)?$`,
  // The money asked back in other words ("只想把钱拿回来", "要把货款追回来").
  String.raw`^(?:我)?(?:就|只)?(?:想|要|希望)+(?:把)?(?:我的)?(?:钱|货款|款)(?:要|拿|退|追|讨)回来(?:而已|就行了?|就好)?$`,
  // The price difference asked back ("要求保价补差价", "想退差价").
  String.raw`^(?:所以|那)?(?:我)?(?:想|要|希望|要求|申请|只想)+(?:给我|商家|卖家)?(?:价保|保价)?(?:退|补|返|赔)?(?:差价|价保|保价)(?:吧|就行了?)?$`,
  // Urging ("希望他们尽快发货") and the threat that goes with it ("再不发就退款"): what the buyer wants, not the fault.
  String.raw`^(?:我)?(?:想要|要|希望|要求|请|麻烦)?(?:他们|卖家|商家|你们|店家|对方)?(?:赶紧|尽快|马上|立刻|快点|快)(?:给我)?(?:发货|发出|寄出|发|处理|退款|退钱|安排)(?:吧|啊)?$`,
  String.raw`^(?:再|还|如果|要是)不(?:发货|发|寄|处理|退款|退|回复|给)(?:的话)?(?:我)?就(?:要)?.{0,14}$`,
].join('|'), 'u');
/** Why the buyer wants what they want ("嫌麻烦", "太折腾了", "大件寄回去太费劲"): the wish's reason, not the goods' problem. */
const WISH_REASON_ZH = /^(?:\p{Script=Han}{0,6}(?:太大|太重|太沉)了?)?(?:寄回去|退回去|寄回|退货|拆|搬|来回)?(?:着|起来)?(?:太|嫌|怕|很|挺|好|特别)?(?:麻烦|折腾|费劲)(?:了|啊|呀)?$|懒得|嫌麻烦|怕麻烦|不想折腾/u;
const WISH_EN =
  /^(?:so\s+|and\s+|please\s+)?(?:i\s+)?(?:want|would like|'d like|need|request|am asking for|ask for)\s+(?:to\s+)?(?:get\s+)?(?:a\s+|an\s+|my\s+)?(?:full\s+)?(?:refund|return(?:\s+and\s+refund)?|exchange|replacement|repair|compensation|money back)(?:\s+(?:plus|and|with|\+)\s+.*|\s+please)?$/iu;

/**
 * A clause said to the bot, not about the goods: a greeting or form of address, a request for
 * help ("你帮帮我", "教教我怎么弄"), thanks, the buyer's own trouble with the phone, a question.
 */
const SIDE_TALK_ZH =
  /^(?:你好|您好|在吗|同志|师傅|老师|小同志|亲|喂|等下|等一下|等等|对了|谢谢(?:你|您)?(?:了|啦)?|不好意思|抱歉|对不起|[Ss]orry)$|帮帮我|(?:你|您)帮(?:我|忙)|帮我(?:看|弄|处理|写|问|想)|(?:你|您)看看|教(?:教)?我|怎么(?:弄|办|搞|操作|整)|谢谢|麻烦(?:你|您)|不太会|不会(?:弄|用|拍|操作|打字)|(?:复制|发|截图|贴)给(?:你|您)|^(?:你|您)(?:又|还是|根本|完全)?(?:没|没有)?(?:看懂|听懂|明白|搞错|理解错|看错|弄错|误会)|^(?:我)?(?:想|要)?(?:问|咨询|请教)(?:一下|下|个事|个问题)(?:啊|哈|哦)?$|老头子|老太太|年纪大了|^(?:我)?(?:把)?(?:聊天记录|对话记录|聊天截图|记录|截图)(?:我)?(?:都|也)?(?:贴|发|复制|粘贴|截)(?:过来|上来|出来|给你|给您|在下面|在这|如下)?(?:了|啦)?$|^(?:[Ss]orry|抱歉|不好意思|对不起|啊|哦|呃)?(?:刚才|刚刚)?我?(?:点|按|打|写|填|输)错了?$/u;
const SIDE_TALK_EN = /^(?:hi|hello|hey|thanks?(?: you)?|please help(?: me)?)$|\b(?:can|could) you help\b|\bhelp me\b|\bwhat (?:should|do) i do\b/iu;
/**
 * Chatter that is no fact about the goods: an interjection or scoff alone ("哎", "呵呵"), a greeting
 * after one ("哎你好"), a lead-in ("我跟你说", "跟你讲一下"), an appeal to an audience ("家人们谁懂",
 * "姐妹们"), an apology for bothering ("打扰了"), and a thanks clause, sarcastic or not ("真是太感谢主播了").
 */
const CHATTER_ZH = new RegExp([
  String.raw`^[哎唉嗨哈呵嘿喂嗯诶欸呃啊哦呀嘤嗐]+(?:你好|您好|在吗|在不在)?[呀啊哈啦]*$`,
  String.raw`^(?:我)?(?:跟|和|给)(?:你|您|你们)(?:说|讲)(?:一下|下|哈|啊|哦)?$|^(?:我)?(?:来)?(?:说|讲)(?:一下|下)(?:哈|啊|哦|吧)?$`,
  String.raw`^(?:家人们|姐妹们|兄弟们|宝子们|宝宝们|朋友们|大家)(?:谁懂|谁能懂|评评理|看看|救命|救救我|求助|求救|帮帮我|帮帮忙|避雷)?(?:啊|呀|哇|了)*$`,
  String.raw`^(?:救命|救救我|求助|求救|在线等|急|急急急)(?:啊|呀|哇|了)*$`,
  String.raw`^(?:有没有人|谁)懂(?:啊|呀)?$`,
  // "嗯 就这样", "就这些": the buyer done talking.
  String.raw`^(?:嗯|好|那|大概)?(?:就这样|就这些|就这么多|没别的了|说完了)(?:吧|了|啊|哈)?$`,
  String.raw`^(?:不好意思)?打扰(?:了|一下|您了|你了|您|你)?$`,
  // "不是，…": the buyer setting the bot right, no fact in itself; so is "不是昨天那条" (which message the bot read).
  String.raw`^(?:不是|不对|错了)(?:的|啊|呀|哦)?$`,
  String.raw`^(?:不是|并不是|不是说)[^，。]{0,8}(?:那句|这句|那条|这条|那段|这段|那次|那个意思)(?:话)?(?:啊|哦)?$`,
  String.raw`^(?:另外|还有|我还有|另外还有|另|这)(?:一|个)?(?:单|个订单|笔订单|笔|件事)$`,
  // The order number talked about ("订单号是…", "单号我发你"): it has its own line.
  String.raw`^(?:我的)?(?:订单号码|订单编号|订单号)(?:是|为|[:：])`,
  String.raw`^(?:真是|真的|可真是|可真|真|那可)?(?:太|非常|十分|好)?(?:感谢|多谢|谢谢)[\p{Script=Han}]{0,6}$`,
].join('|'), 'u');

/** A question clause (ends with a question mark, asks with 吗 / 呢 / 怎么…): the buyer asking, not a fact. */
const QUESTION_ZH = /吗|呢|怎么|能不能|可不可以|合理|咋|啥/u;
/** Before a question mark, a guess ("…吧？") or an A-not-A question ("是不是…？", "过分不过分？") asks too. */
const ASKED_ZH = /吧$|(\p{Script=Han}{1,3})不\1/u;
/** A retort or a judgement asked of the reader, whatever mark ends it ("凭什么", "难道…", "这算欺骗了吧", "你说…"). */
const RHETORICAL_ZH = /凭什么|难道|岂不是|^(?:你|您)(?:说(?!的)|评评理)|^(?:这|这个|这种|这样|那)(?:不|也|都|还)?(?:就)?(?:是|算|属于|叫)(?:不是)?[^，。]{1,8}(?:吧|吗|嘛)$/u;
/** "…，你说离谱不离谱" ending run-on words: the retort goes, the fact before it stays. */
const RETORT_END = /(?<=\p{Script=Han})(?:你|您)说[^，。]{0,6}?(\p{Script=Han}{1,3})不\1(?:啊|吧|呀)?$/u;
/** Chat abbreviations of insults and exclamations (pinyin initials), never a fact of the goods. */
const SLANG_TOKEN = /(?<![A-Za-z])(?:yyds|wsm|nmsl|tmd|cnm|xswl|awsl|wtf|nsdd|dbq)(?![A-Za-z])/iu;
/** "而且我搞错了", "刚才说错了": the buyer owning a slip; the words after it take the wrong ones back. */
const OWNED_SLIP = /^(?:而且|还有|对了|另外|哦|啊|不好意思|抱歉|对不起)?(?:我|刚才|刚刚|前面|之前|上面)*(?:搞错|弄错|记错|说错|写错|讲错)了?(?:啊|哈|哦)?$/u;
/** A remark about sending something later ("订单号我等会发你", "照片晚点补给您"), wherever it stands. */
const SEND_LATER = /(?:订单号|单号|订单|照片|图片|截图|视频|聊天记录|凭证)?(?:我)?(?:等会儿?|等下|等一下|一会儿?|待会儿?|晚点|晚些|稍后|回头)(?:再)?(?:发|拍|补|传|截)(?:给)?(?:你|您)(?!们)(?:看)?(?:啊|哈|吧|哦|呀)?/gu;
/** Where a wish opens, run on after the fault in one clause ("…我想", "…所以要"; not "不想退货"). */
const WISH_LEAD = /(?<=\p{Script=Han})(?<![不没别])(?:所以)?我?(?:想|要|希望)/gu;

/** Where a wish run on at the end of a clause begins ("…短一截我想换一个大一号的"), else the clause's length. */
function wishTailAt(clause: string): number {
  // A wish is a few words: only the clause's end is looked at (run-on words can be long).
  const from = Math.max(0, clause.length - WISH_TAIL_MAX);
  for (const m of clause.slice(from).matchAll(WISH_LEAD)) if (isWish(clause.slice(from + m.index))) return from + m.index;
  return clause.length;
}
const WISH_TAIL_MAX = 32;

/**
 * Cantonese written forms, to standard written Chinese: a letter to a reviewer is in 书面语.
 * Longer forms first; applied only to a text with a Cantonese marker. The pairs are the common
 * everyday equivalences that Cantonese–Mandarin dictionaries list, kept to words with one clear
 * written form in an after-sales message (a word with several readings stays out: CANTONESE_LEFT).
 */
const CANTONESE: ReadonlyArray<readonly [string, string]> = [
  ['同埋', '和'], ['叫咗', '点了'], ['件衫', '件衣服'], ['鸡翼', '鸡翅'], ['系咪', '是不是'], ['边个', '哪个'], ['几时', '什么时候'], ['点样', '怎样'], ['边间', '哪家'],
  ['流晒出嚟', '全部流了出来'], ['流晒出来', '全部流了出来'], ['流晒', '全部流出'], ['爆咗', '破裂了'], ['嘅相', '的照片'], ['影相', '拍照'], ['开箱片', '开箱视频'], ['个樽', '瓶子'], ['啲膏', '膏体'], ['樽', '瓶子'],
  ['佢哋话', '他们说'], ['佢话', '他说'], ['入面', '里面'], ['仲有', '还有'], ['仲要', '还要'], ['仲想', '还想'], ['仲未', '还没'], ['机械人', '机器人'], ['冇覆', '没有回复'], ['覆我', '回复我'],
  ['啱啱', '刚刚'], ['唔啱', '不对'], ['不啱', '不对'], ['揀咗', '选了'], ['拣咗', '选了'], ['我揀', '我选'], ['我拣', '我选'], ['拣了', '选了'], ['波鞋', '运动鞋'], ['雪柜', '冰箱'],
  ['落单', '下单'], ['着唔落', '穿不下'], ['着不落', '穿不下'], ['换返', '换回'],
  ['而家', '现在'], ['成日', '一直'], ['退返', '退回'], ['唔该', '谢谢'], ['听日', '明天'], ['聽日', '明天'], ['琴日', '昨天'], ['乜嘢', '什么'], ['点解', '为什么'], ['边度', '哪里'],
  ['开唔到', '开不了'], ['用唔到', '用不了'], ['搵唔到', '找不到'], ['睇唔到', '看不到'],
  ['仲同', '还和'], ['仲系', '还是'], ['成件', '整件'], ['差好远', '相差很远'], ['相片', '照片'],
  ['咗', '了'], ['喺', '在'], ['唔', '不'], ['冇', '没有'], ['嘅', '的'], ['佢哋', '他们'], ['佢', '他'], ['啲', '些'], ['嘢', '东西'],
  ['睇', '看'], ['揿', '按'], ['畀', '给'], ['俾', '给'], ['攞', '拿'], ['搵', '找'], ['嚟', '来'], ['噉', '这样'], ['咁', '这么'], ['乜', '什么'], ['啱', '合适'],
];
const CANTONESE_MARK = /[咗喺唔冇嘅佢啲嘢睇揿畀攞搵嚟噉乜啱係]|同埋|而家|琴日|听日|聽日|入面|仲(?:有|要|想|未)|(?:话|話|但|就|都|真|即|明显|明顯)系(?![统列数])/u;
/** 係 (Simplified to 系) as the Cantonese "is", not 系 of 系统 / 联系 / 关系 / 一系列. */
const CANTONESE_IS = /(?<![联关體体派维直母父旁嫡中一])[系係](?![统列数])/gu;
/** 话 as "say" before 是 ("话是全新"), not 电话 / 说话 / 对话. */
const CANTONESE_SAY = /(?<![电說说对對讲講笑废廢通童神闲閒情实實])[话話](?=是)/gu;

/** Cantonese forms the table cannot make standard safely (嗰, 咩, 喎, 点知…): such words stay out of a letter. */
const CANTONESE_LEFT = /[咗喺唔冇嘅佢啲嘢噉乜啱嚟攞畀揿睇係嗰咩喎嘞冚]|点知|點知|唔该|乜嘢/u;

/** Whether cleaned words still hold Cantonese that is not standard written Chinese. */
export function cantoneseLeft(text: string): boolean {
  return CANTONESE_LEFT.test(text);
}

/** Cantonese written forms replaced by standard written Chinese; other text unchanged. */
export function toWrittenChinese(text: string): string {
  if (!CANTONESE_MARK.test(text)) return text;
  let out = text;
  // Most entries are absent: a search costs far less than splitting (which makes an array).
  // 個 / 啲 opening a clause is Cantonese's "the" ("個樽爆咗", "啲膏流晒"): written Chinese has none.
  out = out.replace(/(^|[，,。；;！!\s])[个個啲](?=\p{Script=Han})(?!膏)/gu, '$1');
  for (const [from, to] of CANTONESE) if (out.includes(from)) out = out.split(from).join(to);
  // "话系全新" opening a clause is what the goods were sold as: "标称全新".
  // 啡色 is brown: 咖啡色 in standard Chinese (an existing 咖啡色 stays as it is).
  out = out.replace(/(?<!咖)啡色/gu, '咖啡色');
  // 揀 / 拣 is "choose" ("下单拣42码"); 分拣, 挑拣 stay.
  out = out.replace(/(?<![分挑筛])拣/gu, '选');
  // "商家话…" is "商家说…"; "鸡翅和杯奶茶", "点了个饭": written Chinese counts the item ("一杯", "一个").
  out = out.replace(/(商家|卖家|店家|客服|老板|骑手|他|他们|她)[话話](?![费題题])/gu, '$1说').replace(/(^|[，,。；;\s])[话話](?=\p{Script=Han})(?![系係是])/gu, '$1说');
  out = out.replace(/(?<![为為])(和|了)([个個杯份碗盒只件支罐])(?=\p{Script=Han})/gu, '$1一$2');
  out = out.replace(CANTONESE_IS, '是').replace(/(^|[，,。；;\s])[话話]是/gu, '$1标称').replace(CANTONESE_SAY, '说');
  // "100蚊" is 100 yuan (蚊 alone, a mosquito, stays).
  // "写住M" is what the label says: "写着M" (not 写住址).
  out = out.replace(/写住(?![址院宿])/gu, '写着');
  return out.replace(/(\d)\s?蚊/gu, '$1元');
}

/**
 * Markup is never the buyer's fact: a script or style element goes with its content, any other
 * tag goes and its text stays ("<b>假货</b>" → "假货"); emoji and their joiners go too.
 */
const MARKUP_BLOCK = /<\s*(script|style)\b[^>]*>[\s\S]*?(?:<\s*\/\s*\1\s*>|$)/giu;
const MARKUP_TAG = /<\s*\/?\s*[a-z!][^<>]*>/giu;
const EMOJI = /[\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\u{FE0E}\u{FE0F}\u{200D}]/gu;

/**
 * The buyer's text without markup or emoji, for anything the bot stores or writes from it.
 *
 * @example withoutMarkup('杯子<b>碎了</b><script>x()</script> 😭') // '杯子碎了 '
 */
export function withoutMarkup(text: string): string {
  if (!/[<\p{Extended_Pictographic}\u{FE0F}]/u.test(text)) return text;
  return text.replace(MARKUP_BLOCK, ' ').replace(MARKUP_TAG, '').replace(EMOJI, '').replace(/[ \t]{2,}/g, ' ');
}

/**
 * A clause that is only the buyer's feeling ("气死了", "太坑了", "无语"): a letter states facts,
 * so it goes. Only whole clauses: "气得睡不着" in a sentence that says more stays.
 */
const FEELING_ZH =
  /^(?:我(?:家)?)?(?:孩子|小孩|儿子|女儿|宝宝|娃|老婆|老公|我妈|我爸|老人|家里人)?(?:都|也|直接)?(?:我|这|也|真的?|真是|实在|简直|太|好|很|非常|特别|要|快)*(?:哭|(?:气)?疯|受不了|忍不了|忍无可忍|过分|欺人太甚|火冒三丈|心态(?:都)?崩|气哭|(?:气|激)死(?:我|人)?|气炸|气人|无语|服(?:气)?|坑(?:人|爹)?|垃圾(?:商家|店铺?|卖家|东西)?|恶心|离谱|崩溃|郁闷|烦死(?:了|人)?|烦人|烦|闹心|糟心|火大|生气|绝了|骗子|黑心(?:商家|店)?|什么破(?:店|东西|玩意儿?)?|晕|醉了|吐了|心累|无奈)(?:了|啊|呀|吧|死了|透了|极了|至极)*$/u;
const FEELING_EN = /^(?:i(?:'m| am)\s+)?(?:so\s+)?(?:angry|furious|annoyed|upset|frustrated|ridiculous|unbelievable|wtf|ugh|omg|what a scam|scammers?)$/iu;

/**
 * The buyer's own words as quoted in the case file and /status: the same words, without the
 * clauses that are only a feeling ("！！！气死了", "无语"), which are no description of the problem.
 *
 * @example withoutFeelings('只发了4个，还碎了一个！！！气死了') // '只发了4个，还碎了一个'
 */
export function withoutFeelings(text: string): string {
  const parts = text.split(/((?:[，,。；;！!？?~～…]|\.(?=\s|$))+\s*|(?<=\p{Script=Han})\s+(?=\p{Script=Han}))/u);
  const kept: string[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    const clause = parts[i]!;
    const plain = clause.replace(/\s+/g, '');
    if (plain && (FEELING_ZH.test(plain) || FEELING_EN.test(clause.trim()) || SLANG_ZH.test(plain))) continue;
    kept.push(clause, parts[i + 1] ?? '');
  }
  const out = kept.join('').replace(/[，,；;！!~～…\s]+$/u, '').trim();
  return out || text;
}

/** Internet slang that is only a comment ("绝绝子", "yyds", "破防了"): not written Chinese, no fact. */
const SLANG_ZH =
  /^(?:真的?|真是|简直|太|好|我)*(?:绝绝子|无语子|yyds|栓[Qq]|破防了?|蚌埠住了?|芭比[Qq]了?|下头|离大谱|救命|(?:我)?(?:真的)?会谢|谢谢你全家|笑死|麻了|emo了?|啊这|好家伙|服了你了?|6{2,})(?:了|啊|呀|啦)*$/iu;
/** Slang at a clause's end ("染了一缸衣服绝绝子"): it goes, the fact stays. */
const SLANG_END = /(?<=\p{Script=Han})(?:真的?|简直)?(?:绝绝子|无语子|yyds|栓[Qq])$/iu;
/** A rhetorical tag ending a fact ("吊牌都在的好吗", "明明是新的好不好"): the fact stays, the retort goes. */
// Its 的 goes too, unless the fact needs it ("是新的好不好").
const RHETORIC_END = /(?<=\p{Script=Han})(?:(?<!是\p{Script=Han}{0,3})的)?(?:好吗|好不好|行吗|好伐|懂不懂|懂吗|知道吗)$/u;
/** A lead-in that only sums up ("总之就是", "反正"): the fact after it stays. */
const SUM_UP_LEAD = /^(?:(?:总之|总而言之|反正|简单来说|简单说|说白了|一句话)(?:就是|呢|吧)?|(?:问题|情况)(?:就)?是)\s*[，,：:]?\s*/u;
/**
 * Spoken filler opening a clause ("我那个就是…", "然后呢…", "嗯屏幕…"): the clause after it stays. A particle
 * left in front by voice input ("呢", "啊") goes with it.
 */
const FILLER_LEAD = /^(?:(?:我)?(?:那个|这个)*(?:就是|然后|那个|那啥)+(?:呢|啊|吧|嘛)?\s*|(?:呢|啊|呀|嗯|呃|噢|哦|诶|欸|嘛|哎呀|哎哟|哎|唉)+(?=\p{Script=Han}))+/u;
/**
 * What a buyer says to themself while dictating (voice input): a thought cut off ("我想", "我是说"), a number
 * being spoken ("二八五", "3 7 1"), the switch to typing or sending ("我打字吧", "我发你", "还是手打吧"), a pause
 * ("等一下", "我找找") or its end ("找到了"), a slip owned ("说错了", "口误"): no fact about the goods.
 */
const SELF_TALK_ZH = new RegExp([
  String.raw`^(?:(?:我)?(?:想|要|觉得|感觉|是说|意思是|的意思是)(?:啊|呢|吧|嘛)?)+$`,
  String.raw`^(?:这个)?(?:就是说|怎么说呢|怎么说|这么说吧|你知道吧|你懂吧|是吧|对吧|对对对?|好吧|嗯嗯)$|^我+$`,
  String.raw`^[零〇幺一二两三四五六七八九十百千万\d\s-]+$|^[呢吧嘛啦]+$`,
  String.raw`^(?:那|算了|还是)*(?:我)?(?:还是|直接|重新)?(?:打字|手打|打出来|写下来|发文字|用文字)(?:吧|说|算了|给你|发你)*$`,
  String.raw`^(?:我)?(?:等下|等会儿?|一会儿?|马上|待会儿?)?(?:发|拍|截图|复制)(?:给)?(?:你|您)(?:看)?(?:吧|啊|哈)?$`,
  String.raw`^(?:等|稍等)(?:一下|一会儿?|下|等)?(?:啊|哈|哦)?$|^(?:我)?(?:看|找|查|翻)(?:一下|下|看|找|查|翻)(?:啊|哈|哦)?$`,
  String.raw`^(?:我)?(?:说错了|念错了|读错了|口误|语音(?:说)?不清楚?|说不清楚?)(?:了|啊)?$`,
  // The search ended ("哦找到了", "好了查到了", "终于翻出来了"): said of the number looked up, no fact of the goods.
  String.raw`^(?:好了|好|行了|终于)?(?:我)?(?:找|查|翻|看)(?:到|着|出来)了(?:啊|哈|哦)?$`,
].join('|'), 'u');
/**
 * Words that end in the buyer's self-talk ("…底下糊了然后我想，我打字吧"): dictation given up, so what they type
 * next tells the problem again, more exactly. A number at the end is not this (an order number given last).
 */
export function trailsOff(text: string): boolean {
  const last = toSimplified(text).split(/[，,。；;！!？?\s]+/u).map((c) => c.replace(FILLER_LEAD, '')).filter(Boolean).at(-1);
  return last !== undefined && !/\d/.test(last) && /\p{Script=Han}/u.test(last) && !/^[零〇幺一二两三四五六七八九十百千万]+$/u.test(last) && SELF_TALK_ZH.test(last);
}

/**
 * What the buyer says of themself or of who set the bot up for them ("我是开花店的", "本人是在校学生", "我女儿帮我下载的这个"):
 * true, but no fact of the goods, and next to the fault a reviewer may read it as the cause.
 */
const ABOUT_BUYER = new RegExp([
  String.raw`^(?:我|本人)(?:是|今年)(?:个|一个|一名|一位|名|位)?(?:退休|在校|全职|普通|老|新)?(?:老师|教师|工人|农民|学生|大学生|宝妈|老人|医生|护士|司机|个体户|店主|小白|新手|会员|老顾客|老客户|回头客|外行|(?:开|做|干|搞|跑|种|教)[^，。买购收到付订退换坏]{1,6}的|[一二三四五六七八九十几]+(?:十)?(?:多)?岁(?:了)?|退休(?:了|人员|职工|干部)?)(?:啊|哦|呀)?$`,
  String.raw`^(?:是)?(?:我)?(?:家)?(?:孙子|孙女|外孙|外孙女|儿子|女儿|闺女|儿媳|女婿|老伴|孩子|家里人|朋友|同事|邻居)(?:帮|给|替|教)我(?:装|安装|下载|弄|设置|注册|关注|加|用)(?:的|了|好了?)?(?:这个|这|你)?(?:软件|app|APP|小程序|公众号|机器人)?(?:的)?$`,
].join('|'), 'u');

/**
 * A threat or a plan of the buyer's ("还要告他们虚假宣传", "不行就去法院起诉", "否则就退货", "我要曝光这家店"): what the buyer may do
 * next is for the buyer to do, not a fact a letter states.
 */
const THREAT_ZH = new RegExp([
  String.raw`^(?:我|而且|并且|还|就|也|一定|肯定|准备|打算|要|会|得|必须|直接|不行)*(?:去|到|找|向|上)?(?:法院|12315|消协|工商|市场监管局?|媒体|派出所|网上)?(?:告(?!诉)|起诉|举报|曝光|报警|打12315|给差评|打差评|差评)`,
  String.raw`^(?:不然|否则|要不然|要不|不行)(?:的话)?(?:我)?(?:就|只能)?[^，。]{0,14}$`,
].join('|'), 'u');

/** "对话我都截了图", "照片我都存着": the buyer's evidence, which the letter offers on its own line. */
const EVIDENCE_KEPT = /^(?:我)?(?:已经|都|也)?把?(?:聊天记录|对话记录|记录|照片|图片|视频|录像|截图|凭证)(?:我)?(?:都|也|全|全部|已经)*(?:截图|截了图|截屏|截下来|保存|保留|存|存着|录|拍)(?:了|下来了?|好了?|着)?$/u;

/**
 * What the seller said the buyer did to the goods ("他说是我自己弄坏的", "店里说是我摔的"): the seller's claim, kept as
 * theirs ("卖家称是我自己弄坏的"), never the fault's cause. Group 1 is the claim after its speaker.
 */
const ACCUSED = /^(?:还|又|就|却|反而|结果)?(?:卖家|商家|店家|店里|店主|老板|客服|对方|他|她|他们)(?:还|又|就|却|反而|非|硬|一口咬定)?(?:说|称|讲|非说|硬说|咬定|认为)((?:是)?(?:我|我们|买家)(?:自己)?[^，。]{0,8}(?:(?:弄|摔|用|搞|碰|拆|泡|压|穿|洗|磕|掉)(?:坏|破|裂|断|碎)|摔的|磕的|人为)[^，。]{0,4})$/u;

/**
 * Who 他 / 她 / 他们 is in the buyer's words when someone else is named (a relative, a courier, a rider, a fitter): then
 * the pronoun stays as written; otherwise it is the seller.
 */
const OTHER_PERSON = /孙子|孙女|儿子|女儿|闺女|老公|老婆|老伴|丈夫|妻子|爸|妈|孩子|朋友|同事|邻居|快递员?|骑手|外卖员|师傅|司机|安装工|维修工|物业|保安|代购|主播|销售/u;
/** 他 / 她 / 他们 as a person (not 其他, 他人, 她们的 aside). */
const PRONOUN = /(?<![其吉])(?:他们|她们|他|她)(?!人)/gu;

/**
 * 他 / 她 / 他们 in a letter to or about the seller is the seller, named ("卖家"), unless the words name someone else they
 * could mean; a clause about who helped the buyer with the bot names no one the letter keeps.
 */
function sellerNamed(text: string): string {
  if (!/[他她]/u.test(text)) return text;
  const others = text.split(SEP).some((c, i) => i % 2 === 0 && !ABOUT_BUYER.test(c.replace(/\s+/g, '')) && OTHER_PERSON.test(c));
  return others ? text : text.replace(PRONOUN, '卖家');
}

/** A clause that only says where the goods were stocked ("进的货", "在厂家拿的货"). */
const STOCKED_ONLY = /^[^，。不没]{0,8}?(?:进|拿|批)(?:的|了)?货(?:的)?$/u;

/** English words buyers mix into Chinese sentences, in the letter's Chinese. */
const MIXED_WORDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\brefunds?\b\s*/giu, '退款'], [/\borders?\b\s*/giu, '订单'], [/\bsellers?\b\s*/giu, '卖家'], [/\btracking\b\s*/giu, '物流'],
  [/\breturns?\b\s*/giu, '退货'], [/\bdelivered\b\s*/giu, '已送达'],
];

/** In a Chinese letter: English words mixed into Chinese clauses in Chinese; other Latin text stays (model names). */
function mixedWordsInChinese(text: string): string {
  // Each word has a Latin letter (or ſ, K, which /iu matches as s, k): a text with none is left as it is.
  if (!/[A-Za-z\u017F\u212A]/.test(text) || !/\p{Script=Han}/u.test(text)) return text;
  let out = text;
  for (const [re, zh] of MIXED_WORDS) out = out.replace(re, zh);
  return out;
}

/** A clause that only says what was paid ("花了128元", "paid 899 yuan"): the letters state the amount on its own line. */
const PAID_ONLY = /^(?:我)?(?:花了|付了|实付|付款|价格|买成|一共|总共|paid|for|it cost|cost)?\s*(?:¥|￥|rmb\s*)?\d+(?:\.\d{1,2})?\s*(?:元|块钱|块|rmb|yuan|cny)?$/iu;

/** A clause that only names how the buyer paid ("微信支付", "用支付宝付的"): no part of the fault. */
const PAY_METHOD_ONLY = /^(?:是|用|通过|走的)?(?:微信支付|支付宝|花呗|云闪付|信用卡|银行卡|借记卡|储蓄卡|微信(?=付|支付))(?:付款|支付|付了|付的|付)?(?:的)?$/iu;

/** The words that say a sum is the price paid ("一共付了", "总共花了我", "实付款："), up to the sum. */
const PAID_LABEL = String.raw`(?:我)?(?:一共|总共|合计|共计|总计|共)?(?:实付款?|实际支付了?|付了|给了|付款|支付了?|花了|买成|价格是?|售价|到手价|货款|总价|价钱|总金额|金额|是)(?:我)?[:：]?|(?:我)?(?:一共|总共|合计|共计|总计)(?:是)?`;
/** An amount's label with no amount after it ("实付", "一共花了"). */
const BARE_PAID_LABEL = /^(?:我)?(?:实付|实际支付|实付款|付了|花了|一共花了|付款|支付了?|价格|售价|到手价|一共|总共|共|货款|总价|价钱|合计|共计|总金额|金额)(?:金额|款)?[:：]?$/u;
/** A clause that only says what evidence the buyer took or has ("我当场拍了照片和开箱视频", "有照片和视频"). */
const EVIDENCE_TAKEN =
  /^(?:我)?(?:当场|当时|已经|已|都|也|就|马上|立刻|这边|手上)*(?:拍|录|截|保存|保留|留|有)(?:了|下了?|好了?)?(?:[^，。]{0,8}?)(?:照片|图片|相片|视频|录像|截图|聊天记录)(?:和|、|跟|及|以及)?(?:照片|图片|相片|视频|开箱视频|录像|截图|聊天记录)?(?:了|为证|作证)?$/u;

/** A label left without its number, compiled once. */
const BARE_ZH_LABEL = new RegExp(String.raw`${ID_LABEL_ZH}(?=[\s，,。；;！!？?]|$)`, 'gu');

/**
 * The pattern for one order or tracking number with its label. Compiled once per number and
 * kept (a buyer's number recurs in every letter of the case; V8 compiles a new pattern to
 * native code on its second use, about 0.2 ms); the cache is emptied when it grows large.
 */
const ID_PATTERNS = new Map<string, RegExp>();
const ID_PATTERNS_MAX = 2_000;
export function idPattern(id: string): RegExp {
  let re = ID_PATTERNS.get(id);
  if (!re) {
    if (ID_PATTERNS.size >= ID_PATTERNS_MAX) ID_PATTERNS.clear();
    re = new RegExp(`(?:${ID_LABEL_ZH}|${ID_LABEL_EN})?${spaced(id)}`, 'giu');
    ID_PATTERNS.set(id, re);
  }
  return re;
}

/** A label ending exactly where the text given ends (see `withoutId`). */
const LABEL_AT_END = new RegExp(`(?:${ID_LABEL_ZH}|${ID_LABEL_EN})$`, 'iu');
/** Numbers made of digits and hyphens only: no character a label is made of. */
const DIGITS_ID = /^[0-9-]+$/;
const SPACE = /\s/;

/**
 * `text` with every occurrence of the number `id` (any spaces between its characters),
 * with the label just before it, replaced by a space: `text.replace(idPattern(id), ' ')`.
 * For a number of digits and hyphens that is worked out without a pattern per number: a
 * new pattern cost V8 about 0.5 ms to compile, twice (interpreted, then native), for every
 * buyer's first letters. Such a number shares no character with a label, so the pattern's
 * leftmost match is the number's next occurrence, starting where the longest label that
 * ends at it starts (found by one fixed pattern anchored at the number).
 */
export function withoutId(text: string, id: string): string {
  if (!DIGITS_ID.test(id)) return text.replace(idPattern(id), ' ');
  let out = '';
  let last = 0;
  for (let a = text.indexOf(id[0]!, last); a >= 0; a = text.indexOf(id[0]!, a + 1)) {
    const end = idEndAt(text, id, a);
    if (end < 0) continue;
    const label = LABEL_AT_END.exec(text.slice(last, a));
    out += `${text.slice(last, label ? last + label.index : a)} `;
    last = end;
    a = end - 1;
  }
  return last === 0 && out === '' ? text : out + text.slice(last);
}

/** Where `id` ends when it starts at `at` in `text` (spaces allowed between its characters), or -1. */
function idEndAt(text: string, id: string, at: number): number {
  let i = at;
  for (let k = 0; k < id.length; k++) {
    if (k > 0) while (i < text.length && SPACE.test(text[i]!)) i++;
    if (text[i] !== id[k]) return -1;
    i++;
  }
  return i;
}

/**
 * The buyer's problem words as a clause for a letter in `lang`.
 *
 * @param dropWish remove clauses that only state a wish (the letter states it on its own line);
 *   otherwise only a repeated wish is removed
 * @example cleanBuyerWords('拼多多买的羽绒服，订单号 241103-1，收到就破了，想退货退款', slots, 'zh-CN', true) // '买的羽绒服，收到就破了'
 */
export function cleanBuyerWords(
  text: string, slots: Pick<Slots, 'orderId' | 'trackingNo'> & { amountPaid?: number | null }, lang: Locale, dropWish: boolean,
): string {
  // A letter asks for the same words several times (the problem line, whether they were left
  // out, the buyer's copy), and buyers' short complaints repeat ("一直没收到货"): the words are
  // remembered by what is left once the order and tracking numbers are out, which is all the rest
  // reads of them (with the amount paid when the words still hold it).
  const s = withoutIds(readied(text, lang), slots);
  const amount = slots.amountPaid == null ? '' : String(slots.amountPaid);
  // An amount the words do not hold takes nothing out ("1e+21" aside, which is a pattern of its own).
  const paid = amount === '' ? '' : lang === 'zh-CN' && (s.includes(amount) || !/^-?[\d.]+$/.test(amount)) ? amount : '-';
  const key = `${lang}\u0000${dropWish ? 1 : 0}\u0000${paid}\u0000${s}`;
  let clean = cleaned.get(key);
  if (clean === undefined) {
    clean = cleanedWords(s, slots, lang, dropWish);
    if (cleaned.size >= CLEANED_MAX) cleaned.clear();
    cleaned.set(key, clean);
  }
  return clean;
}

/** Recent answers of `cleanBuyerWords`, by the values it reads; recent `readiedNow` answers, by language and text. */
const cleaned = new Map<string, string>();
const readiedTexts = new Map<string, string>();
const CLEANED_MAX = 512;

/** `readiedNow`, remembered. */
function readied(text: string, lang: Locale): string {
  const key = `${lang}\u0000${text}`;
  let s = readiedTexts.get(key);
  if (s === undefined) {
    s = readiedNow(text, lang);
    if (readiedTexts.size >= CLEANED_MAX) readiedTexts.clear();
    readiedTexts.set(key, s);
  }
  return s;
}

/** `cleanBuyerWords` without the memo (exported for the test that compares the two). */
export function cleanBuyerWordsNow(
  text: string, slots: Pick<Slots, 'orderId' | 'trackingNo'> & { amountPaid?: number | null }, lang: Locale, dropWish: boolean,
): string {
  return cleanedWords(withoutIds(readiedNow(text, lang), slots), slots, lang, dropWish);
}

/** The buyer's statement (a pasted log's own line), without markup, and in a Chinese letter Simplified and written forms. */
function readiedNow(text: string, lang: Locale): string {
  // A pasted chat log is evidence: the problem line is the buyer's own statement in it, or none.
  const stated = logStatement(text);
  const plain = withoutMarkup(stated === undefined ? text : stated ?? '');
  return lang === 'zh-CN' ? mixedWordsInChinese(withoutTypos(toWrittenChinese(toSimplified(plain)))) : plain;
}

function withoutIds(text: string, slots: Pick<Slots, 'orderId' | 'trackingNo'>): string {
  let s = text;
  if (slots.orderId) s = withoutId(s, slots.orderId);
  if (slots.trackingNo) s = withoutId(s, slots.trackingNo);
  return s;
}

/** Marks of voice input run on without punctuation: fillers and particles between words. */
const DICTATION_MARK = /那个|就是|然后[呢吧]?|(?<!干)嘛|[啊嗯](?=\p{Script=Han})/gu;

/**
 * Voice input run on without a stop ("…入了一台那个榨汁机嘛然后呢它那个转了两下…"), three marks or more: a particle or
 * "然后" between words ends a clause, and the filler "那个" (with a "就是" before it, or before a verb and 了) goes.
 * Fewer marks are ordinary speech ("那个杯子", "就是不亮"): left as they are.
 */
function undictated(s: string): string {
  DICTATION_MARK.lastIndex = 0;
  let marks = 0;
  while (marks < 3 && DICTATION_MARK.test(s)) marks++;
  if (marks < 3) return s;
  return s
    .replace(/(?<=\p{Script=Han})(?:啊|嗯|(?<!干)嘛|然后[呢吧]?)(?=\p{Script=Han})/gu, '，')
    .replace(/就是(?:那个|这个)|那个(?=\p{Script=Han})|就是(?=\p{Script=Han}了)/gu, '')
    // "，它用了一次…": the goods named just before.
    .replace(/(?<=，)它(?=\p{Script=Han})/gu, '');
}

/** Relative times too loose to date ("前两天", "这几天"): stale in a letter read later, and the letters date the events. */
const VAGUE_WHEN = /前两天|前几天|前些天|前阵子|这两天|这几天|上礼拜|上星期|上周/gu;

/** The rest of `cleanBuyerWordsNow`, on the readied words without their ids. */
function cleanedWords(
  words: string, slots: { amountPaid?: number | null }, lang: Locale, dropWish: boolean,
): string {
  // A quotation is the buyer's evidence of what was said or promised: none of the cleaning below cuts into it.
  const quotes: string[] = [];
  let s = lang === 'zh-CN' ? maskQuotes(words, quotes) : words;
  // "订单号我等会发你": a remark about sending something later, wherever it stands in run-on words.
  if (lang === 'zh-CN') s = sellerNamed(s.replace(SEND_LATER, '，'));
  // A label left without its number ("订单号：，") is a gap too.
  s = s.replace(BARE_ZH_LABEL, ' ');
  s = s.replace(/\b(?:my\s+)?order\s*(?:number|no\.?|id|#)?\s*[:：#]?\s*(?=[,.;!?，。]|$)/giu, ' ');
  // "在京东一家店铺买的": the place stays a place ("在一家店铺买的").
  s = s.replace(ZH_PLATFORM, (m, at: number, all: string) => (/^我?在/u.test(m) && /^\s*(?:一|某)/u.test(all.slice(at + m.length)) ? /^我?在/u.exec(m)![0] : ' '));
  s = s.replace(EN_PLATFORM, ' ');
  // "拼多多买的 一套杯子" without the platform: "买的" belongs to the item after it, not a clause of its own.
  // A space before it is a clause break too ("…找到了 在天猫买的 空气炸锅").
  s = s.replace(/(?<=(?:^|[，,。；;！!？?\s])\s*(?:购|在)?买的)\s+(?=\p{Script=Han})/gu, '');
  // The price said in passing ("小黑瓶 680 拿去…"): the letters state the amount paid on its own line. Its
  // label goes with it ("一共付了198"): a clause is never left cut off in the middle of its sum.
  if (slots.amountPaid != null && lang === 'zh-CN') {
    const paid = String(slots.amountPaid).replace('.', '\\.');
    // "是99块买的": the sum goes and the purchase stays one clause ("…买的").
    s = s.replace(new RegExp(String.raw`(?:是|花了?|用)?(?<![\d.])${paid}(?![\d.])\s*(?:元|块钱|块)?(?=买[的了来])`, 'gu'), '');
    // Standing alone too ("…一根头发!!! 26.5"), with a sign or the currency named ("给了$620 人民币").
    s = s.replace(new RegExp(String.raw`(?:${PAID_LABEL}|(?<=\p{Script=Han}|^|[\s，,。；;！!？?]))\s*[¥￥$]?(?<![\d.])${paid}(?![\d.])\s*(?:元|块钱|块|蚊)?\s*(?:人民币)?(?=[\s，,。；;！!？?]|\p{Script=Han}|$)`, 'gu'), ' ');
    // In Chinese numerals ("付了一千三百五"): the sum the numerals spell.
    s = s.replace(new RegExp(String.raw`(?:${PAID_LABEL})?\s*([一二两三四五六七八九十百千万零]{2,8})\s*(?:元|块钱|块)?(?![一二两三四五六七八九十百千万零])`, 'gu'),
      (all: string, han: string) => (/[十百千万]/u.test(han) && parseNumber(han) === slots.amountPaid ? ' ' : all));
  }
  // Both replace whitespace only: a text with none (most) skips them.
  if (WHITESPACE.test(s)) {
    // "6 0 2 9": digits spoken one by one are a number being dictated, not a fact of the goods.
    s = s.replace(/(?<![\dA-Za-z.])(?:\d\s+){2,}\d(?![\dA-Za-z.])/gu, ' ');
    // "15 元", "3 天", "2 件": a number and its unit are one word, not two clauses.
    s = s.replace(/(?<=\d)\s+(?=[元块天件个号月日次斤克米周年岁码瓶盒包箱张双台只条]|小时|分钟|公斤|毫升)/gu, '');
    // Buyers separate clauses with spaces ("拉链坏了 拉不上 想退货"), also next to a quotation: in a letter, a comma.
    s = s.replace(/(?<=[\p{Script=Han}”」』])\s+(?=[\p{Script=Han}“「『])/gu, '，');
    // "吸力4000Pa 实际吸不起米粒": a Latin word or number ends a clause a Chinese one follows.
    if (lang === 'zh-CN') s = s.replace(/(?<=\p{Script=Han}[\p{Script=Han}A-Za-z0-9]*[A-Za-z0-9%％])\s+(?=\p{Script=Han})/gu, '，');
    // "买的一箱牛奶 24盒只有20盒": after the item bought, a count opens a clause of its own.
    if (lang === 'zh-CN') s = s.replace(/(?<=买[的了][^\s，,。；;！!？?]{1,12})\s+(?=\d)/gu, '，');
    // "盖子裂了 59元 想补发": a sum standing between spaces is a clause of its own (the letters state sums on their own
    // lines), unless the words before it speak of the money ("钱还没退回来 526块": the sum is theirs).
    if (lang === 'zh-CN') s = s.replace(/(?<![退钱款付花赔补][^\s，,。]{0,10})(?<=\p{Script=Han})\s+(?=\d+(?:\.\d{1,2})?(?:元|块钱|块)(?:[\s，,。；;！!？?]|$))/gu, '，');
  }
  // "五零二九三八四七…": a number read out digit by digit is being dictated (the typed one has its own line).
  if (lang === 'zh-CN') s = s.replace(/[零〇幺一二两三四五六七八九]{6,}/gu, '，');
  // "现在还没发货" is true up to the letter: "至今".
  if (lang === 'zh-CN') s = undictated(s).replace(VAGUE_WHEN, '').replace(/(?:到)?现在(?=(?:还|都|也|仍|依然)?(?:没|未))/gu, '至今');
  const parts = s.split(SEP);
  let kept: string[] = [];
  let wishSeen = false;
  let saidBefore = false;
  // Where a clause only says the goods are broken, and whether another names the fault.
  const vague = new Set<number>();
  let named = false;
  // Whether a kept clause says more than the item and the wish: a problem line without one is no problem line.
  let stated = lang !== 'zh-CN';
  // Whether the clause before owned a slip ("我搞错了") or took words back after one ("不是没收到").
  let slipOwned = false;
  const open = (part: string): string => (quotes.length ? unmaskQuotes(part, quotes) : part);
  for (let i = 0; i < parts.length; i += 2) {
    let clause = parts[i]!.replace(/\s+/g, ' ').trim().replace(/^[、:：\-–—]+\s*/u, '').replace(SUM_UP_LEAD, '').replace(FILLER_LEAD, '').replace(SLANG_END, '').replace(RHETORIC_END, '').replace(RETORT_END, '');
    const sep = parts[i + 1] ?? '';
    // ASCII separators get the space that was trimmed off the next clause back.
    const joint = /^[,.;!?]+$/.test(sep.trim()) ? `${sep.trim()} ` : sep;
    // A dropped clause that ended a sentence ends the one before it ("坏了，想退款。然后…").
    const drop = (): void => {
      if (kept.length && /[。！？.!?\n]/.test(sep)) kept[kept.length - 1] = joint;
    };
    if (lang === 'zh-CN') {
      const plain = clause.replace(/\s+/g, '');
      // "我搞错了，不是没收到，是…": the slip owned and the words taken back go; what is true stays, without its 是.
      if (slipOwned && /^是(?=\p{Script=Han}{2})/u.test(plain)) clause = clause.replace(/^\s*是/u, '');
      slipOwned = OWNED_SLIP.test(plain) || (slipOwned && /^(?:其实|并)?不是/u.test(plain));
      if (slipOwned) {
        drop();
        continue;
      }
      // "…裤腿长了一截我想换个小一码的": a wish run on at the end of the fault, which the letter states on its own line.
      // What is left before the wish may be only its lead ("我就想…" → "我就"): then nothing is left.
      if (dropWish) clause = clause.slice(0, wishTailAt(clause)).replace(/^(?:所以|那|我|就|只|也|还)+$/u, '');
    }
    // "客服说好的亲 下周一之前给您答复": words to the buyer right after the other side's are still theirs.
    const theirs: boolean = saidBefore && ADDRESSES_BUYER.test(clause);
    saidBefore = theirs || (lang === 'zh-CN' && othersSpeech(clause));
    // "他说是我自己弄坏的": the seller's claim, kept as theirs ("卖家称…"); no story of who did what otherwise.
    const accused = lang === 'zh-CN' ? ACCUSED.exec(clause.replace(/\s+/g, ''))?.[1] : undefined;
    if (accused) clause = `卖家称${accused}`;
    const keep = !theirs && (accused !== undefined || keepClause(clause, sep, slots, dropWish, wishSeen));
    // What the listing or seller promised, followed by what arrived, is the heart of "not as described": kept, quoted.
    // A price said between them ("卖家说九成新，850块，到手…", or the price's clause taken out) does not part the claim from what arrived.
    let next = i + 2;
    while (next < parts.length && (!parts[next]!.trim() || PAID_ONLY.test(parts[next]!.trim()))) next += 2;
    const claim = keep && lang === 'zh-CN' ? listingClaim(open(clause), open(parts[next] ?? ''), open(parts[i - 2] ?? '')) : null;
    // In a Chinese letter, only the goods' problem: no story of who did what, no sums, the item for "买了个…".
    const goods = claim ?? (keep && lang === 'zh-CN' && !accused ? goodsClause(clause) : clause);
    // The item named again on its own ("买的冰箱，…，冰箱", its price gone to the amount's line), or a clause
    // repeated (a notice pasted several times): said once.
    const again = goods !== null && kept.some((k, j) => k === `购买的${goods.trim()}` || (j % 2 === 0 && (k === goods || k.endsWith(`：${goods}`))));
    if (!keep || goods === null || again) {
      drop();
      continue;
    }
    if (isWish(clause)) wishSeen = true;
    else if (!(goods.startsWith('购买的') && itemOnly(clause))) stated = true;
    if (lang === 'zh-CN' && GENERIC_FAULT.test(goods.replace(/\s+/g, ''))) vague.add(kept.length);
    else if (stated) named = true;
    kept.push(goods, joint);
  }
  if (!stated) return '';
  // "东西坏了" beside the fault named ("摇头不转"): the named fault is what the seller needs.
  if (named && vague.size) kept = kept.filter((_, k) => !vague.has(k - (k % 2)));
  // Rejoin with the separators the buyer used; the last one is the letter's to add.
  kept.pop();
  // "！！！" is a shout, not a sentence end: one mark, and in a Chinese letter a full stop.
  // In a Chinese letter any "！" too: a letter to a reviewer states, it does not exclaim.
  let out = kept.join('').replace(lang === 'zh-CN' ? /[！!]+\s*|[？?]{2,}/gu : /[！!]{2,}|[？?]{2,}/gu, lang === 'zh-CN' ? fullStop : firstMark);
  // Chat punctuation in a Chinese letter: a trail of full stops or dots ("L码。。。发错了") is a pause, a comma;
  // a doubled comma one comma.
  if (lang === 'zh-CN') out = out.replace(/(?:。{2,}|\.{2,}|…+)(?=.)/gu, '，').replace(/(?:。{2,}|\.{2,}|…+)$/u, '').replace(/[，,]{2,}/gu, '，');
  // The space around punctuation (none to take out in a text without whitespace: most).
  if (WHITESPACE.test(out)) out = out.replace(/\s+([，,。；;！!？?])/gu, '$1').replace(/([，。；！？])\s+/gu, '$1');
  out = out.replace(/[（(]\s*[）)]/gu, '');
  out = WHITESPACE.test(out) ? out.replace(/\s{2,}/g, ' ').trim() : out;
  return quotes.length ? unmaskQuotes(out, quotes) : out;
}

/** A closed quotation (“…”, 「…」, 『…』, "…") on one line. */
const QUOTATION = /“[^“”\n]+”|「[^「」\n]+」|『[^『』\n]+』|"[^"\n]+"/gu;
/** One masked quotation: its number between private-use marks, inside its own quote marks. */
const MASKED = /\uE000(\d+)\uE001/gu;

/**
 * `text` with each quotation's words stood in for by a numbered mark (kept in `quotes`): clauses are
 * cut at its separators and judged without its words, so a quotation stays whole or goes whole.
 */
function maskQuotes(text: string, quotes: string[]): string {
  if (!/[“「『"]/u.test(text)) return text;
  return text.replace(QUOTATION, (q) => `${q[0]}\uE000${quotes.push(q.slice(1, -1)) - 1}\uE001${q.at(-1)}`);
}

/** The quotations' words back in place of their marks. */
function unmaskQuotes(text: string, quotes: readonly string[]): string {
  return text.replace(MASKED, (_, i: string) => quotes[Number(i)]!);
}

/** A clause that only says something is wrong ("东西坏了", "质量有问题", "用不了"), naming no fault. */
const GENERIC_FAULT = /^(?:这个|那个|我的|买的)?(?:东西|商品|货|宝贝|产品|机器)?(?:质量)?(?:坏了|坏掉了|有问题|出问题了?|有毛病|不行|不好|不能用了?|用不了)(?:了|啊|呀)?$/u;

/** Problem words this short ("发错码", "坏了"), once the wish and the talk are out, tell the seller little. */
const VAGUE_CHARS = 6;

/**
 * Whether the buyer's problem words name no fault: short once the wish and the talk are out ("东西坏了 退钱"),
 * or only saying something is wrong ("这个东西质量有问题"). What the buyer tells next is the detail the letters need.
 */
export function namesNoFault(text: string): boolean {
  const said = cleanBuyerWords(text, { orderId: null, trackingNo: null }, 'zh-CN', true);
  return said.length <= VAGUE_CHARS || said.split(/[，。；]/u).every((c) => GENERIC_FAULT.test(c));
}

/**
 * Whether the buyer's words hold nothing for a problem line once the talk, the wish and the numbers are out
 * ("聊天记录贴过来了，帮我看看", "我想要他们赶紧发货"): words said about the problem elsewhere then stand.
 */
export function statesNothing(text: string): boolean {
  return cleanBuyerWords(text, { orderId: null, trackingNo: null }, 'zh-CN', true) === '';
}

/** Any whitespace (what `\s` and `trim` take). */
const WHITESPACE = /\s/;
const fullStop = (): string => '。';
const firstMark = (m: string): string => m[0]!;

/**
 * What the seller, the platform or the buyer did about the goods, told as a story ("卖家拒绝",
 * "我申请了平台介入", "平台判了卖家赢", "说无质量问题", "我打电话给卖东西的", "客服只会自动回复"): the letters list those
 * events from the record, dated; the problem line is the goods' problem only.
 */
const PARTY = String.raw`(?:卖家|商家|客服|店家|店铺|平台|小二|他们|对方|老板|卖东西的|卖货的|官方|售后)`;
const PARTY_ACTS = new RegExp(
  String.raw`${PARTY}(?:那边|也|又|还|就|一直|直接|都|只会|总是|老是|全是)?(?:说|讲|称|表示|回复|答复|拒绝|不给|不同意|不退|不换|不管|不理|不认|让我|叫我|要我|判|驳回|同意|只肯|只给|只同意|推|介入|拉黑|删|赢|输|(?:是)?(?:机器人|自动回复)|答非所问)`,
  'u',
);
/** The seller's verdict after looking ("卖家收到退货说…", "商家看了照片后称…"): what they did, not the goods' fault. */
const PARTY_CHECKED = new RegExp(String.raw`${PARTY}(?:收到|看了|看到|检查|查看|验收|验货|拿到)[^，。]{0,6}?(?:说|称|表示|拒绝|不给|不同意|判定)`, 'u');
/** What the seller is ("商家是个专门卖家电的店", "卖家是一家大店"): who sold it, not what is wrong with it. */
const PARTY_IS = new RegExp(String.raw`^${PARTY}(?:是|就是)(?:个|一个|一家|家)?`, 'u');
const OWN_STEPS = /(?:申请|提交|发起)了?(?:平台|小二|客服)?(?:介入|仲裁|售后|退款|退货)|投诉|打(?:了)?电话|联系了?(?:卖家|商家|客服|平台|卖东西的)|找了?(?:卖家|商家|客服|平台)|判了|判定|驳回/u;
/** A clause that goes on with what someone said ("…，说无质量问题"); "说好包安装的" is what was agreed, a fact. */
// A refusal going on from the clause before ("…说我用过了，拒绝退款") is the seller's conduct too.
// So is what they told the buyer to do ("…，让我自己去网点检测").
const REPORTED_SPEECH = /^(?:还|又|就|也|直接|然后|结果)?(?:说(?!好|定)|称|讲|表示|拒绝|不同意|驳回|不给(?:我)?(?:退|换|处理|补|赔)|(?:让|叫|要)我(?!们))/u;
/** The seller's manner of address to the buyer ("亲", "您", "给你"; not the buyer's "你们"). */
const ADDRESSES_BUYER = /亲(?!自|戚|人|身|手|眼)|您|你(?!们)/u;

/** A clause that reports what the seller or the platform said ("客服说好的", "…，说无质量问题"). */
function othersSpeech(clause: string): boolean {
  const plain = clause.replace(/\s+/g, '');
  return PARTY_SAYS.test(plain) || REPORTED_SPEECH.test(plain);
}
const PARTY_SAYS = new RegExp(String.raw`${PARTY}(?:那边|也|又|还|就)?(?:说|讲|称|表示|回复|答复|回)`, 'u');

/** A sum, exact or vague ("花了二百多块钱", "200多元", "好几百"): amounts have their own line when recorded. */
// "掉了一块", "缺了一块漆" are a piece, not a yuan: a written-out number with 块 is money only with 钱 or after a money verb.
const AMOUNT = /\d+(?:\.\d+)?\s*(?:多|来)?\s*(?:块钱|块|元|rmb|yuan)|[一二两三四五六七八九十百千万几]+\s*(?:多|来)?\s*(?:块钱|元)|(?:花|付|退|赔|补|返|值|收|贵|便宜|差|共|是|要)了?[一二两三四五六七八九十百千万几]+\s*(?:多|来)?块|花了|好几百|几百块|几千块|定金|订金|尾款/u;
/** "我孙女帮我在某平台上买了个按摩垫子": who bought it and where is not the problem; the item is. */
const PURCHASE = /^.{0,14}?(?:买|入手?)(?:了(?:个|一个|一台|一件|一双|一对|对|一部|一把|一只|一瓶|一盒|一套|一条|一张|一支|一罐|台|件|双|部|把|只|瓶|盒|套|条|张|支|罐)?|的|来的)(.{1,12})$/u;
/** "总价499的扫地机器人" once the sum went: the item, left with its 的. */
const LEFT_ITEM = /^的([^，。]{1,12})$/u;
/** A clause that ends where its object was: "我孙女帮", "在". */
const DANGLING = /(?:帮|帮我|替我|我在|从|于)$|^(?:我|我们)(?:的)?$|^(?:我)?(?:购)?买的$/u;
/** Spoken sentence-final particles ("我选的是42啊"): not in a letter. */
const SPOKEN_END = /(?<=\p{Script=Han}|\d)(?:啊|呀|哈|啦|哦|嘛|呗)+$/u;
/** "买的空气炸锅外壳裂了" in writing: "购买的…". */
const BOUGHT_LEAD = /^\s*(?:我)?买的/u;
/** "我买的M", "买的42码": only a size or model code after 买的. */
const BOUGHT_CODE = /^(?:我)?买的[A-Za-z0-9.+-]{1,6}(?:码|号)?$/u;
/** An item named after 买 has no fault or time words in it ("买了三天就坏了" is a fault, not an item). */
const FAULT_WORDS = /坏|破|漏|裂|碎|掉|断|不|没|了|就|才|天|月|年|用|到/u;

/**
 * "卖家说续航12小时" followed by what arrived ("实际4小时就没电"): what the seller claimed before the
 * sale, not a story of the after-sales. Not a claim when it speaks of a remedy, a courier or a refusal.
 */
const LISTING_CLAIM = /^(?:我)?(?:买之前|买的时候|下单前|下单时|当时|原来)?(卖家|商家|店家|客服|老板|对方|详情页|商品页|页面|宝贝描述|描述)(?:上)?(?:说|称|描述|写着?|写的|标注|标的|承诺|保证|讲)(?:的)?(?:是)?[:：]?\s*[“"「]?([^“”"「」]{2,30}?)[”"」]?$/u;
const CLAIM_NOT = /退|发|换货|赔|维修|修理|返修|找|不管|处理|补发|运费|快递|物流|质量问题|没问题|拒绝|介入|等|发货|寄/u;
/** The clause after a claim tells what arrived ("到手…", "收到后…", "结果…", "实际…"). */
const ARRIVED = /^(?:但是?|可是|结果|然而|谁知|没想到)?(?:我)?(?:到手|收到|拿到|实际|实测|实物|到货|寄来|送来|送到|寄到|打开|一看|一测|一查|测了|验机)/u;

/**
 * The claim told without its source ("商家是个数码店，说电池健康95%，到手…"): the party named in the clause
 * before, else "标称". Not "说好…" (what was agreed).
 */
const UNNAMED_CLAIM = /^(?:说(?![好定])(?:是)?|称|写着|标着|标的|标称)(?:的)?[:：]?\s*[“"「]?([^“”"「」]{2,30}?)[”"」]?$/u;
const PARTY_LEAD = new RegExp(String.raw`^(?:我)?(?:买的)?(卖家|商家|店家|老板|对方|详情页|商品页)`, 'u');

/** The buyer's report of a seller's claim before the sale, quoted ("卖家称“…”"), or null. */
function listingClaim(clause: string, next: string, before: string): string | null {
  if (!ARRIVED.test(next.replace(/\s+/g, ''))) return null;
  const plain = clause.replace(/\s+/g, '');
  const m = LISTING_CLAIM.exec(plain);
  if (m) {
    if (CLAIM_NOT.test(m[2]!)) return null;
    return `${m[1]}${/页|描述/u.test(m[1]!) ? '写明' : '称'}“${m[2]}”`;
  }
  const u = UNNAMED_CLAIM.exec(plain);
  if (!u || CLAIM_NOT.test(u[1]!)) return null;
  const party = PARTY_LEAD.exec(before.replace(/\s+/g, ''))?.[1];
  return party ? `${party}${/页/u.test(party) ? '写明' : '称'}“${u[1]}”` : `标称“${u[1]}”`;
}

/**
 * Common slips of phone typing (a sound-alike character, a nickname for a platform), to standard
 * written forms: a letter to a reviewer should read clean.
 */
const TYPOS: ReadonlyArray<readonly [string, string]> = [
  ['质量问提', '质量问题'], ['视屏', '视频'], ['拼夕夕', '拼多多'], ['问提', '问题'], ['坏调了', '坏掉了'], ['以经', '已经'],
  ['按装', '安装'], ['在也不', '再也不'], ['一但', '一旦'],
];

/** Phone-typing slips replaced by their written forms. */
export function withoutTypos(text: string): string {
  let out = text;
  // Most texts have none: a search costs far less than splitting (which makes an array).
  for (const [from, to] of TYPOS) if (out.includes(from)) out = out.split(from).join(to);
  return out;
}

/** A clause that only names the item bought ("我在网上买了个按摩垫子", "买的M"). */
function itemOnly(clause: string): boolean {
  const plain = clause.replace(/\s+/g, '');
  const bought = PURCHASE.exec(plain);
  const left = LEFT_ITEM.exec(plain);
  return BOUGHT_CODE.test(plain) || (bought !== null && !FAULT_WORDS.test(bought[1]!)) || (left !== null && !FAULT_WORDS.test(left[1]!));
}

/**
 * A Chinese clause as the goods' problem: null when it is not about the goods (a story of who did
 * what, a sum), the item alone for a purchase clause ("我在网上买了个按摩垫子" → "购买的按摩垫子"),
 * else the clause as it is.
 */
export function goodsClause(clause: string): string | null {
  const plain = clause.replace(/\s+/g, '');
  if (!/\p{Script=Han}/u.test(plain)) return clause;
  if (PARTY_ACTS.test(plain) || PARTY_CHECKED.test(plain) || PARTY_IS.test(plain) || OWN_STEPS.test(plain) || REPORTED_SPEECH.test(plain) || AMOUNT.test(plain)) return null;
  // A fragment left where a platform name was taken out ("我孙女帮我在…"): nothing about the goods.
  if (DANGLING.test(plain)) return null;
  // "我买的M" is the size or model bought: "购买的是M".
  if (BOUGHT_CODE.test(plain)) return clause.replace(BOUGHT_LEAD, '购买的是');
  const left = LEFT_ITEM.exec(plain);
  if (left && !FAULT_WORDS.test(left[1]!)) return `购买的${left[1]}`;
  const bought = PURCHASE.exec(plain);
  // The item as written: "AirPods Pro" keeps its space (found again in the clause with its spaces).
  if (bought && !FAULT_WORDS.test(bought[1]!)) return `购买的${(PURCHASE.exec(clause.trim())?.[1]?.trim() ?? bought[1]!).replace(SPOKEN_END, '')}`;
  return clause.replace(BOUGHT_LEAD, '购买的').replace(SPOKEN_END, '');
}

/** A clause that only asks the seller to pay the shipping ("运费商家出", "来回运费由卖家承担"): a wish, not the problem. */
const SHIPPING_WISH =
  /^(?:要求|希望)?(?:来回|往返|退货|寄回|退回|换货)?(?:的)?(?:运费|邮费|快递费)(?:由|要|让|得|需要?|应该?由?)?(?:商家|卖家|店家|你们|对方|他们)(?:来)?(?:出|承担|付|负责|包)(?:吧|啊)?$|^(?:要求|希望)?(?:商家|卖家|店家|你们|他们|对方)(?:必须|得|要|应该|应当|需要)?(?:来)?(?:出|承担|付|包)(?:来回|往返|退货|寄回|退回)?(?:的)?(?:运费|邮费|快递费)$/u;

/** The buyer's words ask the seller to pay the shipping in a clause of their own ("…，运费商家出"). */
export function asksSellerPaysShipping(text: string): boolean {
  // Spaces between Chinese words part clauses, as in the letters ("要退货 运费你们出 …").
  return toSimplified(text).replace(/(?<=\p{Script=Han})\s+(?=\p{Script=Han})/gu, '，').split(SEP).some((clause) => SHIPPING_WISH.test(clause.replace(/\s+/g, '')));
}

/** A clause that only states a wish ("想退货退款", "I want a refund"). */
function isWish(clause: string): boolean {
  const plain = clause.replace(/\s+/g, '');
  return WISH_ZH.test(plain) || SHIPPING_WISH.test(plain) || WISH_NEW_ZH.test(plain) || WISH_MORE_ZH.test(plain) || WISH_EN.test(clause);
}

/**
 * Whether a clause of the buyer's words belongs in the letter's problem line: no words to the bot,
 * no question, no bare amount the letter states anyway, a wish only when the letter states none
 * (and then once).
 */
function keepClause(
  clause: string, sep: string, slots: { amountPaid?: number | null }, dropWish: boolean, wishSeen: boolean,
): boolean {
  if (!/[\p{L}\p{N}]/u.test(clause)) return false;
  const plain = clause.replace(/\s+/g, '');
  // The buyer's feelings are real, but a letter states facts.
  if (FEELING_ZH.test(plain) || FEELING_EN.test(clause.trim()) || SLANG_ZH.test(plain)) return false;
  // "进的货" (the platform name taken out): who stocked it is not the problem; the item's clause says it.
  if (STOCKED_ONLY.test(plain)) return false;
  // Words to the bot (greetings, asking for help, questions) are not the problem.
  if (SIDE_TALK_ZH.test(plain) || CHATTER_ZH.test(plain) || SELF_TALK_ZH.test(plain) || SIDE_TALK_EN.test(clause)) return false;
  if (/[？?]/.test(sep) && (QUESTION_ZH.test(plain) || ASKED_ZH.test(plain))) return false;
  // A judgement or retort put to the bot ("这算诈骗了吧", "凭什么不给退") and chat abbreviations ("wsm") are no fact.
  if (RHETORICAL_ZH.test(plain) || SLANG_TOKEN.test(plain)) return false;
  // A question to the bot, whatever follows it ("请问你是售后吗，…").
  if (/^请问/u.test(plain) || (/(?:你|您)/u.test(plain) && QUESTION_ZH.test(plain))) return false;
  // An amount's label left once its number went ("实付，"), or evidence the buyer took ("我当场拍了照片和开箱视频"):
  // not the goods' problem (the letter offers the evidence on its own line).
  if (BARE_PAID_LABEL.test(plain) || EVIDENCE_TAKEN.test(plain) || EVIDENCE_KEPT.test(plain) || PAY_METHOD_ONLY.test(plain)) return false;
  // The buyer's own person, who helped them, and what they threaten to do next are no fact of the goods.
  if (ABOUT_BUYER.test(plain) || THREAT_ZH.test(plain)) return false;
  if (slots.amountPaid != null && PAID_ONLY.test(clause) && /\d/.test(clause) && /[元块¥￥]|rmb|yuan|cny|paid|cost/i.test(clause)) return false;
  // The letter states the wish on its own line; without one, the buyer's first says it once (and its reason not at all).
  if (dropWish && WISH_REASON_ZH.test(plain)) return false;
  return !(isWish(clause) && (dropWish || wishSeen));
}

/** Whether a text is written mostly in Chinese characters (vs Latin letters). */
export function isChinese(text: string): boolean {
  // Two Han characters settle it: counted up to two, with no array of matches made.
  HAN_CHAR.lastIndex = 0;
  const han = HAN_CHAR.test(text) ? (HAN_CHAR.test(text) ? 2 : 1) : 0;
  // An English sentence with a few Chinese words in it ("my 订单 came broken, want to 退货 it") is not
  // Chinese: more English words (four or more) than Han characters.
  if (han >= 2) return !LATIN_WORDS.test(text) || englishWordsFewer(text);
  const latin = (text.match(/[A-Za-z]/g) ?? []).length;
  // Model names are Latin ("iPhone 15 Pro Max屏幕坏了"): a few Han characters make it a Chinese sentence.
  return han >= 2 || (han > 0 && han * 2 >= latin);
}

/** One Han character; global, for counting (see `isChinese`). */
const HAN_CHAR = /\p{Script=Han}/gu;
/** Four words in Latin letters (a model name has fewer): only then are the words counted. */
const LATIN_WORDS = /(?:[A-Za-z]{2,}[^A-Za-z]+){3}[A-Za-z]{2}/;

function englishWordsFewer(text: string): boolean {
  const words = text.match(/[A-Za-z]{2,}/g)?.length ?? 0;
  return (text.match(HAN_CHAR)?.length ?? 0) >= words;
}

/** "上个月", "这个月" and how many months from the month they were said in. */
const RELATIVE_MONTHS_ZH = /上个?月|这个月|本月/gu;

/** The buyer's relative months made absolute ("上个月买的" said in December 2026 → "2026年11月买的"). */
function absoluteMonths(text: string, toldDay: string): string {
  return text.replace(RELATIVE_MONTHS_ZH, (m) => {
    const [y, mo] = toldDay.split('-').map(Number) as [number, number];
    const back = m.startsWith('上') ? 1 : 0;
    const month = mo - back === 0 ? 12 : mo - back;
    return `${month === 12 && back ? y - 1 : y}年${month}月`;
  });
}

/** Relative day words and how many days from the day they were said. */
const RELATIVE_DAYS_ZH: ReadonlyArray<readonly [RegExp, number, string]> = [
  [/大前天/gu, -3, ''], [/前天/gu, -2, ''], [/昨天|昨日/gu, -1, ''], [/昨晚/gu, -1, '晚上'], [/今天|今日/gu, 0, ''], [/今早/gu, 0, '早上'],
  [/今晚/gu, 0, '晚上'], [/明天|明日/gu, 1, ''], [/后天/gu, 2, ''],
];
const RELATIVE_DAYS_EN: ReadonlyArray<readonly [RegExp, number, string]> = [
  [/\byesterday\b/giu, -1, ''], [/\btoday\b/giu, 0, ''], [/\btonight\b/giu, 0, ' evening'], [/\btomorrow\b/giu, 1, ''],
];

/**
 * The buyer's relative days ("今天下午到的", "昨天刚收到") made absolute against the day they
 * were said: a letter written days later must not say "今天" for a day that has passed.
 *
 * @param toldDay YYYY-MM-DD the words were said
 * @param day formats a YYYY-MM-DD for the letter ("12月3日" / "Dec 3")
 * @example absoluteDays('砂糖橘今天下午到的', '2026-12-03', 'zh-CN', (d) => d) // '砂糖橘2026-12-03下午到的'
 */
export function absoluteDays(text: string, toldDay: string, lang: Locale, day: (iso: string) => string): string {
  const table = lang === 'zh-CN' ? RELATIVE_DAYS_ZH : RELATIVE_DAYS_EN;
  let out = lang === 'zh-CN' ? absoluteMonths(text, toldDay) : text;
  for (const [re, offset, suffix] of table) {
    out = out.replace(re, () => {
      const d = new Date(`${toldDay}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() + offset);
      return `${lang === 'zh-CN' ? '' : 'on '}${day(d.toISOString().slice(0, 10))}${suffix}`;
    });
  }
  // "今天一看降价了": on a date, "一看" is what the buyer found.
  return lang === 'zh-CN' && out !== text ? out.replace(/(?<=日(?:早上|晚上)?)一(?:看|瞧|查)/gu, '发现') : out;
}
