/**
 * Reading a pasted chat log: who is the shop, who is the buyer, and which shop lines are
 * boilerplate (promotions, auto-replies, pre-sale lines, review invitations) rather than an
 * answer about the case.
 */

/** A speaker name that is the shop's side. */
export const SELLER_SPEAKER = /客服|商家|卖家|店|旗舰|官方|小二|掌柜|专营|售后|助手|seller|shop|store|support|agent/i;
/** A speaker name that is the buyer. */
export const BUYER_SPEAKER = /^(?:我|买家|本人|顾客|me|buyer|customer)$/i;

/** Shop lines that say nothing about this case. */
export const LOG_NOISE: readonly RegExp[] = [
  // promotions
  /优惠|领券|优惠券|满\d+减|活动|包邮|上新|关注店铺|收藏店铺|秒杀|折扣|限时|直播间|会员|赠品|立减|特价|新品|爆款|福利|\bsale\b|coupon|discount/i,
  // auto-replies
  /自动回复|欢迎光临|有什么可以帮|很高兴为您服务|正在为您转接|智能助手|机器人|亲亲在的|在的亲|您好在的|auto-?reply|welcome to/i,
  // pre-sale lines
  /今天下单|今日下单|下单后|下单即|发货时间|现货|有货|尺码推荐|拍下|付款后|当天发|今天发|48小时内发货|24小时内发货|预售/,
  // review invitations (a refund held back for a good review is not an invitation: that line names the refund)
  /^(?!.*(?:退|售后|赔|refund)).*(?:好评|评价|晒图|五星|追评|review)/i,
];

/** A buyer's question before buying: no complaint. */
export const BUYER_PRESALE = /什么时候发|多久发|几天能到|几天到|有货吗|有现货|包邮吗|能便宜|有优惠|尺码怎么|选哪个|when will it ship|in stock/i;

/** The shop, in its own words, sends the buyer to the courier or disowns transit ("请联系物流理赔", "运输问题不归我们管"). */
export const SELLER_COURIER =
  /(?:找|联系|问|咨询)\s?(?:一下)?\s?(?:快递|物流|驿站)|(?:快递|物流|运输).{0,10}(?:不负责|不归|无关|没关系|不管|不承担)|(?:不负责|不承担|不管).{0,4}(?:快递|物流|运输)/;
