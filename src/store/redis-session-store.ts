/**
 * `SessionStore` on Redis (one server or a Cluster).
 *
 * ## One round trip per turn
 * The process keeps each buyer's last committed state and its revision (turns of one
 * buyer are queued locally, so they are ordered). A turn runs on that state and is
 * committed by one script call that writes the working document, appends the case's new
 * evidence and timeline entries, stores the outbox batch and records the update id — if
 * the revision is still the one the turn ran on. When it is not (another process
 * committed, or this process has never seen the buyer: then the commit is tried against
 * "no state yet"), the script refuses and returns the current state in the same reply; the
 * turn is run again on it. So a turn is one request when the state is cached or the buyer
 * is new, two after a restart, and never a separate read-then-write.
 *
 * ## Flat cost
 * Evidence and timeline live in per-user lists of compact entries (entries.ts), appended
 * inside the commit script; the working document stays small whatever the case length
 * (compact-doc.ts). They are read only when the state is not cached (a refused commit,
 * `load`), as bytes: an evidence entry may hold a file id as bytes. A case that closes leaves
 * its whole record in a per-user hash, written by the commit script of the closing turn (one
 * HSET; the records the state no longer keeps are dropped then) and read only by `closedCase`
 * (its case file): no turn reads or rewrites it, so it adds nothing to a turn's cost.
 *
 * ## Exactly once
 * The update id is checked and recorded inside the commit script: a retried update whose
 * turn was committed gets `duplicate` and writes nothing; one whose turn was not committed
 * (a crash, Redis down) runs. Delivery progress is recorded per message (`markSent`),
 * which also renews the batch's short lease; recovery resends only the rest. Records and
 * acks are written before the tick they were made in ends, those of all buyers together.
 *
 * Leases (outbox claims) run on the Redis server's clock (`TIME`): they protect against a
 * crashed process, which is a matter of real time, never of the injected dialogue clock.
 * Every script touches only the keys of one user, which share the hash tag `{u:<id>}`
 * (keys.ts), so it is Redis-Cluster safe.
 */
import { randomUUID } from 'node:crypto';
import { Cluster } from 'ioredis';
import { AppError } from '../domain/errors.ts';
import type { ClosedCase } from '../domain/index.ts';
import type { Committed, Loaded, OutboxBatch, SessionStore, TransactOptions, TurnOutcome } from './port.ts';
import {
  decodeBatch, decodeRecord, decodeState, duplicateBatch, encodeBatch, evidenceChange, isEmptyBatch, keptRecords, makeBatch, recordDoc,
  timelineChange, workingDoc,
} from './codec.ts';
import { caseBase } from './entries.ts';
import { RedisKeys } from '../redis/keys.ts';
import type { LeaseOwner } from '../redis/instance.ts';
import { DEFAULT_INFLIGHT_LEASE_MS } from './memory-session-store.ts';
import { guarded, LUA_SERVER_NOW_MS, LuaScript, RedisStats, runNow, type RedisClient } from '../redis/support.ts';

export interface RedisSessionStoreOptions {
  redis: RedisClient;
  /** Key prefix (see keys.ts). Default `shouhou`. */
  prefix?: string;
  /** A user's state without an active case expires after this many days. Default 180. */
  retentionDays?: number;
  /** How long the batch returned by `transact` is reserved for its caller. Default 10 s. */
  inflightLeaseMs?: number;
  /** Commit attempts under contention from other processes before giving up. Default 30. */
  maxAttempts?: number;
  /** How many buyers' last committed states this process keeps. Default 10,000. */
  cacheSize?: number;
  /** `close()` quits the connection (otherwise its owner does). Default false. */
  ownsConnection?: boolean;
  /** Round-trip counters (shared with the scheduler by `openStorage`). */
  stats?: RedisStats;
  /**
   * Who holds the leases this store takes: a stable instance id (one process at a time runs
   * as it) and its boot number. A lease held by the same instance with an earlier boot belongs
   * to a dead process and is taken over at once. Default: an id no other process has, boot 1
   * (leases are then taken over only when they run out).
   */
  owner?: LeaseOwner;
  /**
   * After `forget`, ask Redis to rewrite its append-only file (BGREWRITEAOF) so the
   * deleted data leaves the disk, at most once per this many ms (0 = never). Default 10 min.
   */
  aofRewriteIntervalMs?: number;
}

