/**
 * What the record says of the seller's latest promise of an act (a courier pickup, goods sent) and
 * of the buyer's answer on whether it came (promised-act.ts writes it): read by the reports and the
 * follow-up alike.
 */
import type { FollowingCase } from '../domain/index.ts';

/** The latest seller promise and what it was for ('pickup', 'ship', 'repair', or 'act'). */
export function promiseAt(c: FollowingCase): { at: number; kind: string } | null {
  for (let i = c.timeline.length - 1; i >= 0; i -= 1) {
    if (c.timeline[i]!.type === 'seller_promise') return { at: i, kind: c.timeline[i]!.note.split(' ')[0]! };
  }
  return null;
}

/** The entry of the latest promise's passing (or of the buyer's answer to it), or -1. */
export function outcomeAt(c: FollowingCase): number {
  const p = promiseAt(c);
  if (!p) return -1;
  for (let i = c.timeline.length - 1; i > p.at; i -= 1) {
    const e = c.timeline[i]!;
    if (e.type === 'nudged' && e.note.startsWith('seller_promise')) return i;
  }
  return -1;
}

/** The answer on record for the latest promise: 'broken', 'kept'… or null when none was given. */
export function outcome(c: FollowingCase): string | null {
  const at = outcomeAt(c);
  return at < 0 ? null : c.timeline[at]!.note.split(' ')[1] ?? null;
}

/** The seller's latest promise is a courier pickup not yet reported collected. */
export function pickupAwaited(c: FollowingCase): boolean {
  return promiseAt(c)?.kind === 'pickup' && outcome(c) !== 'kept';
}

/** Wishes met by goods the seller sends: an exchange, a reship, a repair. */
const GOODS_SENT: ReadonlySet<string | null> = new Set(['exchange', 'reship', 'repair']);
/** The record of goods sent that came wrong (promised-act.ts shipmentWrong). */
export const CAME_WRONG = /^seller_promise kept\b.*\swrong\b/;

/**
 * Goods agreed or ruled to be sent (an exchange after the return, a reship the platform ordered), with no
 * date the seller promised them by, and not yet said to have come wrong since: what arrives is that remedy.
 */
export function goodsRemedyAwaited(c: FollowingCase): boolean {
  if (!GOODS_SENT.has(c.slots.wants)) return false;
  for (let i = c.timeline.length - 1; i >= 0; i -= 1) {
    const e = c.timeline[i]!;
    if (e.type === 'nudged' && CAME_WRONG.test(e.note)) return false;
    if (e.type === 'seller_agreed' || e.type === 'platform_ruled_buyer') return true;
  }
  return false;
}

/** The buyer said the goods sent for the latest promise came wrong. */
export function sentCameWrong(c: FollowingCase): boolean {
  return outcome(c) === 'kept' && /\swrong\b/.test(c.timeline[outcomeAt(c)]!.note);
}

/** The latest promise is goods sent ('ship', 'repair') and the buyer has not said they came wrong yet. */
export function shipmentPromised(c: FollowingCase): 'ship' | 'repair' | null {
  const kind = promiseAt(c)?.kind;
  return (kind === 'ship' || kind === 'repair') && !sentCameWrong(c) ? kind : null;
}


/**
 * The deadline of a seller promise already past by `now` with no agreement after it (a pasted log's
 * "48小时内答复" two days before): its ISO instant, or null. The seller rung is then behind the case.
 */
export function promisePassedUnsolved(c: FollowingCase, now: Date): string | null {
  const p = promiseAt(c);
  const deadline = p ? c.timeline[p.at]!.deadline : null;
  if (!p || !deadline || new Date(deadline).getTime() > now.getTime()) return null;
  return c.timeline.slice(p.at + 1).some((e) => e.type === 'seller_agreed') ? null : deadline;
}
