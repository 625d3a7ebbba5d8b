/**
 * The in-memory `Scheduler`. Same semantics as `RedisScheduler` (same contract suite):
 * due-ness is judged against the `now` the caller passes (the injected dialogue clock),
 * leases against real time (they protect against a crashed deliverer).
 *
 * Pending reminders sit in a binary heap ordered like the Redis sorted set (due time,
 * then member), with lazy deletion: `set` and `cancel` are O(log n), a claim of k due
 * reminders is O(k log n), whatever the number waiting.
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
  member: string;
}

interface Leased extends Pending {
  leaseUntil: number;
}

/** How many reminders one claim takes at most, unless the caller says otherwise. */
export const DEFAULT_CLAIM_LIMIT = 200;

const before = (a: Pending, b: Pending) => a.dueAt < b.dueAt || (a.dueAt === b.dueAt && a.member < b.member);

/** A min-heap of pending entries; an entry no longer in `live` (cancelled, moved) is skipped. */
class DueHeap {
  readonly #a: Pending[] = [];
  push(p: Pending): void {
    const a = this.#a;
    a.push(p);
    for (let i = a.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (!before(a[i]!, a[parent]!)) break;
      [a[i], a[parent]] = [a[parent]!, a[i]!];
      i = parent;
    }
  }
  peek(): Pending | undefined {
    return this.#a[0];
  }
  pop(): Pending | undefined {
    const a = this.#a;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last) {
      a[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && before(a[l]!, a[m]!)) m = l;
        if (r < a.length && before(a[r]!, a[m]!)) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m]!, a[i]!];
        i = m;
      }
    }
    return top;
  }
}

/**
 * @example
 * const scheduler = new MemoryScheduler();
 * await scheduler.set('u1', 'c1-seller_promise', new Date('2026-11-23T10:00:00+08:00'));
 * const due = await scheduler.claimDue(clock.now(), 60_000);
 */
export class MemoryScheduler implements Scheduler {
  readonly kind = 'memory' as const;
  /** member → the live pending entry (the heap may hold stale copies). */
  readonly #pending = new Map<string, Pending>();
  readonly #heap = new DueHeap();
  readonly #leased = new Map<string, Leased>();
  readonly #leaseClock: () => number;

  constructor(opts: MemorySchedulerOptions = {}) {
    this.#leaseClock = opts.leaseClock ?? Date.now;
  }

  #queue(p: Pending): void {
    this.#pending.set(p.member, p);
    this.#heap.push(p);
  }

  /** The earliest live pending entry, dropping stale heap entries on the way. */
  #top(): Pending | undefined {
    for (;;) {
      const top = this.#heap.peek();
      if (!top || this.#pending.get(top.member) === top) return top;
      this.#heap.pop();
    }
  }

  async set(userId: string, reminderId: string, dueAt: Date): Promise<void> {
    const ms = dueAt.getTime();
    if (!Number.isFinite(ms)) throw new RangeError(`invalid due time for reminder ${reminderId}`);
    // A claimed reminder that is re-set (a tick that re-arms itself) stays leased too:
    // the pending entry wins when the lease is acked or expires.
    this.#queue({ userId, reminderId, dueAt: ms, member: reminderMember(userId, reminderId) });
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
      if (!this.#pending.has(m)) this.#queue({ userId: r.userId, reminderId: r.reminderId, dueAt: r.dueAt, member: m });
    }
    const cutoff = now.getTime();
    const claimed: DueReminder[] = [];
    for (let top = this.#top(); top && top.dueAt <= cutoff && claimed.length < limit; top = this.#top()) {
      this.#heap.pop();
      this.#pending.delete(top.member);
      this.#leased.set(top.member, { ...top, leaseUntil: t + leaseMs });
      claimed.push({ userId: top.userId, reminderId: top.reminderId, dueAt: new Date(top.dueAt) });
    }
    return claimed;
  }

  async ack(userId: string, reminderId: string): Promise<void> {
    this.#leased.delete(reminderMember(userId, reminderId));
  }

  async ackMany(reminders: ReadonlyArray<Pick<DueReminder, 'userId' | 'reminderId'>>): Promise<void> {
    for (const r of reminders) this.#leased.delete(reminderMember(r.userId, r.reminderId));
  }

  async retryLater(userId: string, reminderId: string, delayMs: number): Promise<void> {
    const leased = this.#leased.get(reminderMember(userId, reminderId));
    if (leased) leased.leaseUntil = this.#leaseClock() + delayMs;
  }

  async nextDueAt(): Promise<Date | null> {
    const top = this.#top();
    return top ? new Date(top.dueAt) : null;
  }

  async close(): Promise<void> {}
}
