/**
 * Sums once money moves or is offered (trial 13 F4, F7, F8): a cost claimed beside a refund is neither
 * money refunded nor a wish for compensation instead; "refund yes, the cost no" is less than asked; a
 * refund that came in part is stated with both sums and the rest is claimed; an offer the buyer took in
 * their own words is accepted, and no letter claims more than they accepted. Every sentence here is
 * invented for these tests.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';
import type { Outbound } from '../../src/domain/index.ts';

const keys = (out: Outbound[]) => out.map((m) => m.key);

function following(first: string, start = '2026-12-07T09:00:00+08:00'): EngineHarness {
  const h = new EngineHarness(start);
  h.send(first);
  expect(h.state.active!.phase).toBe('following');
  h.advance(120);
  return h;
}

describe('a cost claimed beside the refund', () => {
  it('is not recorded as refunded, and the wish stays the refund with the cost added', () => {
    const h = new EngineHarness('2026-12-07T09:00:00+08:00');
    const out = h.send('在京东买的洗发水用了头皮发痒起包，去诊所花了95，订单号 4410293847561，要求退款并赔偿医药费95元');
    const c = h.state.active!;
    expect(c.slots.amountRefunded).toBeNull();
    expect(c.slots.amountPaid).toBeNull();
    expect(c.slots.wants).toBe('refund');
    const letter = drafts(out, 'seller')[0]!.text;
    expect(letter).toContain('我希望申请退款，并赔偿医疗费用 95 元。');
    expect(letter).not.toContain('请您提出具体金额');
  });

  it('a return with the shipping claimed: no sum refunded, the return is the wish', () => {
    const h = new EngineHarness('2026-12-07T09:00:00+08:00');
    h.send('淘宝订单 2938475610293841234，买的台灯灯罩裂了，我要退货退款并补偿寄回的运费18元');
    const c = h.state.active!;
    expect(c.slots.amountRefunded).toBeNull();
    expect(c.slots.wants).toBe('return_refund');
  });

  it('the seller refunding but not paying the cost is a counter-offer, not a refusal', () => {
    const h = following('在京东买的洗发水用了头皮发痒起包，去诊所花了95，订单号 4410293847561，要求退款并赔偿医药费95元');
    const out = h.send('商家说可以退款，不过看病的钱他们不承担');
    expect(keys(out)).toContain('seller.counterOffer');
    expect(keys(out)).not.toContain('seller.refuses');
    const letter = drafts(h.send('不接受'), 'platform')[0]!.text;
    expect(letter).toContain('我的诉求：退款，并赔偿医疗费用 95 元。');
    expect(letter).toContain('卖家只同意部分处理');
    expect(letter).toContain('我没有接受这个方案。');
    expect(letter).not.toContain('拒绝处理');
  });
});

describe('part of the refund came back', () => {
  it('the platform letter states what came and claims the rest, without "not refunded"', () => {
    const h = following('拼多多退货退款 退货12月1号寄回了 商家12月2号签收了 到现在钱还没退 订单号 251207-660381947260134 实付899元');
    h.send('退了600 还差299');
    const letter = drafts(h.send('申请平台介入'), 'platform')[0]!.text;
    expect(letter).toContain('实付 899 元，实际退款 600 元，少退 299 元');
    expect(letter).toContain('我的诉求：退还剩余的退款 299 元。');
    expect(letter).not.toContain('还没退');
    expect(letter).not.toContain('退款 899 元');
  });

  it('the refund named as "only" part: the same two sums and the rest', () => {
    const h = following('淘宝订单 2938475610293845555，退货退款，商家收到退货一个星期了，钱一直没到账，实付320元');
    h.send('今天到账了，只退了200');
    const letter = drafts(h.send('申请平台介入'), 'platform')[0]!.text;
    expect(letter).toContain('实际退款 200 元，少退 120 元');
    expect(letter).toContain('退还剩余的退款 120 元');
    expect(letter).not.toContain('一直没到账');
  });
});

describe('the buyer accepts the seller\'s offer in their own words', () => {
  it('an agreement to less than asked is an offer; "X就X 接受了" takes it and the letters claim X', () => {
    const h = following('京东订单 30291847599 买的洗碗机 门板有一道划痕 不想换了 给我补偿150就行');
    expect(keys(h.send('卖家同意补偿90'))).toContain('seller.counterOffer');
    const out = h.send('行 90就90 我接受');
    expect(keys(out)).not.toContain('followingCase');
    expect(h.state.active!.compensationAmount).toBe(90);
    h.send('他们说24小时内到账');
    h.tickHours(30);
    const letter = drafts(h.send('钱还没到'), 'platform')[0]!.text;
    expect(letter).toContain('卖家提出补偿我 90 元，我接受了这个方案。');
    expect(letter).toContain('我的诉求：按约定支付 90 元。');
    expect(letter).toContain('支持我的按约定支付 90 元诉求');
    expect(letter).not.toMatch(/诉求：[^\n]*150/);
  });

  it('"那就这样吧，接受" after an offer of less: accepted, never claimed above it', () => {
    const h = following('淘宝订单 2938475610293846666，买的保温杯掉漆了，要求补偿60元');
    h.send('卖家说最多补偿25');
    h.send('那就这样吧，接受');
    const offer = h.state.active!.timeline.filter((e) => e.type === 'seller_counter_offer').at(-1)!;
    expect(offer.note.split(' ')).toContain('accepted');
    const letter = drafts(h.send('申请平台介入'), 'platform')[0]!.text;
    expect(letter).toContain('按约定支付 25 元');
    expect(letter).not.toContain('60 元');
  });

  it('"不接受" is still a refusal of the offer', () => {
    const h = following('淘宝订单 2938475610293846666，买的保温杯掉漆了，要求补偿60元');
    h.send('卖家说最多补偿25');
    const letter = drafts(h.send('这个我不接受'), 'platform')[0]!.text;
    expect(letter).toContain('我没有接受这个方案。');
    expect(letter).toContain('60 元');
  });

  it('in English: "ok, I accept" takes the offer, and the letter claims the accepted sum', () => {
    const h = following('Taobao order 2938475610293847777, the kettle lid is cracked, I want compensation of 80 yuan');
    expect(keys(h.send('the seller said they can only refund 35 yuan'))).toContain('seller.counterOffer');
    h.send('ok, I accept');
    expect(h.state.active!.compensationAmount).toBe(35);
    const letter = drafts(h.send('apply for platform intervention'), 'platform')[0]!.text;
    expect(letter).toContain('35');
    expect(letter).not.toContain('80 元');
  });
});

describe('sums and seller reasons the buyer gave', () => {
  it.each([
    ['淘宝订单 4817263950184726391，买的卷发棒加热不了，我想退款，金额是 268 元', 268],
    ['京东买的空气净化器 订单 30291847612 1899元 开机就报错', 1899],
    ['我喺淘寶買咗個電飯煲，訂單號 2938475610293849999，俾咗 150 蚊，用咗一次就壞咗，我想退款', 150],
  ])('the price in "%s" is recorded as paid', (first, paid) => {
    const h = new EngineHarness('2026-12-07T09:00:00+08:00');
    const out = h.send(first);
    expect(h.state.active!.slots.amountPaid).toBe(paid);
    const letter = drafts(out, 'seller')[0]?.text ?? '';
    expect(letter).not.toMatch(/给了[。，]/);
  });

  it('a refund\'s amount is not the price', () => {
    const h = new EngineHarness('2026-12-07T09:00:00+08:00');
    h.send('淘宝订单 4817263950184726391，退款金额是 100，可我付的是 130');
    expect(h.state.active!.slots.amountPaid).not.toBe(100);
  });

  it.each([
    ['商家：亲，这个是人为进水，不在保修范围', '这个是人为进水，不在保修范围'],
    // Quoted as said (in Simplified characters), never retold.
    ['賣家話：親，呢個係人為損壞，唔保修', '呢个系人为损坏，唔保修'],
  ])('the seller\'s words after a colon (%s) are quoted in the letter', (reply, words) => {
    const h = following('淘宝订单 2938475610293841111，买的蓝牙音箱泡了一下雨就没声音了，我要维修');
    const letter = drafts(h.send(reply), 'platform')[0]!.text;
    expect(letter).toContain(words);
    expect(letter).not.toContain('拒绝处理。');
  });
});

describe('words near acceptance that do not accept', () => {
  it('a question about accepting leaves the offer open', () => {
    const h = following('淘宝订单 2938475610293846666，买的保温杯掉漆了，要求补偿60元');
    h.send('卖家说最多补偿25');
    h.send('如果我接受了还能再申请平台介入吗？');
    const offer = h.state.active!.timeline.filter((e) => e.type === 'seller_counter_offer').at(-1)!;
    expect(offer.note.split(' ')).not.toContain('accepted');
    expect(h.state.active!.compensationAmount).toBe(60);
  });
});
