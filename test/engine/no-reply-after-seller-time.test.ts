/**
 * Trial 14 F12 (L5): "还是没回" once the seller's own time for an answer has passed — its reminder held
 * back for the night — does not say the deadline is still ahead: nothing is left to wait for, and the
 * platform letter comes now, stating the silence.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';

function promisedByMidnight(): EngineHarness {
  const h = new EngineHarness('2026-11-17T21:30:00+08:00');
  h.send('京东买的电动牙刷，订单号 3302918475610293847，用了两天就开不了机，想换新的');
  h.advance(60 * 13).send('卖家说今天晚上12点之前给我回复');
  return h;
}

describe('no reply after the seller\'s own time', () => {
  it.each(['还是没回', '冇覆我', '到现在还没回复', 'no reply yet'])('%s', (text) => {
    const h = promisedByMidnight();
    // 08:10 after the midnight deadline: past it, and its reminder not delivered yet.
    const out = h.advance(60 * 21 + 40).send(text);
    expect(out.map((m) => m.key)).toContain('next.answerTimePassed');
    expect(out.map((m) => m.key)).not.toContain('next.sellerWait');
    const letter = drafts(out, 'platform').map((m) => m.text).join('\n');
    expect(letter).toContain('卖家答应在2026年11月19日 00:00前');
    expect(letter).toMatch(/卖家一直没有回复|没有再回复/);
  });

  it('before the time, the wait is still told', () => {
    const h = promisedByMidnight();
    const out = h.advance(60 * 2).send('还是没回');
    expect(out.map((m) => m.key)).not.toContain('next.answerTimePassed');
    expect(drafts(out, 'platform')).toHaveLength(0);
  });
});
