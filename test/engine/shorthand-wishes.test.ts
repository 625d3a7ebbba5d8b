/** A wish in shorthand ("全退 1580", "想tk") is taken like the words it stands for, with its sum, and the letter asks for it. */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';

describe('a wish in shorthand', () => {
  it('"全退 1580" after the wish was asked: a full refund of that sum, in the seller letter', () => {
    const h = new EngineHarness('2026-12-03T20:00:00+08:00');
    const first = h.send('快手直播间买的瑜伽私教课 1580元 订单号 5520193847561023 上课内容和直播间宣传的完全不一样');
    expect(first.at(-1)!.key).toBe('ask.wants');
    const out = h.send('全退 1580');
    expect(h.state.active!.slots.wants).toBe('refund');
    expect(drafts(out, 'seller').at(-1)!.text).toContain('退款 1,580 元');
  });

  it('"想tk" answers the wish question, with no menu again', () => {
    const h = new EngineHarness('2026-12-03T20:00:00+08:00');
    h.send('淘宝买的电动牙刷 充不进电 订单号 3307719920045518273');
    const out = h.send('想tk 寄回去也可以');
    expect(out.some((m) => m.key === 'ask.wants')).toBe(false);
    expect(h.state.active!.phase).toBe('following');
  });

  it('"xy上买的" names the platform, so it is not asked after the letter', () => {
    const h = new EngineHarness('2026-12-03T20:00:00+08:00');
    h.send('xy上买的二手switch 1150 卖家说没拆过 到手发现摇杆漂移 单号 4409127736610042871 想退款');
    expect(h.state.active!.slots.platform).toBe('xianyu');
  });

  it('the 鱼 of 闲鱼 makes no food of a console: the checklist is not the food one', () => {
    const h = new EngineHarness('2026-12-03T20:00:00+08:00');
    const out = h.send('闲鱼上收的二手游戏机 880 屏幕有坏点 卖家说完美无瑕 订单号 4409127736610042871 想退款');
    expect(out.find((m) => m.kind === 'checklist')!.text).not.toContain('食品');
  });
});
