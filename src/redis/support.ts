/**
 * Small pieces both Redis implementations share: the client type (one server or a
 * Cluster), Lua scripts run by SHA with a fallback, counting of round trips, and the
 * mapping of ioredis failures onto the app's error taxonomy.
 */
import { createHash } from 'node:crypto';
import { Cluster, Command, type Redis } from 'ioredis';
import { AppError } from '../domain/errors.ts';

/** One Redis server or a Redis Cluster: the stores use only commands both support. */
export type RedisClient = Redis | Cluster;

/**
 * Redis requests counted on the client. `awaited`: requests a caller waited for (a
 * pipeline or one script call counts once). `background`: requests sent without the
 * turn waiting (delivery progress, acks), counted apart so the numbers stay honest.
 */
export class RedisStats {
  awaited = 0;
  background = 0;
}

type BufferEval = (script: string, numKeys: number, ...args: Array<string | number | Buffer>) => Promise<unknown>;

/**
 * A Lua script sent by SHA (EVALSHA), falling back to EVAL when the server does not know
 * it yet (first use, or after a Redis restart emptied the script cache). On a Cluster the
 * call goes to the node owning KEYS[1]; every script here keeps all its keys in one slot.
 */
export class LuaScript {
  readonly sha: string;
  constructor(
    readonly name: string,
    readonly lua: string,
  ) {
    this.sha = createHash('sha1').update(lua).digest('hex');
  }

  run(redis: RedisClient, keys: string[], args: Array<string | number | Buffer>): Promise<unknown> {
    return this.#run(redis, keys, args, 'utf8');
  }

  /** `run`, with every string in the reply as bytes (for values that are not UTF-8 text). */
  runBuffers(redis: RedisClient, keys: string[], args: Array<string | number | Buffer>): Promise<unknown> {
    return this.#run(redis, keys, args, null);
  }

  async #run(redis: RedisClient, keys: string[], args: Array<string | number | Buffer>, encoding: 'utf8' | null): Promise<unknown> {
    try {
      return await sendScript(redis, 'evalsha', this.sha, keys, args, encoding);
    } catch (err) {
      if (!(err instanceof Error) || !err.message.startsWith('NOSCRIPT')) throw err;
      return await sendScript(redis, 'eval', this.lua, keys, args, encoding);
    }
  }
}

type ScriptCall = (script: string, numKeys: number, ...args: Array<string | number | Buffer>) => Promise<unknown>;

/**
 * EVALSHA or EVAL of `script` with `keys` and `args`. On one server the command goes out as the
 * RESP bytes of its flat argument list, built once here (`WireCommand`): ioredis' own methods
 * flatten their arguments again (`Array.prototype.flat`, about 0.15 µs an argument on Node 20),
 * and its writer builds the command as a string of concatenated pieces that the socket then
 * encodes again (two copies of every turn's document on the JS heap, about 10 KB per turn). A
 * Cluster client (which routes and auto-pipelines by its own methods) and a client with a key
 * prefix go through the usual methods.
 */
function sendScript(
  redis: RedisClient, name: 'evalsha' | 'eval', script: string, keys: readonly string[], args: ReadonlyArray<string | number | Buffer>,
  encoding: 'utf8' | null,
): Promise<unknown> {
  if (redis instanceof Cluster || redis.options.keyPrefix) {
    // ioredis 6 has the Buffer variants at run time but not in its typings; `callBuffer` would
    // lose the command name under auto-pipelining.
    const client = redis as unknown as Record<'evalsha' | 'eval' | 'evalshaBuffer' | 'evalBuffer', ScriptCall>;
    const method = encoding !== null ? name : name === 'eval' ? 'evalBuffer' : 'evalshaBuffer';
    return client[method](script, keys.length, ...keys, ...args);
  }
  const command = new WireCommand(name, encoding);
  const flat: Array<string | number | Buffer> = [script, keys.length];
  for (const k of keys) flat.push(k);
  for (const a of args) flat.push(a);
  // Kept as the command's arguments (ioredis' debug log, MONITOR-style tooling read them).
  command.args = flat;
  command.wire = respCommand(name, flat);
  return redis.sendCommand(command) as Promise<unknown>;
}

/**
 * A command whose bytes are built before it is sent. Everything else is ioredis' own: the
 * offline queue, the reply queue (replies matched in order), a resend after a reconnect
 * (which calls `toWritable` again and gets the same bytes), the command timeout. ioredis'
 * own `Script` command overrides `toWritable` the same way.
 */
class WireCommand extends Command {
  wire: Buffer = EMPTY_WIRE;
  constructor(name: string, encoding: 'utf8' | null) {
    super(name, [], { replyEncoding: encoding });
  }

  override toWritable(): Buffer {
    return this.wire;
  }
}

const EMPTY_WIRE = Buffer.alloc(0);
/** Byte lengths of the arguments of the command being built (reused: one command at a time). */
const argLengths: number[] = [];

/** A number argument as ioredis writes it: an integer past 2^53 in all its digits, not in exponent form. */
function numberArg(n: number): string {
  return Number.isInteger(n) && !Number.isSafeInteger(n) ? BigInt(n).toString() : String(n);
}

function digits(n: number): number {
  return n < 10 ? 1 : n < 100 ? 2 : n < 1000 ? 3 : n < 10_000 ? 4 : String(n).length;
}

