/**
 * Trial 12 F11: "差的钱谁出" on a followed case gets a direct answer from the record — a return of
 * goods at fault ships at the business's cost (消法 第二十四条), so the postage still missing is asked
 * of the seller with a short letter naming the sum; a refund short of the price gets its sums and
 * the shortfall letter. Not the case's generic line.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';
import type { Outbound } from '../../src/domain/index.ts';

const texts = (out: Outbound[]) => out.map((m) => m.text).join('\n');
const bodies = (out: Outbound[]) => drafts(out, 'seller').map((m) => m.body ?? m.text).join('\n');

function returning(opening: string, sellerSays: string): EngineHarness {
  const h = new EngineHarness('2026-11-24T09:00:00+08:00');
  h.send(opening);
  h.advance(20);
  h.send(sellerSays);
  h.advance(5);
  return h;
}

describe('who pays the postage still missing', () => {
  it.each([
    ['淘宝买的电饭煲 订单号 3398765432100011122 内胆涂层起皮 要退货退款', '卖家同意退货，但是说运费我自己出', '运费险赔了8块，我寄回去花了20，剩下的12块谁来出？', '12 元'],
    ['拼多多买的登山鞋 订单号 251120-665544332211009 走了一天鞋帮就裂了 要退货退款', '商家同意退，但说运费得我自己付', '那差的7块钱谁出 鞋子本来就是坏的', '7 元'],
  ])('zh: %s', (opening, sellerSays, question, sum) => {
    const h = returning(opening, sellerSays);
    const out = h.send(question);
    expect(texts(out)).toContain('第二十四条');
    expect(texts(out)).not.toContain('我在跟进订单');
    const body = bodies(out);
    expect(body).toContain(`还有 ${sum}没有得到补偿`);
    expect(body).toContain('第二十四条');
  });

  it('en: the remaining sum, with the letter and its translation', () => {
    const h = returning(
      'JD order 55443322110 - the kettle stopped heating after a week. I want to return it for a refund.',
      'Seller agreed to the return but says I pay the shipping back',
    );
    const out = h.send('insurance covered 6 and the courier charged 15, who pays the remaining 9?');
    expect(texts(out)).toContain('Article 24');
    expect(bodies(out)).toContain('还有 9 元没有得到补偿');
    expect(texts(out)).not.toContain("I'm following the case");
  });

  it('a no-reason return gets no letter claiming the seller owes the postage', () => {
    const h = new EngineHarness('2026-11-24T09:00:00+08:00');
    h.send('抖音买的卫衣 订单号 4455667788990011 不喜欢 七天无理由退货 11月22日签收的');
    h.advance(20);
    h.send('卖家同意退货了，运费我自己出');
    h.advance(5);
    const out = h.send('运费险赔了5块，差的4块谁出');
    expect(bodies(out)).not.toContain('第二十四条');
  });
});

describe('the rest of a refund that came short', () => {
  it('states the sums on the record and hands over the shortfall letter', () => {
    const h = returning('京东买的空气炸锅 订单号 77665544001 加热管不热 要退货退款 付了430', '卖家同意退货退款了');
    h.advance(3 * 24 * 60);
    h.send('退款到了 只退了400');
    h.advance(10);
    const out = h.send('那剩下的30块呢');
    expect(texts(out)).toContain('¥30.00');
    expect(drafts(out).map((m) => m.key)).toContain('draft.refund_shortfall');
    expect(texts(out)).not.toContain('我在跟进订单');
  });
});

describe('the rest of a sum the seller offered only part of', () => {
  it('says whether the part must be taken and offers the next step', () => {
    const h = returning('淘宝买的陶瓷茶具 订单号 3311002299887766554 收到就碎了两个杯子 要退款 付了260', '卖家不同意全退，说最多退150');
    const out = h.send('那剩下的110谁出？');
    expect(texts(out)).toContain('第二十条');
    expect(texts(out)).toContain('不是你必须接受的');
    expect(out.some((m) => m.options?.some((o) => o.value === 'platform'))).toBe(true);
    expect(texts(out)).not.toContain('我在跟进订单');
  });
});
