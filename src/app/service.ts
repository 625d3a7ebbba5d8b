/**
 * The composition root: one Assistant, one reminder loop, one delivery router, whatever
 * messengers run (Telegram, WeChat, both, or the terminal). Adapters only translate;
 * everything they share — turn accounting, the group-chat policy, metrics, health and a
 * bounded shutdown — lives here.
 *
 * @example
 * const storage = await openStorage({ redisUrl, logger });
 * const svc = await startService({ storage, messengers: [telegram], logger, timezone: 'Asia/Shanghai', health: { port: 9090, host: '0.0.0.0' } });
 * process.once('SIGTERM', async () => { await svc.stop(); await storage.close(); });
 */
import type { Logger } from 'pino';
import { Assistant, type Deliver, type FireDueOptions } from './assistant.ts';
import { AppError } from '../domain/errors.ts';
import { systemClock, type Clock } from './clock.ts';
import { DeliveryRouter } from './delivery-router.ts';
import { groupReply } from './group-chat.ts';
import { startHealthServer, type HealthReport, type HealthServer } from './health-server.ts';
import type { AppPort, Handle, Messenger } from './messenger.ts';
import { instrumentScheduler, instrumentStore, Metrics } from './metrics.ts';
import { startReminderLoop, type ReminderLoop } from './reminder-loop.ts';
import type { SessionStore } from '../store/port.ts';
import type { Scheduler } from '../schedule/port.ts';
import type { SeenIds } from '../store/seen-ids.ts';

export interface ServiceOptions {
  storage: {
    store: SessionStore;
    scheduler: Scheduler;
    durable?: boolean;
    /** Buyers apologised to during an outage, shared across replicas (Redis; see `Storage.apologies`). */
    apologies?: SeenIds | null;
  };
  messengers: Messenger[];
  logger: Logger;
  /** BOT_TIMEZONE. */
  timezone: string;
  /** The dialogue clock (a ManualClock in tests). Default: the system clock. */
  clock?: Clock;
  /** REMINDER_POLL_MS. Default 5 s. */
  reminderPollMs?: number;
  /** /healthz and /metrics; null or absent = not served (terminal chat, CLIs). */
  health?: { port: number; host: string } | null;
  metrics?: Metrics;
  /** Wall-clock milliseconds for liveness (health only; never the dialogue). Default `Date.now`. */
  wallMs?: () => number;
  /** A storage probe for /healthz slower than this counts as down. Default 2 s. */
  probeTimeoutMs?: number;
  /** How long a claimed reply batch or reminder is leased to this process (renewed while it works). Default 10 s. */
  leaseMs?: number;
}

export interface RunningService {
  assistant: Assistant;
  metrics: Metrics;
  /** The health server's port (useful with port 0), or null when not served. */
  healthPort: number | null;
  /** What /healthz reports. */
  health(): Promise<HealthReport>;
  /** Buyer events and reminder turns being handled right now. */
  inFlight(): number;
  /**
   * Graceful stop: messengers stop taking updates and finish the turns they took (replies
   * delivered), the reminder loop finishes its tick, then the health server closes. Bounded
   * by `timeoutMs` (default 10 s): `clean` is false when time ran out with work unfinished
   * (committed replies then stay in the outbox and are delivered by the next start).
   * Storage stays open: the caller closes it.
   */
  stop(timeoutMs?: number): Promise<{ clean: boolean }>;
}

/** The user id a probe reads (never a real user: ids are `tg:…`, `wx:…`, `console`). */
const PROBE_USER = 'health:probe';

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

