/**
 * "催…发货，不发就退": the buyer wants the goods first and money back only as the fallback — the wish is
 * kept whole in the letter, never cut down to the refund.
 */
import { describe, expect, it } from 'vitest';
import { conditionalWish } from '../../src/nlu/index.ts';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';

describe('an urged shipment with a refund as the fallback', () => {
  it('reads the shipment as the wish and the refund as its fallback', () => {
    expect(conditionalWish('帮我催发货，再不发就退钱')).toBe('发货（否则退钱）');
    expect(conditionalWish('催促商家尽快发出，否则取消订单')).toBe('尽快发出（否则取消订单）');
  });

  it('the letter asks for the shipment first', () => {
    const h = new EngineHarness('2026-11-20T10:00:00+08:00');
    h.send('拼多多买的电暖器 订单号 240918273645 付款五天了一直没发货');
    h.advance(2);
    const out = h.send('催他们发货，不发就退款');
    const letter = drafts(out, 'seller')[0]!;
    expect(letter.body).toContain('发货（否则退款）');
    expect(letter.body).not.toContain('我希望申请退款');
  });
});
