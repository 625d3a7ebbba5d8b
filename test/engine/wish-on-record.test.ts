/**
 * The wish the bot acknowledged in the buyer's own words ("已记下：诉求 …") and wrote into the letters
 * is the wish /status and the case file show, never "（未提供）"; a sum the seller agreed or the platform
 * ruled shows there too, with what is still owed after a short refund (trial 11 F6, F28).
 */
import { describe, expect, it } from 'vitest';
import { caseFileContent } from '../../src/casefile/content.ts';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';

function status(h: EngineHarness): string {
  return h.command('status').find((m) => m.key === 'status')!.text;
}

function caseFile(h: EngineHarness) {
  return caseFileContent(h.state.active!, { locale: 'zh-CN', timezone: 'Asia/Shanghai', now: h.now });
}

describe('a wish in the buyer\'s words on the record', () => {
  it('shows in /status and in the case file as the letter wrote it', () => {
    const h = new EngineHarness('2026-12-02T09:00:00+08:00');
    h.send('京东买了一箱12罐的猫罐头，订单号 73019284561，有3罐鼓包了，实付144');
    const out = h.send('想退鼓包那三罐的钱');
    const letter = drafts(out, 'seller')[0]!.text;
    const wish = h.state.active!.slots.wishText!;
    expect(wish).toBeTruthy();
    expect(letter).toContain(wish);
    const shown = status(h);
    expect(shown).toContain(`诉求：${wish}`);
    expect(shown).not.toContain('（未提供）');
    const row = caseFile(h).facts.rows.find((f) => f.label === '买家的诉求')!;
    expect(row.value).toBe(wish);
  });

  it('lists the sum the seller agreed, what arrived and what is still owed', () => {
    const h = new EngineHarness('2026-12-02T09:00:00+08:00');
    h.send('拼多多买的4盒草莓，订单号 251202-583920174625391，到手有2盒烂了，付了96');
    h.send('想退烂掉那两盒的钱');
    h.advance(5 * 60);
    h.send('商家回复了，同意烂的两盒退我48');
    h.advance(24 * 60);
    h.send('钱退回来了 只有30，不是说好48吗');
    const shown = status(h);
    expect(shown).toContain('卖家同意：¥48.00');
    expect(shown).toContain('已退金额：¥30.00');
    expect(shown).toContain('还差：¥18.00');
    const file = caseFile(h);
    expect(file.facts.rows.find((f) => f.label === '卖家同意的金额')?.value).toBe('48 元');
    expect(file.timeline.entries.map((e) => e.text)).toContain('卖家表示同意，金额 48 元');
  });

  it('in English, the agreed sum is shown with its label', () => {
    const h = new EngineHarness('2026-12-02T09:00:00+08:00');
    h.send('I bought a desk lamp on Taobao, order 4829103746501928374, the switch is broken, I paid 159, I want a refund');
    h.advance(120);
    h.send('The seller agreed to refund 159');
    expect(status(h)).toContain('Seller agreed: ¥159.00');
  });
});
