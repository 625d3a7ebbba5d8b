/**
 * The letter's problem line carries the fault, not the wish: a price said between spaces does not take the
 * fault's clause with it, a part asked to be reshipped stays a reshipment, money asked back for the bad part is
 * no refund gone wrong; and a pasted chat with "[name HH:MM]" stamps is quoted without bits of the time.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness } from '../helpers/engine-harness.ts';

function letter(...messages: string[]): { h: EngineHarness; draft: string } {
  const h = new EngineHarness('2026-12-04T14:00:00+08:00');
  let draft = '';
  for (const m of messages) {
    const d = h.send(m).filter((x) => x.kind === 'draft').at(-1);
    if (d) draft = d.text;
  }
  return { h, draft };
}

describe('a reshipment of a part, a price told before it', () => {
  it('stays a reshipment, and the letter names the fault', () => {
    const { h, draft } = letter('天猫 订单号 4918273650192837465 买的落地扇 到手扇叶裂了一片 159元 要求补发扇叶');
    expect(h.state.active!.slots.wants).toBe('reship');
    expect(draft).toContain('扇叶裂了一片');
    expect(draft).not.toContain('部分退款');
  });

  it('the same with the price and the wish after a comma', () => {
    const { h, draft } = letter('京东 订单号 71829304651 买的保温饭盒 收到密封圈断了，45元，想补寄密封圈');
    expect(h.state.active!.slots.wants).toBe('reship');
    expect(draft).toContain('密封圈断了');
  });
});

describe('money back for the bad part', () => {
  it('keeps the fault as the problem and in the letter', () => {
    const { h, draft } = letter('拼多多买的鸡蛋30枚，到了碎了一半，订单号 251204-593827164502938', '碎掉的那部分退钱就行，差不多一半');
    expect(h.state.active!.slots.problem).not.toBe('refund_issue');
    expect(draft).toContain('碎了一半');
    expect(draft).not.toContain('退钱就行');
  });
});

describe('a pasted chat with "[name HH:MM]" stamps', () => {
  it('quotes the seller without the time, and the problem is the buyer\'s fault line, not the haggling', () => {
    const h = new EngineHarness('2026-12-04T09:00:00+08:00');
    h.send('抖音买的电煮锅 订单号 5029384716502938471 煮了三次就跳闸 要退货退款');
    h.advance(300);
    const text = h.send('客服回了，贴给你：\n[小橙客服 13:10] 您好亲，已收到您的问题\n[我 13:12] 煮了三次就跳闸，我要退货退款\n[小橙客服 13:14] 亲可以补偿您20元，您继续使用\n[我 13:15] 20太少了')
      .map((m) => m.text).join('\n');
    expect(text).toContain('“亲可以补偿您20元，您继续使用”');
    expect(text).not.toMatch(/\d\d\] /);
    expect(text).not.toContain('问题：20太少了');
  });
});
