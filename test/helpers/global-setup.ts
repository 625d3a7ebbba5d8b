/**
 * Global test setup: starts one real `redis-server` on a free loopback port for every
 * `*.redis.test.ts` suite, handed to them as `inject('redisUrl')` (null = skip them).
 *
 * Without `redis-server` on PATH the Redis suites are skipped with a loud warning, except
 * under `CI=true`, where that is a failure (the CI script installs it).
 */
import type { TestProject } from 'vitest/node';
import { redisServerAvailable, startRedisServer } from './redis-server.ts';
import { redisCliAvailable, startRedisCluster } from './redis-cluster.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the shared test redis-server, or null when the Redis suites are skipped. */
    redisUrl: string | null;
    /** REDIS_CLUSTER_NODES of the shared 3-master test cluster, or null when skipped. */
    redisClusterNodes: string | null;
  }
}

export default async function setup(project: TestProject): Promise<void | (() => Promise<void>)> {
  if (!redisServerAvailable()) {
    if (process.env.CI === 'true') {
      throw new Error(
        'redis-server is not on PATH, and CI=true: the Redis suites must run in CI. ' +
          'Install it (apt-get install -y redis-server) before `npm test`.',
      );
    }
    const bar = '!'.repeat(78);
    const warning =
      `\n${bar}\n!!  redis-server not found on PATH: ALL REDIS SUITES (*.redis.test.ts) WERE SKIPPED.\n` +
      `!!  Install it (apt-get install -y redis-server / brew install redis) to run them.\n${bar}\n`;
    console.warn(warning);
    project.provide('redisUrl', null);
    project.provide('redisClusterNodes', null);
    // Again after the run, so it is not scrolled away by the report.
    return async () => {
      console.warn(warning);
    };
  }
  if (!redisCliAvailable() && process.env.CI === 'true') {
    throw new Error('redis-cli is not on PATH, and CI=true: the Redis Cluster suites must run in CI. Install redis-tools.');
  }
  const [server, cluster] = await Promise.all([startRedisServer(), redisCliAvailable() ? startRedisCluster() : null]);
  if (!cluster) console.warn('\n!!  redis-cli not found on PATH: the Redis Cluster suites were skipped.\n');
  project.provide('redisUrl', server.url);
  project.provide('redisClusterNodes', cluster?.nodes ?? null);
  return async () => {
    await Promise.all([server.destroy(), cluster?.destroy()]);
  };
}
