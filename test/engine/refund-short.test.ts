/**
 * A refund that arrives short of what the seller agreed (trial 5, problem 2) is recognised with its
 * amounts: the seller gets the 退款少了 letter asking for the rest, and the platform letter tells, in
 * order, the full refund agreed, the short sum received, what is outstanding, and asks for that.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';

const ORDER = '6038291746520917';

describe('a refund that came short of the agreed full refund', () => {
  it('is answered with the shortfall letter, and the platform letter names the agreement, the sum received and the rest', () => {
    const h = new EngineHarness('2026-12-01T09:00:00+08:00');
    h.send(`拼多多买的芒果5斤，实付120元，收到一多半都坏了，订单号 ${ORDER}，我要全部退款`);
    h.advance(60 * 3);
    h.send('卖家同意退款了');
    h.advance(60 * 24);
    const out = h.send('钱是退回来了，可是才退了45块，不是说好的120吗');
    expect(out.map((m) => m.key)).toContain('escalate.refundShort');
    expect(out.map((m) => m.key)).not.toContain('followingCase');
    const letter = drafts(out, 'seller').find((d) => d.key === 'draft.refund_shortfall')!.text;
    expect(letter).toContain('您同意退款 120 元，但我只收到 45 元，还差 75 元。');
    h.advance(10);
    h.send('卖家说坏的没那么多，最多只退45');
    const platform = drafts(h.send('不接受'), 'platform')[0]!.text;
    expect(platform).toContain('我的诉求：退还剩余的退款 75 元。');
    const agreed = platform.indexOf('卖家同意全额退款（120 元）');
    const short = platform.indexOf('我只收到退款 45 元，尚差 75 元');
    expect(agreed).toBeGreaterThan(0);
    expect(short).toBeGreaterThan(agreed);
    expect(platform).toContain('不同意退还余款');
    expect(platform).not.toContain('只同意部分处理');
  });
});
