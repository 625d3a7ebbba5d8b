import { describe, expect, it } from 'vitest';
import { noReasonAdvice, noReasonStatus } from '../../src/knowledge/noReason.ts';

const TZ = 'Asia/Shanghai';

describe('the 7-day no-reason window (网络购买商品七日无理由退货暂行办法: from the day after signing)', () => {
  it('is open until the end of day 7 after signing, then closed; unknown without a date', () => {
    expect(noReasonStatus('2026-11-10', new Date('2026-11-17T23:59:00+08:00'), TZ)).toMatchObject({ state: 'open', lastDay: '2026-11-17' });
    expect(noReasonStatus('2026-11-10', new Date('2026-11-18T00:00:01+08:00'), TZ).state).toBe('closed');
    expect(noReasonStatus(null, new Date(), TZ).state).toBe('unknown');
    expect(noReasonStatus('not a date', new Date(), TZ).state).toBe('unknown');
  });

  it('says the window closed, and offers the quality route only when a defect is described', () => {
    const closed = noReasonStatus('2026-11-10', new Date('2026-11-20T12:00:00+08:00'), TZ);
    const plain = noReasonAdvice(closed, 'zh-CN', false);
    expect(plain).toContain('已于2026年11月17日结束');
    expect(plain).not.toContain('第二十四条');
    expect(noReasonAdvice(closed, 'zh-CN', true)).toMatch(/第二十四条[\s\S]*更换或修理/);
    expect(noReasonAdvice(closed, 'en', true)).toMatch(/ended on Nov 17, 2026[\s\S]*Article 24/);
    expect(noReasonAdvice(noReasonStatus(null, new Date(), TZ), 'zh-CN', false)).toContain('哪天签收');
  });
});
