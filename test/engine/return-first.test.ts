/**
 * Trial 13 F15: a seller who wants the goods back first and then sends the right ones (or refunds)
 * agrees to a return; nothing is inspected. The buyer hears how to send it back (and who owes the
 * postage when the fault is the seller's), and the next letter states the terms the seller set.
 * A send-back that names checking the goods is still one for inspection.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness } from '../helpers/engine-harness.ts';
import type { Outbound } from '../../src/domain/index.ts';

const keys = (out: Outbound[]) => out.map((m) => m.key);
const draft = (out: Outbound[], to: string) => out.find((m) => m.kind === 'draft' && m.to === to)?.text ?? '';

/** The case opened with its letter to the seller, and the seller's answer three hours later. */
function opened(first: string): EngineHarness {
  const h = new EngineHarness('2027-05-10T09:30:00+08:00');
  expect(keys(h.send(first))).toContain('draft.seller');
  return h.advance(180);
}

describe('the goods back first, then the seller acts', () => {
  const exchange = '淘宝订单 3390128475610293847，运动鞋发成了40码，我拍的是42，要换货';
  for (const said of ['客服让我先把鞋寄回去，他们收到以后再给我换一双42的', '商家说先寄回来，签收后两天内给我发新的', '卖家说你先寄回来再给你换']) {
    it(`"${said}": an agreed return, not an inspection`, () => {
      const h = opened(exchange);
      const out = h.send(said);
      expect(keys(out)).toContain('seller.agreesReturn');
      expect(keys(out)).not.toContain('seller.inspection');
      expect(h.state.active!.timeline.some((e) => e.type === 'seller_return_for_inspection')).toBe(false);
      expect(h.state.active!.timeline.some((e) => e.type === 'seller_agreed' && e.note.includes('return_first'))).toBe(true);
      const later = h.tickHours(2 * 24);
      expect(keys(later)).not.toContain('nudge.return_inspection');
    });
  }

  it('a refund after the goods are back: the same', () => {
    const h = opened('京东订单 412290018877，电热水壶烧水有焦味，要退货退款');
    const out = h.send('商家说你先寄回来，我们拿到东西以后两天内退款');
    expect(keys(out)).toContain('seller.agreesReturn');
    expect(keys(out)).not.toContain('seller.inspection');
  });

  it('the seller puts the postage on the buyer for its own mistake: told who owes it, and the letter says the terms', () => {
    const h = opened(exchange);
    const out = h.send('商家说先寄回来，邮费我自己付，收到货以后给我补寄42码');
    expect(keys(out)).toContain('seller.agreesReturn');
    expect(out.map((m) => m.text).join('\n')).toContain('第二十四条');
    h.advance(20);
    const letter = draft(h.send('申请平台介入'), 'platform');
    expect(letter).toContain('卖家答复：同意处理，要求我先把商品寄回，且退货运费由我承担。');
    expect(letter).not.toContain('检测');
  });

  it('with no postage said, the letter says only the return first', () => {
    const h = opened(exchange);
    h.send('卖家说你先寄回来再给你换');
    h.advance(20);
    const letter = draft(h.send('申请平台介入'), 'platform');
    expect(letter).toContain('卖家答复：同意处理，要求我先把商品寄回。');
    expect(letter).not.toContain('运费由我承担');
  });
});

describe('a send-back that names checking the goods', () => {
  for (const said of ['卖家说先寄回来检测，检测完再给我换', '商家让我寄回去给他们看一下，收到后再说']) {
    it(`"${said}": still for inspection`, () => {
      const h = opened('拼多多订单 270510-339911228844556，吹风机用了三天不出热风，要换货');
      const out = h.send(said);
      expect(keys(out)).toContain('seller.inspection');
      expect(keys(out)).not.toContain('seller.agreesReturn');
    });
  }
});
