import { describe, expect, it } from 'vitest';
import { statutoryClaim } from '../../src/knowledge/claims.ts';
import { PROBLEMS, WANTS } from '../../src/domain/index.ts';

describe('statutoryClaim (DOMAIN.md: 第五十五条, 食品安全法 第一百四十八条)', () => {
  it('退一赔三: 3× the price, at least 500 yuan', () => {
    expect(statutoryClaim({ problem: 'counterfeit', wants: 'compensation', price: 899 })).toEqual({
      kind: 'fraud_3x', law: 'cpl_55', price: 899, extra: 2697, basis: 'price_multiple', minimum: 500,
    });
    expect(statutoryClaim({ problem: 'counterfeit', wants: 'compensation', price: 120 })).toMatchObject({ extra: 500, basis: 'minimum' });
    expect(statutoryClaim({ problem: 'counterfeit', wants: 'compensation', price: null })).toMatchObject({ extra: null, basis: 'unknown' });
  });

  it('退一赔十: 10× the price or 3× the loss, at least 1,000 yuan', () => {
    expect(statutoryClaim({ problem: 'quality', wants: 'compensation', food: true, price: 128 })).toMatchObject({
      kind: 'food_10x', law: 'fsl_148', extra: 1280, basis: 'price_multiple', minimum: 1000,
    });
    expect(statutoryClaim({ problem: 'quality', wants: 'compensation', food: true, price: 39.9 })).toMatchObject({ extra: 1000, basis: 'minimum' });
    expect(statutoryClaim({ problem: 'quality', wants: 'compensation', food: true, price: 50, loss: 2000 })).toMatchObject({ extra: 6000, basis: 'loss_multiple' });
    // A fake that is food: fraud (第五十五条); nothing recorded says it breaches a food-safety standard.
    expect(statutoryClaim({ problem: 'counterfeit', wants: 'compensation', food: true, price: 100 })).toMatchObject({ kind: 'fraud_3x' });
    // The tenfold claim only when the buyer named it.
    expect(statutoryClaim({ problem: 'counterfeit', wants: 'compensation', food: true, price: 100, asked: 'food_10x' })).toMatchObject({ kind: 'food_10x' });
  });

  it('the multiple the buyer asked for is the one claimed, never a larger one', () => {
    // 退一赔三 on fake milk powder: 3× 260 = 780, not ten times.
    expect(statutoryClaim({ problem: 'counterfeit', wants: 'compensation', food: true, price: 260, asked: 'fraud_3x' })).toMatchObject({
      kind: 'fraud_3x', extra: 780,
    });
    // 退一赔三 on spoiled food is no fraud the record shows: no statutory multiple at all.
    expect(statutoryClaim({ problem: 'quality', wants: 'compensation', food: true, price: 260, asked: 'fraud_3x' })).toBeNull();
  });

  it('only when compensation is asked, only for fraud or unsafe food, never against a private seller', () => {
    for (const w of WANTS.filter((x) => x !== 'compensation')) expect(statutoryClaim({ problem: 'counterfeit', wants: w, price: 899 })).toBeNull();
    for (const p of PROBLEMS.filter((x) => x !== 'counterfeit')) expect(statutoryClaim({ problem: p, wants: 'compensation', price: 899 })).toBeNull();
    expect(statutoryClaim({ problem: 'changed_mind', wants: 'compensation', food: true, price: 99 })).toBeNull();
    expect(statutoryClaim({ problem: 'counterfeit', wants: 'compensation', price: 899, privateSeller: true })).toBeNull();
  });
});
