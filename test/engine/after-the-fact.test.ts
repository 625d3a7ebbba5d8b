/**
 * Trial 11 F27: what the buyer already did cannot be warned against. Off-platform money already
 * taken is recorded as taken (how much, by which channel), the buyer hears what to keep and that
 * the platform request goes on, and the wish said again carries the case on. Receipt already
 * confirmed at the seller's request gets what to do now, not "don't confirm".
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';
import { caseFileContent } from '../../src/casefile/content.ts';

const keys = (out: { key?: string }[]) => out.map((m) => m.key);

function exchangeCase(): EngineHarness {
  const h = new EngineHarness('2026-08-03T09:00:00+08:00');
  h.send('淘宝订单 5566778899001122334 买的连衣裙 发来的是蓝色 我拍的是黑色 想换货');
  h.advance(60 * 5);
  return h;
}

describe('off-platform money already taken', () => {
  it.each([
    ['客服叫我加她微信，说在微信上补我30块这事就算了，我加了，钱我也收了', 30, '微信'],
    ['卖家用支付宝私下转了我20块让我别闹了，我收了', 20, '支付宝'],
  ])('%s', (said, sum, via) => {
    const h = exchangeCase();
    const out = h.send(said);
    expect(keys(out)).toEqual(['offPlatform.takenSum']);
    expect(out[0]!.text).toContain(`¥${sum}.00`);
    expect(out[0]!.text).not.toMatch(/不要接受/);
    const entry = h.state.active!.timeline.filter((x) => x.type === 'private_deal_offered').at(-1)!;
    expect(entry.note).toBe(`received sum:${sum} via:${via}`);
    // Not a refund through the platform.
    expect(h.state.active!.slots.amountRefunded).toBeNull();
    const file = caseFileContent(h.state.active!, { locale: 'zh-CN', timezone: 'Asia/Shanghai', now: h.now });
    expect(file.timeline.entries.flatMap((x) => x.details)).toContain(`买家已收下 ${sum} 元`);
    h.advance(5);
    const again = h.send('但是颜色还是不对啊 我还是想换');
    expect(keys(again)).toContain('amend.wishKept');
    expect(drafts(again)[0]!.text).toContain('换货');
    h.advance(5);
    const letter = drafts(h.send('申请平台介入'), 'platform')[0]!.text;
    expect(letter).toContain(`通过${via}在平台外私下转给我 ${sum} 元，我已收下`);
    expect(letter).toContain('我的诉求：换货');
  });

  it('not yet taken: still the warning', () => {
    const h = exchangeCase();
    expect(keys(h.send('卖家让我加微信，说微信上退我30就算了'))).toEqual(['pitfall.private_transfer']);
  });

  it('English: the money taken, no sum named', () => {
    const h = new EngineHarness('2026-08-03T09:00:00+08:00');
    h.send('Taobao order 5566778899001122334, the dress came in blue but I ordered black, I want an exchange');
    h.advance(60);
    const out = h.send('the seller asked me to add him on WeChat and sent me a private transfer, I already took the money');
    expect(keys(out)).toEqual(['offPlatform.taken']);
    expect(out[0]!.text).toMatch(/still go on/);
  });
});

describe('receipt already confirmed at the seller\'s request', () => {
  it.each(['收货我早就确认了', '刚刚已经确认了', 'I already confirmed receipt'])('%s', (said) => {
    const h = exchangeCase();
    h.send('店家讲换不了了，让我先点确认收货然后退钱');
    h.advance(5);
    const out = h.send(said);
    expect(keys(out)).toEqual(['caseQuestion.confirmedAlready']);
  });

  it('about to confirm: the warning stays', () => {
    const h = exchangeCase();
    h.send('店家讲换不了了，让我先点确认收货然后退钱');
    h.advance(5);
    expect(keys(h.send('那我去确认一下'))).toEqual(['caseQuestion.confirmAboutTo']);
  });
});
