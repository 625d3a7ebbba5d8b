/**
 * Trial 11: an English buyer names the partial refund they want; the compensation letter and the
 * platform letter carry that sum instead of asking the seller to propose one. A refund the buyer
 * says they got is no sum asked.
 */
import { describe, expect, it } from 'vitest';
import { askedSum } from '../../src/nlu/amounts.ts';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';

describe('the sum an English buyer asks back', () => {
  it.each([
    ["the teapot lid arrived chipped, i'd like a partial refund of ¥35", 35],
    ['please refund me 120 rmb for the missing charger', 120],
    ['compensation of 25 yuan would be fine', 25],
  ])('%s', (text, sum) => {
    expect(askedSum(text)).toBe(sum);
  });

  it('a refund that came, or a share, is no sum asked', () => {
    expect(askedSum('i got a refund of 20 yuan only')).toBeNull();
    expect(askedSum('they only gave me a partial refund of 15')).toBeNull();
    expect(askedSum('i want a refund of 50%')).toBeNull();
  });

  it.each([
    ['my jd order 6093847561203 - the desk lamp came with a cracked base. i want a partial refund of 45 yuan.', '部分退款 45 元'],
    ['tmall order 7710293847561029384, the rice cooker arrived damaged, could i get compensation of ¥150', '部分退款 150 元'],
  ])('the letter names it: %s', (text, words) => {
    const h = new EngineHarness();
    const body = drafts(h.send(text), 'seller').map((m) => m.body ?? m.text).join('\n');
    expect(body).toContain(words);
    expect(body).not.toContain('请您提出具体金额');
  });
});
