/**
 * A firm promise with a time ("两天内保证寄出", "明天中午前回复你") is recorded as the promise
 * with its deadline, in the case file and in the letters, also after its reminder has fired;
 * never as a stall ("要再等等或先核实").
 */
import { describe, expect, it } from 'vitest';
import { caseFileContent } from '../../src/casefile/content.ts';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';

const ORDER = '5520918374650012';

function timelineTexts(h: EngineHarness): string[] {
  const content = caseFileContent(h.state.active!, { locale: 'zh-CN', timezone: 'Asia/Shanghai', now: h.now });
  return content.timeline.entries.map((e) => e.text);
}

describe('a promise with a time, in the case file and letters', () => {
  it('the case file lists the promise with its deadline and no stall, before and after the reminder', () => {
    const h = new EngineHarness('2026-12-01T10:00:00+08:00');
    h.send(`拼多多订单 ${ORDER}，拍下的棉拖鞋付了款一直没发出来，想退款`);
    h.advance(20);
    h.send('客服回复说36小时内保证发货');
    const before = timelineTexts(h);
    expect(before.join('\n')).toContain('卖家答应在2026年12月2日 22:20前发货');
    expect(before.join('\n')).not.toContain('再等等');
    h.tickHours(40);
    const after = timelineTexts(h);
    expect(after.join('\n')).toContain('卖家答应在2026年12月2日 22:20前发货');
    expect(after.join('\n')).not.toContain('再等等');
  });

  it('the platform letter after the deadline says what the seller promised and by when', () => {
    const h = new EngineHarness('2026-12-01T10:00:00+08:00');
    h.send(`淘宝订单 ${ORDER}，台灯插上电不亮，想退货退款`);
    h.advance(30);
    h.send('卖家说12小时内给我答复');
    // An answer promised and not given by then: the letter comes with the reminder, and says only that the time passed.
    const body = drafts(h.tickHours(24), 'platform')[0]!.body;
    expect(body).toContain('卖家答应在2026年12月1日 22:30前答复');
    expect(body).not.toContain('卖家没有答复');
    expect(body).not.toContain('约定时间内');
  });
});
