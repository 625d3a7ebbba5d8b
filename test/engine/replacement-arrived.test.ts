/**
 * Trial 13 F10 and F14: what the buyer says of goods the seller sent again once they arrive. Came
 * wrong (in whatever order the arrival and the fault are told) is on the record with the buyer's
 * words of what is wrong, and every later letter states it, each wrong arrival on its own line; came
 * fine (in Chinese or English) closes the case, and is never read as the seller agreeing to a return.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness } from '../helpers/engine-harness.ts';
import type { Outbound } from '../../src/domain/index.ts';

const keys = (out: Outbound[]) => out.map((m) => m.key);
const draft = (out: Outbound[], to: string) => out.find((m) => m.kind === 'draft' && m.to === to)?.text ?? '';

/** A reship promised for the next day, its reminder answered with the parcel's number. */
function resent(first: string, promised: string, waybill: string, start = '2027-04-12T09:00:00+08:00'): EngineHarness {
  const h = new EngineHarness(start);
  h.send(first);
  expect(h.state.active!.phase).toBe('following');
  h.advance(120);
  h.send(promised);
  expect(h.state.active!.timeline.filter((e) => e.type === 'seller_promise').at(-1)?.note).toBe('ship');
  expect(keys(h.tickHours(2 * 24))).toEqual(['nudge.ship_promise']);
  expect(keys(h.send(`寄了 单号 ${waybill}`))).toEqual(['promiseCheck.waybill', 'promiseCheck.kept']);
  return h;
}

describe('the goods sent again came wrong', () => {
  const cases = [
    { says: '今天签收了 结果补发的那盒是薄荷味 不是原味', fault: '补发的那盒是薄荷味，不是原味' },
    { says: '快递到了，重发的是黑色款，不是我拍的白色', fault: '重发的是黑色款，不是我拍的白色' },
    { says: '又寄错了！这次来的是38码的', fault: '又寄错了，这次来的是38码的' },
  ];
  for (const { says, fault } of cases) {
    it(`"${says}": not resolved, on the record with what is wrong, and the platform letter says it`, () => {
      const h = resent('淘宝订单 5518203948571620394，牙膏买了4盒只来了3盒，要补发', '卖家说漏发了，明天给我补发', 'YT8899001122334');
      h.advance(3 * 24 * 60);
      const out = h.send(says);
      expect(keys(out)).toEqual(['remedy.stillWrong', 'next.remedyWrong']);
      expect(h.state.active).not.toBeNull();
      // The day it came is the replacement's, not the order's receipt.
      expect(h.state.active!.slots.receivedOn).toBeNull();
      h.advance(10);
      const letter = draft(h.send('申请平台介入'), 'platform');
      expect(letter).toContain('卖家寄出了补发商品（运单号 YT8899001122334）');
      expect(letter).toContain(`补发商品（运单号 YT8899001122334）已到货，仍有问题：${fault}。`);
    });
  }

  it('an own shop: the payment-channel and 12315 letters state the wrong arrival, not only the sending', () => {
    const h = resent('在品牌官网买的护手霜两支，订单号 7730019283746501，只寄来一支，补发', '商家回复确实少发了，明天给我补发', 'ZTO556677889900');
    h.advance(2 * 24 * 60);
    h.send('拿到了 可是补发的是身体乳 不是护手霜');
    h.advance(30);
    const out = h.send('商家不回了，我要12315投诉');
    const regulator = draft(out, 'regulator');
    expect(regulator).toContain('已到货，仍有问题：补发的是身体乳，不是护手霜。');
    expect(regulator).not.toContain('拿到了');
  });

  it('came wrong twice: each arrival is its own line, with its own waybill', () => {
    const h = resent('京东订单 309928371655，买的钢化膜发成了别的型号，要补发', '客服说明天补发正确型号', 'JDX000111222333');
    h.advance(2 * 24 * 60);
    expect(keys(h.send('补发的到了，型号还是不对'))).toContain('next.remedyWrong');
    h.advance(60);
    h.send('客服说再给我重新补发一次，明天发出');
    expect(keys(h.tickHours(2 * 24))).toEqual(['nudge.ship_promise']);
    h.send('发了 单号 JDX444555666777');
    h.advance(2 * 24 * 60);
    expect(keys(h.send('收到了，又发错了，这次是平板的膜'))).toContain('remedy.stillWrong');
    h.advance(5);
    const letter = draft(h.send('申请平台介入'), 'platform');
    expect(letter).toContain('补发商品（运单号 JDX000111222333）已到货，仍有问题：型号还是不对。');
    expect(letter).toContain('补发商品（运单号 JDX444555666777）已到货，仍有问题：又发错了，这次是平板的膜。');
  });

  it('the same report sent twice is recorded once, and answered the same', () => {
    const h = resent('拼多多订单 270412-110022334455667，收到的台灯灯罩裂了，要补发一个', '商家同意补发，明天给我寄出', 'YT1122334455667');
    h.advance(2 * 24 * 60);
    h.send('快递到了 补发的灯罩也是裂的');
    // Told again: the same answer, not "the seller's time has passed".
    expect(keys(h.send('快递到了 补发的灯罩也是裂的'))).toEqual(['remedy.stillWrong', 'next.remedyWrong']);
    expect(h.state.active!.timeline.filter((e) => e.type === 'nudged' && / wrong\b/.test(e.note))).toHaveLength(1);
  });
});

describe('the goods sent again came fine', () => {
  for (const says of ['the replacement came today and it works fine, thanks', 'got the new one, all good now', '新寄来的签收了，完全没问题，谢谢']) {
    it(`"${says}": the case closes, with no return instructions`, () => {
      const h = resent('淘宝订单 6619203847561029384，收到的保温杯盖子是坏的，要补发', '商家说明天给我补发一个新的', 'SF1234509876123');
      h.advance(3 * 24 * 60);
      const out = h.send(says);
      expect(keys(out)).toEqual(['resolved']);
      expect(keys(out)).not.toContain('seller.agreesReturn');
      expect(h.state.active).toBeNull();
    });
  }

  it('fine but with a fault beside it is not fine', () => {
    const h = resent('淘宝订单 6619203847561029384，收到的保温杯盖子是坏的，要补发', '商家说明天给我补发一个新的', 'SF1234509876123');
    h.advance(3 * 24 * 60);
    const out = h.send('the replacement arrived, the lid is fine but the cup is cracked');
    expect(keys(out)).not.toContain('resolved');
    expect(h.state.active).not.toBeNull();
  });
});
