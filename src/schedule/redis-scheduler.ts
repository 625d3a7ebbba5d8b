/**
 * `Scheduler` on Redis: a sorted set of reminders by due time, claimed by a Lua script.
 *
 * ## Why not BullMQ delayed jobs
 * The product's time is injected: a scripted chat replays events at scripted times (a
 * `tick` at "2026-11-23T11:00+08:00" must deliver what is due by then, now, not in a
 * day), and tests drive a `ManualClock`. BullMQ delays are relative to the wall clock of
 * the Redis server, so they cannot be fast-forwarded. Here due-ness is decided against the
 * `now` the caller passes to `claimDue`, which is the dialogue's clock.
 *
 * ## How it works
 * - `due` ZSET: member `["userId","reminderId"]` → due time (ms). `set` = ZADD, so a
 *   reminder set again under its deterministic id (`${caseId}-${reason}`) is moved, not doubled.
 * - `claimDue(now, leaseMs)` moves the earliest members with score ≤ now from `due` to the
 *   `leased` ZSET in one script (atomic: with any number of replicas polling, each
 *   reminder is claimed by one). The lease expiry is the *server's* real time (`TIME`) plus
 *   `leaseMs`: a lease protects against a crashed claimer, which is a matter of real time,
 *   while due-ness is a matter of dialogue time.
 * - `ack` removes the lease. A lease that runs out unacked is put back into `due` with its
 *   original due time (so it is delivered, late, rather than never) — unless the reminder
 *   was `set` again meanwhile, in which case the new entry is the one that counts. A claim
 *   names its holder (`<instance>#<boot>`, src/redis/instance.ts): a restarted process takes
 *   over what its dead predecessor had claimed at its first claim, without waiting for the lease.
 * - Each user's reminder ids are also indexed in a per-user hash, so `cancelAll(userId)`
 *   costs O(that user's reminders). The index lives in the user's slot and the queue in the
 *   `{reminders}` slot; they are updated by separate commands (see keys.ts), ordered so a
 *   crash leaves only a stale index entry.
 * - Exactly-once delivery = the atomic claim + the engine ignoring a tick for a reminder
 *   that is no longer in the user's state (covers a lease that ran out while a slow
 *   deliverer was still at work).
 */
import type { DueReminder, Scheduler } from './port.ts';
import { parseReminderMember, RedisKeys, reminderMember } from '../redis/keys.ts';
import { guarded, LUA_SERVER_NOW_MS, LuaScript, RedisStats, type RedisClient } from '../redis/support.ts';
import { DEFAULT_CLAIM_LIMIT } from './memory-scheduler.ts';
import type { LeaseOwner } from '../redis/instance.ts';
import { randomUUID } from 'node:crypto';

export interface RedisSchedulerOptions {
  redis: RedisClient;
  /** Round-trip counters (shared with the store by `openStorage`). */
  stats?: RedisStats;
  /** Key prefix (see keys.ts). Default `shouhou`. */
  prefix?: string;
  /** `close()` quits the connection (otherwise its owner does). Default false. */
  ownsConnection?: boolean;
  /**
   * Who this process is (see src/redis/instance.ts): a claim names its holder, and reminders
   * an earlier boot of the same instance held (a restart: that process died mid-reminder) are
   * taken over at this process's first claim, not after their lease. Default: a name no other
   * process has.
   */
  owner?: LeaseOwner;
}

