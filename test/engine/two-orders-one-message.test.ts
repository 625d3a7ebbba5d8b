/**
 * One message naming two orders with problems of their own: one case is one order. The case reads
 * the first order's part only, the buyer is told the second was noted for a case of its own, and
 * "把B单独弄一个" opens that case.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';

const keys = (out: readonly { key?: string }[]): string[] => out.map((m) => m.key ?? '');

const OPENING = '淘宝有两个订单都有问题 一个是洗洁精 订单号 3344556677889900 少发了两瓶；另一个是纸巾 订单号 3344556677881122 包装里面全是水渍 受潮了';

describe('two orders in one message', () => {
  it('opens the first order only and notes the second apart', () => {
    const h = new EngineHarness('2026-11-23T10:00:00+08:00');
    const out = h.send(OPENING);
    expect(keys(out)).toContain('otherOrder.splitNoted');
    expect(out.find((m) => m.key === 'otherOrder.splitNoted')!.text).toContain('3344556677881122');
    expect(h.state.active?.slots.orderId).toBe('3344556677889900');
    expect(h.state.active?.slots.problem).toBe('wrong_item');
    h.advance(2);
    const letters = drafts(h.send('补发'));
    expect(letters.length).toBeGreaterThan(0);
    for (const d of letters) {
      expect(d.text).not.toContain('纸巾');
      expect(d.text).not.toContain('3344556677881122');
    }
  });

  it('opens the second order\'s case when the buyer asks to split it', () => {
    const h = new EngineHarness('2026-11-23T10:00:00+08:00');
    h.send(OPENING);
    h.advance(2);
    h.send('补发');
    h.advance(3);
    const out = h.send('纸巾那个不是一个店 单独弄一个');
    expect(keys(out)).toContain('newCase');
    expect(h.state.active?.slots.orderId).toBe('3344556677881122');
  });

  it('leaves a message with one order alone', () => {
    const h = new EngineHarness('2026-11-23T10:00:00+08:00');
    const out = h.send('淘宝买的洗洁精 订单号 3344556677889900 少发了两瓶；另外快递员态度很差');
    expect(keys(out)).not.toContain('otherOrder.splitNoted');
  });
});
