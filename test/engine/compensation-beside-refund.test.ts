/**
 * A sum asked as compensation beside the money back is a claim on top of the refund, never the
 * refund's own sum; a refund the buyer reports made is recorded, and the letters then claim only
 * the compensation, stating the refund made.
 */
import { describe, expect, it } from 'vitest';
import { allText, drafts, EngineHarness, followedCase } from '../helpers/engine-harness.ts';
import { claimedSum } from '../../src/nlu/amounts.ts';
import { extract } from '../../src/nlu/index.ts';

const letters = (h: EngineHarness, out = h.last.out) => drafts(out).map((d) => d.text).join('\n');

describe('compensation named beside a refund', () => {
  it('food: "退款+赔N 按食安法" claims N under 食品安全法 第一百四十八条, not a refund of N', () => {
    const h = followedCase('饿了么点的凉皮里有一块塑料片 订单号 3307751942286013 我要退款');
    h.send('退款+赔2000 按食安法');
    const text = letters(h);
    expect(text).toContain('第一百四十八条');
    expect(text).toContain('2,000 元');
    expect(text).not.toMatch(/退款 2,000|退还货款 2,000|部分退款/);
    expect(text).not.toContain('第五十五条');
  });

  it('"要赔N" after a return-and-refund wish keeps the return and adds the claim; never a partial refund', () => {
    const h = followedCase('京东买的蓝牙耳机 左耳没声音 订单 88215530917 我要退货退款');
    h.send('那你帮我写个要赔300的');
    const text = letters(h);
    expect(text).toContain('退货退款');
    expect(text).toContain('赔偿 300 元');
    expect(text).not.toContain('部分退款');
    expect(h.state.active?.slots.wants).toBe('return_refund');
    expect(h.state.active?.compensationAmount).toBeNull();
  });

  it('a sum taken instead of the money back ("不退了，赔我80就行") is a compensation wish, no claim on top', () => {
    const h = followedCase('淘宝买的台灯 灯罩裂了 订单号 3391827740018852 我要退款');
    h.send('算了不退了 赔我80就行');
    expect(h.state.active?.claimSum).toBeUndefined();
    expect(h.state.active?.compensationAmount).toBe(80);
  });

  it('a refund reported made ("商家把X退了") is recorded; the letters state it and claim only the compensation', () => {
    const h = followedCase('美团外卖的酸菜鱼里吃出一根头发 订单号 1190382276641055028 要退款还要赔');
    h.send('退款+赔1500 按食品安全法');
    h.advance(30);
    h.send('商家把42.8退了 别的一分不给');
    expect(h.state.active?.slots.amountRefunded).toBe(42.8);
    h.advance(5);
    h.send('平台介入');
    const text = letters(h);
    expect(text).toContain('商家已退款 42.80 元');
    expect(text).toContain('1,500 元');
    expect(text).not.toMatch(/要求退还货款|退款 1,500/);
  });
});

describe('money received only when the buyer says it arrived', () => {
  it('"只退一件 N" is the sum wanted for the goods sent back, never money refunded', () => {
    expect(extract('退货退款 只退一盒 129').amountRefunded).toBeNull();
    const h = followedCase('天猫买的三盒面膜 有一盒漏液了 订单号 3391827740018853 我要退货退款');
    const out = h.send('只退一盒 129');
    expect(h.state.active?.slots.amountRefunded ?? null).toBeNull();
    expect(allText(out)).not.toContain('已退金额');
  });

  it('"退了一件X N … 还没退钱" is a return of goods with its price, not a refund of N', () => {
    expect(extract('退了一条裤子 268 仓库早签收了 到现在还没退钱').amountRefunded).toBeNull();
  });

  it('"刚到账N 少了M" records N received and the price N+M; no letter says nothing came back', () => {
    const h = followedCase('唯品会退了一双靴子 退款一直没到账 订单号 25112408819777');
    h.send('商家拒绝了');
    h.advance(60);
    h.send('刚到帐620 少了80 客服说鞋盒压坏了扣80');
    expect(h.state.active?.slots.amountRefunded).toBe(620);
    expect(h.state.active?.slots.amountPaid).toBe(700);
    expect(letters(h)).not.toMatch(/没退钱|没有到账|还没到账/);
  });
});

describe('the sum the buyer names stays in the claim', () => {
  it('"至少赔七十" beside the seller\'s smaller offer is the sum the next letter asks', () => {
    const h = followedCase('拼多多买的草莓 到手压烂了一半 订单号 251120-093347561220777 我想让他赔点钱');
    h.send('商家说只能赔十五块 太少了 至少赔七十吧');
    h.send('2');
    expect(letters(h)).toContain('70 元');
  });

  it('reads a sum asked as compensation, and not one refused or offered', () => {
    expect(claimedSum('退款另外还要赔偿800元')).toBe(800);
    expect(claimedSum('要赔三百块')).toBe(300);
    expect(claimedSum('商家说只能赔50')).toBeNull();
    expect(claimedSum('他说不赔')).toBeNull();
    expect(claimedSum('要求赔三倍')).toBeNull();
  });
});
