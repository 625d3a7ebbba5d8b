/**
 * The buyer never loops on the wish menu (trial 2): a wish stated beside a question is taken, a wish
 * outside the six is kept in the buyer's words, the seller's news is not swallowed by the pending
 * question, and after one unanswered re-ask the case moves on to its checklist and letter.
 */
import { describe, expect, it } from 'vitest';
import { statedWish } from '../../src/nlu/index.ts';
import { EngineHarness, drafts, questions } from '../helpers/engine-harness.ts';

const ORDER = '5930174628301947562';

function askedForWish(): EngineHarness {
  const h = new EngineHarness();
  h.send(`京东订单 ${ORDER}，买的电热水壶烧水有塑料味`);
  expect(h.state.pending?.slot).toBe('wants');
  return h;
}

describe('the wish menu', () => {
  it('reads a wish in the buyer\'s own words, and no wish in a question', () => {
    expect(statedWish('希望师傅这周内来把灯装好')).toBe('师傅这周内来把灯装好');
    expect(statedWish('能帮我看看怎么办吗？')).toBeNull();
    expect(statedWish('壶底有划痕')).toBeNull();
  });

  it('takes a wish stated next to a question, and answers the question too', () => {
    const h = askedForWish();
    const out = h.send('换货，新的要多久能发出来？');
    expect(h.state.active!.slots.wants).toBe('exchange');
    expect(drafts(out, 'seller')).toHaveLength(1);
  });

  it('keeps a wish outside the menu in the buyer\'s words and writes it into the letter', () => {
    const h = askedForWish();
    const out = h.send('希望下周之前派师傅来装好');
    expect(h.state.active!.phase).toBe('following');
    expect(h.state.active!.slots.wishText).toBe('下周之前派师傅来装好');
    expect(drafts(out, 'seller')[0]!.body).toContain('我希望下周之前派师傅来装好');
  });

  it('asks at most twice, then moves on to the checklist and a letter that asks the seller to propose', () => {
    const h = askedForWish();
    const first = h.send('嗯');
    expect(questions(first).map((q) => q.slot)).toEqual(['wants']);
    const second = h.send('这个我也说不好');
    expect(second.some((m) => m.kind === 'checklist')).toBe(true);
    expect(drafts(second, 'seller')[0]!.body).toContain('请您给出处理方案');
  });

  it('knowledge questions count too: the menu is not shown a third time', () => {
    const h = askedForWish();
    h.send('可以起诉吗');
    const out = h.send('没拍开箱视频怎么办');
    expect(questions(out)).toHaveLength(0);
    expect(drafts(out, 'seller')).toHaveLength(1);
  });

  it('a seller\'s answer while the wish is asked is acknowledged, not swallowed', () => {
    const h = askedForWish();
    const out = h.send('客服说只能退我一半的钱');
    expect(out.map((m) => m.text).join('\n')).toContain('已记下卖家的答复');
    expect(h.state.active!.timeline.some((e) => e.type === 'seller_counter_offer')).toBe(true);
  });
});
