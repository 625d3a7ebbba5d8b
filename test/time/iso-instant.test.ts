import { describe, expect, it } from 'vitest';
import { isoInstant } from '../../src/time/deadlines.ts';

/** What `toISOString` writes, or the name of the error it throws. */
function written(f: () => string): string {
  try {
    return f();
  } catch (err) {
    return `throws ${(err as Error).name}`;
  }
}

describe('isoInstant', () => {
  it('writes what toISOString writes, at the edges of days, years, leap days and its own range', () => {
    const edges = [
      0, -1, 1, 951_782_400_000, 951_868_799_999, 951_868_800_000, 4_107_542_399_999, -2_208_988_800_001,
      -62_167_219_200_000, -62_167_219_200_001, 253_402_300_799_999, 253_402_300_800_000, 8.64e15, -8.64e15, NaN,
    ];
    for (const ms of edges) expect(written(() => isoInstant(new Date(ms)))).toBe(written(() => new Date(ms).toISOString()));
  });

  it('writes what toISOString writes for instants spread over ten thousand years and beyond', () => {
    // A fixed walk (no randomness): steps of a prime number of milliseconds cover every time of day.
    let ms = -9e14;
    let checked = 0;
    for (; ms < 9e14; ms += 77_777_777_777 + (checked % 997)) {
      const d = new Date(ms);
      expect(isoInstant(d)).toBe(d.toISOString());
      checked++;
    }
    expect(checked).toBeGreaterThan(20_000);
  });
});
