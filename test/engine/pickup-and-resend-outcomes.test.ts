/**
 * Trial 11 F21 and F24: what came of a dated courier pickup or of goods the seller sent again.
 * A pickup day is the seller's promise, asked about when it has passed; nobody came is a missed
 * pickup on the record with a short note asking the seller to rebook (no climb, no firmer letter);
 * the seller's new day is a new promise, not stalling; collected, the follow-up is the refund. A
 * waybill given in answer to "was it sent?" is recorded, and goods sent again that came wrong are
 * in the next letter with it, never "the seller's time passed or they refused".
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness } from '../helpers/engine-harness.ts';
import type { Outbound } from '../../src/domain/index.ts';

const keys = (out: Outbound[]) => out.map((m) => m.key);
const draft = (out: Outbound[], to: string) => out.find((m) => m.kind === 'draft' && m.to === to)?.text ?? '';
const reasons = (h: EngineHarness) => h.state.active!.reminders.map((r) => r.reason);
const localDay = (iso: string) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', dateStyle: 'short' }).format(new Date(iso));
const texts = (out: Outbound[]) => out.map((m) => m.text).join('\n');

function opened(first: string, start = '2027-03-08T10:00:00+08:00'): EngineHarness {
  const h = new EngineHarness(start);
  h.send(first);
  expect(h.state.active!.phase).toBe('following');
  return h;
}

/** A return agreed with a courier coming on a named day (Mar 11, a Thursday), told on the afternoon of Mar 8. */
function pickupBooked(agreed: string): EngineHarness {
  const h = opened('淘宝订单 4101928374650011223，买的电烤箱温控失灵，要退货退款 689');
  h.advance(5 * 60);
  const out = h.send(agreed);
  expect(keys(out)).toEqual(['seller.agreesPickup']);
  const promise = h.state.active!.timeline.filter((e) => e.type === 'seller_promise').at(-1)!;
  expect(promise.note).toBe('pickup');
  expect(localDay(promise.deadline!)).toBe('2027-03-11');
  return h;
}

describe('a pickup on a named day', () => {
  for (const agreed of ['卖家同意退了，说3月11号派快递员上门取件', '商家答应退货，安排在3月11日上门取件', '客服同意了，约了周四快递上门取件']) {
    it(`"${agreed}": the day is the seller's promise, and its passing asks whether the courier came`, () => {
      const h = pickupBooked(agreed);
      expect(reasons(h)).toEqual(['seller_promise']);
      const nudge = h.tickHours(4 * 24);
      expect(keys(nudge)).toEqual(['nudge.pickup_promise']);
      expect(nudge.some((m) => m.kind === 'draft')).toBe(false);
    });
  }
});

describe('nobody came to collect', () => {
  for (const words of ['师傅没来', '等了一整天也没人上门', '快递员没来取，东西还在家']) {
    it(`"${words}" after the reminder: the missed pickup is recorded and the seller is asked to rebook`, () => {
      const h = pickupBooked('卖家同意退了，说3月11号派快递员上门取件');
      h.tickHours(4 * 24);
      const out = h.send(words);
      expect(keys(out)).toEqual(['return.pickupMissed', 'draft.pickupMissed', 'return.pickupMissedNext']);
      const note = draft(out, 'seller');
      expect(note).toContain('4101928374650011223');
      expect(note).toContain('2027年3月11日上门取件');
      expect(note).toContain('没有人来取件');
      expect(note).toContain('重新安排');
      // The seller had agreed: no climb, and no claim that nothing was done.
      expect((h.state.active as { rung?: string }).rung).toBe('seller');
      expect(texts(out)).not.toContain('没有得到处理');
      expect(out.find((m) => m.key === 'return.pickupMissedNext')!.options!.map((o) => o.value)).toEqual(['platform']);
    });
  }

  it('said before the reminder, on the day itself: the same, and the reminder is dropped', () => {
    const h = pickupBooked('商家答应退货，安排在3月11日上门取件');
    h.advance(3 * 24 * 60 - 3 * 60); // the evening of Mar 11
    const out = h.send('快递小哥一直没来取');
    expect(keys(out)).toEqual(['return.pickupMissed', 'draft.pickupMissed', 'return.pickupMissedNext']);
    expect(reasons(h)).not.toContain('seller_promise');
  });

  it('in English: the note is Chinese, with its gloss', () => {
    const h = new EngineHarness('2027-03-08T10:00:00+08:00');
    h.send('Taobao order 4101928374650011999, the kettle leaks, I want to return it for a refund');
    h.command('lang', 'en');
    h.advance(60);
    h.send('卖家同意退了，说3月11号派快递员上门取件');
    h.tickHours(4 * 24);
    const out = h.send('the courier never came');
    const note = out.find((m) => m.kind === 'draft')!;
    expect(note.text).toContain('没有人来取件');
    expect(note.text).toContain('nobody came to collect');
  });
});

