/**
 * A day told without a time ("前天签收的") is written as a day in the case file, as the letters
 * do: no time of day (such as 08:00, UTC midnight in Shanghai) is invented. /status with the
 * refund-due reminder pending answers (it failed on a missing wording).
 */
import { describe, expect, it } from 'vitest';
import { caseFileContent } from '../../src/casefile/content.ts';
import { EngineHarness } from '../helpers/engine-harness.ts';

describe('a no-reason return signed for on a named day', () => {
  it('the case file dates the receipt by the day only, and /status shows the refund due', () => {
    const h = new EngineHarness('2026-12-03T15:00:00+08:00');
    h.send('快手买的毛衣，订单号 7730192846501928374，穿上不喜欢，想七天无理由退货退款');
    h.advance(10);
    h.send('卖家说可以七天无理由退，让我自己寄回去');
    h.advance(10);
    h.send('已经寄回去了，退货单号 YT7781234509871');
    h.advance(60 * 24 * 3);
    h.send('中通显示店家昨天已经签收退货了');
    const received = h.state.active!.timeline.find((e) => e.type === 'return_received');
    expect(received?.happenedAt).toBe('2026-12-05');
    const content = caseFileContent(h.state.active!, { locale: 'zh-CN', timezone: 'Asia/Shanghai', now: h.now });
    const entry = content.timeline.entries.find((e) => e.text.includes('签收'))!;
    expect(entry.when).toBe('2026年12月5日');
    const status = h.command('status').map((m) => m.text).join('\n');
    expect(status).toContain('七天无理由退款期限');
    expect(status).not.toMatch(/出错/);
  });
});
