/**
 * What the payment channel answers a dispute with. A card issuer, PayPal or a wallet that asks for
 * the buyer's contact with the merchant ("发卡行要我拿出联系过商家的证明", "the bank wants proof I
 * contacted the merchant") gets it: the letter to the merchant, sent the way the buyer reaches them,
 * with a dated record of it kept. The dispute is on the record (the buyer opened it). No rule of any
 * channel is stated (DOMAIN.md has none): a wait the channel named stays in its words.
 */
import { happened, record } from './case.ts';
import { sellerDraftKind } from './escalation.ts';
import { sendDraft } from './render.ts';
import type { Turn } from './turn.ts';
import type { FollowingCase } from '../domain/index.ts';

/** The channel is who spoke: a bank, a card issuer, PayPal, a wallet. */
const CHANNEL_SPEAKS =
  /(?:银行|发卡行|信用卡中心|信用卡客服|paypal|支付宝|微信支付)[^，,。！!？?]{0,8}?(?:说|要|让|要求|回复|答复|表示)|\b(?:bank|card issuer|issuer|paypal|alipay|wechat pay)\b.{0,20}?\b(?:says?|said|asks?|asked|wants?|told|needs?|requires?)\b/iu;
/** What it asks for: a record of the buyer's contact with the merchant. */
const WANTS_CONTACT =
  /(?:和|跟|与|同)(?:商家|卖家|店家|商户)[^，,。！!？?]{0,4}?(?:的)?(?:沟通|联系|交涉|邮件|聊天)|(?:沟通|联系|交涉)(?:过)?(?:商家|卖家|店家|商户)?的?(?:记录|证明|截图|凭证)|聊天记录|往来邮件|邮件记录|\b(?:proof|evidence|records?|copies)\b.{0,30}?\b(?:contact(?:ed|ing)?|communicat\w*|correspondence|e-?mails?)\b|\bcorrespondence\b/iu;
/** The wait the channel named ("还要等45天", "45 days"), kept as said. */
const WAIT = /(?:等|要|需要)\s?(\d{1,3})\s?(?:个)?(?:工作日|天)|(\d{1,3})\s?(?:business |working )?days/iu;

/** The message reports the payment channel asking for the buyer's contact with the merchant. */
export function channelWantsContact(text: string): boolean {
  return CHANNEL_SPEAKS.test(text) && WANTS_CONTACT.test(text);
}

/** The dispute on the record, the next step in words, and the letter to the merchant. */
export function sendContactForChannel(turn: Turn, c: FollowingCase, text: string): void {
  if (!happened(c, 'payment_disputed')) record(turn, c, 'payment_disputed', { note: 'buyer' });
  const wait = WAIT.exec(text);
  const days = wait ? wait[1] ?? wait[2]! : null;
  turn.info(c.slots.standalone && !c.slots.platform ? 'payment.wantsContactOwnShop' : 'payment.wantsContact', {
    after: days ? [turn.t('payment.channelWait', { days })] : [],
  });
  sendDraft(turn, c, sellerDraftKind(c));
}
