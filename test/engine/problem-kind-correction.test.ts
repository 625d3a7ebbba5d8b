/**
 * The buyer withdraws the kind of problem on record and says what it is instead ("不对 不是没收到货 是…",
 * "也不是七天无理由 是…", "It's not a defect. …"), with or without a word of correcting: the problem's
 * kind and words become the right ones, the bot says so and the letter of the case's step is issued
 * again, never the generic "我在跟进…" over a letter the buyer said is false (trial 15 F5).
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, allText as said, drafts, followedCase as followed } from '../helpers/engine-harness.ts';

describe('a correction of the kind of problem', () => {
  it('replaces "not received" with the buyer\'s words and reissues the seller letter', () => {
    const h = followed('京东买的衣柜 1299 订单 72019384756 一直没送到 我要退款');
    const out = h.send('不对 柜子上周就送到了 不是没收到 是安装的师傅约了两次都没上门');
    expect(said(out)).toContain('已更正问题：安装的师傅约了两次都没上门');
    expect(said(out)).not.toContain('我在跟进');
    const letter = drafts(out, 'seller')[0]!.text;
    expect(letter).toContain('安装的师傅约了两次都没上门');
    expect(letter).not.toMatch(/没送到|没有收到/);
    expect(h.state.active!.slots.problem).toBe('other');
  });

  it('needs no word of correcting when the withdrawn words name the kind on record', () => {
    const h = followed('淘宝买的加湿器 订单号 3810294756102938411 昨天签收的 不想要了 七天无理由退款');
    const out = h.send('也不是七天无理由 是用了两天就漏水');
    expect(said(out)).toContain('已更正问题');
    const letter = drafts(out, 'seller')[0]!.text;
    expect(letter).toContain('用了两天就漏水');
    expect(letter).not.toContain('退货原因');
    expect(h.state.active!.slots.problem).not.toBe('changed_mind');
  });

  it('skips a sum corrected in the same breath and takes the problem\'s pair', () => {
    const h = new EngineHarness('2026-12-04T09:00:00+08:00');
    h.send('拼多多买的电暖器 订单号 261203-558120394857123 不想要了 实付 45');
    const out = h.send('退款。我付的是450 不是45。也不是不想要了 是开机就有焦糊味');
    const letter = drafts(out, 'seller')[0]!.text;
    expect(letter).toContain('开机就有焦糊味');
    expect(letter).not.toContain('退货原因');
    expect(said(out)).toContain('已更正问题：开机就有焦糊味');
  });

  it('reads "it\'s not a defect" followed by what happened, in English', () => {
    const h = followed('Bought a concert ticket on Damai, order 5520193847, 880 yuan. The item is defective, I want a refund.');
    const out = h.send("It's not a defect. The organiser cancelled the show and kept my money.");
    expect(said(out)).toContain('Corrected the problem: The organiser cancelled the show and kept my money');
    expect(drafts(out, 'seller')).toHaveLength(1);
    expect(h.state.active!.slots.problem).not.toBe('quality');
  });

  it('reissues the platform letter on the platform step', () => {
    const h = followed('天猫买的床 订单号 3287719045562211111 3200 一直没收到货 要退款');
    h.send('卖家拒绝了');
    const out = h.send('不对 不是没收到货 是送来的床板断了一根');
    const letter = drafts(out, 'platform')[0]!.text;
    expect(letter).toContain('送来的床板断了一根');
    expect(letter).not.toMatch(/没有收到|迟迟没有送到/);
  });

  it('leaves the wish alone when an installer says what they will do', () => {
    const h = followed('京东买的餐桌 订单号 62019384712 桌面有裂缝 要退货退款');
    const out = h.send('今天上门的师傅看了 说是桌腿配件不对 要重新寄一套配件过来');
    expect(h.state.active!.slots.wants).toBe('return_refund');
    expect(said(out)).not.toContain('已更正诉求');
  });

  it('a withdrawn word not on record is no correction of the problem', () => {
    const h = followed('京东买的台灯 订单号 62019384799 开关坏了 要换货');
    const out = h.send('不是我不想用 是真的按不动');
    expect(h.state.active!.slots.problem).toBe('quality');
    expect(said(out)).not.toContain('已更正问题');
  });
});

describe('not a correction', () => {
  it('"不是我拍的…，是…" describes wrong goods and keeps the kind on record', () => {
    const h = followed('淘宝买的T恤 订单号 3810294756102938477 发错货了 要换货');
    h.send('不是我拍的白色 是一件灰色的');
    expect(h.state.active!.slots.problem).toBe('wrong_item');
  });
});
