import { describe, expect, it } from 'vitest';
import { ladderText, LADDER, moveUpDue, nextRung } from '../../src/knowledge/ladder.ts';
import { evidenceTooThin, PITFALL_IDS, pitfallForReply, pitfallText, returnShippingWarningFits } from '../../src/knowledge/pitfalls.ts';
import { LOCALES } from '../../src/domain/index.ts';

describe('ladder', () => {
  it('moves one rung at a time, on the triggers of the current rung', () => {
    expect(nextRung('seller', 'refused')).toEqual({ rung: 'platform', drafts: ['platform'] });
    expect(nextRung('seller', 'no_reply')?.rung).toBe('platform');
    expect(nextRung('seller', 'ruling_unfair')).toBeNull();
    expect(nextRung('platform', 'ruling_unfair')).toEqual({ rung: 'regulator', drafts: ['regulator', 'payment'] });
    expect(nextRung('platform', 'refused')).toBeNull();
    expect(nextRung('regulator', 'ruling_slow')).toBeNull();
  });

  it('gives each rung a typical wait: 24 h for the seller, working days above', () => {
    expect(moveUpDue('seller', new Date('2026-11-22T10:00:00+08:00'), 'Asia/Shanghai').at).toEqual(new Date('2026-11-23T10:00:00+08:00'));
    // 3 working days from Wed 2026-09-30 skip the National Day holiday.
    expect(moveUpDue('platform', new Date('2026-09-30T10:00:00+08:00'), 'Asia/Shanghai').at).toEqual(new Date('2026-10-10T10:00:00+08:00'));
    expect(LADDER.regulator.sourced).toBe(true);
  });

  it.each(LOCALES)('words every rung and the payment branch (%s)', (locale) => {
    for (const step of ['seller', 'platform', 'regulator', 'payment'] as const) {
      const w = ladderText(step, locale);
      expect(w.name && w.when && w.moveUp).toBeTruthy();
    }
    expect(ladderText('regulator', locale).moveUp).toMatch(/7/);
  });
});

describe('pitfalls', () => {
  it.each(LOCALES)('has wording for every pitfall (%s)', (locale) => {
    for (const id of PITFALL_IDS) expect(pitfallText(id, locale).length).toBeGreaterThan(10);
  });

  it('answers a private-deal offer and a confirm-first request with a warning', () => {
    expect(pitfallForReply('private_deal')).toBe('private_transfer');
    expect(pitfallForReply('confirm_first')).toBe('confirm_receipt_first');
    expect(pitfallForReply('refuses')).toBeNull();
  });

  it('warns about return shipping only for problems the seller is responsible for', () => {
    expect(returnShippingWarningFits('quality')).toBe(true);
    expect(returnShippingWarningFits('changed_mind')).toBe(false);
    expect(returnShippingWarningFits(null)).toBe(false);
    expect(evidenceTooThin(1)).toBe(true);
    expect(evidenceTooThin(0)).toBe(false);
    expect(evidenceTooThin(3)).toBe(false);
  });
});
