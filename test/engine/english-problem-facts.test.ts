/**
 * An English buyer's letters carry what they described, not only its kind: the facts the bot can
 * read are stated in the Chinese letter and, in the same order, in the English check beside it —
 * also in the 12315 complaint, which needs concrete facts. Words it cannot read leave the kind alone.
 */
import { describe, expect, it } from 'vitest';
import type { Outbound } from '../../src/domain/index.ts';
import { EngineHarness } from '../helpers/engine-harness.ts';

const draft = (out: Outbound[], to: string) => out.find((m) => m.kind === 'draft' && m.to === to)?.text ?? '';

describe('the facts of an English description in the letters', () => {
  it('the seller letter and its check state the failure and the symptom', () => {
    const h = new EngineHarness('2026-12-02T20:00:00+08:00');
    const out = h.send('Bought an electric kettle on JD, order 301827465512, paid 239 yuan. It broke after four days and now it leaks. Refund please.');
    const letter = draft(out, 'seller');
    expect(letter).toContain('使用4天后就无法正常使用');
    expect(letter).toContain('有渗漏');
    expect(letter).toContain('it stopped working after 4 days, it leaks');
    expect(out.map((m) => m.text).join('\n')).toContain('check them in the translation');
  });

  it('the 12315 complaint states them too', () => {
    const h = new EngineHarness('2026-12-02T20:00:00+08:00');
    h.send('Tmall order 3029184756102938475, a desk fan for 329 yuan. It arrived with a cracked case and it makes a grinding noise. I want a refund.');
    h.advance(60 * 20);
    h.send('The seller refused.');
    h.advance(10);
    const out = h.send('12315 complaint');
    const complaint = draft(out, 'regulator');
    expect(complaint).toContain('收到时外壳裂了');
    expect(complaint).toContain('有异响');
    expect(complaint).toContain('on arrival, the case was cracked');
  });

  it('words with no readable fact keep the kind alone, and the buyer is asked for a detail', () => {
    const h = new EngineHarness('2026-12-02T20:00:00+08:00');
    const out = h.send('Pinduoduo order 251202-384756102938475, a winter coat. It is defective, the quality is terrible. I want a refund.');
    const letter = draft(out, 'seller');
    expect(letter).not.toContain('具体情况');
    expect(out.map((m) => m.text).join('\n')).toContain('add one concrete detail in Chinese');
  });
});
