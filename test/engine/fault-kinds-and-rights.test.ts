/**
 * The problem type decides the rights and the checklist: a stain on new goods and a sick pet from a shop are faults of
 * the goods (never a no-reason return, and a vet bill is a cost, never the price); a supplement sold on a cure it lacks
 * is false advertising (no food-spoilage checklist, no 食品安全法 tenfold claim unless the food is unsafe).
 */
import { describe, expect, it } from 'vitest';
import type { Outbound } from '../../src/domain/index.ts';
import { EngineHarness, allText } from '../helpers/engine-harness.ts';

const checklist = (out: Outbound[]) => out.filter((m) => m.kind === 'checklist').map((m) => m.text).join('\n');
const FOOD_ITEMS = /生产日期|批次号|异物|变质/u;

describe('a stain or a sick pet is a fault of the goods', () => {
  it.each([
    '天猫买的羊绒围巾 订单 7730129948812 699 拆开一角有一片油污 标签都在 要退货退款',
    '京东买的白色运动鞋 订单号 88120937761 鞋面有几块油点 擦不掉 没穿过 想退货退款',
  ])('stain: %s', (text) => {
    const h = new EngineHarness('2026-12-02T10:00:00+08:00');
    h.send(text);
    expect(h.state.active?.slots.problem).toBe('quality');
    expect(h.state.active?.slots.problem).not.toBe('changed_mind');
  });

  it('a puppy with 细小 from a kennel: quality, the vet bill a cost and not the price, the arrival day the receipt day', () => {
    const h = new EngineHarness('2026-12-03T01:30:00+08:00');
    h.send('淘宝狗舍买的柯基 2800 订单号 4417720093318845201 这两天拉稀不吃东西 宠物医院查出细小病毒 治疗花了1200 我要退款 治疗费也要他们出');
    const c = h.state.active!;
    expect(c.slots.problem).toBe('quality');
    expect(c.slots.amountPaid).toBe(2800);
    expect(c.slots.lossAmount).toBe(1200);
    const out = h.send('29号到家的');
    expect(h.state.active!.slots.receivedOn).toBe('2026-11-29');
    expect(allText(out)).not.toContain('无理由');
  });
});

describe('a supplement sold on a cure it lacks', () => {
  it('is false advertising: the listing checklist, no food-spoilage items', () => {
    const h = new EngineHarness('2026-12-01T09:00:00+08:00');
    const out = h.send('快手直播间说这个蜂胶能降血糖能停药，我买了四盒花了960元，吃了一个月血糖照样高，医生说就是普通保健食品。订单号 5502917736448120931，我要退款');
    expect(h.state.active?.slots.problem).toBe('not_as_described');
    expect(h.state.active?.food).toBeFalsy();
    expect(checklist(out)).toContain('详情页');
    expect(checklist(out)).not.toMatch(FOOD_ITEMS);
  });

  it('asked for 退一赔三: the letter claims it under 第五十五条, never the tenfold food rule', () => {
    const h = new EngineHarness('2026-12-01T09:00:00+08:00');
    h.send('抖音买的酵素号称能治胃病，喝了两个月一点用都没有，医院说这就是普通饮料。订单号 6631209948573320146，一共花了540');
    const out = h.send('我要全部退款，再要退一赔三');
    const text = allText(out);
    expect(text).toContain('第五十五条');
    expect(text).not.toContain('第一百四十八条');
  });

  it('still reads spoiled food as food', () => {
    const h = new EngineHarness('2026-12-01T09:00:00+08:00');
    const out = h.send('拼多多买的核桃粉 说能补脑 结果打开发霉了 订单号 241130-559812347766120 要退款');
    expect(h.state.active?.food).toBe(true);
    expect(checklist(out)).toMatch(FOOD_ITEMS);
  });
});
