/**
 * The grammY bot: wiring only. Every update is translated (translate.ts) and handed to
 * the app; every engine message is rendered and sent. Dialogue decisions live in the
 * engine, never here.
 *
 * Middleware, in order:
 * 1. duplicate `update_id`s are dropped (Telegram re-sends when a webhook answer is late),
 *    unless the app records update ids in the turn's commit (`storesUpdateIds`, what run.ts does);
 * 2. updates of one chat run one after another (`sequentialize`), chats run in parallel;
 * 3. groups and channels: the app's group policy (src/app/group-chat.ts) decides, the bot posts;
 * 4. a flooding buyer is rate-limited with one polite notice (flood.ts; fails open);
 * 5. buttons → `choice`, messages → `text` / `media` / `command` / `unsupported`.
 *
 * Outgoing calls go through the throttler (≈30 msg/s overall, ≈1 msg/s per chat after a
 * short burst), auto-retry (429 `retry_after`, 5xx; a bounded number of times) and a
 * bounded retry of network failures, so a dead Bot API cannot wedge a turn.
 */
import { Bot, GrammyError, HttpError, InputFile, type Context, type Transformer } from 'grammy';
import type { BotCommand, Message } from 'grammy/types';
import { sequentialize } from '@grammyjs/runner';
import { autoRetry, type AutoRetryOptions } from '@grammyjs/auto-retry';
import { apiThrottler, type APIThrottlerOptions } from '@grammyjs/transformer-throttler';
import type { Logger } from 'pino';
import { COMMANDS, LOCALES, type Inbound, type Locale, type Outbound, type OutboundFile } from '../../src/domain/index.ts';
import { renderFile } from '../../src/casefile/index.ts';
import { AppError } from '../../src/domain/errors.ts';
import type { Deliver } from '../../src/app/assistant.ts';
import { groupReply as defaultGroupReply, type GroupMessage } from '../../src/app/group-chat.ts';
import { floodLimiter, memoryWindowCounters, type FloodLimit } from './flood.ts';
import { RetryLater } from './poller.ts';
import { t } from '../../src/i18n/index.ts';
import { cutText } from '../../src/i18n/graphemes.ts';
import { MemorySeenIds, type SeenIds, type WindowCounters } from '../../src/store/seen-ids.ts';
import {
  chatIdOf,
  chosenEdit,
  decodeChoice,
  escapeHtml,
  localeFromLanguageCode,
  messageToInbound,
  parseCommand,
  pressedLabel,
  renderOutbound,
  userIdFor,
} from './translate.ts';

export type { FloodLimit } from './flood.ts';

export interface TelegramBotOptions {
  token: string;
  /** Bot API server (TELEGRAM_API_ROOT), e.g. a local Bot API server or an emulator. Default: api.telegram.org. */
  apiRoot?: string;
  logger: Logger;
  /**
   * Hands one buyer event to the app (`Assistant.handle`); `updateId` is Telegram's update_id
   * of the event. Rejects with `AppError('transport')` when the turn could not be stored.
   */
  handle: (userId: string, inbound: Inbound, updateId: number) => Promise<void>;
  /**
   * The app records update ids in the turn's commit (a repeat is ignored there, atomically):
   * no separate duplicate check here, and a turn storage could not commit makes
   * `bot.handleUpdate` reject with `RetryLater`, so the update is not confirmed — the poller
   * retries the turn, a webhook answers 500 and Telegram re-delivers it.
   */
  storesUpdateIds?: boolean;
  /**
   * Webhook mode: keeps one buyer's updates in order when an update answered 500 is posted
   * again after a later one of the same buyer (src/store/update-order.ts). Long polling keeps
   * the order itself (poller.ts) and leaves this out.
   */
  updateOrder?: {
    mustWait(userId: string, updateId: number): Promise<boolean>;
    waiting(userId: string, updateId: number): Promise<void>;
  };
  /** The poller gave up an update that was never stored: tell the buyer (`RetryLater.giveUp`). */
  gaveUp?: (userId: string, updateId: number) => Promise<void>;
  /** The group-chat policy; default the app's (src/app/group-chat.ts). */
  groupReply?: (msg: GroupMessage) => string | null;
  /** Outbound throttling (Bottleneck options per scope); defaults in `DEFAULT_THROTTLE`. */
  throttle?: APIThrottlerOptions;
  /** Default: 20 updates per 10 s (a 10-photo album with captions passes). */
  flood?: FloodLimit;
  autoRetry?: Partial<AutoRetryOptions>;
  /**
   * Transformers installed closest to the network, below throttling and retries.
   * Tests use this to make the emulator answer like Telegram (403 blocked, setMyCommands).
   */
  apiTransformers?: Transformer[];
  /** Updates remembered for duplicate detection (in memory, when `seenUpdates` is not given). */
  dedupCapacity?: number;
  /** Where update ids are remembered; give the Redis one so webhook replicas share it. */
  seenUpdates?: SeenIds;
  /** Where flood counters live; give the Redis ones so replicas share them. Default: in memory. */
  floodCounters?: WindowCounters | null;
  /** Network failures (no answer from the Bot API) retried this many times. Default 2. */
  networkRetries?: number;
  /**
   * Pause after a `getUpdates` that came back empty. Telegram long-polls, so this costs
   * nothing there; a Bot API server that answers at once (an emulator, some proxies)
   * would otherwise be polled in a busy loop. Default 200 ms.
   */
  emptyPollPauseMs?: number;
}

