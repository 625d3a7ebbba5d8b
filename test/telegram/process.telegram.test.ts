/**
 * The real program (`tsx src/main.ts`) as an operator starts it: TELEGRAM_BOT_TOKEN and
 * TELEGRAM_API_ROOT pointing at the emulator. A buyer's message gets an answer, and
 * SIGTERM stops it cleanly.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { startEmulator, type Emulator } from '../helpers/telegram-emulator.ts';
import { assertTelegramHtml } from './telegram-html.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

let emu: Emulator;
let child: ChildProcess;
let stderr = '';

beforeAll(async () => {
  emu = await startEmulator();
  const env: NodeJS.ProcessEnv = { ...process.env, TELEGRAM_BOT_TOKEN: emu.token, TELEGRAM_API_ROOT: emu.apiRoot, LOG_LEVEL: 'warn' };
  for (const name of ['REDIS_URL', 'WEBHOOK_URL', 'WEBHOOK_SECRET', 'WECHATY_PUPPET', 'WECHATY_PUPPET_SERVICE_TOKEN']) delete env[name];
  child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout!.on('data', (d: Buffer) => (stderr += d.toString()));
});

afterAll(async () => {
  if (child && child.exitCode === null) {
    child.kill('SIGKILL');
  }
  await emu?.stop();
});

describe('npm start with TELEGRAM_BOT_TOKEN and TELEGRAM_API_ROOT', () => {
  it('answers a buyer through the configured Bot API server', async () => {
    const buyer = emu.user(5001);
    await buyer.say('我的快递有问题');
    await vi.waitFor(
      () => {
        if (child.exitCode !== null) throw new Error(`the bot exited (${child.exitCode}):\n${stderr}`);
        expect(buyer.inbox().length).toBeGreaterThan(0);
      },
      { timeout: 15_000, interval: 50 },
    );
    for (const m of buyer.inbox()) assertTelegramHtml(m.text);
    expect(buyer.inbox().map((m) => m.text).join('\n')).toContain('订单号');
  });

  it('stops on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    if (process.env.SHOW_BOT_LOG) console.log(stderr);
  });
});
