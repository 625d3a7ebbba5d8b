/**
 * Once the platform is involved (trial 2): a time the platform gives is its own timer and its
 * reminder fires; a promise that did land on a later rung is not silently dropped; a ruling in the
 * buyer's favour reported with thanks closes the case instead of asking for arbitration again.
 */
import { describe, expect, it } from 'vitest';
import { platformRuling } from '../../src/nlu/ruling.ts';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';

const ORDER = '73018264950';

function atPlatform(): EngineHarness {
  const h = new EngineHarness('2026-11-16T09:00:00+08:00');
  h.send(`京东订单 ${ORDER}，耳机右边充不进电，要换货`);
  h.send('卖家说不给换');
  expect(h.state.active).toMatchObject({ phase: 'following', rung: 'platform' });
  return h;
}

describe('the platform stage', () => {
  it('reads a ruling reported, not asked for', () => {
    expect(platformRuling('介入结果出来了，平台判我赢')?.side).toBe('buyer');
    expect(platformRuling('京东仲裁已经通过')?.side).toBe('buyer');
    expect(platformRuling('我要申请仲裁')).toBeNull();
  });

  it('"京东客服说2个工作日内…" is the platform\'s timer, and its reminder fires after those working days', () => {
    const h = atPlatform();
    h.advance(30);
    const out = h.send('京东客服说会在2个工作日内给我处理结果');
    expect(out.map((m) => m.key)).toContain('platform.handlingTimer');
    const nudge = h.tickHours(24 * 3);
    expect(nudge[0]).toMatchObject({ kind: 'nudge' });
    expect(nudge[0]!.options?.map((o) => o.value)).toContain('regulator');
  });

  it('a ruling in the buyer\'s favour with thanks closes the case; no new arbitration request', () => {
    const h = atPlatform();
    const out = h.send('京东仲裁已经通过了，给我换新的，谢谢啦');
    expect(drafts(out)).toHaveLength(0);
    expect(h.state.active).toBeNull();
    expect(h.state.closed.at(-1)!.status).toBe('resolved');
  });

  it('a refund the platform ruled for that has not come: back to the platform with the ruling, then payment channel or 12315', () => {
    const h = new EngineHarness('2026-11-16T09:00:00+08:00');
    h.send(`京东订单 ${ORDER}，耳机右边充不进电，要退款`);
    h.send('卖家说不给退');
    h.advance(60);
    h.send('平台介入了，刚判下来支持我退款');
    const nudge = h.tickHours(24 * 8);
    expect(nudge.map((m) => m.key)).toContain('nudge.refund_arrival');
    const out = h.send('退款还没到账');
    const keys = out.map((m) => m.key);
    expect(keys).toContain('next.rulingNotPaid');
    expect(keys).not.toContain('next.platformAlready');
    const menu = out.find((m) => m.key === 'next.rulingNotPaid')!;
    expect(menu.options?.map((o) => o.value)).toEqual(expect.arrayContaining(['payment', 'regulator']));
    expect(h.state.active!.timeline.some((e) => e.type === 'refund_missing')).toBe(true);
  });

  it('a seller promise made after the case reached the platform still gets its reminder', () => {
    const h = atPlatform();
    const out = h.send('卖家又说24小时内给我答复');
    expect(out.map((m) => m.key)).toContain('promise.set');
    const nudge = h.tickHours(25);
    expect(nudge.map((m) => m.key)).toContain('nudge.seller_promise_later');
  });
});

describe('a refund agreed', () => {
  function agreed(): EngineHarness {
    const h = new EngineHarness('2026-11-16T09:00:00+08:00');
    h.send(`京东订单 ${ORDER}，收到的维生素片已经过期两个月了，想退款`);
    h.advance(60);
    h.send('卖家答应退款，说两天之内原路退回');
    return h;
  }

  it('is checked after the seller\'s own time, not a week later', () => {
    const h = agreed();
    const due = h.due.get('c1-refund_arrival')!;
    expect(due.getTime() - h.now.getTime()).toBeLessThanOrEqual(49 * 3600_000);
    expect(h.tickHours(49).map((m) => m.key)).toContain('nudge.refund_arrival');
  });

  it('"钱还没到账" after the agreement gives the platform draft, whether the check came or not', () => {
    const h = agreed();
    h.advance(60 * 24 * 5);
    const out = h.send('说好的钱到现在还没到账');
    expect(out.map((m) => m.key)).toContain('escalate.refundMissing');
    expect(drafts(out, 'platform')).toHaveLength(1);
    // The letter says what happened: the refund was agreed and has not arrived.
    expect(drafts(out, 'platform')[0]!.body).toContain('退款仍未到账');
  });
});
