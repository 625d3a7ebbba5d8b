/**
 * Letters state what was recorded, nothing more (trial 2): a seller asking to be added on WeChat
 * did not offer a private transfer; a refund tied to withdrawing the complaint is a conditional
 * counter-offer, and refusing it leads to the platform.
 */
import { describe, expect, it } from 'vitest';
import { asksWithdrawal, offPlatformKind } from '../../src/nlu/index.ts';
import { cleanBuyerWords } from '../../src/drafts/words.ts';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';
import type { Outbound } from '../../src/domain/index.ts';

const ORDER = '4820193746510283746';
const keys = (out: Outbound[]) => out.map((m) => m.key);
const bodies = (out: Outbound[], to: string) => drafts(out, to).map((m) => m.body ?? m.text).join('\n');

function following(first = `淘宝订单 ${ORDER}，台灯的开关按下去没反应，想退款`): EngineHarness {
  const h = new EngineHarness();
  h.send(first);
  expect(h.state.active!.phase).toBe('following');
  return h;
}

describe('what an off-platform proposal was', () => {
  it('reads a contact request apart from a money transfer', () => {
    expect(offPlatformKind('客服叫我加她微信再细说')).toBe('contact');
    expect(offPlatformKind('老板说去QQ上聊')).toBe('contact');
    expect(offPlatformKind('店主说用支付宝转你30块，别走售后了')).toBe('transfer');
    expect(offPlatformKind('卖家说同意退款')).toBeNull();
    expect(asksWithdrawal('他们说多给我5块，但要我把售后申请撤了')).toBe(true);
    expect(asksWithdrawal('卖家说明天处理')).toBe(false);
  });

  it('a seller asking to add WeChat is recorded and written as that, never as a private transfer', () => {
    const h = following();
    h.send('卖家不肯退，说是我自己摔坏的');
    h.advance(10);
    const out = h.send('刚才客服又叫我加她微信，说微信上聊');
    expect(keys(out)).toContain('pitfall.private_transfer');
    const entry = h.state.active!.timeline.find((e) => e.type === 'private_deal_offered')!;
    expect(entry.note).toBe('contact');
    const letter = bodies(h.send('申请平台介入'), 'platform');
    expect(letter).toContain('微信');
    expect(letter).not.toContain('转账');
  });

  it('a transfer offer is written as a transfer', () => {
    const h = following();
    h.send('卖家说直接支付宝转我20块，不走平台');
    const letter = bodies(h.send('申请平台介入'), 'platform');
    expect(letter).toContain('私下转账');
  });
});

describe('a refund tied to withdrawing the complaint', () => {
  it('is a counter-offer with its condition on the record; "不接受" gives the platform draft', () => {
    const h = following();
    const out = h.send('店家说退款另外再送我8块钱红包，前提是我把投诉撤掉');
    expect(keys(out)).toEqual(expect.arrayContaining(['seller.counterOfferWithdraw', 'seller.counterOffer']));
    expect(keys(out)).not.toContain('pitfall.private_transfer');
    const entry = h.state.active!.timeline.find((e) => e.type === 'seller_counter_offer')!;
    // The condition, and what the buyer said is to be withdrawn: the complaint.
    expect(entry.note).toBe('withdraw complaint');
    const next = h.send('不接受');
    const letter = bodies(next, 'platform');
    expect(letter).toContain('撤销投诉');
    expect(letter).not.toContain('私下');
  });
});

describe('the claim in the letters is the buyer\'s', () => {
  it('"退一赔三" on fake baby formula claims three times the price under 第五十五条, with its condition, not tenfold', () => {
    const h = new EngineHarness();
    h.send(`拼多多订单 ${ORDER}，买的婴儿奶粉防伪码查不到，怀疑是假的，先退款`);
    h.send('我改主意了，这是假货，我要退一赔三');
    const out = h.send('这罐奶粉我付了260元');
    const letter = drafts(out).map((m) => m.body).join('\n');
    expect(h.state.active!.claimAsked).toBe('fraud_3x');
    expect(letter).toContain('第五十五条');
    expect(letter).toContain('780');
    expect(letter).toContain('如经核实');
    expect(letter).not.toMatch(/一百四十八条|十倍|2,600/);
  });
});

describe('raw markup never reaches a letter', () => {
  it('tags and scripts in the buyer\'s words are dropped from the problem line', () => {
    const h = new EngineHarness();
    const out = h.send(`淘宝订单 ${ORDER} 收到的<i>耳机</i>左耳没声音<script>x()</script> 想退款`);
    const letter = drafts(out, 'seller').map((m) => m.body).join('\n');
    expect(letter).toContain('耳机');
    expect(letter).not.toMatch(/<|>|script/);
  });
});

describe('the buyer\'s feelings and mixed-in English stay out of the letter', () => {
  it('a clause that is only anger goes; the facts around it stay, without the shouting', () => {
    const h = new EngineHarness();
    const out = h.send(`淘宝订单 ${ORDER} 太坑了！！！收到的加湿器一开就漏水！！！想退款`);
    const letter = drafts(out, 'seller').map((m) => m.body).join('\n');
    expect(letter).toContain('加湿器一开就漏水');
    expect(letter).not.toMatch(/坑|！！/);
  });

  it('English words mixed into a Chinese sentence are written in Chinese', () => {
    expect(cleanBuyerWords('退货寄回去五天了 refund还是没到', { orderId: null, trackingNo: null }, 'zh-CN', true)).toBe('退货寄回去五天了，退款还是没到');
  });
});

describe('Cantonese in a letter', () => {
  it('is written as standard Chinese: 成日 is 一直, "喺…度" leaves nothing behind, and a sum (50蚊) has its own line, not this one', () => {
    expect(cleanBuyerWords('我喺淘宝度买咗个风筒，50蚊，成日都热唔到', { orderId: null, trackingNo: null }, 'zh-CN', true)).toBe('购买的风筒，一直都热不到');
  });
});
