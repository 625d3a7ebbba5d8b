/**
 * A sum written right onto the goods' name ("面霜268", "吹风机 359") is the price paid when nothing else in the
 * message names one; a model number, a size, a room or a tail number is none, nor is an order number or a cost.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/nlu/index.ts';

const paid = (text: string) => extract(text).amountPaid;

describe('the price written beside the goods', () => {
  it('is read as the price paid', () => {
    expect(paid('单号 R55120947731 面霜268 擦了起红疹 想退款 另外挂号费45也要他们出')).toBe(268);
    expect(paid('拼多多买的吹风机359 用了一次就冒烟')).toBe(359);
    expect(paid('订单 7719203384 羊毛大衣1099 起球严重')).toBe(1099);
  });

  it('is no price when it is a model, a size, a number of its own or a cost', () => {
    expect(paid('买的跑鞋42 穿着挤脚')).toBeNull();
    expect(paid('华为P60 屏幕发绿')).toBeNull();
    expect(paid('快递放在房间1208门口 没人收到')).toBeNull();
    expect(paid('收件人手机尾号6612 显示已签收')).toBeNull();
    expect(paid('检查费320 也要商家出')).toBeNull();
    expect(paid('订单号 6602918837451 还没发货')).toBeNull();
    expect(paid('卖家不理 我要投诉12315')).toBeNull();
    expect(paid('商家说去找12345 我该怎么办')).toBeNull();
  });

  it('says nothing when two goods carry two sums', () => {
    expect(paid('台灯189 灯泡129 都不亮')).toBeNull();
  });
});
