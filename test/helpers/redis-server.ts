/**
 * A real `redis-server` for tests: started on a free loopback port in a temp dir, waited
 * for (PING), stopped — and restartable on the same port and data dir, to prove what
 * survives a Redis restart (AOF).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';

export interface RedisServerOptions {
  /** Append-only file with fsync on every write (survives a kill -9). Default false. */
  appendonly?: boolean;
}

export interface RedisServer {
  readonly port: number;
  readonly url: string;
  readonly dir: string;
  /** Stop the server. `kill: true` = SIGKILL (a crash), otherwise a clean shutdown. */
  stop(opts?: { kill?: boolean }): Promise<void>;
  /** Start it again on the same port and data dir. */
  start(): Promise<void>;
  /** Stop and remove the data dir. */
  destroy(): Promise<void>;
}

/** Whether `redis-server` can be run on this machine. */
export function redisServerAvailable(): boolean {
  const r = spawnSync('redis-server', ['--version'], { stdio: 'ignore' });
  return !r.error && r.status === 0;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = createConnection({ host: '127.0.0.1', port });
    let buf = '';
    const done = (ok: boolean) => {
      sock.destroy();
      resolve(ok);
    };
    sock.setTimeout(500, () => done(false));
    sock.on('error', () => done(false));
    sock.on('connect', () => sock.write('PING\r\n'));
    sock.on('data', (d) => {
      buf += d.toString();
      if (buf.includes('\r\n')) done(buf.startsWith('+PONG'));
    });
  });
}

export async function startRedisServer(opts: RedisServerOptions = {}): Promise<RedisServer> {
  const dir = await mkdtemp(join(tmpdir(), 'shouhou-redis-'));
  const port = await freePort();
  let child: ChildProcess | null = null;
  let stderr = '';

  const start = async () => {
    const args = [
      '--port', String(port),
      '--bind', '127.0.0.1',
      '--dir', dir,
      '--save', '',
      '--appendonly', opts.appendonly ? 'yes' : 'no',
      '--appendfsync', 'always',
      '--protected-mode', 'no',
      '--daemonize', 'no',
      '--loglevel', 'warning',
    ];
    const proc = spawn('redis-server', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    child = proc;
    proc.stderr?.on('data', (d) => (stderr += d.toString()));
    let exited = false;
    // Never outlive the test process (a Ctrl-C'd or crashed run must not leave servers behind).
    const killOnExit = () => proc.kill('SIGKILL');
    process.once('exit', killOnExit);
    proc.once('exit', () => {
      exited = true;
      process.off('exit', killOnExit);
    });
    const deadline = Date.now() + 10_000;
    while (!(await ping(port))) {
      if (exited) throw new Error(`redis-server exited at start: ${stderr}`);
      if (Date.now() > deadline) throw new Error(`redis-server did not answer PING on port ${port}: ${stderr}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };

  const stop = async ({ kill = false } = {}) => {
    const proc = child;
    child = null;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise<void>((r) => proc.once('exit', () => r()));
    proc.kill(kill ? 'SIGKILL' : 'SIGTERM');
    const timer = setTimeout(() => proc.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };

  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    dir,
    stop,
    start,
    async destroy() {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

let prefixSeq = 0;
/** A key prefix no other test uses: suites share one server and may run in parallel. */
export function uniquePrefix(label: string): string {
  prefixSeq += 1;
  return `t:${label}:${process.pid}:${Date.now().toString(36)}:${prefixSeq}`;
}

/**
 * Connections to a test server, one per simulated process; `closeAll` (in `afterAll`)
 * closes every one still open.
 */
export function redisClients(url: string): { client(): Redis; closeAll(): Promise<void> } {
  const clients: Redis[] = [];
  return {
    client() {
      const redis = new Redis(url, { maxRetriesPerRequest: 1 });
      clients.push(redis);
      return redis;
    },
    async closeAll() {
      await Promise.all(clients.filter((c) => c.status !== 'end').map((c) => c.quit()));
    },
  };
}
