/**
 * Who finishes a reply cut short, with real processes (fixtures/bot-process.ts) on the real
 * test redis-server and the Bot API fake. The buyer's first message has everything, so the bot
 * answers with a batch of several messages; the fake holds the second one, so the batch is
 * half sent.
 * - The process is SIGKILLed and started again (same host, so the same instance): the new run
 *   takes the batch over at once — not after its lease — and sends only the rest.
 * - A second live process on the same host (same instance name, same Redis, another bot token,
 *   so anything it sent would show on its own fake) must not take the batch from the first,
 *   which finishes it; nor must a live replica with another INSTANCE_ID.
 */
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { BotApiFake } from '../helpers/bot-api-fake.ts';
import { startBotProcess, waitUntil as until, type BotProcess } from '../helpers/bot-process.ts';
import { uniquePrefix } from '../helpers/redis-server.ts';

const redisUrl = inject('redisUrl');
const FIXTURE = 'test/telegram/fixtures/bot-process.ts';
const CHAT = 501;
const FIRST = '订单号 3916452812345678901，杯子到手就碎了，想退款';
/**
 * The lease of a batch while its deliverer is alive: a minute here (10 s in production), so
 * that a slow start of the new process under load cannot pass for the lease running out.
 */
const LEASE_MS = 60_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const started: BotProcess[] = [];
const fakes: BotApiFake[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((p) => p.kill()));
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

async function fakeApi(): Promise<BotApiFake> {
  const fake = new BotApiFake();
  await fake.listen();
  fakes.push(fake);
  return fake;
}

async function bot(fake: BotApiFake, prefix: string, env: Record<string, string> = {}): Promise<BotProcess> {
  const p = await startBotProcess(FIXTURE, {
    TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, REDIS_URL: redisUrl!, KEY_PREFIX: prefix, LEASE_MS: String(LEASE_MS), ...env,
  });
  started.push(p);
  return p;
}

/** The fake holds every sendMessage to the buyer once one was sent; `release()` lets them through. */
function holdAfterFirst(fake: BotApiFake) {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let held = 0;
  fake.hold = (method, p) => {
    if (method !== 'sendMessage' || Number(p.chat_id) !== CHAT || fake.textsTo(CHAT).length < 1) return undefined;
    held += 1;
    return gate;
  };
  return { held: () => held, release: () => release() };
}

/** A process answering the buyer's first message, its reply held after the first message. */
async function halfSent(label: string) {
  const fake = await fakeApi();
  const prefix = uniquePrefix(label);
  const first = await bot(fake, prefix);
  const gate = holdAfterFirst(fake);
  fake.say(CHAT, FIRST);
  await until(() => gate.held() > 0, 30_000, 'the second message to be held');
  return { fake, prefix, first, gate };
}

describe.skipIf(!redisUrl)('taking over a half-sent reply', () => {
  let reference: string[];

  beforeAll(async () => {
    // A run without faults: the answer is a batch of several messages.
    const fake = new BotApiFake();
    await fake.listen();
    const p = await startBotProcess(FIXTURE, { TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, REDIS_URL: redisUrl!, KEY_PREFIX: uniquePrefix('takeover-ref') });
    await fake.confirmedOf(fake.say(CHAT, FIRST));
    expect(await p.stop()).toBe(0);
    await fake.close();
    reference = fake.textsTo(CHAT);
    expect(reference.length).toBeGreaterThan(2);
  }, 60_000);

  it('SIGKILLed and started again, the new run finishes the batch at once (not after the lease), without repeating a message', async () => {
    const { fake, prefix, first, gate } = await halfSent('takeover-restart');
    const cutAt = Date.now();
    await first.kill();
    // The held call died with its process (once the fake has seen its connection close): that
    // message was never sent. Had it been let through first, Telegram would have sent it with no
    // record of it stored: the one message a crash may repeat.
    await until(() => fake.abandoned > 0, 10_000, 'the fake to see the dead process go');
    fake.hold = null;
    gate.release();
    expect(fake.textsTo(CHAT)).toEqual(reference.slice(0, 1));

    await bot(fake, prefix);
    const readyAt = Date.now();
    await until(() => fake.textsTo(CHAT).length >= reference.length, LEASE_MS / 2, 'the rest of the batch');
    const doneAt = Date.now();
    // Long before the dead process's lease (renewed by its last record, just before the cut) ran out.
    expect(doneAt - cutAt).toBeLessThan(LEASE_MS / 2);
    expect(doneAt - readyAt).toBeLessThan(5_000);
    await sleep(300);
    expect(fake.textsTo(CHAT)).toEqual(reference);
  }, 60_000);

  for (const [name, instance] of [
    ['a second live process on the same host (same instance name)', undefined],
    ['a live replica with another INSTANCE_ID', 'replica-b'],
  ] as const) {
    it(`${name} does not take the batch from the live process delivering it`, async () => {
      const { fake, prefix, first, gate } = await halfSent('takeover-live');
      // Its own bot token and fake: whatever it delivered would show there.
      const otherFake = await fakeApi();
      const second = await bot(otherFake, prefix, { REMINDER_POLL_MS: '100', ...(instance ? { INSTANCE_ID: instance } : {}) });
      await sleep(1_000); // ten recovery rounds of the second process
      gate.release();
      await until(() => fake.textsTo(CHAT).length >= reference.length, 20_000, 'the first process to finish');
      await sleep(300);
      expect(otherFake.sent).toEqual([]);
      expect(fake.textsTo(CHAT)).toEqual(reference);
      if (!instance) expect(second.log()).toMatch(/another live process runs as instance/);
      expect(await first.stop()).toBe(0);
    }, 60_000);
  }
});
