/**
 * Which process holds a lease. Every process runs as an *instance* (INSTANCE_ID, by default
 * the host name: a container, or a machine, runs one bot process) and counts its starts (its
 * *boot*). A lease held by `<this instance>#<an earlier boot>` belongs to a process this one
 * replaced, which is dead: its unfinished reply batches are taken over at once, not after the
 * lease runs out (redis-session-store.ts, CLAIM_OUTBOX).
 *
 * That rests on one rule: two live processes never run as the same instance. It is checked at
 * start, with Redis's own list of connections: each process names its connections
 * `shouhou:<key prefix hash>:<instance>:<nonce>` (CLIENT SETNAME). A dead process's connections
 * are closed by its kernel, so a connection under this instance's name with another nonce is a
 * live process — two replicas on one host, say. This one then runs as `<instance>~<nonce>`, a
 * name nobody else has, and its leases are taken over only when they run out; nobody's work
 * is taken early. Where the connection list cannot be read (CLIENT LIST refused), the same.
 *
 * @example
 * const nonce = newNonce();
 * const redis = new Redis(url, { connectionName: connectionName(prefix, instance, nonce) });
 * const owner = await claimInstance(redis, keys, { prefix, instance, nonce, logger });
 */
import { createHash, randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Cluster } from 'ioredis';
import type { Logger } from 'pino';
import type { RedisKeys } from './keys.ts';
import type { RedisClient } from './support.ts';

/** Who holds a lease: a stable instance id and its boot number (1, 2, … per start). */
export interface LeaseOwner {
  instance: string;
  boot: number;
}

/** Boot counters of instances not started for this long are dropped. */
const BOOTS_TTL_SECONDS = 30 * 86_400;

/** An instance id as stored and shown: letters, digits, `.`, `_`, `-`; at most 64 characters. */
export function instanceIdOf(raw: string | undefined = hostname()): string {
  const id = raw.replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 64);
  return id || 'instance';
}

/** A per-process random tag. */
export function newNonce(): string {
  return randomBytes(6).toString('hex');
}

/** The name of this process's Redis connections (printable, no spaces, as CLIENT SETNAME wants). */
export function connectionName(prefix: string, instance: string, nonce: string): string {
  const app = createHash('sha1').update(prefix).digest('hex').slice(0, 8);
  return `shouhou:${app}:${instance}:${nonce}`;
}

/** The masters' client lists (one server: its own), as connection names. */
async function connectionNames(redis: RedisClient): Promise<string[]> {
  const nodes = redis instanceof Cluster ? redis.nodes('master') : [redis];
  const lists = await Promise.all(nodes.map((n) => n.client('LIST') as Promise<string>));
  return lists.flatMap((list) => [...list.matchAll(/(?:^| )name=(\S*)/gm)].map((m) => m[1]!));
}

/** Rename this process's connections, now and after any reconnection. */
async function rename(redis: RedisClient, name: string): Promise<void> {
  if (redis instanceof Cluster) {
    redis.options.redisOptions = { ...redis.options.redisOptions, connectionName: name };
    await Promise.all(
      redis.nodes('all').map(async (n) => {
        n.options.connectionName = name;
        await n.client('SETNAME', name).catch(() => undefined); // not connected yet: named when it connects
      }),
    );
  } else {
    redis.options.connectionName = name;
    await redis.client('SETNAME', name);
  }
}

/**
 * Decide the instance this process runs as, and count its boot. `redis` must already be
 * connected with `connectionName(prefix, instance, nonce)`.
 */
export async function claimInstance(
  redis: RedisClient,
  keys: RedisKeys,
  o: { prefix: string; instance: string; nonce: string; logger: Logger },
): Promise<LeaseOwner> {
  const mine = connectionName(o.prefix, o.instance, o.nonce);
  const sameInstance = connectionName(o.prefix, o.instance, '');
  let names: string[] | null;
  try {
    names = await connectionNames(redis);
  } catch {
    names = null;
  }
  let instance = o.instance;
  if (names === null) {
    instance = `${o.instance}~${o.nonce}`;
    o.logger.info({ instance }, 'cannot list Redis connections (CLIENT LIST refused): replies a crash left unsent wait for their lease to run out');
  } else if (names.some((n) => n.startsWith(sameInstance) && n !== mine)) {
    instance = `${o.instance}~${o.nonce}`;
    o.logger.warn(
      { instance },
      `another live process runs as instance ${o.instance}: this one runs as ${instance}. Give each replica its own INSTANCE_ID (or host name)`,
    );
  }
  if (instance !== o.instance) {
    await rename(redis, connectionName(o.prefix, instance, o.nonce)).catch(() => undefined);
    return { instance, boot: 1 };
  }
  const key = keys.boots(instance);
  const [[, boot]] = (await redis.multi().incr(key).expire(key, BOOTS_TTL_SECONDS).exec()) as [[Error | null, number], unknown];
  return { instance, boot };
}
