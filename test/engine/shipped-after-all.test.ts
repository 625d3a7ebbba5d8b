/**
 * An order reported not shipped that the seller then ships: the waybill (or the buyer saying it
 * shipped) makes it shipped, the letters stop saying it has not shipped, and the buyer hears they
 * may wait for the goods rather than press the refund.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';
import type { Outbound } from '../../src/domain/index.ts';

const all = (out: Outbound[]) => out.map((m) => m.text).join('\n');

function notShipped(): EngineHarness {
  const h = new EngineHarness('2026-11-20T10:00:00+08:00');
  h.send('京东买的空气净化器 订单号 51029384756 付款一周了 卖家一直没发货 要退款');
  expect(h.state.active?.slots.shipped).toBe(false);
  h.advance(60 * 30);
  return h;
}

describe('shipped after the buyer said it was not', () => {
  it('a waybill with "发了" marks it shipped and the letter no longer says it has not shipped', () => {
    const h = notShipped();
    const out = h.send('终于发了 中通 78123456789012');
    expect(h.state.active?.slots.shipped).toBe(true);
    const letter = drafts(out)[0]!;
    expect(letter.body).toContain('78123456789012');
    expect(letter.body).not.toMatch(/一直没发货|没有发货。/);
    expect(letter.body).toContain('之后才发出');
    expect(all(out)).toContain('卖家已经发货了');
  });

  it('"物流有信息了" with no waybill is news too, not left unanswered', () => {
    const h = notShipped();
    const out = h.send('刚看物流有信息了，在路上');
    expect(h.state.active?.slots.shipped).toBe(true);
    expect(all(out)).toContain('卖家已经发货了');
    expect(all(out)).not.toContain('我在跟进订单');
  });

  it('"还是没发" keeps it unshipped', () => {
    const h = notShipped();
    h.send('催了两次了还是没发');
    expect(h.state.active?.slots.shipped).toBe(false);
  });

  it('the buyer\'s own parcel going back is no shipment of the order', () => {
    const h = notShipped();
    h.send('我已经寄出了 顺丰 SF1234567890123');
    expect(h.state.active?.slots.shipped).toBe(false);
  });
});

describe('a promise to ship an order not shipped', () => {
  it('is recorded as a promise to ship, and its reminder asks whether it went out', () => {
    const h = notShipped();
    const said = h.send('客服说周五前一定发');
    expect(said.map((m) => m.text).join('\n')).toContain('卖家答应的期限');
    const nudge = h.tickHours(24 * 7);
    expect(nudge[0]!.text).toContain('寄出了吗');
  });

  it('the waybill told after that reminder is noted as the seller\'s shipment', () => {
    const h = notShipped();
    h.send('商家答应后天之前肯定发出');
    h.tickHours(24 * 3);
    h.send('发了 圆通 YT8812345678901');
    expect(h.state.active?.slots.shipped).toBe(true);
  });
});
