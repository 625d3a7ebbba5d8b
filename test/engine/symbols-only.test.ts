/** A message of emoji or symbols only: said plainly, nothing recorded, and the buyer invited to tell what happened. */
import { describe, expect, it } from 'vitest';
import { EngineHarness } from '../helpers/engine-harness.ts';

const keys = (out: { key?: string }[]) => out.map((m) => m.key);

describe('symbols only', () => {
  it('with no case, invites the buyer to say what happened', () => {
    const h = new EngineHarness('2026-11-25T02:10:00+08:00');
    const out = h.send('🤬🤬！！');
    expect(keys(out)).toEqual(['error.unusable', 'error.unusableNoCase']);
    expect(out[1]!.text).toContain('发生了什么');
    expect(h.state.active).toBeNull();
  });

  it('while a question waits, asks it again instead (no invitation, nothing counted as an answer)', () => {
    const h = new EngineHarness();
    h.send('我买的电风扇有问题');
    const out = h.send('😭😭');
    expect(keys(out)).toContain('error.unusable');
    expect(keys(out)).not.toContain('error.unusableNoCase');
    expect(out.at(-1)!.kind).toBe('question');
  });

  it('in English, the invitation is English', () => {
    const h = new EngineHarness();
    h.command('lang', 'en');
    const out = h.send('😡');
    expect(out.map((m) => m.text).join('\n')).toMatch(/Tell me in a sentence/);
  });
});
