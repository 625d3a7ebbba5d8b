/**
 * The order number said to be wrong with the right one beside it replaces the case's number at
 * once (no "another order?" menu), and every later letter carries it; a new number with no such
 * words still asks. Every sentence here is invented for these tests.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts, questions } from '../helpers/engine-harness.ts';

function following(): EngineHarness {
  const h = new EngineHarness('2026-11-24T14:00:00+08:00');
  h.send('京东买的空气净化器 订单 301928475610 开机有异响 要换货');
  expect(h.state.active!.phase).toBe('following');
  h.advance(20);
  return h;
}

describe('an explicit correction of the order number', () => {
  it.each([
    '订单号也不对，应该是 4917263548102938475',
    '单号发错了，是 4917263548102938475',
    '不是这个单号 正确的 4917263548102938475',
    '订单编号写错了 4917263548102938475 这个才对',
  ])('"%s" replaces the number without a menu', (said) => {
    const h = following();
    const out = h.send(said);
    expect(questions(out).filter((q) => q.slot === 'otherOrder')).toEqual([]);
    expect(h.state.active!.slots.orderId).toBe('4917263548102938475');
    h.advance(60);
    const later = drafts(h.send('收货日期是11月21号'), 'seller')[0]?.text ?? '';
    expect(later).toContain('4917263548102938475');
    expect(later).not.toContain('301928475610');
    const platform = drafts(h.send('卖家说这是正常声音，不给换'), 'platform')[0]!.text;
    expect(platform).toContain('订单号：4917263548102938475');
  });

  it('a new number with no word of a mistake still asks whether it is another order', () => {
    const h = following();
    const out = h.send('还有一个订单 4917263548102938475 也有问题');
    expect(questions(out).some((q) => q.slot === 'otherOrder')).toBe(true);
    expect(h.state.active!.slots.orderId).toBe('301928475610');
  });
});
