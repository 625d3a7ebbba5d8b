/**
 * `npm start` as a newcomer runs it: the terminal chat answers and exits when stdin
 * closes; a wrong setting stops it at once with one line naming the variable.
 */
import { describe, expect, it } from 'vitest';
import { start } from '../helpers/cli.ts';

describe('npm start (terminal chat)', () => {
  it('answers "我的快递有问题" with a question about the order and exits when stdin closes', () => {
    const r = start('我的快递有问题\n');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/订单号/);
    expect(r.stderr).not.toMatch(/Error|at .*\.ts:\d+/);
  });

  it('shows drafts framed so the part to copy is clear', () => {
    const r = start('订单号 3916452812345678901 杯子碎了 想退款\n');
    expect(r.stdout).toMatch(/─{10,}\n[\s\S]*3916452812345678901[\s\S]*─{10,}/);
  });
});

describe('a wrong setting stops the program with one clear line', () => {
  it.each([
    ['REDIS_URL', { REDIS_URL: 'not a url' }],
    ['REDIS_URL', { REDIS_URL: 'redis://127.0.0.1:1' }],
    ['BOT_TIMEZONE', { BOT_TIMEZONE: 'Mars/Olympus' }],
    ['LOG_LEVEL', { LOG_LEVEL: 'loud' }],
    ['TELEGRAM_BOT_TOKEN', { TELEGRAM_BOT_TOKEN: 'abc' }],
    ['WEBHOOK_SECRET', { TELEGRAM_BOT_TOKEN: '123456:ABCdefGHIjklMNOpqrSTUvwxYZ0123', WEBHOOK_URL: 'https://bot.example.com/tg' }],
  ])('%s', (name, env) => {
    const t0 = Date.now();
    const r = start('', env);
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(name);
    expect(lines[0]).not.toMatch(/\bat .*:\d+:\d+/);
    expect(Date.now() - t0).toBeLessThan(15_000);
  });
});
