/**
 * Collecting does not hold the buyer up (buyer trial 3): a question about where the order number
 * is gets the answer for their platform, and the seller's news while the wish is asked counts as
 * an answer that did not give it, so the first letter comes after one re-ask at the most.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts, questions } from '../helpers/engine-harness.ts';

const texts = (out: { text: string }[]) => out.map((m) => m.text).join('\n');

describe('collecting at the buyer\'s pace', () => {
  it('answers where the order number is instead of saying none was found', () => {
    const h = new EngineHarness();
    h.send('京东买的电动牙刷充不进电');
    expect(h.state.pending?.slot).toBe('orderId');
    const out = h.send('单号我找不着，去哪儿看');
    expect(out.map((m) => m.key)).toContain('answer.ask_where_order_id');
    expect(texts(out)).toContain('我的订单');
    expect(texts(out)).not.toContain('没找到订单号');
    expect(questions(out).at(-1)?.slot).toBe('orderId');
    expect(h.state.active!.slots.platform).toBe('jd');
  });

  it('a buyer who keeps not finding it is offered to skip, as after any answers without the number', () => {
    const h = new EngineHarness();
    h.send('京东买的电动牙刷充不进电');
    h.send('单号我找不着，去哪儿看');
    h.send('还是找不到');
    const out = h.send('到底在哪？');
    expect(questions(out).at(-1)?.slot).toBe('stuck');
  });

  it('sends the first letter when the seller\'s news comes after the wish was asked twice', () => {
    const h = new EngineHarness();
    h.send('京东订单 302918475610 买的电动牙刷充不进电');
    expect(h.state.pending?.slot).toBe('wants');
    h.advance(2);
    h.send('我也不知道该要啥');
    h.advance(300);
    const out = h.send('客服说后天给我回话');
    expect(drafts(out, 'seller')).toHaveLength(1);
    expect(h.state.active!.phase).toBe('following');
  });

  it('still asks the wish again once after the seller\'s news', () => {
    const h = new EngineHarness();
    h.send('京东订单 302918475610 买的电动牙刷充不进电');
    const out = h.send('客服说后天给我回话');
    expect(questions(out).at(-1)?.slot).toBe('wants');
    expect(drafts(h.send('客服又说要先查一下'), 'seller')).toHaveLength(1);
  });
});
