/**
 * English lexicon. Text is lower-cased and curly apostrophes are straightened before
 * matching; `*` ends a word-prefix keyword ("refund*" matches "refunded", "refunds").
 */
import type { Lexicon } from './types.ts';

const COURIERS = ['sf express', 'sf', 'zto', 'yto', 'sto', 'yunda', 'j&t', 'ems', 'dhl', 'fedex', 'ups', 'usps', 'courier', 'cainiao'];

export const en: Lexicon = {
  platform: [
    ['taobao', 'taobao'], ['tao bao', 'taobao'], ['tmall', 'tmall'], ['t-mall', 'tmall'], ['jd.com', 'jd'], ['jingdong', 'jd'], ['jd', 'jd'],
    ['pinduoduo', 'pdd'], ['temu', 'other'], ['douyin', 'douyin'], ['douyin shop', 'douyin'], ['tiktok', 'other'], ['kuaishou', 'kuaishou'],
    ['xiaohongshu', 'xiaohongshu'], ['little red book', 'xiaohongshu'], ['red note', 'xiaohongshu'], ['rednote', 'xiaohongshu'], ['redbook', 'xiaohongshu'],
    ['alibaba', '1688'], ['xianyu', 'xianyu'], ['idle fish', 'xianyu'], ['idlefish', 'xianyu'], ['vipshop', 'vip'], ['vip.com', 'vip'],
    ['amazon', 'other'], ['ebay', 'other'], ['aliexpress', 'other'], ['shein', 'other'], ['suning', 'other'], ['dewu', 'other'], ['poizon', 'other'],
    ['walmart', 'other'], ['etsy', 'other'], ['shopee', 'other'], ['lazada', 'other'], ['meituan', 'other'],
  ],

  problem: [
    ["not received", 'not_received', 3], ["haven't received", 'not_received', 3], ['havent received', 'not_received', 3], ['have not received', 'not_received', 3],
    ["didn't receive", 'not_received', 3], ['did not receive', 'not_received', 3], ['never received', 'not_received', 3], ['never arrived', 'not_received', 3], ['never got it', 'not_received', 3], ['i never got', 'not_received', 3], ['not here yet', 'not_received', 3],
    ["hasn't arrived", 'not_received', 3], ["hasn't come", 'not_received', 3], ["didn't arrive", 'not_received', 3], ['not arrived', 'not_received', 3],
    ['not delivered', 'not_received', 3], ['still not here', 'not_received', 3], ['still waiting', 'not_received', 2], ['not shipped', 'not_received', 3],
    ["hasn't shipped", 'not_received', 3], ["hasn't been shipped", 'not_received', 3], ['not been shipped', 'not_received', 3], ['never shipped', 'not_received', 3],
    ['lost', 'not_received', 2], ['stuck', 'not_received', 2.5], ['no tracking', 'not_received', 2], ['no update', 'not_received', 2], ['late', 'not_received', 1.5],
    ['delayed', 'not_received', 2.5], ['delay*', 'not_received', 2], ['marked as delivered', 'not_received', 3.5], ['says delivered', 'not_received', 3.5],
    ['shows delivered', 'not_received', 3.5], ['where is my', 'not_received', 2.5], ['where is my order', 'not_received', 3], ['where is my package', 'not_received', 3],
    ['taking forever', 'not_received', 2.5], ['so slow', 'not_received', 2.5], ['missing package', 'not_received', 3], ['missing items', 'wrong_item', 3.5], ['items missing', 'wrong_item', 3.5], ['items are missing', 'wrong_item', 3.5],
    ['broken', 'damaged', 2.5], ['smashed', 'damaged', 3], ['crushed', 'damaged', 3], ['shattered', 'damaged', 3], ['cracked', 'damaged', 2.5], ['damaged', 'damaged', 3],
    ['dented', 'damaged', 3], ['leaking', 'damaged', 2.5], ['leaked', 'damaged', 2.5], ['arrived broken', 'damaged', 3.5], ['in transit', 'damaged', 1.5], ['torn box', 'damaged', 3],
    ['wrong item', 'wrong_item', 3.5], ['wrong size', 'wrong_item', 3.5], ['wrong color', 'wrong_item', 3.5], ['wrong colour', 'wrong_item', 3.5], ['wrong model', 'wrong_item', 3.5],
    ['wrong one', 'wrong_item', 3], ['sent me the wrong', 'wrong_item', 3.5], ['sent the wrong', 'wrong_item', 3.5], ['missing', 'wrong_item', 2.5], ['only got one', 'wrong_item', 3],
    ['only received one', 'wrong_item', 3], ['part missing', 'wrong_item', 3], ['missing part*', 'wrong_item', 3], ['incomplete', 'wrong_item', 2.5], ['not what i ordered', 'wrong_item', 3.5],
    ['defect*', 'quality', 3], ["doesn't work", 'quality', 3], ['does not work', 'quality', 3], ['not working', 'quality', 3], ['stopped working', 'quality', 3.5],
    ["won't turn on", 'quality', 3.5], ["won't charge", 'quality', 3.5], ["doesn't turn on", 'quality', 3.5], ['faulty', 'quality', 3], ['poor quality', 'quality', 3],
    ['bad quality', 'quality', 3], ['quality issue', 'quality', 3], ['quality problem', 'quality', 3], ['malfunction*', 'quality', 3], ['expired', 'quality', 3],
    ['moldy', 'quality', 3], ['mouldy', 'quality', 3], ['rotten', 'quality', 2.5], ['broke after', 'quality', 3.5], ['fell apart', 'quality', 3], ['peeling', 'quality', 2.5],
    ['not as described', 'not_as_described', 3.5], ['different from the picture', 'not_as_described', 3.5], ['different from the photo', 'not_as_described', 3.5],
    ['not like the picture', 'not_as_described', 3.5], ['not what was advertised', 'not_as_described', 3.5], ['looks used', 'not_as_described', 3.5],
    ['second-hand', 'not_as_described', 3], ['second hand', 'not_as_described', 3], ['misleading', 'not_as_described', 3], ['listing', 'not_as_described', 2],
    ['fake', 'counterfeit', 4], ['counterfeit', 'counterfeit', 4], ['knock-off', 'counterfeit', 4], ['knockoff', 'counterfeit', 4], ['not genuine', 'counterfeit', 4],
    ['replica', 'counterfeit', 4], ['not authentic', 'counterfeit', 4], ['refurbished', 'counterfeit', 3],
    ['changed my mind', 'changed_mind', 3], ["don't need", 'changed_mind', 2.5], ['no longer need', 'changed_mind', 3], ["doesn't fit", 'changed_mind', 3],
    ['does not fit', 'changed_mind', 3], ['too small', 'changed_mind', 2.5], ['too big', 'changed_mind', 2.5], ['too large', 'changed_mind', 2.5], ["don't like", 'changed_mind', 2.5],
    ['ordered the wrong', 'changed_mind', 3.5], ['ordered by mistake', 'changed_mind', 3.5], ['no reason', 'changed_mind', 2], ["don't want it", 'changed_mind', 2.5],
    ['refund not received', 'refund_issue', 4], ["haven't received my refund", 'refund_issue', 4], ["haven't got my refund", 'refund_issue', 4], ['still no refund', 'refund_issue', 4],
    ['where is my refund', 'refund_issue', 4], ['refund has not arrived', 'refund_issue', 4], ["refund hasn't arrived", 'refund_issue', 4], ['short refund', 'refund_issue', 4],
    ['only refunded', 'refund_issue', 4], ['refunded only', 'refund_issue', 4], ['not refunded', 'refund_issue', 3.5], ['no refund yet', 'refund_issue', 4],
    ['price drop*', 'other', 3], ['price protection', 'other', 3], ['wrong address', 'other', 3], ['rude', 'other', 2.5],
  ],

  wants: [
    ['refund*', 'refund', 3], ['money back', 'refund', 3.5], ['my money', 'refund', 2], ['cancel the order', 'refund', 3], ['cancel my order', 'refund', 3], ['refund only', 'refund', 4.5],
    ['return*', 'return_refund', 3], ['send it back', 'return_refund', 3.5], ['ship it back', 'return_refund', 3.5], ['return and refund', 'return_refund', 4.5],
    ['return for a refund', 'return_refund', 4.5], ['return it', 'return_refund', 3.5], ['return policy', null],
    ['exchange', 'exchange', 3.5], ['replace*', 'exchange', 3], ['replacement', 'exchange', 3], ['swap', 'exchange', 3], ['different size', 'exchange', 2],
    ['repair*', 'repair', 3.5], ['fix it', 'repair', 3], ['get it fixed', 'repair', 3.5], ['warranty', 'repair', 2],
    ['resend', 'reship', 4], ['re-send', 'reship', 4], ['reship', 'reship', 4], ['send another', 'reship', 3.5], ['ship another', 'reship', 3.5], ['send the missing', 'reship', 4],
    ['ship it again', 'reship', 4], ['send it again', 'reship', 4],
    ['compensat*', 'compensation', 3.5], ['partial refund', 'compensation', 4.5], ['price difference', 'compensation', 4], ['refund the shipping', 'compensation', 4],
    ['shipping fee', 'compensation', 2], ['shipping cost', 'compensation', 2], ['discount', 'compensation', 2], ['make up for', 'compensation', 3],
  ],

  sellerReply: [
    ['wechat', 'private_deal', 3], ['weixin', 'private_deal', 3], ['alipay transfer', 'private_deal', 4], ['transfer you', 'private_deal', 3.5], ['off-platform', 'private_deal', 4],
    ['off platform', 'private_deal', 4], ['outside the platform', 'private_deal', 4], ['privately', 'private_deal', 3.5], ['cancel the dispute', 'private_deal', 3],
    ['confirm receipt first', 'confirm_first', 4], ['confirm delivery first', 'confirm_first', 4], ['confirm receipt', 'confirm_first', 3], ['good review', 'confirm_first', 3.5],
    ['five-star', 'confirm_first', 3.5], ['5-star', 'confirm_first', 3.5], ['positive review', 'confirm_first', 3.5],
    ['photo*', 'needs_evidence', 3], ['picture*', 'needs_evidence', 2.5], ['video*', 'needs_evidence', 3], ['proof', 'needs_evidence', 3], ['evidence', 'needs_evidence', 3],
    ['refused', 'refuses', 3.5], ['refuse*', 'refuses', 3.5], ['rejected', 'refuses', 3.5], ['declined', 'refuses', 3.5], ["won't refund", 'refuses', 3.5], ['will not refund', 'refuses', 3.5],
    ['not accept*', 'refuses', 3], ['said no', 'refuses', 3.5], ['denied', 'refuses', 3.5],
    ['agreed', 'agrees', 3], ['approved', 'agrees', 3], ['accepted', 'agrees', 3], ['will refund', 'agrees', 3], ['will resend', 'agrees', 3], ['said yes', 'agrees', 3],
    ['wait', 'stalls', 2], ['waiting', 'stalls', 1], ['check with', 'stalls', 3], ['look into it', 'stalls', 3], ['looking into', 'stalls', 3], ['no reply', 'stalls', 3],
    ['not replying', 'stalls', 3], ['ignor*', 'stalls', 3], ['get back to me', 'stalls', 3], ['verify', 'stalls', 2.5], ['escalate', 'stalls', 2], ['processing', 'stalls', 2],
  ],

  idKey: [
    ['order', 'order'], ['order number', 'order'], ['order no', 'order'], ['order id', 'order'], ['order#', 'order'], ['order num', 'order'], ['order is', 'order'], ['order number is', 'order'], ['order no is', 'order'], ['order id is', 'order'], ['order number was', 'order'], ['my order', 'order'],
    ['tracking', 'tracking'], ['tracking number', 'tracking'], ['tracking no', 'tracking'], ['waybill', 'tracking'], ['awb', 'tracking'], ['parcel', 'tracking'],
    ...COURIERS.map((c) => [c, 'tracking'] as const),
    ['phone', 'phone'], ['mobile', 'phone'], ['tel', 'phone'], ['call me', 'phone'], ['cell', 'phone'],
    ['sku', 'product'], ['model', 'product'], ['item no', 'product'], ['item number', 'product'], ['product id', 'product'], ['serial', 'product'], ['imei', 'product'],
    ['transaction', 'other_id'], ['ticket', 'other_id'], ['case number', 'other_id'], ['card', 'other_id'], ['account', 'other_id'], ['invoice', 'other_id'],
  ],

  cue: [
    ['seller said', 'quote'], ['seller says', 'quote'], ['they said', 'quote'], ['they say', 'quote'], ['he said', 'quote'], ['she said', 'quote'], ['shop said', 'quote'],
    ['store said', 'quote'], ['customer service said', 'quote'], ['cs said', 'quote'], ['support said', 'quote'], ['agent said', 'quote'], ['courier said', 'quote'],
    ['seller told me', 'quote'], ['they told me', 'quote'], ['promised', 'quote'], ['seller replied', 'quote'], ['replied', 'quote'], ['offered', 'quote'], ['offer*', 'quote'],
    ['told me to', 'instruct'], ['asked me to', 'instruct'], ['wants me to', 'instruct'],
    ['seller', 'seller'], ['shop', 'seller'], ['store', 'seller'], ['merchant', 'seller'], ['they', 'seller'], ['customer service', 'seller'], ['support', 'seller'],
    ["don't want", 'negation'], ['do not want', 'negation'], ['not a', 'negation'], ['no need for', 'negation'], ['no need to', 'negation'], ["don't need", 'negation'],
    ['instead of', 'negation'], ['rather than', 'negation'], ['not want', 'negation'], ['no longer want', 'negation'],
    ['i want', 'firm'], ['i would like', 'firm'], ["i'd like", 'firm'], ['please', 'firm'], ['i need', 'firm'], ['i demand', 'firm'], ['just', 'firm'], ['request', 'firm'],
    ['only option', 'only'], ['already', 'past'], ['change to', 'switch'], ['please reply within', 'demand'], ['i expect', 'demand'],
    ['resolved', 'resolved'], ['sorted', 'resolved'], ['solved', 'resolved'], ['refund received', 'resolved'], ['received the refund', 'resolved'], ['received my refund', 'resolved'],
    ['got my refund', 'resolved'], ['got the refund', 'resolved'], ['got my money back', 'resolved'], ['all good now', 'resolved'], ['fixed now', 'resolved'], ['money arrived', 'resolved'],
    ['not resolved', 'unresolved'], ['not sorted', 'unresolved'], ["haven't received my refund", 'unresolved'], ['not received', 'not_receipt'],
    ['correction', 'correction'], ['i meant', 'correction'], ['typo', 'correction'], ['wrong number', 'correction'], ['my mistake', 'correction'], ['i made a mistake', 'correction'],
    ['actually', 'correction_weak'], ['should be', 'correction_weak'], ['correct one is', 'correction'], ['the right one', 'correction_weak'],
    ['received', 'receipt'], ['arrived', 'receipt'], ['delivered', 'receipt'], ['got it', 'receipt'], ['came', 'receipt'], ['signed for', 'receipt'],
    ["didn't receive", 'not_receipt'], ["haven't received", 'not_receipt'], ['never received', 'not_receipt'], ['never arrived', 'not_receipt'], ["hasn't arrived", 'not_receipt'],
    ['not delivered', 'not_receipt'], ['not arrived', 'not_receipt'],
    ['paid', 'paid'], ['spent', 'paid'], ['cost', 'paid'], ['costs', 'paid'], ['price', 'paid'], ['bought it for', 'paid'],
    ['refunded', 'refunded'], ['refund of', 'refunded'], ['gave back', 'refunded'], ['only got', 'refunded'],
    ['this order', 'order_after'],
  ],

  yes: ['yes', 'y', 'yep', 'yeah', 'yup', 'ok', 'okay', 'correct', 'right', 'sure', "that's right", 'exactly', 'confirmed', 'affirmative', 'true'],
  no: ['no', 'n', 'nope', 'nah', 'wrong', 'incorrect', 'not right', "that's wrong", 'not correct', 'false'],
};
