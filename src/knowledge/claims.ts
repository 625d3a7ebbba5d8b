/**
 * The statutory extra compensation a case may claim, with its amount worked out
 * (DOMAIN.md "Law and official timers"):
 *
 * - 消费者权益保护法 第五十五条 ("退一赔三"): fraud → 3× the price, at least 500 yuan. Fake brand
 *   goods sold as genuine are the case the bot recognises (`counterfeit`).
 * - 食品安全法 第一百四十八条 ("退一赔十"): food that fails food-safety standards → 10× the price or
 *   3× the loss, at least 1,000 yuan.
 *
 * Both are claimed on top of the refund of the price. Neither applies to a private C2C seller
 * (not a 经营者). The bot is not a lawyer: the amount is what the article states for the price
 * the buyer paid, not a promise that it will be granted.
 */
import type { Problem, Wants } from '../domain/index.ts';
import { claimWish, foodSafetyClaimFits, type ClaimAsked, type LawId } from './law.ts';

/** 第五十五条: three times the price… */
export const FRAUD_MULTIPLE = 3;
/** …and at least 500 yuan. */
export const FRAUD_MINIMUM = 500;
/** 第一百四十八条: ten times the price… */
export const FOOD_PRICE_MULTIPLE = 10;
/** …or three times the loss… */
export const FOOD_LOSS_MULTIPLE = 3;
/** …and at least 1,000 yuan. */
export const FOOD_MINIMUM = 1000;

export interface StatutoryClaim {
  kind: 'fraud_3x' | 'food_10x';
  law: Extract<LawId, 'cpl_55' | 'fsl_148'>;
  /** The price paid (the refund part of the claim); null when the buyer has not said it. */
  price: number | null;
  /** The extra compensation claimed; null when the price (and loss) are unknown and the buyer named no sum. */
  extra: number | null;
  /** What the extra is: 3× / 10× the price, 3× the loss, the statutory minimum, or the sum the buyer named. */
  basis: 'price_multiple' | 'loss_multiple' | 'minimum' | 'named' | 'unknown';
  /** The money the seller has already refunded: the letters state it and claim only the compensation. */
  refunded?: number;
  /** The statutory minimum of the extra compensation. */
  minimum: number;
  /** Who found the goods fake, when an appraisal on record did (drafts/parts.ts `claimOf`). */
  appraisedBy?: string;
  /**
   * Claimed because the buyer named 退一赔三, the goods not known to be fake ("说能治病，其实是普通
   * 保健品"): the letters claim it if fraud is found, and never call the goods counterfeit.
   */
  asked?: true;
}

export interface ClaimFacts {
  problem: Problem | null;
  wants: Wants | null;
  food?: boolean;
  privateSeller?: boolean | null;
  /** Amount paid, yuan. */
  price: number | null;
  /** The buyer's loss beyond the price, yuan (food only). */
  loss?: number | null;
  /** The multiple the buyer asked for by name ("退一赔三"): no other is claimed. */
  asked?: ClaimAsked | null;
  /** The compensation sum the buyer named ("退款+赔2000"): claimed as theirs, never more than the statute gives. */
  named?: number | null;
  /** Money already refunded, yuan. */
  refunded?: number | null;
}

/**
 * The statutory claim for a case, or null when none fits: the buyer must ask for compensation,
 * and the case must be fraud (counterfeit, or 退一赔三 named by the buyer) or unsafe food. A suspected fake is fraud even when it is food
 * (nothing recorded says it breaches a food-safety standard), unless the buyer asked for the tenfold claim;
 * a buyer who asked for 退一赔三 is never given a tenfold one.
 *
 * @example statutoryClaim({ problem: 'counterfeit', wants: 'compensation', price: 899 })
 *   // { kind: 'fraud_3x', law: 'cpl_55', price: 899, extra: 2697, basis: 'price_multiple', minimum: 500 }
 */
export function statutoryClaim(f: ClaimFacts): StatutoryClaim | null {
  const claim = statuteClaim(f);
  if (!claim) return null;
  const named = f.named && f.named > 0 ? f.named : null;
  // The buyer's own sum: the letters never claim more than the statute gives for a known price.
  const own = named === null ? claim : claim.extra !== null && named >= claim.extra ? claim : { ...claim, extra: named, basis: 'named' as const };
  // Only a refund of the whole price leaves the compensation alone to claim.
  const whole = f.refunded && f.refunded > 0 && (f.price === null || f.refunded >= f.price);
  return whole ? { ...own, refunded: f.refunded! } : own;
}

function statuteClaim(f: ClaimFacts): StatutoryClaim | null {
  if (!claimWish(f.wants, f.asked) || f.problem === null || f.privateSeller) return null;
  const price = f.price !== null && f.price > 0 ? f.price : null;
  if (foodSafetyClaimFits(f.problem, f.wants, f.food, f.asked)) {
    const byPrice = price !== null ? round(price * FOOD_PRICE_MULTIPLE) : null;
    const byLoss = f.loss ? round(f.loss * FOOD_LOSS_MULTIPLE) : null;
    const best = Math.max(byPrice ?? 0, byLoss ?? 0);
    if (byPrice === null && byLoss === null) {
      return { kind: 'food_10x', law: 'fsl_148', price, extra: null, basis: 'unknown', minimum: FOOD_MINIMUM };
    }
    const basis = best < FOOD_MINIMUM ? 'minimum' : best === byPrice ? 'price_multiple' : 'loss_multiple';
    return { kind: 'food_10x', law: 'fsl_148', price, extra: Math.max(best, FOOD_MINIMUM), basis, minimum: FOOD_MINIMUM };
  }
  if (f.problem === 'counterfeit') return fraudClaim(price);
  // A buyer who names 退一赔三 for goods at fault (a false claim of what they do, say) claims it as theirs;
  // spoiled food is a food-safety matter, no fraud the record shows.
  if (f.asked === 'fraud_3x' && f.problem !== 'changed_mind' && !(f.food && f.problem === 'quality')) return { ...fraudClaim(price), asked: true };
  return null;
}

function fraudClaim(price: number | null): StatutoryClaim {
  if (price === null) return { kind: 'fraud_3x', law: 'cpl_55', price, extra: null, basis: 'unknown', minimum: FRAUD_MINIMUM };
  const byPrice = round(price * FRAUD_MULTIPLE);
  return {
    kind: 'fraud_3x', law: 'cpl_55', price, extra: Math.max(byPrice, FRAUD_MINIMUM),
    basis: byPrice < FRAUD_MINIMUM ? 'minimum' : 'price_multiple', minimum: FRAUD_MINIMUM,
  };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
