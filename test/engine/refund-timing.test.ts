/**
 * Trial 8 problem 1: a question about when the refund arrives ("多久能退到账") is no new wish and
 * no news. The wish stays, no letter is re-issued, an agreed case stays agreed, the question is
 * answered, and once the refund was agreed the bot keeps a date to check that it arrived. A bare
 * "还没到账" after the agreement is the refund missing, not the canned following line.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';
import { Turn } from '../../src/engine/turn.ts';
import { follow } from '../../src/engine/follow.ts';
import { emptyExtraction, extract } from '../../src/nlu/index.ts';
import type { FollowingCase } from '../../src/domain/index.ts';

function opened(): EngineHarness {
  const h = new EngineHarness('2026-06-09T10:00:00+08:00');
  h.send('淘宝订单 4011223344556677889，买的外套颜色发错了，想退货退款');
  h.advance(5);
  return h;
}

const keys = (out: { key?: string }[]) => out.map((m) => m.key);

describe('a refund-timing question keeps the wish', () => {
  it.each(['那这钱大概几天能退到账啊', '退的钱多久能到账', '退款到账一般要几天'])('before any answer from the seller: %s', (said) => {
    const h = opened();
    const out = h.send(said);
    expect(drafts(out)).toHaveLength(0);
    expect(keys(out)).toContain('refundTiming.notAgreed');
    expect(keys(out)).not.toContain('amend.redraft');
    expect(h.state.active?.slots.wants).toBe('return_refund');
  });

  it('after the seller agreed: the case stays agreed, the question is answered, the refund check is set', () => {
    const h = opened();
    h.send('卖家同意退货退款了');
    h.advance(5);
    const out = h.send('那退回来的钱要多久能到账');
    expect(drafts(out)).toHaveLength(0);
    expect(keys(out)).toEqual(['refundTiming.return']);
    const c = h.state.active!;
    expect(c.slots.wants).toBe('return_refund');
    expect(c.reminders.map((r) => r.reason)).toContain('refund_arrival');
    expect(out[0]!.text).toMatch(/通常/);
    const status = h.command('status')[0]!.text;
    expect(status).toContain('诉求：退货退款');
    expect(status).toContain('卖家已同意');
    expect(status).toContain('核对退款到账');
  });

  it('a refund-only agreement keeps the check it already had (one reminder, its date given)', () => {
    const h = new EngineHarness('2026-06-09T10:00:00+08:00');
    h.send('拼多多订单 260609-112233445566778，买的充电宝充不进电，想退款');
    h.advance(5);
    h.send('卖家同意退款了');
    const before = h.state.active!.reminders.filter((r) => r.reason === 'refund_arrival');
    expect(before).toHaveLength(1);
    h.advance(5);
    const out = h.send('钱什么时候能到');
    expect(keys(out)).toEqual(['refundTiming.agreed']);
    expect(h.state.active!.reminders.filter((r) => r.reason === 'refund_arrival')).toEqual(before);
    expect(h.state.active!.slots.wants).toBe('refund');
  });

  it('"还没到账" after the agreement is the refund missing, not the following line', () => {
    const h = opened();
    h.send('客服同意了，说安排快递上门取件');
    h.advance(5);
    h.send('退款多久到账');
    h.advance(60 * 24 * 4);
    const out = h.send('还没到账');
    expect(keys(out)).not.toContain('followingCase');
    expect(keys(out)).toContain('escalate.refundMissing');
  });
});

describe('whatever the wish reading of the question', () => {
  it.each([null, 'refund'] as const)('wish read as %s: no amendment', (wants) => {
    const h = opened();
    h.send('卖家同意退货退款了');
    const turn = new Turn(structuredClone(h.state), h.now, { timezone: 'Asia/Shanghai' });
    const c = turn.state.active as FollowingCase;
    // The NLU names the question (its intent); the wish it read beside it, whatever it is, changes nothing.
    expect(extract('这笔要几天能退到账').intent).toBe('case_refund_timing');
    const r = follow(turn, c, { ...emptyExtraction(), wants, problem: wants ? 'refund_issue' : null, intent: 'case_refund_timing' }, '这笔要几天能退到账');
    expect(r.tag).toBe('acted');
    expect(c.slots.wants).toBe('return_refund');
    expect(c.timeline.some((x) => x.type === 'amended')).toBe(false);
    expect(turn.out.map((m) => m.key)).toEqual(['refundTiming.return']);
  });

  it('a time question without a stated wish does not change the wish', () => {
    const h = opened();
    const turn = new Turn(structuredClone(h.state), h.now, { timezone: 'Asia/Shanghai' });
    const c = turn.state.active as FollowingCase;
    follow(turn, c, { ...emptyExtraction(), wants: 'refund' }, '处理要多久');
    expect(c.slots.wants).toBe('return_refund');
  });
});
