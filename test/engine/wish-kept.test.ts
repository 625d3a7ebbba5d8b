/**
 * Buyer trial 12: the buyer's wish is what they asked for. Turning the seller's partial offer down
 * or passing on what a courier said names a remedy without asking for it: the wish on record (and
 * its sum) stays, and the refusal goes on the record as the offer not accepted.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';

const ORDER = '5120348876091234507';
const wishLine = (text: string): string => text.split('\n').find((l) => l.startsWith('我的诉求：') || l.startsWith('我希望'))!;

describe('a remedy named without asking for it leaves the wish as it was', () => {
  it('"凭什么只退一部分" after a partial offer: still a return with a refund, and the offer is not accepted', () => {
    const h = new EngineHarness('2026-12-03T19:00:00+08:00');
    h.send(`京东订单 ${ORDER}，买的电动牙刷用了两天就充不进电，要退货退款，付了349元`);
    h.send('卖家说只能退一部分，因为刷头拆封了');
    const out = h.send('凭什么只退一部分，刷头我根本没用过');
    expect(h.state.active!.slots.wants).toBe('return_refund');
    expect(out.some((m) => m.text.includes('已更正诉求'))).toBe(false);
    const platform = drafts(h.send('申请平台介入'), 'platform').at(-1)!.text;
    expect(wishLine(platform)).toBe('我的诉求：退货退款。');
    expect(platform).not.toContain('合理补偿');
    expect(platform).toContain('我没有接受');
  });

  it('"不可能退一半" and "half? no way": the wish stays a refund', () => {
    for (const rejection of ['不可能退一半，我只是拆开看了一眼', 'half? no way, I only opened the box']) {
      const h = new EngineHarness('2026-12-03T19:00:00+08:00');
      h.send(`拼多多订单 ${ORDER}，蓝牙音箱有杂音，想退款`);
      h.send('商家说最多退一半');
      h.send(rejection);
      expect(h.state.active!.slots.wants).toBe('refund');
    }
  });

  it('a courier\'s words passed on ("顺丰那边说…要商家找他们索赔") do not change a reshipment', () => {
    const h = new EngineHarness('2026-12-03T10:00:00+08:00');
    h.send(`淘宝订单 ${ORDER}，买的台灯 268元，物流显示签收了但我没收到，要补发`);
    h.send('卖家说签收了就不管了');
    const out = h.send('顺丰那边说丢件要商家自己找他们索赔');
    expect(h.state.active!.slots.wants).toBe('reship');
    expect(out.some((m) => m.text.includes('已更正诉求'))).toBe(false);
    const regulator = drafts(h.send('12315'), 'regulator').at(-1)!.text;
    expect(regulator).not.toContain('合理补偿');
  });

  it('an own ask beside the refusal changes the wish ("没门，我要求全额退款", "no way…, I want a full refund")', () => {
    for (const ask of ['只退一半？没门，我要求全额退款', "half? no way, I want a full refund"]) {
      const h = new EngineHarness('2026-12-03T19:00:00+08:00');
      h.send(`抖音订单 ${ORDER}，羊毛围巾起球严重，想换一条`);
      h.send('商家说换不了，可以退一半');
      h.send(ask);
      expect(h.state.active!.slots.wants).toBe('refund');
    }
  });
});

describe('a sum and a status given beside the question asked are kept', () => {
  it('money back for one part with a bare figure ("…的钱就好 15.5"): the letter names the sum', () => {
    for (const [wish, sum] of [['不用补了，退摔碎那只杯子的钱就好 15.5', '15.50 元'], ['算了不换了 只退那一盒的钱吧 23', '23 元']] as const) {
      const h = new EngineHarness('2026-12-04T09:00:00+08:00');
      h.send(`唯品会订单 ${ORDER}，一套四个玻璃杯到了碎了一个，要补发`);
      const letter = drafts(h.send(wish)).at(-1)!.text;
      expect(letter).toContain(sum);
    }
  });

  it('"退货退款 459，已经寄回了，商家签收了" while the receipt day is asked: the price and the receipt are on the record', () => {
    const h = new EngineHarness('2026-12-04T09:00:00+08:00');
    h.send('拼多多买的毛衣颜色不喜欢，申请了七天无理由退货，商家说有穿过的痕迹不给退');
    h.send(`订单号 ${ORDER}`);
    const out = h.send('退货退款 459，已经寄回了，商家也签收了');
    const c = h.state.active!;
    expect(c.slots.amountPaid).toBe(459);
    expect(c.timeline.some((e) => e.type === 'return_received')).toBe(true);
    expect(out.at(-1)!.text).not.toContain('没认出');
    expect(out.at(-1)!.key).toBe('ask.receivedOn');
  });
});

describe('a claim added to the wish goes into the letters with its sum', () => {
  it('medical costs beside a refund: the seller, platform and 12315 letters ask for them', () => {
    const h = new EngineHarness('2026-12-05T08:00:00+08:00');
    for (const text of [`京东订单 ${ORDER}，买的洗发水用完头皮又痒又红`, '要退款，另外挂号拿药花了86也要赔']) h.send(text);
    expect(h.state.active!.slots.wishExtra).toContain('86');
    const platform = drafts(h.send('商家说这是体质原因，不给退'), 'platform').at(-1)!.text;
    expect(wishLine(platform)).toBe('我的诉求：退款，并赔偿医疗费用 86 元。');
    const regulator = drafts(h.send('12315'), 'regulator').at(-1)!.text;
    expect(regulator).toContain('并赔偿医疗费用 86 元');
  });

  it('shipping both ways beside a return, in Chinese and in English', () => {
    for (const wish of ['要退货退款，往返邮费也要商家承担', 'return and refund, and the shipping both ways should be paid by them']) {
      const h = new EngineHarness('2026-12-05T08:00:00+08:00');
      h.send(`抖音订单 ${ORDER}，买的皮靴标着真皮，实际是人造革`);
      const seller = drafts(h.send(wish), 'seller').at(-1)!.text;
      expect(wishLine(seller)).toBe('我希望退货退款，运费由卖家承担。');
    }
  });

  it('a question about the postage adds nothing to the wish', () => {
    const h = new EngineHarness('2026-12-05T08:00:00+08:00');
    h.send(`抖音订单 ${ORDER}，买的皮靴标着真皮，实际是人造革，想退货退款`);
    h.send('寄回去的运费谁出？');
    expect(h.state.active!.slots.wishExtra ?? null).toBeNull();
  });
});

describe('a service asked with a remedy as its fallback', () => {
  it('"麻烦尽快派人来把它装好，否则…退货退款": the letters ask for the installation, not a return', () => {
    const h = new EngineHarness('2026-12-05T14:00:00+08:00');
    h.send(`苏宁订单 ${ORDER}，洗碗机前天送到了，约好今天上午师傅来安装，一直没人来`);
    const out = h.send('麻烦尽快派人来把它装好，否则我要退货退款');
    expect(h.state.active!.slots.wants).toBeNull();
    const seller = drafts(out, 'seller').at(-1)!.text;
    expect(wishLine(seller)).toBe('我希望尽快派人来把它装好（否则退货退款）。');
    const platform = drafts(h.send('申请平台介入'), 'platform').at(-1)!.text;
    expect(wishLine(platform)).toBe('我的诉求：尽快派人来把它装好（否则退货退款）。');
  });

  it('"麻烦今天之内发出来，不发就退钱" and an English buyer\'s "ship it right away, or else refund me": the shipment is the wish', () => {
    for (const [wish, line] of [
      ['麻烦今天之内发出来，不发就退钱', '我希望今天之内发出来（否则退钱）。'],
      ['I want you to ship it right away, or else refund me', 'ship it right away (otherwise refund me)'],
    ] as const) {
      const h = new EngineHarness('2026-12-05T14:00:00+08:00');
      h.send(`天猫订单 ${ORDER}，付款一周了还没发货，详情页写的48小时内发`);
      const seller = drafts(h.send(wish), 'seller').at(-1)!.text;
      expect(wishLine(seller)).toContain(line);
      expect(seller).not.toContain('我希望申请退款');
    }
  });

  it('a first choice that is one of the six stays the wish ("快点派师傅来修，不然退货" is a repair)', () => {
    const h = new EngineHarness('2026-12-05T14:00:00+08:00');
    h.send(`京东订单 ${ORDER}，热水器用了一周就不出热水`);
    h.send('快点派师傅来修，不然退货');
    expect(h.state.active!.slots.wants).toBe('repair');
  });
});

describe('two remedies offered either-or', () => {
  it('"要么重发一个要么退款": the first is the wish, the second is noted with the price, and a courier\'s words change neither', () => {
    const h = new EngineHarness('2026-12-05T10:00:00+08:00');
    h.send(`淘宝订单 ${ORDER}，买的路由器 459元，物流显示签收了但我没收到`);
    const seller = drafts(h.send('要么重发一个要么退款'), 'seller').at(-1)!.text;
    expect(h.state.active!.slots.wants).toBe('reship');
    expect(wishLine(seller)).toBe('我希望补发；如无法补发，退款 459 元。');
    h.send('卖家说包裹显示签收了，跟他们没关系');
    h.send('韵达说是卖家的事，让卖家去找他们理赔');
    const regulator = drafts(h.send('12315'), 'regulator').at(-1)!.text;
    expect(regulator).toContain('要求经营者补发；如无法补发，退款 459 元');
  });
});