export interface TelegramBot {
  bot: Bot;
  /** Sends engine messages to a user; throws `AppError('blocked')` on 403. Give it to the Assistant. */
  deliver: Deliver;
  /** `setMyCommands` for the default scope in Chinese and for `zh` / `en` clients. */
  registerCommands(): Promise<void>;
}

/**
 * Telegram asks for at most ~30 messages/s overall and ~1 message/s per chat, tolerating
 * short bursts. Per private chat a token bucket lets one reply of up to 3 messages out at
 * once, then 1/s — so a burst of due reminders is spread out rather than dropped.
 */
export const DEFAULT_THROTTLE: APIThrottlerOptions = {
  global: { reservoir: 30, reservoirRefreshAmount: 30, reservoirRefreshInterval: 1000 },
  out: {
    maxConcurrent: 1,
    reservoir: 3,
    reservoirIncreaseAmount: 1,
    reservoirIncreaseInterval: 1000,
    reservoirIncreaseMaximum: 3,
  },
  group: { maxConcurrent: 1, minTime: 1000, reservoir: 20, reservoirRefreshAmount: 20, reservoirRefreshInterval: 60_000 },
};

export const DEFAULT_FLOOD: FloodLimit = { timeFrameMs: 10_000, limit: 20 };

/**
 * Retry 429s and 5xx, but give up eventually so a dead API cannot wedge a turn. Network
 * errors are rethrown here (auto-retry would retry them forever) and retried a bounded
 * number of times by `networkRetry`.
 */
const DEFAULT_AUTO_RETRY: Partial<AutoRetryOptions> = { maxRetryAttempts: 5, maxDelaySeconds: 120, rethrowHttpErrors: true };

/**
 * Retry a Bot API call that got no answer (network error) `retries` times, 0.5 s then 1 s
 * apart, never after `signal` aborted. `getUpdates` is left to the poller's own backoff.
 */
export function networkRetry(retries: number): Transformer {
  return async (prev, method, payload, signal) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await prev(method, payload, signal);
      } catch (err) {
        if (!(err instanceof HttpError) || method === 'getUpdates' || attempt >= retries || signal?.aborted) throw err;
        await new Promise((resolve) => setTimeout(resolve, 500 * 2 ** attempt));
      }
    }
  };
}

/** Map a failed Bot API call onto the app's error taxonomy. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof GrammyError) {
    // 403: "bot was blocked by the user" / "user is deactivated" — stop messaging them.
    if (err.error_code === 403) return new AppError('blocked', err.description, { cause: err });
    const retryAfter = err.parameters.retry_after;
    return new AppError('messenger_refused', err.description, {
      cause: err,
      ...(retryAfter !== undefined ? { retryAfter } : {}),
    });
  }
  if (err instanceof HttpError) return new AppError('transport', err.message, { cause: err });
  return new AppError('bug', err instanceof Error ? err.message : String(err), { cause: err });
}

/** The bot's numeric id: the part of the token before the colon (no API call needed). */
export function botIdOf(token: string): string {
  return token.split(':', 1)[0] ?? token;
}

/** Whether a group message is addressed to this bot (mention, reply to it, or a command for it). */
function addressedToBot(msg: Message, me: { id: number; username: string }): boolean {
  if (msg.reply_to_message?.from?.id === me.id) return true;
  const text = msg.text ?? msg.caption ?? '';
  for (const e of msg.entities ?? msg.caption_entities ?? []) {
    if (e.type === 'text_mention' && e.user.id === me.id) return true;
    if (e.type === 'mention' && text.slice(e.offset, e.offset + e.length).toLowerCase() === `@${me.username.toLowerCase()}`) {
      return true;
    }
  }
  // A command explicitly for us, or one of ours without a bot name (privacy mode delivers those).
  const cmd = parseCommand(text);
  if (cmd && (cmd.botName ? cmd.botName.toLowerCase() === me.username.toLowerCase() : (COMMANDS as readonly string[]).includes(cmd.command))) {
    return true;
  }
  // Also without entities (some clients / emulators omit them).
  return text.toLowerCase().includes(`@${me.username.toLowerCase()}`);
}

