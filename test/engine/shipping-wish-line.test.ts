/**
 * Trial 7, problem 12: "运费商家出" is the buyer's wish about the return shipping. It goes with the wish
 * line of the seller and platform letters, never in the problem line; without a return parcel
 * (a refund only) it is not added.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';

const line = (text: string, lead: string): string => text.split('\n').find((l) => l.startsWith(lead))!;

describe('who pays the shipping goes with the wish (trial 7, problem 12)', () => {
  it('a return: the wish line says it, the problem line does not', () => {
    const h = new EngineHarness('2026-03-09T15:00:00+08:00');
    const out = h.send('京东订单 3301927765412098, 买的真丝睡衣，吊牌写桑蚕丝，摸着就是涤纶，申请退货退款，来回运费卖家出');
    const seller = drafts(out, 'seller')[0]!.text;
    expect(line(seller, '问题是：')).not.toContain('运费');
    expect(line(seller, '我希望')).toBe('我希望退货退款，运费由卖家承担。');
    const platform = drafts(h.send('平台介入'), 'platform')[0]!.text;
    expect(line(platform, '我的诉求：')).toBe('我的诉求：退货退款，运费由卖家承担。');
  });

  it('a refund only: nothing about shipping is added', () => {
    const h = new EngineHarness('2026-03-09T15:00:00+08:00');
    const seller = drafts(h.send('京东订单 3301927765412098, 买的真丝睡衣，摸着就是涤纶，运费卖家出，想退款'), 'seller')[0]!.text;
    expect(seller).not.toContain('运费');
  });
});
