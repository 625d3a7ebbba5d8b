/**
 * Right after /new, a message that points back at the archived case fills nothing in the new one
 * and tells the buyer where the earlier case is (trial 6 s08).
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
  h.choose('confirmNew', 'archive');
  h.advance(1);
  return h;
}

describe('a message about the earlier case right after /new', () => {
  for (const said of ['抱歉按错了，净化器那个还没完', 'oops, I pressed that by mistake, the purifier is not sorted yet']) {
    it(`"${said}" records nothing on the new case and points to /cases`, () => {
      const h = afterNew();
      const out = h.send(said);
      const c = h.state.active!;
      expect(c.slots.problem).toBeNull();
      expect(c.slots.wants).toBeNull();
      const text = out.map((m) => m.text).join('\n');
      expect(text).toContain('/cases');
      expect(text).toContain(ORDER);
    });
  }

  it('a first message of a new case that merely says 刚才 is that case\'s problem', () => {
    const h = afterNew();
    h.send('刚才收到的电饭煲内胆有裂缝');
    expect(h.state.active!.slots.problem).not.toBeNull();
  });
});
