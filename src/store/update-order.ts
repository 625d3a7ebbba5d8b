/**
 * One buyer's updates in order, when the messenger may re-deliver them out of order.
 *
 * A Telegram webhook answers 500 for an update whose turn could not be stored (Redis down),
 * and Telegram posts it again later. A Bot API that posts several updates at once
 * (`max_connections`) could meanwhile post the same buyer's *next* update, which would then
 * be answered first. So an update answered 500 *waits*, and while an earlier update of the
 * same buyer waits, a later one is refused too (500, it waits as well): Telegram posts them
 * all again, and each goes ahead only once no earlier one of its buyer waits.
 *
 * Where waiting is known: in Redis (`<p>:{u:<id>}:waiting`, every replica sees it) and, for
 * what this process refused while Redis could not be written, in memory, handed to Redis at
 * its next call for that buyer. An entry whose update was committed meanwhile (its id is in
 * the buyer's recent update ids, recorded by the commit) holds nobody back; one that Telegram
 * never posts again (it gave up) holds its buyer back for at most `maxWaitMs`.
 *
 * @example
 * if (await order.mustWait('tg:42', 'tg:7:1001')) answer500(); // an earlier one is pending
 * else if ((await turn()).failed) { await order.waiting('tg:42', 'tg:7:1001'); answer500(); }
 */
import { guarded, LUA_SERVER_NOW_MS, LuaScript, type RedisClient } from '../redis/support.ts';
import type { RedisKeys } from '../redis/keys.ts';

export interface UpdateOrder {
  /**
   * Before the turn of `updateId` (`<source>:<number>`, numbers rising per source): true when
   * an earlier update of this buyer from the same source is waiting — this one then waits too
   * and must be refused. False: go ahead (it no longer waits).
   */
  mustWait(userId: string, updateId: string): Promise<boolean>;
  /** The turn of `updateId` was not stored: it waits for re-delivery and holds back later ones. */
  waiting(userId: string, updateId: string): Promise<void>;
}

/** An update not re-delivered within this long no longer holds its buyer's later ones back. */
export const DEFAULT_MAX_WAIT_MS = 10 * 60_000;

function splitId(updateId: string): { source: string; n: number } {
  const at = updateId.lastIndexOf(':');
  return { source: updateId.slice(0, at + 1), n: Number(updateId.slice(at + 1)) };
}

/** What one process knows waits (all it has without shared storage). */
export class MemoryUpdateOrder implements UpdateOrder {
  /** Per buyer: update id → when it started waiting (ms). */
  readonly #waiting = new Map<string, Map<string, number>>();

  constructor(
    readonly maxWaitMs = DEFAULT_MAX_WAIT_MS,
    private readonly now: () => number = Date.now,
  ) {}

  async mustWait(userId: string, updateId: string): Promise<boolean> {
    if (this.earlierWaiting(userId, updateId).length === 0) {
      this.done(userId, [updateId]);
      return false;
    }
    await this.waiting(userId, updateId);
    return true;
  }

  async waiting(userId: string, updateId: string): Promise<void> {
    let mine = this.#waiting.get(userId);
    if (!mine) this.#waiting.set(userId, (mine = new Map()));
    if (!mine.has(updateId)) mine.set(updateId, this.now());
  }

  /** The waiting updates of this buyer earlier than `updateId` (same source), dropping those waiting too long. */
  earlierWaiting(userId: string, updateId: string): string[] {
    const mine = this.#waiting.get(userId);
    if (!mine) return [];
    const { source, n } = splitId(updateId);
    const out: string[] = [];
    for (const [id, since] of mine) {
      if (this.now() - since > this.maxWaitMs) mine.delete(id);
      else if (id.startsWith(source) && splitId(id).n < n) out.push(id);
    }
    if (mine.size === 0) this.#waiting.delete(userId);
    return out;
  }

  /** These no longer wait. */
  done(userId: string, ids: string[]): void {
    const mine = this.#waiting.get(userId);
    if (!mine) return;
    for (const id of ids) mine.delete(id);
    if (mine.size === 0) this.#waiting.delete(userId);
  }
}

