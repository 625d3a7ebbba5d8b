/**
 * Trial 11 F23, F11, F3: a platform ruling that awards part of what was asked is a ruling for the
 * buyer with its sum (the rest still disputed), never "the platform ruled for the seller"; letters
 * claim what is still owed when part is back and say what came; a buyer who never received the
 * goods is not told to send them back after a ruling.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';

const keys = (out: readonly { key?: string }[]): string[] => out.map((m) => m.key ?? '');
const draftText = (out: Parameters<typeof drafts>[0], to: Parameters<typeof drafts>[1]): string => drafts(out, to).map((d) => d.text).join('\n');

/** A case on the platform rung: opened, refused by the seller, intervention asked for. */
function beforeRuling(opening: string, refusal = '卖家拒绝了'): EngineHarness {
  const h = new EngineHarness('2026-11-23T10:00:00+08:00');
  h.send(opening);
  h.advance(60 * 20);
  h.send(refusal);
  h.advance(60 * 20);
  h.send('申请平台介入');
  h.advance(60 * 40);
  return h;
}

describe('a platform ruling of part of the sum asked (F23)', () => {
  it.each([
    ['京东订单号 318273645501 这台破壁机实付399 打了两回果汁电机就冒烟 想退货退款', '平台判了，就给退150，说有使用痕迹', '150', '249', '399'],
    ['拼多多 订单 260101-448120937711 买的登山鞋 实付 260 鞋底开胶 要退款 260', '平台裁定只退80元 我不接受', '80', '180', '260'],
    ['淘宝 订单 5529301847562 买的落地扇 实付 180 摇头坏了 想退货退款', '平台判了 才给退45块', '45', '135', '180'],
    ['天猫 订单 7730192846573 买的真丝睡衣 实付 488 起球掉色 要退款 488', '平台判定只退200元', '200', '288', '488'],
  ])('%s → "%s": the award and the rest, not a ruling for the seller', (opening, ruling, awarded, rest, asked) => {
    const h = beforeRuling(opening);
    const out = h.send(ruling);
    expect(keys(out)).toContain('platform.ruledPart');
    expect(keys(out)).not.toContain('platform.ruledSeller');
    const reply = out.find((m) => m.key === 'platform.ruledPart')!.text;
    expect(reply).toContain(`¥${awarded}.00`);
    expect(reply).toContain(`¥${rest}.00`);
    const c = h.state.active!;
    expect(c.timeline.some((x) => x.type === 'platform_ruled_buyer' && x.note === `sum:${awarded} part`)).toBe(true);
    expect(c.timeline.some((x) => x.type === 'platform_ruled_seller')).toBe(false);
    // The awarded sum is checked for like any ruling's.
    expect([...h.due.keys()].some((id) => id.endsWith('-refund_arrival'))).toBe(true);
    const complaint = draftText(out, 'regulator');
    expect(complaint).toContain(`平台判定退款 ${awarded} 元`);
    expect(complaint).not.toContain('支持卖家');
    expect(complaint).toContain(`退还其余货款 ${rest} 元（诉求 ${asked} 元，平台已判退 ${awarded} 元）`);
    h.advance(10);
    const payment = draftText(h.send('支付宝投诉'), 'payment');
    expect(payment).toContain(`平台判定退款 ${awarded} 元`);
    expect(payment).not.toContain('支持卖家');
    expect(payment).toContain(`办理退款，退还其余款项 ${rest} 元（诉求 ${asked} 元，平台已判退 ${awarded} 元）`);
  });

  it('keeps the platform\'s reason beside the award', () => {
    const h = beforeRuling('淘宝 订单 6612093847561 买的羊毛衫 实付 329 标的含毛90% 洗标只写了30% 想退货退款');
    const out = h.send('平台判了，只给退120，说成分标注有误差，我不服');
    expect(draftText(out, 'regulator')).toMatch(/平台判定退款 120 元，理由是成分标注有误差，低于我的诉求/);
  });

  it('in English: the ruled sum and the rest', () => {
    const h = beforeRuling('Taobao order 5529301847562, a desk lamp, paid 180 yuan, it flickers, I want a refund', 'The seller refused');
    const out = h.send('The platform ruled but only refunded 60 yuan');
    expect(keys(out)).toContain('platform.ruledPart');
    expect(out.find((m) => m.key === 'platform.ruledPart')!.text).toContain('¥120.00 was not granted');
  });

  it('a ruling that names the whole sum asked is a plain ruling for the buyer', () => {
    const h = beforeRuling('淘宝 订单 4410293847561 买的蓝牙音箱 实付95 没声音 要退款 95');
    const out = h.send('平台判了 全额退款95元');
    expect(keys(out)).toContain('platform.ruledBuyer');
    expect(keys(out)).not.toContain('platform.ruledPart');
  });

  it('"only a little" with no sum stays a ruling not in the buyer\'s favour (nothing is invented)', () => {
    const h = beforeRuling('淘宝 订单 4410293847561 买的台灯 实付120 灯管不亮 想退货退款');
    const out = h.send('平台只给我退了一点，不服');
    expect(keys(out)).toContain('platform.ruledSeller');
    expect(draftText(out, 'regulator')).not.toMatch(/判定退款 \d/);
  });
});

