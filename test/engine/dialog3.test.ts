/**
 * Fixes from the buyer trial, round 3: promises without "within", the seller's receipt of a
 * return, bare numbers and old menus, one menu at the 12315 step, and the problem line of letters.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';
import type { Outbound } from '../../src/domain/index.ts';

const keys = (out: Outbound[]) => out.map((m) => m.key);

/** An English buyer whose case is ready (Saturday 2026-12-05, 10:00 Shanghai). */
function englishCase(): EngineHarness {
  const h = new EngineHarness('2026-12-05T10:00:00+08:00');
  h.send('JD order 88812345678, the blender I got makes a burning smell and stops after a minute, I want a refund');
  expect(h.state.active!.phase).toBe('following');
  return h;
}

describe('an English promise without "within"', () => {
  it('"by Monday" is a promise to the end of that Monday, with its reminder', () => {
    const h = englishCase();
    h.advance(30);
    const out = h.send('The seller says they will sort it out by Monday');
    expect(keys(out)).toContain('promise.set');
    const r = h.state.active!.reminders.find((x) => x.reason === 'seller_promise')!;
    expect(new Date(r.deadline).toISOString()).toBe(new Date('2026-12-07T23:59:00+08:00').toISOString());
  });

  it('"in 2 days" said of the seller counts 48 hours', () => {
    const h = englishCase();
    h.advance(30);
    const out = h.send("they'll get back to me in 2 days");
    expect(keys(out)).toContain('promise.set');
    const r = h.state.active!.reminders.find((x) => x.reason === 'seller_promise')!;
    expect(new Date(r.deadline).toISOString()).toBe(new Date('2026-12-07T10:30:00+08:00').toISOString());
    expect(drafts(out)).toEqual([]);
  });
});

describe("the seller's receipt of the return", () => {
  /** A no-reason return agreed and sent back (signed for 12-03; Saturday 12-05). */
  function noReasonReturnSent(): EngineHarness {
    const h = new EngineHarness('2026-12-05T09:00:00+08:00');
    h.send('京东订单 77712345678，台灯12月3日签收，颜色和家里不搭，七天无理由，想退货退款');
    expect(h.state.active!.slots.problem).toBe('changed_mind');
    h.advance(10);
    h.send('卖家同意退货了');
    h.advance(60 * 24);
    h.send('台灯寄回去了，单号 SF5550001112223');
    return h;
  }

  it('a no-reason return: recorded on the day said, a reminder for 第二十五条 seven days later, and the next letter cites it', () => {
    const h = noReasonReturnSent();
    h.advance(60 * 24 * 2);
    const out = h.send('卖家那边说退货昨天就收到了');
    expect(keys(out)).toEqual(['return.refundDue']);
    const c = h.state.active!;
    expect(c.timeline.at(-1)).toMatchObject({ type: 'return_received', happenedAt: '2026-12-07' });
    // The buyer's own receipt date is untouched.
    expect(c.slots.receivedOn).toBe('2026-12-03');
    const due = c.reminders.find((r) => r.reason === 'refund_due')!;
    expect(new Date(due.deadline).toISOString()).toBe(new Date('2026-12-14T23:59:59+08:00').toISOString());
    // No window or reply-deadline nudge once the goods are back with the seller.
    expect(c.reminders.map((r) => r.reason)).toEqual(['refund_due']);
    const nudged = h.tickHours(24 * 7);
    expect(keys(nudged)).toEqual(['nudge.refund_due']);
    const next = h.send('2');
    const letter = drafts(next, 'platform')[0]!.text;
    // The seller's word, with the day it gave (trial 16 F20), not a signing the buyer saw.
    expect(letter).toContain('卖家称已于2026年12月7日收到我寄回的商品。');
    expect(letter).toContain('第二十五条');
    expect(letter).toContain('不晚于2026年12月14日');
  });

  it('a receipt already more than seven days old hands over the platform step at once', () => {
    const h = noReasonReturnSent();
    h.advance(60 * 24 * 12);
    const out = h.send('商家12月6号就签收了退货，到现在钱还没退');
    expect(out[0]!.key).toBe('return.refundOverdue');
    expect(drafts(out, 'platform')[0]!.text).toContain('不晚于2026年12月13日');
  });

  it('a return for a fault: the receipt is recorded and stated, with no 七日 rule DOMAIN.md does not give for it', () => {
    const h = englishCase();
    h.send('the seller agreed to a return');
    h.advance(60 * 24 * 3);
    const out = h.send('my return was delivered to the seller today');
    expect(keys(out)).toEqual(['return.received']);
    expect(h.state.active!.reminders.some((r) => r.reason === 'refund_due')).toBe(false);
    const letter = drafts(h.send('申请平台介入'), 'platform')[0]!.text;
    expect(letter).toContain('卖家签收了我寄回的商品');
    expect(letter).not.toContain('第二十五条');
  });

  it('a receipt not yet made, or promised for later, records nothing', () => {
    const h = noReasonReturnSent();
    for (const text of ['卖家说还没收到退货', '客服说收到退货后再退款']) {
      h.advance(5);
      h.send(text);
      expect(h.state.active!.timeline.some((e) => e.type === 'return_received'), text).toBe(false);
    }
  });
});

describe('a bare number answers only the latest menu, while it is current', () => {
  /** A seller's counter-offer on the record, with its menu (accept it / ask the platform). */
  function offered(): EngineHarness {
    const h = new EngineHarness('2026-12-05T10:00:00+08:00');
    h.send('拼多多订单 241205-118877665544332，买的电热毯只有一半会热，想退货退款');
    h.advance(20);
    const out = h.send('卖家说最多只能补偿我8块钱');
    if (out.some((m) => m.key === 'confirm.reply')) h.choose('confirmReply', 'counter_offer');
    expect(h.state.menus!.at(-1)!.options.map((o) => o.value)).toEqual(['acceptOffer', 'platform']);
    return h;
  }

  it('right after the menu (or after only a photo) the number answers it', () => {
    const h = offered();
    h.send({ type: 'media', kind: 'photo', caption: '不热的那一半' });
    expect(drafts(h.send('2'), 'platform')).toHaveLength(1);
  });

  it('after the buyer asked something else, the number is not guessed at: the menu is shown again, then answered', () => {
    const h = offered();
    h.advance(60 * 5);
    h.send('运费险是怎么用的');
    const stale = h.send('2');
    expect(keys(stale)).toEqual(['menu.stale']);
    expect(stale[0]!.options!.map((o) => o.value)).toEqual(['acceptOffer', 'platform']);
    expect((h.state.active as { rung?: string }).rung).toBe('seller');
    expect(drafts(h.send('2'), 'platform')).toHaveLength(1);
  });

  it('a label still reaches the open menu that offers it', () => {
    const h = offered();
    h.send('运费险是怎么用的');
    expect(drafts(h.send('申请平台介入'), 'platform')).toHaveLength(1);
  });

  it('once the case moved on, an old number answers nothing', () => {
    const h = offered();
    h.send('卖家后来又说不给退了');
    const out = h.send('1');
    expect(out.some((m) => m.key === 'seller.agreesReturn' || m.key === 'seller.agreesRefund')).toBe(false);
    expect(h.state.active!.timeline.filter((e) => e.type === 'seller_agreed')).toHaveLength(0);
  });
});
