/**
 * Trial 5 (#10): a shop with its own mini program or website has no platform to step in. Past
 * the seller, the ladder goes to the payment channel and 12315, never to a "贵平台" letter.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';
import type { Outbound } from '../../src/domain/index.ts';

const ORDER = 'MP20261102779310';
const keys = (out: Outbound[]) => out.map((m) => m.key);

function standalone(): EngineHarness {
  const h = new EngineHarness('2026-11-02T19:30:00+08:00');
  h.send(`在一家茶叶店的小程序商城里买了两罐茶，订单号 ${ORDER}`);
  h.advance(1);
  h.send('茶叶罐到手是瘪的，里面茶叶撒了一半');
  h.advance(1);
  h.send('退款');
  return h;
}

describe('a standalone mini-program shop', () => {
  it('is recorded as having no platform', () => {
    expect(standalone().state.active!.slots.standalone).toBe(true);
  });

  it('past the seller\'s reply time, unanswered, gets the payment and 12315 letters, no platform letter or platform menu', () => {
    const h = standalone();
    expect(drafts(h.tickHours(37))).toHaveLength(0);
    const out = h.choose('nextStep', 'sentNoReply');
    expect(drafts(out, 'platform')).toHaveLength(0);
    expect(drafts(out, 'payment')).toHaveLength(1);
    const regulator = drafts(out, 'regulator')[0]!.body;
    expect(regulator).not.toContain('购物平台】');
    expect(keys(out)).toContain('ladder.noPlatform');
    expect(keys(out)).not.toContain('guide.ask');
    expect(out.map((m) => m.text).join('\n')).not.toContain('贵平台');
  });

  it('asked for the platform letter by name, hears there is none', () => {
    const h = standalone();
    const out = h.send('申请平台介入');
    expect(drafts(out, 'platform')).toHaveLength(0);
    expect(keys(out)).toContain('ladder.noPlatform');
    const again = h.send('申请平台介入');
    expect(drafts(again, 'platform')).toHaveLength(0);
    expect(keys(again)).toContain('ladder.noPlatformAgain');
  });

  it('a shop on a named platform still climbs to the platform', () => {
    const h = new EngineHarness('2026-11-02T19:30:00+08:00');
    h.send(`淘宝订单 ${'4719305826147730592'}，茶叶罐到手是瘪的，想退款`);
    expect(h.state.active!.slots.standalone ?? null).toBeNull();
    h.tickHours(37);
    expect(drafts(h.send('发了，没回'), 'platform')).toHaveLength(1);
  });
});
