import { afterAll, describe, inject } from 'vitest';
import { RedisScheduler } from '../../src/schedule/redis-scheduler.ts';
import { uniquePrefix } from '../helpers/redis-server.ts';
import { clusterClients } from '../helpers/redis-cluster.ts';
import { schedulerContract } from './scheduler.contract.ts';

const nodes = inject('redisClusterNodes');

describe.skipIf(!nodes)('RedisScheduler on a Redis Cluster', () => {
  const { client, closeAll } = clusterClients(nodes!);
  afterAll(closeAll);

  schedulerContract('redis cluster', async () => {
    const scheduler = new RedisScheduler({ redis: client(), prefix: uniquePrefix('csched') });
    return { scheduler, close: () => scheduler.close() };
  });
});
