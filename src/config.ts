/**
 * Configuration: parsed once in main from the environment (CONTRACTS.md §3). Every value
 * is checked for its bounds and meaning; a wrong one stops the program at start with one
 * line naming the variable and the fix. No line ever shows a secret (tokens, passwords).
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from './domain/errors.ts';
import { parseHolidaySchedule, type HolidaySchedule } from './time/deadlines.ts';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Wechaty puppets an operator might name, with what they are (README: "WeChat: what a puppet is"). */
export const KNOWN_PUPPETS = ['wechaty-puppet-service', 'wechaty-puppet-wechat4u', 'wechaty-puppet-padlocal', 'wechaty-puppet-wechat', 'wechaty-puppet-xp', 'wechaty-puppet-mock'] as const;

const Bounds = {
  STATE_RETENTION_DAYS: { min: 1, max: 3650, fallback: 180 },
  REMINDER_POLL_MS: { min: 100, max: 600_000, fallback: 5_000 },
  SHUTDOWN_TIMEOUT_MS: { min: 1_000, max: 120_000, fallback: 10_000 },
} as const;

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
  /** REDIS_CLUSTER_NODES: `host:port[,host:port…]`, instead of REDIS_URL. */
  redisClusterNodes: z.string().optional(),
  timezone: z.string(),
  logLevel: z.enum(LOG_LEVELS),
  /** LOG_UNREDACTED=1: log message texts and numbers as they are (local debugging only). */
  logUnredacted: z.boolean(),
  retentionDays: z.number().int().positive(),
  reminderPollMs: z.number().int().positive(),
  /** /healthz and /metrics; null when HEALTH_PORT=0. */
  health: z.object({ port: z.number().int(), host: z.string() }).nullable(),
  shutdownTimeoutMs: z.number().int().positive(),
  /** INSTANCE_ID: who this process is across restarts (src/redis/instance.ts); default the host name. */
  instanceId: z.string().optional(),
  /** HOLIDAYS_FILE, parsed. */
  holidays: z.custom<HolidaySchedule>().nullable(),
  holidaysFile: z.string().nullable(),
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

/** A whole number within [min, max]; written plainly (no 1e3, no 0x10). */
function boundedInt(env: Env, name: string, b: { min: number; max: number; fallback: number }): number {
  const raw = nonEmpty(env, name);
  if (raw === undefined) return b.fallback;
  const n = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < b.min || n > b.max) {
    fail(`${name}="${raw}" must be a whole number from ${b.min} to ${b.max}. Set it like ${name}=${b.fallback}, or unset it.`);
  }
  return n;
}

function port(env: Env, name: string, fallback: number, allowZero: boolean): number {
  return boundedInt(env, name, { min: allowZero ? 0 : 1, max: 65_535, fallback });
}

/**
 * A URL as it may be printed: the password (and anything that looks like one in a URL
 * that does not even parse) replaced by `***`.
 *
 * @example redactUrl('redis://:hunter2@db:6379/0') // 'redis://:***@db:6379/0'
 */
export function redactUrl(raw: string): string {
  try {
    const u = new URL(raw);
    if (u.password) {
      u.password = '***';
      return u.href;
    }
    // A user name alone may be the password (some clients read redis://secret@host so).
    if (u.username) {
      u.username = '***';
      return u.href;
    }
    if (!raw.includes('@')) return u.href;
  } catch {
    // Unparseable: below.
  }
  // An '@' the parser did not take for credentials ("user:pass@host" without a scheme, a
  // password with '/' or '#' in it): hide everything before the last '@'.
  return raw.replace(/^([a-z][a-z0-9+.-]*:\/\/)?.*@/i, (_m, scheme: string | undefined) => `${scheme ?? ''}***@`);
}

