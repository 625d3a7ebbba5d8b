/**
 * Buyer trial 12: the buyer's wish is what they asked for. Turning the seller's partial offer down
 * or passing on what a courier said names a remedy without asking for it: the wish on record (and
 * its sum) stays, and the refusal goes on the record as the offer not accepted.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';

const ORDER = '5120348876091234507';
const wishLine = (text: string): string => text.split('\n').find((l) => l.startsWith('我的诉求：') || l.startsWith('我希望'))!;

describe('a remedy named without asking for it leaves the wish as it was', () => {
  it('"凭什么只退一部分" after a partial offer: still a return with a refund, and the offer is not accepted', () => {
    const h = new EngineHarness('2026-12-03T19:00:00+08:00');
    h.send(`京东订单 ${ORDER}，买的电动牙刷用了两天就充不进电，要退货退款，付了349元`);
    h.send('卖家说只能退一部分，因为刷头拆封了');
    const out = h.send('凭什么只退一部分，刷头我根本没用过');
    expect(h.state.active!.slots.wants).toBe('return_refund');
    expect(out.some((m) => m.text.includes('已更正诉求'))).toBe(false);
    const platform = drafts(h.send('申请平台介入'), 'platform').at(-1)!.text;
    expect(wishLine(platform)).toBe('我的诉求：退货退款。');
    expect(platform).not.toContain('合理补偿');
    expect(platform).toContain('我没有接受');
  });

  it('"不可能退一半" and "half? no way": the wish stays a refund', () => {
    for (const rejection of ['不可能退一半，我只是拆开看了一眼', 'half? no way, I only opened the box']) {
      const h = new EngineHarness('2026-12-03T19:00:00+08:00');
      h.send(`拼多多订单 ${ORDER}，蓝牙音箱有杂音，想退款`);
      h.send('商家说最多退一半');
      h.send(rejection);
      expect(h.state.active!.slots.wants).toBe('refund');
    }
  });

  it('a courier\'s words passed on ("顺丰说应该卖家去理赔") do not change a reshipment', () => {
    const h = new EngineHarness('2026-12-03T10:00:00+08:00');
    h.send(`淘宝订单 ${ORDER}，买的台灯 268元，物流显示签收了但我没收到，要补发`);
    h.send('卖家说签收了就不管了');
    const out = h.send('顺丰说丢件应该卖家去申请理赔，赔偿不归我找');
    expect(h.state.active!.slots.wants).toBe('reship');
    expect(out.some((m) => m.text.includes('已更正诉求'))).toBe(false);
    const regulator = drafts(h.send('12315'), 'regulator').at(-1)!.text;
    expect(regulator).not.toContain('合理补偿');
  });

  it('an own ask beside the refusal changes the wish ("没门，我要求全额退款", "no way…, I want a full refund")', () => {
    for (const ask of ['只退一半？没门，我要求全额退款', "half? no way, I want a full refund"]) {
      const h = new EngineHarness('2026-12-03T19:00:00+08:00');
      h.send(`抖音订单 ${ORDER}，羊毛围巾起球严重，想换一条`);
      h.send('商家说换不了，可以退一半');
      h.send(ask);
      expect(h.state.active!.slots.wants).toBe('refund');
    }
  });
});
