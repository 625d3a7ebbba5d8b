/**
 * The buyer turns the seller's offer down in answer to "卖家是拒绝了吗？" (trial 6 s05): the reply
 * stays on the record, and no letter says the seller did not answer when a reply was reported.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness } from '../helpers/engine-harness.ts';
import type { Outbound } from '../../src/domain/index.ts';

const ORDER = '2411087654321098';

function claimSent(): EngineHarness {
  const h = new EngineHarness('2026-11-10T20:00:00+08:00');
  h.send(`快手买的阿迪运动鞋，鉴定是假货，订单号 ${ORDER} 实付650元`);
  h.send('我要退一赔三');
  expect(h.state.active!.phase).toBe('following');
  h.advance(60 * 12);
  return h;
}

const drafts = (out: readonly Outbound[]): string[] => out.filter((m) => m.kind === 'draft').map((m) => m.text);

describe('an answer to the reading menu that turns the seller offer down', () => {
  it('keeps the reply on the record as the offer refused and goes to the platform', () => {
    const h = claimSent();
    // A middling reading: the bot asks what the seller's words amount to.
    expect(h.send('卖家回复：可以给点补偿但是三倍太多了').map((m) => m.key)).toContain('confirm.reply');
    const answer = h.send('我不接受');
    expect(answer.map((m) => m.key)).not.toContain('confirm.replyOther');
    const offer = h.state.active!.timeline.find((x) => x.type === 'seller_counter_offer');
    expect(offer?.note).toMatch(/refused/u);
    const letters = [...drafts(answer), ...drafts(h.tickHours(24 * 4)), ...drafts(h.send('12315'))];
    expect(letters.length).toBeGreaterThan(1);
    for (const t of letters) {
      expect(t).not.toMatch(/卖家未答复/u);
      expect(t).toMatch(/卖家只同意部分处理/u);
    }
  });

  it('a plain "no" to the menu still drops the reading', () => {
    const h = claimSent();
    h.send('卖家回复：可以给点补偿但是三倍太多了');
    expect(h.send('都不是').map((m) => m.key)).toContain('confirm.replyOther');
  });
});

describe('the unanswered-letter line', () => {
  it('is not written when the buyer, asked once the reply time passed, tells the seller\'s answer instead', () => {
    const h = claimSent();
    const nudged = h.tickHours(24 * 3);
    expect(nudged.map((m) => m.key)).toEqual(['nudge.letter_check']);
    expect(drafts(nudged)).toHaveLength(0);
    h.advance(60);
    h.send('卖家刚回复了，说只能退一半的钱');
    const letters = drafts(h.send('12315'));
    expect(letters.length).toBe(1);
    expect(letters[0]).not.toMatch(/卖家未答复/u);
  });
});
