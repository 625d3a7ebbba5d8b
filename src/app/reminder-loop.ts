/**
 * Polls the scheduler for due reminders and hands them to the assistant, and re-delivers
 * outbox batches whose delivery failed or whose deliverer crashed (once their lease ran
 * out). One loop per process; with several replicas every loop polls, and the atomic
 * claims make sure each reminder and each batch is handled by exactly one of them.
 */
import type { Logger } from 'pino';
import type { Assistant } from './assistant.ts';

export interface ReminderLoop {
  stop(): Promise<void>;
}

export function startReminderLoop(
  assistant: Pick<Assistant, 'fireDue' | 'recover'>,
  opts: { intervalMs?: number; logger: Logger },
): ReminderLoop {
  const intervalMs = opts.intervalMs ?? 5_000;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const tick = async () => {
    try {
      await assistant.fireDue();
      await assistant.recover();
    } catch (err) {
      // Storage down: keep polling; the reminders are still there when it is back.
      opts.logger.warn({ err }, 'reminder poll failed; will retry');
    }
  };
  const timer = setInterval(() => {
    if (stopped) return;
    running = running.then(tick);
  }, intervalMs);
  timer.unref?.();
  running = running.then(tick);
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