export const DEFAULT_RETENTION_DAYS = 180;
/** Bytes of recent update ids kept per user (about 20 ids). */
const SEEN_BYTES = 400;

const STATE_FIELDS = `-- KEYS[1] state hash (doc, rev, case, seen)   KEYS[2] evidence list   KEYS[3] timeline list`;

const LOAD = new LuaScript(
  'load',
  `-- Read a user's state: the working document and the active case's lists.
${STATE_FIELDS}
-- Returns {rev, doc|false, case|false, evidence[], timeline[]}.
local f = redis.call('HMGET', KEYS[1], 'rev', 'doc', 'case')
return {tonumber(f[1] or '0'), f[2], f[3], redis.call('LRANGE', KEYS[2], 0, -1), redis.call('LRANGE', KEYS[3], 0, -1)}`,
);

const COMMIT = new LuaScript(
  'commit',
  `-- Commit one turn, atomically, if nobody else committed since the state it ran on
-- (optimistic concurrency on the revision), and if its update id is not a repeat.
${STATE_FIELDS}
-- KEYS[4] outbox hash   KEYS[5] outbox lease zset   KEYS[6] closed cases' records hash
-- ARGV[1] the numbers and modes, space-separated (one argument, not ten: each costs the client
--   a conversion and a write):
--   revision the turn ran on ('0' = no state), retention seconds (> 0 expire the user's state: no
--   active case; 0 keep it), ms the batch stays reserved for the committing caller,
--   evidence mode ('k' keep, 'a' append, 'r' replace), its length after, n new entries,
--   timeline mode, its length after, n new entries, n cases closed by the turn
-- ARGV[2] update id ('' = none)   ARGV[3] working document JSON   ARGV[4] case id of the lists ('' = no active case)
-- ARGV[5] batch id ('' = nothing to store)   ARGV[6] batch JSON   ARGV[7] the batch's lease owner (<instance>#<boot>)
-- ARGV[8..] the new evidence entries, then the new timeline entries, then per closed case its id
--   and record, then (when a case closed) the ids of the records the state keeps, space-separated
-- Returns {rev} committed; {-2} the update id was committed before (nothing written);
-- {-1, rev, doc, case, evidence[], timeline[]} someone else committed first (nothing written).
local h = {}
for w in string.gmatch(ARGV[1], '%S+') do h[#h + 1] = w end
local id = ARGV[2]
-- One read for the checks; the document is read only for a refusal (it is not needed otherwise).
local f = redis.call('HMGET', KEYS[1], 'seen', 'rev', 'case')
local seen = f[1] or '|'
if id ~= '' and string.find(seen, '|' .. id .. '|', 1, true) then return {-2} end
local rev = tonumber(f[2] or '0')
if rev ~= tonumber(h[1]) then
  return {-1, rev, redis.call('HGET', KEYS[1], 'doc'), f[3], redis.call('LRANGE', KEYS[2], 0, -1), redis.call('LRANGE', KEYS[3], 0, -1)}
end
rev = rev + 1
if id ~= '' then
  seen = seen .. id .. '|'
  if #seen > ${SEEN_BYTES} then seen = string.sub(seen, string.find(seen, '|', #seen - ${SEEN_BYTES}, true)) end
end
redis.call('HSET', KEYS[1], 'doc', ARGV[3], 'rev', rev, 'case', ARGV[4], 'seen', seen)
-- The lists stored belong to the case the turn ran on: the case field names it and the
-- document, written with it, gives their lengths.
local sameCase = f[3] == ARGV[4] and ARGV[4] ~= ''
local at = 8
local function apply(key, mode, len, n)
  if mode == 'r' then redis.call('DEL', key) end
  local size = false
  if n > 0 then size = redis.call('RPUSH', key, unpack(ARGV, at, at + n - 1)) end
  at = at + n
  -- Emptied: deleted (a replaced list was, above; one kept empty of this same case does not exist).
  -- Appended to: trimmed to its length, unless RPUSH said it has no more (LTRIM would keep it all).
  if len == 0 then
    if mode == 'a' or (mode == 'k' and not sameCase) then redis.call('DEL', key) end
  elseif mode == 'a' and not (size and size <= len) then redis.call('LTRIM', key, -len, -1) end
end
local lens = {0, tonumber(h[5]), tonumber(h[8])}
apply(KEYS[2], h[4], lens[2], tonumber(h[6]))
apply(KEYS[3], h[7], lens[3], tonumber(h[9]))
-- A case closed: its record is written once, and those of cases the state no longer keeps dropped.
local closed = tonumber(h[10])
if closed > 0 then
  redis.call('HSET', KEYS[6], unpack(ARGV, at, at + 2 * closed - 1))
  local keep = {}
  for w in string.gmatch(ARGV[at + 2 * closed], '%S+') do keep[w] = true end
  for _, caseId in ipairs(redis.call('HKEYS', KEYS[6])) do
    if not keep[caseId] then redis.call('HDEL', KEYS[6], caseId) end
  end
end
-- Retention: a state without an active case expires, one with a case is kept. A list that is
-- now empty does not exist (nothing to expire). PERSIST is needed only when the commit before
-- let the keys expire, i.e. stored no case: one that stored a case persisted its keys, and a
-- list created since has no expiry.
-- The records go with the state (EXPIRE and PERSIST of a key that does not exist do nothing; a
-- buyer with no state before this commit has none).
local ttl = tonumber(h[2])
if ttl > 0 then
  for i = 1, 3 do
    if i == 1 or lens[i] > 0 then redis.call('EXPIRE', KEYS[i], ttl) end
  end
  redis.call('EXPIRE', KEYS[6], ttl)
elseif not f[3] or f[3] == '' then
  for i = 1, 3 do
    if i == 1 or lens[i] > 0 then redis.call('PERSIST', KEYS[i]) end
  end
  if tonumber(h[1]) > 0 then redis.call('PERSIST', KEYS[6]) end
end
if ARGV[5] ~= '' then
  ${LUA_SERVER_NOW_MS.replace(/\n/g, '\n  ')}
  redis.call('HSET', KEYS[4], ARGV[5], ARGV[6], ARGV[5] .. '#owner', ARGV[7])
  redis.call('ZADD', KEYS[5], serverNow + tonumber(h[3]), ARGV[5])
end
return {rev}`,
);

