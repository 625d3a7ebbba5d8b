/**
 * Redis outages seen from Telegram, with real processes: the bot (fixtures/bot-process.ts, run
 * the way main.ts runs it) against the Bot API fake that keeps Telegram's delivery semantics
 * (test/helpers/bot-api-fake.ts), on a real redis-server (append-only file, fsync always) that
 * is SIGKILLed mid-conversation and started again.
 *
 * Each buyer says two lines, then — with Redis dead — two more without waiting, then the last.
 * - Long polling: the first turn that cannot be stored gets one apology saying it will be
 *   processed; its update stays unconfirmed and is retried, and the buyer's next line waits
 *   behind it. Once Redis is back both are processed, in order, and answered.
 * - Webhook: that turn answers 500; the fake posts the update again until it gets 200; it is
 *   processed once.
 * - Webhook with several connections (the fake posts every pending update at once, and one
 *   answered 500 again later while later ones go ahead): a buyer's later line posted before the
 *   earlier one was stored is refused (500) and waits behind it, so order holds.
 * Either way every buyer ends with exactly the replies of a run without the outage: none lost,
 * none twice, in order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BotApiFake } from '../helpers/bot-api-fake.ts';
import { startBotProcess, waitUntil as until, type BotProcess } from '../helpers/bot-process.ts';
import { freePort, redisServerAvailable, startRedisServer, uniquePrefix, type RedisServer } from '../helpers/redis-server.ts';
import { t } from '../../src/i18n/index.ts';

const FIXTURE = 'test/telegram/fixtures/bot-process.ts';
const CHATS = [301, 302, 303];
const ORDER = (chat: number) => `39164528${String(chat).padStart(11, '0')}`;
const lines = (chat: number) => [
  '我的快递有问题',
  `订单号 ${ORDER(chat)}`,
  ['杯子到手就碎了', '衣服和图片不一样', '一直没收到货'][chat % 3]!,
  ['想退款', '退货退款', '给我补发'][chat % 3]!,
  '卖家说24小时内给我答复',
];
const APOLOGY = t('zh-CN', 'dialogue.apology.storageRetry');

interface Run {
  fake: BotApiFake;
  bot: BotProcess;
}

async function startRun(redis: RedisServer, webhook: boolean, connections = 1): Promise<Run> {
  const fake = new BotApiFake({ webhookRetryMs: 100, webhookConnections: connections });
  await fake.listen();
  const env: Record<string, string> = {
    TELEGRAM_BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
    REDIS_URL: redis.url,
    KEY_PREFIX: uniquePrefix('tgfault'),
    RETRY_MS: '100',
  };
  if (webhook) {
    const port = await freePort();
    Object.assign(env, { WEBHOOK_URL: `http://127.0.0.1:${port}/hook`, WEBHOOK_SECRET: 'fault-test-secret-0123456789', PORT: String(port) });
  }
  return { fake, bot: await startBotProcess(FIXTURE, env) };
}

/** Each buyer says `from`..`to` (exclusive): one at a time, waiting for each to be confirmed, or all at once. */
async function say(fake: BotApiFake, from: number, to: number, wait: boolean): Promise<number[]> {
  const ids = await Promise.all(
    CHATS.map(async (chat) => {
      const sent: number[] = [];
      for (const line of lines(chat).slice(from, to)) {
        const id = fake.say(chat, line);
        sent.push(id);
        if (wait) await fake.confirmedOf(id, 60_000);
      }
      return sent;
    }),
  );
  return ids.flat();
}

const replies = (fake: BotApiFake) => Object.fromEntries(CHATS.map((c) => [c, fake.textsTo(c).filter((x) => x !== APOLOGY)]));
const apologies = (fake: BotApiFake) => fake.sent.filter((m) => m.text === APOLOGY);

describe.skipIf(!redisServerAvailable())('Redis killed mid-conversation, the bot on Telegram', () => {
  let redis: RedisServer;
  let reference: Record<number, string[]>;

  beforeAll(async () => {
    redis = await startRedisServer({ appendonly: true });
    const { fake, bot } = await startRun(redis, false);
    await say(fake, 0, lines(0).length, true);
    expect(await bot.stop()).toBe(0);
    reference = replies(fake);
    await fake.close();
    for (const chat of CHATS) expect(reference[chat]!.length).toBeGreaterThan(5);
  }, 90_000);

  afterAll(async () => {
    await redis?.destroy();
  });

  async function outage(webhook: boolean, connections = 1) {
    const run = await startRun(redis, webhook, connections);
    const { fake, bot } = run;
    let down = false;
    try {
      await say(fake, 0, 2, true);
      await redis.stop({ kill: true });
      down = true;
      const held = await say(fake, 2, 4, false);
      // The first line said into the outage is apologised for, once; nothing said then is confirmed.
      await until(() => apologies(fake).length >= (webhook ? 1 : CHATS.length), 20_000, 'the apologies');
      if (webhook) await until(() => fake.webhookAnswers.filter((a) => a.status === 500).length >= 3, 20_000, 'retried webhook posts');
      expect(held.every((id) => !fake.isConfirmed(id))).toBe(true);
      await redis.start();
      down = false;
      for (const id of held) await fake.confirmedOf(id, 60_000);
      await say(fake, 4, 5, true);
      expect(await bot.stop()).toBe(0);
      return run;
    } catch (err) {
      await bot.kill();
      throw new Error(`${err instanceof Error ? err.message : err}\n--- bot log ---\n${bot.log()}`);
    } finally {
      await fake.close();
      if (down) await redis.start(); // running again for the next test, whatever happened
    }
  }

  it('long polling: one apology that says it will be processed, the update retried unconfirmed, then everything answered once, in order', async () => {
    const { fake } = await outage(false);
    expect(apologies(fake).map((m) => m.chatId).sort()).toEqual(CHATS);
    expect(replies(fake)).toEqual(reference);
  }, 120_000);

  it('webhook: a turn not stored answers 500, the fake posts it again until 200, and it is processed once', async () => {
    const { fake } = await outage(true);
    const answers = fake.webhookAnswers;
    const failed = [...new Set(answers.filter((a) => a.status === 500).map((a) => a.updateId))];
    expect(failed.length).toBeGreaterThan(0);
    for (const id of failed) {
      // Posted again and again while Redis was down, then answered 200 once, and never posted after.
      const mine = answers.filter((a) => a.updateId === id);
      expect(mine.length).toBeGreaterThan(1);
      expect(mine.at(-1)!.status).toBe(200);
      expect(mine.filter((a) => a.status === 200)).toHaveLength(1);
    }
    // One apology per update, however often it was posted; the replies exactly once.
    expect(apologies(fake).length).toBeLessThanOrEqual(failed.length);
    expect(replies(fake)).toEqual(reference);
  }, 120_000);

  it('webhook with updates posted at once: a later line that overtakes one not stored waits behind it (500), order kept', async () => {
    const { fake } = await outage(true, 8);
    const answers = fake.webhookAnswers;
    // Some buyer's later line was posted while an earlier one of theirs was still unconfirmed.
    const overtook = CHATS.some((chat) => {
      const ids = fake.updatesOf(chat);
      return ids.some((later, i) => i > 0 && answers.findIndex((a) => a.updateId === later) < answers.findIndex((a) => a.updateId === ids[i - 1] && a.status === 200));
    });
    expect(overtook).toBe(true);
    for (const id of new Set(answers.map((a) => a.updateId))) expect(answers.filter((a) => a.updateId === id && a.status === 200)).toHaveLength(1);
    expect(replies(fake)).toEqual(reference);
  }, 120_000);
});
