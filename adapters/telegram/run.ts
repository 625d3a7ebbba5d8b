/**
 * The Telegram messenger for the composition root (src/app/service.ts): long polling that
 * confirms an update only once handled (poller.ts), or a webhook server when `webhook` is
 * given. It translates and delivers; the Assistant, the reminder loop and the group policy
 * belong to the app.
 *
 * @example
 * const telegram = createTelegramMessenger({ token, logger, storage });
 * const svc = await startService({ storage, messengers: [telegram], logger, timezone });
 */
import { createServer, type Server } from 'node:http';
import { webhookCallback, BotError, GrammyError, type Bot } from 'grammy';
import type { Logger } from 'pino';
import { AppError } from '../../src/domain/errors.ts';
import type { AppPort, Messenger } from '../../src/app/messenger.ts';
import { listenOrFail } from '../../src/app/health-server.ts';
import { botIdOf, createTelegramBot, type TelegramBot, type TelegramBotOptions } from './bot.ts';
import { RetryLater, UpdatePoller } from './poller.ts';
import { USER_PREFIX } from './translate.ts';
import type { SeenIds, WindowCounters } from '../../src/store/seen-ids.ts';
import { MemoryUpdateOrder, type UpdateOrder } from '../../src/store/update-order.ts';

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

export interface TelegramMessengerOptions {
  /** TELEGRAM_BOT_TOKEN. */
  token: string;
  /** TELEGRAM_API_ROOT; default the official Bot API. */
  apiRoot?: string;
  webhook?: WebhookOptions;
  /**
   * Shared storage helpers: `seenIds` (Redis) lets webhook replicas share duplicate
   * detection, `windowCounters` the flood limits. Keys include the bot id.
   */
  storage?: {
    seenIds?: (namespace: string) => SeenIds;
    windowCounters?: (namespace: string) => WindowCounters | null;
    /** Webhook mode: one buyer's updates kept in order across re-deliveries (shared by replicas in Redis). */
    updateOrder?: () => UpdateOrder;
  };
  logger: Logger;
  /** Give up reaching the Bot API at start after this long. Default 10 s. */
  startTimeoutMs?: number;
  /** Telegram's long-poll timeout (seconds). Default 25; the emulator answers at once anyway. */
  pollTimeoutSeconds?: number;
  /** Long polling: wait before retry `attempt` of an update whose turn was not stored. Default 1 s doubling to 30 s. */
  retryDelayMs?: (attempt: number) => number;
  /** Tuning and test seams passed to `createTelegramBot`. */
  bot?: Pick<TelegramBotOptions, 'throttle' | 'flood' | 'autoRetry' | 'apiTransformers' | 'dedupCapacity' | 'emptyPollPauseMs' | 'networkRetries'>;
}

export interface TelegramMessenger extends Messenger {
  bot: Bot;
  /** Updates being handled right now (long polling; 0 in webhook mode). */
  pending(): number;
  /** The webhook server's port once listening (useful with `port: 0`); null when polling. */
  webhookPort(): number | null;
}

/** Turn a rejected token or an unreachable API into a start-up message that says what to fix. */
async function initBot(bot: Bot, timeoutMs: number, apiRoot: string | undefined): Promise<void> {
  try {
    // Not `bot.init()`: it retries network errors forever. One getMe, through the bounded retries.
    bot.botInfo = await bot.api.getMe(AbortSignal.timeout(timeoutMs) as never);
  } catch (err) {
    if (err instanceof GrammyError && (err.error_code === 401 || err.error_code === 404)) {
      throw new AppError('config', 'TELEGRAM_BOT_TOKEN was rejected by the Bot API: copy the token again from @BotFather', {
        cause: err,
      });
    }
    const where = apiRoot ? `TELEGRAM_API_ROOT=${new URL(apiRoot).origin}` : 'https://api.telegram.org';
    throw new AppError('transport', `cannot reach the Telegram Bot API at ${where} (no answer, tried for up to ${Math.round(timeoutMs / 1000)} s): check the network or TELEGRAM_API_ROOT`, {
      cause: err,
    });
  }
}

