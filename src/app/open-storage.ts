/**
 * Opens the storage the app runs on: in memory without `REDIS_URL`, in Redis with it.
 * Fails fast at start with a one-line, fix-it `AppError('config')` (main prints it).
 */
import { Cluster, Redis } from 'ioredis';
import type { Logger } from 'pino';
import { AppError } from '../domain/errors.ts';
import type { Scheduler } from '../schedule/port.ts';
import { MemoryScheduler } from '../schedule/memory-scheduler.ts';
import { RedisScheduler } from '../schedule/redis-scheduler.ts';
import { MemorySessionStore } from '../store/memory-session-store.ts';
import type { SessionStore } from '../store/port.ts';
import { RedisSessionStore } from '../store/redis-session-store.ts';
import { DEFAULT_KEY_PREFIX, RedisKeys } from '../redis/keys.ts';
import { claimInstance, connectionName, instanceIdOf, newNonce } from '../redis/instance.ts';
import { coalesceWrites, RedisStats, type RedisClient } from '../redis/support.ts';
import { MemorySeenIds, RedisSeenIds, redisWindowCounters, type SeenIds, type WindowCounters } from '../store/seen-ids.ts';
import { redactUrl as redactRawUrl } from '../config.ts';
import { OUTAGE_APOLOGY_MS } from './assistant.ts';
import { MemoryUpdateOrder, RedisUpdateOrder, type UpdateOrder } from '../store/update-order.ts';

export interface OpenStorageOptions {
  /** `redis://[user:password@]host[:port][/db]` (or `rediss://`); absent → in memory. */
  redisUrl?: string;
  /**
   * `host:port[,host:port…]` of Redis Cluster nodes (REDIS_CLUSTER_NODES), instead of
   * `redisUrl`; the rest of the cluster is discovered from them.
   */
  redisClusterNodes?: string;
  logger: Logger;
  /** Days a state without an active case is kept in Redis. Default 180. */
  retentionDays?: number;
  /** Key prefix in Redis. Default `shouhou`. */
  keyPrefix?: string;
  /**
   * How long a committed turn's outbox batch is reserved for the process that committed it
   * before recovery (another process, or a restart) may deliver it; renewed while it
   * delivers. Default 10 s.
   */
  inflightLeaseMs?: number;
  /** Give up connecting at start after this long. Default 5000 ms. */
  startTimeoutMs?: number;
  /**
   * INSTANCE_ID: who this process is across restarts (default the host name). A restarted
   * process takes over the reply batches its previous run left unfinished at once, not after
   * their lease; two live processes never share one (src/redis/instance.ts).
   */
  instanceId?: string;
}

export interface Storage {
  store: SessionStore;
  scheduler: Scheduler;
  /**
   * Close both and the connection (commands already issued are sent first). Idempotent.
   * Call `Assistant.idle()` before, so delivery progress and acks are written.
   */
  close(): Promise<void>;
  /** For logs: `memory` or `redis redis://host:6379/0` (password hidden). */
  describe: string;
  /** Remembered ids of one kind (e.g. `telegram-update`), shared across replicas in Redis, for `ttlSeconds` (default a day). */
  seenIds(namespace: string, ttlSeconds?: number): SeenIds;
  /**
   * Rate-limit counters shared across replicas; null in memory (each process counts its own).
   * `windowMs` is set as the counter's TTL atomically with its first increment.
   */
  windowCounters(namespace: string, windowMs?: number): WindowCounters | null;
  /**
   * Buyers apologised to for storage being down, shared by replicas for one outage (Redis,
   * `OUTAGE_APOLOGY_MS`; on a key outside the buyer's slot, so a cluster shard down does not
   * hide it); null in memory (each process remembers its own).
   */
  apologies: SeenIds | null;
  /** Which updates wait for re-delivery, so a buyer's later ones wait behind them (shared across replicas in Redis). */
  updateOrder(): UpdateOrder;
  /**
   * What is acknowledged survives a restart of the storage (Redis with the append-only
   * file on). False in memory, and for a Redis without AOF.
   */
  durable: boolean;
  /** Redis requests counted on the client (benchmark, metrics); zero in memory. */
  stats: RedisStats;
  /** The Redis client (one server or a Cluster); null in memory. */
  redis: RedisClient | null;
}

