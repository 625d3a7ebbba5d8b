/** The courier tracking number in a message. */
import type { Evidence } from './types.ts';
import { findNumbers, type NumberFinding } from './numbers.ts';
import { scan, type Scan } from './scan.ts';

/** The first tracking number found (the last one on a correction). */
export function pickTrackingNo(s: Scan, found: readonly NumberFinding[], correction: boolean): { value: string; evidence: Evidence } | null {
  const list = found.filter((f) => f.kind === 'tracking');
  const pick = correction ? list[list.length - 1] : list[0];
  if (!pick) return null;
  return { value: pick.value, evidence: { span: s.text.slice(pick.start, pick.end), confidence: pick.confidence } };
}

/**
 * A courier tracking number (SF…, YT…, JDV…, or digits after 快递单号/运单号), or null.
 *
 * @example extractTrackingNo('顺丰单号SF1234567890123') // 'SF1234567890123'
 */
export function extractTrackingNo(text: string): string | null {
  const s = scan(text);
  return pickTrackingNo(s, findNumbers(s), s.has.has('correction'))?.value ?? null;
}
