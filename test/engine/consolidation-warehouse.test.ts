/**
 * Goods sent to a consolidation warehouse (集运仓) and forwarded abroad: the buyer who asks what to do
 * hears that the seller's delivery ends at the warehouse address they gave, and money the forwarder
 * paid is recorded as the forwarder's, not as a refund from the seller.
 */
import { describe, expect, it } from 'vitest';
import type { Outbound } from '../../src/domain/index.ts';
import { EngineHarness } from '../helpers/engine-harness.ts';

const said = (out: Outbound[]) => out.map((m) => m.text).join('\n');

function forwardedCase(start = '2026-11-10T12:00:00+08:00'): EngineHarness {
  const h = new EngineHarness(start);
  h.send('淘宝买的台灯寄去集运仓再转运到澳门，收到灯罩裂了，订单号 3861207745512093316，付了268，要退款');
  h.advance(60 * 20);
  return h;
}

describe('goods forwarded through a consolidation warehouse', () => {
  it('the buyer asking what to do hears which leg is the seller\'s', () => {
    const h = forwardedCase();
    const out = h.send('卖家说货到集运仓签收时是好的，后面的转运他们不负责，那我怎么办？');
    const text = said(out);
    expect(text).toContain('集运仓');
    expect(text).toMatch(/送到你下单时填的收货地址/u);
    expect(text).toMatch(/找集运公司/u);
  });

  it('in Cantonese, the answer stays in Traditional characters', () => {
    const h = forwardedCase();
    const out = h.send('賣家話件貨去到集運倉嗰陣冇事，之後嘅運輸唔關佢事，咁點辦好？');
    expect(said(out)).toMatch(/集運倉/u);
  });

  it('says nothing of legs when no consolidation warehouse is named', () => {
    const h = forwardedCase();
    const out = h.send('卖家不理我了，怎么办？');
    expect(said(out)).not.toMatch(/收货地址，这里就是集运仓/u);
  });

  it('records money the forwarder paid as theirs, in its currency, and the letters say so', () => {
    const h = forwardedCase();
    h.send('卖家拒绝了');
    h.advance(60 * 24);
    const out = h.send('集运公司那边最后赔了我港币90，平台也说卖家没责任');
    expect(said(out)).toMatch(/集运公司赔给你 90/u);
    const entry = h.state.active?.timeline.find((e) => e.type === 'third_party_paid');
    expect(entry?.note).toBe('sum:90 by:集运公司 currency:HKD');
    h.advance(10);
    const letters = said(h.send('12315投诉'));
    expect(letters).toMatch(/集运公司就这次损失赔给我/u);
    expect(letters).toContain('不是卖家的退款');
  });

  it('reads an English forwarder payment too', () => {
    const h = forwardedCase();
    const out = h.send('The forwarder paid me HK$75 for the damage in the end.');
    expect(h.state.active?.timeline.some((e) => e.type === 'third_party_paid' && e.note.startsWith('sum:75'))).toBe(true);
    expect(said(out)).toMatch(/75/);
  });
});
