/**
 * Trial 5 (#10): the amount and the payment channel the buyer named in the first message are
 * recorded and used in the payment letter (addressed to that channel) and the case file; a
 * question whether the channel can help is answered.
 */
import { describe, expect, it } from 'vitest';
import { caseFileContent } from '../../src/casefile/content.ts';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';
import type { Outbound } from '../../src/domain/index.ts';

const ORDER = '5520918837461029';
const keys = (out: Outbound[]) => out.map((m) => m.key);

function paid(): EngineHarness {
  const h = new EngineHarness('2026-11-18T21:00:00+08:00');
  h.send(`淘宝上买了一个空气炸锅，459元，用建设银行信用卡通过支付宝付的，订单号 ${ORDER}`);
  h.advance(1);
  h.send('付款十天了还是不发货');
  h.advance(1);
  h.send('退款');
  return h;
}

describe('the amount and the channel of the payment', () => {
  it('are recorded from the first message', () => {
    const s = paid().state.active!.slots;
    expect(s.amountPaid).toBe(459);
    expect(s.paidWith).toBe('建设银行信用卡、支付宝');
  });

  it('go into the payment letter, addressed to the channel, and into the case file', () => {
    const h = paid();
    h.advance(5);
    const letter = drafts(h.send('支付宝投诉'), 'payment')[0]!;
    expect(letter.body).toContain('付款金额：459 元');
    expect(letter.body).toContain('付款方式：建设银行信用卡、支付宝');
    expect(letter.text).toContain('发给你付款用的 建设银行信用卡、支付宝');
    const file = caseFileContent(h.state.active!, { locale: 'zh-CN', timezone: 'Asia/Shanghai', now: h.now });
    const values = file.facts.rows.map((r) => r.value).join('\n');
    expect(values).toContain('459');
    expect(values).toContain('建设银行信用卡、支付宝');
  });

  it('a question whether the card can be charged back is answered, the same letter not given twice', () => {
    const h = paid();
    h.advance(5);
    h.send('支付宝投诉');
    h.advance(3);
    const out = h.send('那信用卡那边能申请拒付吗');
    expect(keys(out)).toContain('payment.howAbove');
    expect(drafts(out)).toHaveLength(0);
    expect(out.map((m) => m.text).join('\n')).toMatch(/发卡银行申请拒付/);
  });

  it('a price only remarked on is not the amount paid', () => {
    const h = new EngineHarness('2026-11-18T21:00:00+08:00');
    h.send(`订单号 ${ORDER}，卖家说补偿5块钱就想打发我，我要退款`);
    expect(h.state.active!.slots.amountPaid).toBeNull();
  });
});
