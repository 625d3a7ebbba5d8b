/**
 * The buyer confirmed receipt because the seller asked and promised a refund for it: the platform
 * letter says so, and that the seller has not refunded since. Every sentence here is invented.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';

function askedToConfirm(sellerWords: string): EngineHarness {
  const h = new EngineHarness('2026-12-04T09:00:00+08:00');
  h.send('拼多多订单 251130-550381947260134，买的台灯插上电不亮，我要退款');
  h.advance(60);
  h.send(sellerWords);
  h.advance(10);
  return h;
}

describe('confirming receipt on the seller\'s word', () => {
  it.each([
    ['商家说先点确认收货，确认了就给你退钱', '我已经确认收货了'],
    ['卖家让我先确认收货 确认后马上退款', '我确认了😓'],
    ['卖家让我先确认收货，说确认以后就给我退款', '我点了确认收货'],
  ])('"%s" then "%s": the letter says both, and no refund since', (seller, buyer) => {
    const h = askedToConfirm(seller);
    h.send(buyer);
    h.advance(24 * 60);
    const letter = drafts(h.send('商家不回我消息了'), 'platform')[0]?.text ?? drafts(h.send('申请平台介入'), 'platform')[0]!.text;
    expect(letter).toContain('卖家要求我先确认收货，答应确认后就退款。我按卖家的要求确认了收货，但卖家此后没有退款。');
  });

  it('asked to confirm with no refund named, and not confirmed: the plain line', () => {
    const h = askedToConfirm('卖家说要先确认收货才能处理');
    const letter = drafts(h.send('申请平台介入'), 'platform')[0]!.text;
    expect(letter).toContain('卖家要求我先确认收货再处理。');
    expect(letter).not.toContain('确认了收货');
  });
});
