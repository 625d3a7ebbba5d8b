/**
 * `npm start` in the terminal with REDIS_URL: piped input is answered (no line lost while
 * Redis is being reached), and the next run continues the same conversation.
 */
import { describe, expect, inject, it } from 'vitest';
import { start } from '../helpers/cli.ts';

const redisUrl = inject('redisUrl');

describe.skipIf(!redisUrl)('npm start with REDIS_URL', () => {
  it('answers piped input and continues the conversation in the next run', () => {
    const env = { REDIS_URL: `${redisUrl}/10` };
    const first = start('我的快递有问题\n', env);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/请发一下订单号/);
    const second = start('3916452812345678901\n', env);
    expect(second.stdout).toMatch(/已记下：订单号 3916452812345678901/);
    expect(second.stdout).toMatch(/具体是什么问题/);
  });
});
