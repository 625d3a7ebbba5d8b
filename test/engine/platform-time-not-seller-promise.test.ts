/**
 * A time the platform's own service gives is the platform's timer, never a promise of the seller:
 * once the platform letter is in hand (the time may come with no promise word the seller reader
 * knows), and before that when the platform speaks of the merchant as someone else. A seller who
 * stalls after the platform letter was handed over does not bring back a seller letter.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';
import type { Outbound } from '../../src/domain/index.ts';

const all = (out: Outbound[]) => out.map((m) => m.text).join('\n');
const keys = (out: Outbound[]) => out.map((m) => m.key);

function platformLetterInHand(): EngineHarness {
  const h = new EngineHarness('2026-11-16T09:00:00+08:00');
  h.send('抖音买的蓝牙音箱，订单号 6620193847562，一直没收到，物流停了一周，要退款');
  h.advance(120);
  h.send('卖家说不关他们的事，让我自己找快递');
  expect(h.state.active).toMatchObject({ phase: 'following', rung: 'platform' });
  h.advance(600);
  return h;
}

describe('the platform names its own time', () => {
  it('after the platform letter, "抖音说…小时内答复" is the platform\'s timer, with no seller letter', () => {
    const h = platformLetterInHand();
    const out = h.send('抖音说36小时内给我答复');
    expect(keys(out)).toContain('platform.handlingTimer');
    expect(drafts(out, 'seller')).toHaveLength(0);
    expect(all(out)).not.toContain('卖家在拖');
    expect(all(out)).toContain('2026年11月18日');
  });

  it('its reminder asks about the platform, not a seller deadline', () => {
    const h = platformLetterInHand();
    h.send('平台说两天内给我结果');
    const nudge = h.tickHours(60);
    expect(nudge[0]).toMatchObject({ kind: 'nudge' });
    expect(nudge[0]!.text).toContain('平台');
    expect(nudge[0]!.text).not.toContain('卖家答应');
  });

  it('before intervention, the platform speaking of an unreachable merchant gives its own time, not the seller\'s', () => {
    const h = new EngineHarness('2026-11-16T09:00:00+08:00');
    h.send('美团上团购的美甲套餐 399元 订单号 88102937465 店突然不开了，要退款');
    h.advance(60 * 24);
    const out = h.send('美团客服讲商家电话打不通，叫我等两个工作日');
    expect(all(out)).not.toContain('卖家答应');
    expect(keys(out)).toContain('platform.handlingTimer');
    const later = h.tickHours(24 * 3);
    expect(all(later)).not.toContain('卖家答应');
  });

  it('a shop\'s own time through a platform name with no merchant spoken of stays the seller\'s before intervention', () => {
    const h = new EngineHarness('2026-11-16T09:00:00+08:00');
    h.send('京东自营买的电饭煲，订单号 30192837465，内胆掉漆，要换货');
    h.advance(60);
    const out = h.send('京东客服说3天内给我换');
    expect(keys(out)).not.toContain('platform.handlingTimer');
  });
});

describe('a stall after the platform letter', () => {
  it('does not step back to a firmer seller letter', () => {
    const h = platformLetterInHand();
    const out = h.send('还没下文，客服讲流程还在走，叫我等着');
    expect(drafts(out, 'seller')).toHaveLength(0);
    expect(all(out)).not.toContain('卖家在拖');
  });

  it('points to submitting the platform letter when the buyer has not said it was submitted', () => {
    const h = platformLetterInHand();
    const out = h.send('卖家这次说还在查，叫我耐心点');
    expect(keys(out)).toContain('next.platformSubmit');
  });
});
