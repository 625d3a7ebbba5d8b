/**
 * Trial 7, problem 10: goods both damaged and short ("只到了N个，还裂了一个") keep damage as the
 * case's problem, and the checklist also asks for what shows how many should have come.
 */
import { describe, expect, it } from 'vitest';
import { checklistIds, saysPartMissing } from '../../src/knowledge/checklists.ts';
import { EngineHarness } from '../helpers/engine-harness.ts';

describe('a damaged order that is also short', () => {
  it('reads a missing part in the buyer\'s words, and nothing else', () => {
    expect(saysPartMissing('一箱12瓶只到了10瓶，还漏了一瓶')).toBe(true);
    expect(saysPartMissing('少发了两个盘子，另一个也摔裂了')).toBe(true);
    expect(saysPartMissing('花瓶到手就碎成两半')).toBe(false);
    expect(checklistIds('damaged', { alsoShort: true })).toContain('listing_screenshot');
    expect(checklistIds('damaged')).not.toContain('listing_screenshot');
  });

  it('the chat checklist keeps the damage items and adds the listing', () => {
    const h = new EngineHarness('2026-07-03T10:00:00+08:00', 'u-jars');
    h.send('京东买的一箱12瓶蜂蜜，订单号 5521037788990011，只到了10瓶，还碎了一瓶');
    h.now = new Date('2026-07-03T10:01:00+08:00');
    const out = h.send('退款');
    const list = out.find((o) => o.kind === 'checklist')!;
    expect(list.key).toBe('checklist.damaged');
    expect(list.text).toContain('破损部位');
    expect(list.text).toContain('商品详情页截图（写明的数量');
    expect(h.state.active!.slots.problem).toBe('damaged');
  });
});
