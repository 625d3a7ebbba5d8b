/**
 * Cantonese in the buyer's words never reaches a letter: the common words become standard written
 * Chinese ("同埋" → 和, "鸡翼" → 鸡翅, "商家话" → 商家说, a bare measure word counted), a takeaway item
 * left out ("漏咗份…", "少咗…") reads as a missing item, and "退返…嘅钱" as a refund (trial 11 F14).
 */
import { describe, expect, it } from 'vitest';
import { toWrittenChinese } from '../../src/drafts/words.ts';
import { extract } from '../../src/nlu/index.ts';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';

describe('Cantonese words in a letter', () => {
  it('are written in standard Chinese', () => {
    expect(toWrittenChinese('叫咗个烧鹅饭，佢漏咗份例汤同埋支豆奶')).toBe('点了一个烧鹅饭，他漏了一份例汤和一支豆奶');
    expect(toWrittenChinese('老板话退咗12蚊，剩低唔退')).toContain('老板说退了12元');
    expect(toWrittenChinese('客服冇覆，佢话冇货')).toBe('客服没有回复，他说没有货');
  });

  it('leave Mandarin text as it was', () => {
    expect(toWrittenChinese('为了个人隐私，电话号码打了码')).toBe('为了个人隐私，电话号码打了码');
    expect(toWrittenChinese('和客服说了个大概')).toBe('和客服说了个大概');
  });
});

describe('Cantonese reports', () => {
  it('read an item left out as a missing item, not a leak', () => {
    expect(extract('饿了么叫咗个套餐，漏咗份薯条冇送到').problem).toBe('wrong_item');
    expect(extract('叫咗两杯柠檬茶，少咗一杯').problem).toBe('wrong_item');
    expect(extract('外卖漏了一杯豆浆没送').problem).toBe('wrong_item');
  });

  it('read "退返…嘅钱" as a refund', () => {
    expect(extract('退返份薯条嘅钱啦').wants).toBe('refund');
    expect(extract('唔要喇，退返啲钱畀我').wants).toBe('refund');
  });

  it('keep Cantonese out of the seller letter', () => {
    const h = new EngineHarness('2026-12-05T12:30:00+08:00');
    h.send('饿了么叫咗个烧鹅饭，佢漏咗份例汤同埋支豆奶冇送到，单号 5509182736450192');
    const out = h.send('退返例汤同豆奶嘅钱');
    const letter = drafts(out, 'seller')[0]?.text ?? drafts(h.send('1'), 'seller')[0]!.text;
    expect(letter).not.toMatch(/同埋|咗|嘅|冇|佢|唔/u);
    expect(letter).toContain('和');
  });
});