describe('the seller books the pickup again', () => {
  for (const rebooked of ['卖家说重新约到3月15日', '商家说改到3月15号上门取件', '客服说再约到下周一']) {
    it(`"${rebooked}" is the seller's new promise with its day, not stalling`, () => {
      const h = pickupBooked('卖家同意退了，说3月11号派快递员上门取件');
      h.tickHours(4 * 24);
      h.send('没人来取');
      h.advance(60);
      const out = h.send(rebooked);
      expect(keys(out)).toEqual(['seller.pickupRebooked']);
      expect(out.some((m) => m.kind === 'draft')).toBe(false);
      const c = h.state.active!;
      expect(c.timeline.some((e) => e.type === 'seller_stalled')).toBe(false);
      const promise = c.timeline.filter((e) => e.type === 'seller_promise').at(-1)!;
      expect(promise.note).toBe('pickup');
      expect(localDay(promise.deadline!)).toBe('2027-03-15');
      expect(reasons(h)).toEqual(['seller_promise']);
      // Asked about again after the new day, not before it.
      expect(h.tickHours(2 * 24)).toEqual([]);
      expect(keys(h.tickHours(2 * 24))).toEqual(['nudge.pickup_promise']);
    });
  }

  for (const both of ['快递员没来，商家说改到3月15号上门取件', '没人来取，客服说重新约到3月15日']) {
    it(`"${both}": the missed pickup and the new day at once, with no note asking for a day already given`, () => {
      const h = pickupBooked('卖家同意退了，说3月11号派快递员上门取件');
      h.tickHours(4 * 24);
      const out = h.send(both);
      expect(keys(out)).toEqual(['seller.pickupRebooked']);
      const c = h.state.active!;
      expect(c.timeline.some((e) => e.type === 'nudged' && e.note === 'seller_promise broken')).toBe(true);
      expect(localDay(c.timeline.filter((e) => e.type === 'seller_promise').at(-1)!.deadline!)).toBe('2027-03-15');
    });
  }

  it('the seller arranging the pickup again is not the courier having come', () => {
    const h = pickupBooked('卖家同意退了，说3月11号派快递员上门取件');
    h.send('没人来取');
    const out = h.send('卖家说已经重新安排取件了，明天上门');
    expect(keys(out)).toEqual(['seller.pickupRebooked']);
    expect(reasons(h)).toEqual(['seller_promise']);
  });

  it('the platform letter then states the missed pickup and the new day, and asks for nothing before it', () => {
    const h = pickupBooked('卖家同意退了，说3月11号派快递员上门取件');
    h.tickHours(4 * 24);
    h.send('师傅没来');
    h.send('卖家说重新约到3月15日');
    const letter = draft(h.send('申请平台介入'), 'platform');
    expect(letter).toContain('2027年3月11日 23:59前上门取件');
    expect(letter).toContain('约好的上门取件时间已过，没有人来取件');
    expect(letter).toContain('2027年3月15日 23:59前上门取件');
    expect(letter).not.toContain('没有得到处理');
  });
});