export function createTelegramMessenger(opts: TelegramMessengerOptions): TelegramMessenger {
  const log = opts.logger.child({ adapter: 'telegram' });
  const botId = botIdOf(opts.token);
  let app: AppPort | null = null;
  const updateIdOf = (updateId: number) => `tg:${botId}:${updateId}`;
  // Telegram posts an update again only when answered otherwise than 2xx; one answered 500
  // (not stored) must not be overtaken by the same buyer's next (see store/update-order.ts).
  const order = opts.webhook ? (opts.storage?.updateOrder?.() ?? new MemoryUpdateOrder()) : null;
  const tg: TelegramBot = createTelegramBot({
    ...opts.bot,
    // Every update carries its id into the turn's commit, which ignores a repeat atomically: no
    // separate "seen" mark that a crash before the commit would leave behind (and so drop the
    // re-send), and a restart that fetches unconfirmed updates again answers none of them twice.
    // A turn that was not stored is not confirmed: polling retries it, a webhook answers 500.
    storesUpdateIds: true,
    ...(order
      ? {
          updateOrder: {
            mustWait: (userId: string, updateId: number) => order.mustWait(userId, updateIdOf(updateId)),
            waiting: (userId: string, updateId: number) => order.waiting(userId, updateIdOf(updateId)),
          },
        }
      : {}),
    ...(opts.storage?.windowCounters ? { floodCounters: opts.storage.windowCounters('telegram-flood') } : {}),
    token: opts.token,
    ...(opts.apiRoot ? { apiRoot: opts.apiRoot } : {}),
    logger: log,
    handle: (userId, inbound, updateId) => {
      if (!app) throw new AppError('bug', 'telegram: an update before start');
      return app.handle(userId, inbound, { updateId: updateIdOf(updateId) });
    },
    gaveUp: async (userId, updateId) => app?.gaveUp(userId, { updateId: updateIdOf(updateId) }),
    groupReply: (msg) => app?.groupReply(msg) ?? null,
  });
  const { bot } = tg;

  let poller: UpdatePoller | null = null;
  let server: Server | null = null;
  let port: number | null = null;
  let webhookSet = false;
  /** Webhook requests being handled. */
  const requests = new Set<Promise<unknown>>();

  return {
    name: 'telegram',
    userPrefix: USER_PREFIX,
    bot,
    deliver: tg.deliver,
    pending: () => poller?.size() ?? 0,
    webhookPort: () => port,
    connected: () => (poller ? poller.healthy() : webhookSet && server?.listening === true),

    async start(port_: AppPort) {
      app = port_;
      await initBot(bot, opts.startTimeoutMs ?? 10_000, opts.apiRoot);
      log.info({ username: bot.botInfo.username }, 'connected to the Bot API');
      // Only the command menu depends on this; don't hold up start or stop.
      void tg.registerCommands().catch((err: unknown) => log.warn({ err }, 'setMyCommands failed'));

      if (opts.webhook) {
        const wh = opts.webhook;
        const path = wh.path ?? (new URL(wh.url).pathname || '/');
        // Answer Telegram within its timeout even if a turn is slow; the turn still completes.
        const callback = webhookCallback(bot, 'http', { secretToken: wh.secret, onTimeout: 'return', timeoutMilliseconds: 9_000 });
        const srv = createServer((req, res) => {
          const url = new URL(req.url ?? '/', 'http://localhost');
          if (req.method !== 'POST' || url.pathname !== path) {
            res.writeHead(404).end();
            return;
          }
          const p = callback(req, res).catch((err: unknown) => {
            if (err instanceof RetryLater) log.warn('turn not stored; answering 500 so Telegram sends the update again');
            else log.error({ err }, 'webhook request failed');
            if (!res.headersSent) res.writeHead(500).end();
          });
          requests.add(p);
          void p.finally(() => requests.delete(p));
        });
        server = srv;
        port = await listenOrFail(srv, wh.port, wh.host ?? '0.0.0.0', 'PORT');
        try {
          await bot.api.setWebhook(wh.url, { secret_token: wh.secret, allowed_updates: [...ALLOWED_UPDATES] });
          webhookSet = true;
        } catch (err) {
          srv.close();
          throw new AppError('transport', `setWebhook failed: ${err instanceof GrammyError ? err.description : String(err)}`, { cause: err });
        }
        log.info({ port, path }, 'webhook server listening');
      } else {
        await bot.api.deleteWebhook();
        poller = new UpdatePoller({
          api: bot.api,
          allowedUpdates: ALLOWED_UPDATES,
          // grammY wraps what a middleware threw in a BotError; the poller needs to see a RetryLater.
          handleUpdate: (u) => bot.handleUpdate(u).catch((err: unknown) => Promise.reject(err instanceof BotError ? err.error : err)),
          keyOf: (u) => String(u.message?.chat.id ?? u.callback_query?.message?.chat.id ?? u.callback_query?.from.id ?? ''),
          logger: log,
          ...(opts.pollTimeoutSeconds !== undefined ? { timeoutSeconds: opts.pollTimeoutSeconds } : {}),
          ...(opts.retryDelayMs ? { retryDelayMs: opts.retryDelayMs } : {}),
        });
        poller.start();
        log.info('long polling started');
      }
    },

    async stop(signal) {
      if (poller) await poller.stop(signal);
      if (server) {
        const s = server;
        // No new connections; requests already in are answered once their turns end.
        const closed = new Promise<void>((resolve) => s.close(() => resolve()));
        s.closeIdleConnections();
        const drained = Promise.allSettled([...requests]);
        await (signal ? Promise.race([drained, new Promise((r) => signal.addEventListener('abort', r, { once: true }))]) : drained);
        s.closeAllConnections();
        await closed;
        webhookSet = false;
      }
      log.info('telegram stopped');
    },
  };
}
