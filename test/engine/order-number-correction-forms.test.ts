/**
 * "订单号打错了 是 X": the corrected number is taken whatever its shape (a shop's letters before the
 * digits, a bare number), while the elements are still asked for or once the case is followed; the
 * corrected seller letter replaces the one just handed over (no "此前已经向您反映过"), and what the
 * buyer says the letter lacks in the same message goes into it too. Every sentence here is invented.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, allText, drafts } from '../helpers/engine-harness.ts';

describe('an order number corrected in its own words', () => {
  it.each([
    ['订单号输错了 是 KX552019384711', 'KX552019384711'],
    ['不好意思 订单号填错了，应该是 660192837465', '660192837465'],
  ])('"%s" while the wish is asked replaces the number', (said, id) => {
    const h = new EngineHarness('2026-11-24T14:00:00+08:00');
    h.send('国美买的洗碗机 送货师傅装的时候把门磕掉漆了 订单号是 KX552019348711');
    const out = h.send(said);
    expect(allText(out)).toContain(`已更正订单号：${id}`);
    expect(h.state.active!.slots.orderId).toBe(id);
  });

  it('once followed, the corrected seller letter is the same soft letter with the new number', () => {
    const h = new EngineHarness('2026-11-24T14:00:00+08:00');
    h.send('苏宁买的油烟机 上门安装多收了我260的打孔费 订单号 QW7730192846 想要退款');
    expect(h.state.active!.phase).toBe('following');
    h.advance(3);
    const out = h.send('订单号写错了！对的是QW7730129846');
    expect(h.state.active!.slots.orderId).toBe('QW7730129846');
    const letter = drafts(out, 'seller')[0]?.text ?? drafts(out)[0]!.text;
    expect(letter).toContain('QW7730129846');
    expect(letter).not.toContain('QW7730192846');
    expect(letter).not.toContain('此前已经向您反映过');
  });

  it('a number corrected with something the letter lacks takes both into one letter', () => {
    const h = new EngineHarness('2026-11-24T14:00:00+08:00');
    h.send('京东买的热水器 订单 301928475610 装好第二天就漏水 要换新的');
    h.advance(4);
    const out = h.send('订单号写错了 应该是 301928457610 还有信里没写 漏水把地板泡了');
    expect(h.state.active!.slots.orderId).toBe('301928457610');
    const letters = drafts(out);
    expect(letters.length).toBe(1);
    expect(letters[0]!.text).toContain('301928457610');
    expect(letters[0]!.text).toContain('漏水把地板泡了');
    expect(letters[0]!.text).not.toContain('此前已经向您反映过');
  });
});

describe('a letter said to be wrong right after it was handed over', () => {
  it('with nothing corrected, the bot asks which line is wrong and hands over no firmer letter', () => {
    const h = new EngineHarness('2026-11-24T14:00:00+08:00');
    h.send('唯品会买的羊毛衫 订单号 25112033019876 起球严重 想退货退款');
    h.advance(3);
    const out = h.send('你写的不对');
    expect(allText(out)).not.toContain('你说得对');
    expect(drafts(out).map((d) => d.text).join('\n')).not.toContain('此前已经向您反映过');
  });
});
