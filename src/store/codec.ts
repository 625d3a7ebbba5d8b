/**
 * How state and outbox batches are turned into stored strings and back. Shared by the
 * memory and Redis stores so corruption and version behaviour is identical in both.
 */
import { randomBytes } from 'node:crypto';
import { UserState } from '../domain/index.ts';
import type { Loaded, OutboxBatch, TurnOutcome } from './port.ts';

/**
 * Parse a stored state document. Missing → `{state: null, corrupt: false}`; a document
 * that is not JSON or fails the current `UserState` schema (old version, damage) →
 * `{state: null, corrupt: true}`. Never throws.
 */
export function decodeState(raw: string | null | undefined): Loaded {
  if (raw === null || raw === undefined) return { state: null, corrupt: false };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { state: null, corrupt: true };
  }
  const parsed = UserState.safeParse(json);
  return parsed.success ? { state: parsed.data, corrupt: false } : { state: null, corrupt: true };
}

/**
 * Serialize a state for storage. Validates first: an engine bug that produces an invalid
 * state fails the turn (nothing written) instead of poisoning the stored document.
 */
export function encodeState(state: UserState): string {
  return JSON.stringify(UserState.parse(state));
}

/** A stored batch: the port's batch plus its position in the user's outbox. */
export interface StoredBatch extends OutboxBatch {
  /** The state revision the batch was committed with: orders a user's batches. */
  seq: number;
}

/**
 * Build the outbox batch of a turn committed at state revision `seq`. Ids are unique
 * (revision + random suffix: revisions restart after `forget`, the suffix keeps a late
 * ack of an old batch from hitting a new one).
 */
export function makeBatch(userId: string, seq: number, outcome: TurnOutcome): StoredBatch {
  const batch: StoredBatch = {
    id: `${seq}-${randomBytes(4).toString('hex')}`,
    seq,
    userId,
    messages: outcome.messages,
    schedule: outcome.schedule,
    locale: outcome.locale,
  };
  if (outcome.forget) batch.forget = true;
  return batch;
}

/** A batch with nothing to deliver, schedule or forget is not stored at all. */
export function isEmptyBatch(b: OutboxBatch): boolean {
  return b.messages.length === 0 && b.schedule.length === 0 && !b.forget;
}

/** Parse a stored batch back into the port's shape (drops `seq`). */
export function decodeBatch(raw: string): OutboxBatch {
  const { seq: _seq, ...batch } = JSON.parse(raw) as StoredBatch;
  return batch;
}
