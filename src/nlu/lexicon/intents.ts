/**
 * Phrases that say what the buyer wants the bot to do (domain `INTENTS`), as data. Every
 * locale's phrases are read whatever the reply language is: a buyer writing Chinese may type
 * "help", and one writing English may type "12315".
 *
 * - `whole`: the message, squashed (lower case, no spaces or punctuation), is exactly one of these.
 * - `contains`: the normalised message contains one of these (lower case; ASCII as written).
 * - `greeting`: words that only greet; a message made of them alone is a greeting, and they are
 *   trimmed from the front of a problem description.
 */
import type { Intent } from '../../domain/index.ts';

export interface IntentLexicon {
  whole: Partial<Record<Intent, readonly string[]>>;
  contains: Partial<Record<Intent, readonly string[]>>;
  greeting: readonly string[];
}

const zh: IntentLexicon = {
  whole: {
    restart: ['重新开始', '重来', '从头开始', '新的售后', '开个新的'],
    cancel: ['取消', '取消售后', '算了', '不用了谢谢', '不弄了'],
    help: ['帮助', '怎么用', '菜单', '你能干什么', '你能做什么'],
    status: ['进度', '状态', '查看进度', '现在什么进度', '到哪一步了'],
    skip: ['跳过', '先跳过', '不知道', '不清楚先跳过'],
    thanks: ['谢谢', '多谢', '谢啦', '感谢', '好的谢谢', '谢谢你', '谢谢您', '谢谢啦', '太感谢了', '非常感谢', '感谢感谢', '好人', '你真是好人', '好人一生平安', '辛苦了', '辛苦你了', '辛苦您了'],
  },
  contains: {
    next_step: ['怎么办', '咋办', '下一步', '该怎么做', '接下来怎么', '接下来该', '现在该', '怎么处理才好', '还能做什么', '还能怎么', '咋弄', '咋整', '该怎么弄', '现在怎么弄', '那怎么弄', '还有什么办法', '有什么办法', '点算', '点搞', '点办', '点做', '应该点', '应该怎么做', '该怎么办'],
    want_regulator_draft: ['12315', '投诉到工商', '市场监管', '消协', '消费者协会', '工商局'],
    want_payment_draft: ['支付宝投诉', '微信支付投诉', '拒付', '信用卡争议', '支付争议', '支付渠道', '银行卡争议'],
    want_platform_draft: ['平台介入', '申请介入', '客服介入', '仲裁', '找平台', '平台的文本', '平台那封', '平台的那封', '给平台的文本', '给平台的信', '發平台的', '平台嘅'],
    want_compensation_draft: ['要赔偿', '要补偿', '运费补偿', '部分退款', '赔偿文本'],
    want_refund_shortfall_draft: ['退款少了', '少退了', '退少了', '差价没退'],
    change_wish: ['诉求改', '改成', '改为', '换成', '算了还是', '还是要', '我还是想', '不退了', '不换了', '不修了', '改主意', '不想换了', '不想退了', '改做', '改為'],
    ask_where_order_id: ['订单号在哪', '订单号怎么找', '哪里看订单号', '找不到订单号', '订单号去哪', '订单号哪里', '订单号哪儿', '哪看订单号', '哪儿看订单号', '找订单号', '查订单号', '订单号怎么看',
      '怎么看订单号', '订单号在什么地方', '订单号要去哪', '订单号要在哪', '订单号得去哪'],
    ask_shipping_insurance: ['运费险'],
    ask_lawsuit: ['起诉', '打官司', '告他', '法院', '小额诉讼'],
    ask_heimao: ['黑猫'],
    ask_no_unboxing_video: ['没拍开箱视频', '没有开箱视频', '没录开箱', '没拍视频'],
    ask_price_protection: ['价保', '保价'],
    ask_return_shipping: ['运费谁出', '运费该谁出', '运费谁付', '运费谁承担', '运费由谁', '运费应该谁', '付运费合理', '出运费合理', '运费合理吗',
      '要我出运费吗', '要我付运费吗', '该我出运费吗', '运费要我出吗', '运费要我付吗', '运费该我出吗'],
    ask_video_howto: ['视频怎么拍', '视频咋拍', '怎么拍视频', '咋拍视频', '视频怎么录', '怎么录视频', '视频要怎么拍', '怎么拍开箱', '视屏怎么拍'],
    ask_not_accepted: ['为啥不受理', '为什么不受理', '怎么不受理', '为啥没受理', '为什么没受理', '不受理怎么办', '没受理怎么办', '没有受理怎么办', '不予受理'],
    not_yet: [
      '还没结果', '没有结果', '没结果', '还没动静', '没动静', '没消息', '没有消息', '没回音', '没有回音', '没下文', '没进展', '没有进展',
      '还没回', '也没回', '还没处理', '还是没有', '冇覆', '冇回', '冇消息', '冇动静', '未有消息',
    ],
  },
  greeting: ['你好', '您好', '在吗', '在不在', '在么', '亲', '哈喽', '有人吗', '客服'],
};