const CLAIM_OUTBOX = new LuaScript(
  'claimOutbox',
  `-- Claim a user's undelivered batches whose lease ran out (or that were never leased), and
-- at once those whose lease is held by an earlier boot of this very instance: that process
-- is dead (an instance runs one process at a time; see open-storage.ts).
-- KEYS[1] outbox hash (batch id -> JSON, id#sent, id#owner)   KEYS[2] outbox lease zset
-- ARGV[1] lease ms   ARGV[2] claimer's instance   ARGV[3] claimer's boot
-- Returns {batches left in the outbox, batch JSON, sent count, batch JSON, sent count...}.
${LUA_SERVER_NOW_MS}
local leases = redis.call('ZRANGE', KEYS[2], 0, -1, 'WITHSCORES')
local me = ARGV[2] .. '#' .. ARGV[3]
local out = {0}
for i = 1, #leases, 2 do
  local id = leases[i]
  local doc = redis.call('HGET', KEYS[1], id)
  if doc then
    local free = tonumber(leases[i + 1]) <= serverNow
    if not free then
      local instance, boot = string.match(redis.call('HGET', KEYS[1], id .. '#owner') or '', '^(.*)#(%d+)$')
      free = instance == ARGV[2] and tonumber(boot) < tonumber(ARGV[3])
    end
    if free then
      redis.call('ZADD', KEYS[2], serverNow + tonumber(ARGV[1]), id)
      redis.call('HSET', KEYS[1], id .. '#owner', me)
      out[#out + 1] = doc
      out[#out + 1] = tonumber(redis.call('HGET', KEYS[1], id .. '#sent') or '0')
    end
  else
    redis.call('ZREM', KEYS[2], id)
  end
end
out[1] = redis.call('ZCARD', KEYS[2])
return out`,
);

