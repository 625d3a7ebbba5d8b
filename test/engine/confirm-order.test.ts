/**
 * Confirmation menus confirm what happened, and come before what they shape:
 * - a middling reading of the seller's answer is held for confirmation only when the message
 *   reports the other side at all (a speaker, a quote, a verb of answering); the buyer's own wish or
 *   own evidence is not the seller's answer;
 * - a middling wish reading that completes the three elements is confirmed before the checklist and
 *   the letter it shaped, not after them.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness } from '../helpers/engine-harness.ts';

const keys = (out: readonly { key?: string }[]): string[] => out.map((m) => m.key ?? '');

describe('a seller reading held only when someone else answered', () => {
  it('the buyer restating what they want gets no "the seller said…" menu', () => {
    const h = new EngineHarness('2026-09-20T10:00:00+08:00');
    h.send('Bought a set of 6 glasses on Temu and only 4 came');
    h.send('Order number PO-211-55512345678901234');
    const ready = h.send('All I want is for them to ship the 2 glasses that are missing.');
    expect(h.state.active!.phase).toBe('following');
    expect(keys(ready)).not.toContain('confirm.reply');
    h.advance(3);
    expect(keys(h.send('I only want the missing glasses shipped, nothing else.'))).not.toContain('confirm.reply');
  });

  it('the buyer describing their own photos is not the seller asking for evidence', () => {
    const h = new EngineHarness('2026-09-20T10:00:00+08:00');
    h.send('小红书买的香水到手瓶子碎了，订单号 P782364519200001111，想退款');
    h.advance(5);
    const out = h.send('我有拍照片，但是没有开箱视频');
    expect(keys(out)).not.toContain('confirm.reply');
    expect(h.state.active!.timeline.some((e) => e.type === 'seller_needs_evidence')).toBe(false);
  });
});

describe('a wish confirmed before its letter', () => {
  it('the menu comes before the checklist and the seller letter', () => {
    const h = new EngineHarness('2026-09-21T12:30:00+08:00');
    h.send('饿了么外卖少了一瓶可乐');
    h.send('订单号 2409211230998877665');
    const out = h.send('退那瓶可乐的钱就行，5块');
    const k = keys(out);
    if (k.includes('confirm.wants')) {
      expect(k.indexOf('confirm.wants')).toBeLessThan(k.indexOf('draft.seller'));
      expect(k.indexOf('confirm.wants')).toBeLessThan(k.findIndex((x) => x.startsWith('checklist.')));
    } else {
      throw new Error(`no wish menu: ${k.join(', ')}`);
    }
  });
});
