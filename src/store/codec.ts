/**
 * How state and outbox batches are turned into stored strings and back. Shared by the
 * memory and Redis stores so corruption and version behaviour is identical in both.
 *
 * Flat cost: a case's evidence and timeline grow with the case, so they are not part of
 * the working document. They are stored as lists of compact entries (one JSON array per
 * entry, trailing defaults dropped, instants as epoch ms) that a turn appends to, and put
 * back into the state when it is read from storage (`decodeState`).
 */
import { randomBytes } from 'node:crypto';
import { UserState, type EvidenceItem, type TimelineEntry } from '../domain/index.ts';
import type { Loaded, OutboxBatch, TurnOutcome } from './port.ts';

/**
 * Parse a stored state: the working document plus, when they belong to its active case,
 * the case's evidence and timeline entries. Missing → `{state: null, corrupt: false}`; a
 * document that is not JSON or fails the current `UserState` schema (old version, damage)
 * → `{state: null, corrupt: true}`. The one validation on the way in. Never throws.
 */
export function decodeState(
  raw: string | null | undefined,
  lists?: { caseId: string | null; evidence: string[]; timeline: string[] },
): Loaded {
  if (raw === null || raw === undefined) return { state: null, corrupt: false };
  let json: unknown;
  try {
    json = JSON.parse(raw);
    const active = (json as { active?: { id?: unknown; evidence?: unknown; timeline?: unknown } | null }).active;
    if (active && lists && lists.caseId === active.id && (lists.evidence.length > 0 || lists.timeline.length > 0)) {
      active.evidence = lists.evidence.map(unpackEvidence);
      active.timeline = lists.timeline.map(unpackTimeline);
    }
  } catch {
    return { state: null, corrupt: true };
  }
  const parsed = UserState.safeParse(json);
  return parsed.success ? { state: parsed.data, corrupt: false } : { state: null, corrupt: true };
}

/** The working document: the state without the active case's evidence and timeline (stored as lists). */
export function workingDoc(state: UserState): string {
  const a = state.active;
  if (!a || (a.evidence.length === 0 && a.timeline.length === 0)) return JSON.stringify(state);
  return JSON.stringify({ ...state, active: { ...a, evidence: [], timeline: [] } });
}

// Instants are kept as epoch ms when that round-trips exactly (the engine writes toISOString()).
function packAt(at: string): string | number {
  const ms = Date.parse(at);
  return Number.isFinite(ms) && new Date(ms).toISOString() === at ? ms : at;
}
function unpackAt(v: unknown): unknown {
  return typeof v === 'number' ? new Date(v).toISOString() : v;
}
function trimTrailing(a: unknown[], defaults: unknown[]): unknown[] {
  let n = a.length;
  while (n > 1 && a[n - 1] === defaults[n - 1]) n--;
  return a.slice(0, n);
}

const EVIDENCE_DEFAULTS = [undefined, undefined, '', null, null];
const TIMELINE_DEFAULTS = [undefined, undefined, '', null, null];

export function packEvidence(e: EvidenceItem): string {
  return JSON.stringify(trimTrailing([packAt(e.at), e.kind, e.caption, e.fileId, e.item], EVIDENCE_DEFAULTS));
}
function unpackEvidence(s: string): unknown {
  const [at, kind, caption = '', fileId = null, item = null] = JSON.parse(s) as unknown[];
  return { at: unpackAt(at), kind, caption, fileId, item };
}

export function packTimeline(t: TimelineEntry): string {
  const happened = t.happenedAt === null ? null : packAt(t.happenedAt);
  return JSON.stringify(trimTrailing([packAt(t.at), t.type, t.note, t.quote, happened], TIMELINE_DEFAULTS));
}
function unpackTimeline(s: string): unknown {
  const [at, type, note = '', quote = null, happenedAt = null] = JSON.parse(s) as unknown[];
  return { at: unpackAt(at), type, note, quote, happenedAt: unpackAt(happenedAt) };
}

/**
 * How a list changed in one turn, so the store appends rather than rewrites:
 * `keep` (unchanged), `append` (`items` added at the end, then the list trimmed to
 * `length` from the end: the engine drops the oldest entries past its caps), or
 * `replace` (anything else: a new case, an edited entry).
 */
export interface ListDelta {
  mode: 'k' | 'a' | 'r';
  length: number;
  items: string[];
}

/**
 * Compare the list as last committed (`before`, null = unknown) with the new one. The
 * engine only appends entries and drops the oldest past its caps; it never edits an entry
 * in place (evidence and timeline are records of what happened). That shape is checked on
 * the two entries where the lists must meet, O(1) whatever the length; anything else
 * there is a full replace. An edit in the middle of a list would not be seen.
 */
export function listDelta<T>(before: readonly T[] | null, after: readonly T[], pack: (x: T) => string): ListDelta {
  const n = before?.length ?? 0;
  if (before === null || (n === 0 && after.length > 0)) return { mode: 'r', length: after.length, items: after.map(pack) };
  if (before === after || (n === 0 && after.length === 0)) return { mode: 'k', length: n, items: [] };
  if (after.length === 0) return { mode: 'r', length: 0, items: [] };
  // after = before.slice(d) + appended, for a small number d of entries dropped from the head.
  for (let d = 0; d <= Math.min(8, n); d++) {
    const appended = after.length - (n - d);
    if (appended < 0) continue;
    if (d < n) {
      if (pack(after[n - d - 1]!) !== pack(before[n - 1]!)) continue;
      if (pack(after[0]!) !== pack(before[d]!)) continue;
    }
    if (appended === 0 && d === 0) return { mode: 'k', length: n, items: [] };
    return { mode: 'a', length: after.length, items: after.slice(after.length - appended).map(pack) };
  }
  return { mode: 'r', length: after.length, items: after.map(pack) };
}

// Batch ids: the revision, this process's tag and a counter. Revisions restart after
// `forget`; the tag and counter keep a late ack of an old batch from hitting a new one.
const PROCESS_TAG = randomBytes(3).toString('hex');
let batchCounter = 0;

/** Build the outbox batch of a turn committed at state revision `seq`. */
export function makeBatch(userId: string, seq: number, outcome: TurnOutcome): OutboxBatch {
  batchCounter = (batchCounter + 1) % Number.MAX_SAFE_INTEGER;
  const batch: OutboxBatch = {
    id: `${seq}.${PROCESS_TAG}.${batchCounter.toString(36)}`,
    userId,
    seq,
    sent: 0,
    messages: outcome.messages,
    schedule: outcome.schedule,
    locale: outcome.locale,
  };
  if (outcome.forget) batch.forget = true;
  return batch;
}

/** The stored form of a batch (`sent` is kept apart, it changes while delivering). */
export function encodeBatch(b: OutboxBatch): string {
  const { sent: _sent, ...rest } = b;
  return JSON.stringify(rest);
}

export function decodeBatch(raw: string, sent: number): OutboxBatch {
  return { ...(JSON.parse(raw) as Omit<OutboxBatch, 'sent'>), sent };
}

/** A batch with nothing to deliver, schedule or forget is not stored at all. */
export function isEmptyBatch(b: OutboxBatch): boolean {
  return b.messages.length === 0 && b.schedule.length === 0 && !b.forget;
}

/** What `transact` returns for an update id that was committed before: nothing to deliver. */
export function duplicateBatch(userId: string, seq: number): OutboxBatch & { duplicate: true } {
  return { id: `dup.${seq}`, userId, seq, sent: 0, messages: [], schedule: [], locale: null, duplicate: true };
}
