/**
 * Entry point (`npm start`). Reads the configuration, opens storage, and runs the
 * terminal chat or the messenger bots. One error boundary for start-up: a bad setting
 * or an unreachable service prints one line naming what to fix and exits.
 */
import { DeliveryRouter } from './app/delivery-router.ts';
import { exitWithConfigError } from './cli/fail.ts';
import { loadConfig, type Config } from './config.ts';
import { createLogger } from './logger.ts';
import { openStorage, type Storage } from './app/open-storage.ts';
import type { Logger } from 'pino';

type Stop = () => Promise<void>;

/** Start every configured messenger; on failure, stop the ones already started and rethrow. */
async function startBots(config: Config, storage: Storage, logger: Logger): Promise<Stop[]> {
  const stops: Stop[] = [];
  // Both messengers in one process deliver through one router: whichever bot's loop claims
  // a reminder, it reaches the buyer's own messenger.
  const router = new DeliveryRouter();
  const shared = { storage, logger, timezone: config.timezone, reminderPollMs: config.reminderPollMs, router };
  try {
    if (config.telegram) {
      const { startTelegram } = await import('../adapters/telegram/run.ts');
      const bot = await startTelegram({
        token: config.telegram.token,
        ...(config.telegram.apiRoot ? { apiRoot: config.telegram.apiRoot } : {}),
        ...(config.telegram.webhook ? { webhook: config.telegram.webhook } : {}),
        ...shared,
      });
      stops.push(() => bot.stop());
    }
    if (config.wechat) {
      const { startWechat } = await import('../adapters/wechat/run.ts');
      const bot = await startWechat({ ...config.wechat, ...shared });
      stops.push(() => bot.stop());
    }
  } catch (err) {
    for (const stop of stops) await stop().catch(() => {});
    throw err;
  }
  return stops;
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env, { service: process.argv.includes('--service') });
  } catch (err) {
    exitWithConfigError(err);
  }
  const logger = createLogger(config.mode === 'console' && config.logLevel === 'info' ? 'warn' : config.logLevel);
  let storage: Storage;
  try {
    storage = await openStorage({ redisUrl: config.redisUrl, logger, retentionDays: config.retentionDays });
  } catch (err) {
    exitWithConfigError(err);
  }
  logger.info({ store: storage.describe, mode: config.mode }, 'starting');

  if (config.mode === 'console') {
    const { runConsole } = await import('../adapters/console/run.ts');
    await runConsole({ storage, logger, timezone: config.timezone, reminderPollMs: 1000 });
    await storage.close();
    return;
  }

  let stops: Stop[];
  try {
    stops = await startBots(config, storage, logger);
  } catch (err) {
    await storage.close();
    exitWithConfigError(err);
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    for (const stop of stops) await stop().catch((err: unknown) => logger.error({ err }, 'stop failed'));
    await storage.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

await main();
