/**
 * A pickup or a visit moved to a new day ("改到周四下午", "师傅改约到…") is the new promise of whoever comes, with its
 * reminder, even when the buyer names no one (they heard it on the phone). A time the shop counts from the return's
 * arrival gets a check-in of the bot's own, whoever of the shop said it; a price with a decimal point stays whole in
 * the words kept.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';
import type { Outbound } from '../../src/domain/index.ts';

const keys = (out: Outbound[]) => out.map((m) => m.key);
const texts = (out: Outbound[]) => out.map((m) => m.text).join('\n');
const localDay = (iso: string) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', dateStyle: 'short' }).format(new Date(iso));
const reasons = (h: EngineHarness) => h.state.active!.reminders.map((r) => r.reason);

/** A return with a courier coming on Thursday 10 Dec 2026, agreed on Monday 7 Dec. */
function pickupBooked(): EngineHarness {
  const h = new EngineHarness('2026-12-07T09:00:00+08:00');
  h.send('京东订单 4150029381746，买的空气炸锅加热管不亮，要退货退款 459');
  h.advance(3 * 60);
  expect(keys(h.send('客服同意退货了，说12月10号上门取件'))).toEqual(['seller.agreesPickup']);
  return h;
}

describe('a pickup moved to a new day, no one named', () => {
  it.each([
    ['没人来取，打过去问了说改到12号下午', '2026-12-12', '12月12日'],
    ['取件的没来 电话里说改到周六上午', '2026-12-12', '12月12日'],
    ['没有人上门，又改约到13号', '2026-12-13', '12月13日'],
  ])('"%s": the missed pickup and the new day, said back as the new promise with its reminder', (said, day, told) => {
    const h = pickupBooked();
    h.tickHours(4 * 24);
    const out = h.send(said);
    expect(keys(out)).toEqual(['seller.pickupRebooked']);
    expect(texts(out)).toContain(told);
    const c = h.state.active!;
    expect(localDay(c.timeline.filter((e) => e.type === 'seller_promise').at(-1)!.deadline!)).toBe(day);
    expect(reasons(h)).toContain('seller_promise');
    // No note asking the seller for a day already given.
    expect(drafts(out)).toEqual([]);
  });

  it('the buyer\'s own wish to move it ("我想改到周六") is no promise', () => {
    const h = pickupBooked();
    h.advance(60);
    const out = h.send('我想改到周六');
    expect(keys(out)).not.toContain('seller.pickupRebooked');
  });
});

describe('an installer\'s visit moved', () => {
  it('"安装师傅改约到周五上午": the visit\'s new day is recorded and asked about after it', () => {
    const h = new EngineHarness('2026-12-07T10:00:00+08:00');
    h.send('天猫买的嵌入式洗碗机 4299元 订单号 7719304456128 包安装，说好今天装的，没人来，要尽快安装');
    h.advance(120);
    const out = h.send('安装师傅改约到周五上午');
    const promise = h.state.active!.timeline.filter((e) => e.type === 'seller_promise').at(-1)!;
    expect(localDay(promise.deadline!)).toBe('2026-12-11');
    expect(texts(out)).toContain('12月11日');
    expect(reasons(h)).toContain('seller_promise');
    const nudge = h.tickHours(4 * 24).find((m) => m.kind === 'nudge');
    expect(nudge?.text).not.toContain('取件');
  });
});

describe('a time counted from the return\'s arrival', () => {
  it('the live room\'s assistant ("主播助理") speaks for the shop: its words kept, a check-in of our own', () => {
    const h = new EngineHarness('2026-12-01T20:00:00+08:00');
    h.send('抖音直播间买的加绒卫衣 259 洗一次就起球严重 订单号 6620018835512097431 要退货退款');
    h.advance(12 * 60);
    const out = h.send('主播助理回复：可以退，寄回来后我们收到货2天内给您退款');
    expect(texts(out)).toContain('收到货2天内给您退款');
    expect(texts(out)).not.toMatch(/期限是/);
    expect(reasons(h)).toContain('event_checkin');
    expect(reasons(h)).not.toContain('seller_promise');
  });

  it('a sum with a decimal point stays whole in the seller\'s words', () => {
    const h = new EngineHarness('2026-12-01T09:00:00+08:00');
    h.send('拼多多买的维生素片 38.5 收到已经过期了 订单号 251104477632998 要退款');
    h.advance(5 * 60);
    const out = texts(h.send('商家说同意退38.5 你先寄回来 收到后2个工作日退'));
    // The quote is the time's own clause (spaces part a voice message's clauses), never cut at the decimal point.
    expect(out).toContain('2个工作日退');
    expect(out).not.toMatch(/“5 |“\.5/);
  });

  it('"上门取件 已经取走了" on a refund with the goods going back: collected, the refund is followed', () => {
    const h = new EngineHarness('2026-12-01T09:00:00+08:00');
    h.send('京东买的益生菌 129 收到发现是临期的 订单号 302218845570 要退款');
    h.advance(60);
    h.send('客服说同意退款129 让我寄回去 收到后3个工作日退');
    h.advance(120);
    const out = h.send('京东上门取件 已经取走了');
    expect(keys(out)).toContain('return.pickedUp');
    expect(reasons(h)).toContain('refund_arrival');
  });
});
