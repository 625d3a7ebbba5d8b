/**
 * Answers to questions buyers ask in the middle of a case (intent codes in src/domain INTENTS):
 * where the order number is, 运费险, 价保, suing, 黑猫投诉, what to use instead of an
 * unboxing video, how to film one, who pays return shipping, and what to do when 12315 did not
 * accept a complaint. Wording lives in `knowledge.answers.*`; everything in it is sourced in
 * DOMAIN.md (platform features worded "通常 / typically", 黑猫投诉 named as not a regulator,
 * the last rungs after the regulator, the evidence chain).
 */
import { list, t } from '../i18n/index.ts';
import type { Intent, Locale, Problem } from '../domain/index.ts';
import { platformGuide, type GuideTarget } from './platforms.ts';
import type { ClaimAsked } from './law.ts';

/** The intents the knowledge base answers. */
export const KNOWLEDGE_INTENTS = [
  'ask_where_order_id', 'ask_shipping_insurance', 'ask_lawsuit', 'ask_heimao', 'ask_no_unboxing_video', 'ask_price_protection',
  'ask_return_shipping', 'ask_video_howto', 'ask_not_accepted',
  'ask_return_rules', 'ask_complaint', 'ask_statutory_multiple', 'ask_how_refund',
] as const satisfies readonly Intent[];
export type KnowledgeIntent = (typeof KNOWLEDGE_INTENTS)[number];

export function isKnowledgeIntent(intent: Intent): intent is KnowledgeIntent {
  return (KNOWLEDGE_INTENTS as readonly string[]).includes(intent);
}

export interface AnswerContext {
  locale: Locale;
  /** The case's platform, if known (the order-number answer is per platform). */
  platform?: GuideTarget;
  /** The case's problem, if known (no unboxing-video advice for a parcel that never arrived). */
  problem?: Problem | null;
  /** The case's platform is outside mainland China: no 12315 and no Chinese courts in the lawsuit answer. */
  abroad?: boolean;
  /** The seller is a private person (闲鱼 C2C): no 12315 in the lawsuit answer (DOMAIN.md: 消法 binds 经营者). */
  privateSeller?: boolean;
  /** The seller's latest answer was a partial offer (e.g. repair only where the buyer asked for more). */
  partialOffer?: boolean;
  /** The goods are food (食品安全法 第一百四十八条 is the multiple, not 第五十五条). */
  food?: boolean;
  /** The multiple the question names ("能要三倍吗"): 三倍 is 第五十五条's, whatever the goods. */
  asked?: ClaimAsked | null;
  /** The message also asks about the multiple beside another question ("能告他吗？能要三倍吗？"): both are answered. */
  multipleAsked?: boolean;
}

/**
 * The answer text for a mid-case question, in the buyer's language.
 *
 * @example answerQuestion('ask_where_order_id', { locale: 'zh-CN', platform: 'pdd' })
 *   // '订单号通常在 App 的「我的」→「我的订单」里…\n拼多多的订单号通常是“年月日-”开头…\n注意：快递单号…'
 */
export function answerQuestion(intent: KnowledgeIntent, ctx: AnswerContext): string {
  const text = answerOne(intent, ctx);
  return ctx.multipleAsked && intent !== 'ask_statutory_multiple' ? `${text}\n\n${answerOne('ask_statutory_multiple', ctx)}` : text;
}

