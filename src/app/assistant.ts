/**
 * The shell around the pure engine: step → commit (state + outbox, one atomic step) → deliver.
 *
 * Adapters call `handle(userId, inbound, { updateId })` for every buyer event and supply a
 * `deliver` function that sends messages to one user. Reminders come back through
 * `fireDue()` (called by the reminder loop, or by the scripted chat's `tick`), undelivered
 * replies through `recover()`.
 *
 * Exactly once, message by message: a turn's messages are committed with its state (the
 * outbox), then delivered one at a time, each one's record stored before the next goes out;
 * one buyer's batches go out in commit order. A batch cut short by a crash is taken over by
 * the restarted process at once (its lease names an earlier boot of the same instance), or by
 * another process once its short lease runs out, and only its unsent messages go out: a
 * crash can repeat at most the one message that was out while its record was under way.
 */
import type { Logger } from 'pino';
import { step, freshState, type EngineConfig } from '../engine/engine.ts';
import { openCases, type Inbound, type Outbound, type UserState } from '../domain/index.ts';
import type { Committed, OutboxBatch, SessionStore } from '../store/port.ts';
import type { DueReminder, Scheduler } from '../schedule/port.ts';
import type { Clock } from './clock.ts';
import { AppError, errorKind, type ErrorKind } from '../domain/errors.ts';
import { t } from '../i18n/index.ts';
import { withRecord } from '../casefile/index.ts';

/** Sends messages to one user. Throws `AppError` with kind `blocked` when the user blocked the bot. */
export type Deliver = (userId: string, messages: Outbound[], meta: DeliveryMeta) => Promise<void>;

export interface DeliveryMeta {
  /** The locale the messages are in (for adapter-side wording such as button labels). */
  locale: UserState['locale'];
  /**
   * Which committed message this is: its outbox batch and its index in the batch. Absent for
   * messages that were never committed (an apology). A messenger with idempotent sends could
   * key them on it; logs and the fault tests use it to tell a resend from a new message.
   */
  outbox?: { batchId: string; index: number };
}

/** What happened to one inbound event (see `Assistant.handle`). */
export interface HandleResult {
  /**
   * `committed`: the turn was stored and its replies handed to delivery. `duplicate`: the
   * update id had been committed before; nothing was done. `failed`: nothing was stored
   * (storage down, or our bug in `kind`); the buyer got an apology once.
   */
  status: 'committed' | 'duplicate' | 'failed';
  kind?: ErrorKind;
}

export interface HandleOptions {
  /**
   * The update's id, unique per bot and stable across re-deliveries (e.g.
   * `tg:<botId>:<update_id>`). It is recorded in the same atomic step as the turn, so a
   * re-delivered update is processed exactly once. Giving it also promises that the caller
   * re-delivers the update when the result is `failed` with kind `transport` (the Telegram
   * webhook answers 500; long polling leaves the offset unconfirmed and retries the turn): the
   * apology then says it will be processed, and, like every storage apology, it is sent once per buyer per outage.
   * If the caller gives up after all, it calls `gaveUp`, which tells the buyer so.
   */
  updateId?: string;
}

/** Events for metrics (see `AssistantDeps.onEvent`). */
export type AssistantEvent =
  | { type: 'turn'; status: HandleResult['status']; kind?: ErrorKind }
  /** A reminder's turn was committed and handed to delivery `latenessMs` after it was due. */
  | { type: 'reminder'; latenessMs: number }
  | { type: 'delivery_failed'; kind: ErrorKind };

