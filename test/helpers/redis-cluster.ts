/**
 * A real 3-master Redis Cluster on loopback for tests: three `redis-server --cluster-enabled yes`
 * processes joined by `redis-cli --cluster create … --cluster-replicas 0 --cluster-yes`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Cluster } from 'ioredis';

export interface RedisCluster {
  /** `host:port,host:port,host:port`, the REDIS_CLUSTER_NODES form. */
  readonly nodes: string;
  destroy(): Promise<void>;
}

/** Whether `redis-cli` (needed to create the cluster) can be run. */
export function redisCliAvailable(): boolean {
  const r = spawnSync('redis-cli', ['--version'], { stdio: 'ignore' });
  return !r.error && r.status === 0;
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/** A port P with P and its cluster bus port P + 10000 both free. */
async function clusterPort(taken: Set<number>): Promise<number> {
  for (let tries = 0; tries < 200; tries++) {
    const p = 20_000 + Math.floor(Math.random() * 35_000);
    if (taken.has(p) || taken.has(p + 10_000)) continue;
    if ((await canListen(p)) && (await canListen(p + 10_000))) {
      taken.add(p);
      taken.add(p + 10_000);
      return p;
    }
  }
  throw new Error('no free port pair for a cluster node');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startRedisCluster(): Promise<RedisCluster> {
  const dir = await mkdtemp(join(tmpdir(), 'shouhou-cluster-'));
  const taken = new Set<number>();
  const ports = [await clusterPort(taken), await clusterPort(taken), await clusterPort(taken)];
  const procs: ChildProcess[] = [];
  const killAll = () => procs.forEach((p) => p.kill('SIGKILL'));
  process.once('exit', killAll);
  for (const port of ports) {
    const proc = spawn(
      'redis-server',
      [
        '--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--cluster-enabled', 'yes',
        '--cluster-config-file', `nodes-${port}.conf`, '--cluster-node-timeout', '2000', '--save', '',
        '--appendonly', 'no', '--protected-mode', 'no', '--loglevel', 'warning',
      ],
      { stdio: 'ignore' },
    );
    procs.push(proc);
  }
  const nodes = ports.map((p) => `127.0.0.1:${p}`);
  const destroy = async () => {
    killAll();
    process.off('exit', killAll);
    await Promise.all(procs.map((p) => (p.exitCode === null && p.signalCode === null ? new Promise((r) => p.once('exit', r)) : null)));
    await rm(dir, { recursive: true, force: true });
  };
  try {
    for (const port of ports) {
      const deadline = Date.now() + 10_000;
      while (spawnSync('redis-cli', ['-p', String(port), 'ping'], { encoding: 'utf8' }).stdout.trim() !== 'PONG') {
        if (Date.now() > deadline) throw new Error(`cluster node on ${port} did not start`);
        await sleep(50);
      }
    }
    const create = spawnSync('redis-cli', ['--cluster', 'create', ...nodes, '--cluster-replicas', '0', '--cluster-yes'], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    if (create.status !== 0) throw new Error(`redis-cli --cluster create failed: ${create.stdout}${create.stderr}`);
    const deadline = Date.now() + 20_000;
    for (;;) {
      const ok = ports.every((p) =>
        spawnSync('redis-cli', ['-p', String(p), 'cluster', 'info'], { encoding: 'utf8' }).stdout.includes('cluster_state:ok'),
      );
      if (ok) break;
      if (Date.now() > deadline) throw new Error('cluster did not reach cluster_state:ok');
      await sleep(100);
    }
  } catch (err) {
    await destroy();
    throw err;
  }
  return { nodes: nodes.join(','), destroy };
}

/** A Cluster client per simulated process; `closeAll` in `afterAll`. */
export function clusterClients(nodes: string): { client(): Cluster; closeAll(): Promise<void> } {
  const clients: Cluster[] = [];
  return {
    client() {
      const c = new Cluster(
        nodes.split(',').map((hp) => ({ host: hp.split(':')[0]!, port: Number(hp.split(':')[1]) })),
        { redisOptions: { maxRetriesPerRequest: 1 } },
      );
      clients.push(c);
      return c;
    },
    async closeAll() {
      await Promise.all(clients.filter((c) => c.status !== 'end').map((c) => c.quit().catch(() => c.disconnect())));
    },
  };
}
