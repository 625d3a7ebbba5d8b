/**
 * The buyer answers a seller who blamed them ("卖家说是人为损坏" → "我根本没摔过"): the answer goes
 * on the record as the buyer's statement, is acknowledged, and the letter of the case's step is
 * handed over again with it (the seller's claim alone would stand unanswered in it).
 */
import { blamesBuyer, parseRebuttalNote, rebuttalNote, rebuttals, rebuttalStatement } from '../knowledge/rebuttal.ts';
import { record } from './case.ts';
import { reissueDraft } from './escalation.ts';
import type { Turn } from './turn.ts';
import type { FollowingCase, TimelineEntry } from '../domain/index.ts';

/** The seller's answers whose words can blame the buyer. */
const BLAMING: ReadonlySet<string> = new Set(['seller_refused', 'seller_counter_offer', 'seller_said', 'platform_ruled_seller']);

/**
 * The latest answer of the seller (or a ruling) when it put the fault on the buyer; null otherwise.
 * A refusal recorded without its words (read in a language the reasons are not read in) may have
 * blamed the buyer too: the buyer's answer says so.
 */
function blameToAnswer(c: FollowingCase): TimelineEntry | null {
  for (let i = c.timeline.length - 1; i >= 0; i -= 1) {
    const e = c.timeline[i]!;
    if (!BLAMING.has(e.type)) continue;
    const words = `${e.quote ?? ''} ${e.reason ?? ''} ${e.because ?? ''}`.trim();
    return blamesBuyer(words) || (!words && (e.type === 'seller_refused' || e.type === 'platform_ruled_seller')) ? e : null;
  }
  return null;
}

/** The buyer's statement against the blame on record, acknowledged, the letter redone; false when the message is none. */
export function answersBlame(turn: Turn, c: FollowingCase, text: string): boolean {
  const blame = blameToAnswer(c);
  const found = blame ? rebuttals(text) : [];
  if (found.length === 0) return false;
  // What the buyer already said to this blame is not recorded twice.
  const said = new Set(c.timeline.filter((e) => e.type === 'buyer_rebuttal' && Date.parse(e.at) >= Date.parse(blame!.at)).flatMap((e) => parseRebuttalNote(e.note)));
  const fresh = found.filter((r) => !said.has(r));
  if (fresh.length > 0) record(turn, c, 'buyer_rebuttal', { note: rebuttalNote(fresh) });
  const statement = rebuttalStatement(turn.loc, found);
  // On the seller's rung no letter states the history yet: the next one will.
  if (c.rung === 'seller') {
    turn.info('rebuttal.notedLater', { vars: { statement } });
    return true;
  }
  turn.info('rebuttal.noted', { vars: { statement } });
  if (fresh.length > 0) reissueDraft(turn, c);
  return true;
}
