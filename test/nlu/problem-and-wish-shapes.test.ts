/**
 * Problem codes and wishes the keywords used to mislabel: mouldy or decayed food is spoiled goods,
 * not transit damage; a prepaid service whose business shut is a service not provided; a refund the
 * seller refused is not a refund late or short; tyres are not food; a bare "退" or "退20" is a
 * refund and "退碎的那个，其余不退" a part refund; a repair shop or a repair service bought is no
 * repair asked for.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/nlu/index.ts';

describe('problem codes', () => {
  it('reads mould and decay on food as a quality fault, even on arrival', () => {
    for (const text of [
      '京东买的一箱橙子今天到的 打开一看烂了三分之一 还有几个长毛了',
      '淘宝买的草莓刚收到 烂了一大半 闻着都变质了',
      '拼多多的桃子到了 拆开发现好多都发霉了',
    ]) expect(extract(text).problem, text).toBe('quality');
  });

  it('keeps a broken parcel as transit damage', () => {
    expect(extract('纸箱子烂了 装的两个瓷碗碎了一个').problem).toBe('damaged');
  });

  it('reads a prepaid service whose business shut as not provided', () => {
    for (const text of [
      '美团买的游泳馆次卡 才去了三次 场馆就关门了 电话打不通',
      '在抖音办的美容院年卡 用了一个月店就倒闭了',
      '报的钢琴培训课时还剩20节 机构跑路了',
    ]) expect(extract(text).problem, text).toBe('not_received');
  });

  it('does not read a refused refund as a refund late or short', () => {
    for (const text of [
      '买的日语网课 申请退款 客服说课程开通后概不退款',
      '办的瑜伽课 要退款 店里说已经上过课了不退',
    ]) expect(extract(text).problem, text).not.toBe('refund_issue');
    // A refund that is late stays one.
    expect(extract('申请退款一个星期了还没到账').problem).toBe('refund_issue');
  });

  it('does not take tyres for food, production date or brand aside', () => {
    expect(extract('米其林轮胎 到手一看生产日期是三年前的').food).toBe(false);
    expect(extract('京东买的米其林轮胎两条 说是新品 结果是库存胎').food).toBe(false);
    expect(extract('买的大米打开就发霉了').food).toBe(true);
  });
});

describe('short wishes', () => {
  it('reads a bare refund, with or without a sum', () => {
    for (const text of ['退', '退！', '退吧', '退12', '就退我20块吧']) expect(extract(text).wants, text).toBe('refund');
  });

  it('reads money back for the faulty piece only as a part refund', () => {
    for (const text of ['退那个碎的 另外两个不用退', '退漏的那瓶 其余的留着', '退坏掉的那盒，剩下的不退']) {
      expect(extract(text).wants, text).toBe('compensation');
    }
  });
});

describe('a repair named is not always a repair asked for', () => {
  it('reads no wish from a repair shop or a repair service bought', () => {
    for (const text of [
      '天猫买的雪地胎四条 去修车的汽修店装的时候发现胎侧有裂纹',
      '美团团购的笔记本维修 换了电池第二天就开不了机',
      '大众点评上预约的空调维修 师傅加了氟还是不制冷',
    ]) expect(extract(text).wants, text).toBeNull();
  });

  it('still reads a repair the buyer asks for', () => {
    expect(extract('手机屏幕摔坏了 我要求维修').wants).toBe('repair');
    expect(extract('团购的空调维修 修完又不制冷 我要换一台').wants).toBe('exchange');
  });
});