const CLAIM_DUE = new LuaScript(
  'claimDue',
  `-- Claim reminders due by the caller's (dialogue) time; leases run on the server's clock.
-- KEYS[1] due zset   KEYS[2] leased zset   KEYS[3] leased-due hash (member -> "<due ms>@<holder>")
-- ARGV[1] now (ms, dialogue time)   ARGV[2] lease ms   ARGV[3] limit
-- ARGV[4] the claimer (<instance>#<boot>)   ARGV[5] its instance   ARGV[6] its boot
-- ARGV[7] '1' on a process's first claim: reminders an earlier boot of this instance holds
--         are free at once (that process is dead; an instance runs one process at a time)
-- Returns {member, dueMs, member, dueMs, ...}, earliest due first.
${LUA_SERVER_NOW_MS}
if ARGV[7] == '1' then
  local held = redis.call('HGETALL', KEYS[3])
  for i = 1, #held, 2 do
    local instance, boot = string.match(held[i + 1], '@(.*)#(%d+)$')
    if instance == ARGV[5] and tonumber(boot) < tonumber(ARGV[6]) then redis.call('ZADD', KEYS[2], 0, held[i]) end
  end
end
-- Leases that ran out: the claimer died. Re-queue with the original due time, unless the
-- reminder was set again meanwhile (then that entry counts).
local expired = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', serverNow, 'LIMIT', 0, 1000)
for _, m in ipairs(expired) do
  local held = redis.call('HGET', KEYS[3], m)
  redis.call('ZREM', KEYS[2], m)
  redis.call('HDEL', KEYS[3], m)
  local due = held and string.match(held, '^[^@]+')
  if due and not redis.call('ZSCORE', KEYS[1], m) then redis.call('ZADD', KEYS[1], due, m) end
end
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'WITHSCORES', 'LIMIT', 0, tonumber(ARGV[3]))
local leaseUntil = serverNow + tonumber(ARGV[2])
for i = 1, #due, 2 do
  redis.call('ZREM', KEYS[1], due[i])
  redis.call('ZADD', KEYS[2], leaseUntil, due[i])
  redis.call('HSET', KEYS[3], due[i], due[i + 1] .. '@' .. ARGV[4])
end
return due`,
);

const ACK = new LuaScript(
  'ackReminders',
  `-- Claimed reminders were handled: drop their leases.
-- KEYS[1] due zset   KEYS[2] leased zset   KEYS[3] leased-due hash
-- ARGV members (at least one)
-- Returns, per member, 1 if it is pending again (set anew while it was handled), else 0.
redis.call('ZREM', KEYS[2], unpack(ARGV))
redis.call('HDEL', KEYS[3], unpack(ARGV))
local out = {}
for i, m in ipairs(ARGV) do out[i] = redis.call('ZSCORE', KEYS[1], m) and 1 or 0 end
return out`,
);

const RETRY_LATER = new LuaScript(
  'retryReminderLater',
  `-- Handling a claimed reminder failed: keep it from everyone for a while (its lease moves).
-- KEYS[1] leased zset
-- ARGV[1] member   ARGV[2] delay ms
if not redis.call('ZSCORE', KEYS[1], ARGV[1]) then return 0 end
${LUA_SERVER_NOW_MS}
redis.call('ZADD', KEYS[1], serverNow + tonumber(ARGV[2]), ARGV[1])
return 1`,
);

const REMOVE = new LuaScript(
  'removeReminders',
  `-- Cancel reminders, pending or claimed.
-- KEYS[1] due zset   KEYS[2] leased zset   KEYS[3] leased-due hash
-- ARGV members to remove (at least one)
redis.call('ZREM', KEYS[1], unpack(ARGV))
redis.call('ZREM', KEYS[2], unpack(ARGV))
redis.call('HDEL', KEYS[3], unpack(ARGV))
return 1`,
);

/**
 * @example
 * const scheduler = new RedisScheduler({ redis });
 * await scheduler.set('u1', 'c1-seller_promise', dueAt);
 * for (const r of await scheduler.claimDue(clock.now(), 60_000)) { handle(r); await scheduler.ack(r.userId, r.reminderId); }
 */
export class RedisScheduler implements Scheduler {
  readonly kind = 'redis' as const;
  readonly keys: RedisKeys;
  readonly stats: RedisStats;
  readonly #redis: RedisClient;
  readonly #ownsConnection: boolean;
  readonly #owner: LeaseOwner;
  /** A claim has gone through: what an earlier boot of this instance held is taken over. */
  #tookOver = false;

  constructor(opts: RedisSchedulerOptions) {
    this.#owner = opts.owner ?? { instance: `anonymous-${randomUUID()}`, boot: 1 };
    this.#redis = opts.redis;
    this.stats = opts.stats ?? new RedisStats();
    this.keys = new RedisKeys(opts.prefix);
    this.#ownsConnection = opts.ownsConnection ?? false;
  }