/**
 * @example
 * const storage = await openStorage({ redisUrl: process.env.REDIS_URL, logger });
 * const assistant = new Assistant({ store: storage.store, scheduler: storage.scheduler, … });
 */
export async function openStorage(opts: OpenStorageOptions): Promise<Storage> {
  if (!opts.redisUrl && !opts.redisClusterNodes) {
    const store = new MemorySessionStore({ inflightLeaseMs: opts.inflightLeaseMs });
    const scheduler = new MemoryScheduler();
    return {
      store,
      scheduler,
      describe: 'memory',
      close: async () => {},
      seenIds: () => new MemorySeenIds(),
      windowCounters: () => null,
      updateOrder: () => new MemoryUpdateOrder(),
      apologies: null,
      durable: false,
      stats: new RedisStats(),
      redis: null,
    };
  }
  if (opts.retentionDays !== undefined && !(opts.retentionDays > 0)) {
    throw configError(`The retention must be a positive number of days, got ${opts.retentionDays}.`);
  }
  let redis: RedisClient;
  let shown: string;
  const prefix = opts.keyPrefix ?? DEFAULT_KEY_PREFIX;
  const identity = { prefix, instance: instanceIdOf(opts.instanceId), nonce: newNonce(), logger: opts.logger };
  const name = connectionName(prefix, identity.instance, identity.nonce);
  if (opts.redisClusterNodes) {
    const nodes = parseClusterNodes(opts.redisClusterNodes);
    shown = `cluster ${nodes.map((n) => `${n.host}:${n.port}`).join(',')}`;
    redis = await connectCluster(nodes, shown, name, opts);
  } else {
    const url = parseRedisUrl(opts.redisUrl!);
    shown = redactUrl(url);
    redis = await connect(opts.redisUrl!, shown, name, opts);
  }
  const keys = new RedisKeys(prefix);
  const owner = await claimInstance(redis, keys, identity).catch(() => ({ instance: `${identity.instance}~${identity.nonce}`, boot: 1 }));
  opts.logger.info({ instance: owner.instance, boot: owner.boot }, 'running as this instance');
  const stats = new RedisStats();
  const store = new RedisSessionStore({
    redis,
    prefix,
    retentionDays: opts.retentionDays,
    inflightLeaseMs: opts.inflightLeaseMs,
    stats,
    owner,
  });
  const scheduler = new RedisScheduler({ redis, prefix, stats, owner });
  let closing: Promise<void> | null = null;
  const durable = await appendOnly(redis);
  if (!durable) {
    opts.logger.warn(
      `Redis at ${shown} runs without the append-only file: a Redis restart loses recent turns and reminders. Set appendonly yes (see README).`,
    );
  }
  return {
    store,
    scheduler,
    durable,
    stats,
    redis,
    describe: `redis ${shown}`,
    seenIds: (namespace, ttlSeconds) => new RedisSeenIds(redis, keys, namespace, ttlSeconds),
    windowCounters: (namespace, windowMs) => redisWindowCounters(redis, keys, namespace, windowMs),
    updateOrder: () => new RedisUpdateOrder(redis, keys),
    apologies: new RedisSeenIds(redis, keys, 'apologised', OUTAGE_APOLOGY_MS / 1000),
    close: () =>
      (closing ??= (async () => {
        // Progress records and acks under way are written first; commands still held for the
        // end of the tick (corked, or auto-pipelined on a Cluster) go before QUIT.
        await store.drain();
        await new Promise((r) => setImmediate(r));
        await redis.quit().catch(() => redis.disconnect());
      })()),
  };
}

/** Whether every master keeps an append-only file (what makes "nothing lost" true). */
async function appendOnly(redis: RedisClient): Promise<boolean> {
  const nodes = redis instanceof Cluster ? redis.nodes('master') : [redis];
  try {
    const infos = await Promise.all(nodes.map((n) => n.info('persistence')));
    return infos.length > 0 && infos.every((i) => /aof_enabled:1/.test(i));
  } catch {
    return false;
  }
}

