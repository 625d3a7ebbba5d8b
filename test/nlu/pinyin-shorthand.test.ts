/**
 * Pinyin-initial shorthand in Chinese chat ("想tk", "mj不回", "xy上买的") is read as the words it stands
 * for, as whole tokens only: never inside an English word, an order or waybill number, nor in an English message.
 */
import { describe, expect, it } from 'vitest';
import { extract, normalize, normalizeAligned } from '../../src/nlu/index.ts';

const NOW = new Date('2026-12-03T10:00:00+08:00');
const read = (text: string) => extract(text, { now: NOW, timezone: 'Asia/Shanghai' });

describe('pinyin shorthand', () => {
  it.each([
    ['蓝牙音箱没声音 想tk', 'refund'],
    ['鞋码不对 直接thtk吧', 'return_refund'],
    ['收到的台灯是坏的 我要th', 'return_refund'],
  ])('"%s": the wish is read', (text, wants) => {
    expect(read(text).wants).toBe(wants);
  });

  it('"xy" names 闲鱼', () => {
    expect(read('在xy上收的二手相机 镜头有霉').platform).toBe('xianyu');
  });

  it('"mj" and "kf" speak for the shop', () => {
    expect(read('mj说不给退').sellerReply).not.toBeNull();
    expect(read('kf说不能退').sellerReply).not.toBeNull();
    expect(read('maij回我：拆封了不退').sellerReply).not.toBeNull();
  });

  it('keeps positions: the normalised text is as long as the buyer\'s', () => {
    for (const text of ['maij回我：不退', '想tk 运费谁出', 'xy买的']) expect(normalizeAligned(text).length).toBe(text.length);
    expect(normalize('maij说不退')).toBe('卖家说不退');
  });

  it.each([
    ['订单号 TK20261203558812 耳机坏了', '退款'],
    ['买的thinkpad屏幕有坏点', '退款'],
    ['mjolnir手办断了一只手', '卖家'],
  ])('"%s": a token inside a word or a number stays as it is', (text, word) => {
    expect(normalize(text)).not.toContain(word);
  });

  it('an English message keeps its letters ("th", "kf" are not Chinese shorthand there)', () => {
    expect(normalize('the 4 th one, kf model')).toBe('the 4 th one, kf model');
  });

  it.each(['全退 1580', '要全退', '全额退 426'])('"%s" is a full refund', (text) => {
    expect(read(text).wants).toBe('refund');
  });
});
