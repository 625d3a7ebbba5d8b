/**
 * Trial 7, problems 6 and 7. A shortfall reported a second time ("钱退少了") is already on the
 * record: the wish stays as recorded and the case does not climb a rung before the seller answered
 * the shortfall letter. A seller's "refund yes, compensation no" against a statutory claim is a clear
 * counter-offer, recorded without a confirmation menu, and a 退一赔十 / 退一赔三 claim is shown as that claim.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';
import { caseFileContent } from '../../src/casefile/content.ts';

const ORDER = '4719203847561029384';

describe('a shortfall reported again', () => {
  it('keeps the wish and the step, and says the shortfall is already on record', () => {
    const h = new EngineHarness('2026-10-05T09:00:00+08:00');
    h.send(`淘宝订单 ${ORDER}，买的50个收纳盒有20个裂了，付了500元，我要退货退款`);
    h.advance(60);
    h.send('卖家同意退货退款了');
    h.advance(60 * 48);
    const first = h.send('退款收到了，可只退了350，应该退500');
    // The shortfall letter (worded from the sum paid when no sum was agreed: 'escalate.refundShortPaid').
    expect(first.some((m) => m.key?.startsWith('escalate.refundShort'))).toBe(true);
    const rung = h.state.active?.phase === 'following' ? h.state.active.rung : null;
    h.advance(3);
    const again = h.send('钱退少了');
    const keys = again.map((m) => m.key);
    // Only the price paid is known (no sum agreed): the reminder of the record says so, not "卖家同意退".
    expect(keys).toContain('refundShort.alreadyPaid');
    expect(keys).not.toContain('amend.redraft');
    expect(drafts(again)).toHaveLength(0);
    const already = again.find((m) => m.key === 'refundShort.alreadyPaid')!.text;
    expect(already).toContain('差额 ¥150.00');
    expect(already).not.toContain('卖家同意');
    expect(h.state.active?.slots.wants).toBe('return_refund');
    expect(h.state.active?.phase === 'following' ? h.state.active.rung : null).toBe(rung);
    const status = h.command('status').map((m) => m.text).join('\n');
    expect(status).toContain('诉求：退货退款');
  });
});

describe('a shortfall of a sum the seller agreed to, reported again', () => {
  it('says the agreed sum as agreed', () => {
    const h = new EngineHarness('2026-10-05T09:00:00+08:00');
    h.send(`淘宝订单 ${ORDER}，买的台灯不亮，付了260元，我要退货退款`);
    h.advance(60);
    h.send('卖家同意退我200块');
    h.advance(60 * 24);
    h.send('退款到了，可只退了120，不是说好的200吗');
    h.advance(3);
    const again = h.send('钱退少了');
    const already = again.find((m) => m.key === 'refundShort.already')?.text ?? '';
    expect(already).toContain('卖家同意退 ¥200.00');
    expect(already).toContain('还差 ¥80.00');
  });
});

describe('a claim of 退一赔十 answered "refund, no compensation"', () => {
  it('is shown as that claim, and the seller\'s answer is recorded as a counter-offer without a menu to confirm', () => {
    const h = new EngineHarness('2026-11-10T09:00:00+08:00');
    h.send(`抖音买的坚果，拆开全是哈喇味，已经过期两个月了，订单号 ${ORDER}`);
    const ready = h.send('我要求退一赔十').map((m) => m.text).join('\n');
    expect(ready).toContain('退一赔十');
    expect(ready).not.toContain('赔偿 / 部分退款');
    h.advance(120);
    const answer = h.send('卖家回复：只退不赔，爱要不要');
    expect(answer.map((m) => m.key)).not.toContain('confirm.reply');
    expect(answer.map((m) => m.key)).toContain('seller.counterOffer');
    const c = h.state.active!;
    expect(c.timeline.some((x) => x.type === 'seller_counter_offer')).toBe(true);
    h.advance(10);
    // The buyer moves on: the answer stays on the record and in the next letter.
    const platform = drafts(h.send('我要申请平台介入'), 'platform')[0]!.text;
    expect(platform).toContain('卖家只同意部分处理');
    const status = h.command('status').map((m) => m.text).join('\n');
    expect(status).toContain('诉求：退一赔十');
    const file = JSON.stringify(caseFileContent(h.state.active!, { locale: 'zh-CN', timezone: 'Asia/Shanghai', now: h.now }));
    expect(file).toContain('退一赔十');
    expect(file).not.toContain('赔偿 / 部分退款');
  });
});

describe('a seller answer held for confirmation that the buyer moves on from', () => {
  it('stays on the record as the buyer reported it, in the next letter and the case file', () => {
    const h = new EngineHarness('2026-11-12T09:00:00+08:00');
    h.send(`京东订单 ${ORDER}，买的电热水壶用了两次就不加热了，想退货退款`);
    h.advance(180);
    // A middling reading (the classifier is unsure between a counter-offer and a refusal): the bot asks.
    const held = h.send('客服回复：可以给点补偿但是三倍太多了');
    expect(held.map((m) => m.key)).toContain('confirm.reply');
    h.advance(5);
    h.send('可以起诉吗');
    h.advance(5);
    const platform = drafts(h.send('我要申请平台介入'), 'platform')[0]!.text;
    expect(platform).toContain('卖家答复：“可以给点补偿');
    const c = h.state.active!;
    const said = c.timeline.find((x) => x.type === 'seller_said')!;
    expect(said.quote).toContain('三倍太多了');
    expect(said.at).toBe(new Date('2026-11-12T12:00:00+08:00').toISOString());
    const file = JSON.stringify(caseFileContent(c, { locale: 'zh-CN', timezone: 'Asia/Shanghai', now: h.now }));
    expect(file).toContain('三倍太多了');
    expect(file).toContain('卖家作出了答复（据买家转述）');
  });
});
