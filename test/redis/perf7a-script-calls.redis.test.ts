/**
 * Script calls on one server build their command from the flat argument list (src/redis/support.ts,
 * `sendScript`) instead of going through ioredis' methods: the same bytes reach Redis, the same
 * replies come back (strings or bytes), NOSCRIPT still falls back to EVAL, and a client with
 * coalesced writes (open-storage's) still sends them. On a Cluster the usual methods are used.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { Redis } from 'ioredis';
import { coalesceWrites, LuaScript, runNow } from '../../src/redis/support.ts';
import { uniquePrefix } from '../helpers/redis-server.ts';
import { clusterClients } from '../helpers/redis-cluster.ts';

const redisUrl = inject('redisUrl');
const nodes = inject('redisClusterNodes');

// Echoes its keys and arguments, and stores ARGV[1] under KEYS[1].
const ECHO = new LuaScript(
  'echo',
  `-- KEYS[1] a string key   ARGV[1] its value   ARGV[2..] echoed
redis.call('SET', KEYS[1], ARGV[1])
return {KEYS, ARGV, redis.call('GET', KEYS[1])}`,
);

const args = (): Array<string | number | Buffer> => ['买家的话 "quoted" \\ \u0001', 42, 2 ** 60, Buffer.from([0xff, 0x00, 0x80]), '', 'plain'];

describe.skipIf(!redisUrl)('script calls on one server', () => {
  const redis = new Redis(redisUrl!);
  const coalesced = new Redis(redisUrl!);
  coalesceWrites(coalesced);
  afterAll(async () => {
    await redis.quit();
    await coalesced.quit();
  });

  it('send every argument as ioredis methods would, and give strings or bytes back', async () => {
    const key = `${uniquePrefix('script')}:{u:1}:echo`;
    // ioredis 6 has evalBuffer at run time, not in its typings.
    const evalBuffer = (redis as unknown as { evalBuffer: (...a: unknown[]) => Promise<unknown> }).evalBuffer.bind(redis);
    const viaMethod = await evalBuffer(ECHO.lua, 1, key, ...args());
    const buffers = await ECHO.runBuffers(redis, [key], args());
    expect(buffers).toEqual(viaMethod);
    const strings = (await ECHO.run(redis, [key], args())) as [string[], string[], string];
    expect(strings).toEqual(await redis.eval(ECHO.lua, 1, key, ...args()));
    expect(strings[1].slice(0, 3)).toEqual(['买家的话 "quoted" \\ \u0001', '42', '1152921504606846976']);
    expect(strings[2]).toBe('买家的话 "quoted" \\ \u0001');
  });

  it('fall back to EVAL when the server does not know the script, and reject as before on a script error', async () => {
    const key = `${uniquePrefix('script')}:{u:2}:echo`;
    // A script no server has seen (no SCRIPT FLUSH: other suites share this server).
    const fresh = new LuaScript('fresh', `${ECHO.lua}\n-- ${uniquePrefix('fresh')}`);
    expect(await redis.script('EXISTS', fresh.sha)).toEqual([0]);
    const reply = (await fresh.run(coalesced, [key], ['v'])) as [string[], string[], string];
    expect(reply).toEqual([[key], ['v'], 'v']);
    expect(await redis.script('EXISTS', fresh.sha)).toEqual([1]);
    const broken = new LuaScript('broken', `return redis.call('NO-SUCH-COMMAND')`);
    await expect(broken.run(coalesced, [key], [])).rejects.toThrow(/Unknown Redis command|unknown command/i);
  });

  it('runNow sends the whole script in one request on a client with coalesced writes', async () => {
    const key = `${uniquePrefix('script')}:{u:3}:echo`;
    const [, argv, stored] = (await runNow(ECHO, coalesced, [key], ['now', 7])) as [string[], string[], string];
    expect(argv).toEqual(['now', '7']);
    expect(stored).toBe('now');
  });
});

describe.skipIf(!nodes)('script calls on a Cluster', () => {
  const { client, closeAll } = clusterClients(nodes!);
  afterAll(closeAll);

  it('go through the Cluster client to the node of the key, strings or bytes', async () => {
    const redis = client();
    for (const user of ['a', 'b', 'c', 'd']) {
      const key = `${uniquePrefix('cscript')}:{u:${user}}:echo`;
      const [, argv, stored] = (await ECHO.run(redis, [key], ['x', 1])) as [string[], string[], string];
      expect(argv).toEqual(['x', '1']);
      expect(stored).toBe('x');
      const bytes = (await ECHO.runBuffers(redis, [key], [Buffer.from([1, 2])])) as [Buffer[], Buffer[], Buffer];
      expect(bytes[2]).toEqual(Buffer.from([1, 2]));
      expect((await runNow(ECHO, redis, [key], ['y'])) as unknown[]).toEqual([[key], ['y'], 'y']);
    }
  });
});
