/**
 * Start the Telegram bot: long polling through @grammyjs/runner by default, or a webhook
 * server when `webhook` is given. Also re-delivers what a crash left in the outbox and
 * starts the reminder loop.
 *
 * @example
 * const tg = await startTelegram({ token, storage, logger, timezone: 'Asia/Shanghai' });
 * process.once('SIGTERM', () => tg.stop());
 */
import { createServer, type Server } from 'node:http';
import { webhookCallback, GrammyError, type Bot } from 'grammy';
import { run, type RunnerHandle } from '@grammyjs/runner';
import type { Logger } from 'pino';
import { Assistant, type Deliver } from '../../src/app/assistant.ts';
import { AppError } from '../../src/domain/errors.ts';
import { systemClock, type Clock } from '../../src/app/clock.ts';
import { startReminderLoop } from '../../src/app/reminder-loop.ts';
import type { SessionStore } from '../../src/store/port.ts';
import type { Scheduler } from '../../src/schedule/port.ts';
import { createTelegramBot, type TelegramBotOptions } from './bot.ts';
import type { DeliveryRouter } from '../../src/app/delivery-router.ts';
import { USER_PREFIX } from './translate.ts';
import type { SeenIds, WindowCounters } from '../../src/store/seen-ids.ts';

/** The update types the bot uses; anything else is not even fetched. */
const ALLOWED_UPDATES = ['message', 'callback_query'] as const;

export interface WebhookOptions {
  /** Public HTTPS URL Telegram posts updates to (WEBHOOK_URL). */
  url: string;
  /** Sent back by Telegram in `X-Telegram-Bot-Api-Secret-Token`; requests without it get 401 (WEBHOOK_SECRET). */
  secret: string;
  /** Local port of the HTTP server (PORT). */
  port: number;
  /** Path served; default: the path of `url`. */
  path?: string;
  /** Interface to listen on; default all. */
  host?: string;
}

export interface StartTelegramOptions {
  /** TELEGRAM_BOT_TOKEN. */
  token: string;
  /** TELEGRAM_API_ROOT; default the official Bot API. */
  apiRoot?: string;
  webhook?: WebhookOptions;
  /** Opened by the caller, who also closes it after `stop()`. `seenIds` (Redis) lets webhook replicas share duplicate detection. */
  storage: {
    store: SessionStore;
    scheduler: Scheduler;
    seenIds?: (namespace: string) => SeenIds;
    windowCounters?: (namespace: string) => WindowCounters | null;
  };
  logger: Logger;
  /** BOT_TIMEZONE. */
  timezone: string;
  clock?: Clock;
  /** How often due reminders are polled. Default 5 s. */
  reminderPollMs?: number;
  /**
   * Shared with other messengers in this process: Telegram registers its delivery here and
   * the assistant delivers through it, so a reminder claimed here for a WeChat user still
   * reaches WeChat.
   */
  router?: DeliveryRouter;
  /** Tuning and test seams passed to `createTelegramBot`. */
  bot?: Pick<TelegramBotOptions, 'throttle' | 'flood' | 'autoRetry' | 'apiTransformers' | 'dedupCapacity' | 'emptyPollPauseMs'>;
}

export interface RunningTelegram {
  /** Stop fetching updates (finishing the ones in progress), the reminder loop and the webhook server. */
  stop(): Promise<void>;
  bot: Bot;
  assistant: Assistant;
  /** Updates being handled right now (long polling; 0 in webhook mode). */
  pending(): number;
  /** The webhook server's port once listening (useful with `port: 0`); null when polling. */
  webhookPort: number | null;
}

/** Turn a rejected token into a start-up message that says what to fix. */
async function initBot(bot: Bot): Promise<void> {
  try {
    await bot.init();
  } catch (err) {
    if (err instanceof GrammyError && (err.error_code === 401 || err.error_code === 404)) {
      throw new AppError('config', 'TELEGRAM_BOT_TOKEN was rejected by the Bot API: copy the token again from @BotFather', {
        cause: err,
      });
    }
    throw new AppError('transport', `cannot reach the Telegram Bot API (TELEGRAM_API_ROOT?): ${String(err)}`, { cause: err });
  }
}

