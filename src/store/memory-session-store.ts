/**
 * The in-memory `SessionStore` (no setup; state is lost when the process ends).
 *
 * Same semantics as `RedisSessionStore`, checked by the same contract suite: batches get
 * ids and leases, delivery progress is recorded per message, update ids are remembered
 * per user, and the batch a `transact` returns is leased to its caller for
 * `inflightLeaseMs` so a concurrent `claimOutbox(null)` does not deliver it a second time.
 * The committed state object is kept as is (the engine never mutates its input), so a
 * turn costs no encode or parse; only raw documents (`putRaw`) are parsed, on read. Closed
 * cases' records are kept in their stored form, as in Redis.
 * Not implemented here: the retention TTL (a process that lives 180 days keeps closed
 * cases until it restarts).
 */
import type { ClosedCase, UserState } from '../domain/index.ts';
import type { Committed, Loaded, OutboxBatch, SessionStore, TransactOptions, TurnOutcome } from './port.ts';
import { decodeRecord, decodeState, duplicateBatch, isEmptyBatch, keptRecords, makeBatch, recordDoc } from './codec.ts';

export interface MemorySessionStoreOptions {
  /** How long the batch returned by `transact` is reserved for its caller. Default 10 s. */
  inflightLeaseMs?: number;
  /**
   * Real time for leases, in ms. Leases protect against crashed deliverers, so they run
   * on real time, not on the injected dialogue clock. Default `Date.now`.
   */
  leaseClock?: () => number;
}

interface Entry {
  batch: OutboxBatch;
  leaseUntil: number;
}

interface Stored {
  /** A trusted state, or a raw document still to be parsed (`putRaw`). */
  state: UserState | string;
  rev: number;
  /** Recent update ids, oldest first. */
  seen: string[];
  /**
   * Closed cases' records by case id, in their stored form (as in Redis: read back through the
   * schema, so both stores give the same record).
   */
  records?: Map<string, string>;
}

/**
 * Default lease of a fresh batch: short, because the deliverer renews it with every
 * message it sends; a process that died is taken over seconds later, not minutes.
 */
export const DEFAULT_INFLIGHT_LEASE_MS = 10_000;
/** How many update ids per user are remembered for exactly-once inbound. */
export const SEEN_PER_USER = 20;

/**
 * @example
 * const store = new MemorySessionStore();
 * const batch = await store.transact('u1', ({ state }) => ({ state: next(state), messages, schedule: [], locale: null }));
 */
export class MemorySessionStore implements SessionStore {
  readonly kind = 'memory' as const;
  readonly #states = new Map<string, Stored>();
  /** Per user, batches in commit order (Map keeps insertion order). */
  readonly #outbox = new Map<string, Map<string, Entry>>();
  readonly #inflightLeaseMs: number;
  readonly #leaseClock: () => number;

  constructor(opts: MemorySessionStoreOptions = {}) {
    this.#inflightLeaseMs = opts.inflightLeaseMs ?? DEFAULT_INFLIGHT_LEASE_MS;
    this.#leaseClock = opts.leaseClock ?? Date.now;
  }

  async load(userId: string): Promise<Loaded> {
    return this.#read(this.#states.get(userId));
  }

  #read(stored: Stored | undefined): Loaded {
    if (!stored) return { state: null, corrupt: false };
    if (typeof stored.state !== 'string') return { state: stored.state, corrupt: false };
    const loaded = decodeState(stored.state);
    if (loaded.state) stored.state = loaded.state;
    return loaded;
  }

  // No `await` inside: the read, the turn and the write run in one synchronous stretch,
  // which is what makes them atomic here.
  async transact(userId: string, turn: (current: Loaded) => TurnOutcome, opts: TransactOptions = {}): Promise<Committed> {
    const current = this.#states.get(userId);
    const { updateId } = opts;
    if (updateId !== undefined && current?.seen.includes(updateId)) {
      return duplicateBatch(userId, current.rev);
    }
    const outcome = turn(this.#read(current));
    const rev = (current?.rev ?? 0) + 1;
    const seen = current?.seen ?? [];
    if (updateId !== undefined) {
      seen.push(updateId);
      if (seen.length > SEEN_PER_USER) seen.shift();
    }
    const batch = makeBatch(userId, rev, outcome);
    this.#states.set(userId, { state: outcome.state, rev, seen, records: keepRecords(current?.records, outcome) });
    if (!isEmptyBatch(batch)) {
      let box = this.#outbox.get(userId);
      if (!box) this.#outbox.set(userId, (box = new Map()));
      box.set(batch.id, { batch, leaseUntil: this.#leaseClock() + this.#inflightLeaseMs });
    }
    return { ...batch };
  }

  async claimOutbox(userId: string | null, leaseMs: number): Promise<OutboxBatch[]> {
    const now = this.#leaseClock();
    const users = userId === null ? [...this.#outbox.keys()] : [userId];
    const claimed: OutboxBatch[] = [];
    for (const u of users) {
      const box = this.#outbox.get(u);
      if (!box) continue;
      for (const entry of box.values()) {
        if (entry.leaseUntil > now) continue;
        entry.leaseUntil = now + leaseMs;
        claimed.push({ ...entry.batch });
      }
    }
    return claimed;
  }

  async markSent(userId: string, batchId: string, sent: number, leaseMs: number): Promise<boolean> {
    const entry = this.#outbox.get(userId)?.get(batchId);
    if (!entry) return false;
    entry.batch.sent = Math.max(entry.batch.sent, sent);
    entry.leaseUntil = this.#leaseClock() + leaseMs;
    return true;
  }

  async ackOutbox(userId: string, batchId: string): Promise<void> {
    const box = this.#outbox.get(userId);
    if (!box) return;
    box.delete(batchId);
    if (box.size === 0) this.#outbox.delete(userId);
  }

  async closedCase(userId: string, caseId: string): Promise<ClosedCase | null> {
    return decodeRecord(this.#states.get(userId)?.records?.get(caseId));
  }

  async forget(userId: string): Promise<void> {
    this.#states.delete(userId);
    this.#outbox.delete(userId);
  }

  /** Test hook: store a raw document as if an older version (or damage) had written it. */
  putRaw(userId: string, doc: string): void {
    const current = this.#states.get(userId);
    this.#states.set(userId, { ...current, state: doc, rev: (current?.rev ?? 0) + 1, seen: current?.seen ?? [] });
  }

  async close(): Promise<void> {}
}

/** The records after a turn: those it closed added, those its state no longer keeps dropped (only a closing turn drops any). */
function keepRecords(records: Map<string, string> | undefined, outcome: TurnOutcome): Map<string, string> | undefined {
  if (!outcome.closed?.length) return records;
  const next = new Map(records);
  for (const c of outcome.closed) next.set(c.id, recordDoc(c));
  const kept = new Set(keptRecords(outcome.state));
  for (const id of next.keys()) if (!kept.has(id)) next.delete(id);
  return next;
}
