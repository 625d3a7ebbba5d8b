/**
 * Instants in the stored forms: an ISO string the engine wrote with `toISOString()` can be
 * kept as a number and written back exactly; any other string is kept as it is.
 */

/**
 * The epoch ms of `iso` when `new Date(ms).toISOString()` gives `iso` back exactly, else null.
 * @example canonicalMs('2026-11-23T02:10:00.000Z') // 1795399800000; canonicalMs('2026-11-23') // null
 */
export function canonicalMs(iso: string): number | null {
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
