/**
 * The scripted-chat contract (CONTRACTS.md §2), run as a real process.
 */
import { describe, expect, it } from 'vitest';
import { runChat } from '../helpers/cli.ts';

const ORDER = '3916452812345678901';

describe('npm run chat -- --script (the story)', () => {
  const story = [
    { at: '2026-11-22T10:00:00+08:00', user: 'u1', text: '我的快递有问题' },
    { at: '2026-11-22T10:01:00+08:00', user: 'u1', text: ORDER },
    { at: '2026-11-22T10:02:00+08:00', user: 'u1', text: '杯子到手就碎了' },
    { at: '2026-11-22T10:03:00+08:00', user: 'u1', text: '想退款' },
    { at: '2026-11-22T10:05:00+08:00', user: 'u1', photo: '外箱破损' },
    { at: '2026-11-22T10:10:00+08:00', user: 'u1', text: '卖家说24小时内给我答复' },
    { at: '2026-11-23T09:10:00+08:00', tick: true },
    { at: '2026-11-23T11:10:00+08:00', tick: true },
  ];

  it('at most 4 questions, a checklist, a seller draft, no reminder at +23 h, nudge + platform draft by +25 h', () => {
    const { lines, status, stderr } = runChat(story);
    expect(status, stderr).toBe(0);
    for (const l of lines) {
      expect(l.at).toBeTruthy();
      expect(l.user).toBe('u1');
      expect(['question', 'checklist', 'draft', 'nudge', 'info', 'error']).toContain(l.kind);
      if (l.kind === 'question') expect(l.slot).toBeTruthy();
      if (l.kind === 'draft') expect(['seller', 'platform', 'regulator', 'payment']).toContain(l.to);
    }
    expect(lines[0]).toMatchObject({ kind: 'question', slot: 'orderId' });
    expect(lines.filter((l) => l.kind === 'question').length).toBeLessThanOrEqual(4);
    expect(lines.some((l) => l.kind === 'checklist')).toBe(true);
    const seller = lines.find((l) => l.kind === 'draft' && l.to === 'seller');
    expect(seller?.text).toContain(ORDER);

    const at23 = lines.filter((l) => l.at === '2026-11-23T09:10:00+08:00');
    expect(at23).toEqual([]);
    const at25 = lines.filter((l) => l.at === '2026-11-23T11:10:00+08:00');
    expect(at25.some((l) => l.kind === 'nudge')).toBe(true);
    const platform = at25.find((l) => l.kind === 'draft' && l.to === 'platform');
    expect(platform?.text).toContain(ORDER);
  });

  it('keeps two buyers apart and reports bad lines on stderr only', () => {
    const { lines, stderr } = runChat([
      { at: '2026-11-22T10:00:00+08:00', user: 'a', text: `订单号 ${ORDER} 杯子碎了 想退款` },
      { nonsense: true },
      { at: '2026-11-22T10:00:05+08:00', user: 'b', text: '/status' },
    ]);
    expect(stderr).toMatch(/line 2/);
    const b = lines.filter((l) => l.user === 'b');
    expect(b.length).toBeGreaterThan(0);
    expect(b.map((l) => l.text).join('\n')).not.toContain(ORDER);
  });
});

describe('npm run chat -- --script (following a case)', () => {
  it('a refusal produces a platform draft with the order number; a private transfer gets a warning', () => {
    const { lines } = runChat([
      { at: '2026-11-22T10:00:00+08:00', user: 'r', text: `订单号 ${ORDER}，杯子到手就碎了，想退款` },
      { at: '2026-11-22T12:00:00+08:00', user: 'r', text: '卖家说可以加微信私下转账给我50块' },
      { at: '2026-11-22T13:00:00+08:00', user: 'r', text: '卖家拒绝了，说签收了就不管' },
    ]);
    const warning = lines.find((l) => l.at === '2026-11-22T12:00:00+08:00');
    expect(warning?.key).toBe('pitfall.private_transfer');
    const platform = lines.find((l) => l.at === '2026-11-22T13:00:00+08:00' && l.kind === 'draft');
    expect(platform).toMatchObject({ to: 'platform' });
    expect(platform!.text).toContain(ORDER);
  });

  it('an open 7-day no-reason case gets a nudge before day 7 ends', () => {
    const { lines } = runChat([
      { at: '2026-11-22T10:00:00+08:00', user: 'w', text: `订单号 ${ORDER}，衣服不喜欢，想退货退款，11月20日签收的` },
      // Day 1 is 11-21, day 7 is 11-27 (it ends at 23:59:59).
      { at: '2026-11-27T12:00:00+08:00', tick: true },
    ]);
    const nudge = lines.find((l) => l.kind === 'nudge' && l.key === 'nudge.no_reason_window');
    expect(nudge?.at).toBe('2026-11-27T12:00:00+08:00');
  });
});
