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
    thanks: ['谢谢', '多谢', '谢啦', '感谢', '好的谢谢', '谢谢你'],
  },
  contains: {
    next_step: ['怎么办', '咋办', '下一步', '该怎么做', '接下来怎么', '接下来该', '现在该', '怎么处理才好', '还能做什么', '还能怎么'],
    want_regulator_draft: ['12315', '投诉到工商', '市场监管', '消协', '消费者协会', '工商局'],
    want_payment_draft: ['支付宝投诉', '微信支付投诉', '拒付', '信用卡争议', '支付争议', '支付渠道', '银行卡争议'],
    want_platform_draft: ['平台介入', '申请介入', '客服介入', '仲裁', '找平台'],
    want_compensation_draft: ['要赔偿', '要补偿', '运费补偿', '部分退款', '赔偿文本'],
    want_refund_shortfall_draft: ['退款少了', '少退了', '退少了', '差价没退'],
    change_wish: ['诉求改', '改成', '改为', '换成', '算了还是', '还是要', '我还是想', '不退了', '不换了', '不修了', '改主意'],
    ask_where_order_id: ['订单号在哪', '订单号怎么找', '哪里看订单号', '找不到订单号'],
    ask_shipping_insurance: ['运费险'],
    ask_lawsuit: ['起诉', '打官司', '告他', '法院', '小额诉讼'],
    ask_heimao: ['黑猫'],
    ask_no_unboxing_video: ['没拍开箱视频', '没有开箱视频', '没录开箱', '没拍视频'],
    ask_price_protection: ['价保', '保价'],
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
    thanks: ['thanks', 'thankyou', 'thx', 'cheers'],
  },
  contains: {
    next_step: ['what now', 'what next', 'what should i do', 'what do i do', 'what can i do', 'next step'],
    want_regulator_draft: ['regulator', 'consumer association', 'market regulation'],
    want_payment_draft: ['chargeback', 'payment dispute', 'dispute the payment', 'alipay complaint', 'paypal dispute'],
    want_platform_draft: ['platform intervention', 'escalate to the platform', 'ask the platform', 'platform to step in'],
    want_compensation_draft: ['want compensation', 'compensation letter', 'partial refund'],
    want_refund_shortfall_draft: ['refund was short', 'short refund', 'refunded less'],
    change_wish: ['change my request', 'i would rather', "i'd rather", 'instead i want', 'changed my mind, i want'],
    ask_where_order_id: ['where is the order number', 'find the order number', 'where do i find my order'],
    ask_shipping_insurance: ['shipping insurance', 'return insurance'],
    ask_lawsuit: ['sue', 'court', 'lawsuit', 'small claims'],
    ask_heimao: ['heimao', 'black cat'],
    ask_no_unboxing_video: ['no unboxing video', "didn't film", 'did not film'],
    ask_price_protection: ['price protection'],
  },
  greeting: ['hello', 'hi', 'hey', 'are you there', 'anyone there'],
};

export const INTENT_LEXICONS: readonly IntentLexicon[] = [zh, en];

/**
 * "发错了" is the buyer's own slip ("不好意思发错了", "订单号发错了") unless the seller sent the
 * wrong thing ("卖家发错了货"): these words right before or after it make it a wrong item.
 */
export const SENT_WRONG = '发错了';
export const SENT_WRONG_SELLER_BEFORE = ['卖家', '商家', '客服', '店家', '你们', '他们', '给我', '寄', '仓库'];
export const SENT_WRONG_GOODS_AFTER = ['货', '东西', '颜色', '码', '款', '型号', '尺寸', '了货', '成'];
/** The buyer's own number was wrong: "号发错了", "刚才那个不对". */
export const OWN_SLIP = ['不好意思', '抱歉', '对不起', 'sorry', '号', '我', '刚才', '刚刚', '上面'];
