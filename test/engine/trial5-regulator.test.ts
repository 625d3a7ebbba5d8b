/**
 * Trial 5 (#7): the 12315 letter after a platform ruled against the buyer — the ruling with its
 * day and reported reason, the business's credit code from the licence, and a complaint not
 * accepted yet answered with the next step rather than the same letter again.
 */
import { describe, expect, it } from 'vitest';
import { caseFileContent } from '../../src/casefile/content.ts';
import { creditCode } from '../../src/engine/business.ts';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';
import type { Outbound } from '../../src/domain/index.ts';

const ORDER = '2207461938205517';
const keys = (out: Outbound[]) => out.map((m) => m.key);

/** A case on the platform rung: the seller refused and the buyer applied for intervention. */
function applied(): EngineHarness {
  const h = new EngineHarness('2026-11-02T09:00:00+08:00');
  h.send(`在得物买的一件羽绒服，订单号 ${ORDER}，穿了三天拉链就坏了，想退货退款`);
  h.advance(240);
  const refused = h.send('卖家拒绝了，说穿过的衣服不退');
  if (refused.some((m) => m.key === 'confirm.reply')) h.choose('confirmReply', 'refuses');
  h.advance(30);
  h.send('我已经申请平台介入了');
  return h;
}

describe('the platform ruled for the seller', () => {
  it('is recorded with its reason and listed in the 12315 letter with its day', () => {
    const h = applied();
    h.advance(3 * 24 * 60);
    const ruled = h.send('得物判了，说拉链损坏是人为原因，不支持退货。我不同意');
    expect(keys(ruled)).not.toContain('confirm.reply');
    const entry = h.state.active!.timeline.find((x) => x.type === 'platform_ruled_seller')!;
    expect(entry.reason).toContain('拉链损坏是人为原因');
    const body = drafts(ruled, 'regulator')[0]?.body ?? drafts(h.send('我要向12315投诉'), 'regulator')[0]!.body;
    expect(body).toMatch(/2026年11月5日，平台判定支持卖家，理由是拉链损坏是人为原因/);
    const payment = drafts(h.send('支付宝投诉'), 'payment')[0]!.body;
    expect(payment).toContain('平台判定支持卖家，理由是拉链损坏是人为原因');
  });

  it('the ruling label is unambiguous in both languages', async () => {
    const zh = (await import('../../locales/zh-CN/dialogue.json')).default as { reply: Record<string, string> };
    const en = (await import('../../locales/en/dialogue.json')).default as { reply: Record<string, string> };
    expect(zh.reply.platform_for_seller).toBe('平台判定支持卖家');
    expect(en.reply.platform_for_seller).toMatch(/in the seller's favour/);
  });
});

describe('the credit code from the licence', () => {
  it('has the 18-character shape; an order number of digits alone is none', () => {
    expect(creditCode('统一社会信用代码：91440300MA5FXXXXXX')).toBe('91440300MA5FXXXXXX');
    expect(creditCode('信用代码 913101157989ABCD1Y')).toBe('913101157989ABCD1Y');
    expect(creditCode('订单号 220746193820551745')).toBeNull();
    expect(creditCode('信用代码 91440300MA5F')).toBeNull();
    // I, O, Z, S, V are never used.
    expect(creditCode('信用代码 91440300MA5FIOZSVX')).toBeNull();
  });

  it('goes into the record, the 12315 letter and the case file', () => {
    const h = applied();
    h.advance(60);
    h.send('我要向12315投诉');
    const out = h.send('营业执照上写着 深圳某某服饰有限公司，统一社会信用代码 91440300MA5FXXXXXX');
    expect(h.state.active!.slots.businessCode).toBe('91440300MA5FXXXXXX');
    const body = drafts(out, 'regulator')[0]!.body;
    expect(body).toContain('深圳某某服饰有限公司');
    expect(body).toContain('统一社会信用代码：91440300MA5FXXXXXX');
    const file = caseFileContent(h.state.active!, { locale: 'zh-CN', timezone: 'Asia/Shanghai', now: h.now });
    expect(file.facts.rows.map((f) => f.value)).toContain('91440300MA5FXXXXXX');
  });
});

describe('12315 has not accepted the complaint yet', () => {
  it('after the 7 working days, gets the next step, not the letter again', () => {
    const h = applied();
    h.advance(60);
    h.send('我要向12315投诉');
    h.send('跳过');
    const nudge = h.tickHours(24 * 14);
    expect(keys(nudge)).toContain('nudge.regulator_acceptance');
    h.advance(20);
    const out = h.send('12315到现在也没受理');
    expect(drafts(out)).toHaveLength(0);
    expect(keys(out)).toContain('regulator.notAccepted');
    const text = out.map((m) => m.text).join('\n');
    expect(text).toMatch(/12315 热线/);
    expect(text).toMatch(/市场监管局/);
    expect(text).toMatch(/消费者协会/);
    expect(text).toMatch(/小额诉讼/);
  });

  it('within the 7 working days, is told to wait until the statutory day', () => {
    const h = applied();
    h.advance(60);
    h.send('我要向12315投诉');
    h.send('跳过');
    h.advance(24 * 60);
    const out = h.send('12315还没受理');
    expect(drafts(out)).toHaveLength(0);
    expect(keys(out)).toContain('regulator.acceptanceWait');
  });
});
