/**
 * Prometheus metrics (CONTRACTS.md §5), on a registry of their own so several services
 * can run in one process (tests). The ports are measured from outside: `instrumentStore`
 * and `instrumentScheduler` wrap the SessionStore and Scheduler, so the Assistant and the
 * storage implementations need no metrics code.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { ErrorKind } from '../domain/errors.ts';
import { errorKind } from '../domain/errors.ts';
import type { Scheduler } from '../schedule/port.ts';
import type { SessionStore } from '../store/port.ts';

export class Metrics {
  readonly registry = new Registry();
  readonly turns = new Counter({
    name: 'shouhou_turns_total',
    help: 'Buyer events handled (messages, button presses, commands, reminders), by messenger and event type',
    labelNames: ['messenger', 'type'] as const,
    registers: [this.registry],
  });
  readonly turnSeconds = new Histogram({
    name: 'shouhou_turn_seconds',
    help: 'Time from taking a buyer event to its replies being delivered',
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });
  readonly remindersFired = new Counter({
    name: 'shouhou_reminders_fired_total',
    help: 'Reminders claimed as due and handed to the engine',
    registers: [this.registry],
  });
  readonly reminderLateness = new Histogram({
    name: 'shouhou_reminder_lateness_seconds',
    help: 'How long after its due time a reminder was claimed',
    buckets: [0.1, 0.5, 1, 2, 5, 10, 30, 60, 300, 900, 3600],
    registers: [this.registry],
  });
  readonly errors = new Counter({
    name: 'shouhou_errors_total',
    help: 'Failures by kind (transport: storage or network; messenger_refused; blocked; bug)',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });
  readonly outboxPending = new Gauge({
    name: 'shouhou_outbox_pending',
    help: 'Reply batches committed or claimed by this process and not yet delivered',
    registers: [this.registry],
  });
  readonly storageSeconds = new Histogram({
    name: 'shouhou_storage_seconds',
    help: 'Latency of storage calls as the app sees them (Redis round trips with REDIS_URL), by operation',
    labelNames: ['op'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 3],
    registers: [this.registry],
  });
  readonly redisPingSeconds = new Gauge({
    name: 'shouhou_storage_ping_seconds',
    help: 'Latency of the last health probe of the storage (a Redis round trip with REDIS_URL)',
    registers: [this.registry],
  });
  readonly up = new Gauge({
    name: 'shouhou_up',
    help: '1 when a component is healthy: storage, reminder_loop, and each messenger',
    labelNames: ['component'] as const,
    registers: [this.registry],
  });
  readonly inFlight = new Gauge({
    name: 'shouhou_turns_in_flight',
    help: 'Buyer events being handled right now',
    registers: [this.registry],
  });

  /** Batch ids this process holds undelivered, per user (for `outbox_pending`). */
  readonly #pending = new Map<string, Set<string>>();

  constructor(opts: { processMetrics?: boolean } = {}) {
    if (opts.processMetrics ?? true) collectDefaultMetrics({ register: this.registry, prefix: 'shouhou_' });
  }

  error(kindOrErr: ErrorKind | unknown): void {
    const kind = typeof kindOrErr === 'string' ? kindOrErr : errorKind(kindOrErr);
    this.errors.inc({ kind });
  }

  /** The Prometheus text exposition. */
  async text(): Promise<string> {
    return this.registry.metrics();
  }

  holdBatch(userId: string, batchId: string): void {
    let set = this.#pending.get(userId);
    if (!set) this.#pending.set(userId, (set = new Set()));
    set.add(batchId);
    this.#updatePending();
  }

  releaseBatch(userId: string, batchId?: string): void {
    const set = this.#pending.get(userId);
    if (!set) return;
    if (batchId === undefined) set.clear();
    else set.delete(batchId);
    if (set.size === 0) this.#pending.delete(userId);
    this.#updatePending();
  }

  #updatePending(): void {
    let n = 0;
    for (const s of this.#pending.values()) n += s.size;
    this.outboxPending.set(n);
  }
}

async function timed<T>(metrics: Metrics, op: string, call: () => Promise<T>): Promise<T> {
  const end = metrics.storageSeconds.startTimer({ op });
  try {
    return await call();
  } catch (err) {
    metrics.error(err);
    throw err;
  } finally {
    end();
  }
}

/** The store, measured: latency per call, failures by kind, batches held for `outbox_pending`. */
export function instrumentStore(store: SessionStore, metrics: Metrics): SessionStore {
  return {
    kind: store.kind,
    load: (userId) => timed(metrics, 'load', () => store.load(userId)),
    async transact(userId, turn, opts) {
      const batch = await timed(metrics, 'transact', () => store.transact(userId, turn, opts));
      metrics.holdBatch(batch.userId, batch.id);
      return batch;
    },
    async claimOutbox(userId, leaseMs) {
      const batches = await timed(metrics, 'claim_outbox', () => store.claimOutbox(userId, leaseMs));
      for (const b of batches) metrics.holdBatch(b.userId, b.id);
      return batches;
    },
    async ackOutbox(userId, batchId) {
      await timed(metrics, 'ack_outbox', () => store.ackOutbox(userId, batchId));
      metrics.releaseBatch(userId, batchId);
    },
    markSent: (userId, batchId, sent, leaseMs) => timed(metrics, 'mark_sent', () => store.markSent(userId, batchId, sent, leaseMs)),
    closedCase: (userId, caseId) => timed(metrics, 'closed_case', () => store.closedCase(userId, caseId)),
    async forget(userId) {
      await timed(metrics, 'forget', () => store.forget(userId));
      metrics.releaseBatch(userId);
    },
    close: () => store.close(),
  };
}

/** The scheduler, measured: latency per call, reminders fired and how late. `now` is the dialogue clock. */
export function instrumentScheduler(scheduler: Scheduler, metrics: Metrics): Scheduler {
  return {
    kind: scheduler.kind,
    set: (u, id, at) => timed(metrics, 'schedule_set', () => scheduler.set(u, id, at)),
    cancel: (u, id) => timed(metrics, 'schedule_cancel', () => scheduler.cancel(u, id)),
    cancelAll: (u) => timed(metrics, 'schedule_cancel_all', () => scheduler.cancelAll(u)),
    async claimDue(now, leaseMs, limit) {
      const due = await timed(metrics, 'claim_due', () => scheduler.claimDue(now, leaseMs, limit));
      for (const r of due) {
        metrics.remindersFired.inc();
        metrics.reminderLateness.observe(Math.max(0, now.getTime() - r.dueAt.getTime()) / 1000);
      }
      return due;
    },
    ack: (u, id) => timed(metrics, 'ack_reminder', () => scheduler.ack(u, id)),
    ackMany: (reminders) => timed(metrics, 'ack_reminders', () => scheduler.ackMany(reminders)),
    retryLater: (u, id, delayMs) => timed(metrics, 'retry_reminder', () => scheduler.retryLater(u, id, delayMs)),
    nextDueAt: () => timed(metrics, 'next_due', () => scheduler.nextDueAt()),
    close: () => scheduler.close(),
  };
}
