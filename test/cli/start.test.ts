/**
 * `npm start` as a newcomer runs it: the terminal chat answers and exits when stdin
 * closes; a wrong setting stops it at once with one line naming the variable.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start } from '../helpers/cli.ts';

const TOKEN = '123456:ABCdefGHIjklMNOpqrSTUvwxYZ0123';
const tmp = mkdtempSync(join(tmpdir(), 'shouhou-settings-'));
const badHolidays = join(tmp, 'holidays.json');
writeFileSync(badHolidays, JSON.stringify({ years: { '2027': { holidays: ['2027-02-30'], workdays: [] } } }));

/** One clean line on stderr, naming `name`, no stack trace, no secret, within seconds. */
function expectOneCleanLine(r: ReturnType<typeof start>, name: string, t0: number, secrets: string[] = [], withinMs = 15_000) {
  expect(r.status, r.stderr).not.toBe(0);
  const lines = r.stderr.trim().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toContain(name);
  expect(lines[0]).not.toMatch(/\bat .*:\d+:\d+/);
  for (const s of secrets) expect(r.stderr + r.stdout, s).not.toContain(s);
  expect(Date.now() - t0).toBeLessThan(withinMs);
}

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
    ['WEBHOOK_SECRET', { TELEGRAM_BOT_TOKEN: TOKEN, WEBHOOK_URL: 'https://bot.example.com/tg' }],
    ['PORT', { TELEGRAM_BOT_TOKEN: TOKEN, WEBHOOK_URL: 'https://bot.example.com/tg', WEBHOOK_SECRET: 'x'.repeat(32), PORT: '99999' }],
    ['HEALTH_PORT', { TELEGRAM_BOT_TOKEN: TOKEN, HEALTH_PORT: '70000' }],
    ['HEALTH_PORT', { TELEGRAM_BOT_TOKEN: TOKEN, WEBHOOK_URL: 'https://bot.example.com/tg', WEBHOOK_SECRET: 'x'.repeat(32), PORT: '9090' }],
    ['WECHATY_PUPPET', { WECHATY_PUPPET: 'wechaty-puppet-nonexistent' }],
    ['WECHATY_PUPPET', { WECHATY_PUPPET: 'wechaty-puppet-padlocal' }],
    ['REDIS_URL', { REDIS_URL: 'redis://127.0.0.1:6379/99' }],
    ['REDIS_URL', { REDIS_URL: 'redis://127.0.0.1:99999/0' }],
    ['STATE_RETENTION_DAYS', { STATE_RETENTION_DAYS: '1e12' }],
    ['STATE_RETENTION_DAYS', { STATE_RETENTION_DAYS: '0' }],
    ['REMINDER_POLL_MS', { REMINDER_POLL_MS: '3e9' }],
    ['REMINDER_POLL_MS', { REMINDER_POLL_MS: '1' }],
    ['LOG_UNREDACTED', { LOG_UNREDACTED: 'maybe' }],
    ['INSTANCE_ID', { INSTANCE_ID: 'bot one/two' }],
    ['HOLIDAYS_FILE', { HOLIDAYS_FILE: join(tmp, 'missing.json') }],
    ['HOLIDAYS_FILE', { HOLIDAYS_FILE: badHolidays }],
  ])('%s', (name, env) => {
    const t0 = Date.now();
    const r = start('', env);
    expectOneCleanLine(r, name, t0);
  });

  it.each([
    'redis://:hunter2secret@127.0.0.1:notaport/0',
    'redis//user:hunter2secret@127.0.0.1:6379',
    'http://user:hunter2secret@127.0.0.1:6379/0',
    'redis://user:hunter2secret@127.0.0.1:6379/abc',
    'redis://user:hunter2secret@127.0.0.1:1/0',
    // No scheme: parsed as a URL of scheme "user:" with no credentials at all.
    'user:hunter2secret@127.0.0.1:6379',
    // A user name alone (some clients take it for the password), with spaces around it.
    'redis:// hunter2secret @127.0.0.1:1',
    'redis://hunter2secret@127.0.0.1:1',
    // '#' and '/' in the password end the authority for the URL parser.
    'redis://u:hunter2secret#x/y@127.0.0.1:6379',
  ])('REDIS_URL %s: the password is never printed', (url) => {
    const t0 = Date.now();
    expectOneCleanLine(start('', { REDIS_URL: url }), 'REDIS_URL', t0, ['hunter2secret']);
  });

  it('an unreachable TELEGRAM_API_ROOT fails within seconds, without the token', () => {
    const t0 = Date.now();
    const r = start('', { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: 'http://127.0.0.1:1', HEALTH_PORT: '0' });
    expectOneCleanLine(r, 'TELEGRAM_API_ROOT', t0, [TOKEN, TOKEN.split(':')[1]!]);
    expect(Date.now() - t0).toBeLessThan(10_000);
  });

  it('a HEALTH_PORT already in use fails with one line', async () => {
    const busy = createServer();
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', r));
    const port = (busy.address() as { port: number }).port;
    try {
      const t0 = Date.now();
      // The WeChat mock puppet starts without a login, so the health server is what fails.
      const r = await new Promise<ReturnType<typeof start>>((resolve) => {
        setImmediate(() =>
          resolve(start('', { WECHATY_PUPPET: 'wechaty-puppet-mock', WECHATY_NAME: join(tmp, 'wx'), HEALTH_PORT: String(port), HEALTH_HOST: '127.0.0.1' })),
        );
      });
      // Loading Wechaty alone takes seconds on a busy machine.
      expectOneCleanLine(r, 'HEALTH_PORT', t0, [], 40_000);
      expect(r.stderr).toContain('in use');
    } finally {
      busy.close();
    }
  }, 60_000);
});

describe('npm run chat with a missing --script file', () => {
  it('says so in one line', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/chat.ts', '--script', join(tmp, 'nope.jsonl')], { encoding: 'utf8', env: { ...process.env, REDIS_URL: '' } });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('does not exist');
    expect(r.stdout).toBe('');
  });
});
