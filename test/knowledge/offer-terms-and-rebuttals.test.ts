/**
 * What a counter-offer holds and what a blamed buyer says back, read from the buyer's words (trial 11
 * F8, F11, F12). Every sentence here is invented for these tests.
 */
import { describe, expect, it } from 'vitest';
import { offerNote, offerTerms, parseOfferNote } from '../../src/knowledge/conditional-offer.ts';
import { blamesBuyer, rebuttals } from '../../src/knowledge/rebuttal.ts';

describe('offerTerms', () => {
  it('reads the sum, what it is, what was said no to and the conditions', () => {
    expect(offerTerms('客服说退货不行，补偿15块，水壶你留着', 'return_refund')).toEqual({ amount: 15, currency: 'CNY', conditions: ['keep'], give: 'comp', declined: 'return' });
    expect(offerTerms('店家说不给换，补我10元差价，鞋子自己留着穿', 'exchange')).toMatchObject({ amount: 10, give: 'comp', declined: 'exchange', conditions: ['keep'] });
    expect(offerTerms('卖家说可以退，运费你自己出，另外返你5块', 'return_refund')).toMatchObject({ amount: 5, give: 'refund', conditions: ['postage'] });
    expect(offerTerms('They said no return, but they would give $7 back if I keep it', 'return_refund')).toMatchObject({ amount: 7, currency: 'USD', give: 'refund', declined: 'return', conditions: ['keep'] });
  });

  it('a bare "不退" is a no to the wish asked; "不给退款，只能退30" refuses only the whole refund', () => {
    expect(offerTerms('卖家说不退，最多补偿30', 'return_refund')).toMatchObject({ declined: 'return', give: 'comp' });
    expect(offerTerms('卖家说不退，最多补偿30', 'refund')).toMatchObject({ declined: 'refund' });
    expect(offerTerms('卖家说不给退款，只能退30', 'refund')).not.toHaveProperty('declined');
  });

  it('a part refunded with the rest refused, with what it was for when said', () => {
    expect(offerTerms('商家说退了12块薯条的钱，汉堡不退', 'refund')).toMatchObject({ amount: 12, paid: true, paidFor: '薯条' });
    expect(offerTerms('卖家退了40，剩下的不给退', 'refund')).toMatchObject({ amount: 40, paid: true });
    expect(offerTerms('卖家退了40，剩下的不给退', 'refund')).not.toHaveProperty('paidFor');
  });

  it('gives nothing it cannot read: two sums, no sum, a coupon', () => {
    expect(offerTerms('卖家说只能退20，或者补5块', 'refund')).toBeNull();
    expect(offerTerms('卖家说只能退一半', 'refund')).toBeNull();
    expect(offerTerms('卖家说送我一张15元店铺券', 'refund')).toBeNull();
  });

  it('survives the record: the note reads back as written', () => {
    for (const text of ['客服说退货不行，补偿15块，水壶你留着', '商家说退了12块薯条的钱，汉堡不退', '卖家说只能给20块']) {
      const terms = offerTerms(text, 'return_refund')!;
      expect(parseOfferNote(offerNote(terms))).toEqual(terms);
    }
  });
});

describe('rebuttals', () => {
  it('reads what the buyer says they did not do, or how it arrived, and nothing more', () => {
    expect(rebuttals('胡说，我压根没动过它')).toEqual(['untouched']);
    expect(rebuttals('到手就这样，我一次都没摔过')).toEqual(['arrived_so', 'not_dropped']);
    expect(rebuttals('I never dropped it, it arrived like this')).toEqual(['arrived_so', 'not_dropped']);
    expect(rebuttals('我从来没碰过水')).toEqual(['no_water']);
    expect(rebuttals('好的，我等等')).toEqual([]);
    // An unboxing video the buyer has is named; one they did not film is not.
    expect(rebuttals('快递一到我就录了开箱视频，压根没动过')).toEqual(['untouched', 'unboxing_video']);
    expect(rebuttals('We filmed the unboxing video, it arrived like this')).toEqual(['arrived_so', 'unboxing_video']);
    expect(rebuttals('开箱视频没拍，不过我从没摔过')).toEqual(['not_dropped']);
    expect(rebuttals("I didn't take an unboxing video but I never dropped it")).toEqual(['not_dropped']);
  });

  it('knows a seller blaming the buyer', () => {
    expect(blamesBuyer('是人为损坏')).toBe(true);
    expect(blamesBuyer('说是你自己摔坏的')).toBe(true);
    expect(blamesBuyer('使用不当造成的')).toBe(true);
    expect(blamesBuyer('仓库发错了')).toBe(false);
  });
});
