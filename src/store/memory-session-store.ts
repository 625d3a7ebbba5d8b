/**
 * The in-memory `SessionStore` (no setup; state is lost when the process ends).
 *
 * Same semantics as `RedisSessionStore`, checked by the same contract suite: state is kept
 * as a JSON string and zod-parsed on every read, batches get ids and leases, and the
 * batch a `transact` returns is leased to its caller for `inflightLeaseMs` so a
 * concurrent `claimOutbox(null)` does not deliver it a second time.
 * Not implemented here: the retention TTL (a process that lives 180 days keeps closed
 * cases until it restarts).
 */
import type { Loaded, OutboxBatch, SessionStore, TurnOutcome } from './port.ts';
import { decodeBatch, decodeState, encodeState, isEmptyBatch, makeBatch } from './codec.ts';

export interface MemorySessionStoreOptions {
  /** How long the batch returned by `transact` is reserved for its caller. Default 60 s. */
  inflightLeaseMs?: number;
  /**
   * Real time for leases, in ms. Leases protect against crashed deliverers, so they run
   * on real time, not on the injected dialogue clock. Default `Date.now`.
   */
  leaseClock?: () => number;
}

interface Entry {
  json: string;
  leaseUntil: number;
}

export const DEFAULT_INFLIGHT_LEASE_MS = 60_000;

/**
 * @example
 * const store = new MemorySessionStore();
 * const batch = await store.transact('u1', ({ state }) => ({ state: next(state), messages, schedule: [], locale: null }));
 */
export class MemorySessionStore implements SessionStore {
  readonly kind = 'memory' as const;
  readonly #states = new Map<string, { doc: string; rev: number }>();
  /** Per user, batches in commit order (Map keeps insertion order). */
  readonly #outbox = new Map<string, Map<string, Entry>>();
  readonly #inflightLeaseMs: number;
  readonly #leaseClock: () => number;

  constructor(opts: MemorySessionStoreOptions = {}) {
    this.#inflightLeaseMs = opts.inflightLeaseMs ?? DEFAULT_INFLIGHT_LEASE_MS;
    this.#leaseClock = opts.leaseClock ?? Date.now;
  }

  async load(userId: string): Promise<Loaded> {
    return decodeState(this.#states.get(userId)?.doc);
  }

  // No `await` inside: the read, the turn and the write run in one synchronous stretch,
  // which is what makes them atomic here.
  async transact(userId: string, turn: (current: Loaded) => TurnOutcome): Promise<OutboxBatch> {
    const current = this.#states.get(userId);
    const outcome = turn(decodeState(current?.doc));
    const doc = encodeState(outcome.state);
    const rev = (current?.rev ?? 0) + 1;
    const batch = makeBatch(userId, rev, outcome);
    const json = JSON.stringify(batch);
    this.#states.set(userId, { doc, rev });
    if (!isEmptyBatch(batch)) {
      let box = this.#outbox.get(userId);
      if (!box) this.#outbox.set(userId, (box = new Map()));
      box.set(batch.id, { json, leaseUntil: this.#leaseClock() + this.#inflightLeaseMs });
    }
    return decodeBatch(json);
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
        claimed.push(decodeBatch(entry.json));
      }
    }
    return claimed;
  }

  async ackOutbox(userId: string, batchId: string): Promise<void> {
    const box = this.#outbox.get(userId);
    if (!box) return;
    box.delete(batchId);
    if (box.size === 0) this.#outbox.delete(userId);
  }

  async forget(userId: string): Promise<void> {
    this.#states.delete(userId);
    this.#outbox.delete(userId);
  }

  /** Test hook: store a raw document as if an older version (or damage) had written it. */
  putRaw(userId: string, doc: string): void {
    const rev = (this.#states.get(userId)?.rev ?? 0) + 1;
    this.#states.set(userId, { doc, rev });
  }

  async close(): Promise<void> {}
}