/** A takeaway order with items missing and the sum asked back, half an hour before the merchant answers. */
function takeaway(opening: string, wish: string): EngineHarness {
  const h = new EngineHarness('2026-11-24T12:00:00+08:00');
  h.send(opening);
  h.advance(1);
  h.send(wish);
  h.advance(30);
  return h;
}

describe('part already refunded: letters claim the rest and say what came (F11)', () => {
  it.each([
    ['饿了么点的烧烤套餐 订单号 8812039475612 少了一份烤鸡翅和一瓶可乐', '退钱，烤鸡翅24 可乐6 一共30', '商家退了6块可乐钱，鸡翅不退，说已经放了', '24', '6'],
    ['饿了么订的冒菜 单号 5520938471625 漏了米饭和豆浆', '退钱，米饭3块 豆浆5块 一共8块', '商家已经退了3块米饭钱，豆浆说有给', '5', '3'],
    ['美团外卖叫咗个烧鹅饭 订单号 6630192847563 漏咗支汽水同埋个例汤', '退钱，汽水9蚊例汤15蚊，一共24', '商家退咗9蚊汽水钱，例汤话有放', '15', '9'],
  ])('takeaway: %s', (opening, wish, report, rest, back) => {
    const h = takeaway(opening, wish);
    h.send(report);
    h.advance(5);
    const out = h.send('申请平台介入');
    const letter = draftText(out, 'platform');
    expect(letter).toContain(`我的诉求：退还其余 ${rest} 元（诉求 ${Number(rest) + Number(back)} 元，已退款 ${back} 元）。`);
    expect(h.state.active!.slots.amountRefunded).toBe(Number(back));
  });

  it('a shop order: the rest of the price, with the refund received', () => {
    const h = new EngineHarness('2026-11-24T12:00:00+08:00');
    h.send('淘宝 订单 3301928374651 买的床单四件套 实付 158 颜色和图片完全不一样 要退款 158');
    h.advance(60 * 20);
    h.send('卖家已经退了58元，剩下的不退了');
    h.advance(5);
    const letter = draftText(h.send('申请平台介入'), 'platform');
    expect(letter).toContain('退还其余 100 元（诉求 158 元，已退款 58 元）');
    expect(letter).not.toContain('退款 158 元');
  });

  it('the refund the seller reported is noted without handing the unchanged seller letter over again', () => {
    const h = takeaway('饿了么点的烧烤套餐 订单号 8812039475612 少了一份烤鸡翅和一瓶可乐', '退钱，烤鸡翅24 可乐6 一共30');
    const out = h.send('商家退了6块可乐钱，鸡翅不退，说已经放了');
    expect(keys(out)).not.toContain('amend.redraft');
    expect(drafts(out, 'seller')).toHaveLength(0);
  });

  it('a seller who only says it will refund part has refunded nothing', () => {
    const h = new EngineHarness('2026-11-24T12:00:00+08:00');
    h.send('淘宝 订单 3301928374651 买的窗帘 实付 210 尺寸不对 要退款 210');
    h.advance(60 * 20);
    h.send('卖家说只能退你50');
    expect(h.state.active!.slots.amountRefunded).toBeNull();
  });
});

