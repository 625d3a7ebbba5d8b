/**
 * Trial 14 F16: what a brand counter, an authorised store or a repair shop tells the buyer without
 * paper ("柜台的人说不是他们家的货，但不肯开证明") is recorded as their statement — unwritten when the buyer
 * says so — and the letters state it so, never as a written appraisal (no "经…鉴定", no 如经核实 dropped).
 */
import { describe, expect, it } from 'vitest';
import { readAppraisal } from '../../src/nlu/appraisal.ts';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';

describe('reading an outlet\'s statement', () => {
  it.each([
    ['拿去专柜问了，柜姐说这不是他们家的货，也不肯开证明', 'counter', 'not_theirs', 'unwritten'],
    ['授权店的店员看了讲是假的，没给任何书面的东西', 'store', 'fake', 'unwritten'],
    ['维修店师傅说是出厂问题，只是口头说的', 'repair_shop', 'defect', 'unwritten'],
    ['专柜的人说是假货', 'counter', 'fake', 'said'],
    ['The brand counter said the cream is not theirs but would not put it in writing', 'counter', 'not_theirs', 'unwritten'],
  ])('%s', (text, by, verdict, oral) => {
    expect(readAppraisal(text)).toEqual({ by, verdict, oral });
  });

  it.each([
    '卖家说专柜那边不是他们的货',
    '要是专柜说是假的怎么办',
    '去品牌专柜鉴定过了，结论是非正品',
  ])('not an outlet\'s unwritten word: %s', (text) => {
    expect(readAppraisal(text)?.oral).toBeUndefined();
  });
});

describe('the letter after it', () => {
  function fakeCase(): EngineHarness {
    const h = new EngineHarness('2026-11-12T20:00:00+08:00');
    h.send('抖音买的雅诗兰黛面霜 50ml 590元，怀疑是假的，质地不一样，订单号 6102938475610293847');
    h.advance(1).send('退一赔三');
    h.advance(60 * 14).send('卖家说：我们保证正品，不接受退货');
    return h;
  }

  it.each([
    ['专柜说不是她们渠道的货，但不给书面证明', '品牌专柜口头表示该商品不是其渠道的货品，但不出具书面证明'],
    ['去了授权店，店员看了说是假的，没开任何证明', '品牌授权店口头表示该商品不是正品，但不出具书面证明'],
    ['专柜的柜姐说是假的', '品牌专柜表示该商品不是正品'],
  ])('%s', (text, line) => {
    const h = fakeCase();
    const told = h.advance(60 * 24 * 2).send(text);
    expect(told.map((m) => m.key)).toContain(text.includes('柜姐说是假的') ? 'appraisal.oral.said' : 'appraisal.oral.unwritten');
    const letter = drafts(h.advance(5).send('申请平台介入'), 'platform').map((m) => m.text).join('\n');
    expect(letter).toContain(line);
    expect(letter).not.toMatch(/经[^，。]*鉴定为非正品/);
    // Not an appraisal on paper: the claim keeps its "如经核实".
    expect(letter).toContain('如经核实');
  });
});
