/**
 * One menu a turn (trial 16 F22): a case completed in one message, with a reading to confirm and a
 * seller's counter-offer to choose on, shows only the offer's menu; the reading is said without
 * buttons, and a bare number answers the menu that was shown.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';
import type { Outbound } from '../../src/domain/index.ts';

const menus = (out: Outbound[]) => out.filter((m) => (m.options?.length ?? 0) > 0);

function offeredAtOnce(): { h: EngineHarness; out: ReturnType<EngineHarness['send']> } {
  const h = new EngineHarness('2026-10-22T15:00:00+08:00');
  const out = h.send('淘宝买的书包有点问题 卖家说只退我20 订单号 5566778899001144 要全部退回');
  return { h, out };
}

describe('a reading to confirm beside the seller\'s offer', () => {
  it('shows one menu: the offer\'s; the reading is only said', () => {
    const { out } = offeredAtOnce();
    expect(menus(out)).toHaveLength(1);
    expect(menus(out)[0]!.key).toBe('seller.counterOffer');
    expect(out.some((m) => m.key === 'confirm.problemSaid' || m.key === 'confirm.wantsSaid')).toBe(true);
  });

  it('a bare number answers the offer\'s menu, not the reading', () => {
    const { h, out } = offeredAtOnce();
    const options = menus(out)[0]!.options!;
    const platform = options.findIndex((o) => o.value === 'platform') + 1;
    const problem = h.state.active!.slots.problem;
    const wants = h.state.active!.slots.wants;
    const next = h.send(String(platform));
    expect(drafts(next, 'platform')).toHaveLength(1);
    expect(h.state.active!.slots.problem).toBe(problem);
    expect(h.state.active!.slots.wants).toBe(wants);
  });

  it('the reading can still be corrected in words', () => {
    const { h } = offeredAtOnce();
    h.send('问题写错了，是少了一个肩带');
    expect(h.state.active!.slots.problem).toBe('wrong_item');
  });
});
