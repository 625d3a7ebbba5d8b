/**
 * 三倍 asked beside another question is answered at once, and a ruling that turned the multiple down leaves it the
 * buyer's claim: the 12315 letter asks it "如经核实…" under 消法 第五十五条 (DOMAIN.md), never what was granted.
 */
import { describe, expect, it } from 'vitest';
import type { Outbound } from '../../src/domain/index.ts';
import { allText, followedCase } from '../helpers/engine-harness.ts';

const draftOf = (out: Outbound[], to: string) => out.find((m) => m.kind === 'draft' && m.to === to);

describe('the statutory multiple', () => {
  it.each([
    '能起诉他们吗？三倍赔偿能要吗？',
    '我能去法院告吗 退一赔三可以吗',
  ])('asked beside a lawsuit question is answered too: %s', (question) => {
    const h = followedCase('京东第三方店买的翻新笔记本当全新卖 订单号 30918827715 花了5200 序列号查出来是旧机 要退货退款');
    const text = allText(h.send(question));
    expect(text).toContain('小额诉讼');
    expect(text).toContain('第五十五条');
  });

  it('turned down by the ruling, is the 12315 request, with its article and sum', () => {
    const h = followedCase('淘宝买的相机说是全新 结果快门数两万多 是用过的 订单号 3301928847716203341 实付4600 要退货退款');
    const out = h.send('淘宝介入结果：支持退货退款，三倍赔偿平台说不处理，让我找12315');
    const letter = draftOf(out, 'regulator')?.text ?? draftOf(h.send('12315'), 'regulator')!.text;
    expect(letter).toContain('如经核实属于经营者欺诈');
    expect(letter).toContain('13,800 元');
    expect(letter).toMatch(/依据：[^\n]*第五十五条/u);
    expect(letter).not.toContain('退还货款 4,600');
  });

  it('never claimed when the ruling turned down only the postage', () => {
    const h = followedCase('拼多多买的电热毯不发热 订单号 241201-772019384456102 实付139 要退货退款');
    const out = h.send('平台判了退货退款，运费没给');
    const letter = draftOf(out, 'regulator')!.text;
    expect(letter).toContain('运费');
    expect(letter).not.toContain('第五十五条');
  });
});
