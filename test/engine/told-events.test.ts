/**
 * What a buyer's message tells beside the goods' fault, kept where it belongs (trial 13 F2, F5, F6):
 * a day attached to the buyer's own step (bought, received) is not the day of the seller's answer,
 * and an answer told undated before any letter is dated "or before" the day told; a reason told
 * later for the same refusal is that refusal's; a withdrawn kind of fault leaves the letters; the
 * buyer's words to the seller are theirs ("我跟客服说我要退货"), the seller's words to them are not
 * the problem, and the postage they ask of the seller goes with the wish.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';

const letterOf = (out: ReturnType<EngineHarness['send']>, to: string) => drafts(out, to).at(-1)!.text;

describe('the day of a reported answer', () => {
  it('told undated in the first message, is "or before" the day told, never the purchase day', () => {
    const h = new EngineHarness('2026-12-03T10:00:00+08:00');
    const out = h.send('拼多多买的扫地机 12月1号下的单 现在便宜了150 商家拒绝给我价保 订单号 251125-384756102938475');
    const letter = letterOf(out, 'platform');
    expect(letter).toContain('2026年12月3日或之前，卖家答复：拒绝处理');
    expect(letter).not.toMatch(/2026年12月1日，卖家/);
  });

  it('a reason told the same day for that refusal joins it: one refusal, with the reason', () => {
    const h = new EngineHarness('2026-12-03T10:00:00+08:00');
    h.send('淘宝买的羽绒被 11月22日拍的 订单号 3829104756381920475 现在降价了 找卖家价保 卖家直接拒绝了 想退差价80');
    h.advance(120);
    const letter = letterOf(h.send('客服说秒杀价不参与价保'), 'platform');
    expect(letter).toContain('2026年12月3日或之前，卖家拒绝处理，称秒杀价不参与价保');
    expect(letter).not.toContain('2026年11月22日，卖家');
    expect(letter.match(/拒绝处理/g)).toHaveLength(1);
  });

  it('reported after the letter went out, without a day, is dated the day told', () => {
    const h = new EngineHarness('2026-12-03T10:00:00+08:00');
    h.send('拼多多买的保温杯 订单 251201-384756102938475 杯盖漏水 要退款');
    h.advance(24 * 60);
    const letter = letterOf(h.send('卖家拒绝了，说是我自己摔的'), 'platform');
    expect(letter).toMatch(/2026年12月4日，卖家拒绝处理/);
    expect(letter).not.toContain('或之前');
  });
});

describe('a withdrawn kind of fault', () => {
  it('leaves the letters, with the right words and the goods bought kept', () => {
    const h = new EngineHarness('2026-12-02T20:00:00+08:00');
    h.send('淘宝买的卫衣 袖口开线了 订单 4829103847561029384 退款');
    h.advance(3);
    const out = h.send('不对 不是开线问题 是缩水 洗一次短了一截 开线其实没有');
    const letter = letterOf(out, 'seller');
    expect(letter).toContain('问题是：购买的卫衣，缩水问题，洗一次短了一截');
    expect(letter).not.toContain('开线');
    expect(out.map((m) => m.text).join('\n')).toContain('已更正问题：缩水问题 洗一次短了一截');
    expect(h.state.active!.slots.problem).toBe('quality');
  });

  it('is corrected whether the kind is named with 问题 or the words themselves', () => {
    const h = new EngineHarness('2026-12-02T20:00:00+08:00');
    h.send('抖音买的台灯 底座有裂纹 订单号 6938201746382910 要换货');
    h.advance(3);
    const letter = letterOf(h.send('不对 不是底座有裂纹 是灯罩有裂纹'), 'seller');
    expect(letter).toContain('灯罩有裂纹');
    expect(letter).not.toContain('底座');
  });

  it('is not read into a message that withdraws nothing on record', () => {
    const h = new EngineHarness('2026-12-02T20:00:00+08:00');
    h.send('淘宝买的雨伞 伞骨断了 订单 3849201847561029384 退款');
    h.advance(3);
    const out = h.send('不对 不是颜色问题 是尺寸');
    expect(out.map((m) => m.text).join('\n')).not.toContain('已更正问题');
    expect(h.state.active!.slots.problemText).toContain('伞骨断了');
  });
});

describe('the buyer\'s words to the seller and the seller\'s words back', () => {
  it('keeps the return asked of the seller as the wish, postage on the seller, and no seller words in the problem', () => {
    const h = new EngineHarness('2026-11-26T10:00:00+08:00');
    const out = h.send('拼多多买的毛毯 订单 261120-582910384756291 洗完缩了一半 我跟客服讲我要退货退款 来回运费你们出 客服说好的亲 明天给您回复');
    expect(h.state.active!.slots.wants).toBe('return_refund');
    const letter = letterOf(out, 'seller');
    expect(letter).toContain('我希望退货退款，运费由卖家承担');
    expect(letter).toContain('问题是：购买的毛毯，洗完缩了一半。');
    expect(letter).not.toMatch(/给您回复|合理补偿|部分退款/);
  });

  it('reads "我跟卖家说…" as the buyer\'s own wish, also with a plain reply after it', () => {
    const h = new EngineHarness('2026-11-26T10:00:00+08:00');
    h.send('京东买的电热水壶 订单号 293847561029 底部漏水 我跟卖家说要换货 卖家说您稍等亲');
    expect(h.state.active!.slots.wants).toBe('exchange');
    expect(letterOf(h.log.at(-1)!.out, 'seller')).not.toContain('稍等');
  });
});
