/**
 * The scripted chat honours REDIS_URL: a conversation begun in one process continues in
 * the next, and a reminder set in one is delivered by a later one's tick, once.
 */
import { describe, expect, inject, it } from 'vitest';
import { runChat } from '../helpers/cli.ts';

const redisUrl = inject('redisUrl');
const ORDER = '3916452812345678901';

describe.skipIf(!redisUrl)('npm run chat with REDIS_URL (separate processes)', () => {
  // A database of its own, so other suites' reminders are not ticked here.
  const env = { REDIS_URL: `${redisUrl}/9` };

  it('continues a conversation across processes and delivers a reminder once', () => {
    const user = `cross-${process.pid}`;
    const first = runChat([
      { at: '2026-11-22T10:00:00+08:00', user, text: '我的快递有问题' },
      { at: '2026-11-22T10:01:00+08:00', user, text: ORDER },
    ], env);
    expect(first.status, first.stderr).toBe(0);
    expect(first.lines.at(-1)).toMatchObject({ kind: 'question', slot: 'problem' });

    const second = runChat([
      { at: '2026-11-22T10:02:00+08:00', user, text: '杯子碎了' },
      { at: '2026-11-22T10:03:00+08:00', user, text: '想退款' },
      { at: '2026-11-22T10:04:00+08:00', user, text: '卖家说24小时内给我答复' },
    ], env);
    expect(second.lines[0]).toMatchObject({ kind: 'question', slot: 'wants' });
    expect(second.lines.find((l) => l.kind === 'draft')?.text).toContain(ORDER);

    const third = runChat([{ at: '2026-11-23T11:00:00+08:00', tick: true }], env);
    expect(third.lines.filter((l) => l.user === user && l.kind === 'nudge')).toHaveLength(1);
    expect(third.lines.find((l) => l.kind === 'draft' && l.to === 'platform')?.text).toContain(ORDER);

    const fourth = runChat([{ at: '2026-11-23T12:00:00+08:00', tick: true }], env);
    expect(fourth.lines.filter((l) => l.user === user)).toEqual([]);
  });
});
