/**
 * Closing a case on "it arrived" (trial 10): money that came short of the ruled or agreed sum is a
 * short refund and the case stays open; a remedy that came but is wrong again is no resolution; a
 * remedy that came and is fine is one. Right after a case closed as solved, a protest is about that
 * case, not a new one. "那我先确认" after the confirm-receipt warning gets the warning again.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';

const keys = (out: readonly { key?: string }[]): string[] => out.map((m) => m.key ?? '');

/** A partial-refund case the platform ruled on with a sum. */
function ruled(): EngineHarness {
  const h = new EngineHarness('2026-12-01T09:00:00+08:00');
  h.send('淘宝买的车厘子2斤 订单 5520193847261 到手一半是软烂的 想退一部分钱');
  h.advance(60 * 5);
  h.send('商家只肯赔3块');
  h.advance(2);
  h.send('不接受，我付了68，起码退30');
  h.advance(60 * 40);
  expect(keys(h.send('平台判了，支持退我30元'))).toContain('platform.ruledBuyer');
  h.advance(60 * 48);
  return h;
}

/** A full-refund case the seller agreed to. */
function agreed(): EngineHarness {
  const h = new EngineHarness('2026-12-02T10:00:00+08:00');
  h.send('京东买的加湿器 订单号 309182736455 实付159元 插电没反应 我要退款');
  h.advance(60 * 4);
  h.send('卖家同意退款了');
  h.advance(60 * 30);
  return h;
}

describe('money that came short of what is owed', () => {
  it.each([
    '钱到了，只到了22块',
    '退款到账了 才22元',
    '收到退款了，就退了22块钱',
  ])('"%s" after a ruling is a short refund, not a resolution', (said) => {
    const h = ruled();
    const out = h.send(said);
    expect(keys(out)).not.toContain('resolved');
    expect(h.state.active?.phase).toBe('following');
    expect(keys(out)).toContain('escalate.refundShortRuled');
    const letter = drafts(out, 'seller').find((d) => d.key === 'draft.refund_shortfall')!.text;
    // The platform ruled the sum: the letter does not say the seller agreed to it.
    expect(letter).toContain('平台判定退款 30 元，但我只收到 22 元，还差 8 元。');
    expect(letter).not.toContain('您同意');
  });

  it('after the seller agreed (no sum named), "钱收到了 只有99" asks the seller for the rest of the price paid', () => {
    const h = agreed();
    const out = h.send('钱收到了 只有99');
    expect(keys(out)).not.toContain('resolved');
    expect(keys(out)).toContain('escalate.refundShortPaid');
    const letter = drafts(out, 'seller').find((d) => d.key === 'draft.refund_shortfall')!.text;
    expect(letter).toContain('这笔订单我实付 159 元，目前收到的退款是 99 元，少了 60 元。');
  });

  it('the same shortfall told again, with a protest and a ruling word in it, is on the record: no new case, no ruling for the seller', () => {
    const h = ruled();
    h.send('钱到了，只到了22块');
    h.advance(4);
    const caseId = h.state.active!.id;
    const out = h.send('不对 你理解错了 平台判的是30 实际只退了22 差8块');
    expect(keys(out)).toEqual(['refundShort.alreadyRuled']);
    expect(h.state.active!.id).toBe(caseId);
    expect(h.state.active!.timeline.some((x) => x.type === 'platform_ruled_seller')).toBe(false);
  });

  it('the full sum arrived closes the case as before', () => {
    const h = ruled();
    expect(keys(h.send('钱到了，30块都到账了'))).toContain('resolved');
    expect(h.state.active).toBeNull();
  });
});

