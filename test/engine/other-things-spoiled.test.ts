/**
 * Harm the goods did to the buyer's other things ("把我的白衬衫都染了", "漏出来把包弄脏了") stays in the
 * problem line: a claim for the loss rests on it. Every sentence here is invented for these tests.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';

describe('other things spoiled by the goods', () => {
  it.each([
    ['新买的牛仔裤第一次洗就掉色', '把我的白衬衫都染蓝了', '把我的白衬衫都染蓝了'],
    ['买的红色毛巾严重掉色', '一起洗的床单也被染成粉的了😭', '一起洗的床单也被染成粉的了'],
  ])('told while the case is collected: "%s" + "%s"', (first, more, kept) => {
    const h = new EngineHarness('2026-12-04T20:00:00+08:00');
    h.send(first);
    h.send(more);
    h.send('淘宝 订单 5820137946120458733');
    const letter = drafts(h.send('退货退款'), 'seller')[0]!.text;
    expect(letter).toContain(kept);
  });

  it.each([
    ['洗衣液漏出来把包弄脏了', '漏出来把包弄脏了'],
    ['还染到了我的米色沙发上', '染到了我的米色沙发上'],
  ])('told once followed: "%s" redrafts the letter with it', (more, kept) => {
    const h = new EngineHarness('2026-12-04T20:00:00+08:00');
    h.send('京东订单 30291847561，买的洗衣液瓶盖没拧紧，到货就漏了，要退款');
    expect(h.state.active!.phase).toBe('following');
    h.advance(30);
    const letter = drafts(h.send(more), 'seller')[0]?.text ?? '';
    expect(letter).toContain(kept);
  });

  it('a sentence with 把 that spoils nothing adds nothing', () => {
    const h = new EngineHarness('2026-12-04T20:00:00+08:00');
    h.send('京东订单 30291847561，买的保温杯不保温，要退款');
    h.advance(30);
    h.send('把我气坏了');
    expect(h.state.active!.slots.problemText).not.toContain('气');
  });
});
