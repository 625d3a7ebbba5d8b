/**
 * Entry point (`npm start`). Reads the configuration, opens storage, and runs the
 * terminal chat or the messenger bots. One error boundary for start-up: a bad setting
 * prints one line naming the variable and exits.
 */
import { loadConfig } from './config.ts';
import { createLogger } from './logger.ts';
import { openStorage } from './store/open.ts';
import { exitWithConfigError } from './cli/fail.ts';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    exitWithConfigError(err);
  }
  const logger = createLogger(config.mode === 'console' && config.logLevel === 'info' ? 'warn' : config.logLevel);
  let storage;
  try {
    storage = await openStorage({ redisUrl: config.redisUrl, logger, retentionDays: config.retentionDays });
  } catch (err) {
    exitWithConfigError(err);
  }
  logger.info({ store: storage.store.kind, mode: config.mode }, 'starting');

  if (config.mode === 'console') {
    const { runConsole } = await import('../adapters/console/run.ts');
    await runConsole({ storage, logger, timezone: config.timezone, reminderPollMs: 1000 });
    await storage.close();
    return;
  }

  const stops: (() => Promise<void>)[] = [];
  if (config.telegram) {
    const { startTelegram } = await import('../adapters/telegram/run.ts');
    const bot = await startTelegram({
      token: config.telegram.token,
      ...(config.telegram.apiRoot ? { apiRoot: config.telegram.apiRoot } : {}),
      ...(config.telegram.webhook ? { webhook: config.telegram.webhook } : {}),
      storage,
      logger,
      timezone: config.timezone,
    });
    stops.push(() => bot.stop());
  }
  if (config.wechat) {
    const { startWechat } = await import('../adapters/wechat/run.ts');
    const bot = await startWechat({ ...config.wechat, storage, logger, timezone: config.timezone, reminderPollMs: config.reminderPollMs });
    stops.push(() => bot.stop());
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    for (const stop of stops) await stop().catch((err) => logger.error({ err }, 'stop failed'));
    await storage.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

await main();
