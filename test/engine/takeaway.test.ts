/**
 * A takeaway order (美团 / 饿了么: a meal a rider brought) gets a takeaway checklist — what arrived,
 * the order page with the items, the app chat with the merchant and the rider — and a letter that
 * names no reply time of ours (DOMAIN.md gives none for a meal's merchant): no parcel items, no
 * 24-hour deadline, no reminder following one; the app's own customer service is the next step.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';
import { isTakeaway } from '../../src/knowledge/takeaway.ts';

function opened(first: string): { h: EngineHarness; out: ReturnType<EngineHarness['send']> } {
  const h = new EngineHarness('2026-09-03T19:05:00+08:00');
  const out = h.send(first);
  return { h, out };
}

describe('takeaway orders', () => {
  it('a missing dish on 饿了么: takeaway checklist, no waybill or unboxing video, no deadline', () => {
    const { h, out } = opened('饿了么订的晚饭少了一份炒青菜，订单号 2409031905887766554，申请退款');
    expect(h.state.active!.phase).toBe('following');
    const checklist = out.find((m) => m.kind === 'checklist')!.text;
    expect(checklist).toContain('外卖');
    expect(checklist).toContain('订单页');
    expect(checklist).toContain('骑手');
    expect(checklist).not.toMatch(/面单|开箱视频|详情页/);
    const letter = drafts(out, 'seller')[0]!.text;
    expect(letter).toContain('尽快');
    expect(letter).not.toMatch(/\d+日 \d{1,2}:\d{2}前/);
    expect(letter).not.toContain('商品详情页截图');
    expect(h.due.size).toBe(0);
    expect(out.some((m) => m.key === 'nextStepsTakeaway')).toBe(true);
  });

  it('a spilled soup on 美团: the spill close-up comes after what arrived', () => {
    const { out } = opened('美团外卖送来的汤洒了一半，订单号 2409031905112233445，要退款');
    const checklist = out.find((m) => m.kind === 'checklist')!.text;
    expect(checklist).not.toMatch(/面单|开箱视频|外包装正反/);
    expect(checklist.indexOf('送到的餐')).toBeLessThan(checklist.indexOf('洒漏'));
  });

  it('a parcel platform stays a parcel, whatever the goods are called', () => {
    expect(isTakeaway({ platform: 'taobao', platformName: null, problemText: '买的外卖保温箱坏了' })).toBe(false);
    expect(isTakeaway({ platform: 'other', platformName: '美团优选', problemText: '鸡蛋碎了' })).toBe(false);
    expect(isTakeaway({ platform: 'other', platformName: '饿了么', problemText: '少了一份饭' })).toBe(true);
  });

  it('a pass or prepaid card bought on 美团 is no meal: the pass checklist, not the takeaway one', () => {
    for (const [first, wish] of [
      ['美团上买的游泳馆月卡 680 元，订单号 9034512876120，馆关门停业了，才游了两次', '退剩下的钱'],
      ['在美团团购的理发次卡，订单号 9034512876121，店里换了老板说不认卡', '要退款'],
    ] as const) {
      const { h } = opened(first);
      const out = h.send(wish);
      const checklist = out.find((m) => m.kind === 'checklist')!.text;
      expect(checklist).not.toContain('外卖');
      expect(checklist).not.toContain('骑手');
      expect(checklist).toMatch(/卡券|会员|充值/);
      // A closed venue is a service not provided (the type of a booking or course not delivered).
      expect(h.state.active!.slots.problem).toBe(first.includes('停业') ? 'not_received' : 'other');
      // The price is no part of it: the rest's sum was never said.
      const letters = out.filter((m) => m.kind === 'draft');
      expect(letters.length).toBeGreaterThan(0);
      for (const letter of letters) expect(letter.text).not.toMatch(/部分退款 680/);
    }
    expect(isTakeaway({ platform: 'other', platformName: '美团', problemText: '健身年卡用了一个月店就关了' })).toBe(false);
  });

  it('an ordinary parcel still gets the 24-hour reply deadline', () => {
    const { h, out } = opened('淘宝买的台灯到了灯罩碎了，订单号 3916452812345670011，想退款');
    expect(drafts(out, 'seller')[0]!.text).toMatch(/前回复处理方案/);
    expect([...h.due.keys()].length).toBeGreaterThan(0);
  });
});
