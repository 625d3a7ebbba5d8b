/**
 * Right after /new, a message that points back at the earlier (parked) case fills nothing in the new
 * one: naming its goods goes back to it, otherwise the buyer is told where it is (trial 6 s08).
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness } from '../helpers/engine-harness.ts';

const ORDER = '3987711122233344455';

function afterNew(): EngineHarness {
  const h = new EngineHarness('2026-11-20T09:00:00+08:00');
  h.send(`天猫订单 ${ORDER}，空气净化器开机就报警，想退货退款`);
  expect(h.state.active!.phase).toBe('following');
  h.advance(60);
  h.command('new');
  h.advance(1);
  return h;
}

describe('a message about the earlier case right after /new', () => {
  it('"抱歉按错了，净化器那个还没完" goes back to the purifier case; the new case, empty, is dropped', () => {
    const h = afterNew();
    const out = h.send('抱歉按错了，净化器那个还没完');
    expect(out[0]!.key).toBe('parked.switched');
    expect(h.state.active!.id).toBe('c1');
    expect(h.state.parked).toBeUndefined();
    expect(h.state.closed).toEqual([]);
  });

  it('"oops, I pressed that by mistake, the purifier is not sorted yet" records nothing on the new case and points to /cases', () => {
    const h = afterNew();
    const out = h.send('oops, I pressed that by mistake, the purifier is not sorted yet');
    const c = h.state.active!;
    expect(c.slots.problem).toBeNull();
    expect(c.slots.wants).toBeNull();
    const text = out.map((m) => m.text).join('\n');
    expect(text).toContain('/cases');
    expect(text).toContain(ORDER);
  });

  it('a first message of a new case that merely says 刚才 is that case\'s problem', () => {
    const h = afterNew();
    h.send('刚才收到的电饭煲内胆有裂缝');
    expect(h.state.active!.slots.problem).not.toBeNull();
  });
});
