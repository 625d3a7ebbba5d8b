/**
 * Hands due reminders to the assistant, and re-delivers outbox batches whose delivery
 * failed or whose deliverer crashed (once their short lease ran out). One loop per
 * process; with several replicas every loop polls, and the atomic claims make sure each
 * reminder and each batch is handled by exactly one of them.
 *
 * The loop keeps claiming while reminders are due (batches of `batch`, `concurrency`
 * buyers at a time), then sleeps until the next reminder falls due or `intervalMs` passed,
 * whichever is first — so a reminder is late by its processing time, not by the poll
 * interval. A messenger's own throttling (Telegram ≈30 messages/s) slows `deliver`, and so
 * the loop, down; nothing is dropped.
 */
import type { Logger } from 'pino';
import type { Assistant } from './assistant.ts';

export interface ReminderLoop {
  stop(): Promise<void>;
}

export interface ReminderLoopOptions {
  /** Longest sleep between polls. Default 5000 ms. */
  intervalMs?: number;
  /** Shortest sleep between polls when reminders keep falling due. Default 50 ms. */
  minIntervalMs?: number;
  /** Reminders claimed per request. Default 200. */
  batch?: number;
  /** Buyers whose reminders run at once. Default 32. */
  concurrency?: number;
  logger: Logger;
}

/**
 * @example
 * const loop = startReminderLoop(assistant, { logger });
 * await loop.stop(); // on shutdown: finishes the poll under way
 */
export function startReminderLoop(
  assistant: Pick<Assistant, 'fireDue' | 'recover'> & Partial<Pick<Assistant, 'msUntilNextDue'>>,
  opts: ReminderLoopOptions,
): ReminderLoop {
  const intervalMs = opts.intervalMs ?? 5_000;
  const minIntervalMs = Math.min(opts.minIntervalMs ?? 50, intervalMs);
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let wakeUp: (() => void) | null = null;
  let lastRecover = 0;

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      wakeUp = resolve;
      timer = setTimeout(resolve, ms);
      timer.unref?.();
    });

  const nextSleep = async (): Promise<number> => {
    if (!assistant.msUntilNextDue) return intervalMs;
    try {
      const ms = await assistant.msUntilNextDue();
      return ms === null ? intervalMs : Math.max(minIntervalMs, Math.min(intervalMs, ms));
    } catch {
      return intervalMs;
    }
  };

  const run = (async () => {
    while (!stopped) {
      let sleepMs = intervalMs;
      try {
        await assistant.fireDue({ batch: opts.batch ?? 200, concurrency: opts.concurrency ?? 32 });
        if (Date.now() - lastRecover >= intervalMs) {
          lastRecover = Date.now();
          await assistant.recover();
        }
        sleepMs = await nextSleep();
      } catch (err) {
        // Storage down: keep polling; the reminders are still there when it is back. One line, no stack.
        opts.logger.warn({ reason: err instanceof Error ? err.message : String(err) }, 'reminder poll failed; will retry');
      }
      if (!stopped) await pause(sleepMs);
    }
  })();

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      wakeUp?.();
      await run;
    },
  };
}
