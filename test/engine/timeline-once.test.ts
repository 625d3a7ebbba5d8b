/**
 * Trial 7 problem 17: the case file's timeline names each step once. The escalation line
 * ("建议下一步申请平台介入，并提供了申请文本") already says the draft was given, so the draft line
 * of the same minute is not listed again.
 */
import { describe, expect, it } from 'vitest';
import { caseFileContent } from '../../src/casefile/content.ts';
import { EngineHarness } from '../helpers/engine-harness.ts';

describe('timeline after a nudge hands over the platform draft', () => {
  it('lists the escalation once, without a second draft line at the same minute', () => {
    const h = new EngineHarness('2026-07-06T10:00:00+08:00');
    h.send('淘宝订单 4017736251908834561，买的吹风机用了两次就不出热风了，想退货退款');
    h.advance(40);
    h.send('客服说后天上午给我回复');
    h.advance(60 * 72);
    h.tick();
    h.choose('nextStep', 'promiseNotKept');
    const entries = caseFileContent(h.state.active!, { locale: 'zh-CN', timezone: 'Asia/Shanghai', now: h.now }).timeline.entries;
    const texts = entries.map((e) => e.text);
    expect(texts).toContain('售后帮建议下一步申请平台介入，并提供了申请文本');
    expect(texts).not.toContain('售后帮向买家提供了平台介入申请文本');
    const lines = entries.map((e) => `${e.when} ${e.text}`);
    expect(new Set(lines).size).toBe(lines.length);
  });

  it('a platform draft asked for by name (no escalation line) is still listed', () => {
    const h = new EngineHarness('2026-07-06T10:00:00+08:00');
    h.send('淘宝订单 4017736251908834561，买的吹风机用了两次就不出热风了，想退货退款');
    h.advance(40);
    h.send('卖家拒绝了，说是我自己摔的');
    h.advance(5);
    h.send('申请平台介入');
    const texts = caseFileContent(h.state.active!, { locale: 'zh-CN', timezone: 'Asia/Shanghai', now: h.now }).timeline.entries.map((e) => e.text);
    expect(texts.some((t) => t.includes('平台介入'))).toBe(true);
  });
});
