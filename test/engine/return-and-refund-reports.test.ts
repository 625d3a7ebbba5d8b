/**
 * A return under way, as buyers report it (trial 12 F2–F4): the seller's words end where the
 * buyer's own voice starts again; a parcel the buyer says they sent is the return; "收到货N天内退款"
 * is a time to come, not the seller's receipt; money reported back is not a new wish; and a refund
 * the buyer says came short by a named sum gets the shortfall letter even with no sum agreed before.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';
import { offerAndReason } from '../../src/engine/reports.ts';
import { reportedReason } from '../../src/nlu/buyer-report.ts';

function returning(): EngineHarness {
  const h = new EngineHarness('2026-10-12T14:00:00+08:00');
  h.send('淘宝订单 3920018475563201847 买的电热水壶 第四天开关就失灵了 想退货退款');
  h.advance(30);
  return h;
}

describe("the seller's words, reported with spaces for commas", () => {
  it.each([
    ['商家同意换货 但是说来回邮费我自己承担 我买了退货险的 只赔8块', '来回邮费我自己承担'],
    ['客服说要先核实 明天答复 我都等三天了', '要先核实 明天答复'],
    ['店家说质量没问题 那我只能找平台了', '质量没问题'],
  ])('%s', (text, said) => {
    expect(reportedReason(text)).toBe(said);
  });

  it('keeps a space inside the seller\'s words, and a second "说" starts the next clause', () => {
    expect(reportedReason('卖家说是人为的 让我自己去找快递')).toBe('是人为的 让我自己去找快递');
    expect(offerAndReason('卖家说只能退一半 说是快递摔的不关他们事')).toEqual({ offer: '只能退一半', because: '是快递摔的不关他们事' });
  });

  it("the buyer's own words after the seller's are in no letter", () => {
    const h = returning();
    h.send('商家答应退货 不过说邮费要我自己出 我有退货险的吧 只赔10块 我寄京东花了15');
    const letter = drafts(h.send('申请平台介入'), 'platform')[0]!.text;
    expect(letter).toContain('邮费要我自己出');
    expect(letter).not.toMatch(/运费险的吧|只赔10块|花了15/);
  });
});

describe('a parcel the buyer sent, and a refund promised after it arrives', () => {
  it('"我已经寄出了 单号…" is the return waybill, not the delivery\'s', () => {
    const h = returning();
    h.send('卖家同意退货退款了');
    const out = h.send('我今天已经寄出了 中通单号 78812345670012');
    expect(h.state.active!.slots.returnTrackingNo).toBe('78812345670012');
    expect(h.state.active!.slots.trackingNo ?? null).toBeNull();
    expect(out.map((m) => m.text).join('\n')).toContain('退货快递单号');
  });

  it('"收到货5天内退款" is a time to come: no receipt of the return is recorded', () => {
    const h = returning();
    h.send('卖家同意退货退款了');
    h.send('我已经寄出了 顺丰 SF1234509876123');
    const out = h.send('商家说收到货5天内退款');
    expect(h.state.active!.timeline.some((x) => x.type === 'return_received')).toBe(false);
    expect(out.map((m) => m.text).join('\n')).not.toContain('签收了你寄回的商品');
  });
});

describe('money reported back', () => {
  it('does not change the wish, and a shortfall told in sums gets its letter', () => {
    const h = returning();
    h.send('卖家同意退货 但运费让我自己出');
    h.advance(60 * 24 * 4);
    const out = h.send('退款到账了 不过只退了货款259 邮费9块还没给');
    expect(h.state.active!.slots.wants).toBe('return_refund');
    expect(out.map((m) => m.text).join('\n')).not.toContain('已更正诉求');
    const letter = drafts(out, 'seller')[0]!.text;
    expect(letter).toContain('259 元');
    expect(letter).toContain('还差 9 元');
  });

  it('"钱已经到账了" alone changes no wish either', () => {
    const h = returning();
    h.send('卖家同意退货退款了');
    h.advance(60 * 24 * 3);
    h.send('钱已经到账了');
    expect(h.state.active?.slots.wants ?? 'return_refund').toBe('return_refund');
  });
});

describe('a replacement with the same fault', () => {
  it.each(['换来的新水壶到了 还是同样的毛病 烧一会就跳闸', '新的收到了，结果一样的问题，把手那里掉漆'])('"%s" keeps the case open and says what next', (text) => {
    const h = returning();
    h.send('商家答应换一个新的 后天寄出');
    h.advance(60 * 24 * 4);
    const out = h.send(text);
    expect(out.map((m) => m.key)).toContain('remedy.stillWrong');
    expect(h.state.active!.phase).toBe('following');
  });
});

describe("the platform's own service paid part", () => {
  it('"饿了么客服给我退了15 剩下的商家不肯退" is a ruling for the buyer in part, never one for the seller', () => {
    const h = new EngineHarness('2026-10-12T12:00:00+08:00');
    h.send('饿了么点的麻辣烫 送到的时候撒了一半 订单号 5201120988771234 一共36 全额退款');
    h.advance(40);
    h.send('商家说是骑手弄洒的 让我找骑手');
    h.advance(30);
    const out = h.send('饿了么客服给我退了15 剩下的商家不肯退');
    const ruled = h.state.active!.timeline.filter((x) => x.type === 'platform_ruled_buyer');
    expect(ruled.at(-1)?.note).toBe('sum:15 part');
    expect(h.state.active!.timeline.some((x) => x.type === 'platform_ruled_seller')).toBe(false);
    expect(out.map((m) => m.text).join('\n')).not.toContain('支持卖家');
  });
});