describe('a remedy that arrived', () => {
  function exchange(): EngineHarness {
    const h = new EngineHarness('2026-11-20T09:00:00+08:00');
    h.send('拼多多买的台灯 订单 251120-330198274615 灯头裂了 要换一个新的');
    h.advance(60 * 6);
    h.send('卖家同意换了，说明天寄');
    h.advance(60 * 24 * 3);
    return h;
  }

  it.each([
    '换的到了 可是这个灯罩也是裂的',
    '新的寄到了，结果颜色不对',
    '补发到了 又少了一个螺丝',
    '新的收到了 包装挺好的 就是里面的灯泡又碎了',
  ])('"%s" is a new failure of the same case, with its next step', (said) => {
    const h = exchange();
    const id = h.state.active!.id;
    const out = h.send(said);
    expect(keys(out)).not.toContain('resolved');
    expect(keys(out)[0]).toBe('remedy.stillWrong');
    expect(out.length).toBeGreaterThan(1);
    expect(h.state.active?.id).toBe(id);
  });

  it.each([
    '收到了新的 没问题了 谢谢',
    '换的那个到了，能用了',
    '新的收到了 挺好的',
  ])('"%s" closes the case', (said) => {
    const h = exchange();
    expect(keys(h.send(said))).toContain('resolved');
    expect(h.state.active).toBeNull();
  });

  it('"解决了，不过物流真慢" still closes it: the turn names nothing wrong with the remedy', () => {
    const h = exchange();
    expect(keys(h.send('换的到了，解决了，不过物流真慢'))).toContain('resolved');
  });

  it.each(['收到了', '到了 但是还没拆', '收到了 对了 物流单号你要不要'])('"%s" alone does not close it', (said) => {
    const h = exchange();
    expect(keys(h.send(said))).not.toContain('resolved');
    expect(h.state.active?.phase).toBe('following');
  });
});

describe('right after a case closed as solved', () => {
  function closed(): EngineHarness {
    const h = agreed();
    expect(keys(h.send('退款到账了'))).toContain('resolved');
    h.advance(3);
    return h;
  }

  it.each(['不是 你没看懂 钱少了', '还没解决呢', '你理解错了，东西还没好'])('"%s" asks what is still wrong and opens no case', (said) => {
    const h = closed();
    const out = h.send(said);
    expect(keys(out)).toEqual(['afterClose.protest']);
    expect(out[0]!.text).toContain('309182736455');
    expect(h.state.active).toBeNull();
  });

  it('a second "已解决" says it is closed already', () => {
    const h = closed();
    expect(keys(h.send('已解决'))).toEqual(['afterClose.already']);
    expect(h.state.active).toBeNull();
  });

  it('a new problem with another order opens a new case', () => {
    const h = closed();
    h.send('另外拼多多买的拖鞋 订单 251201-448201937561 尺码发错了 要换货');
    expect(h.state.active?.slots.orderId).toBe('251201-448201937561');
  });

  it('hours later a protest is not taken as about that case', () => {
    const h = closed();
    h.advance(60 * 24);
    expect(keys(h.send('还没解决呢'))).not.toContain('afterClose.protest');
  });
});

describe('"then I will confirm" after the confirm-receipt warning', () => {
  function warned(): EngineHarness {
    const h = new EngineHarness('2026-11-25T15:00:00+08:00');
    h.send('淘宝订单 4103928475610293847 买的电热毯 温控不工作 要换货');
    h.advance(60 * 2);
    expect(keys(h.send('卖家说：先确认收货 然后给你换'))).toContain('pitfall.confirm_receipt_first');
    h.advance(2);
    return h;
  }

  it.each(['行吧 那我先确认一下', '好 我去确认收货了', '嗯那就先确认吧'])('"%s" gets the warning again', (said) => {
    const out = warned().send(said);
    expect(keys(out)).toEqual(['caseQuestion.confirmAboutTo']);
    expect(out[0]!.text).toContain('先别确认收货');
  });

  it.each(['好的 我先不确认', '我确认下是不是这个订单号'])('"%s" is not warned again', (said) => {
    expect(keys(warned().send(said))).not.toContain('caseQuestion.confirmAboutTo');
  });
});
