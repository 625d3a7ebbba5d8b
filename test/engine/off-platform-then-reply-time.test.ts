/**
 * A seller who only asked to move off the platform ("加我微信") has not answered the letter there:
 * when its reply time passes, the buyer is asked whether the letter went out and was answered
 * before any platform letter says so. An order number's label typed askew goes with the number.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';

describe('the reply time after an off-platform request', () => {
  it('"商家让我加微信私聊退款" then the reply time: asked first, and "发了没回" hands over the platform letter', () => {
    const h = new EngineHarness('2026-12-01T21:00:00+08:00');
    h.send('淘宝买的台式风扇 摇头卡住不动 订单号 3920184756203 要退款');
    h.send('商家让我加他微信私聊 说微信上直接退给我');
    h.send('不加');
    const at = h.tickHours(36);
    expect(drafts(at)).toHaveLength(0);
    const nudge = at.find((m) => m.kind === 'nudge')!;
    expect(nudge.options?.map((o) => o.value)).toContain('sentNoReply');
    const out = h.send('发了 没人回');
    const platform = drafts(out, 'platform').at(-1)!.text;
    expect(platform).toContain('卖家未答复');
    expect(platform).toContain('微信');
  });

  it('the seller agreeing after the WeChat request is an answer: no letter-check question', () => {
    const h = new EngineHarness('2026-12-01T21:00:00+08:00');
    h.send('抖音买的卷发棒 加热不了 订单号 3920184756203 要退货退款');
    h.send('卖家说加个微信吧 微信上处理快');
    h.send('卖家又说 同意退货退款');
    const at = h.tickHours(36);
    expect(at.some((m) => m.options?.some((o) => o.value === 'sentNoReply'))).toBe(false);
  });
});

describe('an order number label typed askew', () => {
  it.each([
    ['拼多多买的电动剃须刀 刀头不转 订单好 250301-483920175620', '刀头不转'],
    ['京东买的电水壶 底座漏电 定单号 7710293845612', '底座漏电'],
  ])('%s: the label goes with the number', (text, fault) => {
    const h = new EngineHarness('2026-12-01T10:00:00+08:00');
    h.send(text);
    const seller = drafts(h.send('退款')).at(-1)!.text;
    const line = seller.split('\n').find((l) => l.startsWith('问题是：'))!;
    expect(line).toContain(fault);
    expect(line).not.toMatch(/单[号好]/);
  });
});
