/**
 * Giving the return tracking number is the buyer sending the goods back, not a correction of
 * the case: the case file says so, with the number.
 */
import { describe, expect, it } from 'vitest';
import { caseFileContent } from '../../src/casefile/content.ts';
import { EngineHarness } from '../helpers/engine-harness.ts';

describe('the return sent for inspection, in the case file', () => {
  it('is logged as the goods sent back with the return tracking number, not as 买家更正了案情信息', () => {
    const h = new EngineHarness('2026-12-03T19:00:00+08:00');
    h.send('拼多多 剃须刀 充不进电 想退款');
    h.advance(1);
    h.send('251130-448192736650128');
    h.advance(20);
    h.send('店家要我先寄回去给他们检测');
    h.advance(2);
    h.send('已寄出 单号 ZT5561029384756');
    expect(h.state.active!.slots.returnTrackingNo).toBe('ZT5561029384756');
    const texts = caseFileContent(h.state.active!, { locale: 'zh-CN', timezone: 'Asia/Shanghai', now: h.now }).timeline.entries.map((e) => e.text);
    expect(texts).toContain('买家把商品寄回了卖家，退货单号 ZT5561029384756');
    expect(texts).not.toContain('买家更正了案情信息');
  });
});
