/**
 * The buyer describes what went wrong, then says what they want back: the wish message, read for a
 * problem from one weak word, does not overturn the problem already described, and the letters keep
 * the description.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';

describe('a wish after the problem was described', () => {
  it('a prepaid service that stopped keeps its stopping in the letter', () => {
    const h = new EngineHarness('2026-11-20T19:00:00+08:00');
    h.send('大众点评买的游泳馆次卡 900元 订单号 5501928374651 只游了2次，场馆就不开了，微信群也解散了');
    const out = h.send('剩下的钱退我，一共10次，按次算应该退720');
    const letter = drafts(out, 'seller')[0]!;
    expect(letter.body).toContain('场馆就不开了');
    expect(h.state.active?.slots.problem).not.toBe('wrong_item');
  });

  it('the same for a course that was cut short', () => {
    const h = new EngineHarness('2026-11-20T19:00:00+08:00');
    h.send('抖音团购的钢琴课 20节 2400元 订单号 66019283745 上了4节机构就关门了，老师也联系不上');
    const out = h.send('剩下的课钱退给我，16节按节算要退1920');
    // The shop gone, the first letter is the platform's (no seller left to write to).
    const letter = drafts(out, 'platform')[0]!;
    expect(letter.body).toContain('机构就关门了');
    expect(drafts(out, 'seller')).toHaveLength(0);
  });
});
