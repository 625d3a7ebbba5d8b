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

/**
 * The epoch ms of an instant in `toISOString()` form read from its digits, without `Date.parse`
 * (every turn stores a few): only where the digits make a time that form writes back exactly (a
 * four-digit year from 1000, a month, a day that every month has, an hour, a minute and a second
 * in range); null for anything else, which `canonicalMs` then checks in full. Where it gives a
 * number, `Date.parse` gives the same.
 */
export function readCanonical(iso: string): number | null {
  // `YYYY-MM-DDTHH:mm:ss.sssZ`: its punctuation (- - T : : . Z), then its digits.
  if (iso.length !== 24 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45 || iso.charCodeAt(10) !== 84 || iso.charCodeAt(13) !== 58
    || iso.charCodeAt(16) !== 58 || iso.charCodeAt(19) !== 46 || iso.charCodeAt(23) !== 90) return null;
  const year = digitsAt(iso, 0, 4);
  const month = digitsAt(iso, 5, 7);
  const day = digitsAt(iso, 8, 10);
  const hour = digitsAt(iso, 11, 13);
  const minute = digitsAt(iso, 14, 16);
  const second = digitsAt(iso, 17, 19);
  const ms = digitsAt(iso, 20, 23);
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > 28 || hour < 0 || hour > 23 || minute < 0 || minute > 59
    || second < 0 || second > 59 || ms < 0) return null;
  return ((((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute) * 60 + second) * 1000) + ms;
}

/**
 * Days from 1970-01-01 to a date of the proleptic Gregorian calendar (H. Hinnant's
 * `days_from_civil`): `Date.UTC`'s day count, in a few integer operations instead of its call.
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The number the characters `s[from..to)` spell, or -1 when one of them is not a digit. */
function digitsAt(s: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}
