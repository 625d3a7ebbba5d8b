/**
 * Money that comes in any words is held against what was agreed or claimed: a counter the seller
 * agreed to is the sum, a transfer off the platform is compared with it, "结案吧" closes, and a case
 * with a side claim still unpaid (return postage) does not close on the main refund.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';

const all = (out: ReturnType<EngineHarness['send']>): string => out.map((m) => m.text).join('\n');
const keys = (out: ReturnType<EngineHarness['send']>): (string | undefined)[] => out.map((m) => m.key);

/** A breakage case on 1688 where the seller offers 120, the buyer counters 150 and the seller agrees. */
function countered(): EngineHarness {
  const h = new EngineHarness('2026-11-14T09:00:00+08:00');
  h.send('1688进的陶瓷碗 10箱 货款2400 订单号 2609914435870126 到货碎了一箱');
  h.send('不退货 碎的赔我就行 180');
  h.advance(60 * 5);
  h.send('老板说先赔120 我还价150 他同意了');
  return h;
}

describe('money arrivals and closing words', () => {
  it('records the counter the seller agreed to as the sum', () => {
    const h = countered();
    const status = all(h.command('status'));
    expect(status).toContain('¥150.00');
    expect(status).not.toContain('¥120.00');
  });

  it('compares a transfer off the platform with the agreed sum and offers to close', () => {
    const h = countered();
    h.advance(60 * 20);
    const out = h.send('老板直接微信转了我150 没走平台');
    expect(keys(out)).toContain('offPlatform.meetsAgreed');
    h.advance(2);
    expect(keys(h.send('钱够了 结案吧'))).toContain('resolved');
  });

  it('says what is still owed when the transfer off the platform is less than agreed', () => {
    const h = countered();
    h.advance(60 * 20);
    const text = all(h.send('他支付宝转了我100 没走平台退款'));
    expect(text).toContain('¥50.00');
  });

  it('records money taken off the platform with the sum kept back and the reason, and the platform letter asks only for the rest', () => {
    const h = new EngineHarness('2026-11-14T09:00:00+08:00');
    h.send('抖音买的羊绒围巾 订单号 5520138874410926 起球严重 我要退货退款');
    h.advance(60 * 3);
    h.send('卖家说可以退 寄回来就行');
    h.advance(60 * 3);
    h.send('寄了 圆通 YT7781203345561');
    h.advance(60 * 24 * 4);
    const out = h.send('老板加我微信后转了260 说剩下40扣的是运损费 我不认');
    expect(keys(out)).toContain('offPlatform.keptBack');
    h.advance(5);
    const platform = drafts(h.send('申请平台介入'), 'platform').at(-1)?.text ?? '';
    expect(platform).toContain('平台外私下转给我 260 元，我已收下。其余 40 元，卖家称扣作运损费，未退。');
    expect(platform).toContain('退还其余 40 元');
  });

  it('keeps a return-postage claim open when only the refund arrives', () => {
    const h = new EngineHarness('2026-11-14T09:00:00+08:00');
    h.send('拼多多买的电暖器 实付259元 开机就冒烟 订单号 251114-660918273345120 我要退款');
    h.advance(60 * 5);
    h.send('卖家说寄回来检测');
    h.advance(60 * 5);
    h.send('寄了 韵达 431208876650912 运费15');
    h.advance(60 * 24 * 3);
    h.send('卖家拒绝了 说检测没问题');
    h.advance(5);
    h.send('我要全额退259 另外运费15也得他出');
    h.advance(60 * 24 * 3);
    const out = h.send('259到账了');
    expect(keys(out)).not.toContain('resolved');
    expect(keys(out)).toContain('partPaid.refundedPostageOwed');
    expect(drafts(out, 'seller').at(-1)?.text).toContain('15 元');
  });

  it('records an arrival after a full refund ruled with no sum named, and asks to close', () => {
    const h = new EngineHarness('2026-11-14T09:00:00+08:00');
    h.send('京东买的空气净化器 订单号 301122874456109 噪音特别大 要退货退款');
    h.advance(60 * 5);
    h.send('卖家说不退');
    h.advance(5);
    h.send('申请平台介入');
    h.advance(60 * 24 * 2);
    h.send('平台判我赢了 支持退货退款');
    h.advance(60 * 24 * 3);
    const out = h.send('1899到账');
    expect(keys(out)).toContain('settled.paidNoSum');
    expect(all(out)).toContain('¥1899.00');
  });

  for (const words of ['钱够了 结案吧', '1500到账了 搞定👌', 'all done, close the case']) {
    it(`"${words}" closes the case`, () => {
      const h = countered();
      h.advance(60);
      expect(keys(h.send(words))).toContain('resolved');
    });
  }

  for (const words of ['先别结案 还有运费没给', '能结案吗？']) {
    it(`"${words}" does not close the case`, () => {
      const h = countered();
      h.advance(60);
      expect(keys(h.send(words))).not.toContain('resolved');
    });
  }
});
