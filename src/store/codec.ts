/**
 * How state and outbox batches are turned into stored strings and back. Shared by the
 * memory and Redis stores so corruption and version behaviour is identical in both.
 *
 * Flat cost: a case's evidence and timeline grow with the case, so they are not part of
 * the working document. They are stored as lists of compact entries (entries.ts) that a
 * turn appends to, and put back into the state when it is read from storage
 * (`decodeState`). The working document itself is stored in a compact form too
 * (compact-doc.ts).
 */
import { randomBytes } from 'node:crypto';
import { ClosedCase, UserState, type EvidenceItem, type TimelineEntry } from '../domain/index.ts';
import type { Loaded, OutboxBatch, TurnOutcome } from './port.ts';
import { compactDoc, parseDoc } from './compact-doc.ts';
import { caseBase, packEvidence, packTimeline, unpackEvidence, unpackTimeline } from './entries.ts';

/** A case's lists as read from storage: which case they belong to, and their stored entries. */
export interface StoredLists {
  caseId: string | null;
  evidence: ReadonlyArray<Buffer | string>;
  timeline: ReadonlyArray<Buffer | string>;
}

/**
 * Parse a stored state: the working document plus, when they belong to its active case,
 * the case's evidence and timeline entries. Both the compact forms and the plain JSON stored
 * before them are read. Missing → `{state: null, corrupt: false}`; a document that is not
 * JSON or fails the current `UserState` schema (old version, damage) → `{state: null,
 * corrupt: true}`. The one validation on the way in. Never throws.
 */
export function decodeState(raw: string | null | undefined, lists?: StoredLists): Loaded {
  if (raw === null || raw === undefined) return { state: null, corrupt: false };
  let json: unknown;
  try {
    json = parseDoc(raw);
    const active = (json as { active?: { id?: unknown; openedAt?: unknown; evidence?: unknown; timeline?: unknown } | null }).active;
    if (active && lists && lists.caseId === active.id && (lists.evidence.length > 0 || lists.timeline.length > 0)) {
      const base = caseBase(String(active.openedAt));
      active.evidence = unpackEvidence(lists.evidence, base);
      active.timeline = lists.timeline.map((t) => unpackTimeline(t, base));
    }
  } catch {
    return { state: null, corrupt: true };
  }
  const parsed = UserState.safeParse(json);
  return parsed.success ? { state: parsed.data, corrupt: false } : { state: null, corrupt: true };
}

/** The working document: the state without the active case's evidence and timeline (stored as lists). */
export function workingDoc(state: UserState): string {
  return compactDoc(state, true);
}

/**
 * A closed case's record as stored (written once, when the case closes): the whole case in the
 * compact form, evidence and timeline within it, since it never changes again.
 */
export function recordDoc(c: ClosedCase): string {
  return compactDoc(c);
}

/** Read a record stored by `recordDoc`; null when it does not parse or fails the schema (damage, an old version). */
export function decodeRecord(raw: string | null | undefined): ClosedCase | null {
  if (raw === null || raw === undefined) return null;
  try {
    const parsed = ClosedCase.safeParse(parseDoc(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The ids of the closed cases whose records a state keeps: those its summaries say were kept. */
export function keptRecords(state: UserState): string[] {
  return state.closed.filter((s) => s.kept).map((s) => s.id);
}

/**
 * How a list changed in one turn, so the store appends rather than rewrites:
 * `keep` (unchanged), `append` (`added` at the end, then the list trimmed to `length`
 * from the end: the engine drops the oldest entries past its caps), or `replace`
 * (anything else: a new case, an edited entry; `added` is then the whole list).
 */
export interface ListDelta<T> {
  mode: 'k' | 'a' | 'r';
  length: number;
  added: T[];
}

/** Two evidence items hold the same values. */
export function sameEvidence(a: EvidenceItem, b: EvidenceItem): boolean {
  return a === b || (a.at === b.at && a.kind === b.kind && a.caption === b.caption && a.fileId === b.fileId && a.item === b.item);
}

/** Two timeline entries hold the same values. */
export function sameTimeline(a: TimelineEntry, b: TimelineEntry): boolean {
  return a === b || (a.at === b.at && a.type === b.type && a.note === b.note && a.quote === b.quote && a.happenedAt === b.happenedAt && (a.deadline ?? null) === (b.deadline ?? null));
}

/**
 * Compare the list as last committed (`before`, null = unknown) with the new one. The
 * engine appends entries and drops the oldest past its caps; an entry can also change in
 * place (evidence logged before the problem was known gets its checklist item later), which
 * is a replace. Every entry where the lists overlap is compared, so no change goes unseen.
 */
export function listDelta<T>(before: readonly T[] | null, after: readonly T[], same: (a: T, b: T) => boolean): ListDelta<T> {
  const n = before?.length ?? 0;
  if (before === null || (n === 0 && after.length > 0)) return { mode: 'r', length: after.length, added: [...after] };
  if (before === after || (n === 0 && after.length === 0)) return { mode: 'k', length: n, added: [] };
  if (after.length === 0) return { mode: 'r', length: 0, added: [] };
  // after = before.slice(d) + appended, for a small number d of entries dropped from the head.
  for (let d = 0; d <= Math.min(8, n); d++) {
    const appended = after.length - (n - d);
    if (appended < 0) continue;
    if (d < n && (!same(after[n - d - 1]!, before[n - 1]!) || !same(after[0]!, before[d]!))) continue;
    let equal = true;
    for (let i = d + 1; equal && i < n - 1; i++) equal = same(after[i - d]!, before[i]!);
    if (!equal) continue;
    if (appended === 0 && d === 0) return { mode: 'k', length: n, added: [] };
    return { mode: 'a', length: after.length, added: after.slice(after.length - appended) };
  }
  return { mode: 'r', length: after.length, added: [...after] };
}

/** A list's change as the commit script applies it: `ListDelta` with the entries in their stored form. */
export interface StoredChange {
  mode: 'k' | 'a' | 'r';
  length: number;
  items: Array<Buffer | string>;
}

/** How the evidence list changed, its new entries packed (`base`: the case's `caseBase`). */
export function evidenceChange(before: readonly EvidenceItem[] | null, after: readonly EvidenceItem[], base: number): StoredChange {
  let d = listDelta(before, after, sameEvidence);
  // An entry may share its file id's first bytes with the entry before it: entries appended
  // follow the list's last one, and a list that lost its head (past the engine's cap of 200)
  // is written again from its start.
  if (d.mode === 'a' && d.length < before!.length + d.added.length) d = { mode: 'r', length: after.length, added: [...after] };
  return { mode: d.mode, length: d.length, items: packEvidence(d.added, base, d.mode === 'a' ? before!.at(-1)! : null) };
}

/** How the timeline changed, its new entries packed. */
export function timelineChange(before: readonly TimelineEntry[] | null, after: readonly TimelineEntry[], base: number): StoredChange {
  const d = listDelta(before, after, sameTimeline);
  return { mode: d.mode, length: d.length, items: d.added.map((t) => packTimeline(t, base)) };
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
  // The fields of `makeBatch` but `sent`, in its order, without a rest copy of the batch.
  const stored: Omit<OutboxBatch, 'sent'> = { id: b.id, userId: b.userId, seq: b.seq, messages: b.messages, schedule: b.schedule, locale: b.locale };
  if (b.forget !== undefined) stored.forget = b.forget;
  return JSON.stringify(stored);
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
