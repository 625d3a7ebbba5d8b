/**
 * Every Redis key name, built in one place (like BullMQ's `QueueKeys`).
 *
 * Cluster layout. A user's keys share the hash tag `{u:<userId>}`, so everything about one
 * user lives in one slot and one Lua script may touch all of it. The reminder queue's
 * keys share the tag `{reminders}`. No script ever touches keys of both kinds: where an
 * operation needs both (committing a turn and indexing the user as "has outbox"; setting
 * a reminder and indexing it under its user), the per-user part and the global part are
 * separate commands, ordered so that a crash in between leaves only a *stale* index entry,
 * which the readers tolerate and clean lazily:
 * - `outboxUsers` may name a user whose outbox is empty (claimOutbox skips and removes it);
 * - a user's `reminders` index may name a reminder that is no longer queued (cancel of a
 *   missing member is a no-op), and the engine ignores a tick for a reminder that is not
 *   in the user's state.
 *
 * @example
 * const k = new RedisKeys('shouhou');
 * k.user('tg:42').state; // 'shouhou:{u:tg:42}:state'
 */
export interface UserKeys {
  /**
   * HASH `doc` (the working document: the state without the active case's evidence and
   * timeline, in its compact form, store/compact-doc.ts), `rev` (revision, bumped by every
   * commit), `case` (the case id the two lists below belong to), `seen` (the last update ids
   * committed, for exactly-once inbound).
   */
  state: string;
  /** LIST of the active case's evidence, oldest first, one compact entry each (store/entries.ts; appended, not rewritten). */
  evidence: string;
  /** LIST of the active case's timeline, oldest first, one compact entry each. */
  timeline: string;
  /**
   * HASH case id → a closed case's record as it was when it closed (store/codec.ts `recordDoc`):
   * written once, in the commit that closes the case; read only for its case file.
   */
  closed: string;
  /**
   * HASH batchId → batch JSON, `batchId#sent` → how many of its messages were delivered, and
   * `batchId#owner` → who holds its lease (`<instance>#<boot>`, see open-storage.ts).
   */
  outbox: string;
  /** ZSET batchId → lease expiry (server time, ms); 0 = claimable. */
  outboxLease: string;
  /** HASH reminderId → due time (ms): the user's reminders, for `cancelAll`. */
  reminders: string;
  /**
   * ZSET update id → when it began to wait: the user's updates answered "not stored" that
   * the messenger will re-deliver; later ones wait behind them (store/update-order.ts).
   */
  waiting: string;
}

export interface GlobalKeys {
  /** SET of users that may have undelivered outbox batches (for `claimOutbox(null)`). */
  outboxUsers: string;
  /** ZSET member → due time (ms, dialogue time): reminders waiting to fall due. */
  due: string;
  /** ZSET member → lease expiry (server time, ms): reminders claimed, not acked. */
  leased: string;
  /** HASH member → due time (ms) of a leased reminder (to re-queue it if the lease runs out). */
  leasedDue: string;
}

export const DEFAULT_KEY_PREFIX = 'shouhou';

// Braces would move the hash tag and '%' is the escape itself; everything else is safe.
function escapeId(id: string): string {
  // Most ids have nothing to escape: no pattern scan then (every key of a turn is built here).
  if (!id.includes('%') && !id.includes('{') && !id.includes('}')) return id;
  return id.replace(/[%{}]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export class RedisKeys {
  readonly prefix: string;
  readonly global: GlobalKeys;

  constructor(prefix: string = DEFAULT_KEY_PREFIX) {
    if (/[{}]/.test(prefix)) throw new Error(`key prefix must not contain braces: ${prefix}`);
    this.prefix = prefix;
    this.global = {
      outboxUsers: `${prefix}:outbox-users`,
      due: `${prefix}:{reminders}:due`,
      leased: `${prefix}:{reminders}:leased`,
      leasedDue: `${prefix}:{reminders}:leased-due`,
    };
  }

  /** Every key of one user (for `forget`). */
  allOfUser(userId: string): string[] {
    const k = this.user(userId);
    return [k.state, k.evidence, k.timeline, k.closed, k.outbox, k.outboxLease, k.reminders, k.waiting];
  }

  /** A remembered id (see seen-ids.ts), e.g. a Telegram update id: one key each, with a TTL. */
  seen(namespace: string, id: string): string {
    return `${this.prefix}:seen:${escapeId(namespace)}:${escapeId(id)}`;
  }

  /** STRING: how many times the process running as `instance` has started (its boot number). */
  boots(instance: string): string {
    return `${this.prefix}:boots:${escapeId(instance)}`;
  }

  /** A counter of one time window (rate limiting), e.g. a buyer's updates in the last 10 s. */
  counter(namespace: string, key: string): string {
    return `${this.prefix}:count:${escapeId(namespace)}:${escapeId(key)}`;
  }

  user(userId: string): UserKeys {
    const base = `${this.prefix}:{u:${escapeId(userId)}}`;
    return {
      state: `${base}:state`,
      evidence: `${base}:evidence`,
      timeline: `${base}:timeline`,
      closed: `${base}:closed`,
      outbox: `${base}:outbox`,
      outboxLease: `${base}:outbox-lease`,
      reminders: `${base}:reminders`,
      waiting: `${base}:waiting`,
    };
  }
}

/** A reminder's member in the global zsets: unambiguous for any user / reminder id. */
export function reminderMember(userId: string, reminderId: string): string {
  return JSON.stringify([userId, reminderId]);
}

export function parseReminderMember(member: string): { userId: string; reminderId: string } {
  const [userId, reminderId] = JSON.parse(member) as [string, string];
  return { userId, reminderId };
}
