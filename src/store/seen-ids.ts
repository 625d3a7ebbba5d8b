/**
 * "Have we handled this one already?" — for ids that a messenger may deliver twice
 * (Telegram re-sends an update when a webhook answer is late). In memory it covers one
 * process; in Redis every replica shares it.
 */
import { LuaScript, type RedisClient } from '../redis/support.ts';
import type { RedisKeys } from '../redis/keys.ts';

export interface SeenIds {
  /** Remember `id`; true the first time, false for a repeat. */
  firstTime(id: string): Promise<boolean>;
  /** Forget `id` (the next `firstTime` is true again). */
  forget?(id: string): Promise<void>;
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

/**
 * Ids remembered in Redis for `ttlSeconds` (SET NX EX): shared by every replica.
 *
 * Fails soft: when Redis cannot answer, the id counts as new (the buyer's message goes on to
 * the Assistant, which apologises if storage is down). Exactly-once processing does not rest
 * on this: pass the update id to `Assistant.handle`, which records it atomically with the turn.
 */
export class RedisSeenIds implements SeenIds {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: RedisKeys,
    private readonly namespace: string,
    private readonly ttlSeconds = 24 * 3600,
  ) {}

  async firstTime(id: string): Promise<boolean> {
    try {
      const set = await this.redis.set(this.keys.seen(this.namespace, id), '1', 'EX', this.ttlSeconds, 'NX');
      return set === 'OK';
    } catch {
      return true;
    }
  }

  async forget(id: string): Promise<void> {
    await this.redis.del(this.keys.seen(this.namespace, id));
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

const INCR_WITH_TTL = new LuaScript(
  'incrWithTtl',
  `-- Count one event in a window; the TTL is set in the same step, so no counter lives forever.
-- KEYS[1] counter   ARGV[1] window ms (applied when the counter has no TTL yet)
local n = redis.call('INCR', KEYS[1])
if redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return n`,
);

/**
 * Window counters in Redis, under this app's key prefix. `incr` sets the window's TTL
 * atomically (an outage between INCR and PEXPIRE cannot leave a counter that never
 * expires). Fails soft: when Redis cannot answer, `incr` returns 0 (nobody is limited).
 */
export function redisWindowCounters(redis: RedisClient, keys: RedisKeys, namespace: string, windowMs = 10_000): WindowCounters {
  return {
    incr: (key) => INCR_WITH_TTL.run(redis, [keys.counter(namespace, key)], [windowMs]).then(Number, () => 0),
    pexpire: (key, ms) => redis.pexpire(keys.counter(namespace, key), ms).catch(() => 0),
  };
}
