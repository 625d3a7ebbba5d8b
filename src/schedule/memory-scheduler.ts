/**
 * The in-memory `Scheduler`. Same semantics as `RedisScheduler` (same contract suite):
 * due-ness is judged against the `now` the caller passes (the injected dialogue clock),
 * leases against real time (they protect against a crashed deliverer).
 */
import type { DueReminder, Scheduler } from './port.ts';
// The member encoding the Redis scheduler uses, so ties in due time sort the same way.
import { reminderMember } from '../redis/keys.ts';

export interface MemorySchedulerOptions {
  /** Real time for leases, in ms. Default `Date.now`. */
  leaseClock?: () => number;
}

interface Pending {
  userId: string;
  reminderId: string;
  dueAt: number;
}

interface Leased extends Pending {
  leaseUntil: number;
}

export const DEFAULT_CLAIM_LIMIT = 100;

/**
 * @example
 * const scheduler = new MemoryScheduler();
 * await scheduler.set('u1', 'c1-seller_promise', new Date('2026-11-23T10:00:00+08:00'));
 * const due = await scheduler.claimDue(clock.now(), 60_000);
 */
export class MemoryScheduler implements Scheduler {
  readonly kind = 'memory' as const;
  readonly #pending = new Map<string, Pending>();
  readonly #leased = new Map<string, Leased>();
  readonly #leaseClock: () => number;

  constructor(opts: MemorySchedulerOptions = {}) {
    this.#leaseClock = opts.leaseClock ?? Date.now;
  }

  async set(userId: string, reminderId: string, dueAt: Date): Promise<void> {
    // A claimed reminder that is re-set (a tick that re-arms itself) stays leased too:
    // the pending entry wins when the lease is acked or expires.
    this.#pending.set(reminderMember(userId, reminderId), { userId, reminderId, dueAt: dueAt.getTime() });
  }

  async cancel(userId: string, reminderId: string): Promise<void> {
    const m = reminderMember(userId, reminderId);
    this.#pending.delete(m);
    this.#leased.delete(m);
  }

  async cancelAll(userId: string): Promise<void> {
    for (const map of [this.#pending, this.#leased]) {
      for (const [m, r] of map) if (r.userId === userId) map.delete(m);
    }
  }

  async claimDue(now: Date, leaseMs: number, limit = DEFAULT_CLAIM_LIMIT): Promise<DueReminder[]> {
    const t = this.#leaseClock();
    // Expired leases: the deliverer died. Re-queue with the original due time, unless the
    // reminder was re-set meanwhile (then the new pending entry is the one that counts).
    for (const [m, r] of this.#leased) {
      if (r.leaseUntil > t) continue;
      this.#leased.delete(m);
      if (!this.#pending.has(m)) this.#pending.set(m, { userId: r.userId, reminderId: r.reminderId, dueAt: r.dueAt });
    }
    const cutoff = now.getTime();
    const due = [...this.#pending.entries()]
      .filter(([, r]) => r.dueAt <= cutoff)
      .sort(([ma, a], [mb, b]) => a.dueAt - b.dueAt || (ma < mb ? -1 : ma > mb ? 1 : 0))
      .slice(0, limit);
    return due.map(([m, r]) => {
      this.#pending.delete(m);
      this.#leased.set(m, { ...r, leaseUntil: t + leaseMs });
      return { userId: r.userId, reminderId: r.reminderId, dueAt: new Date(r.dueAt) };
    });
  }

  async ack(userId: string, reminderId: string): Promise<void> {
    this.#leased.delete(reminderMember(userId, reminderId));
  }

  async nextDueAt(): Promise<Date | null> {
    let min: number | null = null;
    for (const r of this.#pending.values()) if (min === null || r.dueAt < min) min = r.dueAt;
    return min === null ? null : new Date(min);
  }

  async close(): Promise<void> {}
}
