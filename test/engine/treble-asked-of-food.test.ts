/**
 * 三倍 asked about food sold with false claims (trial 15 F18): the answer is 消费者权益保护法 第五十五条
 * (fraud); 十倍 asked of a false cure claim is told what 食品安全法 第一百四十八条 is for; spoiled food keeps the food article.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness } from '../helpers/engine-harness.ts';

function foodCase(): EngineHarness {
  const h = new EngineHarness('2026-10-12T09:00:00+08:00');
  h.send('快手直播买的蜂胶胶囊，说能降血糖不用打胰岛素，吃了一个月血糖照样高，订单号 2410038876512093，花了860元，我要退款');
  if (h.state.active?.phase !== 'following') h.send('退款');
  h.advance(60);
  return h;
}

const said = (h: EngineHarness, text: string) => h.send(text).map((m) => m.text).join('\n');

describe('a statutory multiple asked about food', () => {
  it.each(['这种骗人的能要三倍赔偿吗', '听说可以退一赔三，是真的吗？'])('三倍 is fraud, 第五十五条: %s', (question) => {
    const answer = said(foodCase(), question);
    expect(answer).toMatch(/第五十五条/u);
    expect(answer).not.toMatch(/第一百四十八条规定/u);
    expect(answer).not.toMatch(/吃出的异物/u);
  });

  // A cure claimed and lacking is false advertising, not unsafe food: 十倍 asked is told what it is for, and fraud's article.
  it('十倍 asked of a false cure claim: the tenfold article is for unsafe food, 第五十五条 instead', () => {
    const answer = said(foodCase(), '能要十倍赔偿吗');
    expect(answer).toMatch(/不符合食品安全标准的食品/u);
    expect(answer).toMatch(/第五十五条/u);
    expect(answer).not.toMatch(/第一百四十八条规定/u);
  });

  it('十倍 asked of spoiled food keeps the food-safety article', () => {
    const h = new EngineHarness('2026-10-12T09:00:00+08:00');
    h.send('淘宝买的牛肉干 打开发霉了 订单号 3310928847716520394 花了128元 我要退款');
    h.advance(60);
    expect(said(h, '能要十倍赔偿吗')).toMatch(/第一百四十八条规定/u);
  });
});
