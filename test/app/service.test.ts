/**
 * The composition root with a stand-in messenger: /healthz says 503 and names what is down,
 * and a shutdown whose turn never ends still returns within its bound.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { startService, type RunningService } from '../../src/app/service.ts';
import type { AppPort, Messenger } from '../../src/app/messenger.ts';
import type { Outbound } from '../../src/domain/index.ts';
import { ManualClock } from '../../src/app/clock.ts';
import { MemorySessionStore } from '../../src/store/memory-session-store.ts';
import { MemoryScheduler } from '../../src/schedule/memory-scheduler.ts';

const logger = pino({ level: 'silent' });

function standIn(opts: { hang?: boolean } = {}) {
  let app: AppPort | null = null;
  const sent: Outbound[] = [];
  let up = true;
  const taken: Promise<void>[] = [];
  const m: Messenger & { say(text: string): Promise<void>; sent: Outbound[]; setUp(v: boolean): void } = {
    name: 'fake',
    userPrefix: 'fk:',
    sent,
    setUp: (v) => (up = v),
    connected: () => up,
    deliver: async (_u, messages) => {
      if (opts.hang) await new Promise(() => {});
      sent.push(...messages);
    },
    async start(port) {
      app = port;
    },
    async stop() {
      await Promise.all(taken);
    },
    say(text) {
      const p = app!.handle('fk:1', { type: 'text', text });
      taken.push(p);
      return p;
    },
  };
  return m;
}

let svc: RunningService | null = null;
afterEach(async () => {
  await svc?.stop(1_000);
  svc = null;
});

describe('the composition root', () => {
  it('/healthz: 200 when all is up, 503 naming the messenger and the storage that are down', async () => {
    const fake = standIn();
    const store = new MemorySessionStore();
    let storageDown = false;
    const load = store.load.bind(store);
    store.load = async (u) => {
      if (storageDown) throw new Error('ECONNREFUSED');
      return load(u);
    };
    svc = await startService({
      storage: { store, scheduler: new MemoryScheduler() },
      messengers: [fake],
      logger,
      timezone: 'Asia/Shanghai',
      clock: new ManualClock('2026-11-22T10:00:00+08:00'),
      health: { port: 0, host: '127.0.0.1' },
    });
    const get = async () => {
      const r = await fetch(`http://127.0.0.1:${svc!.healthPort}/healthz`);
      return { status: r.status, body: (await r.json()) as { down: string[] } };
    };
    expect(await get()).toEqual({ status: 200, body: { ok: true, checks: { storage: true, fake: true, reminder_loop: true }, down: [] } });
    fake.setUp(false);
    storageDown = true;
    const bad = await get();
    expect(bad.status).toBe(503);
    expect(bad.body.down.sort()).toEqual(['fake', 'storage']);
    expect(await (await fetch(`http://127.0.0.1:${svc!.healthPort}/metrics`)).text()).toMatch(/^shouhou_up\{component="storage"\} 0$/m);
  });

  it('counts turns and delivers through the messenger that owns the user', async () => {
    const fake = standIn();
    svc = await startService({
      storage: { store: new MemorySessionStore(), scheduler: new MemoryScheduler() },
      messengers: [fake],
      logger,
      timezone: 'Asia/Shanghai',
      clock: new ManualClock('2026-11-22T10:00:00+08:00'),
    });
    await fake.say('我的快递有问题');
    expect(fake.sent.length).toBeGreaterThan(0);
    expect(await svc.metrics.text()).toMatch(/^shouhou_turns_total\{messenger="fake",type="text"\} 1$/m);
  });

  it('a shutdown whose turn never finishes returns within its bound, saying it was not clean', async () => {
    const fake = standIn({ hang: true });
    const s = await startService({
      storage: { store: new MemorySessionStore(), scheduler: new MemoryScheduler() },
      messengers: [fake],
      logger,
      timezone: 'Asia/Shanghai',
      clock: new ManualClock('2026-11-22T10:00:00+08:00'),
    });
    void fake.say('我的快递有问题');
    await new Promise((r) => setTimeout(r, 20));
    expect(s.inFlight()).toBe(1);
    const t0 = Date.now();
    expect(await s.stop(300)).toEqual({ clean: false });
    expect(Date.now() - t0).toBeLessThan(2_000);
  });
});
