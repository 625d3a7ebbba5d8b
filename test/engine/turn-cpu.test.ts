/**
 * The turn's CPU work (issue 12): what is now built once or read lazily still hands every caller
 * the same values as before, in fresh objects, and a held reply's facts are stored as before.
 */
import { describe, expect, it } from 'vitest';
import { freshState } from '../../src/engine/engine.ts';
import { readReport } from '../../src/engine/reports.ts';
import { optionsFor } from '../../src/engine/render.ts';
import { Turn } from '../../src/engine/turn.ts';
import { platformGuide, platformGuideLines } from '../../src/knowledge/platforms.ts';
import { extract } from '../../src/nlu/index.ts';
import { cleanBuyerWordsNow, isChinese, withoutTypos } from '../../src/drafts/words.ts';

const NOW = new Date('2026-11-23T02:00:00Z');

function turn(locale: 'zh-CN' | 'en' | null = null): Turn {
  return new Turn({ ...freshState('u1'), locale }, NOW, { timezone: 'Asia/Shanghai' });
}

describe('a report read from a message', () => {
  it('is stored as JSON with its fields in the order they always had, those set later after them', () => {
    const text = '卖家昨天说“没有开箱视频不给退”，还把我拉黑了';
    const { facts } = readReport(turn(), extract(text, { now: NOW, timezone: 'Asia/Shanghai' }), text);
    facts.postage = true;
    const json = JSON.parse(JSON.stringify(facts)) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual([
      'quote', 'happenedAt', 'courier', 'applied', 'sendsNew', 'sum', 'returned', 'lost', 'reason', 'pickup', 'blocked',
      'offPlatform', 'withdraw', 'withdrawWhat', 'thanks', 'postage',
    ]);
    expect(json.blocked).toBe(facts.blocked);
    expect(json.happenedAt).toBe(facts.happenedAt);
  });

  it('takes a pasted log\'s day and a reason written over the one read', () => {
    const text = '客服说不支持退货';
    const { facts } = readReport(turn(), extract(text, { now: NOW, timezone: 'Asia/Shanghai' }), text);
    Object.assign(facts, { happenedAt: '2026-11-20', courier: true });
    facts.reason = '已过七天';
    expect(facts).toMatchObject({ happenedAt: '2026-11-20', courier: true, reason: '已过七天' });
    expect(JSON.parse(JSON.stringify({ facts })).facts).toMatchObject({ happenedAt: '2026-11-20', courier: true, reason: '已过七天' });
  });
});

describe('what is worded once', () => {
  it('gives each caller its own menu options', () => {
    const first = optionsFor(turn('zh-CN'), 'problem');
    const labels = first.map((o) => o.label);
    first[0]!.label = 'changed';
    first.push({ value: 'x', label: 'x' });
    expect(optionsFor(turn('zh-CN'), 'problem').map((o) => o.label)).toEqual(labels);
    expect(optionsFor(turn('en'), 'problem').map((o) => o.label)).not.toEqual(labels);
  });

  it('gives each caller its own platform guide and lines', () => {
    const g = platformGuide('jd', 'zh-CN');
    const timers = [...g.timers];
    g.timers.push('x');
    g.name = 'changed';
    const lines = platformGuideLines('other', 'en', 'AliExpress');
    const copy = [...lines];
    lines.length = 0;
    expect(platformGuide('jd', 'zh-CN')).toMatchObject({ name: '京东', timers });
    expect(platformGuideLines('other', 'en', 'AliExpress')).toEqual(copy);
    // The name counts only for an 'other' platform.
    expect(platformGuideLines('other', 'zh-CN', '苏宁易购')[0]).toContain('苏宁易购');
    expect(platformGuideLines('jd', 'zh-CN', '苏宁易购')).toEqual(platformGuideLines('jd', 'zh-CN'));
  });
});

describe('a message said in a turn', () => {
  it('joins the lines before and after without empty ones, and keeps the other fields in their order', () => {
    const t = turn('zh-CN');
    t.say('info', 'ready', { before: ['a', ''], after: ['', 'b'], slot: 'orderId' });
    t.info('ready');
    expect(Object.keys(t.out[0]!)).toEqual(['kind', 'key', 'text', 'slot']);
    expect(t.out[0]!.text).toBe(`a\n${t.t('ready')}\nb`);
    expect(t.out[1]!.text).toBe(t.t('ready'));
  });
});

describe('cleaning the buyer\'s words', () => {
  it('keeps what the tables do not name, and rewrites spaces only where there are any', () => {
    expect(withoutTypos('杯子到手就碎了')).toBe('杯子到手就碎了');
    expect(withoutTypos('质量问提，视屏为证')).toBe('质量问题，视频为证');
    const slots = { orderId: '3916452800000000123', trackingNo: null, amountPaid: null };
    expect(cleanBuyerWordsNow('杯子到手就碎了', slots, 'zh-CN', true)).toBe('杯子到手就碎了');
    expect(cleanBuyerWordsNow('拉链坏了 拉不上  想退货', slots, 'zh-CN', true)).toBe('拉链坏了，拉不上');
    expect(isChinese('iPhone 15 Pro Max屏幕坏了')).toBe(true);
    expect(isChinese('iPhone 15 Pro Max 坏')).toBe(false);
    expect(isChinese('ok 坏')).toBe(true);
  });
});
