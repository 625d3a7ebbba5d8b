/**
 * What the buyer told for the claim stays in the letters: what the seller said of the goods set
 * against what arrived (even with the price said between them), a cost asked of the seller named
 * as "他 / 她", and an unboxing video named in the answer to the seller's blame.
 */
import { describe, expect, it } from 'vitest';
import type { Outbound } from '../../src/domain/index.ts';
import { EngineHarness } from '../helpers/engine-harness.ts';

const bodies = (out: Outbound[]) => out.filter((m) => m.kind === 'draft').map((m) => m.text).join('\n');

describe('the listing claim with the price between it and what arrived', () => {
  it('闲鱼: the seller\'s words are quoted before the fault', () => {
    const h = new EngineHarness('2026-12-02T19:00:00+08:00');
    h.send('闲鱼收了个二手kindle，卖家说电池耐用无暗斑，380块，到手屏幕左下角一块暗斑，电池半天就没电 订单号 4820193746521038');
    const out = h.send('退货退款');
    const letter = bodies(out);
    // The seller letter addresses the seller ("您称").
    expect(letter).toContain('您称“电池耐用无暗斑”');
    expect(letter).toContain('暗斑');
  });

  it('淘宝: the same with the sum given as "实付"', () => {
    const h = new EngineHarness('2026-12-02T19:00:00+08:00');
    const out = h.send('淘宝订单 3928104756120398471 买的T恤，商家说是纯棉的，实付89元，收到一摸全是化纤还起静电，要退货退款');
    expect(bodies(out)).toContain('您称“纯棉的”');
  });
});

describe('a cost asked of the seller named as he or she', () => {
  it('"来回运费她出" keeps the seller paying the shipping in the letter', () => {
    const h = new EngineHarness('2026-12-02T19:00:00+08:00');
    h.send('闲鱼上买的二手吹风机 订单号 4710293846519203 插电不出热风');
    const out = h.send('退货退款，来回运费她出');
    expect(bodies(out)).toContain('运费由卖家承担');
  });

  it('"邮费他来出" too, and a question about who pays is no claim', () => {
    const h = new EngineHarness('2026-12-02T19:00:00+08:00');
    h.send('拼多多订单 251202-102938475610293 买的保温杯，盖子拧不紧漏水');
    expect(bodies(h.send('退货退款，寄回去的邮费他来出'))).toContain('运费由卖家承担');
    const other = new EngineHarness('2026-12-02T19:00:00+08:00');
    other.send('拼多多订单 251202-564738291045612 买的台灯，开关按不动');
    expect(bodies(other.send('退货退款，运费谁出？'))).not.toContain('运费由卖家承担');
  });
});

describe('an unboxing video named against the seller\'s blame', () => {
  const blamed = () => {
    const h = new EngineHarness('2026-12-02T19:00:00+08:00');
    h.send('闲鱼上买的二手降噪耳机 订单号 4629103847561920 右耳一直有电流声，卖家说功能完好，我要退货退款');
    h.advance(16 * 60);
    h.send('卖家说：你自己弄坏的，我寄的时候好好的，不退');
    h.advance(5);
    return h;
  };

  it('"拆快递的时候录了开箱视频" goes into the updated letter as a video the buyer can provide', () => {
    const h = blamed();
    const out = h.send('我拆快递的时候就录了开箱视频，一次都没用过');
    const letter = bodies(out);
    expect(letter).toContain('我有开箱视频，可以提供');
    expect(letter).toContain('没有使用过');
  });

  it('"I have the unboxing video" in English too', () => {
    const h = blamed();
    expect(bodies(h.send('I have an unboxing video and I never dropped it'))).toContain('我有开箱视频，可以提供');
  });
});
