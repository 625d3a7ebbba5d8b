/**
 * Two common seller deflections get advice mid-case:
 * - a takeaway merchant sending the buyer to the rider is read like a seller blaming the courier:
 *   a refusal, the platform letter with 电子商务法 第二十条 worded for the rider;
 * - "no unboxing video, no refund" gets what stands in for the video (the knowledge answer for
 *   ask_no_unboxing_video), not the checklist that asks for the video again.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';
import { blamesRider } from '../../src/knowledge/takeaway.ts';

const keys = (out: readonly { key?: string }[]): string[] => out.map((m) => m.key ?? '');

describe('the merchant sends the buyer to the rider', () => {
  it('is a refusal; the platform letter answers it with 第二十条, naming the rider', () => {
    const h = new EngineHarness('2026-09-10T12:10:00+08:00');
    h.send('美团外卖漏送了一份鸡腿饭，订单号 2409101210556677889，想退款');
    expect(h.state.active!.phase).toBe('following');
    h.advance(6);
    const out = h.send('店家回我说：“那是配送员弄丢的，你自己联系配送员”');
    expect(keys(out)).toContain('seller.refuses');
    const letter = drafts(out, 'platform')[0]!.text;
    expect(letter).toContain('《电子商务法》第二十条');
    expect(letter).toContain('找骑手');
    expect(letter).not.toContain('找快递');
  });

  it('the buyer telling what the rider did is no deflection', () => {
    expect(blamesRider('骑手把汤洒在袋子里了')).toBe(false);
    expect(blamesRider('我打给骑手，他说店里没给')).toBe(false);
    expect(blamesRider('老板说是骑手的问题，让我找骑手')).toBe(true);
  });
});

describe('no unboxing video, no refund', () => {
  function damagedCase(): EngineHarness {
    const h = new EngineHarness('2026-09-12T09:30:00+08:00');
    h.send('京东买的玻璃花瓶到了就裂了，订单号 308812345678，想退货退款');
    expect(h.state.active!.phase).toBe('following');
    h.advance(30);
    return h;
  }

  it('the seller\'s condition gets what can stand in for the video', () => {
    const out = damagedCase().send('商家说必须提供开箱视频才能退');
    expect(keys(out)).toContain('answer.ask_no_unboxing_video');
    expect(out.some((m) => m.kind === 'checklist' && m.text.includes('开箱视频：'))).toBe(false);
  });

  it('said in Cantonese too', () => {
    const out = damagedCase().send('客服話冇開箱片就唔處理');
    expect(keys(out)).toContain('answer.ask_no_unboxing_video');
    expect(out.some((m) => m.kind === 'checklist')).toBe(false);
  });
});
