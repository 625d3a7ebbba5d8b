/** A buyer who writes Traditional characters reads Traditional replies; the letters to send stay as written. */
import { describe, expect, it } from 'vitest';
import { toTraditional } from '../../src/drafts/words.ts';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';

describe('Traditional in, Traditional out', () => {
  it('converts the bot\'s words, keeping ordinary characters and common words right', () => {
    expect(toTraditional('请发一下订单号，可以直接复制')).toBe('請發一下訂單號，可以直接複製');
    expect(toTraditional('只能联系卖家后再处理')).toBe('只能聯繫賣家後再處理');
  });

  it('replies in Traditional to a Traditional buyer; the letter body stays Simplified; a Simplified message switches back', () => {
    const h = new EngineHarness();
    const first = h.send('我在淘寶買的藍牙音箱，打開後沒有聲音');
    expect(first[0]!.text).toContain('訂單號');
    const out = h.send('訂單號 3928174650192837465，想要退款');
    const letter = drafts(out, 'seller')[0]!;
    expect(letter.text).toContain('發給賣家');
    expect(letter.body).toContain('订单号');
    h.send('卖家说会尽快处理');
    expect(h.state.traditional).toBeUndefined();
  });
});
