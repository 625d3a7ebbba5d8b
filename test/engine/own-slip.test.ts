/**
 * Trial 8 problem 4: a buyer who fixes a slip in their own last message ("我打错字了，是商家说的")
 * is not asked for the order number again, and nothing in the record changes (whatever the reading
 * of the slip itself). "订单号写错了" with no number still asks for the right one.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness } from '../helpers/engine-harness.ts';
import { Turn } from '../../src/engine/turn.ts';
import { follow } from '../../src/engine/follow.ts';
import { emptyExtraction } from '../../src/nlu/index.ts';
import type { FollowingCase } from '../../src/domain/index.ts';

function inspected(): EngineHarness {
  const h = new EngineHarness('2026-06-09T10:00:00+08:00');
  h.send('淘宝订单 4055667788990011223，买的体温计测得一会高一会低，想退货退款');
  h.advance(5);
  h.send('卖家说要我先寄回去给他们检测');
  h.advance(5);
  return h;
}

const keys = (out: { key?: string }[]) => out.map((m) => m.key);

describe('a slip fixed by the buyer', () => {
  it.each(['我打错字了，是商家说的', '写错了 是卖家说的'])('%s: acknowledged, no order number asked', (said) => {
    const h = inspected();
    const before = structuredClone(h.state.active!.slots);
    const out = h.send(said);
    expect(out.filter((m) => m.kind === 'question')).toHaveLength(0);
    expect(keys(out)).toEqual(['amend.speakerSeller']);
    expect(h.state.pending?.slot).not.toBe('orderId');
    expect(h.state.active!.slots).toEqual(before);
  });

  it.each([
    { ...emptyExtraction(), intent: 'correction' as const, correction: true, problem: 'wrong_item' as const },
    { ...emptyExtraction(), intent: 'correction' as const, correction: true },
    emptyExtraction(),
  ])('whatever the reading, "不好意思说错了" changes nothing and asks nothing (%#)', (e) => {
    const h = inspected();
    const turn = new Turn(structuredClone(h.state), h.now, { timezone: 'Asia/Shanghai' });
    const c = turn.state.active as FollowingCase;
    const before = structuredClone(c.slots);
    const r = follow(turn, c, e, '不好意思说错了');
    expect(r.tag).toBe('acted');
    expect(c.slots).toEqual(before);
    expect(turn.out.map((m) => m.key)).toEqual(['amend.slipNoted']);
  });

  it('a correction that names the order number still asks for the right one', () => {
    const h = inspected();
    const out = h.send('订单号写错了');
    expect(h.state.pending?.slot).toBe('orderId');
    expect(keys(out)).toContain('amend.askOrderId');
  });
});
