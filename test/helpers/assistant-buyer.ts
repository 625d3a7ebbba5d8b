/**
 * A buyer talking to an Assistant on memory or Redis storage, with a manual clock: for tests that
 * go through the shell (storage, scheduler, delivery) rather than the engine alone.
 */
import pino from 'pino';
import { afterEach } from 'vitest';
import { Assistant } from '../../src/app/assistant.ts';
import { ManualClock } from '../../src/app/clock.ts';
import { openStorage, type Storage } from '../../src/app/open-storage.ts';
import type { Inbound, Outbound } from '../../src/domain/index.ts';
import { uniquePrefix } from './redis-server.ts';

const logger = pino({ level: 'silent' });

/** The backends to run on: memory, and Redis when the test setup started one (`redisUrl`). */
export function assistantBackends(redisUrl: string | null | undefined): Array<[string, string | undefined]> {
  return redisUrl ? [['memory', undefined], ['redis', redisUrl]] : [['memory', undefined]];
}

/**
 * A maker of buyers on the storage `url` names (memory when undefined), keys under `prefix`; the
 * storage each opens is closed after each test of the describe block it is called in. A buyer's
 * `say` hands a message over `minutes` after the last, and gives back what was delivered for it.
 */
export function assistantBuyers(url: string | undefined, prefix: string) {
  const opened: Storage[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
  });
  return async (start: string) => {
    const storage = await openStorage({ ...(url ? { redisUrl: url, keyPrefix: uniquePrefix(prefix) } : {}), logger });
    opened.push(storage);
    const clock = new ManualClock(start);
    const sent: Outbound[] = [];
    const assistant = new Assistant({
      store: storage.store, scheduler: storage.scheduler, clock, logger, timezone: 'Asia/Shanghai',
      deliver: async (_userId, messages) => void sent.push(...messages),
    });
    const say = async (inbound: Inbound | string, minutes = 30) => {
      clock.advance(minutes * 60_000);
      const from = sent.length;
      await assistant.handle('u1', typeof inbound === 'string' ? { type: 'text', text: inbound } : inbound);
      await assistant.idle();
      return sent.slice(from);
    };
    return { storage, clock, assistant, sent, say };
  };
}