export async function startService(opts: ServiceOptions): Promise<RunningService> {
  const { logger } = opts;
  const metrics = opts.metrics ?? new Metrics();
  const wallMs = opts.wallMs ?? Date.now;
  const pollMs = opts.reminderPollMs ?? 5_000;
  const store = instrumentStore(opts.storage.store, metrics);
  const scheduler = instrumentScheduler(opts.storage.scheduler, metrics);

  const router = new DeliveryRouter();
  for (const m of opts.messengers) router.register(m.userPrefix, m.deliver);
  const deliver: Deliver = async (userId, messages, meta) => {
    // `messages` is the buyer's case: the logger redacts it unless LOG_UNREDACTED=1.
    logger.debug({ userId, messages }, 'delivering');
    try {
      await router.deliver(userId, messages, meta);
    } catch (err) {
      metrics.error(err);
      throw err;
    }
  };

  const assistant = new Assistant({
    store,
    scheduler,
    clock: opts.clock ?? systemClock,
    logger,
    timezone: opts.timezone,
    deliver,
    // The apology says earlier records are kept only when Redis really keeps them (AOF on).
    durable: opts.storage.durable ?? false,
    // Once per buyer per outage across replicas, where Redis can still be written.
    ...(opts.storage.apologies ? { apologies: opts.storage.apologies } : {}),
    ...(opts.leaseMs !== undefined ? { leaseMs: opts.leaseMs } : {}),
  });

  // Every turn in flight, from messengers and from the reminder loop, so stop() can wait for them.
  const inFlight = new Set<Promise<void>>();
  const track = <T>(p: Promise<T>): Promise<T> => {
    const settled = p.then(
      () => undefined,
      () => undefined,
    );
    inFlight.add(settled);
    metrics.inFlight.set(inFlight.size);
    void settled.then(() => {
      inFlight.delete(settled);
      metrics.inFlight.set(inFlight.size);
    });
    return p;
  };

  const handlerFor = (messenger: string): Handle => (userId, inbound, o) => {
    metrics.turns.inc({ messenger, type: inbound.type });
    logger.debug({ userId, inbound }, 'turn');
    const end = metrics.turnSeconds.startTimer();
    if (o?.updateId === undefined) return track(assistant.handle(userId, inbound)).finally(end);
    return track(
      assistant.handleUpdate(userId, inbound, { updateId: o.updateId }).then((r) => {
        // Storage down: the buyer was told it will be processed once storage is back, so have it
        // re-delivered. Our own bug is not retried (it would fail again); the buyer was told so.
        if (r.status === 'failed' && r.kind === 'transport') throw new AppError('transport', 'turn not committed; the messenger will re-deliver the update');
      }),
    ).finally(end);
  };

  // The reminder loop, watched: a tick started recently (or one still running) means alive.
  let lastTickAt = wallMs();
  const watched = {
    // The loop's batch and concurrency pass through (without them, reminders ran one at a time).
    fireDue: (o?: FireDueOptions) => {
      lastTickAt = wallMs();
      const p = assistant.fireDue(o);
      return track(p);
    },
    recover: () => track(assistant.recover()),
  };
  const loopAlive = () => wallMs() - lastTickAt < Math.max(3 * pollMs, 30_000);

  const started: Messenger[] = [];
  try {
    for (const m of opts.messengers) {
      const port: AppPort = { handle: handlerFor(m.name), groupReply, gaveUp: (userId, o) => assistant.gaveUp(userId, o.updateId) };
      await m.start(port);
      started.push(m);
      logger.info({ messenger: m.name }, 'messenger started');
    }
  } catch (err) {
    for (const m of started.reverse()) await m.stop().catch(() => undefined);
    throw err;
  }

  // Replies a previous run of this instance left half sent are claimed at once, as soon as the
  // messengers can deliver them; a turn committed while the claim is under way delivers after
  // what it claims (a buyer's older replies first).
  void track(assistant.recover()).catch((err: unknown) =>
    logger.warn({ reason: err instanceof Error ? err.message : String(err) }, 'could not recover unsent replies at start; the reminder loop retries'),
  );
  const loop: ReminderLoop = startReminderLoop(watched, { intervalMs: pollMs, logger });

  const health = async (): Promise<HealthReport> => {
    const checks: Record<string, boolean> = {};
    try {
      const t0 = performance.now();
      await withTimeout(opts.storage.store.load(PROBE_USER), opts.probeTimeoutMs ?? 2_000);
      metrics.redisPingSeconds.set((performance.now() - t0) / 1000);
      checks.storage = true;
    } catch {
      checks.storage = false;
    }
    for (const m of opts.messengers) checks[m.name] = m.connected();
    checks.reminder_loop = loopAlive();
    for (const [component, up] of Object.entries(checks)) metrics.up.set({ component }, up ? 1 : 0);
    const down = Object.entries(checks).filter(([, up]) => !up).map(([name]) => name);
    return { ok: down.length === 0, checks, down };
  };

  let server: HealthServer | null = null;
  if (opts.health) {
    try {
      server = await startHealthServer({ port: opts.health.port, host: opts.health.host, metrics, health });
      logger.info({ port: server.port, host: opts.health.host }, 'health and metrics served');
    } catch (err) {
      await loop.stop();
      for (const m of started.reverse()) await m.stop().catch(() => undefined);
      throw err;
    }
  }

  let stopping: Promise<{ clean: boolean }> | null = null;
  return {
    assistant,
    metrics,
    healthPort: server?.port ?? null,
    health,
    inFlight: () => inFlight.size,
    stop(timeoutMs = 10_000) {
      return (stopping ??= (async () => {
        const abort = new AbortController();
        let timedOut = false;
        const deadline = new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            timedOut = true;
            abort.abort();
            resolve();
          }, timeoutMs);
          timer.unref?.();
          abort.signal.addEventListener('abort', () => clearTimeout(timer));
        });
        const drain = (async () => {
          // 1. No new updates; the turns messengers already took run to the end.
          await Promise.all(
            opts.messengers.map((m) =>
              m.stop(abort.signal).catch((err: unknown) => logger.warn({ err, messenger: m.name }, 'messenger stop failed')),
            ),
          );
          // 2. No new reminder ticks; the running one finishes.
          await loop.stop();
          // 3. Whatever is still in flight (a turn started just before its messenger stopped).
          while (inFlight.size > 0) await Promise.all([...inFlight]);
          // 4. Delivery progress and reminder acks the turns did not wait for.
          await assistant.idle();
        })();
        await Promise.race([drain, deadline]);
        if (!timedOut) abort.abort();
        await server?.close();
        if (timedOut) logger.warn({ inFlight: inFlight.size, timeoutMs }, 'shutdown timed out; unfinished replies stay in the outbox for the next start');
        else logger.info('stopped cleanly');
        return { clean: !timedOut };
      })());
    },
  };
}
