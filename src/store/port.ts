/**
 * Where user state lives. Two implementations: `MemorySessionStore` (default, no setup)
 * and `RedisSessionStore` (`REDIS_URL`). Both pass the same contract suite
 * (test/store/session-store.contract.ts).
 */
import type { Locale, Outbound, ScheduleChange, UserState } from '../domain/index.ts';

/** What a read found. `corrupt`: a stored document existed but did not parse (old version, damage). */
export interface Loaded {
  state: UserState | null;
  corrupt: boolean;
}

/**
 * The effects of one committed turn, kept in the user's outbox until delivered:
 * committing the state and its outbox in one transaction means a crash between
 * commit and delivery re-delivers on recovery instead of dropping the reply.
 */
export interface OutboxBatch {
  /** Unique per batch (assigned by the store). */
  id: string;
  userId: string;
  messages: Outbound[];
  schedule: ScheduleChange[];
  /** The language the messages are in (adapters word their own buttons with it). */
  locale: Locale | null;
  /** The user asked to be forgotten: after delivery, delete everything about them. */
  forget?: boolean;
}

export interface TurnOutcome {
  /** The new state to store. */
  state: UserState;
  messages: Outbound[];
  schedule: ScheduleChange[];
  locale: Locale | null;
  forget?: boolean;
}

export interface SessionStore {
  readonly kind: 'memory' | 'redis';
  load(userId: string): Promise<Loaded>;
  /**
   * Atomically read the user's state, compute the turn, write the new state and append
   * the outbox batch. `turn` must be pure: under contention it may run more than once
   * and only the last run's result is committed.
   */
  transact(userId: string, turn: (current: Loaded) => TurnOutcome): Promise<OutboxBatch>;
  /**
   * Claim undelivered outbox batches (of one user, or of everyone when `userId` is null)
   * for `leaseMs`: another caller will not get them until the lease expires unacked.
   * Oldest first.
   */
  claimOutbox(userId: string | null, leaseMs: number): Promise<OutboxBatch[]>;
  /** The batch was delivered: remove it from the outbox. */
  ackOutbox(userId: string, batchId: string): Promise<void>;
  /** Delete everything stored about the user (state, outbox). */
  forget(userId: string): Promise<void>;
  close(): Promise<void>;
}
