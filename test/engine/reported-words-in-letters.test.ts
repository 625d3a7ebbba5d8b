/**
 * What the seller and the platform said reaches the letters as said (trial 16 F20, F4): the seller's
 * words end where the buyer's own report starts, are never cut inside a clause, a day the buyer gives
 * their own step does not date the answer, "卖家说收到了" is the seller's word and not a signing, and the
 * platform's customer service is the platform, dated when the buyer told it, not by a day in its words.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';

function following(start: string, first: string): EngineHarness {
  const h = new EngineHarness(start);
  h.send(first);
  expect(h.state.active!.phase).toBe('following');
  h.advance(20);
  return h;
}

describe('the seller\'s words and the buyer\'s own report', () => {
  it('a failed call to whom the seller sent the buyer stays out of the seller\'s words', () => {
    const h = following('2026-10-14T19:00:00+08:00', '美团外卖少了一份凉皮 订单号 2410141900112233445 想退款');
    const letter = drafts(h.send('店家说是配送员漏拿的 叫我去找配送员 配送员电话一直联系不上'), 'platform')[0]!.text;
    expect(letter).toContain('叫我去找配送员');
    expect(letter).not.toMatch(/称[^。]*联系不上/u);
  });

  it('a long answer is kept to its last whole clause', () => {
    const h = following('2026-10-15T10:00:00+08:00', '淘宝买的20个收纳盒 订单号 3311224455667788 少了5个 还有几个盖子裂了 想补发');
    const letter = drafts(h.send('老板说仓库出库前都点过数 有装箱照片 让我自己问快递 盖子裂的说是运输正常磕碰不补'), 'platform')[0]!.text;
    expect(letter).toContain('盖子裂的说是运输正常磕碰不补');
    expect(letter).not.toMatch(/说是。/u);
  });
});

describe('days in a report of the answer', () => {
  it('the day the buyer filed their own request does not date the refusal, told once', () => {
    const h = following('2026-10-20T21:00:00+08:00', '京东买的定制门牌 订单号 298877665544 字刻错了 想退款');
    h.send('我10月16号提交的售后 店家说定制商品一律不退不换');
    const out = h.send('申请平台介入');
    const letter = drafts(out, 'platform').at(-1)!.text;
    expect(letter).not.toContain('2026年10月16日，卖家');
    expect(letter.match(/卖家拒绝处理/gu) ?? []).toHaveLength(1);
  });

  it('a refusal retold the same day is listed once, with the fuller words', () => {
    const h = following('2026-10-21T20:00:00+08:00', '拼多多买的刻字保温杯 订单号 241021-33445566778 名字刻错了 想退款');
    h.send('店家说个性定制的商品刻好以后一律不退');
    h.advance(10);
    h.send('补充一下 我10月18号就申请了售后 店家说定制的不退');
    const letter = drafts(h.send('申请平台介入'), 'platform').at(-1)!.text;
    expect(letter.match(/卖家拒绝处理/gu) ?? []).toHaveLength(1);
    expect(letter).toContain('个性定制的商品刻好以后一律不退');
    expect(letter).not.toContain('2026年10月18日，卖家');
  });

  it('the platform\'s customer service is the platform, dated when told, not by a day in its words', () => {
    const h = following('2026-10-22T15:00:00+08:00', '抖音团购的洗车套餐 订单号 7300112233445566 店倒闭了 想退剩下的次数 退款');
    h.send('店家电话打不通 人也找不到');
    const out = h.send('抖音客服回复：该套餐已于8月15日核销，核销后的纠纷请联系商家，平台无法退款');
    const chosen = h.choose('confirmReply', 'platform_for_seller');
    const later = h.send('我要12315投诉');
    const text = [out, chosen, later].flatMap((o) => drafts(o, 'regulator')).map((d) => d.text).join('\n');
    expect(text).not.toBe('');
    expect(text).not.toContain('8月15日，卖家');
    expect(text).not.toMatch(/2026年8月15日/u);
    expect(text).toMatch(/2026年10月22日，[^。]*(?:抖音客服|平台)/u);
  });
});

describe('the seller saying the return arrived', () => {
  it('is written as the seller\'s word, never as a signing on a day', () => {
    const h = following('2026-10-02T11:00:00+08:00', '拼多多买的电热水壶 漏水 订单号 241002-55667788990 想换货');
    h.send('店家说寄回来检测 检测有问题才给换');
    h.advance(60 * 24 * 2);
    h.send('寄回去了 韵达 4318899776655');
    h.advance(60 * 24 * 3);
    h.send('店家说收到了 检测说是我自己摔的 不给换');
    const letter = drafts(h.send('申请平台介入'), 'platform').at(-1)!.text;
    expect(letter).toContain('卖家称已收到我寄回的商品');
    expect(letter).not.toContain('卖家签收了我寄回的商品');
  });
});