function url(env: Env, name: string, example: string, protocols: string[]): string | undefined {
  const raw = nonEmpty(env, name);
  if (raw === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    fail(`${name}="${redactUrl(raw)}" is not a valid URL. Set it like ${name}=${example}, or unset it.`);
  }
  if (!protocols.includes(parsed.protocol)) fail(`${name}="${redactUrl(raw)}" must start with ${protocols.map((p) => `${p}//`).join(' or ')} (e.g. ${example}).`);
  return raw;
}

/**
 * REDIS_URL checked before any connection: scheme, host, port 1–65535, database 0–15
 * (Redis has 16 databases unless configured otherwise). Messages show the URL with its
 * password hidden.
 */
export function checkRedisUrl(raw: string): string {
  const shown = redactUrl(raw);
  const fix = 'Set it like redis://[:password@]host:6379/0 (or rediss:// for TLS), or unset it to keep state in memory.';
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    fail(`REDIS_URL="${shown}" is not a valid URL. ${fix}`);
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') fail(`REDIS_URL="${shown}" must start with redis:// or rediss://. ${fix}`);
  if (!u.hostname) fail(`REDIS_URL="${shown}" names no host. ${fix}`);
  if (u.port !== '' && !(Number(u.port) >= 1 && Number(u.port) <= 65_535)) fail(`REDIS_URL="${shown}": port ${u.port} is out of range 1–65535. ${fix}`);
  const db = u.pathname.replace(/^\//, '');
  if (db !== '') {
    if (!/^\d+$/.test(db)) fail(`REDIS_URL="${shown}": the database "${db}" after the host must be a number from 0 to 15. ${fix}`);
    if (Number(db) > 15) fail(`REDIS_URL="${shown}": database ${db} is out of range 0–15 (Redis has 16 databases by default). ${fix}`);
  }
  if (u.search || u.hash) fail(`REDIS_URL="${shown}" has unexpected ?… or #… parts. ${fix}`);
  return raw;
}

/** Whether the npm package `name` can be loaded from here. */
function installed(name: string): boolean {
  try {
    createRequire(import.meta.url).resolve(name);
    return true;
  } catch {
    return false;
  }
}

function checkPuppet(puppet: string): void {
  if (installed(puppet)) return;
  const available = KNOWN_PUPPETS.filter((p) => p !== 'wechaty-puppet-mock' && installed(p));
  const known = (KNOWN_PUPPETS as readonly string[]).includes(puppet);
  fail(
    `WECHATY_PUPPET=${puppet} is ${known ? 'not installed here' : 'not a Wechaty puppet this program knows'}. ` +
      `Use one of: ${available.join(', ') || 'wechaty-puppet-service'} (README: "WeChat: what a puppet is").`,
  );
}

function loadHolidays(file: string): HolidaySchedule {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    fail(`HOLIDAYS_FILE=${file} cannot be read (${code === 'ENOENT' ? 'no such file' : code ?? 'error'}). Fix the path, or unset it.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    fail(`HOLIDAYS_FILE=${file} is not valid JSON (${err instanceof Error ? err.message : err}). See the README, "Holidays".`);
  }
  try {
    return parseHolidaySchedule(json);
  } catch (err) {
    fail(`HOLIDAYS_FILE=${file}: ${err instanceof Error ? err.message : err}. See the README, "Holidays".`);
  }
}

function flag(env: Env, name: string): boolean {
  const raw = nonEmpty(env, name);
  if (raw === undefined || raw === '0' || raw.toLowerCase() === 'false') return false;
  if (raw === '1' || raw.toLowerCase() === 'true') return true;
  fail(`${name}="${raw}" must be 1 or 0 (or unset).`);
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
  const logUnredacted = flag(env, 'LOG_UNREDACTED');

  const rawRedis = nonEmpty(env, 'REDIS_URL');
  const redisUrl = rawRedis === undefined ? undefined : checkRedisUrl(rawRedis);
  const redisClusterNodes = nonEmpty(env, 'REDIS_CLUSTER_NODES');
  if (redisClusterNodes !== undefined) {
    if (redisUrl !== undefined) fail('REDIS_URL and REDIS_CLUSTER_NODES are both set. Set one: REDIS_URL for one Redis, REDIS_CLUSTER_NODES for a cluster.');
    for (const node of redisClusterNodes.split(',')) {
      const m = /^\s*([A-Za-z0-9.-]+|\[[0-9a-fA-F:]+\]):(\d{1,5})\s*$/.exec(node);
      if (!m || Number(m[2]) < 1 || Number(m[2]) > 65535) {
        fail(`REDIS_CLUSTER_NODES="${redisClusterNodes}" must be host:port[,host:port…] (e.g. REDIS_CLUSTER_NODES=10.0.0.1:6379,10.0.0.2:6379).`);
      }
    }
  }

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
      webhook = { url: webhookUrl, secret, port: port(env, 'PORT', 8080, false), path: new URL(webhookUrl).pathname || '/' };
    }
    telegram = { token, ...(apiRoot ? { apiRoot } : {}), ...(webhook ? { webhook } : {}) };
  } else if (nonEmpty(env, 'WEBHOOK_URL')) {
    fail('WEBHOOK_URL is set but TELEGRAM_BOT_TOKEN is not. Set the bot token too, or unset WEBHOOK_URL.');
  }

  let wechat: Config['wechat'];
  const puppet = nonEmpty(env, 'WECHATY_PUPPET');
  if (puppet) {
    checkPuppet(puppet);
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

  const healthPort = port(env, 'HEALTH_PORT', 9090, true);
  const healthHost = nonEmpty(env, 'HEALTH_HOST') ?? '0.0.0.0';
  if (!/^[A-Za-z0-9.:_-]+$/.test(healthHost)) fail(`HEALTH_HOST="${healthHost}" is not a host name or IP address. Use 0.0.0.0 (all interfaces) or 127.0.0.1.`);
  if (telegram?.webhook && healthPort === telegram.webhook.port) {
    fail(`HEALTH_PORT and PORT are both ${healthPort}: the health server and the webhook need different ports.`);
  }

  const holidaysFile = nonEmpty(env, 'HOLIDAYS_FILE') ?? null;
  const holidays = holidaysFile ? loadHolidays(holidaysFile) : null;

  const instanceId = nonEmpty(env, 'INSTANCE_ID');
  if (instanceId !== undefined && !/^[A-Za-z0-9._-]{1,64}$/.test(instanceId)) {
    fail(`INSTANCE_ID="${instanceId.slice(0, 80)}" must be 1–64 characters of A–Z, a–z, 0–9, ., _ or - (e.g. INSTANCE_ID=bot-1), or unset (the host name).`);
  }

  return Config.parse({
    mode: telegram || wechat ? 'bots' : 'console',
    telegram,
    wechat,
    redisUrl,
    redisClusterNodes,
    timezone,
    logLevel,
    logUnredacted,
    retentionDays: boundedInt(env, 'STATE_RETENTION_DAYS', Bounds.STATE_RETENTION_DAYS),
    reminderPollMs: boundedInt(env, 'REMINDER_POLL_MS', Bounds.REMINDER_POLL_MS),
    health: healthPort === 0 ? null : { port: healthPort, host: healthHost },
    shutdownTimeoutMs: boundedInt(env, 'SHUTDOWN_TIMEOUT_MS', Bounds.SHUTDOWN_TIMEOUT_MS),
    holidays,
    holidaysFile,
    ...(instanceId ? { instanceId } : {}),
  });
}
