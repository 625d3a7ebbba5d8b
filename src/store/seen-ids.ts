/**
 * "Have we handled this one already?" — for ids that a messenger may deliver twice
 * (Telegram re-sends an update when a webhook answer is late). In memory it covers one
 * process; in Redis every replica shares it.
 */
import type { Redis } from 'ioredis';
import type { RedisKeys } from '../redis/keys.ts';

export interface SeenIds {
  /** Remember `id`; true the first time, false for a repeat. */
  firstTime(id: string): Promise<boolean>;
}

/** The last `capacity` ids seen by this process. */
export class MemorySeenIds implements SeenIds {
  readonly #seen = new Set<string>();
  readonly #ring: (string | undefined)[];
  #next = 0;

  constructor(readonly capacity = 10_000) {
    if (!(capacity > 0)) throw new Error('MemorySeenIds: capacity must be positive');
    this.#ring = new Array<string | undefined>(capacity);
  }

  async firstTime(id: string): Promise<boolean> {
    return this.add(id);
  }

  /** Synchronous form of `firstTime`. */
  add(id: string): boolean {
    if (this.#seen.has(id)) return false;
    this.#seen.add(id);
    const evicted = this.#ring[this.#next];
    if (evicted !== undefined) this.#seen.delete(evicted);
    this.#ring[this.#next] = id;
    this.#next = (this.#next + 1) % this.capacity;
    return true;
  }
}

/** Ids remembered in Redis for `ttlSeconds` (SET NX EX): shared by every replica. */
export class RedisSeenIds implements SeenIds {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
    private readonly namespace: string,
    private readonly ttlSeconds = 24 * 3600,
  ) {}

  async firstTime(id: string): Promise<boolean> {
    const set = await this.redis.set(this.keys.seen(this.namespace, id), '1', 'EX', this.ttlSeconds, 'NX');
    return set === 'OK';
  }
}

/**
 * Counters per time window, the shape `@grammyjs/ratelimiter` takes as its Redis store:
 * with it, a flooding buyer is limited across every replica, not per process.
 */
export interface WindowCounters {
  incr(key: string): Promise<number>;
  pexpire(key: string, milliseconds: number): Promise<number>;
}

/** Window counters in Redis, under this app's key prefix. */
export function redisWindowCounters(redis: Redis, keys: RedisKeys, namespace: string): WindowCounters {
  return {
    incr: (key) => redis.incr(keys.counter(namespace, key)),
    pexpire: (key, ms) => redis.pexpire(keys.counter(namespace, key), ms),
  };
}
