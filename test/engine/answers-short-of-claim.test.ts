/**
 * Answers that fall short of what the buyer asked are never called a win (trial 13 F12, F13, F27):
 * the refund offered with the compensation waved off is a counter-offer, a ruling that refunds and
 * turns the claim down is a ruling of part (against the whole claim, 退一赔十 included), a floor the
 * buyer sets while an offer is open is their own demand, and a seller's excuse for more waiting goes
 * into the next letter.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';

const text = (out: ReturnType<EngineHarness['send']>) => out.map((m) => m.text).join('\n');

/** A food case with the tenfold claim, the seller letter out. */
function foodClaim(): EngineHarness {
  const h = new EngineHarness('2026-11-20T09:00:00+08:00');
  h.send('淘宝买的牛肉干 到手一看保质期都过了快两个月 订单号 3928471056293847561 付了45');
  h.send('我要退一赔十');
  expect(h.state.active!.phase).toBe('following');
  h.advance(120);
  return h;
}

describe('the refund without the claim', () => {
  it('offered by the seller, with the compensation waved off, is a counter-offer, not agreement', () => {
    const h = foodClaim();
    const out = h.send('店家说 亲 货款给您退了 赔偿就免了哈 同意的话马上处理');
    expect(text(out)).not.toContain('卖家同意了');
    expect(out.map((m) => m.key)).toContain('seller.counterOffer');
    expect(h.state.active!.timeline.at(-1)!.type).toBe('seller_counter_offer');
  });

  it('said another way ("赔不了"), is still less than asked', () => {
    const h = foodClaim();
    const out = h.send('卖家回复：可以退款45，但是赔不了');
    expect(text(out)).not.toContain('卖家同意了');
    expect(h.state.active!.timeline.at(-1)!.type).toBe('seller_counter_offer');
  });

  it('ruled by the platform, is a ruling of part, measured against the whole claim', () => {
    const h = foodClaim();
    h.send('申请平台介入');
    h.advance(60 * 24);
    const out = h.send('平台判了 商家退款45 十倍赔偿不予支持');
    expect(text(out)).not.toContain('平台支持了你');
    expect(out.map((m) => m.key)).toContain('platform.ruledPart');
    expect(text(out)).toContain('低于你的诉求 ¥1045.00');
    expect(text(out)).toContain('还有 ¥1000.00 没有支持');
  });

  it('leaves a full refund ruled, with no claim asked, a ruling for the buyer', () => {
    const h = new EngineHarness('2026-11-20T09:00:00+08:00');
    h.send('京东买的台灯 订单号 302918475612 灯不亮 要退款 付了89');
    h.send('申请平台介入');
    h.advance(60 * 24);
    const out = h.send('平台判定商家全额退款89');
    expect(out.map((m) => m.key)).not.toContain('platform.ruledPart');
  });
});

describe('a floor the buyer sets while an offer is open', () => {
  /** The case, the seller's offer of less, then the buyer's floor: what the bot answers. */
  function floorAfterOffer(first: string, offer: string, floor: string): { h: EngineHarness; said: string } {
    const h = new EngineHarness('2026-11-23T18:00:00+08:00');
    h.send(first);
    h.advance(60);
    h.send(offer);
    h.advance(2);
    const said = text(h.send(floor));
    expect(said).not.toContain('卖家同意了');
    expect(h.state.active!.timeline.filter((x) => x.type === 'seller_agreed')).toHaveLength(0);
    return { h, said };
  }

  it('turns the offer down and asks for more; the seller is never said to have agreed', () => {
    const { said } = floorAfterOffer('抖音买的一箱橙子 订单号 6938201746382910573 到了烂了一半 要退款', '客服说 只能退二十块', '一共二十个烂了十个 起码退一半');
    expect(said).toContain('卖家上次的方案你不接受');
  });

  it('with a sum ("至少150") is the same', () => {
    const { h } = floorAfterOffer('拼多多买的羊毛衫 订单 251120-384756102938475 起球严重 要退款 付了300', '商家说只能补偿30', '至少补偿150');
    expect(h.state.active!.compensationAmount).toBe(150);
  });
});

describe('the seller\'s excuse for waiting', () => {
  it('told with "not done yet", joins the platform letter beside the missed deadline', () => {
    const h = new EngineHarness('2026-11-22T10:00:00+08:00');
    h.send('拼多多买的电水壶 订单号 251120-293847561029384 壶身有裂缝 要换新的');
    h.advance(60);
    h.send('卖家说 好的亲 11月28号前给您发新的');
    h.tickHours(24 * 7);
    const out = h.send('没有，还没发，客服又说厂家断货了，叫我再等等');
    const letter = drafts(out, 'platform').at(-1)!.text;
    expect(letter).toMatch(/卖家让我等待，称厂家断货了/);
    expect(letter).toContain('卖家答应的期限已过');
  });
});