const MUST_WAIT = new LuaScript(
  'updateMustWait',
  `-- May this update of a buyer go ahead, or does an earlier one of theirs wait for re-delivery?
-- KEYS[1] the buyer's waiting zset (update id -> server ms when it began to wait)
-- KEYS[2] the buyer's state hash (field seen: '|id|id|…|', the update ids recent commits recorded)
-- ARGV[1] update id ('<source>:<n>')   ARGV[2] its source ('<source>:')   ARGV[3] its n
-- ARGV[4] longest wait ms   ARGV[5…] updates this process saw wait while Redis was away
-- Returns {1 if it must wait (then it waits too) else 0, ids of ARGV[5…] already committed…}
${LUA_SERVER_NOW_MS}
local seen = redis.call('HGET', KEYS[2], 'seen') or '|'
local committed = {}
for i = 5, #ARGV do
  if string.find(seen, '|' .. ARGV[i] .. '|', 1, true) then committed[#committed + 1] = ARGV[i]
  else redis.call('ZADD', KEYS[1], 'NX', serverNow, ARGV[i]) end
end
if redis.call('EXISTS', KEYS[1]) == 0 then return {0, unpack(committed)} end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', serverNow - tonumber(ARGV[4]))
local n = tonumber(ARGV[3])
for _, m in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
  if string.sub(m, 1, #ARGV[2]) == ARGV[2] and tonumber(string.sub(m, #ARGV[2] + 1)) < n then
    if string.find(seen, '|' .. m .. '|', 1, true) then
      redis.call('ZREM', KEYS[1], m)
    else
      redis.call('ZADD', KEYS[1], 'NX', serverNow, ARGV[1])
      redis.call('PEXPIRE', KEYS[1], ARGV[4])
      return {1, unpack(committed)}
    end
  end
end
redis.call('ZREM', KEYS[1], ARGV[1])
return {0, unpack(committed)}`,
);

const WAITING = new LuaScript(
  'updateWaiting',
  `-- An update of a buyer was not stored: it waits for re-delivery.
-- KEYS[1] the buyer's waiting zset   ARGV[1] update id   ARGV[2] longest wait ms
${LUA_SERVER_NOW_MS}
redis.call('ZADD', KEYS[1], 'NX', serverNow, ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1`,
);

/**
 * Waiting updates in Redis, shared by every replica, with this process's memory for what it
 * could not write. Fails soft: Redis down, the memory decides (an update goes ahead unless
 * this process saw an earlier one of the buyer wait).
 */
export class RedisUpdateOrder implements UpdateOrder {
  readonly #local: MemoryUpdateOrder;

  constructor(
    private readonly redis: RedisClient,
    private readonly keys: RedisKeys,
    maxWaitMs = DEFAULT_MAX_WAIT_MS,
  ) {
    this.#local = new MemoryUpdateOrder(maxWaitMs);
  }

  async mustWait(userId: string, updateId: string): Promise<boolean> {
    const known = this.#local.earlierWaiting(userId, updateId);
    const k = this.keys.user(userId);
    const { source, n } = splitId(updateId);
    let reply: Array<number | string>;
    try {
      reply = (await guarded('update order', () =>
        MUST_WAIT.run(this.redis, [k.waiting, k.state], [updateId, source, n, this.#local.maxWaitMs, ...known]),
      )) as Array<number | string>;
    } catch {
      return this.#local.mustWait(userId, updateId);
    }
    // Handed to Redis: it decides from now on (those committed meanwhile are dropped there).
    this.#local.done(userId, known);
    if (Number(reply[0]) === 1) return true;
    this.#local.done(userId, [updateId]);
    return false;
  }

  async waiting(userId: string, updateId: string): Promise<void> {
    try {
      await guarded('update order', () => WAITING.run(this.redis, [this.keys.user(userId).waiting], [updateId, this.#local.maxWaitMs]));
    } catch {
      await this.#local.waiting(userId, updateId);
    }
  }
}
