/** A long caption is cut on a character boundary: never half an emoji (a lone surrogate Telegram rejects). */
import { describe, expect, it } from 'vitest';
import { EngineHarness } from '../helpers/engine-harness.ts';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('evidence captions', () => {
  it('keeps a long caption whole up to its limit, cut between characters', () => {
    const h = new EngineHarness();
    h.send('订单号 3916452812345678901 杯子到手就碎了 想退款');
    // 499 units, then an emoji of two units across the 500-unit limit.
    h.send({ type: 'media', kind: 'photo', caption: `${'箱'.repeat(499)}📦${'尾'.repeat(50)}`, fileId: 'f1' });
    const caption = h.state.active!.evidence.at(-1)!.caption;
    expect(caption.length).toBeLessThanOrEqual(500);
    expect(caption.startsWith('箱'.repeat(499))).toBe(true);
    expect(LONE_SURROGATE.test(caption)).toBe(false);
  });

  it('ticks off the close-up for a photo of the fault, in Traditional too, and stops asking for it', () => {
    const h = new EngineHarness();
    h.send('订单号 3916452812345678901 新买的折叠椅用了一次就坏了 想退货退款');
    const out = h.send({ type: 'media', kind: 'photo', caption: '椅背支架斷開處', fileId: 'f1' });
    expect(h.state.active!.evidence.at(-1)!.item).toBe('defect_closeup');
    const receipt = out.map((m) => m.text).join('\n');
    expect(receipt).toContain('对应清单');
    expect(receipt).not.toMatch(/还缺.*问题部位/u);
  });
});