function answerOne(intent: KnowledgeIntent, ctx: AnswerContext): string {
  const { locale } = ctx;
  const a = 'knowledge.answers';
  switch (intent) {
    case 'ask_where_order_id': {
      const g = platformGuide(ctx.platform ?? null, locale);
      return [g.orderIdWhere, ...(g.orderIdShape ? [g.orderIdShape] : []), t(locale, `${a}.whereOrderId.notTracking`)].join('\n');
    }
    case 'ask_shipping_insurance':
      return list(locale, `${a}.shippingInsurance`).join('\n');
    case 'ask_price_protection':
      return list(locale, `${a}.pricePro`).join('\n');
    case 'ask_lawsuit':
      return list(locale, `${a}.${ctx.abroad ? 'lawsuitAbroad' : ctx.privateSeller ? 'lawsuitPrivate' : 'lawsuit'}`).join('\n');
    case 'ask_heimao':
      return list(locale, `${a}.heimao`).join('\n');
    case 'ask_no_unboxing_video':
      return noVideoAnswer(ctx);
    case 'ask_return_shipping':
      return returnShippingAnswer(ctx);
    case 'ask_video_howto':
      return list(locale, `${a}.videoHowto.${ctx.problem === 'not_received' ? 'notReceived' : 'steps'}`).join('\n');
    case 'ask_not_accepted':
      return list(locale, `${a}.notAccepted`).join('\n');
    case 'ask_return_rules':
      return returnRulesAnswer(ctx);
    case 'ask_complaint':
      return list(locale, `${a}.complaint.${ctx.abroad ? 'abroad' : ctx.privateSeller ? 'private' : 'steps'}`).join('\n');
    case 'ask_statutory_multiple': {
      // 三倍 asked of food ("保健品虚假宣传，能要三倍吗"): fraud's article, and what the tenfold one is for (DOMAIN.md).
      // 十倍 asked of goods sold on a false claim (not unsafe food): what the tenfold article is for, and fraud's instead.
      const treble = (ctx.food && ctx.asked === 'fraud_3x') || (!ctx.food && ctx.asked === 'food_10x' && ctx.problem === 'not_as_described');
      const lines = list(locale, `${a}.statutoryMultiple.${ctx.privateSeller ? 'private' : ctx.food && !treble ? 'food' : 'law'}`);
      if (treble && !ctx.privateSeller) lines.push(t(locale, `${a}.statutoryMultiple.notUnsafeFood`));
      if (ctx.problem === 'counterfeit' && !ctx.privateSeller) lines.push(t(locale, `${a}.statutoryMultiple.ask`));
      return lines.join('\n');
    }
    case 'ask_how_refund': {
      const quality = ctx.problem ? QUALITY_PROBLEMS.includes(ctx.problem) : false;
      const lines = list(locale, `${a}.howRefund.steps`);
      if (quality && !ctx.privateSeller) lines.push(t(locale, `${a}.howRefund.quality`));
      return lines.join('\n');
    }
  }
}

/**
 * "过了七天还能退吗，十五天能换吗，三包管多久": for goods that fail (消法 第二十四条) the 7-day
 * no-reason return (第二十五条) is not the rule; 三包's own periods are worded "通常" (DOMAIN.md
 * has no source for them). A partial offer from the seller is said to be one; a private 闲鱼 seller is bound by neither article.
 */
function returnRulesAnswer(ctx: AnswerContext): string {
  const { locale } = ctx;
  const a = 'knowledge.answers.returnRules';
  if (ctx.privateSeller) return [t(locale, `${a}.noReason`), t(locale, `${a}.private`)].join('\n');
  const quality = ctx.problem ? QUALITY_PROBLEMS.includes(ctx.problem) : false;
  const lines = quality ? [t(locale, `${a}.quality`), t(locale, `${a}.sanbao`)] : [t(locale, `${a}.noReason`), t(locale, `${a}.ifFault`)];
  if (quality && ctx.partialOffer) lines.push(t(locale, `${a}.partialOffer`));
  return lines.join('\n');
}

/** Problems where the goods themselves fail: 消法 第二十四条 puts the return transport on the business. */
const QUALITY_PROBLEMS: readonly Problem[] = ['quality', 'damaged', 'wrong_item', 'not_as_described', 'counterfeit'];

/**
 * Who pays return shipping: the business for goods that fail quality requirements (消法 第二十四条),
 * usually the buyer for a no-reason return (第二十五条); a private 闲鱼 seller is bound by neither.
 */
function returnShippingAnswer(ctx: AnswerContext): string {
  const { locale } = ctx;
  const a = 'knowledge.answers.returnShipping';
  const quality = ctx.problem ? QUALITY_PROBLEMS.includes(ctx.problem) : false;
  const lines = quality ? [t(locale, `${a}.quality`), t(locale, `${a}.noReason`)] : [t(locale, `${a}.noReason`), t(locale, `${a}.quality`)];
  lines.push(t(locale, `${a}.advance`));
  if (ctx.platform === 'xianyu') lines.push(t(locale, `${a}.private`));
  return lines.join('\n');
}

/** Items that stand in for an unboxing video, by problem (a subset of the evidence checklist). */
const INSTEAD_OF_VIDEO = ['outer_box', 'waybill', 'signed_record', 'contents', 'defect_closeup', 'chat_records'] as const;

function noVideoAnswer(ctx: AnswerContext): string {
  const { locale } = ctx;
  const a = 'knowledge.answers.noUnboxingVideo';
  if (ctx.problem === 'not_received') return t(locale, `${a}.notReceived`);
  const items = INSTEAD_OF_VIDEO.map((id) => `· ${t(locale, `knowledge.checklist.items.${id}.text`)}`);
  return [t(locale, `${a}.intro`), ...items, t(locale, `${a}.tell`), t(locale, `${a}.next`)].join('\n');
}
