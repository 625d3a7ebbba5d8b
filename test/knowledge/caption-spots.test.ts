/**
 * Photo captions matched to checklist items: the spot of the damage named ("发黑的那一块", "凹下去的位置") is the
 * close-up; a courier's photo of the parcel left is proof of delivery, not the tracking page; a hospital's or a vet's
 * papers are no close-up of the fault; what came set beside the order is a photo of what arrived, not of the order.
 */
import { describe, expect, it } from 'vitest';
import { checklistFor, matchEvidence } from '../../src/knowledge/checklists.ts';

const items = (problem: Parameters<typeof checklistFor>[0]) => checklistFor(problem, 'zh-CN').items;

describe('caption spots', () => {
  it.each([
    ['quality', '电源线接口烧焦的位置'],
    ['quality', '锅底发黑的那一块'],
    ['damaged', '保温杯凹下去的地方'],
    ['damaged', '門邊凹咗一忽'],
    ['quality', '手背起疹子'],
    ['quality', 'the burnt corner of the charger'],
  ] as const)('%s "%s" is the close-up', (problem, caption) => {
    expect(matchEvidence(caption, items(problem), 'photo')).toBe('defect_closeup');
  });

  it.each(['快递员拍的送达照片 门牌不是我家', 'courier delivery photo showing a different door'])('"%s" is proof of delivery', (caption) => {
    expect(matchEvidence(caption, items('not_received'), 'photo')).toBe('signed_record');
  });

  it('a delivery photo is never taken for the tracking page, even where no signed-for item is listed', () => {
    const list = items('not_received').filter((i) => i.id !== 'signed_record');
    expect(matchEvidence('快递员发来的送达照片', list, 'photo')).not.toBe('tracking_page');
  });

  it.each(['皮肤科门诊的病历和缴费单', '宠物医院的化验单', '兽医开的药费单据'])('"%s" is no close-up of the fault', (caption) => {
    expect(matchEvidence(caption, items('quality'), 'photo')).not.toBe('defect_closeup');
  });

  it.each([
    ['wrong_item', '瓶身写的60粒 跟订单页写的90粒对比', 'contents'],
    ['not_as_described', '收到的颜色和订单截图对照', 'item_vs_listing'],
  ] as const)('%s "%s" is a photo of what arrived', (problem, caption, item) => {
    expect(matchEvidence(caption, items(problem), 'photo')).toBe(item);
  });

  it('an order screenshot alone is still the order', () => {
    expect(matchEvidence('订单详情截图', items('wrong_item'), 'photo')).toBe('order_screenshot');
  });
});
