/**
 * Webhook mode: the Telegram messenger with `webhook` serves updates over node:http, checks
 * Telegram's secret token header, registers the webhook with `secret_token`, and answers
 * through the Bot API (the emulator).
 *
 * The emulator would push updates without the secret header, so the test posts them
 * itself, the way Telegram does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTelegramApp, type TelegramApp } from './service.ts';
import { MemorySessionStore } from '../../src/store/memory-session-store.ts';
import { MemoryScheduler } from '../../src/schedule/memory-scheduler.ts';
import { ManualClock } from '../../src/app/clock.ts';
import { emulatorQuirks, freePort, startEmulator, type Emulator, type EmulatorQuirks } from '../helpers/telegram-emulator.ts';
import { assertTelegramHtml } from './telegram-html.ts';

const SECRET = 'test-secret-0123456789abcdef';
let emu: Emulator;
let quirks: EmulatorQuirks;
let app: TelegramApp;
let healthPort: number;
let port: number;

beforeAll(async () => {
  emu = await startEmulator();
  quirks = emulatorQuirks();
  port = await freePort();
  app = await startTelegramApp({
    emu,
    quirks,
    webhook: { url: `http://127.0.0.1:${port}/tg/hook`, secret: SECRET, port, host: '127.0.0.1' },
    store: new MemorySessionStore(),
    scheduler: new MemoryScheduler(),
    clock: new ManualClock('2026-11-22T10:00:00+08:00'),
    health: { port: 0, host: '127.0.0.1' },
  });
  healthPort = app.svc.healthPort!;
});

afterAll(async () => {
  await app?.stop();
  await emu?.stop();
});

let updateId = 5000;
function update(chatId: number, text: string) {
  const from = { id: chatId, is_bot: false, first_name: 'Buyer', language_code: 'zh-hans' };
  return {
    update_id: ++updateId,
    message: { message_id: updateId, date: 1_763_776_800, chat: { id: chatId, type: 'private', first_name: 'Buyer' }, from, text },
  };
}

async function post(path: string, body: unknown, secret?: string): Promise<Response> {
  return fetch(`http://127.0.0.1:${port}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(secret ? { 'x-telegram-bot-api-secret-token': secret } : {}) },
    body: JSON.stringify(body),
  });
}

describe('webhook mode', () => {
  it('registers the webhook with the secret token', () => {
    const set = quirks.calls.find((c) => c.method === 'setWebhook');
    expect(set?.payload).toMatchObject({ url: `http://127.0.0.1:${port}/tg/hook`, secret_token: SECRET });
    expect(quirks.calls.some((c) => c.method === 'deleteWebhook')).toBe(false);
  });

  it('refuses updates without the right secret', async () => {
    expect((await post('/tg/hook', update(4001, '我的快递有问题'))).status).toBe(401);
    expect((await post('/tg/hook', update(4001, '我的快递有问题'), 'wrong-secret')).status).toBe(401);
    expect((await post('/elsewhere', update(4001, '我的快递有问题'), SECRET)).status).toBe(404);
    expect(emu.sent(4001)).toEqual([]);
  });

  it('answers an update posted with the secret, once even if Telegram posts it twice', async () => {
    const u = update(4002, '我的快递有问题');
    expect((await post('/tg/hook', u, SECRET)).status).toBe(200);
    const answered = emu.sent(4002).length;
    expect(answered).toBeGreaterThan(0);
    for (const m of emu.sent(4002)) assertTelegramHtml(m.text);
    expect((await post('/tg/hook', u, SECRET)).status).toBe(200);
    expect(emu.sent(4002)).toHaveLength(answered);
  });

  it('serves /healthz on the health port, not on the public webhook port', async () => {
    const res = await fetch(`http://127.0.0.1:${healthPort}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, checks: { storage: true, telegram: true, reminder_loop: true } });
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(404);
  });
});
