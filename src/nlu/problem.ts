/** What went wrong, as one of the CONTRACTS.md §1 problem codes. */
import type { Problem } from '../engine/types.ts';
import type { Evidence } from './types.ts';
import type { Scan } from './scan.ts';
import { en } from './lexicon/en.ts';
import { zh } from './lexicon/zh.ts';

const BREAKAGE: ReadonlySet<string> = new Set([...zh.breakage, ...en.breakage]);
const NOT_ARRIVED: ReadonlySet<string> = new Set([...zh.notArrived, ...en.notArrived]);

/** How far back a money cue may stand from "还没收到" and still be what has not arrived. */
const MONEY_WINDOW = 8;
const BREAK = new Set([...'。！？!?；;\n，, ']);

/** A money cue ("退款", "钱") ends shortly before `pos`, in the same clause. */
function moneyBefore(s: Scan, pos: number): boolean {
  for (let d = 0; d <= MONEY_WINDOW && pos - d >= 0; d++) {
    const at = pos - d;
    if (d > 0 && BREAK.has(s.norm[at]!)) return false;
    if (s.cueEndingAt.get(at)?.includes('money')) return true;
  }
  return false;
}

/**
 * The code a problem hit stands for in this message. A break (断了, 裂了) is transit damage
 * when the message speaks of arrival and not of use, a defect when the item was in use; a
 * "not arrived" right after the refund ("退款还没收到") is a refund that has not arrived.
 */
function codeOf(s: Scan, h: Scan['problem'][number]): { c: Problem | null; w: number } {
  const { c, w } = h.value;
  if (c === null) return { c, w };
  const key = s.norm.slice(h.start, h.end);
  if ((c === 'damaged' || c === 'quality') && BREAKAGE.has(key)) {
    if (s.has.has('in_use')) return { c: 'quality', w };
    if (s.has.has('transit')) return { c: 'damaged', w };
  }
  if (c === 'not_received' && NOT_ARRIVED.has(key) && moneyBefore(s, h.start)) return { c: 'refund_issue', w: Math.max(w, 3.5) };
  return { c, w };
}

/**
 * The problem the buyer describes: the strongest keyword wins, the earliest on a tie.
 * Words quoted from the seller or courier still count ("快递员说漏了" is a leak).
 */
export function extractProblem(s: Scan): { value: Problem; evidence: Evidence } | null {
  let best: { h: Scan['problem'][number]; c: Problem; w: number } | null = null;
  for (const h of s.problem) {
    const { c, w } = codeOf(s, h);
    if (c === null) continue;
    if (!best || w > best.w) best = { h, c, w };
  }
  if (!best) return null;
  return {
    value: best.c,
    evidence: { span: s.text.slice(best.h.start, best.h.end), confidence: Math.min(0.95, 0.35 + best.w * 0.17) },
  };
}
