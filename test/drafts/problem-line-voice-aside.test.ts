/**
 * Words the buyer says about their own search or dictation are no facts of the goods: "查到了"
 * after looking up the order number, a lead-in ("我说一下"), a number read out digit by digit, a
 * filler "嗯" between clauses. The problem line keeps the goods' problem; what was said stays.
 */
import { describe, expect, it } from 'vitest';
import { cleanBuyerWords } from '../../src/drafts/words.ts';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';

const problemLine = (text: string): string => text.split('\n').find((l) => l.startsWith('问题是：') || l.startsWith('问题：'))!;

describe('the end of a search for the order number', () => {
  it('"好了查到了 订单号 …" in a not-received case: the letters never say something was found', () => {
    const h = new EngineHarness('2026-12-01T20:00:00+08:00');
    h.send('包裹一直没到');
    h.send('单号得找找');
    h.send('好了查到了 订单号 6120938475610293 京东买的 电热水壶 物流显示11月28号签收了 可是我压根没拿到 快递柜里也没有');
    const seller = drafts(h.send('补发')).at(-1)!.text;
    const line = problemLine(seller);
    expect(line).not.toMatch(/查到|找到/);
    expect(line).toContain('购买的电热水壶');
    expect(line).toContain('可是我压根没拿到');
    const platform = drafts(h.send('卖家说签收了就不归我们管')).at(-1)!.text;
    expect(problemLine(platform)).not.toMatch(/查到|找到/);
  });

  it.each([
    ['哦找到了 在拼多多买的 蓝牙耳机 左耳没声音', '购买的蓝牙耳机，左耳没声音'],
    ['终于翻出来了 淘宝买的 羽绒服 拉链头掉了', '购买的羽绒服，拉链头掉了'],
    ['啊看到了 在唯品会买的 运动鞋 鞋底开胶', '购买的运动鞋，鞋底开胶'],
  ])('%s', (text, want) => {
    expect(cleanBuyerWords(text, { orderId: null, trackingNo: null }, 'zh-CN', true)).toBe(want);
  });

  it('something found that is a fact of the case stays ("快递员说包裹找到了")', () => {
    expect(cleanBuyerWords('快递员说包裹找到了 但是外箱压扁了', { orderId: null, trackingNo: null }, 'zh-CN', true))
      .toContain('包裹找到了');
  });
});

describe('voice input: a lead-in, a filler "嗯" and a number read out before it is typed', () => {
  it('the letters keep the fault, not "我说一下", the spoken digits or "我打字吧"', () => {
    const h = new EngineHarness('2026-12-01T08:30:00+08:00');
    h.send('嗯我说一下啊就是我在京东买了一个那个剃须刀然后呢用了两天就开不了机了然后呢我想退款嗯订单号是我找一下啊六一九二八三零四七五我还是打字吧 6192830475');
    const out = h.send('对');
    const line = problemLine(drafts(out, 'seller').at(-1)!.text);
    expect(line).toBe('问题是：购买的剃须刀，用了两天就开不了机了。');
  });

  it.each([
    ['我来说一下 拼多多买的加湿器 一开就漏水 订单号是 三九二八四七五六一零 我打字吧', '购买的加湿器，一开就漏水'],
    ['就是买的面包机然后呢揉面的时候嗯声音特别响啊一直咔咔响嗯我要换货', '购买的面包机，揉面的时候，声音特别响，一直咔咔响'],
  ])('%s', (text, want) => {
    expect(cleanBuyerWords(text, { orderId: null, trackingNo: null }, 'zh-CN', true)).toBe(want);
  });
});

describe('a pickup whose time comes after it', () => {
  it('"安排快递上门取件 后天下午": the reminder asks whether it came, and "取走了" goes into the platform letter', () => {
    const h = new EngineHarness('2026-12-01T10:00:00+08:00');
    h.send('天猫买的儿童滑板车 订单号 4839201756 前轮轴断了 要退货退款');
    h.send('商家同意退货了 说安排快递上门取件 后天下午');
    const nudge = h.tickHours(2 * 24 + 9).find((m) => m.kind === 'nudge')!;
    expect(nudge.text).toContain('取件的来了吗');
    h.send('已经取走了');
    h.tickHours(7 * 24);
    const platform = drafts(h.send('退款到现在还没到')).at(-1)!.text;
    expect(platform).toContain('快递上门取走了退货');
  });
});
