/**
 * Check-ins that fall due together go out as one nudge, and the time a stalling answer gave stays
 * on the record even when its reading waited for the buyer's answer. Every sentence here is invented.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';

const nudges = (out: { kind: string }[]) => out.filter((m) => m.kind === 'nudge');

function platformThenPromise(promise: string): EngineHarness {
  const h = new EngineHarness('2026-11-24T10:00:00+08:00');
  h.send('京东订单 30291847561，买的电饭煲内胆涂层掉了，要退货退款');
  h.advance(1);
  h.send('申请平台介入');
  h.advance(1);
  h.send(promise);
  return h;
}

describe('a seller\'s new time after the platform letter was handed over', () => {
  it.each(['卖家说48小时内给答复', '商家说两天之内回复我'])('"%s", then a long silence: the new time replaces the reminder to submit, one nudge', (promise) => {
    const h = platformThenPromise(promise);
    expect(h.state.active!.reminders.map((r) => r.reason)).toEqual(['seller_promise']);
    const out = h.tickHours(100);
    expect(nudges(out)).toHaveLength(1);
    expect(h.state.active!.reminders.filter((r) => r.reason === 'seller_promise' || r.reason === 'platform_followup')).toEqual([]);
  });

  it('one nudge when the new time passes, none a day later', () => {
    const h = platformThenPromise('卖家说48小时内给答复');
    expect(nudges(h.tickHours(49))).toHaveLength(1);
    expect(nudges(h.tickHours(24))).toHaveLength(0);
  });
});

describe('a stalling answer whose reading waits for the buyer', () => {
  it.each([
    ['京东客服讲得先等师傅上门检测，检测后5个工作日给结论', '检测后5个工作日给结论'],
    ['京东客服说先安排人上门检测一下，检测完3个工作日给结果', '检测完3个工作日给结果'],
  ])('"%s": the time from the event is in the letter', (said, time) => {
    const h = new EngineHarness('2026-11-24T10:00:00+08:00');
    h.send('京东订单 30291847561，买的电饭煲内胆涂层掉了，要退货退款');
    h.advance(60);
    // The reading waits for the buyer: platform handling, or the seller stalling?
    expect(h.send(said).map((m) => m.key)).toContain('confirm.reply');
    h.advance(60);
    h.send('我补充一下，内胆是第一次用就掉的');
    const letter = drafts(h.send('申请平台介入'), 'platform')[0]!.text;
    expect(letter).toContain(time);
  });

  it('the buyer picks "stalling": the time from the event is recorded with it', () => {
    const h = new EngineHarness('2026-11-24T10:00:00+08:00');
    h.send('京东订单 30291847561，买的电饭煲内胆涂层掉了，要退货退款');
    h.advance(60);
    h.send('京东客服讲得先等师傅上门检测，检测后5个工作日给结论');
    h.choose('confirmReply', 'stalls');
    const letter = drafts(h.send('申请平台介入'), 'platform')[0]!.text;
    expect(letter).toContain('检测后5个工作日给结论');
  });
});
