/**
 * Fixes from the buyer trial, round 4, on what letters may state: a return lost by the courier is
 * not a receipt, and the letters say what happened to it.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';
import type { Outbound } from '../../src/domain/index.ts';

const keys = (out: Outbound[]) => out.map((m) => m.key);

/** A return agreed and posted (Tuesday 2026-12-01, 10:00 Shanghai). */
function returnPosted(): EngineHarness {
  const h = new EngineHarness('2026-12-01T10:00:00+08:00');
  h.send('淘宝订单 2849103375520018463，连衣裙腰围做小了穿不上，想退货退款');
  h.advance(15);
  h.send('店家同意退货了');
  h.advance(60 * 20);
  h.send('裙子今天寄回去了，中通单号 75318826401937');
  return h;
}

describe('a return parcel lost by the courier', () => {
  it('is recorded as lost, never as signed for, and every later letter says so', () => {
    const h = returnPosted();
    h.advance(60 * 24 * 2);
    const out = h.send('中通客服说我寄回的包裹弄丢了，店家说没收到货，不肯退钱');
    const c = h.state.active!;
    expect(c.timeline.some((e) => e.type === 'return_received')).toBe(false);
    expect(c.timeline.some((e) => e.type === 'return_lost')).toBe(true);
    expect(keys(out)).toContain('return.lost');
    const letters = [...drafts(out), ...drafts(h.send('申请平台介入'))].map((d) => d.text);
    expect(letters.length).toBeGreaterThan(0);
    for (const text of letters) {
      expect(text).toContain('在运输途中丢失');
      expect(text).not.toMatch(/签收了我寄回|签收我寄回/);
      // The courier's words are not the seller's reason.
      expect(text).not.toMatch(/卖家拒绝处理，称.*丢/);
    }
  });

  it('a seller who says, in Cantonese, it has not received the return has not received it', () => {
    const h = returnPosted();
    h.advance(60 * 24 * 3);
    h.send('賣家話佢冇收到退貨');
    expect(h.state.active!.timeline.some((e) => e.type === 'return_received')).toBe(false);
  });

  it('the seller letter after the loss says the seller did not receive it', () => {
    const h = returnPosted();
    h.advance(60 * 24 * 2);
    h.send('快递那边说件丢了');
    const seller = drafts(h.send('我还是想要退款'), 'seller')[0]?.text ?? '';
    expect(seller).toContain('快递告知我寄回的包裹在运输途中丢失，卖家没有收到。');
  });
});

describe("a no-reason return: the seller's lawful demand and a refund nobody agreed to", () => {
  /** A jacket that does not suit, returned without reason (signed for Monday 2026-11-30). */
  function noReason(): EngineHarness {
    const h = new EngineHarness('2026-12-01T10:00:00+08:00');
    h.send('京东订单 304918276650，夹克11月30日签收，颜色穿上不好看，七天无理由退货退款');
    expect(h.state.active!.slots.problem).toBe('changed_mind');
    return h;
  }

  it('"you pay the return postage" is answered as the law, not recorded as a counter-offer', () => {
    const h = noReason();
    h.advance(30);
    const out = h.send('客服说："无理由退的话邮费要你自己出哈"');
    expect(h.state.active!.timeline.some((e) => e.type === 'seller_counter_offer')).toBe(false);
    expect(keys(out)).toContain('answer.ask_return_shipping');
    expect(out.find((m) => m.key === 'answer.ask_return_shipping')!.text).toMatch(/第二十五条/);
    const letter = drafts(h.send('申请平台介入'), 'platform')[0]!.text;
    expect(letter).not.toMatch(/只同意部分|邮费/);
  });

  it('a refund due after the return was received is missing, never "agreed", when no one agreed to it', () => {
    const h = noReason();
    h.advance(60 * 3);
    h.send('夹克寄回去了，单号 SF6620019384756');
    h.advance(60 * 24);
    h.send('商家昨天签收了退货');
    const nudged = h.tickHours(24 * 9);
    expect(keys(nudged)).toContain('nudge.refund_due');
    const letter = drafts(h.send('还没有'), 'platform')[0]!.text;
    expect(letter).toContain('退款仍未到账');
    expect(letter).not.toMatch(/同意的退款/);
  });
});

describe('the timeline of a letter', () => {
  it('an act is dated "no later than" the telling, and a passed promise by its own deadline, not the reminder', () => {
    const h = new EngineHarness('2026-12-01T10:00:00+08:00');
    h.send('拼多多订单 241201-339017728465120，台灯开关按下去没反应，想退款');
    h.advance(30);
    h.send('客服说明天下午5点前给我答复');
    // The reminder is noticed two hours after the deadline passed.
    const letter = drafts(h.tickHours(24 + 9), 'platform')[0]!.text;
    expect(letter).toContain('2026年12月1日，卖家答应在2026年12月2日 17:00前答复');
    expect(letter).toContain('2026年12月2日 17:00，卖家答应的期限已过');
    expect(letter).not.toMatch(/截至[^，]*，卖家答应在|19:30/);
  });
});

it('the nudge names the same reply deadline as the letter, also when the letter moved it out of the night', () => {
  const h = new EngineHarness('2026-12-01T06:40:00+08:00');
  const out = h.send('京东订单 287710394456，电动牙刷充不进电，想换货');
  const seller = drafts(out, 'seller')[0]!.text;
  expect(seller).toContain('2026年12月2日 08:00前');
  const nudge = h.tickHours(26).find((m) => m.key === 'nudge.letter_check')!;
  expect(nudge.text).toContain('2026年12月2日 08:00');
  expect(nudge.text).not.toContain('06:40');
});
