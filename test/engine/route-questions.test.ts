/**
 * Direct questions about where to turn get their answer, not a letter in their place: which office,
 * which step first, whether the fight can go on after a ruling, what court costs, a chargeback asked
 * beside a refused offer; "12315投诉" asked by name gets the 12315 text; giving up closes the case.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, throughIntake } from '../helpers/engine-harness.ts';
import type { Outbound } from '../../src/domain/index.ts';

const keys = (out: readonly Outbound[]): string[] => out.map((m) => m.key ?? '');
const drafts = (out: readonly Outbound[]): string[] => out.filter((m) => m.kind === 'draft').map((m) => m.to ?? '');

/** A followed case on the seller rung, its letter handed over. */
function followed(first: string): EngineHarness {
  const h = new EngineHarness('2026-08-11T09:00:00+08:00');
  throughIntake(h, first, '退款');
  return h;
}

describe('which office', () => {
  it('is answered as a question, and the step stays the seller letter', () => {
    const h = followed('京东买的电热毯 订单号 302918475610 通电后有焦味 要退货退款');
    h.advance(2);
    const out = h.send('这种情况是找消协还是找市场监管局？');
    expect(keys(out)).toContain('routes.whichOffice');
    expect(keys(out)).toContain('routes.sellerStep');
    expect(drafts(out)).toEqual([]);
    const c = h.state.active!;
    expect(c.phase === 'following' && c.rung).toBe('seller');
  });

  it('for medicine sent wrong, adds: do not take it, keep the box and its batch number', () => {
    const h = followed('拼多多买的感冒药 订单号 250811-591028374615203 发来的是别的药 要退款');
    h.advance(2);
    const out = h.send('药发错了应该去哪个部门投诉');
    expect(keys(out)).toContain('routes.medicineSafety');
    expect(out.map((m) => m.text).join('\n')).toContain('批号');
    expect(drafts(out)).toEqual([]);
  });

  it('"找卖家还是找平台" names no office: not this answer', () => {
    const h = followed('淘宝买的雨伞 订单号 2039184756102938471 骨架断了 要换货');
    h.advance(2);
    expect(keys(h.send('我是先找卖家还是找平台？'))).not.toContain('routes.whichOffice');
  });
});

describe('which first', () => {
  it('the seller letter first, when the buyer says it was not sent', () => {
    const h = followed('淘宝买的台灯 订单号 2039184756102938472 开关坏了 要换货');
    h.advance(60);
    const out = h.send('我还没联系卖家呢 信和平台那个 先发哪个');
    expect(keys(out)).toEqual(['routes.sellerFirst']);
  });
});

describe('after the platform ruled', () => {
  it('"还能继续争吗" beside the ruling is answered before the ruling is acted on', () => {
    const h = followed('淘宝买的跑步机 订单号 2039184756102938473 电机异响 要退货退款');
    h.advance(60);
    h.send('卖家拒绝了');
    h.advance(60 * 48);
    const out = h.send('平台判了 只给退一半 我还有别的办法吗');
    expect(keys(out)[0]).toBe('routes.keepGoing');
  });
});

describe('court costs', () => {
  it('the lawsuit answer says who tells the cost, with no figure', () => {
    const h = followed('抖音买的扫地机 订单号 6938201177000011111 不充电 要退款');
    h.advance(5);
    const out = h.send('起诉的话诉讼费大概多少');
    const said = out.map((m) => m.text).join('\n');
    expect(said).toContain('法院');
    expect(said).toContain('问清楚收费');
    expect(said).not.toMatch(/\d+\s*元/);
  });
});

describe('a chargeback asked while refusing the offer', () => {
  it('gets its answer before the platform letter', () => {
    const h = followed('天猫买的吹风机 订单号 2039184756102938474 吹两次就不热了 要退款');
    h.advance(60);
    h.send('客服说可以补偿20元优惠券');
    h.advance(5);
    const out = h.send('优惠券我不要 可以直接找信用卡拒付吗');
    const k = keys(out);
    expect(k).toContain('payment.afterPlatform');
    expect(out.findIndex((m) => m.kind === 'draft' && m.to === 'platform')).toBeGreaterThan(k.indexOf('payment.afterPlatform'));
  });
});

describe('12315 asked for by name with a new wish', () => {
  it('gives the 12315 text, not the step letter again', () => {
    const h = followed('淘宝买的保温壶 订单号 2039184756102938475 漏水 要退货退款');
    h.advance(60);
    h.send('卖家拒绝了 说是我摔的');
    h.advance(5);
    const out = h.send('直接去12315告他 我要退款');
    expect(drafts(out)).toContain('regulator');
    expect(drafts(out)).not.toContain('platform');
  });
});

describe('giving up', () => {
  it('"算了，不值得" closes the case and stops its reminders', () => {
    const h = followed('美团买的奶茶 订单号 8301928374610293 少了一杯 要退款');
    h.advance(10);
    const out = h.send('算了吧 十几块钱 不值得折腾');
    expect(keys(out)).toEqual(['cancelled']);
    expect(h.state.active).toBeNull();
    h.advance(60 * 24 * 3);
    expect(h.tick()).toEqual([]);
  });

  it('a /cancel typed after words closes it too; "算了还是换货吧" does not', () => {
    const h = followed('京东买的鼠标 订单号 302918475611 左键失灵 要退款');
    h.advance(10);
    expect(keys(h.send('算了还是换货吧'))).not.toContain('cancelled');
    h.advance(10);
    expect(keys(h.send('不想弄了 /cancel'))).toEqual(['cancelled']);
  });
});