describe('after a ruling for a buyer who never got the goods (F3)', () => {
  /** A parcel marked delivered that never came, the seller silent, the platform asked to step in. */
  function neverCame(goods: string): EngineHarness {
    const h = new EngineHarness('2026-11-20T11:00:00+08:00');
    h.send(`拼多多买的${goods} 订单 260303-118273645590 物流显示已签收 我没收到`);
    h.advance(1);
    h.send('退款');
    h.advance(60 * 3);
    h.send('卖家不理我');
    h.advance(60 * 24);
    h.send('申请平台介入');
    h.advance(60 * 40);
    return h;
  }

  it.each([['保温杯', '45', '30'], ['加湿器', '129', '99']])('%s: no "send it back", and a short arrival is a shortfall of the ruled sum', (goods, ruled, got) => {
    const h = neverCame(goods);
    const out = h.send(`平台判了 全额退款${ruled}元`);
    expect(keys(out)).toContain('platform.ruledBuyer');
    expect(out.map((m) => m.text).join('\n')).not.toContain('寄回');
    h.advance(60 * 48);
    const later = h.send(`钱到账了 可是只有${got}`);
    expect(keys(later)).toContain('escalate.refundShortRuled');
    expect(draftText(later, 'seller')).toContain(`平台判定退款 ${ruled} 元，但我只收到 ${got} 元`);
    expect(later.map((m) => m.text).join('\n')).not.toContain('寄回');
  });

  it('a return the platform ruled for still hears to send the goods back', () => {
    const h = beforeRuling('京东 订单 329018273641 买的电水壶 实付 129 漏水 想退货退款');
    const out = h.send('平台判我赢了');
    expect(out.find((m) => m.key === 'platform.ruledBuyer')!.text).toContain('寄回');
  });
});

// Trial 15 F2: a remedy ruled for the buyer ("判商家补发") is for the buyer; what it left out is all a later letter asks.
describe('a ruling for the buyer in the case (F2)', () => {
  it.each([
    ['快手 订单 2611150012345678 买的积木 59 物流停了5天没动 想补发', '平台介入了 判商家重新发一个', '平台判定商家补发'],
    ['拼多多 订单 260101-448120937766 买的蓝牙音箱 实付 230 一开机就断电 要退款', '平台判定让商家补发一台', '平台判定商家补发'],
  ])('%s → "%s": for the buyer, goods to come', (opening, ruling, words) => {
    const h = beforeRuling(opening);
    const out = h.send(ruling);
    expect(keys(out)).toContain('platform.ruledBuyerGoods');
    expect(keys(out)).not.toContain('platform.ruledSeller');
    expect(out.find((m) => m.key === 'platform.ruledBuyerGoods')!.text).toContain(words);
    expect(h.state.active!.timeline.some((x) => x.type === 'platform_ruled_buyer' && x.note.includes('remedy:reissue'))).toBe(true);
  });

  it.each([
    ['淘宝 订单 5529301847562 买的电热毯 实付 260 用一次就烧焦 要退款 260', '平台判了 退260 邮费没给', '平台判定退款 260 元；运费没有获得支持', '要求经营者依法承担运费'],
    ['京东订单号 318273645599 买的保健品 实付 599 标签写能治病 要退货退款', '仲裁结果出来了：支持退货退款，十倍的事平台说不管', '平台判定退货退款；惩罚性赔偿（三倍 / 十倍）没有获得支持', '平台已判定退货退款，这部分不在本次请求内'],
  ])('%s → "%s": the 12315 letter states the ruling truly and asks only what stays open', (opening, ruling, line, request) => {
    const h = beforeRuling(opening);
    const out = h.send(ruling);
    expect(keys(out)).toContain('platform.ruledDenied');
    const letter = drafts(out, 'regulator').map((d) => d.text).join('\n');
    expect(letter).toContain(line);
    expect(letter).toContain(request);
    expect(letter).not.toContain('支持卖家');
    expect(letter).not.toMatch(/投诉请求：要求经营者(?:退货)?退(?:款|还货款)/);
  });

  it('an English ruling with compensation refused is for the buyer, in both languages of the letter', () => {
    const h = beforeRuling('JD order 318273645512, a kettle, paid 320 yuan, it leaks from the base. I want a refund and compensation');
    const out = h.send('JD ruled a full refund of 320, but no compensation');
    expect(keys(out)).not.toContain('platform.ruledSeller');
    expect(h.state.active!.timeline.some((x) => x.type === 'platform_ruled_buyer' && x.note.includes('denied:compensation'))).toBe(true);
  });
});
