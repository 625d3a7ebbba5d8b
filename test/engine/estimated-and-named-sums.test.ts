/**
 * Sums the buyer names for the claim: an estimate ("大概…", "差不多…", "…左右") is said as one (约) and is never
 * the price; a charge named with its sum ("退还…多收的N元") is the sum claimed, never the price.
 */
import { describe, expect, it } from 'vitest';
import { drafts, told, type EngineHarness } from '../helpers/engine-harness.ts';

const letters = (h: EngineHarness) => h.log.flatMap((l) => drafts(l.out)).map((d) => d.text).join('\n');

describe('an estimate of the sum asked back', () => {
  it.each([
    [['美团团购的游泳馆季卡1980元 才去了三次 场馆就停业了 订单号 7720193384412256', '退没用完的钱 大概1500'], 1980, 1500, '约 1,500 元'],
    [['抖音团购的英语培训课 付了4800 上了两节机构就跑路了 订单号 5519928837410066', '我要退款 没上的课时 差不多四千'], 4800, 4000, '约 4,000 元'],
    [['京东买的会员年卡 600 用了一个月就不给用了 订单号 88210394756', '退剩下的 400左右'], 600, 400, '约 400 元'],
  ])('%j', (messages, price, about, said) => {
    const h = told(...messages);
    expect(h.state.active?.slots.amountPaid).toBe(price);
    expect(h.state.active?.compensationAmount).toBe(about);
    expect(letters(h)).toContain(said);
  });

  it('a sum named exactly is said without 约', () => {
    const h = told('美团团购的游泳馆季卡1980元 才去了三次 场馆就停业了 订单号 7720193384412256', '退没用完的1500');
    expect(h.state.active?.compensationAbout).toBeUndefined();
    expect(letters(h)).not.toContain('约 1,500');
  });
});

describe('a charge named with its sum', () => {
  it.each([
    [['国美买的热水器 2599 上门安装的师傅另外收了我260块材料费 说明书上写的是免费安装 订单号 GM20261130448812', '诉求：退还师傅多收的260元'], 2599, 260],
    [['京东买的洗衣机 1899 送货师傅多收了120块搬运费 订单号 88129300471', '把多收的钱退还给我 退还送货师傅多收的120块'], 1899, 120],
  ])('%j', (messages, price, claim) => {
    const h = told(...messages);
    expect(h.state.active?.slots.amountPaid).toBe(price);
    expect(h.state.active?.compensationAmount).toBe(claim);
  });
});
