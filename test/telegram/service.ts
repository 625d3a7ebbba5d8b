/**
 * The Telegram messenger inside the real composition root (`startService`), against the
 * Bot API emulator: what `main` runs, with memory storage and a test clock by default.
 */
import { pino, type Logger } from 'pino';
import { createTelegramMessenger, type TelegramMessenger, type WebhookOptions } from '../../adapters/telegram/run.ts';
import { startService, type RunningService } from '../../src/app/service.ts';
import type { Clock } from '../../src/app/clock.ts';
import type { SessionStore } from '../../src/store/port.ts';
import type { Scheduler } from '../../src/schedule/port.ts';
import { EMULATOR_POLL_PAUSE_MS, type Emulator, type EmulatorQuirks } from '../helpers/telegram-emulator.ts';

export interface TelegramApp {
  svc: RunningService;
  telegram: TelegramMessenger;
  stop(): Promise<void>;
}

export async function startTelegramApp(opts: {
  emu: Emulator;
  quirks: EmulatorQuirks;
  store: SessionStore;
  scheduler: Scheduler;
  clock: Clock;
  logger?: Logger;
  webhook?: WebhookOptions;
  health?: { port: number; host: string } | null;
  reminderPollMs?: number;
}): Promise<TelegramApp> {
  const logger = opts.logger ?? pino({ level: 'silent' });
  const telegram = createTelegramMessenger({
    token: opts.emu.token,
    apiRoot: opts.emu.apiRoot,
    logger,
    pollTimeoutSeconds: 0,
    ...(opts.webhook ? { webhook: opts.webhook } : {}),
    bot: { apiTransformers: [opts.quirks.transformer], emptyPollPauseMs: EMULATOR_POLL_PAUSE_MS },
  });
  const svc = await startService({
    storage: { store: opts.store, scheduler: opts.scheduler },
    messengers: [telegram],
    logger,
    timezone: 'Asia/Shanghai',
    clock: opts.clock,
    // Tests fire reminders themselves after moving the clock, unless they ask otherwise.
    reminderPollMs: opts.reminderPollMs ?? 3_600_000,
    health: opts.health ?? null,
  });
  return {
    svc,
    telegram,
    async stop() {
      await svc.stop();
    },
  };
}
