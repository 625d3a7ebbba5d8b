/**
 * Long polling that confirms an update only once it has been handled. Telegram forgets
 * every update below the `offset` of a `getUpdates` call, so the offset sent is always
 * the lowest update still being handled: a process killed mid-turn gets the unfinished
 * updates again at its next start (nothing lost). Chats are handled in parallel, the
 * updates of one chat one after another, in order.
 *
 * An update whose turn could not be stored (Redis down) is not confirmed either: its
 * handler throws `RetryLater`, and the turn is run again with backoff, before the chat's
 * next update, until it is stored. Other chats go on meanwhile. Only when such an update
 * holds back everyone else — a whole page of later updates is done or waiting, so nothing
 * new can be fetched past it, while other turns are being stored — is it given up: the
 * buyer is told it was not processed, and the offset moves past it.
 *
 * (`@grammyjs/runner` confirms updates as soon as it fetches them, which loses the ones
 * in progress when the process dies.)
 */
import type { Api } from 'grammy';
import type { Update } from 'grammy/types';
import { GrammyError } from 'grammy';
import type { Logger } from 'pino';

/**
 * Thrown by `handleUpdate` when the update's turn was not stored (storage down): the
 * update stays unconfirmed and `retry` (the turn again, not the whole update) runs later.
 * `giveUp` tells the buyer the message was not processed, if the poller has to move on.
 */
export class RetryLater extends Error {
  constructor(
    readonly retry: () => Promise<void>,
    readonly giveUp: () => Promise<void>,
    options?: { cause?: unknown },
  ) {
    super('the update was not stored; it will be retried', options);
    this.name = 'RetryLater';
  }
}

export interface PollerOptions {
  api: Api;
  allowedUpdates: readonly string[];
  /** Handle one update. Rejects with `RetryLater` to have it retried; other errors are logged. */
  handleUpdate(update: Update): Promise<void>;
  /** Updates with the same key run one after another (the chat). */
  keyOf(update: Update): string | undefined;
  logger: Logger;
  /** Telegram's long-poll timeout in seconds. Default 25. */
  timeoutSeconds?: number;
  /** Updates fetched at once (1–100). Default 100. */
  limit?: number;
  /** Wait before retry number `attempt` (1, 2, …) of an update that was not stored. Default 1 s, doubling, at most 30 s. */
  retryDelayMs?: (attempt: number) => number;
}

/** 1 s, 2 s, 4 s … 30 s. */
export const defaultRetryDelayMs = (attempt: number): number => Math.min(30_000, 1_000 * 2 ** (attempt - 1));

/** An update being retried: how to wake its wait early, and whether that is to give up. */
interface Retrying {
  /**
   * It failed again after other turns were stored (since its first failure): storage works
   * for others, so waiting for it holds them back for nothing.
   */
  failsAlone: boolean;
  wake(giveUp: boolean): void;
}

export class UpdatePoller {
  readonly #o: PollerOptions;
  /** update_id → its handling. */
  readonly #inFlight = new Map<number, Promise<void>>();
  /** Per chat, the tail of its chain. */
  readonly #chains = new Map<string, Promise<void>>();
  /** Updates waiting to be retried, by id. */
  readonly #retrying = new Map<number, Retrying>();
  /** Updates left unfinished at stop (not confirmed; they come back at the next start). */
  readonly #left = new Set<number>();
  /** Chats whose handling stopped at an unfinished update: their later updates are left too (order). */
  readonly #halted = new Set<string>();
  /** The highest update id dispatched so far (ids below it are in flight or done). */
  #highest = -1;
  /** Updates handled to the end, for the give-up rule. */
  #stored = 0;
  #abort = new AbortController();
  #loop: Promise<void> | null = null;
  #healthy = false;

  constructor(opts: PollerOptions) {
    this.#o = opts;
  }

  /** Updates being handled right now (retries included). */
  size(): number {
    return this.#inFlight.size;
  }

  /** Updates waiting to be retried because their turn was not stored. */
  retrying(): number {
    return this.#retrying.size;
  }

  /** Whether the last `getUpdates` succeeded. */
  healthy(): boolean {
    return this.#healthy;
  }

  start(): void {
    this.#loop ??= this.#run();
  }

  /**
   * Stop fetching, wait for the updates taken to be handled (retries stop at once: those
   * updates stay unconfirmed), then confirm what was done to Telegram (one short
   * `getUpdates` with the next offset). `signal` cuts the wait short: what was not finished
   * is not confirmed and comes back at the next start.
   */
  async stop(signal?: AbortSignal): Promise<void> {
    this.#abort.abort();
    for (const r of this.#retrying.values()) r.wake(false);
    await this.#loop?.catch(() => undefined);
    const all = Promise.allSettled([...this.#inFlight.values()]);
    if (signal) {
      if (signal.aborted) return;
      await Promise.race([all, new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }))]);
      if (signal.aborted) return;
    } else {
      await all;
    }
    const offset = this.#offset();
    if (offset !== undefined) {
      try {
        await this.#o.api.getUpdates({ offset, limit: 1, timeout: 0, allowed_updates: [...this.#o.allowedUpdates] as never }, signal as never);
      } catch (err) {
        this.#o.logger.warn({ err }, 'could not confirm the last updates; they will be handled again at the next start');
      }
    }
  }

