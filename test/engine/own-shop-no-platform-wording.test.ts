/**
 * A shop selling on its own (a mini program, a website) has no platform to keep a record or to step
 * in: once the bot has said so, no later message sends the buyer to the platform. A mini-program order
 * may still be a 微信小店 one, which WeChat's rules let the buyer take to the platform: the bot says how
 * to tell, and a buyer who says it is one gets that platform's route.
 */
import { describe, expect, it } from 'vitest';
import type { Outbound } from '../../src/domain/index.ts';
import { EngineHarness } from '../helpers/engine-harness.ts';

const said = (out: Outbound[]) => out.filter((m) => m.kind !== 'draft').map((m) => m.text).join('\n');

describe('a shop of its own: no platform in the follow-up', () => {
  it('a reship promised by a website shop: the agreement, the reminder and the nudge name the payment channel and 12315', () => {
    const h = new EngineHarness('2026-12-01T10:00:00+08:00');
    h.send('在他们品牌自己的官网上买的咖啡豆 订单号 20261201093355812 少发了两袋，要补发');
    h.advance(240);
    const agreed = h.send('客服说查过了，明天给我补发');
    expect(said(agreed)).not.toMatch(/平台/);
    expect(said(agreed)).toContain('支付渠道');
    const nudge = h.tickHours(48);
    expect(said(nudge)).toContain('12315');
    expect(said(nudge)).not.toMatch(/申请平台介入|在平台上/);
  });

  it('a repair agreed by a mini-program shop: no "record it on the platform"', () => {
    const h = new EngineHarness('2026-12-01T10:00:00+08:00');
    h.send('商家的小程序里下单的扫地机 订单号 55019283746 边刷不转了，想维修');
    h.advance(120);
    const out = h.send('商家同意维修了，让我寄过去');
    expect(said(out)).not.toMatch(/平台上/);
  });

  it('the "I\'m following" reply offers no platform text', () => {
    const h = new EngineHarness('2026-12-01T10:00:00+08:00');
    h.send('在商家自己的网站买的台灯 订单号 20261130774512093 灯罩裂了，要退款');
    h.advance(60);
    const out = h.send('嗯嗯');
    expect(said(out)).not.toContain('申请平台介入');
  });

  it('a shop on a platform keeps the platform wording', () => {
    const h = new EngineHarness('2026-12-01T10:00:00+08:00');
    h.send('拼多多订单 251201-558291037461928 少发了一包猫砂，要补发');
    h.advance(240);
    expect(said(h.send('商家说明天给我补发'))).toContain('平台');
  });
});

describe('bought in a WeChat mini program', () => {
  it('says how to tell a 微信小店 order, whose rules allow intervention within 7 days', () => {
    const h = new EngineHarness('2026-12-01T10:00:00+08:00');
    const out = h.send('微信小程序下单的护手霜 订单号 4200001234567890123 少了一支，想补发');
    const text = said(out);
    expect(text).toContain('微信小店');
    expect(text).toContain('7 天内申请平台介入');
  });

  it('a buyer who says it is a 微信小店 order gets the platform letter and the 微信小店 guide on a refusal', () => {
    const h = new EngineHarness('2026-12-01T10:00:00+08:00');
    h.send('在微信小程序里买的暖手宝 订单号 4200009876543210987 充不进电，我要退款');
    h.advance(30);
    h.send('是微信小店的订单');
    h.advance(20 * 60);
    const out = h.send('卖家拒绝了');
    expect(out.some((m) => m.kind === 'draft' && m.to === 'platform')).toBe(true);
    expect(said(out)).toContain('7 天内');
    expect(said(out)).not.toContain('没有购物平台');
  });

  it('a website shop is told nothing of 微信小店', () => {
    const h = new EngineHarness('2026-12-01T10:00:00+08:00');
    expect(said(h.send('在品牌官网上买的耳机 订单号 20261128661203987 左耳没声音，要退款'))).not.toContain('微信小店');
  });
});
