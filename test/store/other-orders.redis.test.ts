/**
 * What the engine now keeps beside the case (another order waiting for the buyer's answer, the menu
 * answered last) survives the real Redis store's stored form, and the conversation carries on from it.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { freshState, step } from '../../src/engine/engine.ts';
import { RedisSessionStore } from '../../src/store/redis-session-store.ts';
import { redisClients, uniquePrefix } from '../helpers/redis-server.ts';
import type { Inbound, Outbound } from '../../src/domain/index.ts';

const redisUrl = inject('redisUrl');

describe.skipIf(!redisUrl)('other orders and the answered menu in Redis', () => {
  const { client, closeAll } = redisClients(redisUrl!);
  afterAll(closeAll);

  it('keeps the waiting order and the answered menu across turns stored in Redis', async () => {
    const store = new RedisSessionStore({ redis: client(), prefix: uniquePrefix('other-orders') });
    let now = Date.parse('2026-12-01T02:00:00Z');
    const send = async (inbound: Inbound): Promise<Outbound[]> => {
      let out: Outbound[] = [];
      now += 60_000;
      await store.transact('u1', (cur) => {
        const r = step(cur.state ?? freshState('u1'), inbound, new Date(now), { timezone: 'Asia/Shanghai' });
        out = r.out;
        return { state: r.state, messages: r.out, schedule: r.schedule, locale: r.state.locale };
      });
      return out;
    };
    await send({ type: 'text', text: '抖音买的加湿器 订单号 9900887766554 不出雾 想退款' });
    await send({ type: 'text', text: '另一个订单是电动牙刷 订单号 9900887766000 充不进电 想换货' });
    const stored = (await store.load('u1')).state!;
    expect(stored.otherOrders?.map((o) => [o.orderId, o.problem, o.wants])).toEqual([['9900887766000', 'quality', 'exchange']]);
    expect((await send({ type: 'command', command: 'cases' })).map((m) => m.text).join('\n')).toContain('9900887766000');
    // After /cases the menu is no longer current: "1" gets it again, then answers it.
    expect((await send({ type: 'text', text: '1' })).map((m) => m.key)).toEqual(['menu.stale']);
    await send({ type: 'text', text: '1' });
    expect((await store.load('u1')).state!.answeredMenu?.slot).toBe('otherOrder');
    expect((await store.load('u1')).state!.active?.slots.orderId).toBe('9900887766000');
    const again = await send({ type: 'text', text: '2' });
    expect(again.map((m) => m.key)).toEqual(['menu.answered']);
  });
});
