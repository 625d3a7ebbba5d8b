/**
 * Words the buyer gives to someone other than the seller keep their speaker in replies and letters:
 * a system message is no refusal of the seller's, a third party (consolidation warehouse, courier,
 * installer) asks nothing in the seller's name, the platform's customer service is not "卖家称". A
 * seller's threat to block is a threat, not a block; a seller's own claim with the courier is the
 * seller's answer put off, not the platform at work.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';
import type { Outbound } from '../../src/domain/index.ts';

const all = (out: Outbound[]) => out.map((m) => m.text).join('\n');
const keys = (out: Outbound[]) => out.map((m) => m.key);

function opened(first: string, start = '2026-11-16T09:00:00+08:00'): EngineHarness {
  const h = new EngineHarness(start);
  h.send(first);
  h.advance(120);
  return h;
}

describe('a system message or a third party is not the seller', () => {
  it('"系统显示…不符合价保条件" is no seller refusal, and the platform letter says none', () => {
    const h = opened('天猫买的扫地机 订单号 3690127744581203301 11月1号付的1999 现在降到1799了 页面写着保价 差价能要回来吗');
    const out = h.send('我点了申请价保 页面提示“不满足价保条件：该价格为限时秒杀价”');
    expect(keys(out)).not.toContain('seller.refuses');
    const letter = drafts(h.send('申请平台介入'), 'platform')[0]!.text;
    expect(letter).not.toContain('卖家答复：拒绝');
  });

  it('"页面提示…" after a refund request is no seller refusal', () => {
    const h = opened('拼多多买的电动牙刷 订单号 250918334471026 刷头断了 要退款');
    const out = h.send('我提交了退款申请 页面提示“不符合退款条件：已超过售后期”');
    expect(keys(out)).not.toContain('seller.refuses');
    expect(all(out)).not.toContain('卖家拒绝');
  });

  it('the consolidation company asking for photos is not the seller asking for evidence', () => {
    const h = opened('淘宝买的落地灯寄到集运仓再转到澳门，到手灯罩裂了 订单号 4021887765123409981 要退款');
    const out = h.send('集运公司那边说要我提供入库时的照片，他们说入库时拍的是好的');
    expect(keys(out)).not.toContain('checklist.damaged');
    expect(all(out)).not.toContain('卖家要证据');
    const letter = drafts(h.send('申请平台介入'), 'platform')[0]!.text;
    expect(letter).not.toContain('卖家要求补充证据');
  });

  it('English: the courier\'s words are not the seller\'s reply', () => {
    const h = opened('Bought a desk lamp on Taobao, order 3318820471965520417, never arrived though tracking says delivered. I want a refund');
    const out = h.send('the courier said they left it with my neighbour, but nobody there has it');
    expect(all(out)).not.toMatch(/the seller (?:refused|wants|replied)/i);
  });
});

describe('the platform\'s words stay the platform\'s', () => {
  it('an official agent\'s words are "…官方客服称…" in the 12315 letter, never "卖家称…"', () => {
    const h = opened('饿了么点的炸鸡 吃出一根塑料丝 订单号 7301928844510 要退款 还要赔');
    h.send('饿了么官方客服介入了 已经退了15 还给了张10块的券 说赔偿要我自己跟店家谈');
    expect(h.state.active!.slots.amountPaid).toBeNull();
    h.advance(10);
    const letter = drafts(h.send('那就12315吧'), 'regulator')[0]!.text;
    expect(letter).toContain('饿了么官方客服称赔偿要我自己跟店家谈');
    expect(letter).not.toMatch(/卖家(?:称|只同意)/);
  });
});

describe('a quote ends where the buyer\'s own comment begins', () => {
  it('"客服说：…。就回了这么一句" quotes the seller\'s words only', () => {
    const h = opened('天猫买的羽绒服 订单号 3527719904418872031 袖子开线了 要退货退款');
    h.send('客服说：这个属于正常线头，不影响穿着。就回了这么一句');
    const letter = drafts(h.send('申请平台介入'), 'platform')[0]!.text;
    expect(letter).toContain('不影响穿着');
    expect(letter).not.toContain('就回了这么一句');
  });
});

describe('a threat to block is not a block', () => {
  it('"再问就拉黑你" with a refusal is a refusal, not silence nor a block', () => {
    const h = opened('闲鱼买的二手相机 1800元 订单号 4407712398856620013 快门坏的 要退货退款');
    const out = h.send('卖家回：出了不退，再问就拉黑你');
    expect(all(out)).not.toContain('一直不回复');
    const letter = drafts(h.send('申请平台介入'), 'platform')[0]!.text;
    expect(letter).not.toContain('把我拉黑了');
    expect(letter).not.toContain('无法联系卖家');
  });

  it('a block that happened is still one', () => {
    const h = opened('闲鱼买的二手耳机 订单号 4407712398856620055 一边没声音 要退款');
    h.send('卖家说了句不退，然后直接把我拉黑了');
    const letter = drafts(h.send('申请平台介入'), 'platform')[0]!.text;
    expect(letter).toContain('拉黑');
  });

  it('English: "message me again and I will block you" is a refusal, not silence', () => {
    const h = opened('Bought a used tablet on Xianyu, order 4407712398856620077, 1500 yuan, screen has dead pixels not shown in the listing. I want to return it for a refund');
    const out = h.send('seller replied: used goods, no returns, message me again and I will block you');
    expect(keys(out)).not.toContain('seller.noResponse');
    expect(drafts(out, 'platform')[0]?.text ?? '').not.toMatch(/一直没有回复|把我拉黑/);
  });
});

describe('the seller\'s own claim with the courier is the seller stalling', () => {
  it('English: "they opened a claim with the courier, result in 2-4 working days" is a seller deadline, not the platform', () => {
    const h = opened('Ordered a robot vacuum on JD, paid 1,899 yuan, order 298813374650, tracking says signed for but I never got it. I want a refund');
    const out = h.send('Update: seller says they opened a claim with the delivery company and will give me a result in 2-4 working days');
    expect(keys(out)).toContain('promise.set');
    expect(keys(out)).not.toContain('platform.handling');
    expect(all(out)).not.toMatch(/platform is handling/i);
    expect(h.state.active!.timeline.map((e) => e.type)).not.toContain('platform_requested');
  });

  it('Chinese: "卖家说跟快递申请了理赔，3到5个工作日出结果" is no platform intervention', () => {
    const h = opened('京东买的净水器 订单号 298813374651 显示签收了但我没收到 要退款');
    h.send('卖家说已经跟快递申请理赔了，3到5个工作日出结果');
    expect(h.state.active!.timeline.map((e) => e.type)).not.toContain('platform_requested');
  });

  it('a paid sum written with a thousands comma reaches the 12315 letter', () => {
    const h = opened('Ordered a robot vacuum on JD, paid 1,899 yuan, order 298813374652, the motor is dead on arrival. I want a refund');
    expect(h.state.active!.slots.amountPaid).toBe(1899);
  });
});
