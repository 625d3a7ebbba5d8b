/**
 * A flooding buyer gets one polite notice per window, and their further updates in that
 * window are dropped. Counted in fixed windows (`<bot>:<user>:<window number>`), so a
 * counter whose expiry was never set (Redis failed between INCR and PEXPIRE) belongs to a
 * past window and can never silence anyone for good. When the counters fail (Redis down)
 * the update goes through: the turn then apologises, which is better than silence.
 */
import type { Context, MiddlewareFn } from 'grammy';
import type { Logger } from 'pino';
import { MemorySeenIds, type WindowCounters } from '../../src/store/seen-ids.ts';

export interface FloodLimit {
  /** Window length. */
  timeFrameMs: number;
  /** Updates a buyer may send per window; the next one gets the notice, later ones are dropped silently. */
  limit: number;
}

/** Window counters of this process only (no Redis): a Map pruned as windows pass. */
export function memoryWindowCounters(): WindowCounters {
  const counts = new Map<string, { n: number; until: number }>();
  return {
    async incr(key) {
      const now = Date.now();
      if (counts.size > 10_000) for (const [k, v] of counts) if (v.until <= now) counts.delete(k);
      const c = counts.get(key);
      if (!c || c.until <= now) {
        counts.set(key, { n: 1, until: Number.POSITIVE_INFINITY });
        return 1;
      }
      c.n += 1;
      return c.n;
    },
    async pexpire(key, ms) {
      const c = counts.get(key);
      if (!c) return 0;
      c.until = Date.now() + ms;
      return 1;
    },
  };
}

export function floodLimiter(opts: {
  limit: FloodLimit;
  counters: WindowCounters;
  /** Bot id: two bots on one Redis never share counters. */
  botId: string;
  logger: Logger;
  onLimitExceeded(ctx: Context): Promise<void>;
  now?: () => number;
}): MiddlewareFn<Context> {
  const now = opts.now ?? Date.now;
  let warnedAt = 0;
  // An update posted again (a webhook answered 500: not stored, or waiting behind the buyer's
  // earlier one) is the same message, counted once: counting every post would let Telegram's
  // retries push the buyer over the limit, and the update would then be dropped unprocessed.
  const counted = new MemorySeenIds(10_000);
  return async (ctx, next) => {
    const user = ctx.from?.id;
    if (user === undefined) return next();
    const updateId = ctx.update?.update_id;
    if (updateId !== undefined && !counted.add(String(updateId))) return next();
    const window = Math.floor(now() / opts.limit.timeFrameMs);
    const key = `${opts.botId}:${user}:${window}`;
    let hits: number;
    try {
      hits = await opts.counters.incr(key);
      // Twice the window: the key outlives its window a little, never forever.
      if (hits === 1) await opts.counters.pexpire(key, 2 * opts.limit.timeFrameMs);
    } catch (err) {
      if (now() - warnedAt > 10_000) {
        warnedAt = now();
        opts.logger.warn({ err }, 'flood counters unavailable; letting updates through');
      }
      return next();
    }
    if (hits <= opts.limit.limit) return next();
    if (hits === opts.limit.limit + 1) await opts.onLimitExceeded(ctx);
  };
}
