/**
 * `SessionStore` on Redis (`REDIS_URL`).
 *
 * A turn is committed by optimistic concurrency: read the state and its revision, run the
 * (pure) turn in Node, then a Lua script writes the new state *and* the outbox batch only
 * if the revision is unchanged; otherwise read again and re-run the turn (bounded). This
 * works on one shared connection (WATCH would need a connection per transaction) and only
 * touches the user's own keys, so it is Redis-Cluster safe. Turns of one user inside one
 * process are queued locally first, so conflicts only arise between processes.
 *
 * Leases (outbox claims) run on the Redis server's clock (`TIME`): they protect against a
 * crashed process, which is a matter of real time, never of the injected dialogue clock.
 */
import type { Redis } from 'ioredis';
import { AppError } from '../domain/errors.ts';
import type { Loaded, OutboxBatch, SessionStore, TurnOutcome } from './port.ts';
import { decodeBatch, decodeState, encodeState, isEmptyBatch, makeBatch, type StoredBatch } from './codec.ts';
import { RedisKeys } from '../redis/keys.ts';
import { DEFAULT_INFLIGHT_LEASE_MS } from './memory-session-store.ts';
import { guarded, LUA_SERVER_NOW_MS, LuaScript } from '../redis/support.ts';

export interface RedisSessionStoreOptions {
  redis: Redis;
  /** Key prefix (see keys.ts). Default `shouhou`. */
  prefix?: string;
  /** A user's state without an active case expires after this many days. Default 180. */
  retentionDays?: number;
  /** How long the batch returned by `transact` is reserved for its caller. Default 60 s. */
  inflightLeaseMs?: number;
  /** Commit attempts under contention from other processes before giving up. Default 30. */
  maxAttempts?: number;
  /** `close()` quits the connection (otherwise its owner does). Default false. */
  ownsConnection?: boolean;
}

export const DEFAULT_RETENTION_DAYS = 180;

const COMMIT = new LuaScript(
  'commit',
  `-- Commit one turn: the new state and its outbox batch, atomically, if nobody else
-- committed since the state was read (optimistic concurrency on the revision).
-- KEYS[1] state hash (doc, rev)   KEYS[2] outbox hash   KEYS[3] outbox lease zset
-- ARGV[1] revision that was read ('0' = no state)
-- ARGV[2] new state JSON
-- ARGV[3] batch id ('' = nothing to store)   ARGV[4] batch JSON
-- ARGV[5] ms the batch stays reserved for the committing caller
-- ARGV[6] retention seconds: > 0 expire the state (no active case), 0 keep it
-- Returns the new revision, or -1 when the state changed since it was read.
${LUA_SERVER_NOW_MS}
local rev = tonumber(redis.call('HGET', KEYS[1], 'rev') or '0')
if rev ~= tonumber(ARGV[1]) then return -1 end
rev = rev + 1
redis.call('HSET', KEYS[1], 'doc', ARGV[2], 'rev', rev)
local ttl = tonumber(ARGV[6])
if ttl > 0 then redis.call('EXPIRE', KEYS[1], ttl) else redis.call('PERSIST', KEYS[1]) end
if ARGV[3] ~= '' then
  redis.call('HSET', KEYS[2], ARGV[3], ARGV[4])
  redis.call('ZADD', KEYS[3], serverNow + tonumber(ARGV[5]), ARGV[3])
end
return rev`,
);

const CLAIM_OUTBOX = new LuaScript(
  'claimOutbox',
  `-- Claim a user's undelivered batches whose lease ran out (or that were never leased).
-- KEYS[1] outbox hash   KEYS[2] outbox lease zset
-- ARGV[1] lease ms
-- Returns {batches left in the outbox, claimed batch JSON...}.
${LUA_SERVER_NOW_MS}
local ids = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', serverNow)
local out = {0}
for _, id in ipairs(ids) do
  local doc = redis.call('HGET', KEYS[1], id)
  if doc then
    redis.call('ZADD', KEYS[2], serverNow + tonumber(ARGV[1]), id)
    out[#out + 1] = doc
  else
    redis.call('ZREM', KEYS[2], id)
  end
end
out[1] = redis.call('HLEN', KEYS[1])
return out`,
);

const ACK_OUTBOX = new LuaScript(
  'ackOutbox',
  `-- Remove a delivered batch.
-- KEYS[1] outbox hash   KEYS[2] outbox lease zset
-- ARGV[1] batch id
redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('ZREM', KEYS[2], ARGV[1])
return 1`,
);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * @example
 * const store = new RedisSessionStore({ redis: new Redis(url) });
 * const batch = await store.transact('u1', (loaded) => turnOutcome);
 */
export class RedisSessionStore implements SessionStore {
  readonly kind = 'redis' as const;
  readonly keys: RedisKeys;
  readonly #redis: Redis;
  readonly #retentionSec: number;
  readonly #inflightLeaseMs: number;
  readonly #maxAttempts: number;
  readonly #ownsConnection: boolean;
  /** Per user, the tail of the local queue of transactions. */
  readonly #queues = new Map<string, Promise<unknown>>();

