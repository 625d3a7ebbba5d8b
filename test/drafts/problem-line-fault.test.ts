/**
 * The letter's problem line is the goods' fault, in plain written Chinese: a claim with its figure
 * and what arrived stay together, asides about the shop, filler, a crying child, the order number
 * talked about and the wish in any shape go, and a line that would name only the item bought gives
 * way to the neutral wording of the problem. Every sentence here is invented for these tests.
 */
import { describe, expect, it } from 'vitest';
import { cleanBuyerWords } from '../../src/drafts/words.ts';
import { extract } from '../../src/nlu/index.ts';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';
import { writeDraft } from '../../src/drafts/index.ts';
import { t } from '../../src/i18n/index.ts';
import { damagedPdd } from './fixtures.ts';

const ids = { orderId: null, trackingNo: null };
const line = (text: string) => cleanBuyerWords(text, ids, 'zh-CN', true);

describe('a figure claimed and the figure that arrived', () => {
  it.each([
    ['买的二手笔记本 老板是个实体店 说电池循环次数80次 到手一看612次', '购买的二手笔记本，老板称“电池循环次数80次”，到手一看612次'],
    ['买的移动电源 说容量20000毫安 实测只有9000', '购买的移动电源，标称“容量20000毫安”，实测只有9000'],
    ['二手无人机 卖家说飞行时长累计两小时以内，收到一查十九个小时', '二手无人机，卖家称“飞行时长累计两小时以内”，收到一查十九个小时'],
  ])('%s', (text, want) => {
    expect(line(text)).toBe(want);
  });

  it.each([
    '买的二手平板 卖家说电池健康91% 到手一看73% 订单 5566778899 退货退款',
    '详情页写续航10小时 实际用了3小时就没电 订单 5566778899 想退款',
    '买的吸尘器 宣传吸力15000Pa 结果实测才4000 订单 5566778899 退货',
  ])('is read as not as described: %s', (text) => {
    expect(extract(text).problem).toBe('not_as_described');
  });

  it('a size claimed and another sent stays a wrong item', () => {
    expect(extract('买的41码 寄来39码 订单 5566778899 换货').problem).toBe('wrong_item');
  });
});

describe('what is not the fault leaves the problem line', () => {
  it.each([
    // filler, a child's tears, the order number talked about
    ['嗯你好 我那个就是买了个拼图啊 然后打开一看缺了一袋 小孩都哭了 订单号是幺二三那个我发给你', '购买的拼图，打开一看缺了一袋'],
    ['就是买的台灯 插上电不亮 我女儿气哭了', '购买的台灯，插上电不亮'],
    // the wish in other shapes: denied, part of the money, a count reshipped, a size exchanged
    ['买的炒锅 把手松了 不是要退货 换个新的就行', '购买的炒锅，把手松了'],
    ['买的3斤橙子 一半是干的 想退一部分钱', '购买的3斤橙子，一半是干的'],
    ['买的一盒鸡蛋 30个只有26个 补发4个', '购买的一盒鸡蛋，30个只有26个'],
    ['买的一包纸巾 12卷只有10卷 补2卷吧', '购买的一包纸巾，12卷只有10卷'],
    ['买的拖鞋 下单选的38 寄来是36 想换回38码', '购买的拖鞋，下单选的38，寄来是36'],
    // the wish with its sum
    ['买的电暖器 开了十分钟就跳闸 要退款 259', '购买的电暖器，开了十分钟就跳闸'],
    ['烤箱门关不严，退货退款 1699', '烤箱门关不严'],
    // a second order named, an aside about who sold it
    ['还有一单 耳机盒子是空的', '耳机盒子是空的'],
    ['这一单 数据线发错了', '数据线发错了'],
    ['卖家是一家大店 买的电水壶 底座漏电', '购买的电水壶，底座漏电'],
    // the buyer setting the bot right
    ['不是 你没看懂 买的汤碗 碗沿崩了一块', '购买的汤碗，碗沿崩了一块'],
    ['不对，你理解错了，买的枕套，洗一次就起球', '购买的枕套，洗一次就起球'],
  ])('%s', (text, want) => {
    expect(line(text)).toBe(want);
  });

  it.each([
    '在网上买了个按摩椅 想退货退款',
    '买的羽绒服 店家是个老店',
    '我那个就是买了一双雪地靴啊',
  ])('only the item bought: no problem line of the buyer\'s words (%s)', (text) => {
    expect(line(text)).toBe('');
  });

  it.each([
    ['上網買咗條牛仔褲，落單揀32碼，寄嚟係29碼，根本著唔落', '购买的牛仔裤，下单选32码，寄来是29码，根本穿不下'],
    ['買咗對拖鞋，落單揀39，寄嚟係37，著唔落', '购买的拖鞋，下单选39，寄来是37，穿不下'],
  ])('Cantonese in standard written Chinese: %s', (text, want) => {
    expect(line(text)).toBe(want);
  });
});

describe('through the engine', () => {
  it('the seller letter states the claim and what arrived, as not as described', () => {
    const h = new EngineHarness();
    const out = h.send('闲鱼上一家卖耳机的店买的二手降噪耳机 店家是个开了好几年的老店 说续航30小时 实际充满只能用9小时 订单 4455667788990011 要求退货退款');
    expect(h.state.active!.slots.problem).toBe('not_as_described');
    const letter = drafts(out, 'seller')[0]!.text;
    expect(letter).toContain('“续航30小时”');
    expect(letter).toContain('9小时');
    expect(letter).not.toContain('老店');
  });

  it('a problem line that would name only the item: the letter names the problem by its kind', () => {
    const facts = damagedPdd('zh-CN');
    const letter = writeDraft('seller', { ...facts, slots: { ...facts.slots, problemText: '拼多多买的玻璃茶壶 店家是个老店 想退款' } }).body;
    expect(letter).not.toContain('购买的玻璃茶壶');
    expect(letter).toContain(`问题是：${t('zh-CN', 'drafts.problem.damaged')}`);
  });
});