const en: IntentLexicon = {
  whole: {
    restart: ['startover', 'restart', 'newcase', 'startagain'],
    cancel: ['cancel', 'nevermind', 'forgetit'],
    help: ['help', 'menu', 'howdoesthiswork'],
    status: ['status', 'progress', 'whereami'],
    skip: ['skip', 'idontknow', 'dontknow', 'skipit'],
    thanks: ['thanks', 'thankyou', 'thx', 'cheers', 'thankyousomuch', 'thankssomuch', 'thanksalot', 'muchappreciated'],
  },
  contains: {
    next_step: ['what now', 'what next', 'what should i do', 'what do i do', 'what can i do', 'next step'],
    want_regulator_draft: ['regulator', 'consumer association', 'market regulation'],
    want_payment_draft: ['chargeback', 'payment dispute', 'dispute the payment', 'alipay complaint', 'paypal dispute'],
    want_platform_draft: ['platform intervention', 'escalate to the platform', 'ask the platform', 'platform to step in', 'platform one', 'platform letter', 'platform text', 'platform message', 'letter for the platform', 'text for the platform', 'letter to the platform'],
    want_compensation_draft: ['want compensation', 'compensation letter', 'partial refund'],
    want_refund_shortfall_draft: ['refund was short', 'short refund', 'refunded less'],
    change_wish: ['change my request', 'i would rather', "i'd rather", 'instead i want', 'changed my mind, i want'],
    ask_where_order_id: ['where is the order number', 'find the order number', 'where do i find my order', 'where can i find the order number', "where's the order number", 'where do i see the order number'],
    ask_shipping_insurance: ['shipping insurance', 'return insurance'],
    ask_lawsuit: ['sue', 'court', 'lawsuit', 'small claims'],
    ask_heimao: ['heimao', 'black cat'],
    ask_no_unboxing_video: ['no unboxing video', "didn't film", 'did not film'],
    ask_price_protection: ['price protection'],
    ask_return_shipping: ['who pays shipping', 'who pays for shipping', 'who pays the shipping', 'who pays return shipping', 'who pays for return shipping',
      'should i pay shipping', 'should i pay for shipping', 'should i pay the shipping', 'pay the shipping myself', 'pay shipping myself'],
    ask_video_howto: ['how do i film', 'how to film', 'how should i film', 'how do i record the video', 'how to record the video'],
    ask_not_accepted: ["why wasn't it accepted", 'why was it not accepted', 'not accepted my complaint', "didn't accept my complaint", 'rejected my complaint'],
    not_yet: [
      'nothing from them', 'nothing yet', 'no news', 'no reply yet', 'no response yet', 'not yet', 'still nothing', 'heard nothing',
      "haven't heard", 'no word yet', 'no result yet', 'no update',
    ],
  },
  greeting: ['hello', 'hi', 'hey', 'are you there', 'anyone there'],
};

export const INTENT_LEXICONS: readonly IntentLexicon[] = [zh, en];

/** Shipping and fairness in one question ("运费也要我出，这合理吗"): who pays return shipping. */
export const SHIPPING_FAIRNESS = /运费.{0,15}(?:合理|应该|对吗|对不对|说得过去)|(?:shipping|postage).{0,30}(?:fair|reasonable|right\?)/;

/**
 * Questions asked in the middle of a case, read when no phrase above names an intent and the
 * message asks (a question, or a yes-or-no word): the first whose `says` matches and whose
 * `unless` does not. Matched on the message as written (both scripts are listed).
 */
export interface CaseQuestion {
  intent: Intent;
  says: RegExp;
  unless?: RegExp;
  /** Asking as this question must ask: stricter than `YES_NO_ASK_ZH` (whose "可以" is in "卖家说可以换"). */
  asks?: RegExp;
  /**
   * Characters one of which every match of `says` holds: a cheap test first, for a pattern tried on
   * every message that most messages do not say.
   */
  needs?: RegExp;
}

/**
 * A rules question asks in so many words ("吗", "能不能", "多少", "怎么"), not with a "可以" that
 * reports an answer ("卖家说可以换"); nor does a message that quotes the seller ("卖家回复：…三倍不可能"), or a pasted chat.
 */
