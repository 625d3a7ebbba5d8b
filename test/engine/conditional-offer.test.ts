/**
 * A small sum offered if the buyer keeps the goods and leaves a good review is a counter-offer with
 * its terms (trial 5, problem 1): the record and the letters say what was offered and on what
 * condition, never that the seller asked the buyer to confirm receipt; the buyer's "no" to it brings
 * the platform letter at once, in English as in Chinese. A caption too long for a letter is cut
 * between words (problem 7).
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';

const ORDER = '8102937465501928';

describe('a sum offered on conditions', () => {
  it('English: the letter names the sum in dollars and both conditions, and "no" brings the platform letter at once', () => {
    const h = new EngineHarness('2026-12-02T20:00:00+08:00');
    h.send(`Hi, Taobao order ${ORDER}: the 1TB memory card I got is really 32GB, files break after that. I want a full refund.`);
    const offer = h.send('They said they would give me $6 back if I keep the card and give them five stars.');
    expect(offer.map((m) => m.key)).toContain('seller.counterOffer');
    expect(offer.some((m) => m.key?.includes('confirm_receipt'))).toBe(false);
    expect(h.state.active!.timeline.some((e) => e.type === 'confirm_first_asked')).toBe(false);
    const no = h.send('No, I will not take that.');
    const letter = drafts(no, 'platform')[0]!.text;
    expect(letter).toContain('卖家提出：若我保留商品并给五星好评，退我 6美元。我没有接受这个方案。');
    expect(letter).not.toContain('确认收货');
    expect(letter).toContain('the seller offered to refund me US$6 if I keep the item and leave a five-star review. I did not accept it.');
  });

  it('Chinese: "不用退回，好评返你12块" is the offer with its terms; "不接受" brings the platform letter', () => {
    const h = new EngineHarness('2026-12-02T20:00:00+08:00');
    h.send(`淘宝订单 ${ORDER}，买的台灯用了两天就不亮了，我要退款`);
    const offer = h.send('卖家说不用退回了，给个好评返我12块');
    expect(offer.map((m) => m.key)).toContain('seller.counterOffer');
    const letter = drafts(h.send('不接受'), 'platform')[0]!.text;
    expect(letter).toContain('卖家提出：若我保留商品并给好评，退我 12 元。我没有接受这个方案。');
    expect(letter).not.toContain('确认收货');
  });

  it('a demand to confirm receipt, in those words, is still one', () => {
    const h = new EngineHarness('2026-12-02T20:00:00+08:00');
    h.send(`淘宝订单 ${ORDER}，买的台灯用了两天就不亮了，我要退款`);
    const out = h.send('卖家让我先确认收货，再给我退款');
    expect(out.map((m) => m.key)).toContain('pitfall.confirm_receipt_first');
  });
});

describe('a long English caption in a letter', () => {
  // Trial 7 problem 14: a caption is given in full or not at all; in a Chinese letter an English one is not quoted.
  it('is not cut: the Chinese letter names the photo by its kind instead', () => {
    const h = new EngineHarness('2026-12-02T20:00:00+08:00');
    h.send(`Taobao order ${ORDER}: the 1TB memory card I got is really 32GB. I want a full refund.`);
    h.send({ type: 'media', kind: 'photo', caption: 'benchmark screenshot showing only 32GB usable capacity left', fileId: 'f1' });
    const letter = drafts(h.send('platform intervention'), 'platform')[0]!.text;
    expect(letter).not.toContain('benchmark screenshot');
    expect(letter).not.toMatch(/[A-Za-z]…/);
    expect(letter).toMatch(/照片（\d{4}年|（照片，\d{4}年/);
  });
});
