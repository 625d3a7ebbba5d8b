/**
 * Letters are in clean written Chinese (trial 8, problem 6): a Cantonese "the" (個 / 啲 before a
 * noun), 樽 / 爆咗 / 流晒 and an evidence caption in Cantonese are made standard; an appeal to a forum
 * audience with a cry for help is no fact; a single "！" is a full stop in a letter; markup leftovers
 * leave no "我的，"; a model name keeps its space; "我买的L" reads "购买的是L".
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';
import { cleanBuyerWords } from '../../src/drafts/words.ts';

const none = { orderId: null, trackingNo: null };
const clean = (text: string, orderId: string | null = null): string => cleanBuyerWords(text, { orderId, trackingNo: null }, 'zh-CN', true);

describe('written Chinese in the problem line', () => {
  it('turns Cantonese "the bottle burst, the lotion ran out" into standard words', () => {
    const out = clean('買咗支身體乳，打開盒嘅時候個樽爆咗，啲膏流晒出嚟');
    expect(out).toBe('购买的身体乳，打开盒的时候瓶子破裂了，膏体全部流了出来');
  });

  it('drops a forum cry for help to an audience, alone or with a particle', () => {
    expect(clean('宝子们救命，买的连衣裙袖子开线了')).toBe('购买的连衣裙袖子开线了');
    expect(clean('兄弟们求助啊，电钻用了两次就冒烟')).toBe('电钻用了两次就冒烟');
    expect(clean('救命，台灯灯罩裂了')).toBe('台灯灯罩裂了');
  });

  it('makes a single exclamation mark a full stop, and keeps an English model name whole', () => {
    expect(clean('买的Galaxy Buds Pro，右耳没声音！充电也充不进')).toBe('购买的Galaxy Buds Pro，右耳没声音。充电也充不进');
  });

  it('says which size was bought in writing', () => {
    expect(clean('裤子太短了，我买的L，穿上像七分裤')).toBe('裤子太短了，购买的是L，穿上像七分裤');
  });

  it('leaves no dangling "我的" where an order number in markup was taken out', () => {
    const h = new EngineHarness('2026-12-03T11:00:00+08:00');
    h.send('<i>我的订单</i><b>204918273645019283</b>台灯不亮');
    const letter = drafts(h.send('想退款'), 'seller')[0]!.text;
    expect(letter).toContain('问题是：台灯不亮。');
  });

  it('names a Cantonese photo caption in standard words in the platform letter', () => {
    const h = new EngineHarness('2026-12-03T11:00:00+08:00');
    h.send('我喺小紅書買咗支精華，拆開嘅時候個樽爆咗，啲精華流晒出嚟');
    h.send('訂單號係 P559102837465019283');
    h.send('我想退錢');
    h.send({ type: 'media', kind: 'photo', caption: '樽爆咗嘅相', fileId: 'f1' });
    const platform = drafts(h.send('卖家说：“不支持退款”'), 'platform')[0]?.text ?? '';
    expect(platform).toContain('瓶子破裂了的照片');
    expect(platform).not.toMatch(/樽|咗|嘅/u);
  });

  it('leaves a Mandarin 个 and 些 alone', () => {
    expect(cleanBuyerWords('一个杯子碎了，些许划痕', none, 'zh-CN', true)).toBe('一个杯子碎了，些许划痕');
  });
});
