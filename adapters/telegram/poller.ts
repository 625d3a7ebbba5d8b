/**
 * Long polling that confirms an update only once it has been handled. Telegram forgets
 * every update below the `offset` of a `getUpdates` call, so the offset sent is always
 * the lowest update still being handled: a process killed mid-turn gets the unfinished
 * updates again at its next start (nothing lost). Chats are handled in parallel, the
 * updates of one chat one after another, in order.
 *
 * (`@grammyjs/runner` confirms updates as soon as it fetches them, which loses the ones
 * in progress when the process dies.)
 */
import type { Api } from 'grammy';
import type { Update } from 'grammy/types';
import { GrammyError } from 'grammy';
import type { Logger } from 'pino';

export interface PollerOptions {
  api: Api;
  allowedUpdates: readonly string[];
  /** Handle one update; must not throw (errors are the bot's `catch`). */
  handleUpdate(update: Update): Promise<void>;
  /** Updates with the same key run one after another (the chat). */
  keyOf(update: Update): string | undefined;
  logger: Logger;
  /** Telegram's long-poll timeout in seconds. Default 25. */
  timeoutSeconds?: number;
  /** Updates fetched at once (1–100). Default 100. */
  limit?: number;
}

export class UpdatePoller {
  readonly #o: PollerOptions;
  /** update_id → its handling. */
  readonly #inFlight = new Map<number, Promise<void>>();
  /** Per chat, the tail of its chain. */
  readonly #chains = new Map<string, Promise<void>>();
  /** The highest update id dispatched so far (ids below it are in flight or done). */
  #highest = -1;
  #abort = new AbortController();
  #loop: Promise<void> | null = null;
  #healthy = false;

  constructor(opts: PollerOptions) {
    this.#o = opts;
  }

  /** Updates being handled right now. */
  size(): number {
    return this.#inFlight.size;
  }

  /** Whether the last `getUpdates` succeeded. */
  healthy(): boolean {
    return this.#healthy;
  }

  start(): void {
    this.#loop ??= this.#run();
  }

  /**
   * Stop fetching, wait for the updates taken to be handled, then confirm them to Telegram
   * (one short `getUpdates` with the next offset). `signal` cuts the wait short: what was not
   * finished is not confirmed and comes back at the next start.
   */
  async stop(signal?: AbortSignal): Promise<void> {
    this.#abort.abort();
    await this.#loop?.catch(() => undefined);
    const all = Promise.allSettled([...this.#inFlight.values()]);
    if (signal) {
      if (signal.aborted) return;
      await Promise.race([all, new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }))]);
      if (signal.aborted) return;
    } else {
      await all;
    }
    if (this.#highest >= 0) {
      try {
        await this.#o.api.getUpdates({ offset: this.#highest + 1, limit: 1, timeout: 0, allowed_updates: [...this.#o.allowedUpdates] as never }, signal as never);
      } catch (err) {
        this.#o.logger.warn({ err }, 'could not confirm the last updates; they will be handled again at the next start');
      }
    }
  }

  #offset(): number | undefined {
    if (this.#inFlight.size > 0) return Math.min(...this.#inFlight.keys());
    return this.#highest >= 0 ? this.#highest + 1 : undefined;
  }

  async #run(): Promise<void> {
    const { api, logger } = this.#o;
    let backoffMs = 500;
    const signal = this.#abort.signal;
    while (!signal.aborted) {
      let updates: Update[];
      try {
        const offset = this.#offset();
        updates = await api.getUpdates(
          {
            ...(offset !== undefined ? { offset } : {}),
            limit: this.#o.limit ?? 100,
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
      let fresh = 0;
      for (const u of updates) {
        if (u.update_id <= this.#highest) continue; // in flight or done: fetched again only because unconfirmed
        this.#highest = u.update_id;
        fresh += 1;
        this.#dispatch(u);
      }
      // Everything fetched was already in flight: wait for one to finish rather than spin.
      if (fresh === 0 && this.#inFlight.size > 0 && updates.length > 0) {
        await Promise.race([...this.#inFlight.values(), sleep(1_000, signal)]);
      }
    }
  }

  #dispatch(update: Update): void {
    const key = this.#o.keyOf(update) ?? `u${update.update_id}`;
    const tail = (this.#chains.get(key) ?? Promise.resolve())
      .then(() => this.#o.handleUpdate(update))
      .catch((err: unknown) => this.#o.logger.error({ err, updateId: update.update_id }, 'update handling failed'));
    this.#chains.set(key, tail);
    this.#inFlight.set(update.update_id, tail);
    void tail.then(() => {
      this.#inFlight.delete(update.update_id);
      if (this.#chains.get(key) === tail) this.#chains.delete(key);
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
