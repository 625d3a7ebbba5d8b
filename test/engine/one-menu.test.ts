/**
 * One menu a step (README): a problem reading to confirm with buttons is shown alone when the wish
 * menu would follow; the wish is asked after the answer, so a typed number answers the menu that
 * was shown last (trial 11 F13).
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness } from '../helpers/engine-harness.ts';

const menus = (out: { options?: unknown[] }[]) => out.filter((m) => (m.options?.length ?? 0) > 0);

function unsureProblem(h: EngineHarness): void {
  const out = h.send('京东 订单号 62019384756 买的电风扇 有点问题');
  expect(menus(out)).toHaveLength(1);
  expect(out.map((m) => m.key)).toContain('confirm.problem');
  expect(out.map((m) => m.key)).not.toContain('ask.wants');
}

describe('a problem to confirm and the wish still to ask', () => {
  it('shows the confirmation alone; a typed number answers it, then the wish is asked', () => {
    const h = new EngineHarness('2026-12-05T10:00:00+08:00');
    unsureProblem(h);
    const options = h.state.menus!.at(-1)!.options;
    const second = options[1]!;
    const out = h.send('2');
    expect(h.state.active!.slots.problem).toBe(second.value);
    expect(h.state.active!.slots.wants).toBeNull();
    expect(out.map((m) => m.key)).toContain('ask.wants');
    expect(menus(out)).toHaveLength(1);
  });

  it('takes the wish said in words instead of pressing a button', () => {
    const h = new EngineHarness('2026-12-05T10:00:00+08:00');
    unsureProblem(h);
    h.send('我想换个新的');
    expect(h.state.active!.slots.wants).toBe('exchange');
  });
});
