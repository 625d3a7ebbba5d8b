/** The menu that confirms a middling reading (trial 12 F10): one way out, never a second "其他". */
import { describe, expect, it } from 'vitest';
import { EngineHarness } from '../helpers/engine-harness.ts';

describe('the reading to confirm', () => {
  it.each(['团购的健身卡 店关门了 退不了', '买的演唱会门票 活动取消了 钱不退'])('"其他" read is not offered twice: %s', (text) => {
    const out = new EngineHarness().send(text);
    const labels = out.find((m) => m.key === 'confirm.problem')?.options?.map((o) => o.label) ?? [];
    expect(labels).toContain('其他');
    expect(labels.at(-1)).toBe('都不是');
    expect(new Set(labels).size).toBe(labels.length);
  });

  it.each(['买的台灯 灯罩好像有点问题', '收到的杯子有点怪'])('keeps "其他" as the way out when the reading is another: %s', (text) => {
    const labels = new EngineHarness().send(text).find((m) => m.key === 'confirm.problem')?.options?.map((o) => o.label) ?? [];
    expect(labels[0]).toBe('质量问题 / 故障');
    expect(labels.at(-1)).toBe('其他');
  });
});

describe('a problem of another kind, in the letter', () => {
  it('is not said to be a fault of goods received: nothing may have been received', () => {
    // Described in English: the Chinese letter names the problem by its kind.
    const h = new EngineHarness();
    h.send('Order 261130-558812340098765 on Pinduoduo: the shop cancelled my order and said it is out of stock. I want them to ship it.');
    const out = h.send('send it again');
    const letter = out.filter((m) => m.kind === 'draft').map((m) => m.text).join('\n');
    expect(letter).toContain('问题是：这笔订单出现了问题。');
    expect(letter).not.toMatch(/收到的商品|item I received/u);
  });
});