export interface AssistantDeps {
  store: SessionStore;
  scheduler: Scheduler;
  clock: Clock;
  logger: Logger;
  deliver: Deliver;
  /** IANA timezone for users without their own (BOT_TIMEZONE). */
  timezone: string;
  /** How long a claimed outbox batch or reminder is leased to one deliverer (renewed while it works). */
  leaseMs?: number;
  /** A reminder delivered this long after its due time is worded as late. */
  lateAfterMs?: number;
  /**
   * The storage keeps what it acknowledged across a restart (Redis with AOF, see README):
   * the apology may then say that earlier records are kept. Default false.
   */
  durable?: boolean;
  /** Metrics hook: called synchronously, must not throw. */
  onEvent?: (event: AssistantEvent) => void;
  /**
   * Buyers apologised to for storage being down, shared by the replicas where storage allows
   * (Redis: `SET NX` with a TTL, on a key outside the buyer's slot): a re-delivered update that
   * fails again on another replica is not apologised for twice. True the first time, and when
   * it cannot tell (then this process's own memory decides). `forget` ends the buyer's outage.
   */
  apologies?: { firstTime(userId: string): Promise<boolean>; forget?(userId: string): Promise<void> };
  /**
   * The engine a turn runs (default: the engine's `step`). `npm run bench` times it, and swaps in a
   * replay of its results to measure what the shell and storage cost on their own.
   */
  step?: typeof step;
}

export interface FireDueOptions {
  /** Reminders claimed per request. Default 200. */
  batch?: number;
  /**
   * Buyers whose reminders run at the same time. Default 1: strictly in due order (the
   * scripted chat's contract); the reminder loop runs many at once.
   */
  concurrency?: number;
}

/** A batch being delivered by this process, and how far it got. */
interface Delivery {
  batch: OutboxBatch;
  /** Messages delivered so far (the first `sent`). */
  sent: number;
  /** Delivered, given up or handed over: no more lease renewals. */
  done: boolean;
  /** The renewal timer's tick when its lease was last renewed (or the batch was queued). */
  renewedAt: number;
}

const DEFAULT_LEASE_MS = 10_000;
const DEFAULT_LATE_AFTER_MS = 15 * 60_000;
const MAX_RETRY_DELAY_MS = 5 * 60_000;
/**
 * One outage, for one buyer's apology: from the apology until a turn of theirs is stored again,
 * or this long at most (a new outage after that is apologised for again).
 */
export const OUTAGE_APOLOGY_MS = 10 * 60_000;

export class Assistant {
  readonly #d: AssistantDeps;
  /** The engine's configuration, and the same for a turn whose stored state could not be read. */
  readonly #engine: EngineConfig;
  readonly #engineRestarted: EngineConfig;
  readonly #step: typeof step;
  readonly #leaseMs: number;
  /** Work a turn does not wait for (lease renewals); see `idle()`. */
  readonly #background = new Set<Promise<unknown>>();
  /**
   * Buyers this process apologised to for storage being down, and when: once per buyer per
   * outage (a re-delivered failing update, or the buyer's next message, gets no second one).
   */
  readonly #apologisedTo = new Map<string, number>();
  /**
   * Messages this process delivered of batches not yet acknowledged in storage. A progress
   * record or an ack lost to a Redis outage would otherwise let recovery send them again;
   * when this process recovers such a batch, it starts after what it knows it sent.
   */
  readonly #deliveredHere = new Map<string, number>();
  /**
   * Batches this process has queued or is delivering (its own recovery leaves them alone), with
   * their progress; their leases are renewed by one timer for all of them (`#renewLeases`).
   */
  readonly #delivering = new Map<string, Delivery>();
  /** The lease renewal timer, running while batches are being delivered. */
  #renewTimer: ReturnType<typeof setInterval> | null = null;
  /** Ticks of the renewal timer so far. */
  #renewTicks = 0;
  /** Per buyer, the tail of their queue of batches: one buyer's replies go out in commit order. */
  readonly #queues = new Map<string, Promise<void>>();
  /** A recovery claim under way: a turn committed meanwhile delivers after what it claims. */
  #claiming: Promise<unknown> | null = null;
  /** Failed attempts per reminder, for the backoff. */
  readonly #reminderAttempts = new Map<string, number>();

  constructor(deps: AssistantDeps) {
    this.#d = deps;
    this.#engine = { timezone: deps.timezone, restarted: false };
    this.#engineRestarted = { timezone: deps.timezone, restarted: true };
    this.#step = deps.step ?? step;
    this.#leaseMs = deps.leaseMs ?? DEFAULT_LEASE_MS;
  }