/** Telegram's limit on a document caption, in characters. */
const CAPTION_MAX = 1024;

/** The command menu for one locale, from locales/<locale>/telegram.json. */
export function commandMenu(locale: Locale): BotCommand[] {
  return COMMANDS.map((command) => ({ command, description: t(locale, `telegram.commands.${command}`) }));
}

/**
 * Build the bot. It does not start polling or a webhook server (see run.ts).
 *
 * @example const { bot, deliver } = createTelegramBot({ token, logger, handle: (u, i) => assistant.handle(u, i) });
 */
export function createTelegramBot(opts: TelegramBotOptions): TelegramBot {
  const log = opts.logger;
  const bot = new Bot(opts.token, { client: opts.apiRoot ? { apiRoot: opts.apiRoot } : {} });

  // Innermost first: the last installed transformer wraps the others.
  if (opts.apiTransformers?.length) bot.api.config.use(...opts.apiTransformers);
  const pauseMs = opts.emptyPollPauseMs ?? 200;
  bot.api.config.use(async (prev, method, payload, signal) => {
    const res = await prev(method, payload, signal);
    if (method === 'getUpdates' && pauseMs > 0 && res.ok && Array.isArray(res.result) && res.result.length === 0) {
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
    return res;
  });
  bot.api.config.use(networkRetry(opts.networkRetries ?? 2));
  bot.api.config.use(apiThrottler(opts.throttle ?? DEFAULT_THROTTLE));
  bot.api.config.use(autoRetry({ ...DEFAULT_AUTO_RETRY, ...opts.autoRetry }));

  // 1. Same update twice → handled once. When the turn's commit records the update id instead
  // (`storesUpdateIds`), a failed turn's re-delivery is not taken for a repeat.
  const seen = opts.storesUpdateIds ? null : (opts.seenUpdates ?? new MemorySeenIds(opts.dedupCapacity ?? 10_000));
  bot.use(async (ctx, next) => {
    if (!seen) return next();
    let first = true;
    try {
      first = await seen.firstTime(String(ctx.update.update_id));
    } catch (err) {
      // Storage down: better a rare double answer than none (the turn itself apologises).
      log.warn({ err }, 'could not check for a duplicate update');
    }
    if (!first) {
      log.debug({ updateId: ctx.update.update_id }, 'duplicate update ignored');
      return;
    }
    await next();
  });

  // 2. One chat at a time, in order.
  bot.use(sequentialize((ctx: Context) => (ctx.chat?.id ?? ctx.from?.id)?.toString()));

  // 3. Private chats only; in groups the app's policy decides, the bot only posts.
  const groupPolicy = opts.groupReply ?? defaultGroupReply;
  bot.use(async (ctx, next) => {
    const chat = ctx.chat;
    if (!chat || chat.type === 'private') return next();
    if (ctx.callbackQuery) {
      await ctx.answerCallbackQuery().catch(() => undefined);
      return;
    }
    const msg = ctx.message;
    if (!msg) return;
    const line = groupPolicy({
      messenger: 'telegram',
      addressed: addressedToBot(msg, { id: ctx.me.id, username: ctx.me.username }),
      locale: localeFromLanguageCode(ctx.from?.language_code),
      botAddress: `https://t.me/${ctx.me.username}`,
    });
    if (line === null) return;
    try {
      await ctx.reply(escapeHtml(line), {
        parse_mode: 'HTML',
        reply_parameters: { message_id: msg.message_id, allow_sending_without_reply: true },
        link_preview_options: { is_disabled: true },
      });
    } catch (err) {
      log.warn({ err, chatId: chat.id }, 'could not answer in the group');
    }
  });

  // 4. Flooding.
  bot.use(
    floodLimiter({
      limit: opts.flood ?? DEFAULT_FLOOD,
      counters: opts.floodCounters ?? memoryWindowCounters(),
      botId: botIdOf(opts.token),
      logger: log,
      onLimitExceeded: async (ctx) => {
        log.info({ userId: ctx.from?.id }, 'flood limit reached');
        if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
        const locale = localeFromLanguageCode(ctx.from?.language_code);
        await ctx.reply(escapeHtml(t(locale, 'telegram.flood')), { parse_mode: 'HTML' }).catch((err: unknown) => {
          log.warn({ err }, 'could not send the flood notice');
        });
      },
    }),
  );

  /**
   * One buyer turn. Not stored (storage down) → `RetryLater`: the update must not be confirmed,
   * and a retry runs this turn again, not the update's middleware (no second flood count, no
   * second button answer).
   */
  const turn = async (userId: string, inbound: Inbound, updateId: number): Promise<void> => {
    const order = opts.updateOrder;
    const giveUp = () => opts.gaveUp?.(userId, updateId) ?? Promise.resolve();
    const run = async (): Promise<void> => {
      try {
        await opts.handle(userId, inbound, updateId);
      } catch (err) {
        if (!opts.storesUpdateIds || !(err instanceof AppError) || err.kind !== 'transport') throw err;
        // Later updates of this buyer wait behind it until it is posted again and stored.
        if (order) await order.waiting(userId, updateId);
        throw new RetryLater(run, giveUp, { cause: err });
      }
    };
    if (order && (await order.mustWait(userId, updateId))) {
      log.info({ userId, updateId }, 'an earlier update of this buyer waits to be posted again: this one waits too');
      throw new RetryLater(run, giveUp, { cause: new AppError('transport', 'an earlier update of this buyer was not stored yet') });
    }
    await run();
  };

  // 5a. Buttons.
  bot.on('callback_query:data', async (ctx) => {
    const data = ctx.callbackQuery.data;
    const choice = decodeChoice(data);
    const locale = localeFromLanguageCode(ctx.from.language_code);
    if (!choice) {
      await ctx.answerCallbackQuery({ text: t(locale, 'telegram.staleButton') }).catch(() => undefined);
      return;
    }
    // Stop the button's spinner first; the answer follows as new messages.
    await ctx.answerCallbackQuery().catch((err: unknown) => log.warn({ err }, 'answerCallbackQuery failed'));
    const message = ctx.callbackQuery.message;
    if (message && message.date !== 0) {
      const accessible = message as Message;
      const label = pressedLabel(accessible, data) ?? choice.value;
      const edit = chosenEdit(accessible, label, locale);
      try {
        if (edit) {
          await ctx.api.editMessageText(message.chat.id, message.message_id, edit.text, {
            entities: edit.entities,
            reply_markup: { inline_keyboard: [] },
          });
        } else {
          await ctx.api.editMessageReplyMarkup(message.chat.id, message.message_id, { reply_markup: { inline_keyboard: [] } });
        }
      } catch (err) {
        // "message is not modified" or too old to edit: the choice still counts. Only the
        // description is logged: the error also carries the payload (the buyer's text).
        log.debug({ reason: err instanceof GrammyError ? err.description : 'network' }, 'could not mark the chosen button');
      }
    }
    await turn(userIdFor(ctx.chat?.id ?? ctx.from.id), choice, ctx.update.update_id);
  });
  bot.on('callback_query', (ctx) => ctx.answerCallbackQuery().catch(() => undefined));

  // 5b. Messages.
  bot.on('message', async (ctx) => {
    const inbound = messageToInbound(ctx.message);
    if (!inbound) return;
    await turn(userIdFor(ctx.chat.id), inbound, ctx.update.update_id);
  });

  bot.catch((err) => {
    // Not confirmed: the poller retries it, the webhook answers 500 and Telegram re-delivers.
    if (err.error instanceof RetryLater) throw err.error;
    log.error({ err: err.error, updateId: err.ctx.update.update_id }, 'update handling failed');
  });

  const deliver: Deliver = async (userId: string, messages: Outbound[]) => {
    const chatId = chatIdOf(userId);
    if (chatId === null) throw new AppError('bug', `not a Telegram user id: ${userId}`);
    for (const out of messages) {
      if (out.file) {
        await sendDocument(chatId, out.file, out.text);
        continue;
      }
      for (const m of renderOutbound(out)) {
        try {
          await bot.api.sendMessage(chatId, m.text, {
            parse_mode: m.parse_mode,
            ...(m.reply_markup ? { reply_markup: m.reply_markup } : {}),
            link_preview_options: { is_disabled: true },
          });
        } catch (err) {
          throw toAppError(err);
        }
      }
    }
  };

  /** A document (the case file): rendered now, after the turn was committed, and uploaded with its caption. */
  async function sendDocument(chatId: number, file: OutboundFile, caption: string): Promise<void> {
    const doc = await renderFile(file);
    try {
      await bot.api.sendDocument(chatId, new InputFile(doc.bytes, doc.name), { caption: cutText(caption, CAPTION_MAX) });
    } catch (err) {
      throw toAppError(err);
    }
  }

  async function registerCommands(): Promise<void> {
    // Default scope in Chinese (the bot's audience), then per client language.
    await bot.api.setMyCommands(commandMenu('zh-CN'));
    for (const locale of LOCALES) {
      await bot.api.setMyCommands(commandMenu(locale), { language_code: locale === 'zh-CN' ? 'zh' : locale });
    }
  }

  return { bot, deliver, registerCommands };
}
