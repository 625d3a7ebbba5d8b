/**
 * Entry point (`npm start`; in the image `node src/main.js --service`). Reads the
 * configuration, opens storage and runs the composition root (src/app/service.ts) with the
 * configured messengers, or the terminal chat. One error boundary for start-up: a bad
 * setting or an unreachable service prints one line naming what to fix and exits 1.
 * SIGTERM / SIGINT stop it gracefully within SHUTDOWN_TIMEOUT_MS and exit 0.
 */
import type { Logger } from 'pino';
import { exitWithConfigError } from './cli/fail.ts';
import { loadConfig, type Config } from './config.ts';
import { createLogger } from './logger.ts';
import { openStorage, type Storage } from './app/open-storage.ts';
import type { Messenger } from './app/messenger.ts';
import { startService, type RunningService } from './app/service.ts';
import { operatorYears, useHolidaySchedule } from './time/deadlines.ts';

async function messengersFor(config: Config, storage: Storage, logger: Logger): Promise<Messenger[]> {
  const out: Messenger[] = [];
  if (config.telegram) {
    const { createTelegramMessenger } = await import('../adapters/telegram/run.ts');
    out.push(
      createTelegramMessenger({
        token: config.telegram.token,
        ...(config.telegram.apiRoot ? { apiRoot: config.telegram.apiRoot } : {}),
        ...(config.telegram.webhook ? { webhook: config.telegram.webhook } : {}),
        storage,
        logger,
      }),
    );
  }
  if (config.wechat) {
    const { createWechatMessenger } = await import('../adapters/wechat/run.ts');
    out.push(createWechatMessenger({ ...config.wechat, logger }));
  }
  return out;
}

async function main(): Promise<void> {
  const service = process.argv.includes('--service');
  let config: Config;
  try {
    config = loadConfig(process.env, { service });
  } catch (err) {
    exitWithConfigError(err);
  }
  const consoleMode = config.mode === 'console';
  const logger = createLogger({
    // The terminal chat keeps its screen for the conversation: warnings and worse only.
    level: consoleMode && config.logLevel === 'info' ? 'warn' : config.logLevel,
    unredacted: config.logUnredacted,
    to: consoleMode ? 'stderr' : 'stdout',
  });
  if (config.logUnredacted) logger.warn('LOG_UNREDACTED=1: message texts and numbers are logged as they are; never in production');
  useHolidaySchedule(config.holidays);
  if (config.holidaysFile) logger.info({ years: operatorYears() }, 'holiday schedule loaded from HOLIDAYS_FILE');

  let storage: Storage;
  try {
    storage = await openStorage({
      redisUrl: config.redisUrl,
      redisClusterNodes: config.redisClusterNodes,
      logger,
      retentionDays: config.retentionDays,
      ...(config.instanceId ? { instanceId: config.instanceId } : {}),
    });
  } catch (err) {
    exitWithConfigError(err);
  }
  logger.info({ store: storage.describe, mode: config.mode }, 'starting');

  if (consoleMode) {
    const { createConsoleMessenger } = await import('../adapters/console/run.ts');
    const terminal = createConsoleMessenger();
    const svc = await startService({ storage, messengers: [terminal], logger, timezone: config.timezone, reminderPollMs: 1000, health: null });
    await terminal.done;
    await svc.stop(config.shutdownTimeoutMs);
    await storage.close();
    return;
  }

  let svc: RunningService;
  try {
    svc = await startService({
      storage,
      messengers: await messengersFor(config, storage, logger),
      logger,
      timezone: config.timezone,
      reminderPollMs: config.reminderPollMs,
      health: config.health,
    });
  } catch (err) {
    await storage.close();
    exitWithConfigError(err);
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: no new updates; finishing the turns in flight');
    // A second signal, or the bound running out twice over, ends it at once.
    const hard = setTimeout(() => process.exit(0), config.shutdownTimeoutMs * 2);
    hard.unref();
    await svc.stop(config.shutdownTimeoutMs);
    await storage.close();
    logger.flush?.();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

await main();
