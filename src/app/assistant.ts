/**
 * The shell around the pure engine: load → step → commit (state + outbox) → deliver.
 *
 * Adapters call `handle(userId, inbound)` for every buyer event and supply a `deliver`
 * function that sends messages to one user. Reminders come back through `fireDue()`
 * (called by a poller, or by the scripted chat's `tick`).
 */
import type { Logger } from 'pino';
import { step, freshState, type EngineConfig } from '../engine/engine.ts';
import type { Inbound, Outbound, UserState } from '../domain/index.ts';
import type { OutboxBatch, SessionStore } from '../store/port.ts';
import type { Scheduler } from '../schedule/port.ts';
import type { Clock } from './clock.ts';
import { AppError, errorKind } from '../domain/errors.ts';
import { apologyFor } from '../engine/apology.ts';

/** Sends messages to one user. Throws `AppError` with kind `blocked` when the user blocked the bot. */
export type Deliver = (userId: string, messages: Outbound[], meta: DeliveryMeta) => Promise<void>;

export interface DeliveryMeta {
  /** The locale the messages are in (for adapter-side wording such as button labels). */
  locale: UserState['locale'];
}

export interface AssistantDeps {
  store: SessionStore;
  scheduler: Scheduler;
  clock: Clock;
  logger: Logger;
  deliver: Deliver;
  /** IANA timezone for users without their own (BOT_TIMEZONE). */
  timezone: string;
  /** How long an outbox batch or reminder is leased to one deliverer. */
  leaseMs?: number;
  /** A reminder delivered this long after its due time is worded as late. */
  lateAfterMs?: number;
}

const DEFAULT_LEASE_MS = 60_000;
const DEFAULT_LATE_AFTER_MS = 15 * 60_000;

export class Assistant {
  readonly #d: AssistantDeps;
  readonly #engine: EngineConfig;

  constructor(deps: AssistantDeps) {
    this.#d = deps;
    this.#engine = { timezone: deps.timezone };
  }

  /**
   * Handle one buyer event: run the engine on the stored state, commit the new state
   * with its outbox atomically, then deliver. Never throws for the buyer's input: a
   * storage failure becomes a short apology (nothing was written).
   */
  async handle(userId: string, inbound: Inbound): Promise<void> {
    const now = this.#d.clock.now();
    let batch: OutboxBatch;
    let warnings: string[] = [];
    try {
      batch = await this.#d.store.transact(userId, (loaded) => {
        const base = loaded.state ?? freshState(userId);
        const result = step(base, inbound, now, { ...this.#engine, restarted: loaded.corrupt });
        warnings = result.warnings ?? [];
        return {
          state: result.state,
          messages: result.out,
          schedule: result.schedule,
          locale: result.state.locale,
          forget: result.forget ?? false,
        };
      });
    } catch (err) {
      await this.#apologize(userId, err);
      return;
    }
    for (const w of warnings) this.#d.logger.warn({ userId }, w);
    await this.#deliverBatch(batch);
  }

  /** Deliver every reminder due by now (each exactly once), in due order. Returns how many fired. */
  async fireDue(): Promise<number> {
    const now = this.#d.clock.now();
    const due = await this.#d.scheduler.claimDue(now, this.#d.leaseMs ?? DEFAULT_LEASE_MS);
    for (const r of due) {
      const late = now.getTime() - r.dueAt.getTime() > (this.#d.lateAfterMs ?? DEFAULT_LATE_AFTER_MS);
      await this.handle(r.userId, { type: 'tick', reminderId: r.reminderId, late });
      await this.#d.scheduler.ack(r.userId, r.reminderId);
    }
    return due.length;
  }

  /** Deliver outbox batches left undelivered by a crash (all users). Call at start. */
  async recover(): Promise<number> {
    const batches = await this.#d.store.claimOutbox(null, this.#d.leaseMs ?? DEFAULT_LEASE_MS);
    for (const b of batches) await this.#deliverBatch(b);
    return batches.length;
  }

  async #deliverBatch(batch: OutboxBatch): Promise<void> {
    const { store, scheduler, logger } = this.#d;
    for (const change of batch.schedule) {
      if (change.op === 'set') await scheduler.set(change.userId, change.id, new Date(change.dueAt));
      else await scheduler.cancel(change.userId, change.id);
    }
    if (batch.messages.length > 0) {
      try {
        await this.#d.deliver(batch.userId, batch.messages, { locale: batch.locale });
      } catch (err) {
        const kind = errorKind(err);
        if (kind === 'blocked') {
          logger.info({ userId: batch.userId }, 'user blocked the bot: cancelling their reminders');
          await scheduler.cancelAll(batch.userId);
        } else if (kind === 'messenger_refused' && (err as AppError).retryAfter === undefined) {
          // A permanent refusal (400 "chat not found", a message it will never accept):
          // retrying would fail forever, so the batch is dropped and logged.
          logger.error({ err, userId: batch.userId, batch: batch.id }, 'messenger refused the batch for good; dropped');
        } else {
          // Transport trouble: leave the batch in the outbox; recovery delivers it later.
          logger.warn({ err, userId: batch.userId, batch: batch.id }, 'delivery failed; batch stays in the outbox');
          return;
        }
      }
    }
    if (batch.forget) {
      await scheduler.cancelAll(batch.userId);
      await store.forget(batch.userId);
      return;
    }
    await store.ackOutbox(batch.userId, batch.id);
  }

  async #localeOf(userId: string): Promise<UserState['locale']> {
    try {
      return (await this.#d.store.load(userId)).state?.locale ?? null;
    } catch {
      return null;
    }
  }

  async #apologize(userId: string, err: unknown): Promise<void> {
    const kind = errorKind(err);
    this.#d.logger.error({ err, userId, kind }, 'turn failed; nothing was written');
    const locale = await this.#localeOf(userId);
    try {
      await this.#d.deliver(userId, [apologyFor(kind === 'transport' ? 'storage' : 'bug', locale)], { locale });
    } catch (deliverErr) {
      this.#d.logger.warn({ err: deliverErr, userId }, 'could not deliver the apology either');
    }
  }
}

export { AppError };
