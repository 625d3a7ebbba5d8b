/**
 * Trial 12 (F22, F12, F10): a wish for one part's money, a price difference or the whole sum of a
 * deposit order keeps the sum the buyer named, and the letters name it.
 */
import { describe, expect, it } from 'vitest';
import { askedSum } from '../../src/nlu/amounts.ts';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';
import type { Outbound } from '../../src/domain/index.ts';

const bodies = (out: Outbound[]) => drafts(out).map((m) => m.body ?? m.text).join('\n');


describe('English sums asked back with "the" or "the difference"', () => {
  it.each([
    ['please refund the ¥48 for the lost charger', 48],
    ['i want compensation for the difference of 260', 260],
    ['compensation for the price difference of 1200 please', 1200],
  ])('%s', (text, sum) => {
    expect(askedSum(text)).toBe(sum);
  });

  it('a count after "the" is no sum', () => {
    expect(askedSum('please refund the 2 towels')).toBeNull();
    expect(askedSum('refund the 3 items that broke')).toBeNull();
  });

  it.each([
    ['taobao order 5566778899001122334, only one of the two speakers came. refund the $22 for the missing one', '退款 22美元'],
    ['jd order 7788990011223, the seller cancelled and relisted it pricier; i want compensation for the difference of 480', '部分退款 480 元'],
  ])('the letter names it: %s', (text, words) => {
    const body = bodies(new EngineHarness().send(text));
    expect(body).toContain(words);
    expect(body).not.toContain('请您提出具体金额');
  });
});

describe('one part of the order\'s money, asked back', () => {
  it.each([
    ['拼多多买了四个碗 订单号 251120-774411223344556 摔碎了一个 只退其中一个的钱 18 元', '18 元'],
    ['淘宝 订单号 4455667788990011223 两瓶洗发水漏了一瓶 把漏的那瓶的钱退我就行，39块', '39 元'],
  ])('is no return of the goods, and the sum stays: %s', (text, sum) => {
    const body = bodies(new EngineHarness().send(text));
    expect(body).toContain(sum);
    expect(body).not.toContain('退货退款');
  });

  it('a part refund named later replaces the wish and keeps the sum', () => {
    const h = new EngineHarness();
    h.send('唯品会买了三条毛巾 订单号 24113011223344 少发了一条 要补发');
    h.advance(5);
    const body = bodies(h.send('不用补了 退那一条的钱就行 12.5'));
    expect(body).toContain('12.50 元');
    expect(body).not.toContain('补发');
  });
});

describe('a full refund of an order paid with a deposit', () => {
  it('names the total the buyer gave, deposit included', () => {
    const h = new EngineHarness('2026-11-20T20:00:00+08:00');
    h.send('预售的空气净化器 定金100 尾款也付了 总价899 说好11月18日前发货 到现在还没发');
    h.send('淘宝 订单号 5512340098761234567');
    h.send('赶紧发货');
    h.advance(60);
    expect(bodies(h.send('不想等了，全额退款，定金也要退'))).toContain('退款 899 元');
  });

  it('without a deposit in the case, a refund wish names no new sum', () => {
    const h = new EngineHarness('2026-11-20T20:00:00+08:00');
    h.send('淘宝买的台灯 订单号 5512340098761239999 付了129 灯座裂了 要换货');
    h.advance(60);
    expect(bodies(h.send('不换了，全部退款吧'))).not.toContain('129 元');
  });
});
