/** What went wrong, as one of the CONTRACTS.md §1 problem codes. */
import type { Problem } from '../engine/types.ts';
import type { Evidence } from './types.ts';
import type { Scan } from './scan.ts';

/**
 * The problem the buyer describes: the strongest keyword wins, the earliest on a tie.
 * Words quoted from the seller or courier still count ("快递员说漏了" is a leak).
 */
export function extractProblem(s: Scan): { value: Problem; evidence: Evidence } | null {
  let best: Scan['problem'][number] | null = null;
  for (const h of s.problem) {
    if (h.value.c === null) continue;
    if (!best || h.value.w > best.value.w) best = h;
  }
  if (!best || best.value.c === null) return null;
  return {
    value: best.value.c,
    evidence: { span: s.text.slice(best.start, best.end), confidence: Math.min(0.95, 0.35 + best.value.w * 0.17) },
  };
}
