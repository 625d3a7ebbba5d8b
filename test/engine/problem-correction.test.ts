/**
 * The buyer corrects the problem's words ("不是X，是Y", "说错了，是Y不是X"): the right words replace the
 * wrong ones, the bot says so ("已更正问题：…") and the letter is issued again, as order-number and
 * amount corrections are — never "记录不用改" when the right words were sent (trial 11 F26).
 */
import { describe, expect, it } from 'vitest';
import { correctedWords, problemCorrection } from '../../src/nlu/correction.ts';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';

function followed(first: string): EngineHarness {
  const h = new EngineHarness('2026-12-04T09:00:00+08:00');
  h.send(first);
  expect(h.state.active!.phase).toBe('following');
  h.advance(60);
  return h;
}

describe('a correction of the problem', () => {
  it('reads the wrong and the right words, and leaves other slots\' corrections alone', () => {
    expect(problemCorrection('纠正下，不是屏幕碎了，是屏幕有一条竖线')).toEqual({ wrong: '屏幕碎了', right: '屏幕有一条竖线' });
    expect(problemCorrection('我说错了，是壶盖漏水不是壶身漏水')).toEqual({ wrong: '壶身漏水', right: '壶盖漏水' });
    expect(problemCorrection('sorry, it is the left hinge that cracked, not the right one')).toEqual({ wrong: 'the right one', right: 'the left hinge that cracked' });
    expect(problemCorrection('说错了，不是退款，是换货')).toBeNull();
    expect(problemCorrection('打错了，不是淘宝订单号，是这个 4820193746502817364')).toBeNull();
    expect(problemCorrection('屏幕不是碎了，是有竖线')).toBeNull();
  });

  it('replaces the clause that held the wrong words', () => {
    expect(correctedWords('购买的台灯，开关坏了，按不下去', { wrong: '开关坏', right: '开关松动' })).toBe('购买的台灯，开关松动，按不下去');
    expect(correctedWords('台灯灯罩有裂缝', { wrong: '底座', right: '底座掉漆' })).toBe('底座掉漆');
  });

  it('updates the record, says so and reissues the seller letter', () => {
    const h = followed('淘宝买的电动牙刷 订单号 3810294756102938475 刷头断了 要换货');
    const out = h.send('更正一下，不是刷头断了，是刷头卡扣松了');
    const ack = out.find((m) => m.key === 'amend.redraft')!.text;
    expect(ack).toContain('已更正问题：刷头卡扣松了');
    expect(ack).not.toContain('记录不用改');
    const letter = drafts(out, 'seller')[0]!.text;
    expect(letter).toContain('刷头卡扣松了');
    expect(letter).not.toContain('刷头断了');
  });

  it('takes the right words said first and the wrong ones after', () => {
    const h = followed('京东订单 58203917465 空气炸锅 外壳有凹痕 想退货退款');
    const out = h.send('刚才写错了，是内胆有凹痕，不是外壳');
    expect(out.map((m) => m.text).join('\n')).toContain('已更正问题：内胆有凹痕');
    expect(drafts(out, 'seller')[0]!.text).toContain('内胆有凹痕');
  });

  it('while the wish is still asked, corrects the words and asks the wish again', () => {
    const h = new EngineHarness('2026-12-04T09:00:00+08:00');
    h.send('京东 订单号 62019384756 电水壶 壶盖合不上');
    const out = h.send('说错了，不是壶盖合不上，是壶盖的卡扣断了');
    expect(out.map((m) => m.text).join('\n')).toContain('已更正问题：壶盖的卡扣断了');
    expect(h.state.pending?.slot).toBe('wants');
    const letter = drafts(h.send('退款'), 'seller')[0]!.text;
    expect(letter).toContain('壶盖的卡扣断了');
    expect(letter).not.toContain('合不上');
  });

  it('still answers a slip with nothing to change as before', () => {
    const h = followed('拼多多 订单 251204-738201946573829 买的拖鞋 两只尺码不一样 要换货');
    const out = h.send('写错了');
    expect(out.map((m) => m.key)).toContain('amend.slipNoted');
  });
});
