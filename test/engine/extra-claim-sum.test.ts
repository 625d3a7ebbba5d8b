/**
 * The sum of a cost claimed beside the wish (medical costs) is read next to its words, never from an
 * order number said in the same breath; a sum the buyer corrects later is the one every letter asks for.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';

const all = (out: ReturnType<EngineHarness['send']>): string => out.map((m) => m.text).join('\n');

describe('a medical cost claimed beside the wish', () => {
  it('is not read from an order number with a letter prefix', () => {
    const h = new EngineHarness('2026-11-10T20:00:00+08:00');
    h.send('抖音买的面霜 抹了一次脸就起疹子 去医院看了');
    const out = h.send('订单 D550912837461 面霜199 我要退款 + 看病花的88 他们得出');
    const text = all(out);
    expect(text).toContain('医疗费用 88 元');
    expect(text).not.toMatch(/550,?912,?837,?461 元/);
  });

  it('never takes a run of ten digits or more as the sum', () => {
    const h = new EngineHarness('2026-11-10T20:00:00+08:00');
    h.send('淘宝买的洗发水 用完头皮过敏 订单号 3380127746591');
    const out = h.send('我要退款 另外医药费商家必须出 单号3380127746591');
    const text = all(out);
    expect(text).toContain('赔偿医疗费用');
    expect(text).not.toMatch(/3,?380,?127,?746,?591 元/);
  });

  it('takes the sum the buyer corrects into the letters given after', () => {
    const h = new EngineHarness('2026-11-10T20:00:00+08:00');
    h.send('拼多多买的蜂蜜 喝了拉肚子 订单号 240611-778120394455');
    h.send('退款 另外医药费60也要赔');
    h.advance(60 * 5);
    h.send('卖家说不退');
    h.advance(5);
    h.send('医药费是95元 刚才写错了');
    h.advance(5);
    const platform = drafts(h.send('申请平台介入'), 'platform').at(-1)?.text ?? '';
    expect(platform).toContain('医疗费用 95 元');
    expect(platform).not.toContain('医疗费用 60 元');
  });
});
