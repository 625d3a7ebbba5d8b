/**
 * Where user state lives. Two implementations: `MemorySessionStore` (default, no setup)
 * and `RedisSessionStore` (`REDIS_URL` / `REDIS_CLUSTER_NODES`). Both pass the same
 * contract suite (test/store/session-store.contract.ts).
 */
import type { ClosedCase, Locale, Outbound, ScheduleChange, UserState } from '../domain/index.ts';

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
  /** The state revision the batch was committed with: orders a user's batches. */
  seq: number;
  /**
   * How many of `messages` were already delivered (recorded with `markSent`): recovery
   * delivers only `messages.slice(sent)`. 0 for a batch fresh from `transact`.
   */
  sent: number;
  messages: Outbound[];
  /**
   * Reminder changes of the turn. A recovered batch may be older than the user's current
   * state: apply a change only where the current state still agrees (see Assistant).
   */
  schedule: ScheduleChange[];
  /** The language the messages are in (adapters word their own buttons with it). */
  locale: Locale | null;
  /** The user asked to be forgotten: after delivery, delete everything about them. */
  forget?: boolean;
}

/** What `transact` returns: the committed batch, or `duplicate` when the update id was committed before. */
export type Committed = OutboxBatch & {
  /** The update id was already committed: the turn did not run and nothing was written. */
  duplicate?: true;
};

export interface TurnOutcome {
  /** The new state to store. Trusted: the store does not validate it again on the way out. */
  state: UserState;
  messages: Outbound[];
  schedule: ScheduleChange[];
  locale: Locale | null;
  forget?: boolean;
  /**
   * Cases closed in this turn (`StepResult.closed`): each record is stored with the state, in the
   * same atomic step, outside the working document, and read only by `closedCase`. Records of cases
   * no longer among the state's kept summaries (`closed` with `kept`) are dropped then.
   */
  closed?: ClosedCase[];
}

export interface TransactOptions {
  /**
   * The inbound update's id (e.g. `tg:<bot>:<update_id>`). It is recorded in the same
   * atomic step that commits the turn, and a second `transact` with an id among the
   * user's recent ones commits nothing and returns `duplicate: true`: a retried update is
   * processed exactly once, and a crash before the commit loses nothing (the retry runs it).
   */
  updateId?: string;
}

export interface SessionStore {
  readonly kind: 'memory' | 'redis';
  load(userId: string): Promise<Loaded>;
  /**
   * Atomically read the user's state, compute the turn, write the new state and append
   * the outbox batch (and record `opts.updateId`). `turn` must be pure: under contention
   * it may run more than once and only the last run's result is committed.
   */
  transact(userId: string, turn: (current: Loaded) => TurnOutcome, opts?: TransactOptions): Promise<Committed>;
  /**
   * Claim undelivered outbox batches (of one user, or of everyone when `userId` is null)
   * for `leaseMs`: another caller will not get them until the lease expires unacked.
   * Oldest first per user.
   */
  claimOutbox(userId: string | null, leaseMs: number): Promise<OutboxBatch[]>;
  /**
   * Record that the first `sent` messages of a batch were delivered, and renew its lease
   * for `leaseMs` (the deliverer is alive). Resolves false, recording nothing, when the batch
   * is no longer the caller's to deliver: gone (delivered, forgotten), or claimed by another
   * process after the caller's lease ran out. The caller then stops delivering it.
   */
  markSent(userId: string, batchId: string, sent: number, leaseMs: number): Promise<boolean>;
  /** The batch was delivered: remove it from the outbox. */
  ackOutbox(userId: string, batchId: string): Promise<void>;
  /**
   * The record of a closed case as it was when it closed (`TurnOutcome.closed`), or null when none
   * is kept (closed before records were kept, no longer among the state's kept summaries, forgotten or expired).
   */
  closedCase(userId: string, caseId: string): Promise<ClosedCase | null>;
  /** Delete everything stored about the user (state, case lists, closed cases' records, outbox). */
  forget(userId: string): Promise<void>;
  close(): Promise<void>;
}
