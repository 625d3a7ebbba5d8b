/**
 * Trial 12 F9: a price drop after the purchase (价保). The checklist asks for the lower price with
 * its date, the order's paid price and the platform's 价保 terms (nothing is broken: no close-ups);
 * the platform's own 申请价保 entry is the first step, before the letter; the day the buyer signed
 * for the goods, told later, goes into the letter. And generally: a fact the letter does not use is
 * never answered with "改好了" over the same text.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';
import type { Outbound } from '../../src/domain/index.ts';

const checklist = (out: Outbound[]) => out.find((m) => m.kind === 'checklist')?.text ?? '';

describe('the price-drop checklist and first step', () => {
  it.each([
    '天猫买的空气净化器 订单号 3344556677889900112 上周1599买的 今天降到1399了 想申请价保退差价',
    '京东 订单号 220099887766 买的电视 现在降价了300 我要保价',
  ])('zh: %s', (text) => {
    const out = new EngineHarness().send(text);
    const list = checklist(out);
    expect(list).toContain('降价后的价格截图');
    expect(list).toContain('价保说明截图');
    expect(list).not.toContain('近景和特写');
    // The platform's own entry comes before any letter.
    const first = out.findIndex((m) => m.text.includes('申请价保'));
    const letter = out.findIndex((m) => m.kind === 'draft');
    expect(first).toBeGreaterThanOrEqual(0);
    expect(letter === -1 || first < letter).toBe(true);
    // Nothing goes back: the letter asks the difference under price protection, not a refund "instead of a return".
    const body = drafts(out, 'seller').map((m) => m.body ?? '').join('\n');
    expect(body).toContain('申请价保');
    expect(body).not.toContain('如果不退货');
  });

  it('en: the lower price and the terms, no close-ups', () => {
    const out = new EngineHarness().send('JD order 330011224455, bought a robot mop for 2599 and the price dropped to 2199 two days later. I want the price protection difference of 400');
    const list = checklist(out);
    expect(list).toContain('lower price');
    expect(list).toContain('price-protection terms');
    expect(list).not.toContain('Close-up');
    expect(out.some((m) => m.kind !== 'draft' && m.text.includes('申请价保'))).toBe(true);
  });

  it('a fault is no price drop: a broken item keeps its close-ups', () => {
    const list = checklist(new EngineHarness().send('淘宝 订单号 3344556677889900999 买的台灯 灯罩裂了 要退货退款'));
    expect(list).toContain('近景和特写');
    expect(list).not.toContain('降价后的价格截图');
  });
});

describe('the day of signing, told after a refusal over the 价保 period', () => {
  it('goes into the platform letter, which is said to be updated', () => {
    const h = new EngineHarness('2026-11-22T10:00:00+08:00');
    h.send('京东买的扫地机 订单号 220011335577 11月10号下单付了2199 今天降到1899了 要价保退差价300');
    h.advance(10);
    h.send('客服说价保只有7天 从下单算 已经过了 不给');
    h.advance(3);
    const out = h.send('可是我11月16号才签收的');
    const letter = drafts(out, 'platform').map((m) => m.body ?? '').join('\n');
    expect(letter).toContain('2026年11月16日，我签收了该订单的商品');
    expect(out.map((m) => m.text).join('\n')).not.toContain('一模一样');
  });
});

describe('a fact the letter does not use', () => {
  it.each([
    ['拼多多买的保温杯 订单号 251118-998877665544332 杯盖漏水 要换货', '卖家说不换，拒绝了', '我是11月19号签收的'],
    ['Taobao order 3344556677001122334: the thermos lid leaks. I want an exchange.', 'platform intervention', 'I signed for it on November 19'],
  ])('is noted without "updated" over the same letter: %s', (opening, next, fact) => {
    const h = new EngineHarness('2026-11-22T10:00:00+08:00');
    h.send(opening);
    h.advance(30);
    expect(drafts(h.send(next), 'platform')).toHaveLength(1);
    h.advance(5);
    const out = h.send(fact);
    expect(out.map((m) => m.key)).toContain('amend.letterSame');
    expect(out.map((m) => m.key)).not.toContain('amend.redraft');
    expect(drafts(out)).toHaveLength(0);
  });
});
