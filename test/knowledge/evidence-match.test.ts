/**
 * Trial 7 problem 15: evidence captions that plainly name a checklist item are matched to it.
 */
import { describe, expect, it } from 'vitest';
import { checklistFor, matchEvidence } from '../../src/knowledge/checklists.ts';

const items = (p: Parameters<typeof checklistFor>[0]) => checklistFor(p, 'zh-CN').items;

describe('evidence captions matched to checklist items', () => {
  it('a still from a video of the fault is the defect item', () => {
    expect(matchEvidence('音箱开机后没有声音 录屏截图', items('quality'), 'photo')).toBe('defect_closeup');
    expect(matchEvidence('screenshot of the clip: right earbud not working', items('quality'), 'photo')).toBe('defect_closeup');
  });

  it("the brand's word that the serial is unknown is the brand authentication item", () => {
    expect(matchEvidence('reply from the watch maker: serial not found, customer service email', items('counterfeit'), 'photo')).toBe('brand_auth');
    expect(matchEvidence('品牌官方客服回复 编码查不到', items('counterfeit'), 'photo')).toBe('brand_auth');
  });

  it('a burn test and the care label are the item-against-listing item', () => {
    expect(matchEvidence('围巾火烧后结成硬块', items('not_as_described'), 'photo')).toBe('item_vs_listing');
    expect(matchEvidence('洗标写的是真丝', items('not_as_described'), 'photo')).toBe('item_vs_listing');
  });

  it('a photo of the serial alone is not an authentication', () => {
    expect(matchEvidence('包内序列号特写', items('counterfeit'), 'photo')).not.toBe('brand_auth');
  });
});
