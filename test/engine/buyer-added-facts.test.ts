/**
 * Facts the buyer adds once a case is followed: more detail of the problem joins the problem line,
 * and what the buyer has or knows against the seller's answer goes on the record as the buyer's own
 * statement ("我方说明"), never as the seller's; either way the letter is handed over again with it.
 * Every sentence here is invented for these tests.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, allText, drafts } from '../helpers/engine-harness.ts';

function followed(first = '淘宝买的电动牙刷 订单号 5520193847561234 充不进电 要退货退款'): EngineHarness {
  const h = new EngineHarness('2026-11-24T14:00:00+08:00');
  h.send(first);
  expect(h.state.active!.phase).toBe('following');
  h.advance(30);
  return h;
}

/** On the platform rung after the seller refused. */
function refused(): EngineHarness {
  const h = followed();
  h.advance(60 * 20);
  const out = h.send('卖家说过了七天就不给退了');
  expect(drafts(out, 'platform').length).toBe(1);
  h.advance(5);
  return h;
}

describe('the buyer states a fact against the seller answer', () => {
  it.each([
    ['其实还没拆塑封 包装盒都是原样的 有照片', '还没拆塑封，包装盒都是原样的，有照片'],
    ['可是快递袋是完好的 胶带没动过', '快递袋是完好的，胶带没动过'],
    ['官方售后说这个序列号查不到', '官方售后说这个序列号查不到'],
    ['可我3盒都还在柜子里 一盒没开', '我3盒都还在柜子里，一盒没开'],
  ])('"%s" is recorded as the buyer\'s and put in the platform letter', (said, words) => {
    const h = refused();
    const out = h.send(said);
    const text = allText(out);
    expect(text).not.toContain('没完全看懂');
    expect(text).toContain(`已记下你的说明：${words}`);
    const letter = drafts(out, 'platform')[0]!.text;
    expect(letter).toContain(`我方说明：${words}。`);
    // Never credited to the seller.
    expect(letter).not.toMatch(new RegExp(`卖家[^。\\n]*${words.slice(0, 4)}`));
    const entry = h.state.active!.timeline.at(-1)!;
    expect(h.state.active!.timeline.some((e) => e.type === 'buyer_rebuttal' && e.quote === words)).toBe(true);
    expect(entry.type).not.toBe('seller_said');
  });

  it('on the seller rung it is noted for the next letter, which then carries it', () => {
    const h = followed();
    h.advance(60);
    h.send('卖家说可以补偿20块 不用退了');
    h.advance(5);
    const out = h.send('我前天还用这个充电座充别的牙刷 一切正常 有视频');
    expect(allText(out)).toContain('之后给平台的文本会写上这一条');
    h.advance(5);
    const letter = drafts(h.send('申请平台介入'), 'platform')[0]!.text;
    expect(letter).toContain('我方说明：我前天还用这个充电座充别的牙刷，一切正常，有视频。');
  });
});

describe('the buyer adds detail to the problem', () => {
  it('before any answer of the seller, the detail joins the problem line of a re-issued letter', () => {
    const h = followed();
    const out = h.send('刷头转起来有咔咔声 底座指示灯一直闪红');
    expect(allText(out)).toContain('已补充问题细节：刷头转起来有咔咔声，底座指示灯一直闪红');
    const letter = drafts(out, 'seller')[0]!.text;
    expect(letter).toContain('刷头转起来有咔咔声，底座指示灯一直闪红');
    expect(letter).not.toContain('此前已经向您反映过');
  });

  it('"信里没写…" adds what the letter lacks', () => {
    const h = refused();
    const out = h.send('信里没写 充电线接口也是松的');
    expect(allText(out)).not.toContain('没完全看懂');
    expect(drafts(out, 'platform')[0]!.text).toContain('充电线接口也是松的');
  });

  it('Chinese words asked to go in the letter replace an English description', () => {
    const h = followed('Bought a kettle on Taobao, order 5520193847561234, the lid hinge snapped on day one. I want a refund.');
    const out = h.send('Details: 壶盖合页第一天就断了，盖子合不上. please add this to the letter');
    expect(allText(out)).not.toMatch(/didn.t fully understand|没完全看懂/);
    expect(h.state.active!.slots.problemText).toBe('壶盖合页第一天就断了，盖子合不上');
  });

  it('a wish or a question is not taken as a fact of the goods', () => {
    const h = followed();
    const before = h.state.active!.slots.problemText;
    h.send('希望尽快处理 别拖了');
    h.send('充电座有记录能证明吗？');
    expect(h.state.active!.slots.problemText).toBe(before);
    expect(h.state.active!.timeline.some((e) => e.type === 'buyer_rebuttal')).toBe(false);
  });
});
