/**
 * Trial 7 problem 17: a seller letter's reply deadline that falls on a public holiday says so;
 * one on an ordinary day or weekend does not.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness } from '../helpers/engine-harness.ts';
import { isPublicHoliday } from '../../src/time/deadlines.ts';

function sellerLetter(start: string): string {
  const h = new EngineHarness(start);
  const out = h.send('京东订单 302918475566，买的加湿器不出雾，想退货退款');
  return out.filter((m) => m.kind === 'draft').map((m) => m.text).join('\n');
}

describe('reply deadline on a public holiday', () => {
  it('National Day: the letter names the holiday beside the deadline', () => {
    const text = sellerLetter('2026-09-30T14:00:00+08:00');
    expect(text).toMatch(/2026年10月1日 14:00（法定节假日）前/);
  });

  it('an ordinary Saturday is not called a holiday', () => {
    const text = sellerLetter('2026-06-12T14:00:00+08:00');
    expect(text).toMatch(/2026年6月13日 14:00前/);
    expect(text).not.toContain('法定节假日');
  });

  it('isPublicHoliday: holiday days yes, weekends and make-up workdays no', () => {
    expect(isPublicHoliday('2026-10-03')).toBe(true);
    expect(isPublicHoliday('2026-06-13')).toBe(false);
    expect(isPublicHoliday('2026-05-09')).toBe(false);
  });
});
