/**
 * Trial 10, findings 1, 12 and 9: the sum a letter claims is the one the buyer told. A sum stated
 * as owed overrides the price paid; with only part of an order concerned and no sum owed told, the
 * bot asks instead of counting the price paid against the refund; money said not to have come back
 * is owed, not refunded; a partial refund asked for stays partial, with its sum. Every sentence here
 * is invented for these tests.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/nlu/index.ts';
import { notBackSum, owedSum, partOfOrder } from '../../src/nlu/amounts.ts';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';
import type { Outbound } from '../../src/domain/index.ts';

const ORDER = '3390124857716203948';
const all = (out: Outbound[]) => out.map((m) => m.text).join('\n');

/** A wholesale case where part of the order went back and the seller agreed. */
function partReturned(first: string, paid: string): EngineHarness {
  const h = new EngineHarness('2026-09-14T09:00:00+08:00');
  h.send(first);
  h.advance(10);
  h.send(paid);
  h.advance(60 * 20);
  h.send('商家同意退货退款了');
  h.advance(60 * 24 * 3);
  return h;
}

describe('a sum the buyer states as owed', () => {
  it('overrides the price paid in the seller and platform letters', () => {
    const h = partReturned(`1688进了80双拖鞋 订单号 ${ORDER} 其中15双鞋底开胶 要退这15双`, '总共付了1600元，一双20');
    const out = h.send('退款到了，只退了200块，应该退300的');
    const seller = drafts(out, 'seller')[0]!.text;
    expect(seller).toContain('应退 300 元');
    expect(seller).toContain('还差 100 元');
    expect(all(out)).not.toMatch(/1,?400/);
    h.advance(10);
    const platform = drafts(h.send('申请平台介入'), 'platform')[0]!.text;
    expect(platform).toContain('退还剩余的退款 100 元');
    expect(platform).not.toMatch(/1,?400|1,600/);
  });

  it('given as the refund and the difference ("差…") counts the same', () => {
    const h = partReturned(`淘宝买了6盒茶叶 订单号 ${ORDER} 有2盒受潮结块了`, '实付720元');
    const out = h.send('卖家退了150块 还差90');
    expect(drafts(out, 'seller')[0]!.text).toContain('应退 240 元，目前收到的退款是 150 元，还差 90 元');
  });

  it('for a partial order with no sum owed told, the bot asks and writes no difference from the price', () => {
    const h = partReturned(`1688批了40件T恤 订单号 ${ORDER} 有9件印花掉色 退回来9件`, '实付1200元');
    const out = h.send('卖家收到货了 只退了100块');
    expect(out.map((m) => m.key)).toContain('escalate.refundShortAskOwed');
    expect(drafts(out, 'seller')).toHaveLength(0);
    expect(all(out)).not.toMatch(/1,?100/);
    h.advance(3);
    // The sum owed told afterwards, then corrected: the letter follows the latest.
    const next = h.send('应该退270');
    expect(drafts(next, 'seller')[0]!.text).toContain('应退 270 元，目前收到的退款是 100 元，还差 170 元');
    h.advance(3);
    const fixed = h.send('算错了 应该是退243块');
    expect(drafts(fixed, 'seller')[0]!.text).toContain('应退 243 元，目前收到的退款是 100 元，还差 143 元');
    h.advance(3);
    expect(drafts(h.send('申请平台介入'), 'platform')[0]!.text).toContain('退还剩余的退款 143 元');
  });

  it('the whole price said as owed is still counted as the price paid', () => {
    const h = partReturned(`京东买的空气炸锅 订单号 ${ORDER} 开机就跳闸`, '实付459元');
    const out = h.send('钱退回来了，只退回400，本来应该459');
    expect(out.map((m) => m.key)).toContain('escalate.refundShortPaid');
  });

  it('reads the owed, not-back and part-of-order shapes', () => {
    expect(owedSum('本来该退88块 结果退了60')).toBe(88);
    expect(owedSum('应该是退六百块')).toBe(600);
    expect(owedSum('卖家答应退300')).toBeNull();
    expect(notBackSum('退款520元至今没到账')).toBe(520);
    expect(notBackSum('商家收到了 到现在钱还是没退回来 两百块')).toBe(200);
    expect(partOfOrder('一箱24瓶 碎了3瓶')).toBe(true);
    expect(partOfOrder('买了3件 都起球了')).toBe(false);
  });
});

describe('money that has not come back', () => {
  it('is not read as refunded', () => {
    expect(extract('商家签收退货都十来天了 260块到现在没退').amountRefunded).toBeNull();
    expect(extract('退款799元一直没到账').amountRefunded).toBeNull();
    expect(extract('应退款 150元').amountRefunded).toBeNull();
    expect(extract('本来该退88块 结果退了60').amountRefunded).toBe(60);
  });

  it('is the sum owed, and the letters say the refund has not arrived', () => {
    const h = new EngineHarness('2026-09-14T09:00:00+08:00');
    const out = h.send(`拼多多买的吸尘器 退货了 订单号 ${ORDER} 商家上周就签收了 钱到现在还没退回来 526块`);
    expect(all(out)).not.toMatch(/已退金额/);
    const seller = drafts(out, 'seller')[0]!.text;
    expect(seller).toContain('526 元的退款至今没有到账');
    expect(seller).toContain('退款 526 元');
  });
});

describe('a partial refund asked for', () => {
  it('is a partial refund with its sum, and a later "钱没退" does not make it a full refund', () => {
    const h = new EngineHarness('2026-09-14T12:00:00+08:00');
    const first = h.send(`饿了么点了三杯奶茶 订单号 ${ORDER} 漏送了一杯 退漏送的那杯的钱就行`);
    expect(h.state.active!.slots.wants).toBe('compensation');
    expect(drafts(first, 'seller')[0]!.text).not.toMatch(/申请退款。|我希望申请退款/);
    h.advance(60 * 20);
    h.send('商家一直没处理 钱没退');
    expect(h.state.active!.slots.wants).toBe('compensation');
    h.advance(2);
    const sum = h.send('不要全退 就退少送的那一杯 一共16块');
    expect(all(sum)).toContain('¥16.00');
    // The letter of the case's step is rewritten with the sum.
    expect(sum.find((m) => m.kind === 'draft')!.text).toContain('部分退款 16 元');
    h.advance(2);
    const platform = drafts(h.send('申请平台介入'), 'platform')[0]!.text;
    expect(platform).toContain('部分退款 16 元');
    expect(platform).not.toMatch(/我的诉求：退款/);
  });
});