// The two scripts below take any number of batches, two keys each. On a Cluster they are
// called for one batch at a time (one user's keys, one slot); on one server, with all the
// records of a tick at once (see #endOfTick).
const MARK_SENT = new LuaScript(
  'markSent',
  `-- Record delivery progress of batches and renew their leases, each if it is still its caller's.
-- KEYS[2i-1] outbox hash   KEYS[2i] outbox lease zset   (batch i)
-- ARGV[4i-3] batch id   ARGV[4i-2] messages delivered so far   ARGV[4i-1] lease ms   ARGV[4i] caller (owner)
-- Returns per batch 1, or 0 when the batch is gone (delivered, forgotten) or another process took it over.
${LUA_SERVER_NOW_MS}
local out = {}
for i = 1, #KEYS / 2 do
  local outbox, lease, id = KEYS[2 * i - 1], KEYS[2 * i], ARGV[4 * i - 3]
  local owner = redis.call('HGET', outbox, id .. '#owner')
  -- A batch's owner is written with it (commit, claim) and removed with it (ack, forget), so
  -- an owner means the batch is there; one stored before owners were recorded is looked for.
  local mine
  if owner then mine = owner == ARGV[4 * i] else mine = redis.call('HEXISTS', outbox, id) == 1 end
  if not mine then
    out[i] = 0
  else
    redis.call('HSET', outbox, id .. '#sent', ARGV[4 * i - 2])
    redis.call('ZADD', lease, serverNow + tonumber(ARGV[4 * i - 1]), id)
    out[i] = 1
  end
end
return out`,
);

const ACK_OUTBOX = new LuaScript(
  'ackOutbox',
  `-- Remove delivered batches and their progress.
-- KEYS[2i-1] outbox hash   KEYS[2i] outbox lease zset   (batch i)
-- ARGV[i] batch id
for i = 1, #KEYS / 2 do
  local id = ARGV[i]
  redis.call('HDEL', KEYS[2 * i - 1], id, id .. '#sent', id .. '#owner')
  redis.call('ZREM', KEYS[2 * i], id)
end
return 1`,
);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A buyer's last committed state as this process knows it. */
interface Known {
  loaded: Loaded;
  rev: number;
}

/** What is written at the end of a tick (see `#endOfTick`). */
type TickWrite =
  | { kind: 'index'; userId: string }
  | { kind: 'progress'; userId: string; batchId: string; sent: number; leaseMs: number }
  | { kind: 'ack'; userId: string; batchId: string };

type Pending<K extends TickWrite['kind']> = Extract<TickWrite, { kind: K }> & {
  /** Settles `written` with the request that carries this write and this write's answer in its reply. */
  settle: (outcome: Promise<boolean>) => void;
  /** True, or false for a progress record whose batch is no longer the caller's. */
  written: Promise<boolean>;
};
type PendingWrite = Pending<TickWrite['kind']>;

type CommitReply = [number] | [-2] | [-1, number, Buffer | null, Buffer | null, Buffer[], Buffer[]];

