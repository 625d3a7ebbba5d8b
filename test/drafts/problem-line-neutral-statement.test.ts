/**
 * The problem line reads as the buyer's neutral first-person statement of the fault: what the buyer says of
 * themself or of who set the bot up, threats and plans, the platform's name, fragments about the bot's earlier
 * reading and the evidence they kept go; "他" meaning the seller is the seller; what the seller says the buyer
 * did is the seller's claim; what the listing said stays, and a relative month is dated.
 */
import { describe, expect, it } from 'vitest';
import { absoluteDays, cleanBuyerWords } from '../../src/drafts/words.ts';

const ids = { orderId: null, trackingNo: null };
const clean = (text: string) => cleanBuyerWords(text, ids, 'zh-CN', true);

describe('the buyer themself, and who helped them with the bot', () => {
  it.each([
    ['我是开花店的，买的包装纸一半都破了', '购买的包装纸一半都破了'],
    ['本人是在校学生，买的台灯开关按不下去', '购买的台灯开关按不下去'],
    ['我今年七十多岁了，女儿帮我下载的这个，买的血压计测不准', '购买的血压计测不准'],
    ['外孙帮我装的这个软件。买的收音机没有声音', '购买的收音机没有声音'],
  ])('%s', (text, want) => expect(clean(text)).toBe(want));

  it('a helper who fitted the goods is a fact and stays', () => {
    expect(clean('买的吊灯，师傅帮我装好第二天就掉下来了')).toContain('师傅帮我装好第二天就掉下来了');
  });
});

describe('threats and plans', () => {
  it.each([
    ['买的蓝牙音箱充不进电，还要告他们虚假宣传', '购买的蓝牙音箱充不进电'],
    ['买的床垫塌了一个坑，不行就去法院起诉', '购买的床垫塌了一个坑'],
    ['收到的花瓶裂了，否则就给差评', '收到的花瓶裂了'],
    ['买的窗帘尺寸短了十公分，我要曝光这家店', '购买的窗帘尺寸短了十公分'],
  ])('%s', (text, want) => expect(clean(text)).toBe(want));
});

describe('the platform first, a lead, the bot\'s earlier reading, the evidence kept', () => {
  it.each([
    ['饿了么，酸辣粉里有根头发', '酸辣粉里有根头发'],
    ['得物，球鞋鞋底开胶了', '球鞋鞋底开胶了'],
    ['苏宁易购买的洗衣机，脱水时晃得厉害', '购买的洗衣机，脱水时晃得厉害'],
    ['问题是送来的书柜少了两块隔板', '送来的书柜少了两块隔板'],
    ['不是上午那条，快递一直显示在中转站没动', '快递一直显示在中转站没动'],
    ['买的音箱右边没声音，我把截图都保存了', '购买的音箱右边没声音'],
    ['买的烤箱温度上不去，我就想把钱要回来', '购买的烤箱温度上不去'],
  ])('%s', (text, want) => expect(clean(text)).toBe(want));
});

describe('the seller in the third person', () => {
  it('"他" is the seller when no one else is named', () => {
    expect(clean('买的保温杯不保温，他发的是旧款')).toBe('购买的保温杯不保温，卖家发的是旧款');
  });

  it('"他" stays when the words name someone else it could be', () => {
    expect(clean('买的衣柜，安装师傅装歪了，他走的时候门关不上')).toContain('他走的时候门关不上');
  });

  it.each([
    ['买的电动牙刷刷头转不动，他说是我自己摔坏的', '购买的电动牙刷刷头转不动，卖家称是我自己摔坏的'],
    ['修好的手表第二天就停了，店里说是我进水弄坏的', '修好的手表第二天就停了，卖家称是我进水弄坏的'],
  ])('what the seller says the buyer did is the seller\'s claim: %s', (text, want) => expect(clean(text)).toBe(want));
});

describe('what the listing said', () => {
  it('is kept, before what was delivered', () => {
    expect(clean('买了一辆二手自行车，说八成新，送来以后车架是裂的')).toBe('购买的一辆二手自行车，标称“八成新”，送来以后车架是裂的');
  });
});

describe('a relative month', () => {
  it('is dated from the day it was said', () => {
    expect(absoluteDays('上个月买的台历印错了', '2026-12-03', 'zh-CN', (d) => d)).toBe('2026年11月买的台历印错了');
    expect(absoluteDays('上个月买的台历印错了', '2027-01-05', 'zh-CN', (d) => d)).toBe('2026年12月买的台历印错了');
  });
});