  /**
   * Handle one buyer event: run the engine on the stored state, commit the new state with
   * its outbox (and `opts.updateId`) atomically, then deliver. Never throws: a storage
   * failure becomes a short apology (nothing was written) and `{ status: 'failed' }`.
   *
   * @example
   * await assistant.handle('tg:42', { type: 'text', text: '我的快递有问题' }, { updateId: 'tg:7:1001' });
   */
  async handle(userId: string, inbound: Inbound, opts: HandleOptions = {}): Promise<void> {
    await this.#turn(userId, inbound, opts, null);
  }

  /**
   * `handle`, telling what happened: an adapter that confirms updates to the messenger
   * confirms a `failed` one only after a later attempt succeeds.
   *
   * @example
   * const r = await assistant.handleUpdate('tg:42', inbound, { updateId: `tg:${botId}:${update.update_id}` });
   * if (r.status === 'failed') res.writeHead(500); // Telegram re-delivers it
   */
  handleUpdate(userId: string, inbound: Inbound, opts: HandleOptions = {}): Promise<HandleResult> {
    return this.#turn(userId, inbound, opts, null);
  }

  async #turn(userId: string, inbound: Inbound, opts: HandleOptions, reminder: DueReminder | null): Promise<HandleResult> {
    const now = this.#d.clock.now();
    let batch: Committed;
    let warnings: string[] | undefined;
    let committed: UserState | null = null;
    try {
      batch = await this.#d.store.transact(
        userId,
        (loaded) => {
          const base = loaded.state ?? freshState(userId);
          const result = this.#step(base, inbound, now, loaded.corrupt ? this.#engineRestarted : this.#engine);
          warnings = result.warnings;
          committed = result.state;
          return {
            state: result.state,
            messages: result.out,
            schedule: result.schedule,
            locale: result.state.locale,
            forget: result.forget ?? false,
            ...(result.closed ? { closed: result.closed } : {}),
          };
        },
        opts.updateId === undefined ? {} : { updateId: opts.updateId },
      );
    } catch (err) {
      const kind = errorKind(err);
      this.#emit({ type: 'turn', status: 'failed', kind });
      // Storage down is expected now and then: one line with the reason, no stack.
      if (kind === 'transport') this.#d.logger.warn({ userId, kind, reason: reasonOf(err) }, 'turn not stored; nothing was written');
      else this.#d.logger.error({ err, userId, kind }, 'turn failed; nothing was written');
      // A reminder's turn failing is not the buyer's doing: no apology, it is retried.
      if (!reminder) await this.#apologise(userId, kind, opts.updateId);
      return { status: 'failed', kind };
    }
    if (batch.duplicate) {
      this.#emit({ type: 'turn', status: 'duplicate' });
      this.#d.logger.debug({ userId }, 'update already processed; ignored');
      return { status: 'duplicate' };
    }
    this.#emit({ type: 'turn', status: 'committed' });
    // The buyer's outage is over: a later one is apologised for again.
    if (this.#apologisedTo.delete(userId) && this.#d.apologies?.forget) this.#later(this.#d.apologies.forget(userId));
    if (warnings) for (const w of warnings) this.#d.logger.warn({ userId }, w);
    if (reminder) this.#emit({ type: 'reminder', latenessMs: this.#d.clock.now().getTime() - reminder.dueAt.getTime() });
    if (this.#claiming) await this.#claiming.catch(() => undefined);
    await this.#deliverBatch(batch, committed);
    return { status: 'committed' };
  }

  /**
   * Run every reminder due by now through the engine (each exactly once) and hand the
   * replies to delivery; keeps claiming while reminders are due. A reminder is acknowledged
   * only after its turn was committed; otherwise it is retried later, with backoff.
   * Returns how many were claimed.
   */
  async fireDue(opts: FireDueOptions = {}): Promise<number> {
    const limit = opts.batch ?? 200;
    const concurrency = opts.concurrency ?? 1;
    const claim = () => this.#d.scheduler.claimDue(this.#d.clock.now(), this.#leaseMs, limit);
    let total = 0;
    // Acknowledgements are not waited for before the next claim (all are before returning).
    const acks: Array<Promise<unknown>> = [];
    let next: Promise<DueReminder[]> | null = claim();
    let failure: { err: unknown } | null = null;
    try {
      for (;;) {
        const due: DueReminder[] = await next;
        next = null;
        if (due.length === 0) break;
        total += due.length;
        // A full batch: more may be due. Running many at once, the next batch is claimed while
        // this one runs (one at a time, in due order, it is claimed after: a reminder this batch
        // sets that is due already is then part of it, as the scripted chat expects).
        if (due.length >= limit && concurrency > 1) next = settledLater(claim());
        const done: DueReminder[] = [];
        await forEachUser(due, concurrency, async (r) => {
          const late = this.#d.clock.now().getTime() - r.dueAt.getTime() > (this.#d.lateAfterMs ?? DEFAULT_LATE_AFTER_MS);
          const result = await this.#turn(r.userId, { type: 'tick', reminderId: r.reminderId, late }, {}, r);
          const key = `${r.userId}\u0000${r.reminderId}`;
          if (result.status !== 'failed') {
            done.push(r);
            this.#reminderAttempts.delete(key);
            return;
          }
          const attempts = (this.#reminderAttempts.get(key) ?? 0) + 1;
          this.#reminderAttempts.set(key, attempts);
          const delay = Math.min(MAX_RETRY_DELAY_MS, 1_000 * 2 ** (attempts - 1));
          await this.#d.scheduler.retryLater(r.userId, r.reminderId, delay).catch((err: unknown) => {
            // Storage down: the lease runs out by itself and the reminder comes back then.
            this.#d.logger.warn({ err, userId: r.userId }, 'could not postpone a failed reminder');
          });
        });
        acks.push(settledLater(this.#d.scheduler.ackMany(done)));
        if (due.length < limit) break;
        next ??= claim();
      }
    } catch (err) {
      // A claim made ahead and not used: its reminders come back when their lease runs out.
      failure = { err };
    }
    const ackFailed = (await Promise.allSettled(acks)).find((a): a is PromiseRejectedResult => a.status === 'rejected');
    if (failure) throw failure.err;
    if (ackFailed) throw ackFailed.reason;
    return total;
  }

  /**
   * Deliver outbox batches left undelivered (a crash, a failed delivery), all users; only
   * their unsent messages. A batch is taken once its lease ran out, or at once when the lease
   * is held by an earlier run of this same instance (a restart: that process is dead). Call at
   * start and now and then; resolves once they are delivered.
   */
  async recover(): Promise<number> {
    const claim = this.#d.store.claimOutbox(null, this.#leaseMs);
    // Turns committed meanwhile deliver after what this claims (a buyer's older replies first).
    this.#claiming = claim;
    let claimed: OutboxBatch[];
    try {
      claimed = await claim;
    } finally {
      if (this.#claiming === claim) this.#claiming = null;
    }
    // Queued at once (no await in between), so they go ahead of any turn's batch of the same buyer.
    const runs = claimed.map((b) => this.#deliverBatch(b, undefined));
    return (await Promise.all(runs)).filter(Boolean).length;
  }

  /** Milliseconds until the next pending reminder is due (by the assistant's clock), or null. */
  async msUntilNextDue(): Promise<number | null> {
    const next = await this.#d.scheduler.nextDueAt();
    return next === null ? null : next.getTime() - this.#d.clock.now().getTime();
  }

  /** Resolves once the work turns did not wait for (lease renewals) and every queued delivery is done. */
  async idle(): Promise<void> {
    while (this.#background.size > 0 || this.#queues.size > 0) {
      await Promise.allSettled([...this.#background, ...this.#queues.values()]);
    }
  }

  /**
   * Queue a committed batch for delivery after the buyer's earlier batches (in this process);
   * resolves true once it was delivered or given up, false if it was already queued here.
   * `current`: the user's state as this turn committed it; `undefined` for a recovered batch,
   * whose schedule changes are then checked against the stored state: a later turn may have
   * superseded them (a `/new` that cancelled a reminder an older batch sets).
   */
  #deliverBatch(batch: OutboxBatch, current: UserState | null | undefined): Promise<boolean> {
    const key = `${batch.userId}\u0000${batch.id}`;
    // Our own batch, still queued or being delivered (its lease may have run out meanwhile:
    // a stalled event loop, a long queue): ours to finish, not to start again.
    if (this.#delivering.has(key)) return Promise.resolve(false);
    const progress: Delivery = { batch, sent: Math.max(batch.sent, this.#deliveredHere.get(key) ?? 0), done: false, renewedAt: this.#renewTicks };
    // Keep the lease while it waits and while a slow delivery (a throttled messenger) is under way.
    this.#delivering.set(key, progress);
    if (this.#renewTimer === null) {
      this.#renewTimer = setInterval(() => this.#renewLeases(), this.#leaseMs / 6);
      this.#renewTimer.unref?.();
    }
    const run = (this.#queues.get(batch.userId) ?? Promise.resolve())
      .then(() => this.#deliverBatchNow(batch, current, key, progress))
      .catch((err: unknown) => this.#d.logger.warn({ userId: batch.userId, reason: reasonOf(err) }, 'delivery stopped; recovery finishes it'))
      .finally(() => {
        progress.done = true;
        this.#delivering.delete(key);
      });
    this.#queues.set(batch.userId, run);
    void run.then(() => {
      if (this.#queues.get(batch.userId) === run) this.#queues.delete(batch.userId);
    });
    return run.then(() => true);
  }

  /**
   * Renew the leases of the batches being delivered: one timer for all of them, ticking every
   * sixth of the lease, renews each batch every second tick, counted from when it was queued.
   * So a batch's first renewal comes within a third of the lease (as with a timer of its own
   * per batch, at a third), and then every third; a batch delivered within two ticks, as almost
   * all are, costs the timer nothing. The timer stops once nothing is being delivered.
   */
  #renewLeases(): void {
    if (this.#delivering.size === 0) {
      clearInterval(this.#renewTimer!);
      this.#renewTimer = null;
      return;
    }
    const tick = ++this.#renewTicks;
    for (const d of this.#delivering.values()) {
      if (d.done || tick - d.renewedAt < 2) continue;
      d.renewedAt = tick;
      this.#later(this.#d.store.markSent(d.batch.userId, d.batch.id, d.sent, this.#leaseMs));
    }
  }

  /**
   * Send a batch's messages one at a time. Each one's record is confirmed by storage before the
   * next goes out (the last one's by the ack), so a crash can re-send at most the one message
   * that was out while its record was under way — the window no bot can close without an
   * idempotent messenger API.
   */
  async #deliverBatchNow(batch: OutboxBatch, current: UserState | null | undefined, key: string, progress: Delivery): Promise<void> {
    const { store, scheduler, logger } = this.#d;
    const scheduled = batch.schedule.length > 0 ? this.#applySchedule(batch, current) : null;
    // Don't let a failure surface before it is awaited below.
    scheduled?.catch(() => undefined);
    try {
      while (progress.sent < batch.messages.length) {
        const message = await this.#withRecord(batch.userId, batch.messages[progress.sent]!);
        await this.#d.deliver(batch.userId, [message], { locale: batch.locale, outbox: { batchId: batch.id, index: progress.sent } });
        progress.sent += 1;
        this.#deliveredHere.set(key, progress.sent);
        // The last message is recorded by the ack, unless reminder changes may still hold it back.
        if ((progress.sent < batch.messages.length || scheduled) && !(await this.#record(batch, progress.sent))) {
          logger.warn({ userId: batch.userId, batch: batch.id }, 'another process took this batch over; it delivers the rest');
          this.#deliveredHere.delete(key);
          return;
        }
      }
    } catch (err) {
      const kind = errorKind(err);
      this.#emit({ type: 'delivery_failed', kind });
      if (kind === 'blocked') {
        logger.info({ userId: batch.userId }, 'user blocked the bot: cancelling their reminders');
        await scheduler.cancelAll(batch.userId).catch((e: unknown) => logger.warn({ reason: reasonOf(e) }, 'cancelAll failed'));
      } else if (kind === 'messenger_refused' && (err as AppError).retryAfter === undefined) {
        // A permanent refusal (400 "chat not found", a message it will never accept):
        // retrying would fail forever, so the batch is dropped and logged.
        logger.error({ err, userId: batch.userId, batch: batch.id }, 'messenger refused the batch for good; dropped');
      } else {
        // Transport trouble: leave the rest in the outbox, its lease let go, so the next recovery
        // (here or in another process) tries again without waiting for it to run out.
        logger.warn({ userId: batch.userId, batch: batch.id, kind, reason: reasonOf(err) }, 'delivery failed; the rest stays in the outbox');
        await this.#d.store.markSent(batch.userId, batch.id, progress.sent, 0).catch(() => undefined);
        return;
      }
    }
    if (scheduled) {
      try {
        await scheduled;
      } catch (err) {
        // Not acknowledged: recovery applies the changes again (checked against the state then).
        logger.warn({ userId: batch.userId, batch: batch.id, reason: reasonOf(err) }, 'reminder changes not applied; the batch stays in the outbox');
        return;
      }
    }
    progress.done = true;
    if (batch.forget) {
      await scheduler.cancelAll(batch.userId);
      await store.forget(batch.userId);
      this.#deliveredHere.delete(key);
      return;
    }
    // The buyer has every message: the turn is done. The ack only clears the batch from the
    // outbox, so it is written in the background (with the other records of the tick), and the
    // buyer's next turn does not wait a round trip for it; `idle()` and a clean shutdown do.
    this.#later(
      store.ackOutbox(batch.userId, batch.id).then(
        () => void this.#deliveredHere.delete(key),
        // Storage down: this process remembers what it sent (#deliveredHere); recovery acks it later.
        (err: unknown) => logger.warn({ userId: batch.userId, batch: batch.id, reason: reasonOf(err) }, 'could not record the batch as delivered; recovery will'),
      ),
    );
    if (this.#deliveredHere.size > 100_000) this.#deliveredHere.delete(this.#deliveredHere.keys().next().value!);
  }

  /**
   * A past case's file names the record the store kept of it: read here, at delivery (the one
   * place a record is read), so the turn that asked for it loaded nothing more than any other.
   */
  async #withRecord(userId: string, m: Outbound): Promise<Outbound> {
    const id = m.file?.source.record;
    return id === undefined ? m : { ...m, file: withRecord(m.file!, await this.#d.store.closedCase(userId, id)) };
  }

  /** Record delivery progress; false if the batch is no longer ours. Storage down: carry on (what was sent is remembered here). */
  async #record(batch: OutboxBatch, sent: number): Promise<boolean> {
    try {
      return await this.#d.store.markSent(batch.userId, batch.id, sent, this.#leaseMs);
    } catch (err) {
      this.#d.logger.warn({ userId: batch.userId, batch: batch.id, reason: reasonOf(err) }, 'could not record delivery progress; going on');
      return true;
    }
  }

  async #applySchedule(batch: OutboxBatch, current: UserState | null | undefined): Promise<void> {
    const { scheduler } = this.#d;
    // A fresh batch's changes are the turn's own; a recovered one's are checked against the stored state.
    const state = current !== undefined ? null : (await this.#d.store.load(batch.userId)).state;
    const pending = new Map((state ? openCases(state) : []).flatMap((c) => c.reminders).map((r) => [r.id, r.dueAt]));
    await Promise.all(
      batch.schedule.map((change) => {
        if (change.op === 'set') {
          // Only if the state still has this reminder at this time (a later turn may have moved or dropped it).
          return current !== undefined || pending.get(change.id) === change.dueAt
            ? scheduler.set(change.userId, change.id, new Date(change.dueAt))
            : null;
        }
        return current !== undefined || !pending.has(change.id) ? scheduler.cancel(change.userId, change.id) : null;
      }),
    );
  }

  /** Track a promise the turn does not wait for; a failure is logged (recovery repairs it). */
  #later(p: Promise<unknown>): void {
    const tracked = p.catch((err: unknown) => this.#d.logger.warn({ err }, 'background storage call failed; recovery will redo it'));
    this.#background.add(tracked);
    void tracked.then(() => this.#background.delete(tracked));
  }

  #emit(event: AssistantEvent): void {
    this.#d.onEvent?.(event);
  }

  async #localeOf(userId: string): Promise<UserState['locale']> {
    try {
      return (await this.#d.store.load(userId)).state?.locale ?? null;
    } catch {
      return null;
    }
  }

  /**
   * The messenger gave up handing `updateId` over again (its turn was never stored, and it held
   * back every other buyer): the buyer, who was told it would be processed, is told it was not.
   *
   * @example await assistant.gaveUp('tg:42', 'tg:7:1001');
   */
  async gaveUp(userId: string, updateId: string): Promise<void> {
    this.#d.logger.warn({ userId, updateId }, 'update given up unprocessed; telling the buyer');
    const locale = await this.#localeOf(userId);
    try {
      await this.#d.deliver(userId, [{ kind: 'error', text: t(locale ?? 'zh-CN', 'dialogue.apology.storageGaveUp') }], { locale });
    } catch (err) {
      this.#d.logger.warn({ userId, reason: reasonOf(err) }, 'could not tell the buyer either');
    }
  }

  /**
   * The apology says what is true: whether the message will still be processed (the caller
   * re-delivers updates that carry an id) and whether earlier records are kept (durable storage).
   */
  async #apologise(userId: string, kind: ErrorKind, updateId: string | undefined): Promise<void> {
    // Storage down: once per buyer per outage. Our own bug: every time (nothing is retried).
    if (kind === 'transport') {
      const now = this.#d.clock.now().getTime();
      const since = this.#apologisedTo.get(userId);
      if (since !== undefined && now - since < OUTAGE_APOLOGY_MS) return;
      this.#apologisedTo.set(userId, now);
      if (this.#apologisedTo.size > 10_000) this.#apologisedTo.delete(this.#apologisedTo.keys().next().value!);
      // Another replica may have apologised for this update, or an earlier one of this outage.
      // Only where the message is re-delivered: one that is lost is always told about.
      if (updateId !== undefined && this.#d.apologies && !(await this.#d.apologies.firstTime(userId).catch(() => true))) return;
    }
    const locale = await this.#localeOf(userId);
    const key =
      kind !== 'transport' ? 'bug' : updateId !== undefined ? 'storageRetry' : this.#d.durable ? 'storageKept' : 'storage';
    try {
      await this.#d.deliver(userId, [{ kind: 'error', text: t(locale ?? 'zh-CN', `dialogue.apology.${key}`) }], { locale });
    } catch (deliverErr) {
      this.#d.logger.warn({ userId, reason: reasonOf(deliverErr) }, 'could not deliver the apology either');
    }
  }
}

/** The promise, with its rejection marked handled until someone awaits it. */
function settledLater<T>(p: Promise<T>): Promise<T> {
  p.catch(() => undefined);
  return p;
}

/** An error's message for a log line (expected failures are logged without a stack). */
function reasonOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * Run `fn` over items, one user's items one after another (in order), up to `concurrency`
 * users at a time.
 */
async function forEachUser<T extends { userId: string }>(items: T[], concurrency: number, fn: (item: T) => Promise<void>): Promise<void> {
  const byUser = new Map<string, T[]>();
  for (const item of items) {
    const list = byUser.get(item.userId);
    if (list) list.push(item);
    else byUser.set(item.userId, [item]);
  }
  const groups = [...byUser.values()];
  let next = 0;
  const worker = async () => {
    while (next < groups.length) {
      for (const item of groups[next++]!) await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, groups.length)) }, worker));
}

export { AppError };
