/**
 * Outcomes that are only part of what was asked: a ruling that grants part and names the rest it
 * turned down, a top-up credited in part, a return received for an exchange, and money that came
 * which the buyer accepts as the end.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';

const keys = (out: readonly { key?: string }[]): string[] => out.map((m) => m.key ?? '');

describe('a ruling for part, the rest turned down by name', () => {
  it.each([
    ['淘宝 订单 5566778899001 买的乐器网课 1800 卖家说开课后不退 要退款', '平台判了 按没上的课时退我1500 剩下的300不退 还能再争吗', '¥1500.00', '¥300.00'],
    ['抖音 订单 7788990011223 买的会员年卡 960 商家拒绝退款 我要退款', '抖音判了退我700，其余260不给，还能申诉吗', '¥700.00', '¥260.00'],
  ])('%s → the part granted and the part denied, with the next step', (opening, ruling, granted, denied) => {
    const h = new EngineHarness('2026-11-23T10:00:00+08:00');
    h.send(opening);
    h.advance(60);
    h.send('申请平台介入');
    h.advance(60 * 40);
    const out = h.send(ruling);
    expect(keys(out)).toContain('platform.ruledPart');
    expect(keys(out)).not.toContain('platform.ruledBuyer');
    const reply = out.find((m) => m.key === 'platform.ruledPart')!.text;
    expect(reply).toContain(granted);
    expect(reply).toContain(denied);
    expect(reply).toContain('12315');
  });
});

describe('a top-up credited in part', () => {
  it.each([
    ['拼多多买的话费充值 100 三天了没到账 订单号 4455667788990011', '到了一半 50到了 还有50没到', '50'],
    ['抖音买的游戏点券充值 300元 一直没到账 订单 9988776655443322', '200到账了 剩下100没到', '100'],
  ])('%s → "%s": recorded as arrived short, no parcel asked for', (opening, arrival, rest) => {
    const h = new EngineHarness('2026-11-23T10:00:00+08:00');
    h.send(opening);
    h.advance(1);
    h.send('1');
    h.advance(60 * 30);
    const out = h.send(arrival);
    expect(keys(out)).toContain('partPaid.creditShort');
    expect(keys(out)).not.toContain('unclear.which');
    expect(out.map((m) => m.text).join('\n')).not.toMatch(/快递|运单|寄出/);
    expect(h.state.active).not.toBeNull();
    // The letter issued again says what came and what did not.
    const letter = drafts(out)[0]!.text;
    expect(letter).toContain(`还有 ¥${rest}.00 没到账`);
  });

  it('does not ask whether a parcel was sent when the message is not understood', () => {
    const h = new EngineHarness('2026-11-23T10:00:00+08:00');
    h.send('快手买的视频会员充值 30 付了款一直没到账 订单号 2233445566778899 要退款');
    h.advance(60 * 30);
    const out = h.send('嗯嗯 那个呢');
    expect(keys(out)).toContain('unclear.which');
    expect(out.map((m) => m.text).join('\n')).not.toMatch(/寄出|快递|单号 SF/);
  });
});

describe('the return received for an exchange', () => {
  /** An exchange asked for, the goods sent back for inspection. */
  function sentBack(): EngineHarness {
    const h = new EngineHarness('2026-11-23T10:00:00+08:00');
    h.send('淘宝买的电热水壶 收到底座是坏的 订单号 5566778899001122 要换货');
    h.advance(60 * 5);
    h.send('卖家说寄回来检测');
    h.advance(60 * 24);
    return h;
  }

  it.each(['寄回去了 卖家今天签收了', '卖家说收到了 检测是我自己摔坏的 不给换'])('"%s": no word of a refund to come', (said) => {
    expect(sentBack().send(said).map((m) => m.text).join('\n')).not.toContain('退款到账');
  });
});

describe('money that came, accepted as the end', () => {
  /** Mouldy fruit, part offered, the platform asked to step in. */
  function atPlatform(): EngineHarness {
    const h = new EngineHarness('2026-11-23T10:00:00+08:00');
    h.send('拼多多买的一箱芒果 打开好多都发霉了 订单号 251120-556677889900 花了98 要赔偿');
    h.advance(60 * 3);
    h.send('商家说只能赔10块');
    h.advance(2);
    h.send('申请平台介入');
    h.advance(60 * 30);
    return h;
  }

  it.each([
    '平台判了 退我30 已经到支付宝了 算了就这样吧',
    '小二判了赔我25块 钱已经到账了 不折腾了',
  ])('"%s" closes the case; no new letter claims what was paid', (said) => {
    const h = atPlatform();
    const out = h.send(said);
    expect(keys(out)).toContain('resolvedAccepted');
    expect(drafts(out)).toHaveLength(0);
    expect(h.state.active).toBeNull();
  });

  it('keeps the case open when the money has not come', () => {
    expect(keys(atPlatform().send('判了退我30 钱还没到 算了先等等吧'))).not.toContain('resolvedAccepted');
  });
});
