/**
 * Logs a privacy officer accepts: pino JSON, with message texts, order / phone / tracking
 * numbers, tokens and passwords removed at every level before a line is written, unless
 * LOG_UNREDACTED=1 (local debugging only). In a terminal, lines are pretty-printed when
 * pino-pretty is installed (a development package; the image writes JSON).
 *
 * Where logs go: a service (Telegram, WeChat) writes to stdout, as containers expect; the
 * terminal chat and the CLIs write to stderr, because their stdout is the conversation or
 * a JSON contract (CONTRACTS.md §1, §2).
 */
import { createRequire } from 'node:module';
import { pino, type DestinationStream, type Logger } from 'pino';

export interface LoggerOptions {
  level: string;
  /** LOG_UNREDACTED=1: write everything as it is. */
  unredacted?: boolean;
  /** Default `stderr`. */
  to?: 'stdout' | 'stderr';
  /** Pretty lines when the destination is a terminal. Default true. */
  pretty?: boolean;
  /** Write here instead (tests). */
  stream?: DestinationStream;
}

/** Keys whose values are the buyer's words or secrets: replaced whole. */
const SECRET_KEYS = new Set([
  'text', 'caption', 'body', 'payload', 'update', 'message', 'messages', 'inbound', 'quote', 'note', 'problemText',
  'token', 'password', 'secret', 'secret_token', 'authorization', 'cookie', 'redisUrl', 'apiRoot',
]);
/** Keys whose values are identifiers an operator needs: only tokens and URL credentials are removed. */
const PLAIN_KEYS = new Set(['userId', 'chatId', 'contactId', 'updateId', 'messageId', 'batch', 'batchId', 'reminderId', 'level', 'time', 'pid', 'hostname', 'url']);

const REDACTED = '[redacted]';
const SCRUBS: [RegExp, string][] = [
  // Telegram bot tokens.
  [/(?<!\d)\d{5,}:[A-Za-z0-9_-]{20,}/g, '[token]'],
  // Credentials in URLs (redis://user:pass@host).
  [/([a-z][a-z0-9+.-]*:\/\/)[^\s/@]*@/gi, '$1***@'],
  // Mainland mobile numbers, also written 138 1234 5678 / 138-1234-5678.
  [/(?<!\d)1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?!\d)/g, '[number]'],
  // Order and tracking numbers: a run of 6+ digits, with any letters or digit groups around it.
  [/(?:\d+[\s-])*[A-Za-z]{0,4}\d{6,}(?:[\s-]?\d+)*/g, '[number]'],
];

/** A string with numbers, tokens and URL credentials replaced. `secretsOnly`: tokens and credentials only. */
export function scrub(s: string, secretsOnly = false): string {
  let out = s;
  for (const [re, to] of secretsOnly ? SCRUBS.slice(0, 2) : SCRUBS) out = out.replace(re, to);
  return out;
}

function safeError(err: Error, depth: number): Record<string, unknown> {
  const e = err as Error & { code?: unknown; kind?: unknown; description?: unknown; error_code?: unknown; cause?: unknown };
  const out: Record<string, unknown> = { type: e.name, message: scrub(e.message) };
  if (typeof e.stack === 'string') out.stack = scrub(e.stack);
  for (const k of ['code', 'kind', 'error_code'] as const) if (e[k] !== undefined) out[k] = e[k];
  if (typeof e.description === 'string') out.description = scrub(e.description);
  if (e.cause instanceof Error && depth < 3) out.cause = safeError(e.cause, depth + 1);
  return out;
}

/** A copy of a log object fit to be written: secrets replaced, strings scrubbed, errors reduced. */
export function redactObject(value: unknown, depth = 0, key = ''): unknown {
  if (key && SECRET_KEYS.has(key) && value !== undefined && value !== null) return REDACTED;
  if (typeof value === 'string') return scrub(value, PLAIN_KEYS.has(key));
  if (value instanceof Error) return safeError(value, 0);
  if (typeof value !== 'object' || value === null) return value;
  if (depth > 6) return '[deep]';
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => redactObject(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = redactObject(v, depth + 1, k);
  return out;
}

function prettyStream(fd: 1 | 2): DestinationStream | null {
  try {
    const pretty = createRequire(import.meta.url)('pino-pretty') as (o: object) => DestinationStream;
    return pretty({ destination: fd, colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,app' });
  } catch {
    return null; // not installed (the image): JSON it is
  }
}

/**
 * @example const logger = createLogger({ level: 'info', to: 'stdout' }); logger.info({ userId }, 'turn');
 */
export function createLogger(opts: LoggerOptions | string): Logger {
  const o: LoggerOptions = typeof opts === 'string' ? { level: opts } : opts;
  const fd = o.to === 'stdout' ? 1 : 2;
  const tty = fd === 1 ? process.stdout.isTTY : process.stderr.isTTY;
  const stream = o.stream ?? ((o.pretty ?? true) && tty ? prettyStream(fd) : null) ?? pino.destination({ fd, sync: true });
  if (o.unredacted) return pino({ level: o.level, base: { app: 'shouhou' } }, stream);
  return pino(
    {
      level: o.level,
      base: { app: 'shouhou' },
      // Errors pass through `redactObject` in the formatter; no serializer may add their payloads back.
      serializers: { err: (e: unknown) => e },
      formatters: { log: (obj) => redactObject(obj) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => (typeof a === 'string' ? scrub(a) : a)) as Parameters<typeof method>);
        },
      },
    },
    stream,
  );
}
