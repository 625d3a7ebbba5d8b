/**
 * A bare question about what the seller just said (buyer trial 4, section 7): "合理吗" asks about
 * the seller's last answer, and it is no answer to the question the bot was waiting on.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness } from '../helpers/engine-harness.ts';
import type { Outbound } from '../../src/domain/index.ts';

const keys = (out: Outbound[]) => out.map((m) => m.key);

describe('"合理吗" after the seller\'s answer', () => {
  it('about the return postage: the postage answer, and the receipt date is asked again, not skipped', () => {
    const h = new EngineHarness('2026-12-04T10:00:00+08:00');
    h.send('淘宝买的外套 颜色不喜欢 想退货退款');
    h.send('2961048375520193846');
    // On a no-reason return the seller's postage demand is answered when it is reported (it is lawful,
    // and no grievance goes on the record), so the bare question after it asks nothing new.
    const reply = h.send('客服说 "不喜欢退的话来回邮费都得你出"');
    expect(keys(reply)).toContain('answer.ask_return_shipping');
    expect(keys(reply).at(-1)).toBe('ask.receivedOn');
    const out = h.send('这样合理吗？');
    expect(keys(out).at(-1)).toBe('ask.receivedOn');
    expect(h.state.active!.skipped).not.toContain('receivedOn');
    expect(h.state.active!.phase).toBe('collecting');
  });

  it('without a seller answer to refer to, it is not taken as the postage question', () => {
    const h = new EngineHarness('2026-12-04T10:00:00+08:00');
    h.send('淘宝买的外套 颜色不喜欢 想退货退款');
    h.send('2961048375520193846');
    expect(keys(h.send('合理吗'))).not.toContain('answer.ask_return_shipping');
  });
});
