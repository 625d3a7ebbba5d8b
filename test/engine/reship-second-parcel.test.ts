/**
 * Trial 15 F14: goods sent again are a second parcel. Its waybill ("补发了 新单号…") is recorded beside
 * the first, never in its place; a count short in it ("只有36支") is goods, not money that came; and
 * the letter after it states the first problem, the ruling or agreement to send again, the second
 * parcel and what is wrong with it, and claims only what is still open.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness } from '../helpers/engine-harness.ts';
import type { Outbound } from '../../src/domain/index.ts';

const keys = (out: Outbound[]) => out.map((m) => m.key);
const draft = (out: Outbound[], to: string) => out.find((m) => m.kind === 'draft' && m.to === to)?.text ?? '';

/** A lost parcel, refused by the seller, the platform letter handed over. */
function refused(first: string, refusal: string): EngineHarness {
  const h = new EngineHarness('2027-02-15T09:00:00+08:00');
  h.send(first);
  expect(h.state.active!.phase).toBe('following');
  h.advance(6 * 60);
  expect(keys(h.send(refusal))).toContain('draft.platform');
  h.advance(24 * 60);
  return h;
}

describe('a ruling to send again, with the new parcel and its short count', () => {
  const cases = [
    {
      first: '抖音买的水彩笔48色 39块 订单号 5561029384756 物流一直停在义乌分拨中心 快递单号 JT3019283746501 想补发',
      refusal: '商家说快递的问题让我自己找极兔',
      ruled: '平台介入判了商家补发，已经重新寄出，新单号 YT6620193847561',
      waybill: 'YT6620193847561', firstWaybill: 'JT3019283746501',
      short: '补发的收到了，可是只有36支，订单是48色的',
      wish: '不补了，退10块差价就行',
      owed: '部分退款 10 元',
    },
    {
      first: '拼多多买的乐高积木 129元 订单号 241201-330918475620 快递单号 SF1402938475610 五天没更新物流了 想要补发',
      refusal: '客服说丢件不归他们管，不给补发',
      ruled: '平台判商家补发了 补发了新的快递单号 ZTO77120938456',
      waybill: 'ZTO77120938456', firstWaybill: 'SF1402938475610',
      short: '补发的到了，少了一包零件，只有3包，应该是4包',
      wish: '不用再补了，退差价30元',
      owed: '部分退款 30 元',
    },
  ];
  for (const c of cases) {
    it(`"${c.ruled}", then "${c.short}": both parcels, the ruling and the short count in the letter, claiming ${c.owed}`, () => {
      const h = refused(c.first, c.refusal);
      const ruled = h.send(c.ruled);
      expect(keys(ruled)).toContain('promiseCheck.waybill');
      expect(h.state.active!.slots.trackingNo).toBe(c.firstWaybill);
      h.advance(4 * 24 * 60);
      const came = h.send(c.short);
      expect(keys(came)).not.toContain('escalate.refundShortAskOwed');
      expect(h.state.active!.slots.amountRefunded).toBeNull();
      expect(keys(came)).toEqual(['remedy.stillWrong', 'draft.platform', 'next.remedyWrongLetter']);
      h.advance(10);
      const letter = draft(h.send(c.wish), 'platform');
      expect(letter).toContain(`快递单号：${c.firstWaybill}`);
      expect(letter).toContain('平台判定商家补发');
      expect(letter).toContain(`卖家寄出了补发商品（运单号 ${c.waybill}）`);
      expect(letter).toContain(`卖家寄来的补发商品（运单号 ${c.waybill}）已到货，仍有问题：`);
      expect(letter).toContain(`我的诉求：${c.owed}`);
    });
  }

  it('a waybill said to be wrong is still a correction of the first', () => {
    const h = refused('淘宝买的台历 订单号 3319203847561029384 快递单号 YT1122334455667 一周没动静 想补发', '卖家说快递丢了不归他们管');
    h.send('刚才的快递单号写错了，新单号是 YT1122334455668');
    expect(h.state.active!.slots.trackingNo).toBe('YT1122334455668');
  });
});
