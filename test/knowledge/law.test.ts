import { describe, expect, it } from 'vitest';
import { lawFor, noReasonExceptions } from '../../src/knowledge/law.ts';
import { LOCALES, PROBLEMS, WANTS } from '../../src/domain/index.ts';

const ids = (...args: Parameters<typeof lawFor>) => lawFor(...args).map((l) => l.id);

describe('lawFor', () => {
  it('cites 第二十四条 for quality failures', () => {
    for (const p of ['quality', 'damaged', 'not_as_described'] as const) expect(ids(p, 'refund')).toEqual(['cpl_24']);
    expect(ids('quality', null)).toEqual(['cpl_24']);
  });

  it('cites 第二十五条 for a change of mind only while the window is open', () => {
    expect(ids('changed_mind', 'return_refund')).toEqual(['cpl_25']);
    expect(ids('changed_mind', 'return_refund', { withinNoReasonWindow: false })).toEqual([]);
  });

  it('cites 第五十五条 only for counterfeit with a compensation request', () => {
    expect(ids('counterfeit', 'compensation')).toEqual(['cpl_55']);
    expect(ids('counterfeit', 'refund')).toEqual(['cpl_24']);
    for (const p of PROBLEMS.filter((x) => x !== 'counterfeit')) expect(ids(p, 'compensation')).not.toContain('cpl_55');
  });

  it('cites 食品安全法 第一百四十八条 only for food with a compensation request', () => {
    expect(ids('quality', 'compensation', { food: true })).toContain('fsl_148');
    expect(ids('quality', 'refund', { food: true })).not.toContain('fsl_148');
    for (const p of PROBLEMS) for (const w of WANTS) expect(ids(p, w)).not.toContain('fsl_148');
  });

  it('cites nothing against a private C2C seller (消法 binds 经营者)', () => {
    for (const p of PROBLEMS) for (const w of WANTS) expect(ids(p, w, { privateSeller: true, food: true, sellerBlamesCourier: true })).toEqual([]);
  });

  it('cites 电子商务法 第二十条 when the seller blamed the courier', () => {
    expect(ids('damaged', 'refund', { sellerBlamesCourier: true })).toEqual(['cpl_24', 'ecl_20']);
    expect(ids('not_received', 'refund', { sellerBlamesCourier: true })).toEqual(['ecl_20']);
    expect(lawFor('damaged', 'refund', { sellerBlamesCourier: true, locale: 'zh-CN' })[1]!.cite).toContain('运输中的风险和责任');
  });

  it('cites nothing where nothing fits', () => {
    expect(ids('not_received', 'refund')).toEqual([]);
    expect(ids('refund_issue', 'refund')).toEqual([]);
    expect(ids('wrong_item', 'exchange')).toEqual([]);
    expect(ids(null, 'refund')).toEqual([]);
  });

  it.each(LOCALES)('words every article with DOMAIN.md figures (%s)', (locale) => {
    const [a24] = lawFor('quality', 'refund', { locale });
    const [a25] = lawFor('changed_mind', 'refund', { locale });
    const [a55] = lawFor('counterfeit', 'compensation', { locale });
    const [a148] = lawFor('quality', 'compensation', { locale, food: true });
    expect(a24!.title).toMatch(/第二十四条|Article 24/);
    expect(a25!.cite).toMatch(/七日|seven days/);
    expect(a55!.cite).toMatch(/五百元|500 yuan/);
    expect(a148!.cite).toMatch(/一千元|1,000 yuan/);
    expect(noReasonExceptions(locale).length).toBe(5);
  });
});