  get #queue(): string[] {
    const g = this.keys.global;
    return [g.due, g.leased, g.leasedDue];
  }

  async set(userId: string, reminderId: string, dueAt: Date): Promise<void> {
    const ms = dueAt.getTime();
    if (!Number.isFinite(ms)) throw new RangeError(`invalid due time for reminder ${reminderId}`);
    await guarded('scheduler set', async () => {
      // Index first, then queue: a crash in between leaves a stale index entry, never an
      // unindexed reminder that cancelAll could miss. Both are sent in the same tick.
      await Promise.all([
        this.#redis.hset(this.keys.user(userId).reminders, reminderId, ms),
        this.#redis.zadd(this.keys.global.due, ms, reminderMember(userId, reminderId)),
      ]);
    }, this.stats);
  }

  async cancel(userId: string, reminderId: string): Promise<void> {
    await guarded('scheduler cancel', async () => {
      // Queue first, then index, sent in the same tick (one round trip): a crash in between
      // leaves a stale index entry at worst.
      await Promise.all([
        REMOVE.run(this.#redis, this.#queue, [reminderMember(userId, reminderId)]),
        this.#redis.hdel(this.keys.user(userId).reminders, reminderId),
      ]);
    }, this.stats);
  }

  async cancelAll(userId: string): Promise<void> {
    const index = this.keys.user(userId).reminders;
    await guarded('scheduler cancelAll', async () => {
      const ids = await this.#redis.hkeys(index);
      if (ids.length === 0) return;
      await REMOVE.run(this.#redis, this.#queue, ids.map((id) => reminderMember(userId, id)));
      // HDEL the ids we removed (not DEL): a reminder set meanwhile keeps its index entry.
      await this.#redis.hdel(index, ...ids);
    });
  }

  async claimDue(now: Date, leaseMs: number, limit = DEFAULT_CLAIM_LIMIT): Promise<DueReminder[]> {
    const { instance, boot } = this.#owner;
    const takeOver = this.#tookOver ? '0' : '1';
    const reply = (await guarded('scheduler claimDue', () =>
      CLAIM_DUE.run(this.#redis, this.#queue, [now.getTime(), Math.max(0, Math.round(leaseMs)), limit, `${instance}#${boot}`, instance, boot, takeOver]),
    this.stats)) as string[];
    this.#tookOver = true;
    const claimed: DueReminder[] = [];
    for (let i = 0; i < reply.length; i += 2) {
      claimed.push({ ...parseReminderMember(reply[i]!), dueAt: new Date(Number(reply[i + 1])) });
    }
    return claimed;
  }

  async ack(userId: string, reminderId: string): Promise<void> {
    await this.ackMany([{ userId, reminderId }]);
  }

  async ackMany(reminders: ReadonlyArray<Pick<DueReminder, 'userId' | 'reminderId'>>): Promise<void> {
    if (reminders.length === 0) return;
    await guarded('scheduler ack', async () => {
      const pendingAgain = (await ACK.run(this.#redis, this.#queue, reminders.map((r) => reminderMember(r.userId, r.reminderId)))) as number[];
      // Drop index entries of reminders not set anew; all sent at once (one round trip).
      await Promise.all(
        reminders.map((r, i) => (Number(pendingAgain[i]) === 0 ? this.#redis.hdel(this.keys.user(r.userId).reminders, r.reminderId) : null)),
      );
    }, this.stats);
  }

  async retryLater(userId: string, reminderId: string, delayMs: number): Promise<void> {
    await guarded('scheduler retryLater', () =>
      RETRY_LATER.run(this.#redis, [this.keys.global.leased], [reminderMember(userId, reminderId), Math.max(0, Math.round(delayMs))]),
    this.stats);
  }

  async nextDueAt(): Promise<Date | null> {
    const reply = await guarded('scheduler nextDueAt', () => this.#redis.zrange(this.keys.global.due, '0', '0', 'WITHSCORES'), this.stats);
    // RESP2 gives [member, score]; RESP3 may give [[member, score]]: flatten either way.
    const [, score] = (reply as unknown[]).flat() as [string?, (string | number)?];
    return score === undefined ? null : new Date(Number(score));
  }

  async close(): Promise<void> {
    if (this.#ownsConnection && this.#redis.status !== 'end') await this.#redis.quit().catch(() => this.#redis.disconnect());
  }
}