  #offset(): number | undefined {
    const open = [...this.#inFlight.keys(), ...this.#left];
    if (open.length > 0) return Math.min(...open);
    return this.#highest >= 0 ? this.#highest + 1 : undefined;
  }

  async #run(): Promise<void> {
    const { api, logger } = this.#o;
    const limit = this.#o.limit ?? 100;
    let backoffMs = 500;
    const signal = this.#abort.signal;
    while (!signal.aborted) {
      let updates: Update[];
      try {
        const offset = this.#offset();
        updates = await api.getUpdates(
          {
            ...(offset !== undefined ? { offset } : {}),
            limit,
            timeout: this.#o.timeoutSeconds ?? 25,
            allowed_updates: [...this.#o.allowedUpdates] as never,
          },
          // grammY types its signal with the abort-controller shim; Node's is the same at run time.
          signal as never,
        );
        this.#healthy = true;
        backoffMs = 500;
      } catch (err) {
        if (signal.aborted) break;
        this.#healthy = false;
        if (err instanceof GrammyError && err.error_code === 409) {
          logger.error('another process is polling this bot (409 Conflict): run one polling replica per bot token, or use a webhook');
        } else if (err instanceof GrammyError && err.error_code === 401) {
          logger.error('the Bot API rejected the token (401); stopping to poll');
          break;
        } else {
          logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'getUpdates failed; retrying');
        }
        await sleep(backoffMs, signal);
        backoffMs = Math.min(backoffMs * 2, 30_000);
        continue;
      }
      if (signal.aborted) break;
      let fresh = 0;
      for (const u of updates) {
        if (u.update_id <= this.#highest) continue; // in flight or done: fetched again only because unconfirmed
        this.#highest = u.update_id;
        fresh += 1;
        this.#dispatch(u);
      }
      if (fresh === 0 && this.#inFlight.size > 0 && updates.length > 0) {
        // A full page, all taken: nothing past it can be fetched until its lowest update is done.
        if (updates.length >= limit) this.#unblock();
        // Wait for one to finish rather than spin.
        await Promise.race([...this.#inFlight.values(), sleep(1_000, signal)]);
      }
    }
  }

  /**
   * The lowest unconfirmed update pins the offset. If it is one being retried that failed
   * again after other turns were stored, it holds everyone back: give it up (the buyer is told
   * to send it again). If nothing is stored anywhere (storage down for all), waiting loses
   * nothing: Telegram keeps the updates, and they are all handled once storage is back.
   */
  #unblock(): void {
    const lowest = this.#retrying.get(Math.min(...this.#inFlight.keys()));
    if (lowest?.failsAlone) lowest.wake(true);
  }

  #dispatch(update: Update): void {
    const key = this.#o.keyOf(update) ?? `u${update.update_id}`;
    const tail = (this.#chains.get(key) ?? Promise.resolve()).then(() => this.#handle(update, key));
    this.#chains.set(key, tail);
    this.#inFlight.set(update.update_id, tail);
    void tail.then(() => {
      this.#inFlight.delete(update.update_id);
      if (this.#chains.get(key) === tail) this.#chains.delete(key);
    });
  }

  /** Handle one update to the end: done, given up, or left unfinished at stop. Never rejects. */
  async #handle(update: Update, key: string): Promise<void> {
    const id = update.update_id;
    const { logger } = this.#o;
    if (this.#halted.has(key)) {
      this.#left.add(id);
      return;
    }
    let attempt = () => this.#o.handleUpdate(update);
    let storedAtFirstFailure: number | null = null;
    for (let n = 1; ; n++) {
      try {
        await attempt();
        this.#stored += 1;
        if (n > 1) logger.info({ updateId: id, attempts: n }, 'update stored after retrying');
        return;
      } catch (err) {
        if (!(err instanceof RetryLater)) {
          logger.error({ err, updateId: id }, 'update handling failed');
          return;
        }
        attempt = err.retry;
        if (n === 1) logger.warn({ updateId: id }, 'update not stored; retrying it before the next one of its chat');
        storedAtFirstFailure ??= this.#stored;
        const outcome = await this.#backoff(id, n, this.#stored > storedAtFirstFailure);
        if (outcome === 'stop') {
          this.#left.add(id);
          this.#halted.add(key);
          return;
        }
        if (outcome === 'giveUp') {
          logger.warn({ updateId: id, attempts: n }, 'gave up an update that was never stored: it held back every other chat');
          await err.giveUp().catch((e: unknown) => logger.warn({ err: e }, 'could not tell the buyer'));
          return;
        }
      }
    }
  }

  #backoff(id: number, attempt: number, failsAlone: boolean): Promise<'retry' | 'giveUp' | 'stop'> {
    if (this.#abort.signal.aborted) return Promise.resolve('stop');
    const delay = (this.#o.retryDelayMs ?? defaultRetryDelayMs)(attempt);
    return new Promise((resolve) => {
      const done = (outcome: 'retry' | 'giveUp' | 'stop') => {
        clearTimeout(timer);
        this.#retrying.delete(id);
        resolve(outcome);
      };
      const timer = setTimeout(() => done('retry'), delay);
      this.#retrying.set(id, { failsAlone, wake: (giveUp) => done(giveUp ? 'giveUp' : this.#abort.signal.aborted ? 'stop' : 'retry') });
    });
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
