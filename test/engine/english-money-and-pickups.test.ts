/**
 * A buyer who writes in English: the price said with its currency ("329 yuan" after the order number,
 * "paid 459", "RMB 215"), a refund that came short with the sum owed, and the courier pickup of a return
 * (booked, missed, collected with the return's waybill) are read as in Chinese.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';
import type { Outbound } from '../../src/domain/index.ts';

const keys = (out: Outbound[]) => out.map((m) => m.key);

describe('the price an English-writing buyer states', () => {
  it.each([
    ['Ordered a rice cooker on JD, order 512093847562, 329 yuan. The lid hinge snapped on day one. I want a refund.', 329],
    ['Bought a kettle on Taobao (order 4410293847561). I paid 215 for it and it leaks from the base. Refund please.', 215],
    ['Pinduoduo order 260911-556677889900, a phone stand, it cost ¥58. It came bent. I want a refund.', 58],
    ['JD order 733019284756. RMB 1299, the monitor has a dead stripe. I want an exchange.', 1299],
  ])('%s → amount paid %d', (text, paid) => {
    const h = new EngineHarness('2026-11-25T09:00:00+08:00');
    h.send(text);
    expect(h.state.active!.slots.amountPaid).toBe(paid);
  });

  it('is not a sum offered or asked as compensation', () => {
    const h = new EngineHarness('2026-11-25T09:00:00+08:00');
    h.send('Taobao order 4410293847561, the blender jar cracked. I want 60 yuan compensation.');
    expect(h.state.active!.slots.amountPaid ?? null).toBeNull();
  });
});

describe('a refund that came short, told in English', () => {
  it.each([
    'Refund arrived: 280 yuan only, not the full 329.',
    'The refund came through, just 280 yuan. It should have been 329.',
    'Got the refund but only 280 yuan came, 49 short.',
  ])('"%s" records 280 of 329 and gives the shortfall letter', (text) => {
    const h = new EngineHarness('2026-11-25T09:00:00+08:00');
    h.send('Ordered a rice cooker on JD, order 512093847562, 329 yuan. The lid hinge snapped on day one. I want a refund.');
    h.advance(60 * 24 * 5);
    const out = h.send(text);
    expect(keys(out)).toContain('escalate.refundShortPaid');
    expect(keys(out)).not.toContain('followingCase');
    const letter = drafts(out, 'seller').find((d) => d.key === 'draft.refund_shortfall')!.text;
    expect(letter).toContain('这笔订单我实付 329 元，目前收到的退款是 280 元，少了 49 元。');
    expect(letter).toContain('English translation');
    expect(h.state.active!.slots.amountRefunded).toBe(280);
  });

  it('is the same in Chinese when only the whole not refunded is said ("没退全")', () => {
    const h = new EngineHarness('2026-11-25T09:00:00+08:00');
    h.send('京东买的电饭煲，订单号 512093847562，实付329元，盖子铰链断了，我要退款');
    h.advance(60 * 24 * 5);
    const out = h.send('退款到了，只退了280，没退全329');
    expect(keys(out)).toContain('escalate.refundShortPaid');
  });
});

describe('a courier pickup told beside the seller\'s refund time', () => {
  const start = (h: EngineHarness, pickup: string) => {
    h.send('Ordered a rice cooker on JD, order 512093847562, 329 yuan. It arrived on Nov 23 with the inner pot dented. I want a refund.');
    h.advance(60 * 5);
    return h.send(`The seller said they will refund within 3 working days after they get the item back. ${pickup}`);
  };

  it.each(['Courier pickup is tomorrow.', 'The courier will pick it up tomorrow.', 'Pick-up is booked for tomorrow.'])(
    '"%s" is the pickup\'s promise; nobody coming is a missed pickup with the note to rebook',
    (pickup) => {
      const h = new EngineHarness('2026-11-25T09:00:00+08:00');
      const first = start(h, pickup);
      expect(first.map((m) => m.text).join('\n')).toContain('courier would collect it by Nov 26, 2026');
      h.advance(60 * 28);
      const out = h.send('The courier never showed up.');
      expect(keys(out)).toContain('return.pickupMissed');
      expect(drafts(out, 'seller')[0]!.text).toContain('请重新安排上门取件');
    },
  );

  it.each([
    ['The courier collected it this morning, tracking SF1432098765', 'SF1432098765'],
    ['Courier picked it up today, tracking number JDX0088776655443', 'JDX0088776655443'],
  ])('"%s" is the return\'s waybill, no seller letter re-issued, and the next check asks about the refund', (text, waybill) => {
    const h = new EngineHarness('2026-11-25T09:00:00+08:00');
    start(h, 'Courier pickup is tomorrow.');
    h.advance(60 * 24);
    const out = h.send(text);
    expect(keys(out)).toEqual(['return.pickedUp']);
    expect(h.state.active!.slots.returnTrackingNo).toBe(waybill);
    expect(h.state.active!.slots.trackingNo ?? null).toBeNull();
    const reasons = h.state.active!.reminders.map((r) => r.reason);
    expect(reasons).toContain('refund_arrival');
    expect(reasons).not.toContain('event_checkin');
    expect(reasons).not.toContain('reply_deadline');
  });

  it('a collection the buyer reports with no pickup on record is still the return', () => {
    const h = new EngineHarness('2026-11-25T09:00:00+08:00');
    h.send('Bought a desk lamp on Taobao, order 4410293847561, paid 188 yuan. It arrived with the base cracked. I want to return it for a refund.');
    h.advance(60 * 24 * 2);
    const out = h.send('The courier collected it today, tracking SF1432098765');
    expect(keys(out)).toEqual(['return.pickedUp']);
    expect(h.state.active!.slots.returnTrackingNo).toBe('SF1432098765');
  });
});
