/**
 * Instants in the stored forms: an ISO string the engine wrote with `toISOString()` can be
 * kept as a number and written back exactly; any other string is kept as it is.
 */

/**
 * The epoch ms of `iso` when `new Date(ms).toISOString()` gives `iso` back exactly, else null.
 * @example canonicalMs('2026-11-23T02:10:00.000Z') // 1795399800000; canonicalMs('2026-11-23') // null
 */
export function canonicalMs(iso: string): number | null {
  const fast = readCanonical(iso);
  if (fast !== null) return fast;
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return null;
  return looksCanonical(iso) || new Date(ms).toISOString() === iso ? ms : null;
}

/**
 * Whether an instant `Date.parse` took is surely in `toISOString()` form, checked without
 * formatting it (this runs for the instants of every turn): that shape, an hour below 24
 * and a day that every month has. Anything else gets the full check.
 */
function looksCanonical(iso: string): boolean {
  return iso.length === 24 && iso[10] === 'T' && iso[19] === '.' && iso[23] === 'Z' && iso[4] === '-' && iso[7] === '-'
    && iso.slice(8, 10) <= '28' && iso.slice(11, 13) < '24';
}

/** Digit positions of `YYYY-MM-DDTHH:mm:ss.sssZ`, and where its punctuation stands. */
const DIGITS = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21, 22];
const MARKS: ReadonlyArray<[number, number]> = [[4, 45], [7, 45], [10, 84], [13, 58], [16, 58], [19, 46], [23, 90]]; // - - T : : . Z

/**
 * The epoch ms of an instant in `toISOString()` form read from its digits, without `Date.parse`
 * (every turn stores a few): only where the digits make a time that form writes back exactly (a
 * four-digit year from 1000, a month, a day that every month has, an hour, a minute and a second
 * in range); null for anything else, which `canonicalMs` then checks in full.
 */
function readCanonical(iso: string): number | null {
  if (iso.length !== 24) return null;
  for (const [at, code] of MARKS) if (iso.charCodeAt(at) !== code) return null;
  for (const at of DIGITS) {
    const c = iso.charCodeAt(at);
    if (c < 48 || c > 57) return null;
  }
  const year = digitsAt(iso, 0, 4);
  const month = digitsAt(iso, 5, 7);
  const day = digitsAt(iso, 8, 10);
  const hour = digitsAt(iso, 11, 13);
  const minute = digitsAt(iso, 14, 16);
  const second = digitsAt(iso, 17, 19);
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > 28 || hour > 23 || minute > 59 || second > 59) return null;
  return Date.UTC(year, month - 1, day, hour, minute, second, digitsAt(iso, 20, 23));
}

/** The number the digits `s[from..to)` spell (they are digits). */
function digitsAt(s: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) v = v * 10 + s.charCodeAt(i) - 48;
  return v;
}
