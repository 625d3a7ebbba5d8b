/**
 * How the seller's counter-offers and the buyer's answers are told in the letters (trial 11 F8, F11,
 * F12, F25): an offer's terms (what the seller said no to, the sum and what it is, its condition),
 * a part already refunded with the rest refused, a condition said once, events dated by their day
 * (not "by" the minute they were told), and the buyer's answer to being blamed kept as their own
 * statement. Every sentence here is invented for these tests.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';
import { caseFileContent } from '../../src/casefile/content.ts';
import type { Outbound } from '../../src/domain/index.ts';

const keys = (out: Outbound[]) => out.map((m) => m.key);
const history = (letter: string): string[] => letter.split('\n').filter((l) => /^\d+\. /.test(l));

function following(first: string, start = '2026-12-03T09:00:00+08:00'): EngineHarness {
  const h = new EngineHarness(start);
  h.send(first);
  expect(h.state.active!.phase).toBe('following');
  h.advance(120);
  return h;
}

describe('a counter-offer with a sum and a condition', () => {
  it('names what was refused, the compensation offered and keeping the goods; the refusal is the buyer\'s', () => {
    const h = following('京东订单 30291847561，买的电热水壶烧水有一股塑料味，要退货退款');
    expect(keys(h.send('客服说退货不行，补偿15块，水壶你留着'))).toContain('seller.counterOffer');
    const letter = drafts(h.send('不接受'), 'platform')[0]!.text;
    expect(history(letter)).toEqual(['1. 2026年12月3日，卖家不同意退货，提出：若我保留商品，补偿我 15 元。我没有接受这个方案。']);
    expect(letter).not.toContain('低于我的诉求。');
  });

  it('an exchange refused with a price difference offered: the exchange and the sum are named', () => {
    const h = following('淘宝订单 5820137946120458733，运动鞋左右两只尺码不一样，我要换货');
    h.send('店家说不给换，补我10元差价，鞋子自己留着穿');
    h.choose('confirmReply', 'counter_offer');
    const letter = drafts(h.send('申请平台介入'), 'platform')[0]!.text;
    expect(letter).toContain('卖家不同意换货，提出：若我保留商品，补偿我 10 元。');
  });

  it('a sum with no condition: "只同意退我30元", never the bare "只同意部分处理"', () => {
    const h = following('拼多多订单 251130-550381947260134，买的台灯插上电不亮，我要退款');
    h.send('卖家说不退，最多给我退30');
    const letter = drafts(h.send('不同意'), 'platform')[0]!.text;
    expect(letter).toContain('卖家只同意退我 30 元，低于我的诉求。我没有接受这个方案。');
  });

  it('accepted: the sum the buyer took, never "less than my request"', () => {
    const h = following('京东订单 30291847561，买的电热水壶烧水有一股塑料味，要退货退款');
    h.send('卖家说不退，最多补偿30');
    h.choose('nextStep', 'acceptOffer');
    const letter = drafts(h.send('申请平台介入'), 'platform')[0]!.text;
    expect(letter).toContain('卖家提出补偿我 30 元，我接受了这个方案。');
    expect(letter).not.toContain('低于我的诉求');
  });

  it('two sums in the words: no sum is picked, the buyer\'s own words stay', () => {
    const h = following('拼多多订单 251130-550381947260134，买的台灯插上电不亮，我要退款');
    h.send('卖家说只能退20，或者换个新的再补5块');
    h.choose('confirmReply', 'counter_offer');
    const letter = drafts(h.send('申请平台介入'), 'platform')[0]!.text;
    expect(letter).not.toMatch(/只同意(?:退|补偿)我/);
  });
});

describe('a part already refunded, the rest refused', () => {
  it('says what was refunded and for what, and the reason for the rest; the claim is the rest', () => {
    const h = following('饿了么外卖订单 7719046352881104，少送了一份薯条和一个汉堡，我要退款，薯条12汉堡25，一共37');
    const out = h.send('商家说退了12块薯条的钱，汉堡不退，说已经放进袋子了');
    expect(keys(out)).toContain('seller.counterOffer');
    expect(h.state.active!.slots.amountRefunded).toBe(12);
    const letter = drafts(h.send('申请平台介入'), 'platform')[0]!.text;
    expect(history(letter)).toEqual(['1. 2026年12月3日，卖家退还了薯条的 12 元，其余部分不同意退还。卖家称已经放进袋子了。']);
    expect(letter).toContain('退还其余 25 元');
    expect(letter).not.toContain('我没有接受这个方案');
  });

  it('without what it was for: the sum alone', () => {
    const h = following('天猫订单 4418203958271640213，买的一套餐具碎了三个碗，要退款 90');
    h.send('卖家退了40，剩下的不给退，说是我自己磕的');
    const letter = drafts(h.send('申请平台介入'), 'platform')[0]!.text;
    expect(letter).toContain('卖家退款 40 元，其余部分不同意退还。卖家称是我自己磕的。');
  });
});

describe('a condition tied to an offer', () => {
  it('is said once, even when the buyer\'s words for the offer end with it', () => {
    const h = following('拼多多订单 251202-774106385529017，买的牛肉干发霉了，孩子吃了肚子疼，花了86，我要退一赔十');
    h.send('商家说给我退款86 另外补30 但是要我先撤销投诉');
    const letter = drafts(h.send('不行'), 'platform')[0]!.text;
    const line = history(letter).join('\n');
    expect(line).toContain('条件是我撤销投诉');
    expect(line.match(/撤销投诉/g)).toHaveLength(1);
  });
});

describe('when an event is dated', () => {
  it('an answer the buyer reported is dated by its day, never "by" the minute it was told', () => {
    const h = following('淘宝订单 5820137946120458733，保温杯不保温，倒热水两小时就凉了，要退货退款');
    const letter = drafts(h.send('卖家说是正常现象，不给退'), 'platform')[0]!.text;
    expect(history(letter)[0]).toMatch(/^1\. 2026年12月3日，卖家拒绝处理/);
    const regulator = drafts(h.send('12315投诉'), 'regulator')[0]!.text;
    expect(regulator).toMatch(/2026年12月3日，卖家拒绝处理/);
    expect(regulator).not.toMatch(/\d\d:\d\d前，/);
    expect(letter).not.toMatch(/\d\d:\d\d前，/);
  });
});

describe("the buyer's answer to being blamed", () => {
  it('is kept as the buyer\'s statement and put in the next letter, with an acknowledgement', () => {
    const h = following('拼多多订单 251201-660417283905512，买的落地扇，插电后叶片不转，要退款');
    expect(drafts(h.send('商家称这是使用不当造成的，不予退货'), 'platform')).toHaveLength(1);
    const out = h.send('胡说，我压根没动过它');
    expect(keys(out)).toContain('rebuttal.noted');
    expect(keys(out)).not.toContain('followingCase');
    const letter = drafts(out, 'platform')[0]!.text;
    expect(history(letter)).toEqual([
      '1. 2026年12月3日，卖家拒绝处理，称这是使用不当造成的。',
      '2. 对卖家的说法，我的说明是：我收到后没有动过商品。',
    ]);
    const file = caseFileContent(h.state.active!, { locale: 'zh-CN', timezone: 'Asia/Shanghai', now: h.now });
    const entry = file.timeline.entries.find((e) => e.text === '买家对卖家的说法作出说明');
    expect(entry?.details).toEqual(['我收到后没有动过商品']);
  });

  it('is never stronger than said: "到手就这样，没摔过" is those two things only', () => {
    const h = following('天猫订单 4418203958271640213，玻璃花瓶收到有裂纹，要退款');
    h.send('商家说是我自己摔的，不退');
    const letter = drafts(h.send('到手就这样，我一次都没摔过'), 'platform')[0]!.text;
    expect(letter).toContain('对卖家的说法，我的说明是：商品收到时就是这样，我没有摔过商品。');
    expect(letter).not.toMatch(/完好|不存在人为|未做任何/);
  });

  it('in English, after a refusal whose reason was not read', () => {
    const h = following('Taobao order 4471920386615203, the glass teapot arrived broken, I want a refund');
    h.send('Support refused. According to them this is user damage.');
    const out = h.send('I never dropped it, it arrived like this');
    const platform = drafts(out, 'platform')[0]!;
    expect(platform.text).toContain('商品收到时就是这样，我没有摔过商品');
    expect(out.map((m) => m.text).join('\n')).toContain('I never dropped the item');
  });

  it('said twice is recorded once; without a blame on record it is no statement', () => {
    const h = following('拼多多订单 251201-660417283905512，买的落地扇，插电后叶片不转，要退款');
    h.send('卖家说是使用不当造成的，不给退');
    h.send('我都没用过');
    h.send('真的一次都没用过');
    expect(h.state.active!.timeline.filter((e) => e.type === 'buyer_rebuttal')).toHaveLength(1);
    const g = following('拼多多订单 251201-660417283905512，买的落地扇，插电后叶片不转，要退款');
    const out = g.send('我都没用过');
    expect(keys(out)).not.toContain('rebuttal.noted');
  });
});