  constructor(opts: RedisSessionStoreOptions) {
    this.#redis = opts.redis;
    this.keys = new RedisKeys(opts.prefix);
    this.#retentionSec = Math.round((opts.retentionDays ?? DEFAULT_RETENTION_DAYS) * 86_400);
    this.#inflightLeaseMs = opts.inflightLeaseMs ?? DEFAULT_INFLIGHT_LEASE_MS;
    this.#maxAttempts = opts.maxAttempts ?? 30;
    this.#ownsConnection = opts.ownsConnection ?? false;
    if (!(this.#retentionSec > 0)) throw new AppError('config', `retentionDays must be positive, got ${opts.retentionDays}`);
  }

  async load(userId: string): Promise<Loaded> {
    const doc = await guarded('load', () => this.#redis.hget(this.keys.user(userId).state, 'doc'));
    return decodeState(doc);
  }

  transact(userId: string, turn: (current: Loaded) => TurnOutcome): Promise<OutboxBatch> {
    return this.#queued(userId, () => this.#transact(userId, turn));
  }

  async #transact(userId: string, turn: (current: Loaded) => TurnOutcome): Promise<OutboxBatch> {
    const k = this.keys.user(userId);
    for (let attempt = 1; ; attempt++) {
      const [doc, revText] = await guarded('transact read', () => this.#redis.hmget(k.state, 'doc', 'rev'));
      const rev = Number(revText ?? 0);
      // The turn runs outside `guarded`: an engine error passes through unchanged.
      const outcome = turn(decodeState(doc));
      const stateJson = encodeState(outcome.state);
      const batch: StoredBatch = makeBatch(userId, rev + 1, outcome);
      const batchJson = JSON.stringify(batch);
      const store = !isEmptyBatch(batch);
      const ttl = outcome.state.active === null ? this.#retentionSec : 0;
      const committed = await guarded('transact commit', async () => {
        const commit = COMMIT.run(this.#redis, [k.state, k.outbox, k.outboxLease], [
          rev, stateJson, store ? batch.id : '', batchJson, this.#inflightLeaseMs, ttl,
        ]);
        // Index the user for recovery. Sent right behind the commit on the same connection
        // (one write, so a crash cannot separate them) and after it, so that a concurrent
        // cleaner that just removed the user re-checks and sees the new batch (see #unindex).
        // A separate command because the index is a global key (Cluster: another slot).
        const index = store ? this.#redis.sadd(this.keys.global.outboxUsers, userId) : null;
        const [newRev] = await Promise.all([commit, index]);
        return Number(newRev);
      });
      if (committed !== -1) return decodeBatch(batchJson);
      if (attempt >= this.#maxAttempts) {
        throw new AppError('transport', `state of ${userId} kept changing under ${attempt} attempts to commit; try again`);
      }
      // Another process committed in between: back off a little (jittered) and re-run the turn.
      if (attempt > 2) await sleep(Math.random() * Math.min(5 * attempt, 50));
    }
  }

  async claimOutbox(userId: string | null, leaseMs: number): Promise<OutboxBatch[]> {
    if (userId !== null) return (await this.#claimUser(userId, leaseMs)).batches;
    const claimed: OutboxBatch[] = [];
    let cursor = '0';
    do {
      const [next, users] = await guarded('claimOutbox scan', () =>
        this.#redis.sscan(this.keys.global.outboxUsers, cursor, 'COUNT', 200),
      );
      cursor = next;
      const results = await Promise.all(users.map((u) => this.#claimUser(u, leaseMs)));
      for (const [i, r] of results.entries()) {
        claimed.push(...r.batches);
        if (r.left === 0) await this.#unindex(users[i]!);
      }
    } while (cursor !== '0');
    return claimed;
  }

  async #claimUser(userId: string, leaseMs: number): Promise<{ left: number; batches: OutboxBatch[] }> {
    const k = this.keys.user(userId);
    const reply = (await guarded('claimOutbox', () =>
      CLAIM_OUTBOX.run(this.#redis, [k.outbox, k.outboxLease], [Math.max(0, Math.round(leaseMs))]),
    )) as [number, ...string[]];
    const [left, ...docs] = reply;
    const batches = docs.map((d) => JSON.parse(d) as StoredBatch).sort((a, b) => a.seq - b.seq);
    return { left: Number(left), batches: batches.map((b) => decodeBatch(JSON.stringify(b))) };
  }

  /**
   * Lazily drop a user with an empty outbox from the recovery index. The removal and the
   * re-check are not atomic with commits (different slots), so re-check after removing:
   * a commit that raced us has its batch visible by then and we put the user back.
   */
  async #unindex(userId: string): Promise<void> {
    const k = this.keys.user(userId);
    await guarded('claimOutbox cleanup', async () => {
      await this.#redis.srem(this.keys.global.outboxUsers, userId);
      if ((await this.#redis.hlen(k.outbox)) > 0) await this.#redis.sadd(this.keys.global.outboxUsers, userId);
    });
  }

  async ackOutbox(userId: string, batchId: string): Promise<void> {
    const k = this.keys.user(userId);
    await guarded('ackOutbox', () => ACK_OUTBOX.run(this.#redis, [k.outbox, k.outboxLease], [batchId]));
  }

  async forget(userId: string): Promise<void> {
    const k = this.keys.user(userId);
    await guarded('forget', async () => {
      await this.#redis.del(k.state, k.outbox, k.outboxLease);
      await this.#redis.srem(this.keys.global.outboxUsers, userId);
    });
  }

  async close(): Promise<void> {
    if (this.#ownsConnection && this.#redis.status !== 'end') await this.#redis.quit().catch(() => this.#redis.disconnect());
  }

  /** Run `fn` after every earlier transaction of the same user in this process. */
  #queued<T>(userId: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.#queues.get(userId) ?? Promise.resolve();
    const run = previous.then(fn, fn);
    const tail = run.catch(() => undefined);
    this.#queues.set(userId, tail);
    void tail.then(() => {
      if (this.#queues.get(userId) === tail) this.#queues.delete(userId);
    });
    return run;
  }
}
