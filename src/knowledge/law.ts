/**
 * Legal citations, only where they fit the case. Wording (DOMAIN.md "Law and official
 * timers") lives in `knowledge.law.*`; which article fits which case is decided here.
 *
 * The bot is not a lawyer (DOMAIN.md): these are pointers a buyer may quote, never advice
 * on the outcome.
 */
import { list, t } from '../i18n/index.ts';
import { CLAIM_WISHES, type Locale, type Problem, type Wants } from '../domain/index.ts';

export const LAW_IDS = ['cpl_24', 'cpl_25', 'cpl_55', 'fsl_148', 'ecl_20', 'ecl_15'] as const;
export type LawId = (typeof LAW_IDS)[number];

export interface LawRef {
  id: LawId;
  /** e.g. "《消费者权益保护法》第二十四条". */
  title: string;
  /** One sentence for the buyer. */
  summary: string;
  /** The sentence a draft may quote ("根据《消费者权益保护法》第二十四条，…"). */
  cite: string;
}

/** The statutory multiple the buyer asked for by name ("退一赔三", "退一赔十"). */
export type ClaimAsked = 'fraud_3x' | 'food_10x';

/**
 * Whether 食品安全法 第一百四十八条 fits: food, a food-safety problem, compensation asked for —
 * and not a suspected fake unless the buyer named the tenfold claim: a fake is fraud (第五十五条),
 * and nothing recorded says the food breaches a safety standard. A buyer who asked for 退一赔三
 * gets that claim, never a tenfold one.
 */
/**
 * The wish asks for a statutory claim: compensation, or the money back with the multiple named beside
 * it ("退钱，另外要他赔，十倍那种" asks 退一赔十, which includes the refund).
 */
export function claimWish(wants: Wants | null, asked?: ClaimAsked | null): boolean {
  return wants === 'compensation' || (!!asked && wants !== null && CLAIM_WISHES.has(wants));
}

export function foodSafetyClaimFits(problem: Problem | null, wants: Wants | null, food: boolean | undefined, asked?: ClaimAsked | null): boolean {
  if (!food || !claimWish(wants, asked) || problem === null || !FOOD_SAFETY_PROBLEMS.has(problem)) return false;
  if (asked === 'fraud_3x') return false;
  return problem !== 'counterfeit' || asked === 'food_10x';
}

export interface LawOptions {
  /** The multiple the buyer asked for by name, if any. */
  claimAsked?: ClaimAsked | null;
  /** The goods are food and the problem is food safety (食品安全法 第一百四十八条). */
  food?: boolean;
  /**
   * Whether the 7-day no-reason window is still open (第二十五条). Unknown (undefined) is
   * treated as open: the dialogue checks the date separately.
   */
  withinNoReasonWindow?: boolean;
  /** Wording language; default zh-CN. */
  locale?: Locale;
  /**
   * The seller is a private person selling their own goods (闲鱼 C2C). 消法 binds 经营者 only
   * (DOMAIN.md "Who the consumer law binds"): no article is cited; the platform's own dispute
   * process applies instead.
   */
  privateSeller?: boolean;
  /** The seller blamed the courier ("快递弄坏的，找快递去"): 电子商务法 第二十条 answers it. */
  sellerBlamesCourier?: boolean;
  /** A takeaway meal (`isTakeaway`): the one who carried it was the rider, and 第二十条's cite says so. */
  takeaway?: boolean;
}

/** Problems where unsafe food may be the issue (食品安全法 第一百四十八条). */
export const FOOD_SAFETY_PROBLEMS: ReadonlySet<Problem> = new Set(['quality', 'counterfeit', 'not_as_described', 'other']);

/**
 * Problems where the goods fail quality requirements (第二十四条). Damaged in transit and
 * not-as-described count: the goods delivered do not meet the quality agreed. Counterfeit
 * goods are included too (a fake cannot meet the listed quality).
 */
const QUALITY_FAILURES: ReadonlySet<Problem> = new Set(['quality', 'damaged', 'not_as_described', 'counterfeit']);

/**
 * The articles that fit a case, most relevant first; empty when none fits.
 *
 * - 第二十四条: quality / damaged / not_as_described / counterfeit, unless the buyer only
 *   wants extra compensation for fraud (then 第五十五条 carries it).
 * - 第二十五条: changed_mind while the 7-day window is open.
 * - 第五十五条: counterfeit (fraud) and the buyer wants compensation.
 * - 食品安全法 第一百四十八条: food-safety problems (`opts.food`) with a compensation request.
 * - 电子商务法 第二十条: the seller blamed the courier (`opts.sellerBlamesCourier`).
 * - nothing against a private C2C seller (`opts.privateSeller`).
 *
 * @example lawFor('quality', 'refund').map((l) => l.id) // ['cpl_24']
 */
export function lawFor(problem: Problem | null, wants: Wants | null, opts: LawOptions = {}): LawRef[] {
  const ids: LawId[] = [];
  if (problem === null || opts.privateSeller) return [];
  if (foodSafetyClaimFits(problem, wants, opts.food, opts.claimAsked)) ids.push('fsl_148');
  if (problem === 'counterfeit' && wants === 'compensation') ids.push('cpl_55');
  if (QUALITY_FAILURES.has(problem) && !ids.includes('cpl_55')) ids.push('cpl_24');
  if (problem === 'changed_mind' && opts.withinNoReasonWindow !== false && wants !== 'repair') ids.push('cpl_25');
  // 电子商务法 第二十条 binds e-commerce businesses too: not for a private seller (returned above).
  if (opts.sellerBlamesCourier) ids.push('ecl_20');
  return ids.map((id) => lawRef(id, opts.locale ?? 'zh-CN', id === 'ecl_20' && opts.takeaway ? 'citeRider' : 'cite'));
}

/** One article's wording. */
export function lawRef(id: LawId, locale: Locale, cite: 'cite' | 'citeRider' = 'cite'): LawRef {
  const base = `knowledge.law.${id}`;
  return { id, title: t(locale, `${base}.title`), summary: t(locale, `${base}.summary`), cite: t(locale, `${base}.${cite}`) };
}

/** The goods 第二十五条 excludes from no-reason returns. */
export function noReasonExceptions(locale: Locale): string[] {
  return list(locale, 'knowledge.law.exceptions25');
}
