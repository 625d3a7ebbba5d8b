/**
 * Opens the storage the app runs on: in memory without `REDIS_URL`, in Redis with it.
 * Fails fast at start with a one-line, fix-it `AppError('config')` (main prints it).
 */
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { AppError } from '../domain/errors.ts';
import type { Scheduler } from '../schedule/port.ts';
import { MemoryScheduler } from '../schedule/memory-scheduler.ts';
import { RedisScheduler } from '../schedule/redis-scheduler.ts';
import { MemorySessionStore } from '../store/memory-session-store.ts';
import type { SessionStore } from '../store/port.ts';
import { RedisSessionStore } from '../store/redis-session-store.ts';
import { RedisKeys } from '../redis/keys.ts';
import { MemorySeenIds, RedisSeenIds, redisWindowCounters, type SeenIds, type WindowCounters } from '../store/seen-ids.ts';

export interface OpenStorageOptions {
  /** `redis://[user:password@]host[:port][/db]` (or `rediss://`); absent → in memory. */
  redisUrl?: string;
  logger: Logger;
  /** Days a state without an active case is kept in Redis. Default 180. */
  retentionDays?: number;
  /** Key prefix in Redis. Default `shouhou`. */
  keyPrefix?: string;
  /**
   * How long a committed turn's outbox batch is reserved for the process that committed it
   * before recovery (another process, or a restart) may deliver it. Default 60 s.
   */
  inflightLeaseMs?: number;
  /** Give up connecting at start after this long. Default 5000 ms. */
  startTimeoutMs?: number;
}

export interface Storage {
  store: SessionStore;
  scheduler: Scheduler;
  /** Close both and the connection. Idempotent. */
  close(): Promise<void>;
  /** For logs: `memory` or `redis redis://host:6379/0` (password hidden). */
  describe: string;
  /** Remembered ids of one kind (e.g. `telegram-update`), shared across replicas in Redis. */
  seenIds(namespace: string): SeenIds;
  /** Rate-limit counters shared across replicas; null in memory (each process counts its own). */
  windowCounters(namespace: string): WindowCounters | null;
}

/**
 * @example
 * const storage = await openStorage({ redisUrl: process.env.REDIS_URL, logger });
 * const assistant = new Assistant({ store: storage.store, scheduler: storage.scheduler, … });
 */
export async function openStorage(opts: OpenStorageOptions): Promise<Storage> {
  if (!opts.redisUrl) {
    const store = new MemorySessionStore({ inflightLeaseMs: opts.inflightLeaseMs });
    const scheduler = new MemoryScheduler();
    return {
      store,
      scheduler,
      describe: 'memory',
      close: async () => {},
      seenIds: () => new MemorySeenIds(),
      windowCounters: () => null,
    };
  }
  if (opts.retentionDays !== undefined && !(opts.retentionDays > 0)) {
    throw configError(`The retention must be a positive number of days, got ${opts.retentionDays}.`);
  }
  const url = parseRedisUrl(opts.redisUrl);
  const shown = redactUrl(url);
  const redis = await connect(opts.redisUrl, shown, opts);
  const store = new RedisSessionStore({
    redis,
    prefix: opts.keyPrefix,
    retentionDays: opts.retentionDays,
    inflightLeaseMs: opts.inflightLeaseMs,
  });
  const scheduler = new RedisScheduler({ redis, prefix: opts.keyPrefix });
  let closing: Promise<void> | null = null;
  const keys = new RedisKeys(opts.keyPrefix);
  return {
    store,
    scheduler,
    describe: `redis ${shown}`,
    seenIds: (namespace) => new RedisSeenIds(redis, keys, namespace),
    windowCounters: (namespace) => redisWindowCounters(redis, keys, namespace),
    close: () =>
      (closing ??= (async () => {
        await redis.quit().catch(() => redis.disconnect());
      })()),
  };
}

function configError(message: string): AppError {
  return new AppError('config', message);
}

function parseRedisUrl(raw: string): URL {
  const malformed = () =>
    configError(
      `REDIS_URL "${raw}" is not a valid redis:// URL. Set it like redis://localhost:6379/0, or unset it to keep state in memory.`,
    );
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw malformed();
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') throw malformed();
  if (!url.hostname) throw malformed();
  if (url.pathname !== '' && !/^\/\d{0,2}$/.test(url.pathname)) throw malformed();
  return url;
}

function redactUrl(url: URL): string {
  const copy = new URL(url.href);
  if (copy.password) copy.password = '***';
  return copy.href;
}

/** A short human reason for a failed connection attempt. */
function reasonOf(err: unknown): string {
  const code = (err as { code?: string } | null)?.code;
  const message = err instanceof Error ? err.message : String(err);
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found';
  if (code === 'ETIMEDOUT' || /timed? ?out/i.test(message)) return 'timed out';
  if (/^(WRONGPASS|NOAUTH)/.test(message)) return 'wrong or missing password';
  if (/Unknown RESP type|Protocol error/i.test(message)) return 'the server there is not Redis';
  return message;
}

async function connect(raw: string, shown: string, opts: OpenStorageOptions): Promise<Redis> {
  const { logger } = opts;
  let started = false;
  let lastError: unknown = null;
  let warnedAt = 0;
  const redis = new Redis(raw, {
    lazyConnect: true,
    connectTimeout: 3_000,
    // Commands issued while disconnected wait in the offline queue, but only through one
    // reconnection attempt: then they reject (→ AppError 'transport', the buyer gets an
    // apology) instead of hanging until Redis returns.
    enableOfflineQueue: true,
    maxRetriesPerRequest: 1,
    // A command on a dead-but-open connection (network partition) rejects rather than hangs.
    commandTimeout: 3_000,
    // At start: two quick retries (Redis may be starting next to us in Compose), then give up.
    // Once running: reconnect forever, backing off to 0.5 s, so work resumes soon after Redis
    // returns and a call made meanwhile rejects within about a second.
    retryStrategy: (times) => (started ? Math.min(times * 100, 500) : times <= 2 ? 300 : null),
  });
  redis.on('error', (err) => {
    lastError = err;
    if (!started) return;
    const now = Date.now();
    if (now - warnedAt > 10_000) {
      warnedAt = now;
      logger.warn({ err: reasonOf(err) }, `Redis at ${shown} unavailable; retrying`);
    }
  });
  redis.on('ready', () => {
    if (started && warnedAt) logger.info(`Redis at ${shown} is back`);
    warnedAt = 0;
  });

  const timeoutMs = opts.startTimeoutMs ?? 5_000;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      (async () => {
        await redis.connect();
        await redis.ping();
      })(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })), timeoutMs);
      }),
    ]);
  } catch (err) {
    redis.disconnect();
    const reason = reasonOf(lastError ?? err);
    if (reason === 'wrong or missing password') {
      throw configError(`Redis at REDIS_URL=${shown} refused the credentials (${reason}). Fix the password in REDIS_URL.`);
    }
    throw configError(`Cannot reach Redis at REDIS_URL=${shown} (${reason}). Start Redis or fix REDIS_URL.`);
  } finally {
    clearTimeout(timer);
  }
  started = true;
  logger.debug(`connected to Redis at ${shown}`);
  return redis;
}
