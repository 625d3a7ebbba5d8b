/** Which shopping platform the message names. */
import type { Platform } from '../domain/index.ts';
import type { Evidence } from './types.ts';
import type { Scan } from './scan.ts';

/**
 * The platform the buyer names, or null. A Tmall shop lives inside Taobao, so when both
 * are named Tmall is the more precise answer; otherwise the strongest, then the first, mention.
 */
export function extractPlatform(s: Scan): { value: Platform; evidence: Evidence } | null {
  let best: Scan['platform'][number] | null = null;
  let tmall: Scan['platform'][number] | null = null;
  for (const h of s.platform) {
    if (h.value.c === 'tmall' && !tmall) tmall = h;
    if (!best || h.value.w > best.value.w) best = h;
  }
  if (!best) return null;
  const pick = tmall && best.value.c === 'taobao' ? tmall : best;
  return {
    value: pick.value.c,
    evidence: { span: s.text.slice(pick.start, pick.end), confidence: pick.value.w >= 2 ? 0.95 : 0.6 },
  };
}