function listen(server: Server, port: number, host: string | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const addr = server.address();
      resolve(typeof addr === 'object' && addr ? addr.port : port);
    });
  });
}

/** Start the bot. Resolves once it is receiving updates. */
export async function startTelegram(opts: StartTelegramOptions): Promise<RunningTelegram> {
  const { logger } = opts;
  const log = logger.child({ adapter: 'telegram' });
  // The assistant needs `deliver` and the bot needs `assistant.handle`: tie the knot late.
  let deliver: Deliver = async () => {
    throw new AppError('bug', 'telegram: delivery before the bot was created');
  };
  const assistant = new Assistant({
    store: opts.storage.store,
    scheduler: opts.storage.scheduler,
    clock: opts.clock ?? systemClock,
    logger: log,
    timezone: opts.timezone,
    deliver: (userId, messages, meta) => (opts.router ? opts.router.deliver : deliver)(userId, messages, meta),
  });
  const tg = createTelegramBot({
    ...opts.bot,
    ...(opts.storage.seenIds ? { seenUpdates: opts.storage.seenIds('telegram-update') } : {}),
    ...(opts.storage.windowCounters ? { floodCounters: opts.storage.windowCounters('telegram-flood') } : {}),
    token: opts.token,
    ...(opts.apiRoot ? { apiRoot: opts.apiRoot } : {}),
    logger: log,
    handle: (userId, inbound) => assistant.handle(userId, inbound),
  });
  deliver = tg.deliver;
  opts.router?.register(USER_PREFIX, tg.deliver);
  const { bot } = tg;

  await initBot(bot);
  log.info({ username: bot.botInfo.username }, 'connected to the Bot API');
  // Only the command menu depends on this; don't hold up start or stop (auto-retry may back off for a while).
  void tg.registerCommands().catch((err: unknown) => log.warn({ err }, 'setMyCommands failed'));
  const recovered = await assistant.recover();
  if (recovered > 0) log.info({ batches: recovered }, 're-delivered messages left by a previous run');

  let runner: RunnerHandle | null = null;
  let server: Server | null = null;
  let webhookPort: number | null = null;
  if (opts.webhook) {
    const wh = opts.webhook;
    const path = wh.path ?? (new URL(wh.url).pathname || '/');
    // Answer Telegram within its timeout even if a turn is slow; the turn still completes.
    const callback = webhookCallback(bot, 'http', { secretToken: wh.secret, onTimeout: 'return', timeoutMilliseconds: 9_000 });
    server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (req.method === 'GET' && url.pathname === '/healthz') {
        res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
        return;
      }
      if (req.method !== 'POST' || url.pathname !== path) {
        res.writeHead(404).end();
        return;
      }
      callback(req, res).catch((err: unknown) => {
        log.error({ err }, 'webhook request failed');
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
    webhookPort = await listen(server, wh.port, wh.host);
    try {
      await bot.api.setWebhook(wh.url, { secret_token: wh.secret, allowed_updates: [...ALLOWED_UPDATES] });
    } catch (err) {
      server.close();
      throw err;
    }
    log.info({ port: webhookPort, path }, 'webhook server listening');
  } else {
    await bot.api.deleteWebhook();
    runner = run(bot, {
      runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] }, retryInterval: 'exponential' },
    });
    log.info('long polling started');
  }

  const loop = startReminderLoop(assistant, {
    logger: log,
    ...(opts.reminderPollMs !== undefined ? { intervalMs: opts.reminderPollMs } : {}),
  });

  return {
    bot,
    assistant,
    webhookPort,
    pending: () => runner?.size() ?? 0,
    async stop() {
      if (runner?.isRunning()) await runner.stop();
      await loop.stop();
      if (server) {
        const s = server;
        await new Promise<void>((resolve) => s.close(() => resolve()));
      }
      log.info('telegram stopped');
    },
  };
}