/** Write `<marker><n>\r\n` (a RESP array or bulk string header) at `at`; returns the offset after it. */
function writeHeader(buf: Buffer, at: number, marker: number, n: number): number {
  const end = at + 1 + digits(n);
  buf[at] = marker;
  for (let i = end - 1, x = n; i > at; i--, x = Math.floor(x / 10)) buf[i] = 48 + (x % 10);
  buf[end] = 13;
  buf[end + 1] = 10;
  return end + 2;
}

/**
 * The RESP encoding of a command: an array of bulk strings, the name first, as ioredis writes
 * it (numbers in decimal, strings in UTF-8, Buffers as they are), in one Buffer: each string is
 * measured and encoded once, straight into it.
 */
export function respCommand(name: string, args: ReadonlyArray<string | number | Buffer>): Buffer {
  let total = 1 + digits(args.length + 1) + 2 + 1 + digits(name.length) + 2 + name.length + 2;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const n = typeof a === 'string' ? Buffer.byteLength(a) : typeof a === 'number' ? numberArg(a).length : a.length;
    argLengths[i] = n;
    total += 1 + digits(n) + 2 + n + 2;
  }
  const buf = Buffer.allocUnsafe(total);
  let at = writeHeader(buf, 0, 42 /* * */, args.length + 1);
  at = writeHeader(buf, at, 36 /* $ */, name.length);
  at += buf.write(name, at, 'latin1');
  buf[at++] = 13;
  buf[at++] = 10;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const n = argLengths[i]!;
    at = writeHeader(buf, at, 36, n);
    if (typeof a === 'string') at += buf.write(a, at, n, 'utf8');
    else if (typeof a === 'number') at += buf.write(numberArg(a), at, 'latin1');
    else at += a.copy(buf, at);
    buf[at++] = 13;
    buf[at++] = 10;
  }
  return buf;
}

/**
 * Run a script now, in one round trip whatever the server's script cache holds: written to
 * the socket in this tick (not deferred by auto-pipelining, which waits for `setImmediate`),
 * and sent whole (EVAL), so a server that restarted and forgot its scripts does not answer
 * NOSCRIPT and make the record wait for a second request. For records whose loss in a crash
 * has a cost, such as "this message was delivered": the sooner they are stored, the smaller
 * that window.
 */
export async function runNow(script: LuaScript, redis: RedisClient, keys: string[], args: Array<string | number>): Promise<unknown> {
  // One server: commands are not auto-pipelined (coalesceWrites instead), so a plain EVAL is
  // written in this tick already, without a pipeline object around it.
  if (!(redis instanceof Cluster)) return await sendScript(redis, 'eval', script.lua, keys, args, 'utf8');
  const results = await redis.pipeline().eval(script.lua, keys.length, ...keys, ...args).exec();
  const [err, value] = results?.[0] ?? [new Error('pipeline returned nothing'), null];
  if (err) throw err;
  return value;
}

/**
 * Make a client write all the commands issued in one tick in one socket write, at the end
 * of the tick (`process.nextTick`: before the event loop goes on to any I/O or timer).
 * Instead of ioredis' auto-pipelining (enable one or the other): that waits for
 * `setImmediate` and keeps one pipeline in flight, so a command could wait a round trip,
 * and it wraps every command in a pipeline, a promise and a callback of its own. Here a
 * command is written as usual, into a socket corked at the tick's first command and
 * uncorked at its end: one write (a system call that also wakes the Redis server) per tick
 * instead of one per command. Replies are matched in order as for any command.
 */
export function coalesceWrites(redis: Redis): void {
  const send = redis.sendCommand.bind(redis);
  let corked = false;
  redis.sendCommand = ((command, stream) => {
    const socket = redis.stream;
    if (!corked && socket) {
      corked = true;
      socket.cork();
      process.nextTick(() => {
        corked = false;
        socket.uncork();
      });
    }
    return send(command, stream);
  }) as Redis['sendCommand'];
}

// Reply errors that mean "Redis cannot serve right now", as opposed to a bug in our commands.
const TRANSIENT_REPLY = /^(LOADING|BUSY|READONLY|MASTERDOWN|CLUSTERDOWN|TRYAGAIN|OOM|NOREPLICAS|MISCONF|MOVED|ASK)\b/;

/**
 * Map an ioredis failure to an `AppError`: connection trouble (closed, refused, timed out,
 * retries exhausted) and transient server states are `transport` (the caller apologises
 * and tries later); any other error reply from Redis is our `bug`.
 */
export function toAppError(err: unknown, what: string): AppError {
  if (err instanceof AppError) return err;
  const message = err instanceof Error ? err.message : String(err);
  const isReply = err instanceof Error && err.name === 'ReplyError';
  if (isReply && !TRANSIENT_REPLY.test(message)) {
    return new AppError('bug', `Redis rejected ${what}: ${message}`, { cause: err });
  }
  return new AppError('transport', `Redis unavailable (${what}): ${message}`, { cause: err });
}

/** Run a Redis call the caller waits for, rejecting with an `AppError` (see `toAppError`). */
export async function guarded<T>(what: string, call: () => Promise<T>, stats?: RedisStats): Promise<T> {
  if (stats) stats.awaited += 1;
  try {
    return await call();
  } catch (err) {
    throw toAppError(err, what);
  }
}

/** The current real time in ms as the Redis server sees it, in a Lua script. */
export const LUA_SERVER_NOW_MS = `local __t = redis.call('TIME')
local serverNow = tonumber(__t[1]) * 1000 + math.floor(tonumber(__t[2]) / 1000)`;
