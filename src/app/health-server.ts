/**
 * The operator's HTTP endpoint (CONTRACTS.md §5): `GET /healthz` (200 when everything is
 * up, 503 naming what is down) and `GET /metrics` (Prometheus text). Bound to HEALTH_HOST
 * on HEALTH_PORT; a port that is taken fails at start with one line.
 */
import { createServer, type Server } from 'node:http';
import { AppError } from '../domain/errors.ts';
import type { Metrics } from './metrics.ts';

export interface HealthReport {
  ok: boolean;
  /** Every component checked, `true` when up. */
  checks: Record<string, boolean>;
  /** The names of the components that are down (empty when ok). */
  down: string[];
}

export interface HealthServer {
  port: number;
  close(): Promise<void>;
}

/** Listen on `port` (0 = any free port) or fail with `AppError('config')` naming the variable. */
export function listenOrFail(server: Server, port: number, host: string, variable: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      const why = err.code === 'EADDRINUSE' ? 'is already in use' : err.code === 'EACCES' ? 'needs privileges' : `cannot be opened (${err.code ?? err.message})`;
      reject(new AppError('config', `${variable}=${port}: port ${port} on ${host} ${why}. Choose another ${variable}.`, { cause: err }));
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      const addr = server.address();
      resolve(typeof addr === 'object' && addr ? addr.port : port);
    });
  });
}

export async function startHealthServer(opts: {
  port: number;
  host: string;
  metrics: Metrics;
  health: () => Promise<HealthReport>;
}): Promise<HealthServer> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    if (path === '/healthz') {
      opts.health().then(
        (report) => {
          res.writeHead(report.ok ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(report));
        },
        () => res.writeHead(503, { 'content-type': 'application/json' }).end('{"ok":false,"down":["health check"]}'),
      );
      return;
    }
    if (path === '/metrics') {
      opts.metrics.text().then(
        (text) => res.writeHead(200, { 'content-type': opts.metrics.registry.contentType }).end(text),
        () => res.writeHead(500).end(),
      );
      return;
    }
    res.writeHead(404).end();
  });
  server.keepAliveTimeout = 5_000;
  const port = await listenOrFail(server, opts.port, opts.host, 'HEALTH_PORT');
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
