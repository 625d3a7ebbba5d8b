/**
 * Trial 11 F16: when the seller agreed to pay and a reminder about that money falls due (the
 * refund check, or the seller's own time for the money), the bot asks whether it arrived; a letter
 * saying it did not comes only after the buyer says so. The return the seller said it received is
 * on the record and in that letter.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';

const keys = (out: { key?: string }[]) => out.map((m) => m.key);

describe('a reminder about agreed money asks before any letter', () => {
  it.each([
    ['拼多多订单 230915667788990011 电动牙刷充不进电 想退款 159', '商家同意退款了，说预计5个工作日内到账'],
    ['抖音订单 5520117788334455667 蓝牙音箱没声音 要退款 89', '卖家答应退款，三个工作日内退回原账户'],
  ])('%s / %s', (opening, agreed) => {
    const h = new EngineHarness('2026-10-12T09:00:00+08:00');
    h.send(opening);
    h.advance(60);
    h.send(agreed);
    const due = h.tickHours(24 * 12);
    expect(keys(due).filter((k) => k === 'nudge.refund_arrival')).toHaveLength(1);
    expect(drafts(due)).toHaveLength(0);
    expect(due.map((m) => m.text).join('\n')).not.toMatch(/没有解决|期限已过/);
    h.advance(30);
    const no = h.send('还没到账');
    expect(drafts(no, 'platform')).toHaveLength(1);
    expect(drafts(no, 'platform')[0]!.text).toMatch(/仍未到账/);
  });

  it('the seller said it received the goods sent back: the letter says so', () => {
    const h = new EngineHarness('2026-10-12T09:00:00+08:00');
    h.send('京东订单 88123400991 榨汁机转两下就停 要退款 239');
    h.advance(60);
    h.send('商家答应退货退款，已经寄回，圆通 YT7712300456678');
    h.advance(60 * 48);
    const got = h.send('店家说东西收到了 钱大概三个工作日退');
    expect(keys(got)).toContain('return.received');
    h.tickHours(24 * 10);
    h.advance(10);
    const letter = drafts(h.send('钱还没到'), 'platform')[0]!.text;
    // "店家说东西收到了" is the seller's word (trial 16 F20), not a signing on a day.
    expect(letter).toMatch(/卖家称已收到我寄回的商品/);
    expect(letter).toMatch(/仍未到账/);
  });
});
