/**
 * The refund of a return for goods at fault came whole, but the return postage the buyer paid did
 * not: the refund is recorded, the case stays open, and the postage is asked for with its own letter
 * (消法 第二十四条) — not the return letter again.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';

const keys = (out: readonly { key?: string }[]): string[] => out.map((m) => m.key ?? '');

function returned(opening: string): EngineHarness {
  const h = new EngineHarness('2026-11-23T10:00:00+08:00');
  // Opened, the return agreed, the parcel sent back; three days on, the refund is reported.
  const steps: [string, number][] = [[opening, 600], ['卖家同意退货退款了', 600], ['已经寄回去了 圆通 YT8812345678901', 60 * 24 * 3]];
  for (const [said, minutes] of steps) {
    h.send(said);
    h.advance(minutes);
  }
  return h;
}

describe('whole refund, return postage still owed', () => {
  it.each([
    ['京东订单号 318273645501 买的电饭煲 实付 329 内胆掉涂层 要退货退款', '钱退回来了 329全退了 不过寄回去的运费15是我自己出的', 329, 15],
    ['淘宝订单 5529301847562 买的真皮钱包 实付 188 详情页写头层牛皮 实物是PU 要退货退款', '退款到账了，全额，可是邮费9块没给', 188, 9],
    ['拼多多 订单 260101-448120937711 买的加湿器 实付 76 不出雾 我要退货退款', '76到账了，快递费8元我垫的', 76, 8],
  ])('%s → "%s"', (opening, said, price, postage) => {
    const h = returned(opening);
    const out = h.send(said);
    expect(keys(out)).toContain('partPaid.refundedPostageOwed');
    expect(keys(out)).not.toContain('resolved');
    expect(h.state.active!.slots.amountRefunded).toBe(price);
    const letters = drafts(out);
    expect(letters).toHaveLength(1);
    expect(letters[0]!.text).toContain('第二十四条');
    expect(letters[0]!.text).toContain(`${postage} 元`);
    expect(letters[0]!.text).not.toContain('我希望退货退款');
    expect([...h.due.keys()].some((id) => id.endsWith('-refund_arrival'))).toBe(false);
  });

  it('a buyer who changed their mind pays the postage: no letter for it', () => {
    const h = returned('淘宝订单 5529301847562 买的卫衣 实付 99 不喜欢 七天无理由退货');
    const out = h.send('99全退了，运费10块是我出的');
    expect(drafts(out).some((d) => d.text.includes('第二十四条'))).toBe(false);
  });
});
