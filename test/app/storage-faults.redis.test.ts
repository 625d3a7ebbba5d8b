/**
 * Faults around Redis: a wrong REDIS_URL stops the start with a fix-it `config` error
 * within seconds; Redis going away while running makes calls reject with `transport`
 * (never hang), nothing half-written, and work resumes when it returns.
 */
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors.ts';
import { openStorage, type Storage } from '../../src/app/open-storage.ts';
import { freePort, redisServerAvailable, startRedisServer, type RedisServer } from '../helpers/redis-server.ts';
import { increment } from '../store/session-store.contract.ts';

const logger = pino({ level: 'silent' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function failure(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('openStorage', () => {
  it('keeps state in memory without a REDIS_URL', async () => {
    const storage = await openStorage({ logger });
    expect([storage.store.kind, storage.scheduler.kind, storage.describe]).toEqual(['memory', 'memory', 'memory']);
    await storage.close();
  });

  it.each(['localhost:6379', 'http://localhost:6379', 'redis://', 'redis://localhost:6379/zero', 'not a url'])(
    'rejects the malformed REDIS_URL %j with a fix-it message',
    async (url) => {
      const err = await failure(openStorage({ redisUrl: url, logger }));
      expect(err.kind).toBe('config');
      expect(err.message).toBe(
        `REDIS_URL "${url}" is not a valid redis:// URL. Set it like redis://localhost:6379/0, or unset it to keep state in memory.`,
      );
    },
  );

  it('stops within seconds when nothing listens at REDIS_URL', async () => {
    const port = await freePort();
    const started = Date.now();
    const err = await failure(openStorage({ redisUrl: `redis://127.0.0.1:${port}/0`, logger }));
    expect(Date.now() - started).toBeLessThan(5_500);
    expect(err.kind).toBe('config');
    expect(err.message).toBe(
      `Cannot reach Redis at REDIS_URL=redis://127.0.0.1:${port}/0 (connection refused). Start Redis or fix REDIS_URL.`,
    );
  });

  it('does not print the password of REDIS_URL', async () => {
    const port = await freePort();
    const err = await failure(openStorage({ redisUrl: `redis://app:s3cret@127.0.0.1:${port}`, logger }));
    expect(err.message).not.toContain('s3cret');
    expect(err.message).toContain('REDIS_URL=redis://app:***@127.0.0.1:');
  });
});

describe.skipIf(!redisServerAvailable())('Redis going away while running', () => {
  let server: RedisServer;
  let storage: Storage;
  beforeAll(async () => {
    server = await startRedisServer({ appendonly: true });
    storage = await openStorage({ redisUrl: server.url, logger, inflightLeaseMs: 0 });
  });
  afterAll(async () => {
    await storage?.close();
    await server?.destroy();
  });

  it('rejects calls with kind transport within seconds, then works again when Redis is back', async () => {
    const { store, scheduler } = storage;
    await store.transact('buyer', increment('buyer'));
    await scheduler.set('buyer', 'c1-seller_promise', new Date('2026-11-23T02:00:00Z'));

    await server.stop();
    const calls: Array<[string, () => Promise<unknown>]> = [
      ['load', () => store.load('buyer')],
      ['transact', () => store.transact('buyer', increment('buyer'))],
      ['claimOutbox', () => store.claimOutbox(null, 1_000)],
      ['ackOutbox', () => store.ackOutbox('buyer', 'x')],
      ['set', () => scheduler.set('buyer', 'c1-refund_arrival', new Date())],
      ['claimDue', () => scheduler.claimDue(new Date('2030-01-01T00:00:00Z'), 1_000)],
      ['nextDueAt', () => scheduler.nextDueAt()],
    ];
    const t = Date.now();
    const outcomes = await Promise.all(
      calls.map(async ([name, call]) => {
        const err = await failure(call());
        return { name, kind: err.kind, fast: Date.now() - t < 4_000 };
      }),
    );
    expect(outcomes).toEqual(calls.map(([name]) => ({ name, kind: 'transport', fast: true })));
    // Still quick once the client has been reconnecting (and backing off) for a while.
    for (let i = 0; i < 15; i++) await sleep(100);
    const late = Date.now();
    expect((await failure(store.transact('buyer', increment('buyer')))).kind).toBe('transport');
    expect(Date.now() - late).toBeLessThan(4_000);

    await server.start();
    const deadline = Date.now() + 10_000;
    let back = false;
    while (!back && Date.now() < deadline) {
      back = await store.load('buyer').then(
        () => true,
        () => false,
      );
      if (!back) await sleep(100);
    }
    expect(back).toBe(true);
    // Nothing half-written: exactly the turn committed before the outage.
    expect((await store.load('buyer')).state?.caseSeq).toBe(1);
    expect((await store.claimOutbox('buyer', 60_000)).map((b) => b.messages[0]?.text)).toEqual(['n=1']);
    expect(await scheduler.nextDueAt()).toEqual(new Date('2026-11-23T02:00:00Z'));
    await store.transact('buyer', increment('buyer'));
    expect((await store.load('buyer')).state?.caseSeq).toBe(2);
  });
});
