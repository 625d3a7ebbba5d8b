/**
 * Off-platform money the buyer takes in a later message than the seller's offer ("加了，他转了我60")
 * is recorded as taken; the letters then say so truthfully (no "I want it done on the platform"
 * beside it) and claim only the rest, which the buyer may name ("剩下的…没给").
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';

const keys = (out: readonly { key?: string }[]): string[] => out.map((m) => m.key ?? '');

function offered(opening: string, offer: string): EngineHarness {
  const h = new EngineHarness('2026-11-23T10:00:00+08:00');
  h.send(opening);
  h.advance(60 * 6);
  h.send(offer);
  h.advance(15);
  return h;
}

describe('off-platform money taken after the offer', () => {
  it.each([
    ['拼多多 订单 260101-448120937711 买的烧水壶 实付 89 底座漏电 要退款', '商家叫我加他微信 微信上退我钱', '行吧我加了，他转了我30', 30, 59, 89],
    ['抖音 订单号 4839201746152 买的蓝牙音箱 实付 150 没声音 我要退款', '客服说加个微信私下处理', '加了 对方微信转给我了40 说剩下的过两天', 40, 110, 150],
    ['淘宝订单 5529301847562 买的台灯 实付 66 灯不亮 想退款', '卖家让我加微信 说微信上直接退', '他用支付宝打了我20', 20, 46, 66],
  ])('%s → "%s"', (opening, offer, took, sum, rest, paid) => {
    const h = offered(opening, offer);
    const out = h.send(took);
    expect(keys(out)).toEqual(['offPlatform.takenSum']);
    expect(out[0]!.text).toContain(`¥${sum}.00`);
    expect(h.state.active!.timeline.some((x) => x.type === 'private_deal_offered' && x.note.startsWith(`received sum:${sum}`))).toBe(true);
    h.advance(60 * 24);
    const letter = drafts(h.send('申请平台介入'), 'platform')[0]!.text;
    expect(letter).toContain(`私下转给我 ${sum} 元，我已收下`);
    expect(letter).not.toContain('按流程解决');
    expect(letter).not.toContain('平台流程解决');
    expect(letter).toContain(`退还其余 ${rest} 元（诉求 ${paid} 元，卖家已在平台外私下转给我 ${sum} 元）`);
  });

  it('the rest named when no price is on record: only the rest is claimed', () => {
    const h = offered('快手 订单号 2609184736150274 买的暖手宝 充不进电 要退钱', '卖家叫我加他微信私聊');
    h.send('加了，他转了我25，说剩下的下周转');
    h.advance(60 * 30);
    const out = h.send('他把我拉黑了 剩下的35没给');
    const letter = drafts(out, 'platform').map((d) => d.text).join('\n');
    expect(letter).toContain('退还其余 35 元');
    expect(letter).toContain('私下转给我 25 元，我已收下');
    expect(letter).not.toContain('我的诉求：退款。');
  });

  it('an offer line stays as the seller\'s proposal when money was taken later', () => {
    const h = offered('京东订单号 318273645501 买的电动牙刷 实付 199 充不上电 要退款', '卖家让我加微信');
    h.send('卖家说今天先处理下');
    h.advance(10);
    h.send('他微信上转了我80');
    h.advance(60 * 24);
    const letter = drafts(h.send('申请平台介入'), 'platform')[0]!.text;
    expect(letter).not.toContain('按流程解决');
    expect(letter).toContain('私下转给我 80 元，我已收下');
  });

  it('not taken: the offer keeps its line and the whole refund is claimed', () => {
    const h = offered('淘宝订单 5529301847562 买的台灯 实付 66 灯不亮 想退款', '卖家让我加微信 说微信上直接退');
    h.advance(60 * 24);
    const letter = drafts(h.send('申请平台介入'), 'platform')[0]!.text;
    expect(letter).toContain('按流程解决');
    expect(letter).not.toContain('退还其余');
  });
});
