/**
 * Fixes from the buyer trial, round 3: promises without "within", the seller's receipt of a
 * return, bare numbers and old menus, one menu at the 12315 step, and the problem line of letters.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';
import type { Outbound } from '../../src/domain/index.ts';

const keys = (out: Outbound[]) => out.map((m) => m.key);

/** An English buyer whose case is ready (Saturday 2026-12-05, 10:00 Shanghai). */
function englishCase(): EngineHarness {
  const h = new EngineHarness('2026-12-05T10:00:00+08:00');
  h.send('JD order 88812345678, the blender I got makes a burning smell and stops after a minute, I want a refund');
  expect(h.state.active!.phase).toBe('following');
  return h;
}

describe('an English promise without "within"', () => {
  it('"by Monday" is a promise to the end of that Monday, with its reminder', () => {
    const h = englishCase();
    h.advance(30);
    const out = h.send('The seller says they will sort it out by Monday');
    expect(keys(out)).toContain('promise.set');
    const r = h.state.active!.reminders.find((x) => x.reason === 'seller_promise')!;
    expect(new Date(r.deadline).toISOString()).toBe(new Date('2026-12-07T23:59:00+08:00').toISOString());
  });

  it('"in 2 days" said of the seller counts 48 hours', () => {
    const h = englishCase();
    h.advance(30);
    const out = h.send("they'll get back to me in 2 days");
    expect(keys(out)).toContain('promise.set');
    const r = h.state.active!.reminders.find((x) => x.reason === 'seller_promise')!;
    expect(new Date(r.deadline).toISOString()).toBe(new Date('2026-12-07T10:30:00+08:00').toISOString());
    expect(drafts(out)).toEqual([]);
  });
});