/**
 * @example
 * const store = new RedisSessionStore({ redis: new Redis(url) });
 * const batch = await store.transact('u1', (loaded) => turnOutcome, { updateId: 'tg:1:42' });
 */
export class RedisSessionStore implements SessionStore {
  readonly kind = 'redis' as const;
  readonly keys: RedisKeys;
  readonly stats: RedisStats;
  readonly #redis: RedisClient;
  readonly #retentionSec: number;
  readonly #inflightLeaseMs: number;
  readonly #maxAttempts: number;
  readonly #cacheSize: number;
  readonly #ownsConnection: boolean;
  readonly #aofRewriteIntervalMs: number;
  readonly #owner: LeaseOwner;
  #lastAofRewrite = 0;
  /** Per user, the tail of the local queue of transactions. */
  readonly #queues = new Map<string, Promise<unknown>>();
  readonly #inflight = new Set<Promise<void>>();
  /** Last committed state per user, least recently used first. */
  readonly #known = new Map<string, Known>();
  /** Progress records and acks to write at the end of this tick, per batch (the last one counts). */
  readonly #progress = new Map<string, PendingWrite>();
  /** Users to index for recovery at the end of this tick. */
  readonly #indexing: PendingWrite[] = [];
  #flushing = false;

  constructor(opts: RedisSessionStoreOptions) {
    this.#redis = opts.redis;
    this.keys = new RedisKeys(opts.prefix);
    this.stats = opts.stats ?? new RedisStats();
    this.#retentionSec = Math.round((opts.retentionDays ?? DEFAULT_RETENTION_DAYS) * 86_400);
    this.#inflightLeaseMs = opts.inflightLeaseMs ?? DEFAULT_INFLIGHT_LEASE_MS;
    this.#maxAttempts = opts.maxAttempts ?? 30;
    this.#cacheSize = opts.cacheSize ?? 10_000;
    this.#ownsConnection = opts.ownsConnection ?? false;
    this.#aofRewriteIntervalMs = opts.aofRewriteIntervalMs ?? 10 * 60_000;
    this.#owner = opts.owner ?? { instance: `anonymous-${randomUUID()}`, boot: 1 };
    if (!(this.#retentionSec > 0)) throw new AppError('config', `retentionDays must be positive, got ${opts.retentionDays}`);
  }

  async load(userId: string): Promise<Loaded> {
    const k = this.keys.user(userId);
    const reply = (await guarded('load', () => LOAD.runBuffers(this.#redis, [k.state, k.evidence, k.timeline], []), this.stats)) as [
      number, Buffer | null, Buffer | null, Buffer[], Buffer[],
    ];
    return decode(reply[1], reply[2], reply[3], reply[4]);
  }

  transact(userId: string, turn: (current: Loaded) => TurnOutcome, opts: TransactOptions = {}): Promise<Committed> {
    return this.#queued(userId, () => this.#transact(userId, turn, opts.updateId ?? ''));
  }

  async #transact(userId: string, turn: (current: Loaded) => TurnOutcome, updateId: string): Promise<Committed> {
    const k = this.keys.user(userId);
    // Not cached: try the commit against "no state yet" (right for a new buyer); for a known
    // buyer the refusal brings the state, in the same request.
    let known: Known = this.#known.get(userId) ?? { loaded: { state: null, corrupt: false }, rev: 0 };
    for (let attempt = 1; ; attempt++) {
      // The turn runs outside `guarded`: an engine error passes through unchanged.
      const outcome = turn(known.loaded);
      const batch = makeBatch(userId, known.rev + 1, outcome);
      const store = !isEmptyBatch(batch);
      const args = this.#commitArgs(known, outcome, updateId, store ? batch : null);
      const reply = (await guarded('transact commit', () => {
        const commit = COMMIT.runBuffers(this.#redis, [k.state, k.evidence, k.timeline, k.outbox, k.outboxLease, k.closed], args);
        if (!store) return commit;
        // Index the user for recovery, sent behind the commit at the end of this tick, with
        // the other commits' users (one SADD; the same round trip). After it, so that a
        // concurrent cleaner that just removed the user re-checks and sees the new batch (see
        // #unindex). A separate command: the index is a global key (Cluster: another slot). A
        // refused commit leaves a stale entry, which recovery drops.
        const index = this.#endOfTick({ kind: 'index', userId });
        return Promise.all([commit, index]).then(firstOf);
      }, this.stats)) as CommitReply;
      if (reply[0] === -2) return duplicateBatch(userId, known.rev);
      if (reply[0] !== -1) {
        this.#remember(userId, { loaded: { state: outcome.state, corrupt: false }, rev: reply[0] });
        return batch;
      }
      const [, rev, doc, caseId, evidence, timeline] = reply as Extract<CommitReply, [-1, ...unknown[]]>;
      known = { loaded: decode(doc, caseId, evidence, timeline), rev };
      this.#known.delete(userId);
      if (attempt >= this.#maxAttempts) {
        throw new AppError('transport', `state of ${userId} kept changing under ${attempt} attempts to commit; try again`);
      }
      // Another process committed in between: back off a little (jittered) and re-run the turn.
      if (attempt > 2) await sleep(Math.random() * Math.min(5 * attempt, 50));
    }
  }

  #commitArgs(known: Known, outcome: TurnOutcome, updateId: string, batch: OutboxBatch | null): Array<string | number | Buffer> {
    const { state, closed = [] } = outcome;
    const before = known.loaded.state?.active ?? null;
    const after = state.active;
    // Entries count their instants from the case's opening, so the lists are kept only for that same case.
    const sameCase = before !== null && after !== null && before.id === after.id && before.openedAt === after.openedAt;
    const base = after ? caseBase(after.openedAt) : 0;
    const ev = after ? evidenceChange(sameCase ? before.evidence : null, after.evidence, base) : EMPTY;
    const tl = after ? timelineChange(sameCase ? before.timeline : null, after.timeline, base) : EMPTY;
    const numbers = `${known.rev} ${after === null ? this.#retentionSec : 0} ${this.#inflightLeaseMs} ${ev.mode} ${ev.length} ${ev.items.length} ${tl.mode} ${tl.length} ${tl.items.length} ${closed.length}`;
    const args: Array<string | number | Buffer> = [
      numbers, updateId, workingDoc(state), after?.id ?? '', batch?.id ?? '', batch ? encodeBatch(batch) : '', this.#ownerToken(),
    ];
    for (const item of ev.items) args.push(item);
    for (const item of tl.items) args.push(item);
    for (const c of closed) args.push(c.id, recordDoc(c));
    if (closed.length > 0) args.push(keptRecords(state).join(' '));
    return args;
  }

  /** The lease owner as stored with a batch: `<instance>#<boot>`. */
  #ownerToken(): string {
    return `${this.#owner.instance}#${this.#owner.boot}`;
  }

  #remember(userId: string, known: Known): void {
    this.#known.delete(userId);
    this.#known.set(userId, known);
    if (this.#known.size > this.#cacheSize) this.#known.delete(this.#known.keys().next().value!);
  }

  async claimOutbox(userId: string | null, leaseMs: number): Promise<OutboxBatch[]> {
    if (userId !== null) return (await this.#claimUser(userId, leaseMs)).batches;
    const claimed: OutboxBatch[] = [];
    let cursor = '0';
    do {
      const [next, users] = await guarded(
        'claimOutbox scan',
        () => this.#redis.sscan(this.keys.global.outboxUsers, cursor, 'COUNT', 200),
        this.stats,
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
    const reply = (await guarded(
      'claimOutbox',
      () => CLAIM_OUTBOX.run(this.#redis, [k.outbox, k.outboxLease], [Math.max(0, Math.round(leaseMs)), this.#owner.instance, this.#owner.boot]),
      this.stats,
    )) as [number, ...Array<string | number>];
    const batches: OutboxBatch[] = [];
    for (let i = 1; i < reply.length; i += 2) batches.push(decodeBatch(String(reply[i]), Number(reply[i + 1])));
    batches.sort((a, b) => a.seq - b.seq);
    return { left: Number(reply[0]), batches };
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
      if ((await this.#redis.zcard(k.outboxLease)) > 0) await this.#redis.sadd(this.keys.global.outboxUsers, userId);
    });
  }

  /**
   * Written at the end of this tick, with the other records of the tick (see `#endOfTick`);
   * resolves once Redis has stored it. Two records of one batch in one tick are one write,
   * the larger count and the later lease.
   */
  markSent(userId: string, batchId: string, sent: number, leaseMs: number): Promise<boolean> {
    const pending = this.#progress.get(`${userId}\u0000${batchId}`);
    if (pending?.kind === 'progress') {
      pending.sent = Math.max(pending.sent, sent);
      pending.leaseMs = leaseMs;
      return pending.written;
    }
    return this.#tracked(this.#endOfTick({ kind: 'progress', userId, batchId, sent, leaseMs }));
  }

  /** Written at the end of this tick. A progress record of the batch not written yet is dropped: the ack says more. */
  async ackOutbox(userId: string, batchId: string): Promise<void> {
    await this.#tracked(this.#endOfTick({ kind: 'ack', userId, batchId }));
  }

  /**
   * Delivery records (progress, acks) and recovery index entries are collected during a tick
   * and written at its end (`process.nextTick`, before the event loop moves on to I/O), each
   * kind in as few requests as the client allows: on one server one request per kind for all
   * users (SADD with every user, one script call for all progress records, one for all
   * acks); on a Cluster the index still takes one SADD (one key), records one script call
   * per batch (each user's keys are in their own slot). A record still resolves only once
   * Redis answered for it: a batch's next message waits for it as before; what is shared is
   * the request, with other buyers' records of the same tick.
   */
  #endOfTick(write: TickWrite): Promise<boolean> {
    let settle!: (outcome: Promise<boolean>) => void;
    const written = new Promise<boolean>((resolve) => (settle = resolve));
    // The caller's fresh object, completed (a spread of the three shapes was a slow copy).
    const entry = Object.assign(write, { settle, written }) as PendingWrite;
    if (write.kind !== 'index') {
      const key = `${write.userId}\u0000${write.batchId}`;
      const earlier = this.#progress.get(key);
      // An ack removes the batch: it takes the place of a record before it, and one after it
      // is moot (the batch is gone: no longer the caller's).
      if (earlier?.kind === 'ack') return earlier.written.then(() => false);
      earlier?.settle(written);
      this.#progress.set(key, entry);
    } else {
      this.#indexing.push(entry);
    }
    if (!this.#flushing) {
      this.#flushing = true;
      process.nextTick(() => this.#flush());
    }
    return written;
  }

  #flush(): void {
    this.#flushing = false;
    const index = this.#indexing.splice(0);
    const records = [...this.#progress.values()];
    this.#progress.clear();
    if (index.length > 0) {
      const users = [...new Set(index.map((e) => e.userId))];
      const added = guarded('index outbox users', () => this.#redis.sadd(this.keys.global.outboxUsers, ...users)).then(() => true);
      for (const e of index) e.settle(added);
    }
    const progress = records.filter((r): r is Pending<'progress'> => r.kind === 'progress');
    const acks = records.filter((r): r is Pending<'ack'> => r.kind === 'ack');
    const owner = this.#ownerToken();
    this.#run('markSent', MARK_SENT, progress, (r) => [r.batchId, r.sent, Math.max(1, Math.round(r.leaseMs)), owner]);
    this.#run('ackOutbox', ACK_OUTBOX, acks, (r) => [r.batchId]);
  }

  /** One script call for all the records (one server), or one per record (Cluster); a record's answer is its slot of the reply. */
  #run<R extends PendingWrite>(what: string, script: LuaScript, records: R[], args: (r: R) => Array<string | number>): void {
    if (records.length === 0) return;
    const call = (rs: R[]) => {
      const keys: string[] = [];
      const argv: Array<string | number> = [];
      for (const r of rs) {
        const k = this.keys.user(r.userId);
        keys.push(k.outbox, k.outboxLease);
        argv.push(...args(r));
      }
      const reply = guarded(what, () => runNow(script, this.#redis, keys, argv));
      this.stats.background += 1;
      rs.forEach((r, i) => r.settle(reply.then((v) => !Array.isArray(v) || Number(v[i]) === 1)));
    };
    if (this.#redis instanceof Cluster) for (const r of records) call([r]);
    else call(records);
  }

  /**
   * Progress records and acks are often not waited for by the turn (they are counted as
   * `background`); `drain()` waits for those still under way, so a clean shutdown writes them.
   */
  #tracked<T>(p: Promise<T>): Promise<T> {
    const settled = p.then(() => undefined, () => undefined);
    this.#inflight.add(settled);
    void settled.then(() => this.#inflight.delete(settled));
    return p;
  }

  /** Resolves once every progress record and ack issued so far has been answered. */
  async drain(): Promise<void> {
    while (this.#inflight.size > 0) await Promise.all([...this.#inflight]);
  }

  async closedCase(userId: string, caseId: string): Promise<ClosedCase | null> {
    const raw = await guarded('closedCase', () => this.#redis.hget(this.keys.user(userId).closed, caseId), this.stats);
    return decodeRecord(raw);
  }

  async forget(userId: string): Promise<void> {
    this.#known.delete(userId);
    await guarded('forget', async () => {
      await this.#redis.del(...this.keys.allOfUser(userId));
      await this.#redis.srem(this.keys.global.outboxUsers, userId);
    }, this.stats);
    this.#rewriteAof();
  }

  /**
   * DEL removes the data from memory, but an append-only file still holds the commands
   * that wrote it until Redis rewrites the file. Ask for a rewrite (on every master of a
   * Cluster), at most once per interval; Redis itself refuses a second one in progress.
   */
  #rewriteAof(): void {
    const now = Date.now();
    if (this.#aofRewriteIntervalMs <= 0 || now - this.#lastAofRewrite < this.#aofRewriteIntervalMs) return;
    this.#lastAofRewrite = now;
    const nodes = 'nodes' in this.#redis ? this.#redis.nodes('master') : [this.#redis];
    for (const node of nodes) {
      void (async () => {
        const info = await node.info('persistence');
        if (/aof_enabled:1/.test(info)) await node.bgrewriteaof();
      })().catch(() => undefined); // best effort: an outage or a rewrite already running
    }
  }

  /** Forget what this process knows about users' states (tests; after an external write). */
  dropCache(): void {
    this.#known.clear();
  }

  async close(): Promise<void> {
    await this.drain();
    if (this.#ownsConnection && this.#redis.status !== 'end') await this.#redis.quit().catch(() => this.#redis.disconnect());
  }

  /** Run `fn` after every earlier transaction of the same user in this process. */
  #queued<T>(userId: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.#queues.get(userId);
    const run = previous ? previous.then(fn, fn) : fn();
    const tail = run.catch(() => undefined);
    this.#queues.set(userId, tail);
    void tail.then(() => {
      if (this.#queues.get(userId) === tail) this.#queues.delete(userId);
    });
    return run;
  }
}

const EMPTY = { mode: 'r' as const, length: 0, items: [] };

const firstOf = <T>(values: readonly [T, ...unknown[]]): T => values[0];

function decode(doc: Buffer | null, caseId: Buffer | null, evidence: Buffer[], timeline: Buffer[]): Loaded {
  return decodeState(doc?.toString(), { caseId: caseId?.length ? caseId.toString() : null, evidence, timeline });
}
