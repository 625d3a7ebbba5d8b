/**
 * A case's life: opened collecting, moved to following when the drafts go out, closed as
 * resolved, cancelled or archived. Its timeline is written here.
 */
import { cutText } from '../i18n/graphemes.ts';
import { SELLER_LETTERS, settledSum as settledOn } from '../drafts/parts.ts';
import type { Turn } from './turn.ts';
import type {
  CaseSummary, ClosedCase, CollectingCase, FollowingCase, OpenCase, Outcome, Rung, TimelineEntry, TimelineType, Wants,
} from '../domain/index.ts';

const TIMELINE_MAX = 100;
const CLOSED_KEPT = 50;
/**
 * Closed cases whose full record the store keeps (the latest ones; older ones keep their summary):
 * a buyer's recent disputes over months of 12315 timers, while one buyer's records stay under a
 * megabyte (the record of the longest case, 100 timeline entries and 200 pieces of evidence, is
 * some 35–40 KB).
 */
const RECORDS_KEPT = 20;

/** Open a new case (collecting) as the user's active case. */
export function openCase(turn: Turn): CollectingCase {
  const s = turn.state;
  s.caseSeq += 1;
  const c: CollectingCase = {
    id: `c${s.caseSeq}`,
    phase: 'collecting',
    openedAt: turn.nowIso,
    updatedAt: turn.nowIso,
    slots: {
      orderId: null, problem: null, problemText: null, wants: null, platform: null,
      trackingNo: null, receivedOn: null, amountPaid: null, amountRefunded: null,
    },
    skipped: [],
    evidence: [],
    timeline: [{ at: turn.nowIso, type: 'opened', note: '', quote: null, happenedAt: null }],
    reminders: [],
    sellerDrafts: 0,
    food: false,
    compensationPercent: null,
    compensationAmount: null,
    sentDrafts: {},
  };
  s.active = c;
  s.pending = null;
  s.menus = [];
  delete s.answeredMenu;
  return c;
}

/** The case moves from collecting to following, on the given rung. Returns the same case, re-typed. */
export function startFollowing(turn: Turn, c: OpenCase, rung: Rung = 'seller'): FollowingCase {
  const onRung = c.phase === 'following' ? c.rung : rung;
  const f = c as unknown as FollowingCase;
  f.phase = 'following';
  f.rung = onRung;
  turn.state.active = f;
  return f;
}

/** Add an entry to the case's timeline. */
export function record(
  turn: Turn,
  c: OpenCase,
  type: TimelineType,
  extra: { note?: string; quote?: string | null; happenedAt?: string | null; reason?: string | null; because?: string | null; deadline?: string | null; by?: string | null } = {},
): void {
  const entry: TimelineEntry = {
    at: turn.nowIso,
    type,
    note: cutText(extra.note ?? '', 200),
    quote: extra.quote ? cutText(extra.quote, 200) : null,
    happenedAt: extra.happenedAt ?? null,
    ...(extra.reason ? { reason: cutText(extra.reason, 60) } : {}),
    ...(extra.because ? { because: cutText(extra.because, 60) } : {}),
    ...(extra.deadline ? { deadline: extra.deadline } : {}),
    ...(extra.by ? { by: cutText(extra.by, 20) } : {}),
  };
  c.timeline.push(entry);
  if (c.timeline.length > TIMELINE_MAX) c.timeline.splice(0, c.timeline.length - TIMELINE_MAX);
}

/** Whether the timeline has an entry of `type` (optionally with `note`). */
export function happened(c: OpenCase, type: TimelineType, note?: string): boolean {
  return c.timeline.some((e) => e.type === type && (note === undefined || e.note === note));
}

const SELLER_EVENTS: ReadonlySet<TimelineType> = new Set<TimelineType>([
  'seller_promise', 'seller_refused', 'seller_agreed', 'seller_counter_offer', 'seller_stalled', 'seller_no_response',
  'seller_needs_evidence', 'seller_return_for_inspection', 'private_deal_offered', 'confirm_first_asked', 'refund_missing', 'refund_short',
  'seller_appealed',
]);

