/**
 * Right after /new the earlier case is parked, still open: a buyer asking where it went is told so,
 * with /cases and how to switch back, and the new case's question follows (buyer trial 3).
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness } from '../helpers/engine-harness.ts';

const ORDER = '3827104659218374650';

describe('asking after the earlier case right after /new', () => {
  it('says it is parked, open, points to /cases and how to switch back, then asks for the order number again', () => {
    const h = new EngineHarness();
    h.send(`淘宝订单 ${ORDER}，电热毯插上电不发热，想换货`);
    h.advance(5);
    h.command('new');
    h.advance(2);
    for (const asked of ['我上一单还没弄好呢', '上一个还没搞定，怎么就没了']) {
      const out = h.send(asked);
      const text = out.map((m) => m.text).join('\n');
      expect(text).toContain('/cases');
      expect(text).toMatch(/先放着：提醒照常/);
      expect(text).toContain(ORDER);
      expect(h.state.parked!.map((c) => c.id)).toEqual(['c1']);
      expect(text).not.toContain('没找到订单号');
      expect(out.at(-1)).toMatchObject({ kind: 'question', slot: 'orderId' });
    }
  });

  it('takes the new case\'s facts as usual', () => {
    const h = new EngineHarness();
    h.send(`淘宝订单 ${ORDER}，电热毯插上电不发热，想换货`);
    h.command('new');
    const out = h.send('京东 订单 40917263548 收到的台灯灯罩碎了？');
    expect(out.map((m) => m.text).join('\n')).not.toContain('/export c1');
    expect(h.state.active!.slots.orderId).toBe('40917263548');
  });

  it('a question about the new case\'s order number is answered as that', () => {
    const h = new EngineHarness();
    h.send(`淘宝订单 ${ORDER}，电热毯插上电不发热，想换货`);
    h.command('new');
    const out = h.send('这次的单号去哪找？');
    expect(out.map((m) => m.key)).toContain('answer.ask_where_order_id');
    expect(out.map((m) => m.text).join('\n')).not.toContain('/export c1');
  });
});
