/** Trial 12 F10, F12: the menu confirming a reading (one way out), a problem of another kind in letters, and a seller with no stock. */
import { describe, expect, it } from 'vitest';
import { EngineHarness } from '../helpers/engine-harness.ts';

describe('the reading to confirm', () => {
  // (A shop that closed is now read surely as 其他, with no menu: test/engine/shop-gone.test.ts.)
  it.each(['买的演唱会门票 活动取消了 钱不退'])('"其他" read is not offered twice: %s', (text) => {
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
  const letterOf = (out: { kind: string; text: string }[]) => out.filter((m) => m.kind === 'draft').map((m) => m.text).join('\n');

  it('is not said to be a fault of goods received: nothing may have been received', () => {
    // Described in English: the Chinese letter names the problem by its kind.
    const out = new EngineHarness().send('Order 261130-558812340098765 on Pinduoduo: the price dropped by 300 two days after I paid and the shop refuses price protection. I want the difference back.');
    expect(letterOf(out)).toContain('问题：这笔订单出现了问题。');
    expect(letterOf(out)).not.toMatch(/收到的商品|item I received/u);
  });

  it.each([
    ['Order 261130-558812340098765 on Pinduoduo: the shop cancelled my order and said it is out of stock. I want them to ship it.', 'send it again'],
    ['拼多多 订单号 261130-558812340098765 商家说没货了把我订单取消了 想让他按原价发货', '补发'],
  ])('an order the seller cancelled as out of stock is said so: %s', (opening, wish) => {
    const h = new EngineHarness();
    h.send(opening);
    const letter = letterOf(h.send(wish));
    expect(letter).toContain('问题是：卖家以缺货为由取消了订单，没有发货。');
    expect(letter).not.toMatch(/问题是：想让|收到的商品/u);
  });
});

describe('a seller with no stock', () => {
  it('"没货了，钱退你了" is not an agreement to a buyer who wants the goods: the next step is the platform', () => {
    const h = new EngineHarness();
    h.send('淘宝 订单号 3920018475563201999 下单的空调 商家说没货了把我订单取消了 我想让他按原价发货');
    h.send('补发');
    const out = h.send('卖家回复：亲，这款确实缺货了，钱已经原路退给您了');
    expect(h.state.active!.timeline.some((x) => x.type === 'seller_agreed')).toBe(false);
    expect(h.state.active!.timeline.some((x) => x.type === 'seller_refused')).toBe(true);
    expect(out.some((m) => m.kind === 'draft' && m.to === 'platform')).toBe(true);
  });

  it('is an agreement when a refund is all the buyer asked', () => {
    const h = new EngineHarness();
    h.send('淘宝 订单号 3920018475563201999 买的电风扇一直不发货 想退款');
    h.send('卖家同意退款了，说这款没货了');
    expect(h.state.active!.timeline.some((x) => x.type === 'seller_agreed')).toBe(true);
  });
});
