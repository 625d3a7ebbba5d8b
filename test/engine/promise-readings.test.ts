/**
 * Trial 5: a seller promise with a deadline read from a message is acted on as that promise —
 * no second menu to confirm a middling reading of the same words; the seller's own
 * deadline, not one the bot invents, is what the case waits for.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness } from '../helpers/engine-harness.ts';
import type { Outbound } from '../../src/domain/index.ts';

const ORDER = '7730125948816620';
const keys = (out: Outbound[]) => out.map((m) => m.key);

describe('a promise with a deadline', () => {
  it('is recorded without a menu asking whether the seller agreed', () => {
    const h = new EngineHarness('2027-03-02T09:00:00+08:00');
    h.send(`京东订单 ${ORDER}，洗衣机送来时外壳凹了一块，我要换一台`);
    expect(h.state.active!.phase).toBe('following');
    const out = h.send('客服回复已经备案，3天内安排换新机');
    expect(keys(out)).not.toContain('confirm.reply');
    expect(out.filter((m) => m.options?.length)).toEqual([]);
    expect(h.state.active!.reminders.map((r) => r.reason)).toContain('seller_promise');
  });
});

describe('the seller\'s deadline on the day and at the time named', () => {
  it('a weekday with a clock time said on a Friday afternoon is the coming Monday at that time', () => {
    const h = new EngineHarness('2027-03-05T15:30:00+08:00'); // Friday
    h.send(`当当订单 ${ORDER}，买的一套四本的绘本只到了三本，请补发缺的那本`);
    expect(h.state.active!.phase).toBe('following');
    h.send('客服回我：“星期一下午4点前给您把缺的寄出”');
    const r = h.state.active!.reminders.find((x) => x.reason === 'seller_promise');
    expect(r?.deadline).toBe('2027-03-08T08:00:00.000Z'); // Monday 16:00 in Shanghai
    // Friday evening: nothing has passed yet.
    expect(keys(h.tickHours(5))).toEqual([]);
  });

  it('"明天上午" is due at noon of that day, so the reminder comes in the afternoon', () => {
    const h = new EngineHarness('2027-03-05T10:00:00+08:00');
    h.send(`京东订单 ${ORDER}，热水器送到了一直没人来装，要求上门安装`);
    h.send('客服讲明天上午派师傅过来上门');
    const r = h.state.active!.reminders.find((x) => x.reason === 'seller_promise');
    expect(r?.deadline).toBe('2027-03-06T04:00:00.000Z'); // Saturday 12:00 in Shanghai
  });
});

describe('the listing\'s own shipping promise, already broken', () => {
  it('is no new seller deadline', () => {
    const h = new EngineHarness('2027-03-05T10:00:00+08:00');
    h.send(`拼多多订单 ${ORDER}，拍了四天了还没发货，店铺写着承诺24小时发货的，我要退款`);
    const a = h.state.active!;
    expect(a.reminders.map((r) => r.reason)).not.toContain('seller_promise');
    expect(a.timeline.map((e) => e.type)).not.toContain('seller_promise');
  });
});

describe('a first letter written after the seller already promised', () => {
  it('asks the seller to keep the promised time, not to reply by a deadline of the bot\'s own', () => {
    const h = new EngineHarness('2027-03-05T10:00:00+08:00');
    h.send(`京东订单 ${ORDER}，烤箱的门磕掉了一个角`);
    const out = h.send('客服讲明天上午派人上门给我换新的，我要换货');
    const letter = out.find((m) => m.key === 'draft.seller');
    expect(letter).toBeDefined();
    expect(letter!.text).toContain('您已答应在2027年3月6日 12:00前处理');
    expect(letter!.text).not.toContain('回复处理方案');
    const reasons = h.state.active!.reminders.map((r) => r.reason);
    expect(reasons).toEqual(['seller_promise']);
  });

  it('in English, the translation says the same', () => {
    const h = new EngineHarness('2027-03-05T10:00:00+08:00');
    h.send(`JD order ${ORDER}: the oven door arrived with a broken corner.`);
    const out = h.send('The seller said they will look into it and reply by Saturday noon. I want an exchange.');
    const letter = out.find((m) => m.key === 'draft.seller');
    expect(letter?.text).toContain('您已答应在2027年3月6日 12:00前处理');
    expect(letter?.text).toContain('You agreed to handle this by Mar 6, 2027, 12:00.');
  });
});
