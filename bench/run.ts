/**
 * Benchmark (CONTRACTS.md §4): `npm run --silent bench -- --json`.
 *
 * Many simulated buyers each go through the story (problem → order number → problem →
 * wants → seller promise) through the real Assistant and storage (memory, or Redis
 * when REDIS_URL is set). Also reports the extractor's throughput. The last stdout
 * line is one JSON object.
 *
 * Options: --users N (default 200), --json, --concurrency N (default 50).
 */
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { Assistant } from '../src/app/assistant.ts';
import { ManualClock } from '../src/app/clock.ts';
import { openStorage } from '../src/app/open-storage.ts';
import { benchExtract } from './extract.ts';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const n = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function redisCommands(url: string | undefined): Promise<(() => Promise<number>) | null> {
  if (!url) return null;
  const r = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await r.connect();
  return async () => {
    const info = await r.info('stats');
    return Number(/total_commands_processed:(\d+)/.exec(info)?.[1] ?? 0);
  };
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const users = arg('users', 200);
  const concurrency = arg('concurrency', 50);
  const logger = pino({ level: 'silent' });
  const redisUrl = process.env.REDIS_URL?.trim() || undefined;
  const storage = await openStorage({ redisUrl, logger, keyPrefix: `bench${process.pid}` });
  const clock = new ManualClock('2026-11-23T02:00:00Z');
  let delivered = 0;
  const assistant = new Assistant({
    store: storage.store,
    scheduler: storage.scheduler,
    clock,
    logger,
    timezone: 'Asia/Shanghai',
    deliver: async (_u, messages) => {
      delivered += messages.length;
    },
  });
  const script = (i: number) => [
    '我的快递有问题',
    `订单号 39164528${String(i).padStart(11, '0')}`,
    ['杯子到手就碎了', '衣服和图片不一样', '一直没收到货', '用了两天就坏了'][i % 4]!,
    ['想退款', '退货退款', '给我补发', '换一个'][i % 4]!,
    '卖家说24小时内给我答复',
    '/status',
  ];
  const count = await redisCommands(redisUrl);
  const commandsBefore = count ? await count() : 0;
  const latencies: number[] = [];
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < users) {
      const i = next++;
      for (const text of script(i)) {
        const t0 = performance.now();
        await assistant.handle(`bench-${i}`, text.startsWith('/') ? { type: 'command', command: text.slice(1) } : { type: 'text', text });
        latencies.push(performance.now() - t0);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, users) }, worker));
  const seconds = (performance.now() - started) / 1000;
  const commandsAfter = count ? await count() : 0;
  latencies.sort((a, b) => a - b);
  const extraction = await benchExtract({ seconds: 1 });
  const turns = latencies.length;
  const result = {
    users,
    turns,
    turnsPerSec: Math.round(turns / seconds),
    p50Ms: Number(percentile(latencies, 50).toFixed(3)),
    p99Ms: Number(percentile(latencies, 99).toFixed(3)),
    store: storage.store.kind,
    redisCallsPerTurn: count ? Number(((commandsAfter - commandsBefore - 1) / turns).toFixed(2)) : 0,
    messagesDelivered: delivered,
    extractMessagesPerSec: Math.round(extraction.messagesPerSec),
  };
  await storage.close();
  if (!json) {
    process.stdout.write(
      `${turns} turns of ${users} users on ${result.store}: ${result.turnsPerSec} turns/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms` +
        `${count ? `, ${result.redisCallsPerTurn} Redis commands/turn` : ''}; extraction ${result.extractMessagesPerSec} messages/s\n`,
    );
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
}

await main();
