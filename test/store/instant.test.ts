import { describe, expect, it } from 'vitest';
import { canonicalMs, daysFromCivil } from '../../src/store/instant.ts';

/** The definition: the instant comes back exactly from its epoch ms. */
function reference(iso: string): number | null {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) && new Date(ms).toISOString() === iso ? ms : null;
}

describe('canonicalMs', () => {
  it('agrees with a full toISOString round trip, also on the days and hours Date.parse rolls over', () => {
    const cases = [
      '2026-11-23T02:10:00.000Z', '2026-02-28T23:59:59.999Z', '2026-02-29T00:00:00.000Z', '2028-02-29T00:00:00.000Z',
      '2026-02-30T00:00:00.000Z', '2026-04-31T00:00:00.000Z', '2026-12-31T00:00:00.000Z', '2026-11-23T24:00:00.000Z',
      '2026-11-23T23:60:00.000Z', '2026-11-23T02:10:00Z', '2026-11-22T10:00:00+08:00', '2026-11-22', '', 'soon',
      '+02026-11-23T00:00:00.000Z', '0000-01-01T00:00:00.000Z', '2026-11-23T02:10:00,000Z', '2026-11-23 02:10:00.000Z',
      // Years the digit reading leaves to the full check, and its edges.
      '0100-01-01T00:00:00.000Z', '0999-12-28T23:59:59.999Z', '1000-01-01T00:00:00.000Z', '1969-12-28T23:59:59.999Z',
      '1970-01-01T00:00:00.000Z', '9999-12-28T23:59:59.999Z', '2026-00-10T00:00:00.000Z', '2026-13-10T00:00:00.000Z',
      '2026-11-00T00:00:00.000Z', '2026-11-23T02:10:60.000Z', '2026-11-23T02:10:00.000z', '2026-1１-23T02:10:00.000Z',
    ];
    // And every day and hour of a year, and single-character changes of a canonical instant.
    for (let d = 0; d < 366; d++) cases.push(new Date(Date.UTC(2028, 0, 1 + d, d % 24)).toISOString());
    const base = '2026-11-23T02:10:00.000Z';
    for (let i = 0; i < base.length; i++) for (const c of '0123459+-:.TZ ') cases.push(base.slice(0, i) + c + base.slice(i + 1));
    for (const iso of cases) expect(canonicalMs(iso), iso).toBe(reference(iso));
  });

  it('reads an instant from its digits as Date.UTC counts it, in every year it reads', () => {
    for (let year = 1000; year <= 9999; year += 7) {
      for (let month = 1; month <= 12; month++) {
        for (const day of [1, 17, 28]) expect(daysFromCivil(year, month, day) * 86_400_000, `${year}-${month}-${day}`).toBe(Date.UTC(year, month - 1, day));
      }
      const iso = new Date(Date.UTC(year, year % 12, 1 + (year % 28), year % 24, year % 60, (year * 7) % 60, year % 1000)).toISOString();
      expect(canonicalMs(iso), iso).toBe(reference(iso));
    }
  });
});

