/**
 * Trial 12 F20: an appraisal or inspection result the buyer got is a fact of the case. Who appraised is
 * kept (a third party's report is not the brand's), the letters state the result plainly — "经第三方鉴定机构鉴定为
 * 非正品" rather than "如经核实" — with "报告附后" only once a report was sent in, and a result for the seller is
 * recorded as it is, never turned into one against.
 */
import { describe, expect, it } from 'vitest';
import { readAppraisal } from '../../src/nlu/appraisal.ts';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';
import type { Outbound } from '../../src/domain/index.ts';

const keys = (out: Outbound[]): (string | undefined)[] => out.map((m) => m.key);
const letterOf = (out: Outbound[]): string => drafts(out, 'platform').map((m) => m.text).join('\n');

describe('reading the result', () => {
  it.each([
    ['拿去鉴定中心鉴定了，出来的结果是高仿', 'third_party', 'fake'],
    ['去品牌专柜鉴定过了，结论是非正品', 'brand', 'fake'],
    ['送到质检所检测，报告结论不合格', 'third_party', 'defect'],
    ['第三方检测机构出的报告写着无质量问题', 'third_party', 'no_defect'],
    ['鉴定结果出来了，是正品', 'unknown', 'genuine'],
    ['An independent lab tested it and the report says the watch is fake', 'third_party', 'fake'],
    ['The brand authenticated it and said it is genuine', 'brand', 'genuine'],
  ])('%s', (text, by, verdict) => {
    expect(readAppraisal(text)).toEqual({ by, verdict });
  });

  it.each([
    '商家说他们有鉴定证书，保证正品',
    '店家那边检测说不是质量问题',
    '要是鉴定出来是假的能赔多少',
    '鉴定结果是假的吗',
    '感觉是假货，想去做个鉴定',
    '鉴定报告还没出来',
    '我自己检测了一下，确实有质量问题',
    'I want to report that the item is fake',
    'the seller says their inspection found no defect',
  ])('no result the buyer got: %s', (text) => {
    expect(readAppraisal(text)).toBeNull();
  });
});

/** A counterfeit case already on the platform rung: the seller refused. */
function refusedCounterfeit(): EngineHarness {
  const h = new EngineHarness('2026-12-01T10:00:00+08:00');
  h.send('淘宝买的包，五金刻字模糊，怀疑是假货，订单号 4038812267705519，花了2680，我要退一赔三');
  h.advance(60);
  h.send('卖家说是正品，不给退');
  h.advance(60 * 24 * 2);
  return h;
}

describe('a fake result on a followed case', () => {
  it('is said back, and the next letter states it with the third party named and the report attached', () => {
    const h = refusedCounterfeit();
    const said = h.send('我把包送去检测中心鉴定了，结果是仿品');
    expect(keys(said)).toEqual(['appraisal.fake']);
    expect(said[0]!.text).toContain('第三方鉴定机构鉴定为非正品');
    const photo = h.send({ type: 'media', kind: 'photo', caption: '检测中心的鉴定报告', fileId: 'f1' });
    expect(photo.map((m) => m.text).join('\n')).not.toContain('对应清单：品牌方的鉴定');
    const letter = letterOf(h.send('申请平台介入'));
    expect(letter).toContain('经第三方鉴定机构鉴定为非正品（鉴定报告附后）');
    expect(letter).toContain('该商品经第三方鉴定机构鉴定为非正品，属于经营者欺诈');
    expect(letter).not.toContain('如经核实');
    expect(letter).not.toContain('品牌方');
  });

  it('told with the case itself, goes into the first letter', () => {
    const h = new EngineHarness('2026-11-26T09:00:00+08:00');
    const out = h.send('拼多多上买的相机镜头，找第三方鉴定机构看了，鉴定为翻新仿品，订单号 3321987760012，付了2350，退一赔三');
    expect(out[0]!.key).toBe('appraisal.fake');
    const letter = drafts(out).map((m) => m.text).join('\n');
    expect(letter).toContain('该商品经第三方鉴定机构鉴定为非正品');
  });

  it('without a report sent in, states the result but attaches nothing', () => {
    const h = refusedCounterfeit();
    h.send('去专柜做了鉴定，专柜说是假的');
    const letter = letterOf(h.send('申请平台介入'));
    expect(letter).toContain('经品牌方鉴定为非正品。');
    expect(letter).not.toContain('附后');
  });
});

/** A case told in `story`, the seller's refusal after it, then the appraisal: the key said back and the platform letter asked for next. */
function appraised(story: string, refusal: string, result: string, ask = '申请平台介入'): { key: string | undefined; letter: string } {
  const h = new EngineHarness('2026-12-01T10:00:00+08:00');
  h.send(story);
  h.send(refusal);
  const key = h.send(result).map((m) => m.key).join(' ');
  return { key, letter: letterOf(h.send(ask)) };
}

describe('a result for the seller, and in English', () => {
  it.each([
    // A genuine finding: recorded as it is, and the letter never says the goods were found fake.
    ['淘宝买的耳机包装印刷粗糙，怀疑是假货，订单号 6610923345871，花了899，要退款', '商家说保证正品，不退', '找了第三方鉴定，结果是正品', '申请平台介入', 'appraisal.genuine', '经第三方鉴定机构鉴定为正品', '鉴定为非正品'],
    // No defect on a quality case: stated, not turned into a defect.
    ['京东买的洗碗机洗完碗上全是水渍，订单号 9920114456378，要退货退款', '商家说不是质量问题，拒绝退货', '我自己送去第三方检测，报告写的没有质量问题', '申请平台介入', 'appraisal.no_defect', '经第三方鉴定机构检测，结论为无质量问题', '存在质量问题'],
    ['I bought a watch on Taobao, order 5561200987341, I think it is counterfeit, I want a refund', 'The seller refused, they say it is genuine', 'I had an independent lab check it and the report says it is fake', 'apply for platform intervention', 'appraisal.fake', 'appraised by a third-party appraiser as not genuine', 'if the goods are confirmed'],
  ])('%s → %s', (story, refusal, result, ask, key, stated, never) => {
    const told = appraised(story, refusal, result, ask);
    expect(told.key).toBe(key);
    expect(told.letter).toContain(stated);
    expect(told.letter).not.toContain(never);
  });
});
