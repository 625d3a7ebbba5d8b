/**
 * Trial 8 problem 2: rules questions a buyer asks in the middle of a followed case — return and
 * exchange windows, 三包, whether to complain, what the law pays for a fake, how to apply for the
 * refund, a buyer lost in the texts, and thanks — are answered from the case record and
 * DOMAIN.md, not with the canned "我在跟进订单…" line. Problem 10: the reply time asked in the
 * seller letter is no "next date" once the seller answered.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';

const keys = (out: { key?: string }[]) => out.map((m) => m.key);
const text = (out: { text?: string }[]) => out.map((m) => m.text ?? '').join('\n');

/** A JD kettle that broke after two weeks, exchange asked for, the seller letter handed over. */
function faulty(): EngineHarness {
  const h = new EngineHarness('2026-05-12T19:00:00+08:00');
  h.send('京东买的电热水壶，用了两个星期就烧不开水了，订单号 412345678901，想换个新的');
  h.advance(3);
  return h;
}

describe('rules questions mid-case are answered', () => {
  it('return and exchange windows for a fault: 第二十四条, not 7天无理由; 三包 as 通常; the wish stays', () => {
    const h = faulty();
    const out = h.send('已经超过七天了，是不是退不了了？半个月内还可以换吗');
    expect(keys(out)).not.toContain('followingCase');
    const said = text(out);
    expect(said).toContain('第二十四条');
    expect(said).toMatch(/不属于七天无理由/);
    expect(said).toMatch(/通常是 7 天内可退、15 天内可换/);
    expect(drafts(out)).toHaveLength(0);
    expect(h.state.active?.slots.wants).toBe('exchange');
  });

  it('三包 asked after a repair-only offer: the answer says the offer is partial, and no stale reply date', () => {
    const h = faulty();
    h.send('客服回复说过了七天只能寄去售后维修，换不了');
    h.send('对');
    h.advance(3);
    const out = h.send('三包到底管什么，能保修几年');
    const said = text(out);
    expect(said).toContain('三包');
    expect(said).toMatch(/一部分/);
    expect(said).not.toContain('卖家答复期限');
  });

  it('"can I complain": platform first, then 12315, with the words that get each letter', () => {
    const h = faulty();
    const out = h.send('这种能去投诉他们吗');
    expect(keys(out)).toContain('answer.ask_complaint');
    const said = text(out);
    expect(said.indexOf('平台介入')).toBeLessThan(said.indexOf('12315'));
    expect(said).toContain('回复“12315投诉”');
    expect(drafts(out)).toHaveLength(0);
  });

  it('a fake with a seller promise of 3x: 第五十五条 as DOMAIN.md words it, "如经核实" left to the claim', () => {
    const h = new EngineHarness('2026-05-12T19:00:00+08:00');
    h.send('快手直播买的运动鞋是假货，订单号 5566778899001122，要退款');
    h.advance(3);
    const out = h.send('直播间承诺的假一赔三作数吗？按法律能赔几倍');
    expect(keys(out)).toContain('answer.ask_statutory_multiple');
    const said = text(out);
    expect(said).toContain('第五十五条');
    expect(said).toMatch(/3 倍.*不足 500 元的按 500 元/);
    expect(said).toContain('核实');
    expect(drafts(out)).toHaveLength(0);
    expect(h.state.active?.slots.wants).toBe('refund');
  });

  it('"how do I get the refund" for spoilt goods: the flow, and postage on the business', () => {
    const h = new EngineHarness('2026-05-12T19:00:00+08:00');
    h.send('拼多多订单 260512-998877665544332，买的红枣收到全长虫了，想退款');
    h.advance(3);
    const out = h.send('我只要退钱，东西都坏成这样了要怎么退？');
    expect(keys(out)).toContain('answer.ask_how_refund');
    const said = text(out);
    expect(said).toContain('仅退款');
    expect(said).toContain('第二十四条');
    expect(keys(out)).not.toContain('followingCase');
  });

  it('a buyer lost in the texts gets one step: which box to copy and where to paste it', () => {
    const h = new EngineHarness('2026-05-12T19:00:00+08:00');
    h.send('淘宝买的助听器没声音，订单号 3344556677889900112，想退款');
    h.advance(3);
    const out = h.send('这么多字我眼睛花了 看不明白 到底发哪段');
    expect(keys(out)).toEqual(['caseQuestion.overwhelmed.seller']);
    expect(text(out)).toMatch(/只做一件事/);
    expect(text(out)).toContain('淘宝');
  });

  it('after the platform letter, the lost buyer is pointed to that one', () => {
    const h = faulty();
    h.send('申请平台介入');
    h.advance(3);
    const out = h.send('我看不懂这些，该给谁发');
    expect(keys(out)).toEqual(['caseQuestion.overwhelmed.platform']);
  });

  it('thanks mid-case: a short 不客气 with the date the case waits for', () => {
    const h = faulty();
    const out = h.send('谢谢您 辛苦了');
    expect(keys(out)).toEqual(['thanksShort', 'wait.until']);
    expect(text(out)).toMatch(/^不客气！/);
    expect(text(out)).toContain('卖家答复期限');
  });
});

describe('the next date once the seller answered (P10)', () => {
  it('"要等多久" after a partial offer does not give the reply time asked of the seller', () => {
    const h = faulty();
    h.send('客服说只能修不能换');
    h.advance(3);
    const out = h.send('还要等多久');
    expect(text(out)).not.toContain('卖家答复期限');
  });

  it('nor after a reply kept unread, when the buyer moved on', () => {
    const h = faulty();
    h.send('客服回复说过了七天只能寄去售后维修，换不了');
    h.advance(3);
    const out = h.send('多谢 好人');
    expect(keys(out)).toEqual(['thanks']);
  });
});

describe('a rules question beside the wish while it is asked', () => {
  it('"退钱 不想要了 能退吗" in words parted by spaces: the question answered and the wish taken', () => {
    const h = new EngineHarness('2026-05-12T19:00:00+08:00');
    h.send('淘宝买的电子秤称不准，订单号 3344556677889900113');
    h.advance(3);
    const out = h.send('我要退钱 这个秤我不想要了 可以退吗');
    expect(keys(out)).toContain('answer.ask_return_rules');
    expect(h.state.active?.slots.wants).toBe('refund');
    expect(drafts(out).length).toBeGreaterThan(0);
  });
});
