/**
 * Who said it: a threat to block is no block, words of the platform, a system page or a third party
 * are not the seller's, a quote ends before the buyer's own comment, and a platform reading needs the
 * platform named. Sums with a thousands comma and English ranges of working days are read whole.
 */
import { describe, expect, it } from 'vitest';
import { extract, otherSpeaker, quotedSpeech, cutOff } from '../../src/nlu/index.ts';

const NOW = new Date('2026-11-16T02:00:00Z');

describe('blocking, done or threatened', () => {
  it.each(['卖家回：不退，再问就拉黑你', '商家说再烦就拉黑', '老板：再啰嗦小心拉黑你', 'the seller threatened to block me', "he said he'll block me if I ask again"])(
    '"%s" threatens, it does not block',
    (t) => {
      expect(cutOff(t).blocked).toBe(false);
      expect(cutOff(t).threat).toBe(true);
    },
  );
  it.each(['卖家直接就拉黑我了', '被拉黑了，消息发不出去', '说了句不退，然后把我拉黑了', 'the seller blocked me'])('"%s" is a block', (t) => {
    expect(cutOff(t).blocked).toBe(true);
  });
  it('a threat then a block done is a block', () => {
    expect(cutOff('他说再问就拉黑，结果真把我拉黑了').blocked).toBe(true);
  });
  it.each([
    ['他说再催就拉黑，第二天真把我拉黑了', { blocked: true, gone: false, threat: true }],
    ['花店关门了，老板还把我拉黑了', { blocked: true, gone: true, threat: false }],
    ['商家电话一直打不通', { blocked: false, gone: true, threat: false }],
    ['快递员的手机一直关机', { blocked: false, gone: false, threat: false }],
    ['店铺已经停业，老板说再找他就拉黑', { blocked: false, gone: true, threat: true }],
  ])('"%s": one reading of being cut off, each kind told', (t, kinds) => {
    expect(cutOff(t)).toEqual(kinds);
  });
});

describe('the speaker the buyer names', () => {
  it.each([
    ['系统提示“该订单不在价保范围”', 'system', '系统'],
    ['页面提示已超过售后期', 'system', '页面'],
    ['转运仓那边说要我补拍外箱照片', 'third', '转运仓'],
    ['安装师傅说这个要厂家来看', 'third', '安装师傅'],
    ['淘宝小二说让我等48小时', 'platform', '淘宝小二'],
    ['美团平台客服介入了，说剩下的找商家谈', 'platform', '美团平台客服'],
    ['the courier said it was left at the gate', 'third', 'the courier'],
    ['the system shows my request was rejected', 'system', 'the system'],
  ])('"%s" → %s', (t, kind, name) => {
    expect(otherSpeaker(t)).toEqual({ kind, name });
  });
  it.each(['卖家说快递弄坏的', '客服说：活动价不参与', '平台客服说卖家同意退了', '我跟客服说了要退款', 'the seller said they would check'])('"%s" names no other speaker', (t) => {
    expect(otherSpeaker(t)).toBeNull();
  });
});

describe('a quote ends where the buyer\'s comment begins', () => {
  it.each([
    ['客服说：活动价不能叠加，不好意思。就回了这么一句', '活动价不能叠加，不好意思。'],
    ['商家回复：亲这个是正常色差哦。然后就不理我了', '亲这个是正常色差哦。'],
    ["seller said: this is normal wear. That's all they said", 'this is normal wear.'],
    ['客服说：我们会尽快处理的。', '我们会尽快处理的。'],
  ])('"%s"', (t, words) => {
    expect(quotedSpeech(t)).toBe(words);
  });
});

describe('readings', () => {
  it.each([
    'seller says they opened a claim with the delivery company, result in 2-4 working days',
    'the shop filed a claim with the courier and will update me within 3 to 5 days',
    '卖家说已经跟快递申请理赔了，3到5个工作日给结果',
  ])('"%s": the seller putting off its answer, not the platform', (t) => {
    const e = extract(t, { now: NOW });
    expect(e.sellerReply).not.toMatch(/^platform_/);
    expect(e.promise).not.toBeNull();
    expect(e.platformTimer ?? null).toBeNull();
  });
  it('a platform named keeps the platform reading', () => {
    expect(extract('平台说正在处理，让我等通知', { now: NOW }).sellerReply).toBe('platform_handling');
  });
  it.each([
    ['I paid 2,350 yuan for it', 2350],
    ['paid ¥1,080.50 for the jacket', 1080.5],
    ['实付1,299元', 1299],
  ])('"%s" pays %d', (t, sum) => {
    expect(extract(t, { now: NOW }).amountPaid).toBe(sum);
  });
  it('a coupon\'s sum is no price paid', () => {
    expect(extract('客服退了15，又给了张8块的券', { now: NOW }).amountPaid).toBeNull();
  });
});
