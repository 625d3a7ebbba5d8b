/**
 * Configuration: parsed once in main from the environment (CONTRACTS.md §3). A wrong
 * value stops the program at start with one line naming the variable and the fix.
 */
import { z } from 'zod';
import { AppError } from './domain/errors.ts';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export const Config = z.object({
  mode: z.enum(['console', 'bots']),
  telegram: z
    .object({
      token: z.string(),
      apiRoot: z.string().url().optional(),
      webhook: z.object({ url: z.string().url(), secret: z.string(), port: z.number().int(), path: z.string() }).optional(),
    })
    .optional(),
  wechat: z.object({ puppet: z.string(), token: z.string().optional(), name: z.string() }).optional(),
  redisUrl: z.string().optional(),
  timezone: z.string(),
  logLevel: z.enum(LOG_LEVELS),
  retentionDays: z.number().int().positive(),
  reminderPollMs: z.number().int().positive(),
});
export type Config = z.infer<typeof Config>;

type Env = Record<string, string | undefined>;

function fail(message: string): never {
  throw new AppError('config', message);
}

function nonEmpty(env: Env, name: string): string | undefined {
  const v = env[name]?.trim();
  return v ? v : undefined;
}

/** Whether `tz` is an IANA timezone this Node knows. */
export function isTimezone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

function positiveInt(env: Env, name: string, fallback: number): number {
  const raw = nonEmpty(env, name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) fail(`${name}="${raw}" is not a positive whole number. Set it like ${name}=${fallback}, or unset it.`);
  return n;
}

function url(env: Env, name: string, example: string, protocols: string[]): string | undefined {
  const raw = nonEmpty(env, name);
  if (raw === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    fail(`${name}="${raw}" is not a valid URL. Set it like ${name}=${example}, or unset it.`);
  }
  if (!protocols.includes(parsed.protocol)) fail(`${name}="${raw}" must start with ${protocols.map((p) => `${p}//`).join(' or ')} (e.g. ${example}).`);
  return raw;
}

/**
 * Read the configuration from `env`. Throws `AppError('config')` with a one-line fix-it message.
 * `service`: running as a service (the container image), where there is no terminal to chat in,
 * so a missing messenger is an error instead of the terminal chat (CONTRACTS.md §6).
 */
export function loadConfig(env: Env, opts: { service?: boolean } = {}): Config {
  const timezone = nonEmpty(env, 'BOT_TIMEZONE') ?? 'Asia/Shanghai';
  if (!isTimezone(timezone)) fail(`BOT_TIMEZONE="${timezone}" is not a known IANA timezone. Use a name like Asia/Shanghai.`);

  const logLevel = (nonEmpty(env, 'LOG_LEVEL') ?? 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) fail(`LOG_LEVEL="${env.LOG_LEVEL}" is not a pino level. Use one of: ${LOG_LEVELS.join(', ')}.`);

  // REDIS_URL is validated where it is used (src/store/open.ts), with its own fix-it message.
  const redisUrl = nonEmpty(env, 'REDIS_URL');

  let telegram: Config['telegram'];
  const token = nonEmpty(env, 'TELEGRAM_BOT_TOKEN');
  if (token) {
    if (!/^\d+:[\w-]{20,}$/.test(token)) fail('TELEGRAM_BOT_TOKEN does not look like a bot token (123456:ABC…). Copy it from @BotFather.');
    const apiRoot = url(env, 'TELEGRAM_API_ROOT', 'https://api.telegram.org', ['http:', 'https:']);
    const webhookUrl = url(env, 'WEBHOOK_URL', 'https://bot.example.com/telegram', ['https:', 'http:']);
    let webhook: NonNullable<Config['telegram']>['webhook'];
    if (webhookUrl) {
      const secret = nonEmpty(env, 'WEBHOOK_SECRET');
      if (!secret || !/^[A-Za-z0-9_-]{16,256}$/.test(secret)) {
        fail('WEBHOOK_SECRET must be set with WEBHOOK_URL: 16–256 characters of A–Z, a–z, 0–9, _ or - (e.g. `openssl rand -hex 32`).');
      }
      webhook = { url: webhookUrl, secret, port: positiveInt(env, 'PORT', 8080), path: new URL(webhookUrl).pathname || '/' };
    }
    telegram = { token, ...(apiRoot ? { apiRoot } : {}), ...(webhook ? { webhook } : {}) };
  } else if (nonEmpty(env, 'WEBHOOK_URL')) {
    fail('WEBHOOK_URL is set but TELEGRAM_BOT_TOKEN is not. Set the bot token too, or unset WEBHOOK_URL.');
  }

  let wechat: Config['wechat'];
  const puppet = nonEmpty(env, 'WECHATY_PUPPET');
  if (puppet) {
    const puppetToken = nonEmpty(env, 'WECHATY_PUPPET_SERVICE_TOKEN');
    if (puppet === 'wechaty-puppet-service' && !puppetToken) {
      fail('WECHATY_PUPPET=wechaty-puppet-service needs WECHATY_PUPPET_SERVICE_TOKEN. Set the token from your puppet service provider.');
    }
    wechat = { puppet, ...(puppetToken ? { token: puppetToken } : {}), name: nonEmpty(env, 'WECHATY_NAME') ?? 'shouhou' };
  } else if (nonEmpty(env, 'WECHATY_PUPPET_SERVICE_TOKEN')) {
    fail('WECHATY_PUPPET_SERVICE_TOKEN is set but WECHATY_PUPPET is not. Set WECHATY_PUPPET=wechaty-puppet-service too.');
  }

  if (opts.service && !telegram && !wechat) {
    fail('No messenger configured: set TELEGRAM_BOT_TOKEN (Telegram) and/or WECHATY_PUPPET (WeChat) in .env; the service has no terminal chat.');
  }

  return Config.parse({
    mode: telegram || wechat ? 'bots' : 'console',
    telegram,
    wechat,
    redisUrl,
    timezone,
    logLevel,
    retentionDays: positiveInt(env, 'STATE_RETENTION_DAYS', 180),
    reminderPollMs: positiveInt(env, 'REMINDER_POLL_MS', 5000),
  });
}
