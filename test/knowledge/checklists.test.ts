import { describe, expect, it } from 'vitest';
import { CHECKLIST_ITEM_IDS, checklistFor, ITEM_KINDS, matchEvidence } from '../../src/knowledge/checklists.ts';
import { LOCALES, PROBLEMS } from '../../src/domain/index.ts';
import { list } from '../../src/i18n/index.ts';

describe('checklistFor', () => {
  it.each(PROBLEMS)('%s has a titled checklist with stable, unique ids in both locales', (problem) => {
    const zh = checklistFor(problem, 'zh-CN');
    const en = checklistFor(problem, 'en');
    expect(zh.title).not.toBe('');
    expect(zh.items.length).toBeGreaterThanOrEqual(3);
    expect(new Set(zh.items.map((i) => i.id)).size).toBe(zh.items.length);
    expect(en.items.map((i) => i.id)).toEqual(zh.items.map((i) => i.id));
    for (const item of [...zh.items, ...en.items]) {
      expect(CHECKLIST_ITEM_IDS).toContain(item.id);
      expect(item.evidenceKind).toBe(ITEM_KINDS[item.id]);
      expect(item.text.trim()).not.toBe('');
    }
  });

  it('asks for what DOMAIN.md names per problem', () => {
    const ids = (p: (typeof PROBLEMS)[number]) => checklistFor(p, 'zh-CN').items.map((i) => i.id);
    expect(ids('quality')).toEqual(expect.arrayContaining(['defect_closeup', 'when_how_often']));
    expect(ids('not_as_described')).toContain('listing_screenshot');
    expect(ids('counterfeit')).toEqual(expect.arrayContaining(['brand_auth', 'comparison_photos']));
    expect(ids('not_received')).toEqual(expect.arrayContaining(['tracking_page', 'signed_record']));
    expect(ids('damaged')).toEqual(expect.arrayContaining(['outer_box', 'waybill', 'contents', 'unboxing_video']));
    expect(ids('refund_issue')).toEqual(expect.arrayContaining(['refund_record', 'payment_proof']));
    // Perishable evidence first (seed 000, 0–2 h).
    expect(ids('damaged')[0]).toBe('outer_box');
  });

  it('food with a food-safety problem gets the food checklist: date label, the unopened item, the batch number', () => {
    for (const locale of LOCALES) {
      const food = checklistFor('quality', locale, { food: true });
      expect(food.items.map((i) => i.id)).toEqual(expect.arrayContaining(['date_label', 'keep_unopened', 'batch_number']));
      expect(food.title).toMatch(/食品|Food/);
    }
    expect(checklistFor('quality', 'zh-CN').items.map((i) => i.id)).not.toContain('date_label');
    // A change of mind about food is not a food-safety problem.
    expect(checklistFor('changed_mind', 'zh-CN', { food: true }).items.map((i) => i.id)).not.toContain('batch_number');
  });

  it('an order not shipped yet gets no signed-for record, tracking page or parcel photos', () => {
    for (const problem of PROBLEMS) {
      const ids = checklistFor(problem, 'zh-CN', { shipped: false }).items.map((i) => i.id);
      for (const id of ['signed_record', 'tracking_page', 'waybill', 'outer_box', 'unboxing_video']) expect(ids, problem).not.toContain(id);
    }
    expect(checklistFor('not_received', 'zh-CN', { shipped: false }).title).toContain('还没发货');
  });

  it('every item has a short name for letters', () => {
    for (const locale of LOCALES) {
      for (const id of CHECKLIST_ITEM_IDS) {
        const item = checklistFor('quality', locale, { food: true }).items.find((i) => i.id === id) ?? null;
        if (item) expect(item.short.length).toBeGreaterThan(1);
      }
    }
  });

  it('says the date aloud in the unboxing video', () => {
    const item = checklistFor('damaged', 'zh-CN').items.find((i) => i.id === 'unboxing_video')!;
    expect(item.evidenceKind).toBe('video');
    expect(item.text).toContain('日期');
    expect(checklistFor('damaged', 'en').items.find((i) => i.id === 'unboxing_video')!.text).toMatch(/date aloud/);
  });
});

describe('matchEvidence', () => {
  const damaged = checklistFor('damaged', 'zh-CN').items;
  it.each([
    ['外箱破损', 'outer_box'],
    ['快递面单', 'waybill'],
    ['开箱视频', 'unboxing_video'],
    ['破损特写', 'defect_closeup'],
    ['箱子里面的东西', 'outer_box'],
    ['内件', 'contents'],
    ['Unboxing video, 22 Nov', 'unboxing_video'],
    ['crushed BOX front', 'outer_box'],
  ])('%s → %s', (caption, id) => {
    expect(matchEvidence(caption, damaged)).toBe(id);
  });

  it('matches only among the given items, in either language', () => {
    expect(matchEvidence('物流截图', checklistFor('not_received', 'en').items)).toBe('tracking_page');
    expect(matchEvidence('签收记录', checklistFor('not_received', 'zh-CN').items)).toBe('signed_record');
    expect(matchEvidence('详情页截图', checklistFor('not_as_described', 'zh-CN').items)).toBe('listing_screenshot');
    expect(matchEvidence('和正品的logo对比', checklistFor('counterfeit', 'zh-CN').items)).toBe('comparison_photos');
    expect(matchEvidence('专柜鉴定报告', checklistFor('counterfeit', 'zh-CN').items)).toBe('brand_auth');
    expect(matchEvidence('退款详情', checklistFor('refund_issue', 'zh-CN').items)).toBe('refund_record');
  });

  it('takes a caption naming the fault itself (snapped, rotten, mouldy) for the close-up', () => {
    const food = checklistFor('quality', 'zh-CN', { food: true }).items;
    expect(matchEvidence('桃子烂掉的那一面', food)).toBe('defect_closeup');
    expect(matchEvidence('面包上长毛了', food)).toBe('defect_closeup');
    expect(matchEvidence('饼干里有霉点', food)).toBe('defect_closeup');
    expect(matchEvidence('the handle snapped off', checklistFor('quality', 'en').items)).toBe('defect_closeup');
    expect(matchEvidence('椅子腿断开的地方', checklistFor('quality', 'zh-CN').items)).toBe('defect_closeup');
  });

  it('never takes a photo for the unboxing video', () => {
    expect(matchEvidence('开箱时拍的烂果', damaged)).toBe('unboxing_video');
    expect(matchEvidence('开箱时拍的烂果', damaged, 'photo')).toBe('defect_closeup');
    expect(matchEvidence('开箱视频', damaged, 'video')).toBe('unboxing_video');
  });

  it('returns null for an empty or unrelated caption', () => {
    expect(matchEvidence('', damaged)).toBeNull();
    expect(matchEvidence('   ', damaged)).toBeNull();
    expect(matchEvidence('我家的猫', damaged)).toBeNull();
    expect(matchEvidence('外箱破损', [])).toBeNull();
  });

  it('every item has keywords in every locale, and its own keyword matches it', () => {
    for (const locale of LOCALES) {
      for (const id of CHECKLIST_ITEM_IDS) {
        const keywords = list(locale, `knowledge.checklist.items.${id}.keywords`);
        expect(keywords.length, `${locale} ${id}`).toBeGreaterThan(0);
        expect(matchEvidence(keywords[0]!, [{ id }])).toBe(id);
      }
    }
  });
});
