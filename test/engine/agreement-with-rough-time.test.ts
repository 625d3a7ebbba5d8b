/**
 * Trial 7, problem 1: a seller who agrees and gives a rough time ("大概5天修好") has made a promise
 * the case follows: a reminder at that time asks whether it was done, with the next step. A letter
 * corrected after the agreement (the buyer changed the wish) sets no reply time of the bot's own,
 * and no platform letter says the seller left it unanswered.
 */
import { describe, expect, it } from 'vitest';
import { caseFileContent } from '../../src/casefile/content.ts';
import { writeDraft } from '../../src/drafts/index.ts';
import { roughPromise } from '../../src/nlu/index.ts';
import { qualityTaobao } from '../drafts/fixtures.ts';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';
import type { TimelineEntry } from '../../src/domain/index.ts';

const ORDER = '6620193847561029384';

describe('an agreement that comes with a rough time', () => {
  it('is a tracked promise: the reminder asks whether the repaired item is back, then the next step', () => {
    const h = new EngineHarness('2026-11-10T09:00:00+08:00');
    h.send(`淘宝 订单 ${ORDER} 买的电热水壶 烧了三次就不通电了 想维修`);
    h.advance(45);
    const agreed = h.send('商家答应维修，让我寄过去，修完寄回来，大约5天');
    const said = agreed.map((m) => m.text).join('\n');
    expect(agreed.map((m) => m.key)).toContain('seller.agreesRepair');
    expect(said).toContain('大约 2026年11月15日');
    expect(h.state.active!.reminders.map((r) => r.reason)).toEqual(['seller_promise']);
    const file = caseFileContent(h.state.active!, { locale: 'zh-CN', timezone: 'Asia/Shanghai', now: h.now });
    expect(file.timeline.entries.map((e) => e.text)).toContain('卖家答应在大约2026年11月15日前修好寄回');

    // Nothing from the buyer for five days: the reminder asks, it does not assume silence.
    const nudge = h.tickHours(24 * 5 + 1);
    expect(nudge.map((m) => m.key)).toEqual(['nudge.repair_promise']);
    expect(nudge[0]!.text).toMatch(/修好寄回来了吗/);
    expect(drafts(nudge)).toEqual([]);

    // Not back yet: the platform letter states the promise as it was given, roughly, and no silence.
    const platform = drafts(h.choose('nextStep', 'platform'), 'platform')[0]!.text;
    expect(platform).toContain('卖家答应在大约2026年11月15日前修好寄回');
    expect(platform).not.toContain('卖家未答复');
  });

  it('a wish changed after the agreement re-issues the letter without a reply time that could pass as silence', () => {
    const h = new EngineHarness('2026-11-10T09:00:00+08:00');
    h.send(`淘宝 订单 ${ORDER} 买的吹风机 才用一周就不出热风了 想维修`);
    h.advance(30);
    h.send('卖家同意维修了');
    h.advance(2);
    const redrafted = h.send('算了，我还是想换一个新的');
    expect(drafts(redrafted, 'seller').length).toBe(1);
    expect(h.state.active!.reminders.map((r) => r.reason)).not.toContain('reply_deadline');
    expect(h.tickHours(48).map((m) => m.key)).not.toContain('nudge.reply_deadline');
    const platform = drafts(h.send('申请平台介入'), 'platform')[0]!.text;
    expect(platform).not.toContain('卖家未答复');
    expect(platform).toContain('同意处理');
  });
});

describe('the platform letter after an agreement', () => {
  it('states no unanswered letter for a draft handed over after the seller agreed', () => {
    const at = (iso: string, type: TimelineEntry['type'], note = ''): TimelineEntry => ({ at: iso, type, note, quote: null, happenedAt: null });
    const base = qualityTaobao('zh-CN');
    const facts = {
      ...base,
      timeline: [
        at('2026-11-20T09:00:00+08:00', 'opened'),
        at('2026-11-20T09:05:00+08:00', 'draft_sent', 'seller'),
        at('2026-11-20T10:00:00+08:00', 'seller_agreed'),
        at('2026-11-20T10:02:00+08:00', 'amended', 'wants'),
        at('2026-11-20T10:02:00+08:00', 'draft_sent', 'seller'),
        { ...at('2026-11-21T10:02:00+08:00', 'nudged', 'reply_deadline'), happenedAt: '2026-11-21T10:02:00+08:00' },
      ],
    };
    const body = writeDraft('platform', facts).body;
    expect(body).toContain('同意处理');
    expect(body).not.toContain('卖家未答复');
  });
});

describe('a rough time beside an agreement', () => {
  it('is read as a duration, and a time ago is not', () => {
    expect(roughPromise('答应了，修好寄回大概要十天')).toEqual({ hours: 240 });
    expect(roughPromise('同意补发，两周左右到')).toEqual({ hours: 336 });
    expect(roughPromise('预计4个工作日处理完')).toEqual({ hours: 96, workingDays: 4 });
    expect(roughPromise('they said yes, roughly a week')).toEqual({ hours: 168 });
    expect(roughPromise('同意了，我大约3天前寄出的')).toBeNull();
    expect(roughPromise('卖家同意换货')).toBeNull();
  });
});