describe('the courier collected the return', () => {
  for (const words of ['今天上门取走了，运单号 JT5566778899001', '取件了 单号YT9081726354001', '快递员来取了，JT5566778899001']) {
    it(`"${words}": the waybill is the return's, and the next question is the refund`, () => {
      const h = pickupBooked('卖家同意退了，说3月11号派快递员上门取件');
      h.tickHours(4 * 24);
      const out = h.send(words);
      expect(keys(out)).toEqual(['return.pickedUp']);
      const c = h.state.active!;
      expect(c.slots.returnTrackingNo).toMatch(/^(?:JT|YT)\d+/);
      expect(reasons(h)).toEqual(['refund_arrival']);
      const later = h.tickHours(14 * 24);
      expect(keys(later)).toEqual(['nudge.refund_arrival']);
      expect(texts(later)).not.toContain('发出去了吗');
    });
  }

  it('collected with no waybill, before the reminder: the refund is followed all the same', () => {
    const h = pickupBooked('商家答应退货，安排在3月11日上门取件');
    h.advance(3 * 24 * 60 - 5 * 60);
    const out = h.send('已经收走了');
    expect(keys(out)).toEqual(['return.pickedUp']);
    expect(reasons(h)).toEqual(['refund_arrival']);
  });

  it('the button "kept" after the reminder: the same', () => {
    const h = pickupBooked('客服同意了，约了周四快递上门取件');
    h.tickHours(4 * 24);
    expect(keys(h.choose('nextStep', 'promiseKept'))).toEqual(['return.pickedUp']);
    expect(reasons(h)).toEqual(['refund_arrival']);
  });
});

describe('goods the seller sent again', () => {
  /** A reship promised by Mar 9, its reminder answered with a waybill. */
  function resent(answer: string): EngineHarness {
    const h = opened('京东订单 298110045566，买的玻璃保鲜盒到手碎了两个，想补发');
    h.advance(60);
    expect(keys(h.send('客服说明天给我补发'))).toEqual(['seller.agreesShip']);
    expect(keys(h.tickHours(2 * 24))).toEqual(['nudge.ship_promise']);
    const out = h.send(answer);
    expect(keys(out)).toEqual(['promiseCheck.waybill', 'promiseCheck.kept']);
    return h;
  }

  for (const answer of ['寄出来了 快递单号 ZTO77889900112', '发了，单号JD0099887766554', '已经发出 运单号 SF1357924680135']) {
    it(`"${answer}": the waybill is on the record`, () => {
      const h = resent(answer);
      const number = /[A-Z]{2,3}\d{11,13}/.exec(answer)![0];
      expect(h.state.active!.timeline.some((e) => e.type === 'nudged' && e.note.includes(`waybill:${number}`))).toBe(true);
    });
  }

  it('came wrong again: no "time passed or refused", and the next letter says what came, with its waybill', () => {
    const h = resent('发了，单号JD0099887766554');
    h.advance(2 * 24 * 60);
    const out = h.send('补发的到了，还是碎的');
    expect(keys(out)).toEqual(['remedy.stillWrong', 'next.remedyWrong']);
    expect(texts(out)).not.toContain('卖家拒绝');
    h.advance(5);
    const letter = draft(h.send('不要补发了，改成退款'), 'seller');
    expect(letter).toContain('卖家寄来的补发商品（运单号 JD0099887766554）已到货，仍有问题：还是碎的。');
    expect(letter).not.toContain('期限已过');
    const platform = draft(h.send('申请平台介入'), 'platform');
    expect(platform).toContain('卖家寄出了补发商品（运单号 JD0099887766554）');
    expect(platform).toContain('补发商品（运单号 JD0099887766554）已到货，仍有问题：还是碎的。');
    expect(platform).not.toContain('卖家没有做到');
  });

  it('an exchange whose new item came wrong, its waybill never given: the letter says so without one', () => {
    const h = opened('拼多多订单 260308-771122334455667，买的运动鞋两只不一样大，要换货');
    h.advance(60);
    expect(keys(h.send('商家同意换，说3天内给我寄新的'))).toEqual(['seller.agreesSendNew']);
    h.advance(2 * 24 * 60);
    const out = h.send('换的新鞋到了，鞋面还是有划痕');
    expect(keys(out)).toContain('next.remedyWrong');
    expect(reasons(h)).not.toContain('seller_promise');
    const letter = draft(h.send('算了，还是退货退款吧'), 'seller');
    expect(letter).toContain('卖家寄来的换货商品已到货，仍有问题：鞋面还是有划痕。');
    expect(letter).not.toContain('运单号');
    expect(letter).not.toContain('您已答应');
  });
});
