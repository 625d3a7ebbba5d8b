/**
 * The same conversations on the memory store and on Redis give the same replies, and the state
 * read back from Redis (its stored form, not this process's cached copy) is the state the memory
 * store holds. Redis keeps a compact form of every record; a field that form leaves out (a seller's
 * reason once was) is lost when a case is reloaded after a restart, and only a comparison like this
 * one shows it. Conversations are generated from our own phrases, with the clock moving between
 * turns so promises fall due and reminders fire.
 */
import pino from 'pino';
import { describe, expect, inject, it } from 'vitest';
import { Assistant } from '../../src/app/assistant.ts';
import { ManualClock } from '../../src/app/clock.ts';
import { openStorage } from '../../src/app/open-storage.ts';
import type { Inbound } from '../../src/domain/index.ts';
import { uniquePrefix } from '../helpers/redis-server.ts';

const redisUrl = inject('redisUrl');
const logger = pino({ level: 'silent' });

const PHRASES = [
  '我的快递有问题', '订单号 3916452800012345678', '淘宝订单 3916452800087654321 台灯到手灯罩裂了 想退款',
  '拼多多买的保温杯漏水，订单号 250612345678901234，想换一个', '想退款', '退货退款', '给我补发', '换一个',
  '卖家说24小时内给我答复', '客服说明天下午五点前处理', '卖家不肯退，说是我自己不小心弄坏的', '卖家说只能退一半，理由是快递摔的跟店里无关',
  '店家要我补一段开箱录像', '店家讲可以退，前提是先把东西寄回', '卖家同意退款了', '钱到账了', '退款只到了一半', '卖家不理我',
  '平台介入了', '平台判我输了', '发了没回', '还没发', '回了，说不给退', '现在怎么办', '运费谁出', '好的', '是', '不是',
  '1', '2', '/status', '/new', '/help', '/file', '衣服和图片上的颜色差很多', '耳机用了三天左边没声音了', '等了十天还没收到货',
  '物流一直没更新', '我已经申请售后了', '昨天寄回去了，单号 SF1234567890123', '商家认定是人为弄坏的，不肯保修',
];

function generator(seed: number) {
  let s = seed;
  const next = (n: number) => ((s = (s * 1103515245 + 12345) % 2147483648), s % n);
  return {
    next,
    inbound(i: number, n: number): Inbound {
      if (next(10) === 0) return { type: 'media', kind: 'photo', caption: ['外箱破损', '', '聊天记录截图'][next(3)]!, fileId: `AgACAgUAAxk-${i}-${n}` };
      const text = PHRASES[next(PHRASES.length)]!;
      return text.startsWith('/') ? { type: 'command', command: text.slice(1) } : { type: 'text', text };
    },
  };
}

/** Every delivered message and every state read back after each turn, of `buyers` generated conversations. */
async function run(redis: string | undefined, buyers: number): Promise<string[]> {
  const storage = await openStorage({ redisUrl: redis, logger, keyPrefix: uniquePrefix('parity') });
  const clock = new ManualClock('2026-11-23T02:00:00Z');
  const out: string[] = [];
  const assistant = new Assistant({
    store: storage.store, scheduler: storage.scheduler, clock, logger, timezone: 'Asia/Shanghai',
    deliver: async (userId, messages) => void out.push(...messages.map((m) => JSON.stringify({ userId, m }))),
  });
  const gen = generator(20261205);
  try {
    for (let i = 0; i < buyers; i++) {
      const userId = `p-${i}`;
      const turns = 4 + gen.next(10);
      for (let n = 0; n < turns; n++) {
        await assistant.handle(userId, gen.inbound(i, n));
        clock.advance(gen.next(4) === 0 ? 30 * 3_600_000 : 7 * 60_000);
        await assistant.fireDue();
        await assistant.idle();
        // Redis: read from the server, as a restarted process would.
        out.push(JSON.stringify((await storage.store.load(userId)).state));
      }
    }
  } finally {
    await storage.close();
  }
  return out;
}

describe.skipIf(!redisUrl)('the memory store and Redis', () => {
  it('give the same replies and the same states, read back from Redis, over generated conversations', async () => {
    const memory = await run(undefined, 80);
    const redis = await run(redisUrl!, 80);
    expect(memory.length).toBeGreaterThan(1_000);
    // Compared line by line, so a difference names the turn it starts at.
    const first = memory.findIndex((line, i) => !sameJson(line, redis[i]));
    expect(first === -1 ? null : { at: first, memory: memory[first], redis: redis[first] }).toBeNull();
    expect(redis).toHaveLength(memory.length);
  }, 120_000);
});

/** Equal as JSON values (key order aside: the stored form puts keys back in schema order). */
function sameJson(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  const canon = (v: unknown): unknown => Array.isArray(v) ? v.map(canon)
    : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canon((v as Record<string, unknown>)[k])])) : v;
  return JSON.stringify(canon(JSON.parse(a))) === JSON.stringify(canon(JSON.parse(b)));
}
