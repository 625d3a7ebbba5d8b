/**
 * Trial 14 F15: a seller who says no and then blocks the buyer refused AND blocked (the letter says both);
 * a first message that mentions no answer is not confirmed as "no reply"; a platform's dispute process
 * named by the buyer (闲鱼小法庭) is their application; and after a ruling for the buyer and the goods
 * sent back, a seller who neither confirms receipt nor refunds gets the platform a new letter with the
 * ruling, the return (day, number) and the inaction.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';
import type { Outbound } from '../../src/domain/index.ts';

const letterOf = (out: Outbound[]): string => drafts(out, 'platform').map((m) => m.text).join('\n');
const keys = (out: Outbound[]): (string | undefined)[] => out.map((m) => m.key);

function secondHandCase(): EngineHarness {
  const h = new EngineHarness('2026-11-10T09:00:00+08:00');
  h.send('闲鱼上收的二手Switch，卖家是个人，说手柄没有漂移，到手左摇杆一直漂，1350元，订单号 5830192847561029384');
  h.advance(2).send('退货退款');
  return h;
}

describe('refused and blocked', () => {
  it.each([
    ['卖家说个人闲置不退不换，然后把我拉黑了', '不退不换'],
    ['卖家说二手的不支持退货，接着就拉黑我了', '不支持退货'],
    ['对方说自用闲置概不退换，还把我拉黑了', '概不退换'],
  ])('%s', (text, reason) => {
    const h = secondHandCase();
    const out = h.advance(300).send(text);
    expect(keys(out)).toContain('seller.refuses');
    const letter = letterOf(out);
    expect(letter).toContain('卖家拒绝处理');
    expect(letter).toContain(reason);
    expect(letter).toContain('卖家还把我拉黑了');
    expect(letter).not.toContain('一直没有回复');
  });

  it('blocked with no refusal is still the blocking line', () => {
    const h = secondHandCase();
    const letter = letterOf(h.advance(300).send('卖家直接把我拉黑了'));
    expect(letter).toContain('卖家把我拉黑了，我已无法联系卖家');
    expect(letter).not.toContain('拒绝');
  });
});

describe('a first message with no answer in it', () => {
  it.each([
    '闲鱼买的二手iPad，卖家是个人，说没维修过，到手发现屏幕换过，订单号 6019283746501928374',
    '闲鱼上买了个二手单反，卖家个人的，说快门数五千，实际三万二，订单号 7102938475610293845',
  ])('%s', (text) => {
    const out = new EngineHarness().send(text);
    expect(out.some((m) => m.choiceSlot === 'confirmReply')).toBe(false);
    expect(out.map((m) => m.text).join('\n')).not.toContain('一直没回复');
  });
});

describe('a dispute process named', () => {
  it.each(['我已经申请了闲鱼小法庭', '刚发起了小法庭', '已经申请大众评审了'])('%s', (text) => {
    const h = secondHandCase();
    h.advance(300).send('卖家说不退');
    h.advance(600).send(text);
    expect(h.state.active?.phase === 'following' && h.state.active.timeline.some((e) => e.type === 'platform_requested')).toBe(true);
  });
});

describe('ruled for the buyer, sent back, seller idle', () => {
  it.each([
    '卖家迟迟不确认收货，款也一直没退',
    '卖家到现在不点收货，也不退钱',
    '寄回去好几天了，卖家没确认收货，退款也没到',
  ])('%s', (text) => {
    const h = secondHandCase();
    h.advance(300).send('卖家说不退不换');
    h.advance(60 * 20).send('我申请了小法庭');
    h.advance(60 * 24 * 3).send('小法庭结果出来了，判我退货退款');
    h.advance(60 * 20).send('已经寄回了，圆通 YT8801928374650');
    const out = h.advance(60 * 24 * 4).send(text);
    expect(keys(out)).toContain('platform.rulingIgnored');
    const letter = letterOf(out);
    expect(letter).toMatch(/平台判定(?:支持我的诉求|退货退款)/);
    expect(letter).toContain('YT8801928374650');
    expect(letter).toMatch(/于2026年11月1[45]日寄回/);
    expect(letter).toContain('卖家仍未确认收货，也未退款');
    expect(letter).toContain('卖家至今没有执行');
    expect(letter).not.toContain('现申请平台介入');
    // A private seller: still no 消法 article.
    expect(letter).not.toContain('消费者权益保护法');
  });
});
