/**
 * A purchase from a person found on WeChat (a Moments 代购, a 微商), paid by transfer, with no
 * platform between: no platform letter, no "which platform" menu; past the seller, the routes that
 * exist (the payment channel, 12315 if they trade as a business, the police, a court), and the
 * buyer's questions about fraud answered before them.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, throughIntake } from '../helpers/engine-harness.ts';
import type { Outbound } from '../../src/domain/index.ts';

const keys = (out: readonly Outbound[]): string[] => out.map((m) => m.key ?? '');
const texts = (out: readonly Outbound[]): string => out.map((m) => m.text).join('\n');

/** A case with the seller letter handed over: a watch bought from a Moments seller, its maker's shop says fake. */
function boughtInMoments(first = '在朋友圈的代购那里买了块手表 9600 微信转账付的 拿去官方售后看了说是仿的'): EngineHarness {
  const h = new EngineHarness('2026-09-03T14:00:00+08:00');
  throughIntake(h, first, '退款');
  return h;
}

describe('a purchase with no platform', () => {
  it('reads a Moments 代购 or "没走平台" as bought outside any platform', () => {
    expect(boughtInMoments().state.active!.slots.standalone).toBe(true);
    expect(boughtInMoments('没走平台 微信上找的代购买的包 5200 拿到发现是假的').state.active!.slots.standalone).toBe(true);
  });

  it('the letter to the seller never says to handle it in the platform', () => {
    const out = throughIntake(new EngineHarness('2026-09-03T14:00:00+08:00'), '微商那买的面霜 380 转账给她的 用了脸上起疹子', '退款');
    const letter = out.find((m) => m.kind === 'draft' && m.to === 'seller');
    expect(letter?.body).toBeDefined();
    expect(letter!.body).not.toContain('平台内');
  });

  it("the seller letter keeps what the brand's own outlet said about the goods", () => {
    const out = throughIntake(new EngineHarness('2026-09-03T14:00:00+08:00'), '朋友圈的代购给我带的香水 1500 转账给他的 拿到品牌专柜验了说不是正品 他不认', '退款');
    const letter = out.find((m) => m.kind === 'draft' && m.to === 'seller');
    expect(letter?.body).toMatch(/专柜.{0,6}(?:不是正品|非正品)/);
  });

  it('blocked, with questions about fraud and the police: answered first, then the routes, and no platform menu', () => {
    const h = boughtInMoments();
    h.advance(60 * 24);
    const out = h.send('他把我删了 电话也不接 这是不是骗子啊 我能去报案吗');
    const k = keys(out);
    expect(k).toContain('routes.fraud');
    expect(k).toContain('ladder.noPlatformPerson');
    expect(k.indexOf('routes.fraud')).toBeLessThan(k.findIndex((x) => x.startsWith('draft')));
    expect(out.some((m) => m.kind === 'draft' && m.to === 'platform')).toBe(false);
    expect(out.some((m) => m.options?.some((o) => o.value === 'taobao'))).toBe(false);
    const said = texts(out);
    // Who decides is named; nothing is promised.
    expect(said).toContain('由警方');
    expect(said).toContain('转账记录');
    expect(said).toMatch(/经营者/);
  });

  it('a person seller gets a caveat beside any consumer-law claim in the letters', () => {
    const h = boughtInMoments();
    h.advance(60);
    const out = h.send('退一赔三');
    expect(out.some((m) => m.kind === 'draft' && m.body?.includes('消费者权益保护法'))).toBe(true);
    const notes = out.filter((m) => m.key?.endsWith('.notes'));
    expect(notes.map((m) => m.text).join('\n')).toContain('可能不适用');
  });

  it('"没有平台" said on a followed case that was not known to be off-platform: no platform letter from then on', () => {
    const h = new EngineHarness('2026-09-03T14:00:00+08:00');
    h.send('买的蓝牙音箱 订单号 3920184756102938475 声音断断续续 想退款');
    h.advance(2);
    h.send('跳过');
    expect(h.state.active?.phase).toBe('following');
    h.advance(60 * 30);
    h.send('卖家不理我 把我拉黑了');
    h.advance(3);
    const out = h.send('其实没走平台 就是微信上找人买的');
    expect(h.state.active!.slots.standalone).toBe(true);
    expect(out.some((m) => m.kind === 'draft' && m.to === 'platform')).toBe(false);
    expect(keys(out)).not.toContain('unclear');
    h.advance(3);
    expect(keys(h.send('申请平台介入'))).toContain('ladder.noPlatformAgain');
  });
});
