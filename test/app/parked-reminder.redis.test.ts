/**
 * A parked case's reminder is delivered (trial 14 F11): through the Assistant, on memory and on Redis,
 * the reminder set while the case was active still fires once another order is the active case; it
 * names that order, and the buyer's answer is recorded on it.
 */
import { describe, expect, inject, it } from 'vitest';
import { assistantBackends, assistantBuyers } from '../helpers/assistant-buyer.ts';

const BRUSH = '7120398475610293841';
const CALENDAR = '7120398475610299902';

describe.each(assistantBackends(inject('redisUrl')))("a parked case's reminder through the Assistant (%s)", (_, url) => {
  const buyer = assistantBuyers(url, 'parked');

  it('fires while another order is active, names its order, and the answer lands on it', async () => {
    const { storage, clock, assistant, sent, say } = await buyer('2026-12-07T10:00:00+08:00');
    await say(`京东订单 ${BRUSH}，电动牙刷怎么都充不上电，想退货退款`, 0);
    await say({ type: 'command', command: 'new' }, 10);
    await say(`订单 ${CALENDAR}，收到的台历印错了月份，想补发`, 5);
    expect((await storage.store.load('u1')).state!.parked!.map((c) => c.id)).toEqual(['c1']);

    // The toothbrush letter's reply time (a day) passes; the calendar's is a quarter of an hour later.
    clock.advance(24 * 3600_000 - 10 * 60_000);
    const from = sent.length;
    expect(await assistant.fireDue()).toBe(1);
    await assistant.idle();
    const nudge = sent.slice(from).find((m) => m.kind === 'nudge')!;
    expect(nudge.text).toMatch(new RegExp(`^关于订单 ${BRUSH}（.*牙刷.*）（订单 ${CALENDAR}（.*台历.*）先放着，提醒照常）：`));
    let state = (await storage.store.load('u1')).state!;
    expect(state.active!.id).toBe('c1');
    expect(state.parked!.map((c) => c.id)).toEqual(['c2']);

    await say('卖家同意退货退款了', 5);
    state = (await storage.store.load('u1')).state!;
    expect(state.active!.timeline.map((e) => e.type)).toContain('seller_agreed');
    expect(state.parked![0]!.timeline.map((e) => e.type)).not.toContain('seller_agreed');
    // The calendar's own reminder is still set, and fires in turn.
    clock.advance(30 * 60_000);
    expect(await assistant.fireDue()).toBe(1);
    await assistant.idle();
    expect(sent.at(-1)!.text).toContain(`关于订单 ${CALENDAR}`);
  });
});
