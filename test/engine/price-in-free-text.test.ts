/**
 * The price paid as buyers write it in free text (a bare figure after 付了, a total, Chinese numerals, a sign with
 * the currency named, a figure standing alone after the complaint) is recorded, and the letters quote the problem
 * without it. Order numbers, phone numbers, dates, counts and sizes are never read as a price.
 */
import { describe, expect, it } from 'vitest';
import { drafts, told, type EngineHarness } from '../helpers/engine-harness.ts';

const paid = (h: EngineHarness) => h.state.active?.slots.amountPaid ?? null;
const problemLine = (h: EngineHarness) =>
  h.log.flatMap((l) => drafts(l.out)).map((d) => /问题(?:是)?：([^\n]*)/.exec(d.text)?.[1] ?? '').join('\n');

describe('the price paid read from free text', () => {
  it.each([
    ['a bare figure after 付了 with an emoji after it', ['拼多多买的电热毯 一插电就跳闸', '5520193384761120 付了268😤 要退货退款'], 268],
    ['a bare figure after 付了 with a closing mark', ['淘宝买的登山鞋 鞋底开胶了 订单 3390127745512', '付了415） 我要退货退款'], 415],
    ['Chinese numerals with 千 and 百 and a unit', ['我在闲鱼跟人买了一辆二手的电动车，两千四百元，说电池是新换的，骑了一天就没电了'], 2400],
    ['Chinese numerals without a unit after 付了', ['淘宝找人代拍话剧票 付了一千三百五 结果说没拍到 订单号 3318820934471'], 1350],
    ['a total after 总共, beside a unit price and counts', ['1688拿的货 数据线300条 单价3.2 总共960 到了只有270条 订单 4412087735519'], 960],
    ['a total after 一共 standing apart, beside a count', ['天猫国际的保健品 瓶盖都是开的 订单号 TM20261130554210 两瓶一共 786'], 786],
    ['a figure with the payment told after it', ['找朋友圈代购买的香水 2600 支付宝转账给他的 到手闻着就不对'], 2600],
    ['yuan and jiao alone after a takeout complaint', ['饿了么点的酸辣粉 里面有一个烟头!! 26.5 订单 2209 4471 5583 0091'], 26.5],
  ])('%s', (_name, messages, price) => {
    expect(paid(told(...messages))).toBe(price);
  });

  it('a dollar sign with 人民币 named after the sum is yuan, kept as written, never converted', () => {
    const h = told('喺淘寶買咗對波鞋 鞋底一個禮拜就開膠 畀咗$760 人民幣', '訂單號 TB8830129945', '退錢');
    expect(paid(h)).toBe(760);
    expect(h.state.active?.slots.currency ?? null).toBeNull();
  });

  it('a sum in dollars alone stays in dollars', () => {
    const h = told('Bought a phone case on Taobao, paid $18, it cracked on day one', 'order 7731902284', 'refund');
    expect(paid(h)).toBe(18);
    expect(h.state.active?.slots.currency).toBe('USD');
  });

  it.each([
    ['an order number in groups of digits', ['美团外卖的炒饭里有虫子 订单 3301 2294 5567 8812']],
    ['a date written with a dot', ['11.24 买的 羽绒服 到现在还没发货 订单号 5583920184432']],
    ['a count and a wait in days', ['京东买的纸巾 等了 15 天 还没发货 订单号 88123345667']],
    ['a size after the goods', ['得物买的运动鞋 42 码 左脚鞋面开线 订单 DW2026112200451']],
    ['a phone number', ['快递员电话 13812345678 一直打不通 包裹显示签收了 订单 66120938451']],
    ['a count in Chinese numerals after 付了', ['付了两次款 都没发货 订单号 77120938844']],
  ])('%s is no price', (_name, messages) => {
    expect(paid(told(...messages))).toBeNull();
  });

  it.each([
    [['抖音买的保温杯 不保温 订单号 6938201177400018', '付了129💔 我要退货退款'], '129'],
    [['美团外卖的馄饨里有一根铁丝!!! 32.5 订单 1188 2299 3300 4455', '全额退款'], '32.5'],
    [['喺淘寶買咗個風筒 一開就冒煙 畀咗$430 人民幣', '訂單號 TB5512093384', '退錢'], '430'],
    [['闲鱼上买的二手相机 付了一千七百五 镜头里面全是霉斑 订单号 3319920485512', '退货退款'], '一千七百五'],
  ])('the price read is not left in the problem line: %j', (messages, figure) => {
    const h = told(...messages);
    const line = problemLine(h);
    expect(line).not.toBe('');
    expect(line).not.toContain(figure);
  });

  it('a price and a refund in Chinese numerals give the shortfall the letter states', () => {
    const h = told('淘宝找人代拍音乐节门票 付了一千二百八 结果说没拍到 只退我一千 订单号 4419283374651 我要全额退');
    expect(paid(h)).toBe(1280);
    expect(h.state.active?.slots.amountRefunded).toBe(1000);
    expect(drafts(h.last.out).map((d) => d.text).join('\n')).toMatch(/实付 1,280 元[^\n]*1,000 元[^\n]*280 元/);
  });
});
