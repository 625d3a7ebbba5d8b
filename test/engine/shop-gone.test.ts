/**
 * A shop that is gone (closed for good, run off, its phone off) will not answer a letter: like a
 * seller who blocked the buyer, the next step is the platform's own service, at once, and the
 * letter says only what the buyer told — that the shop could not be reached.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';

describe('a shop that is gone', () => {
  it('told with the complaint: no seller letter with a deadline, the platform letter says the shop cannot be reached', () => {
    for (const first of [
      '美团上买的瑜伽次卡 899 元，订单号 9012445577001122，上完4节课店就倒闭了，老板也失联了',
      '大众点评团购的洗车卡 299，订单号 9012445577001133，今天去发现店面贴着转让，店长手机一直关机',
    ]) {
      const h = new EngineHarness('2026-11-10T09:00:00+08:00');
      h.send(first);
      const out = h.send('退款');
      expect(drafts(out, 'seller')).toHaveLength(0);
      const letter = drafts(out, 'platform')[0]!.text;
      expect(letter).toContain('我联系不上商家');
      expect(letter).not.toContain('卖家一直没有回复');
      expect(out.some((m) => m.key === 'seller.gone')).toBe(true);
      // A shop closed down mid-way is a service not provided, or 'other' where the words say only that it is gone.
      expect(['not_received', 'other']).toContain(h.state.active!.slots.problem);
    }
  });

  it('told mid-case: the seller step ends and the platform letter follows', () => {
    const h = new EngineHarness('2026-11-10T09:00:00+08:00');
    h.send('淘宝买的按摩椅漏油，订单号 4102938475610293，要退货退款');
    h.advance(60 * 30);
    const out = h.send('商家客服电话打不通，旺旺也不回，店铺都搜不到了，好像跑路了');
    expect(h.state.active!.phase === 'following' && h.state.active!.rung).toBe('platform');
    expect(drafts(out, 'platform')[0]!.text).toContain('我联系不上商家');
  });

  it("a courier's or rider's phone off is not the shop gone", () => {
    const h = new EngineHarness('2026-11-10T09:00:00+08:00');
    h.send('拼多多买的电热毯一直没到，订单号 241110-093847561029384，要退款');
    h.advance(60);
    const out = h.send('快递员电话一直打不通');
    expect(out.some((m) => m.key === 'seller.gone')).toBe(false);
    expect(h.state.active!.timeline.some((e) => e.note === 'gone')).toBe(false);
  });

  it('a refusal given before the phone went dead stays a refusal', () => {
    const h = new EngineHarness('2026-11-10T09:00:00+08:00');
    h.send('抖音买的烤箱不加热，订单号 5012938475610293，想退货退款');
    h.advance(60);
    h.send('商家说用过了不给退，现在电话也关机了');
    expect(h.state.active!.timeline.some((e) => e.type === 'seller_refused')).toBe(true);
  });
});
