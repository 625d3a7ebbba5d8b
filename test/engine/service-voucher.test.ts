/**
 * Trial 13 F17: a group-buy voucher or a service used at the shop, bought on a takeaway app, is not
 * a takeaway meal and not food in hand: its checklist asks for the order, the payment, the chat and
 * the voucher's own record (unused, or redeemed and when), never a date label or a batch number.
 * A takeaway order on the same app keeps its own checklist.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness } from '../helpers/engine-harness.ts';
import type { Outbound } from '../../src/domain/index.ts';

const checklist = (out: Outbound[]) => out.find((m) => m.kind === 'checklist')?.text ?? '';
const sellerLetter = (out: Outbound[]) => out.find((m) => m.kind === 'draft' && m.to === 'seller')?.text ?? '';

/** The case told in one message and its order number in the next (the problem's kind picked when asked). */
function told(first: string, orderId: string): Outbound[] {
  const h = new EngineHarness('2027-06-02T18:20:00+08:00');
  h.send(first);
  const out = h.advance(3).send(`订单号 ${orderId}`);
  return out.some((m) => m.key === 'ask.problem') ? h.choose('problem', 'other') : out;
}

describe('a voucher for a service at the shop', () => {
  for (const first of [
    '美团团购买了一张洗车券 68元 到店说今天洗不了让我下周再来 我要退款',
    '大众点评团购的理发套餐 128块，店员把券核销了但是没给我剪，要退款',
    '在抖音团购了一张美甲券 99，去了店里说美甲师离职了做不了，要退款',
  ]) {
    it(`"${first}": no takeaway or food-label items, and the voucher's record is asked for`, () => {
      const out = told(first, '7391028475610293');
      const list = checklist(out);
      expect(list).not.toContain('外卖');
      expect(list).not.toContain('生产日期');
      expect(list).not.toContain('批次号');
      expect(list).not.toContain('骑手');
      expect(list).toContain('券的状态');
      // A seller letter with the shop's answer asked for by a time, as for any shop.
      expect(sellerLetter(out)).toMatch(/麻烦您在\d{4}年/);
    });
  }
});

describe('a takeaway order on the same app', () => {
  it('keeps the takeaway checklist', () => {
    const out = told('美团外卖点的麻辣烫少送了一份牛肉 32元 要退那份的钱', '5829103746128374');
    expect(checklist(out)).toContain('外卖');
    expect(checklist(out)).not.toContain('券的状态');
  });
});

describe('a fact added while the order number is asked', () => {
  for (const { first, added } of [
    { first: '美团团购的美容套餐 260元，店里说美容师休假要等两个月，要退款', added: '店员已经把券核销了，可我一项服务都没做' },
  ]) {
    it(`"${added}": in the letter's problem line, and the order number asked again without "not found"`, () => {
      const h = new EngineHarness('2027-06-02T18:20:00+08:00');
      h.send(first);
      const out = h.advance(2).send(added);
      expect(out.map((m) => m.text).join('\n')).not.toContain('没找到订单号');
      const letter = sellerLetter(h.advance(2).send('订单号 6619203847561029'));
      expect(letter).toContain(added);
    });
  }
});
