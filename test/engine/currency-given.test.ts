/**
 * An amount keeps the currency the buyer gave it in (trial 5, problem 3): dollars are never turned
 * into yuan, in the reply, in the letters or in the case file.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';
import { caseFileContent } from '../../src/casefile/content.ts';
import type { Case } from '../../src/domain/index.ts';

const ORDER = '8102937465501928';

describe('the currency the buyer gave', () => {
  it('"$39.50" stays in dollars in the reply and in the letters that name the price', () => {
    const h = new EngineHarness('2026-12-02T20:00:00+08:00');
    const first = h.send(`Taobao order ${ORDER}: the 1TB memory card only holds 32GB. I want a full refund. I paid $39.50 for it.`);
    const said = first.map((m) => m.text).join('\n');
    expect(said).toContain('US$39.50');
    expect(said).not.toContain('¥39.50');
    expect(h.state.active!.slots.currency).toBe('USD');
    const payment = drafts(h.send('payment dispute'), 'payment')[0]!.text;
    expect(payment).toContain('39.50美元');
    expect(payment).not.toMatch(/39\.5\d? 元/);
    expect(payment).toContain('US$39.50');
    const file = caseFileContent(h.state.active as Case, { locale: 'zh-CN', timezone: 'Asia/Shanghai', now: h.now });
    expect(file.facts.rows.map((r) => r.value)).toContain('39.50美元');
  });

  it('HK$ in a Chinese message: the letter says 港币; a plain 元 amount stays in yuan', () => {
    const h = new EngineHarness('2026-12-02T20:00:00+08:00');
    h.send(`淘宝订单 ${ORDER}，买的电饭煲不加热，实付HK$420，我要退款`);
    expect(h.state.active!.slots.currency).toBe('HKD');
    expect(drafts(h.send('支付宝投诉'), 'payment')[0]!.text).toContain('420港币');
    const y = new EngineHarness('2026-12-02T20:00:00+08:00');
    y.send(`淘宝订单 ${ORDER}，买的电饭煲不加热，实付420元，我要退款`);
    expect(y.state.active!.slots.currency ?? null).toBeNull();
    expect(drafts(y.send('支付宝投诉'), 'payment')[0]!.text).toContain('420 元');
  });
});