const RULES_ASK = /[？?]|吗|嗎|么|麼|呢|能不能|可不可以|是不是|算不算|作不作数|多少|几|幾|多久|什么|什麼|怎么|怎麼|咋|如何|哪|谁|誰|\b(?:can|could|does|do|is|how|what|which|should)\b/iu;
const REPORTS_WORDS = /\n|[“”"「」]|(?:卖家|賣家|商家|店家|客服|我|她|他)[：:]|(?:卖家|賣家|商家|店家|客服|平台|对方|對方|他们|他們|seller|platform)[^，。,.？?]{0,6}(?:说|說|回复|回覆|回电话|回電話|表示|讲|講|称|稱|答应|答應|同意|推给|推給|says|said|replied|agreed|offered)|(?:回复|回覆|说|說)[:：]/iu;

// "这笔钱多久能回到卡上", "钱退回来要几天", "how long will the refund take": when the money comes back, either order
// of the words (trial 8 P1: not a wish, not news).
// Its words are a question already: read whether or not the message is marked as one.
export const REFUND_TIMING: CaseQuestion = {
  intent: 'case_refund_timing',
  says: new RegExp([
    '(?:多久|多长时间|多長時間|几天|幾天|几个工作日|什么时候|什麼時候|啥时候|何时)(?:能|可以|才能|才|会|就|可)?(?:到账|到帳|退回|退到|退给我|退钱|退款)',
    '(?:退款|退的钱|钱|錢)(?:一般|大概|大约|要|需要|得|会|能)*(?:多久|多长时间|多長時間|几天|幾天|什么时候|什麼時候|啥时候)',
    '(?:到账|到帳)(?:一般|大概|要|需要|得)*(?:多久|多长时间|几天|幾天)',
    '\\bhow long\\b.{0,30}\\brefund',
    '\\bwhen\\b.{0,30}\\brefund',
  ].join('|'), 'iu'),
  // Each Chinese alternative has a time asked (多…, 几…, 幾…, 什么…, 啥…, 何时), each English one an "h".
  needs: /[多几幾什啥何hH]/,
};

export const CASE_QUESTIONS: readonly CaseQuestion[] = [
  // "运费也要我出？", "寄回去的邮费我付？", "do I pay the postage?": who pays the return postage (not 运费险).
  {
    intent: 'ask_return_shipping',
    says: /(?:运费|運費|邮费|郵費|快递费|快遞費|寄回.{0,4}(?:钱|錢|费|費))(?![险險])[^，。,.]{0,8}(?:我|谁|誰)[^，。,.]{0,3}(?:出|付|承担|承擔|掏|负责|負責)|(?:我|自己)[^，。,.]{0,6}(?:出|付|承担|承擔|掏)[^，。,.]{0,4}(?:运费|運費|邮费|郵費|快递费|快遞費)(?![险險])|\b(?:pay|cover)\b.{0,25}\b(?:postage|return shipping|shipping)\b|\b(?:postage|return shipping|shipping)\b.{0,25}\b(?:on me|at my cost)\b/iu,
  },
  // "那我确认了？", "可以确认收货吗", "should I confirm receipt?"; not someone else confirming
  // ("平台确认了吗", "卖家确认收到退货没"), nor asking what, where or how.
  {
    intent: 'case_confirm_receipt',
    says: /确认|確認|收货|收貨|\bconfirm/iu,
    unless: /(?:卖家|賣家|商家|店家|平台|客服|快递|快遞|seller|platform)[^，。,.？?]{0,4}(?:确认|確認|confirm)|几|幾|什么|什麼|哪|怎么|怎麼|为什么|為什麼|多少|多久|谁|誰|\b(?:what|where|how|why|when|which|who)\b/iu,
  },
  // "放假他们也算吗", "周末算不算", "是工作日吗", "do holidays count?": how a deadline counts days off.
  {
    intent: 'case_days_off',
    says: /放假|假期|假日|节假日|節假日|法定假|周末|週末|礼拜天|星期天|双休|雙休|五一|十一|国庆|國慶|春节|春節|过年|過年|工作日|\b(?:holidays?|weekends?|working days?|business days?)\b/iu,
  },
  // "能退一赔三吗", "主播承诺的假一赔三作数吗", "法律上能赔几倍": the statutory multiple (消法 第五十五条).
  {
    intent: 'ask_statutory_multiple',
    says: /[假退]一[赔賠]|[赔賠][三十]|[三十]倍|惩罚性|懲罰性|法律.{0,6}[赔賠]|\b(?:three|3|ten|10) ?times\b|treble|punitive/iu,
    unless: REPORTS_WORDS,
    asks: RULES_ASK,
  },
  // "过了七天还能退吗", "十五天内可以换吗", "三包管多久", "只能修吗": which return, exchange or repair the problem allows.
  // Not when the refund's arrival is asked ("多久能退到账").
  {
    intent: 'ask_return_rules',
    says: /七天|7\s*天|十五天|15\s*天|无理由|無理由|三包|保修|(?:能|可以|可不可以|能不能)(?:退|换|換)|只能(?:换|換|修|维修|維修)|还是只能|還是只能|\b(?:7|seven|15|fifteen)[- ]days?\b|no[- ]reason return|warranty|\bcan i (?:still )?(?:return|exchange)\b/iu,
    unless: new RegExp(`到账|到帳|到卡|几天到|幾天到|多久到|\\barrive|${REPORTS_WORDS.source}`, 'iu'),
    asks: RULES_ASK,
  },
  // "能去投诉他们吗", "我要维权去哪投诉", "can I complain?": the complaint routes, in order.
  {
    intent: 'ask_complaint',
    says: /投诉|投訴|举报|舉報|维权|維權|\bcomplain\b|\bfile a complaint\b|\breport (?:them|the seller)\b/iu,
    unless: REPORTS_WORDS,
    asks: RULES_ASK,
  },
  // "那我该怎么退", "东西坏成这样咋退款", "how do I get my money back?": how to apply for the refund or return.
  {
    intent: 'ask_how_refund',
    says: /(?:怎么|怎麼|咋|如何|怎样|怎樣)(?:申请)?退|how (?:do|can|should) i (?:get (?:a|my) refund|get my money|return)/iu,
    unless: new RegExp(`到账|到帳|到卡|多久|几天|幾天|\\barrive|${REPORTS_WORDS.source}`, 'iu'),
    asks: RULES_ASK,
  },
  // "这样合理吗", "是不是在拖", "正常吗", "is this fair?", "are they stalling?".
  {
    intent: 'case_fairness',
    says: /合理|公平|(?:这|這|那|样|樣)(?:也|还|還)?正常|在拖|拖着|拖著|拖延|拖时间|拖時間|故意拖|拖緊|\b(?:fair|reasonable|stalling|dragging)\b|\bis (?:this|that|it) normal\b/iu,
  },
];

/** "我不确认", "先不点确认收货", "I won't confirm it": the buyer says they will not confirm receipt (a statement, not a question). */
export const DECLINES_CONFIRM: CaseQuestion = {
  intent: 'case_declines_confirm',
  says: /(?:不|别|別|没|沒)(?:会|會|要|去|先|点|點){0,3}(?:确认|確認)|\b(?:won'?t|will not|not going to|don'?t|do not)\b.{0,12}\bconfirm/iu,
  unless: /(?:卖家|賣家|商家|店家|平台|客服|快递|快遞|seller|platform)[^，。,.？?]{0,4}(?:确认|確認|confirm)/iu,
};

/**
 * "字太多了看不懂", "我该把哪段发给谁", "too much text, which one do I send?": a buyer lost in the
 * texts, asked or said (not the seller who "看不懂").
 */
export const OVERWHELMED: CaseQuestion = {
  intent: 'case_overwhelmed',
  says: /字太多|太多字|好多字|看不懂|看不明白|搞不懂|弄不懂|(?:发|發|给|給)(?:哪个|哪個|哪一个|哪一個|哪段|哪一段)|(?:发|發)给谁|(?:发|發)給誰|too much (?:text|to read)|which (?:one|text|message) do i send/iu,
  // 字…, 看不…, 搞不懂, 弄不懂, 哪…, 谁 / 誰; "much" and "which".
  needs: /[字看搞弄哪谁誰hH]/,
  unless: /(?:卖家|賣家|商家|店家|平台|客服|他们|他們|对方|對方|seller)[^，。,.？?]{0,6}(?:看不懂|看不明白|搞不懂)|(?:看不懂|看不明白|搞不懂)[^，。,.？?]{0,4}(?:卖家|賣家|商家|店家|平台|客服|他们|他們|对方|對方)/iu,
};

/** A yes-or-no ask ("可以吗", "行不行", "方便吗", "should I?"): asking, beside a question's own marks. */
export const YES_NO_ASK_ZH = /[？?吗嗎么嘛]|可以|行不行|好不好|能不能|要不要/;
export const YES_NO_ASK_EN = /\b(?:can|should|shall) i\b|\b(?:ok|okay|fine|safe)\b/i;

/**
 * "发错了" is the buyer's own slip ("不好意思发错了", "订单号发错了") unless the seller sent the
 * wrong thing ("卖家发错了货"): these words right before or after it make it a wrong item.
 */
export const SENT_WRONG = '发错了';
// A goods number ("色号", "型号") before it is the goods' number, not the buyer's order number.
export const SENT_WRONG_SELLER_BEFORE = ['卖家', '商家', '客服', '店家', '你们', '他们', '给我', '寄', '仓库', '色号', '型号', '货号', '款号', '码号'];
export const SENT_WRONG_GOODS_AFTER = ['货', '东西', '颜色', '码', '款', '型号', '尺寸', '了货', '成'];
/** The buyer's own number was wrong: "号发错了", "刚才那个不对". */
export const OWN_SLIP = ['不好意思', '抱歉', '对不起', 'sorry', '号', '我', '刚才', '刚刚', '上面'];
