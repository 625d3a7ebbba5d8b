/**
 * Goods a not-received case waited for come late and wrong (size, colour, model): a second problem on
 * the record, the wish asked again, and the next letter states both the late sending and what came.
 * Every sentence here is invented for these tests.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts, questions } from '../helpers/engine-harness.ts';

function shippedLate(): EngineHarness {
  const h = new EngineHarness('2026-12-01T10:00:00+08:00');
  h.send('淘宝买的登山鞋 订单号 5820137946120458733 说好48小时发货 一周了还没发 付了329');
  h.send('催他发货');
  h.advance(60);
  h.send('客服说后天前一定发出');
  h.advance(60 * 30);
  h.send('发货了 中通 78123456789012');
  h.advance(60 * 48);
  return h;
}

describe('late goods that arrive wrong', () => {
  it.each([
    ['到了，可是尺码不对，我下单的是42码，发来的是40码', '42码'],
    ['收到了 颜色发错了 我要的军绿色 来的是黑色', '军绿色'],
    ['货到了但型号不对，我买的是中帮防水款，寄来的是低帮款', '中帮防水款'],
  ])('"%s": a second problem, the wish asked, the letter says both', (said, words) => {
    const h = shippedLate();
    const out = h.send(said);
    expect(h.state.active!.slots.problem).toBe('wrong_item');
    expect(questions(out).some((q) => q.slot === 'wants')).toBe(true);
    const seller = drafts(h.send('换货'), 'seller')[0]!.text;
    expect(seller).toContain(words);
    expect(seller).toContain('我希望换货');
    const platform = drafts(h.send('申请平台介入'), 'platform')[0]!.text;
    expect(platform).toMatch(/问题：[^\n]*之后才发出[^\n]*/);
    expect(platform).toContain(words);
    expect(platform).not.toContain('还没发');
    expect(platform).toContain('78123456789012');
  });
});
