/**
 * Trial 8 problem 3: the seller appeals the platform's handling ("商家去平台申诉了，要我把东西寄回去，
 * 不然就把退款追回去"). The appeal is on the record with what it demands, the buyer hears the next
 * step, and the letters that follow state the appeal (and nothing the buyer did not say).
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';
import { Turn } from '../../src/engine/turn.ts';
import { follow } from '../../src/engine/follow.ts';
import { emptyExtraction } from '../../src/nlu/index.ts';
import type { FollowingCase } from '../../src/domain/index.ts';

const APPEAL = '商家又去平台申诉了，要我把东西寄回去，不然就把退款追回去';

function opened(): EngineHarness {
  const h = new EngineHarness('2026-06-09T10:00:00+08:00');
  h.send('拼多多订单 260609-334455667788990，买的吐司面包收到就长毛了，想退款');
  h.advance(5);
  return h;
}

const keys = (out: { key?: string }[]) => out.map((m) => m.key);

describe("the seller's appeal", () => {
  it('is recorded with its demands and answered with the next step and the letter for the review', () => {
    const h = opened();
    const out = h.send(APPEAL);
    const c = h.state.active as FollowingCase;
    const appeal = c.timeline.filter((x) => x.type === 'seller_appealed');
    expect(appeal).toHaveLength(1);
    expect(appeal[0]!.note).toBe('return clawback');
    expect(keys(out)).not.toContain('followingCase');
    expect(keys(out)[0]).toBe('appeal.reported');
    expect(out[0]!.text).toContain('平台没有要求退货之前，不用自己把货寄回去');
    const letter = drafts(out, 'platform')[0]!.text;
    expect(letter).toContain('卖家就这笔售后向平台提出申诉，要求我把商品退回，否则追回退款。');
    expect(c.rung).toBe('platform');
    expect(c.reminders.map((r) => r.reason)).not.toContain('reply_deadline');
  });

  it('an appeal said without demands is stated without them', () => {
    const h = opened();
    const out = h.send('卖家那边提起申诉了');
    expect(h.state.active!.timeline.find((x) => x.type === 'seller_appealed')!.note).toBe('');
    const letter = drafts(out, 'platform')[0]!.text;
    expect(letter).toContain('卖家就这笔售后向平台提出申诉。');
    expect(letter).not.toContain('追回');
  });

  it('later letters (12315) keep the appeal', () => {
    const h = opened();
    h.send(APPEAL);
    h.advance(5);
    const out = h.send('12315投诉');
    expect(drafts(out, 'regulator')[0]!.text).toContain('向平台提出申诉');
  });

  it.each([
    emptyExtraction(),
    { ...emptyExtraction(), wants: 'refund' as const, sellerReply: 'counter_offer' as const },
    { ...emptyExtraction(), sellerReply: 'return_for_inspection' as const },
  ])('read the same whatever the NLU made of it (%#)', (e) => {
    const h = opened();
    const turn = new Turn(structuredClone(h.state), h.now, { timezone: 'Asia/Shanghai' });
    const c = turn.state.active as FollowingCase;
    follow(turn, c, e, APPEAL);
    expect(c.slots.wants).toBe('refund');
    expect(c.timeline.map((x) => x.type)).toContain('seller_appealed');
    expect(c.timeline.map((x) => x.type)).not.toContain('seller_counter_offer');
    expect(turn.out[0]!.key).toBe('appeal.reported');
  });
});