function parseClusterNodes(raw: string): Array<{ host: string; port: number }> {
  const nodes = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((hp) => {
      const m = /^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/.exec(hp);
      const port = m ? Number(m[2]) : NaN;
      return m && port > 0 && port < 65536 ? { host: m[1]!.replace(/^\[|\]$/g, ''), port } : null;
    });
  if (nodes.length === 0 || nodes.some((n) => n === null)) {
    throw configError(
      `REDIS_CLUSTER_NODES "${raw}" is not a list of host:port. Set it like 10.0.0.1:6379,10.0.0.2:6379, or unset it.`,
    );
  }
  return nodes as Array<{ host: string; port: number }>;
}

async function connectCluster(nodes: Array<{ host: string; port: number }>, shown: string, name: string, opts: OpenStorageOptions): Promise<Cluster> {
  let started = false;
  const cluster = new Cluster(nodes, {
    lazyConnect: true,
    enableOfflineQueue: true,
    // Same failure behaviour as one server: a call during an outage rejects (→ apology)
    // rather than hanging; reconnection goes on in the background.
    clusterRetryStrategy: (times) => (started ? Math.min(times * 100, 500) : times <= 2 ? 300 : null),
    enableAutoPipelining: true,
    redisOptions: { connectTimeout: 3_000, maxRetriesPerRequest: 1, commandTimeout: 3_000, connectionName: name },
  });
  cluster.on('error', () => undefined); // reported through failed calls
  try {
    await connectWithin(cluster, opts.startTimeoutMs ?? 5_000);
  } catch (err) {
    cluster.disconnect();
    throw configError(`Cannot reach the Redis Cluster at REDIS_CLUSTER_NODES=${shown.replace(/^cluster /, '')} (${reasonOf(err)}). Start it or fix REDIS_CLUSTER_NODES.`);
  }
  started = true;
  opts.logger.debug(`connected to Redis ${shown}`);
  return cluster;
}

/** Connect and PING, or reject after `timeoutMs` (code ETIMEDOUT). */
async function connectWithin(client: RedisClient, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      (async () => {
        await client.connect();
        await client.ping();
      })(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
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
  return redactRawUrl(url.href);
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

async function connect(raw: string, shown: string, name: string, opts: OpenStorageOptions): Promise<Redis> {
  const { logger } = opts;
  let started = false;
  let lastError: unknown = null;
  let warnedAt = 0;
  const redis = new Redis(raw, {
    lazyConnect: true,
    // Names this process's connection (src/redis/instance.ts), again after every reconnection.
    connectionName: name,
    connectTimeout: 3_000,
    // Commands issued while disconnected wait in the offline queue, but only through one
    // reconnection attempt: then they reject (→ AppError 'transport', the buyer gets an
    // apology) instead of hanging until Redis returns.
    enableOfflineQueue: true,
    maxRetriesPerRequest: 1,
    // A command on a dead-but-open connection (network partition) rejects rather than hangs.
    commandTimeout: 3_000,
    // Commands issued in the same tick (a commit and its recovery index entry, delivery
    // progress of many turns) go out in one write: see coalesceWrites below.
    enableAutoPipelining: false,
    // At start: two quick retries (Redis may be starting next to us in Compose), then give up.
    // Once running: reconnect forever, backing off to 0.5 s, so work resumes soon after Redis
    // returns and a call made meanwhile rejects within about a second.
    retryStrategy: (times) => (started ? Math.min(times * 100, 500) : times <= 2 ? 300 : null),
  });
  coalesceWrites(redis);
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

  try {
    await connectWithin(redis, opts.startTimeoutMs ?? 5_000);
  } catch (err) {
    redis.disconnect();
    const reason = reasonOf(lastError ?? err);
    if (reason === 'wrong or missing password') {
      throw configError(`Redis at REDIS_URL=${shown} refused the credentials (${reason}). Fix the password in REDIS_URL.`);
    }
    throw configError(`Cannot reach Redis at REDIS_URL=${shown} (${reason}). Start Redis or fix REDIS_URL.`);
  }
  started = true;
  logger.debug(`connected to Redis at ${shown}`);
  return redis;
}
