/**
 * Trial 11 F22: a compensation haggled over. A new least sum said while the seller's offer is open
 * is the buyer's demand (recorded, acknowledged, the letter rewritten, the offer turned down); the
 * sum the buyer agreed to is recorded and said back; money that then arrives is held against it:
 * as much or more → may the case close?; less → the shortfall letter.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';
import { caseFileContent } from '../../src/casefile/content.ts';

const keys = (out: { key?: string }[]) => out.map((m) => m.key);

function haggling(opening: string, offer: string): EngineHarness {
  const h = new EngineHarness('2026-09-14T20:00:00+08:00');
  h.send(opening);
  h.advance(60 * 14);
  h.send(offer);
  h.advance(3);
  return h;
}

describe('a compensation haggled over', () => {
  it.each([
    ['天猫订单 8845106273310045 洗衣机送来侧板凹进去一块 不想退货 要赔偿400', '客服说只能送一张50元的店铺券', '券我不要，要现金，至少200', 200],
    ['京东订单 61022233344 空调外机被摔出裂纹 想要赔偿 600', '商家说可以送300京豆', '不要京豆 给现金 起码250块', 250],
  ])('a new least sum while the offer is open: %s', (opening, offer, demand, sum) => {
    const h = haggling(opening, offer);
    const out = h.send(demand);
    expect(keys(out)).not.toContain('followingCase');
    expect(h.state.active!.compensationAmount).toBe(sum);
    expect(out.map((m) => m.text).join('\n')).toContain(`¥${sum}.00`);
    const letter = drafts(out, 'seller')[0]!.text;
    expect(letter).toContain(`${sum} 元`);
    const offered = h.state.active!.timeline.filter((x) => x.type === 'seller_counter_offer').at(-1)!;
    expect(offered.note).toMatch(/refused/);
  });

  it('the agreed sum is recorded, said back and shown in /status', () => {
    const h = haggling('拼多多订单 230917123456789012 电视边框磕掉一块漆 不想退 想要点补偿 300', '客服说最多补80');
    h.send('不要这么少 至少要150');
    h.advance(60 * 5);
    const out = h.send('客服后来说能赔150，原路退回，我答应了');
    expect(out[0]!.text).toContain('¥150.00');
    expect(h.command('status')[0]!.text).toMatch(/卖家同意：¥150\.00/);
    const file = caseFileContent(h.state.active!, { locale: 'zh-CN', timezone: 'Asia/Shanghai', now: h.now });
    const agreed = file.timeline.entries.find((x) => x.text.includes('同意'))!;
    expect(agreed.details).toContain('金额：150 元');
  });

  it.each(['到账150了', '150块已经收到了', '收到150元了'])('the agreed sum arrived (%s): may the case close?', (said) => {
    const h = haggling('拼多多订单 230917123456789012 电视边框磕掉一块漆 想要补偿 300', '客服说最多补80');
    h.send('客服后来说能赔150，我同意了');
    h.advance(60 * 24 * 3);
    const out = h.send(said);
    expect(keys(out)).toEqual(['settled.paidAsAgreed']);
    expect(out[0]!.options?.map((o) => o.value)).toEqual(['resolved']);
    expect(h.state.active!.slots.amountRefunded).toBe(150);
    expect(h.state.active!.reminders.map((r) => r.reason)).not.toContain('refund_arrival');
    h.choose('nextStep', 'resolved');
    expect(h.state.active).toBeNull();
  });

  it('less than agreed is the shortfall, not a resolution', () => {
    const h = haggling('拼多多订单 230917123456789012 电视边框磕掉一块漆 想要补偿 300', '客服说最多补80');
    h.send('客服后来说能赔150，我同意了');
    h.advance(60 * 24 * 3);
    const out = h.send('到账100了');
    expect(keys(out)).toContain('escalate.refundShort');
    expect(drafts(out, 'seller')[0]!.text).toMatch(/150/);
  });

  it('English: the sum agreed, then "got the 90"', () => {
    const h = new EngineHarness('2026-09-14T20:00:00+08:00');
    h.send('Taobao order 3344556677889900112, the lamp arrived with a cracked shade, I want compensation of 120 yuan');
    h.advance(60);
    h.send('the seller agreed to compensate me 90, I accepted');
    h.advance(60 * 24 * 2);
    const out = h.send('got the 90 today');
    expect(keys(out)).toEqual(['settled.paidAsAgreed']);
    expect(out[0]!.text).toMatch(/arrived/);
  });
});

describe('the problem line leaves out the wish, its reason and the price', () => {
  it.each([
    ['京东订单 61022233344 买的洗衣机 侧板凹进去一个坑 不想退 洗衣机太重了搬着折腾 要点赔偿 300吧 洗衣机2599', '购买的洗衣机，侧板凹进去一个坑'],
    ['天猫订单 8845106273310045 餐桌桌面有道划痕，不想退货，太麻烦，补偿一些就行', '餐桌桌面有道划痕'],
    ['淘宝订单 3344556677889900112 买的书柜 柜门装不上 不想换了 懒得拆 想要些补偿 80吧', '购买的书柜，柜门装不上'],
  ])('%s', (opening, line) => {
    const h = new EngineHarness('2026-09-14T20:00:00+08:00');
    const letter = drafts(h.send(opening), 'seller')[0]!.text;
    expect(letter).toContain(`问题：${line}。`);
  });

  it.each([
    ['京东订单 61022233344 买的洗衣机 侧板凹进去一个坑 想要赔偿 300 洗衣机2599', 2599],
    ['淘宝订单 3344556677889900112 买的牛仔裤 裤子32 腰围小了两厘米 想换货', null],
  ])('the item named again with a sum is its price, a size is not: %s', (opening, paid) => {
    const h = new EngineHarness('2026-09-14T20:00:00+08:00');
    h.send(opening);
    expect(h.state.active!.slots.amountPaid).toBe(paid);
  });
});
