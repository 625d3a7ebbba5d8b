/**
 * Short messages after a warning or a reminder are acted on, not answered with the general
 * "following your case" line (trial 6 s06, s04, s12).
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness } from '../helpers/engine-harness.ts';

const keys = (out: readonly { key?: string }[]): string[] => out.map((m) => m.key ?? '');

describe('after a warning or a reminder', () => {
  it('"不接受" after the private-transfer warning refuses the offer: the platform letter', () => {
    const h = new EngineHarness('2026-11-12T12:00:00+08:00');
    h.send('小红书买的牛肉干 打开发霉了 订单号 P2611129988776655 要退款');
    expect(h.state.active!.phase).toBe('following');
    h.advance(90);
    expect(keys(h.send('店家说加他微信私下转我30块，要我把差评删掉'))).toContain('pitfall.private_transfer');
    h.advance(600);
    const out = h.send('我不接受');
    expect(keys(out)).not.toContain('followingCase');
    expect(keys(out)).toContain('draft.platform');
  });

  it('"money still not back" after the refund-due reminder: the next step for a late refund', () => {
    const h = new EngineHarness('2026-11-08T10:00:00+08:00');
    h.send('抖音买的半身裙 订单号 6928371234509876543 不喜欢 想七天无理由退货退款，11月7日签收的');
    expect(h.state.active!.phase).toBe('following');
    h.advance(60);
    h.send('退货寄出了，单号 SF1420011223344');
    h.advance(60 * 24);
    expect(keys(h.send('物流显示商家今天签收退货了'))).toContain('return.refundDue');
    const nudged = h.tickHours(24 * 8);
    expect(keys(nudged)).toContain('nudge.refund_due');
    h.advance(30);
    const out = h.send('款到现在还没退，还得等多久？');
    expect(keys(out)).not.toContain('followingCase');
    expect(keys(out)).toContain('escalate.refundMissing');
    expect(keys(out)).toContain('draft.platform');
  });

  it('"cancel the order and refund" said again: the wish kept and the letter handed over again', () => {
    const h = new EngineHarness('2026-11-24T19:00:00+08:00');
    h.send('得物上买的运动裤 付款一周了还没发货 订单号 110055443322110099');
    h.send('退款');
    expect(h.state.active!.phase).toBe('following');
    h.advance(30);
    h.send('客服说24小时内肯定发');
    h.tickHours(37);
    h.advance(60);
    const out = h.send('还没发 我要取消订单退款');
    expect(keys(out)).not.toContain('followingCase');
    // "24小时内肯定发" for an order not shipped is a promise to ship: "还没发" answers its reminder as not kept.
    expect(keys(out)).toContain('promiseCheck.notKept');
    expect(out.some((m) => m.kind === 'draft' || m.key === 'draft.same')).toBe(true);
    expect(h.state.active!.slots.wants).toBe('refund');
  });
});
