/**
 * The real program (`tsx src/main.ts`) as an operator starts it, in Telegram long-polling
 * mode against the Bot API emulator (reached through a small proxy that can hold replies,
 * to catch a turn in flight): a buyer's conversation is answered, /healthz and /metrics
 * answer and count the turns, the debug log of the whole conversation holds none of the
 * buyer's words or numbers, and SIGTERM with a turn in flight finishes it and exits 0.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { freePort, startEmulator, type Emulator } from '../helpers/telegram-emulator.ts';
import { assertTelegramHtml } from './telegram-html.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const ORDER = '3916452812345678901';
const PHONE = '13812345678';
const TRACKING = 'SF1234567890123';

/** A pass-through to the emulator that records getUpdates offsets and can hold sendMessage calls. */
interface Proxy {
  apiRoot: string;
  hold: boolean;
  held: number;
  offsets: number[];
  close(): Promise<void>;
}

async function startProxy(target: string): Promise<Proxy> {
  const port = await freePort();
  const proxy: Proxy = { apiRoot: `http://127.0.0.1:${port}`, hold: false, held: 0, offsets: [], close: async () => {} };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks);
      if (req.url?.endsWith('/getUpdates')) {
        const offset = (JSON.parse(body.toString() || '{}') as { offset?: number }).offset;
        if (offset !== undefined) proxy.offsets.push(offset);
      }
      if (proxy.hold && req.url?.endsWith('/sendMessage')) {
        proxy.held += 1;
        await new Promise((r) => setTimeout(r, 1_500));
      }
      try {
        const upstream = await fetch(`${target}${req.url}`, { method: req.method, headers: { 'content-type': String(req.headers['content-type'] ?? 'application/json') }, body: req.method === 'GET' ? undefined : body });
        res.writeHead(upstream.status, { 'content-type': 'application/json' }).end(Buffer.from(await upstream.arrayBuffer()));
      } catch {
        res.writeHead(502).end();
      }
    });
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  proxy.close = () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); });
  return proxy;
}

let emu: Emulator;
let proxy: Proxy;
let child: ChildProcess;
let healthPort: number;
let stdout = '';
let stderr = '';

beforeAll(async () => {
  emu = await startEmulator();
  proxy = await startProxy(emu.apiRoot);
  healthPort = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TELEGRAM_BOT_TOKEN: emu.token,
    TELEGRAM_API_ROOT: proxy.apiRoot,
    LOG_LEVEL: 'debug',
    HEALTH_PORT: String(healthPort),
    HEALTH_HOST: '127.0.0.1',
    REMINDER_POLL_MS: '200',
  };
  for (const name of ['REDIS_URL', 'WEBHOOK_URL', 'WEBHOOK_SECRET', 'WECHATY_PUPPET', 'WECHATY_PUPPET_SERVICE_TOKEN', 'LOG_UNREDACTED']) delete env[name];
  child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
});

afterAll(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  await proxy?.close();
  await emu?.stop();
});

const buyer = () => emu.user(5001);

async function answered(count: number): Promise<void> {
  await vi.waitFor(
    () => {
      if (child.exitCode !== null) throw new Error(`the bot exited (${child.exitCode}):\n${stderr}\n${stdout}`);
      expect(buyer().inbox().length).toBeGreaterThanOrEqual(count);
    },
    { timeout: 15_000, interval: 50 },
  );
}

describe('npm start with TELEGRAM_BOT_TOKEN and TELEGRAM_API_ROOT (long polling)', () => {
  it('answers a buyer through the configured Bot API server', async () => {
    await buyer().say('我的快递有问题');
    await answered(1);
    for (const m of buyer().inbox()) assertTelegramHtml(m.text);
    expect(buyer().inbox().map((m) => m.text).join('\n')).toContain('订单号');
    await buyer().say(`订单号 ${ORDER}，电话 ${PHONE}，快递单号 ${TRACKING}`);
    await answered(2);
  });

  it('serves /healthz naming every component, and /metrics counting the turns', async () => {
    const health = await fetch(`http://127.0.0.1:${healthPort}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true, checks: { storage: true, telegram: true, reminder_loop: true }, down: [] });

    // The buyer sees the second reply when Telegram takes it; the turn is done (its batch acknowledged, its time
    // observed) a moment after: read the metrics once both turns have finished, within a bound.
    const read = async (): Promise<string> => (await fetch(`http://127.0.0.1:${healthPort}/metrics`)).text();
    let metrics = await read();
    for (let i = 0; i < 40 && !(/^shouhou_turn_seconds_count 2$/m.test(metrics) && /^shouhou_outbox_pending 0$/m.test(metrics)); i++) {
      await new Promise((r) => setTimeout(r, 50));
      metrics = await read();
    }
    const turns = /^shouhou_turns_total\{messenger="telegram",type="text"\} (\d+)$/m.exec(metrics);
    expect(Number(turns?.[1])).toBe(2);
    for (const name of ['shouhou_reminders_fired_total', 'shouhou_reminder_lateness_seconds_bucket', 'shouhou_outbox_pending', 'shouhou_storage_seconds_bucket', 'shouhou_turn_seconds_count']) {
      expect(metrics).toContain(name);
    }
    expect(metrics).toMatch(/^# TYPE shouhou_errors_total counter$/m);
    expect(metrics).toMatch(/^shouhou_outbox_pending 0$/m);
  });

  it('logs JSON on stdout at debug level without the buyer\'s words, numbers or the token', () => {
    const lines = stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(3);
    const entries = lines.map((l) => JSON.parse(l) as { level: number; msg: string });
    expect(entries.some((e) => e.msg === 'messenger started')).toBe(true);
    for (const secret of [ORDER, PHONE, TRACKING, '1234567890123', '我的快递有问题', '快递单号', emu.token, emu.token.split(':')[1]!]) {
      expect(stdout, secret).not.toContain(secret);
    }
    expect(stderr).toBe('');
  });

  it('on SIGTERM with a turn in flight, finishes it, delivers its replies, confirms the update and exits 0', async () => {
    const before = buyer().inbox().length;
    proxy.hold = true;
    await buyer().say('杯子到手就碎了');
    await vi.waitFor(() => expect(proxy.held).toBeGreaterThan(0), { timeout: 10_000, interval: 20 });
    const lastOffset = Math.max(...proxy.offsets);
    const t0 = Date.now();
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(Date.now() - t0).toBeLessThan(10_000);
    // The reply held by the proxy went out before the exit.
    expect(buyer().inbox().length).toBeGreaterThan(before);
    // The update was confirmed to Telegram (a later offset), so a restart does not answer it again.
    expect(Math.max(...proxy.offsets)).toBeGreaterThan(lastOffset);
    expect(stdout).toMatch(/"msg":"stopped cleanly"/);
  });
});
