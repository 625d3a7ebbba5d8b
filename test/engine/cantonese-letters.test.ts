/**
 * Letters are in standard written Chinese (trial 5, problem 5): a buyer's Cantonese / Traditional
 * words are converted (係→是, 入面→里面, 仲有→还有, 话係→标称…) without touching 系统 / 联系 / 仲裁;
 * words the table cannot make standard safely are left out and the problem is named by its kind.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';
import { cleanBuyerWords } from '../../src/drafts/words.ts';

const ORDER = '3920017746512093';
const none = { orderId: null, trackingNo: null };

describe('Cantonese words in a letter', () => {
  it('are written in standard Chinese', () => {
    const h = new EngineHarness('2026-12-03T11:00:00+08:00');
    const out = h.send(`天貓訂單 ${ORDER}，買嘅空氣淨化器話係全新，但係濾網入面仲有塵，明顯係用過嘅，我要退貨退款`);
    const problem = drafts(out, 'seller')[0]!.text.split('\n').find((l) => l.startsWith('问题是：'))!;
    expect(problem).toMatch(/(?:说是|标称)全新/);
    expect(problem).toContain('但是');
    expect(problem).toContain('里面还有');
    expect(problem).toContain('明显是用过的');
    expect(problem).not.toMatch(/[係系嘅仲]|入面/);
  });

  it('leave 系统, 联系 and 仲裁 as they are', () => {
    expect(cleanBuyerWords('系统显示已签收，但係入面冇嘢', none, 'zh-CN', true)).toBe('系统显示已签收，但是里面没有东西');
    expect(cleanBuyerWords('一系列问题，仲有划痕', none, 'zh-CN', true)).toBe('一系列问题，还有划痕');
  });

  it('that cannot be made standard safely are left out: the letter names the kind of problem and says why', () => {
    const h = new EngineHarness('2026-12-03T11:00:00+08:00');
    const out = h.send(`淘寶訂單 ${ORDER}，佢話係新貨，點知收到嗰部係二手嘅，我要退款`);
    const seller = drafts(out, 'seller')[0]!;
    expect(seller.text).not.toMatch(/点知|嗰|係/);
    expect(out.map((m) => m.text).join('\n')).toMatch(/粤语|粵語/);
  });
});