/** The last thing the buyer reported the seller did, if anything. */
export function lastSellerEvent(c: OpenCase): TimelineType | null {
  for (let i = c.timeline.length - 1; i >= 0; i -= 1) {
    const type = c.timeline[i]!.type;
    if (SELLER_EVENTS.has(type)) return type;
  }
  return null;
}

/** Whether the buyer told of an answer of the seller's (any, even kept unread) since the last seller letter was handed over. */
export function sellerAnsweredLetter(c: OpenCase): boolean {
  for (let i = c.timeline.length - 1; i >= 0; i -= 1) {
    const e = c.timeline[i]!;
    // "加我微信，微信上转你": a move off the platform, no answer to the request made there.
    if (e.type === 'private_deal_offered') continue;
    if (SELLER_EVENTS.has(e.type) || e.type === 'seller_said') return true;
    if (e.type === 'draft_sent' && SELLER_LETTERS.has(e.note)) return false;
  }
  return false;
}

/**
 * Close the active case (or `c`, a parked one): reminders cancelled, a summary kept, and the record
 * handed to the store. `solvedBy`: the remedy the buyer said solved it, kept beside the wish the case had.
 */
export function closeCase(turn: Turn, outcome: Outcome, solvedBy: Wants | null = null, c = turn.state.active): ClosedCase | null {
  if (!c) return null;
  turn.cancelAllReminders(c);
  record(turn, c, outcome, solvedBy ? { note: solvedBy } : {});
  const closed: ClosedCase = { ...c, phase: 'closed', outcome, closedAt: turn.nowIso };
  const summary: CaseSummary = {
    id: c.id,
    openedAt: c.openedAt,
    closedAt: turn.nowIso,
    status: outcome,
    orderId: c.slots.orderId,
    problem: c.slots.problem,
    wants: c.slots.wants,
    problemText: c.slots.problemText,
    ...(solvedBy ? { solvedBy } : {}),
    kept: true,
  };
  // A case left before anything was collected is not worth keeping in /cases. One kept has its
  // record kept too, by the store, outside the working document (its file for /export).
  const empty = outcome !== 'resolved' && isEmptyCase(c);
  if (!empty) {
    const list = [...turn.state.closed, summary].slice(-CLOSED_KEPT);
    // Past the latest RECORDS_KEPT, a summary no longer says its record is kept (the store drops it).
    const older = list.length - RECORDS_KEPT;
    turn.state.closed = older > 0 ? list.map((s, i) => (i < older && s.kept ? withoutRecord(s) : s)) : list;
    turn.closed.push(closed);
  }
  if (c !== turn.state.active) return closed;
  turn.state.active = null;
  turn.state.pending = null;
  turn.state.menus = [];
  delete turn.state.answeredMenu;
  return closed;
}

function withoutRecord({ kept: _, ...summary }: CaseSummary): CaseSummary {
  return summary;
}

/** Nothing collected yet: no element, no evidence. */
export function isEmptyCase(c: OpenCase): boolean {
  return !c.slots.orderId && !c.slots.problem && !c.slots.wants && c.evidence.length === 0;
}

/** The reply_deadline reminders that fired since the last seller letter, the latest first. */
export function replyTimeNudges(c: FollowingCase): TimelineEntry[] {
  const nudges: TimelineEntry[] = [];
  for (let i = c.timeline.length - 1; i >= 0; i -= 1) {
    const e = c.timeline[i]!;
    if (e.type === 'draft_sent' && SELLER_LETTERS.has(e.note)) break;
    if (e.type === 'nudged' && e.note === 'reply_deadline') nudges.push(e);
  }
  return nudges;
}

/** Whether the case's reply_deadline reminder, still to come, is the question asked again (for /status). */
export function letterCheckAgainPending(c: FollowingCase): boolean {
  return c.reminders.some((r) => r.reason === 'reply_deadline') && replyTimeNudges(c).length > 0;
}

/** The latest agreement or ruling for the buyer on the record. */
export function settlement(c: OpenCase): TimelineEntry | null {
  return c.timeline.filter((x) => x.type === 'seller_agreed' || x.type === 'platform_ruled_buyer').at(-1) ?? null;
}

/** The sum the seller agreed to or the platform ruled, as the buyer told it; null when none was named. */
export function settledSum(c: OpenCase): number | null {
  return settledOn(c.timeline)?.sum ?? null;
}
