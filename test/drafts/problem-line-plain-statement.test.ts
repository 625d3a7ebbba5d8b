/**
 * Trial 15: the problem line a letter quotes from the buyer states the fault only, in plain written Chinese.
 * Anger, rhetorical questions, a slip owned and the words it takes back, remarks about sending things
 * later, a wish run on at the end and sentences pasted twice go; a quotation is never cut inside its
 * marks; every fact (dates, figures, what was promised against what came) stays.
 */
import { describe, expect, it } from 'vitest';
import { cleanBuyerWords } from '../../src/drafts/words.ts';
import type { Outbound } from '../../src/domain/index.ts';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';

const ids = { orderId: null, trackingNo: null };
const clean = (text: string, dropWish = true): string => cleanBuyerWords(text, ids, 'zh-CN', dropWish);

describe('anger and retorts go, the facts stay', () => {
  it.each([
    ['我快要疯了。买的净水器12月2号装好，第二天接头就漏水', '购买的净水器12月2号装好，第二天接头就漏水'],
    ['真的受不了，买的羊毛围巾洗一次缩了一半', '购买的羊毛围巾洗一次缩了一半'],
    ['买的跑步机皮带跑偏了，这也太过分了吧！', '购买的跑步机皮带跑偏了'],
    ['买的空调外机噪音大得睡不着，这算虚假宣传吧？', '购买的空调外机噪音大得睡不着'],
    ['买的蓝牙音箱充不进电，凭什么不给换', '购买的蓝牙音箱充不进电'],
    ['买的书包背带断了，难道这也是我的错？', '购买的书包背带断了'],
    ['买的拖鞋左右两只不一样大，是不是发错了？', '购买的拖鞋左右两只不一样大'],
    ['买的茶叶罐子里发霉结块了你说恶心不恶心', '购买的茶叶罐子里发霉结块了'],
    ['买的耳机左耳没声音，wsm啊', '购买的耳机左耳没声音'],
  ])('%s', (text, want) => {
    expect(clean(text)).toBe(want);
  });

  it('a fact said with a question mark but not asked stays', () => {
    expect(clean('买的电饭煲用了两次就跳闸？内胆也变形了')).toBe('购买的电饭煲用了两次就跳闸？内胆也变形了');
  });
});

describe('remarks to the bot go', () => {
  it.each([
    ['买的婴儿推车刹车失灵了 照片我等会发你', '购买的婴儿推车刹车失灵了'],
    ['买的电竞椅扶手断了单号我晚点发您哈', '购买的电竞椅扶手断了'],
    ['买的台灯底座裂开 截图待会儿补给你 灯也不亮', '购买的台灯底座裂开，灯也不亮'],
  ])('%s', (text, want) => {
    expect(clean(text)).toBe(want);
  });

  it.each([
    ['刚才我说错了，不是没发货，是到了之后发现外箱压扁了，里面的花瓶碎成三块', '到了之后发现外箱压扁了，里面的花瓶碎成三块'],
    ['哦我记错了 不是少发 是寄来的燕麦片过期了 生产日期是2025年5月', '寄来的燕麦片过期了，生产日期是2025年5月'],
    ['不好意思我搞错了，并不是黑色的问题，是尺码小了一号', '尺码小了一号'],
  ])('a slip owned and the words it takes back go: %s', (text, want) => {
    expect(clean(text)).toBe(want);
  });

  it('"不是" that states a fact stays when no slip was owned', () => {
    expect(clean('买的手表不是正品，是高仿的，表盘字母印歪了')).toBe('购买的手表不是正品，是高仿的，表盘字母印歪了');
  });
});

describe('a wish run on after the fault goes when the letter states it', () => {
  it.each([
    ['买的运动裤腰围做小了两寸根本扣不上我想换一条新的', '购买的运动裤腰围做小了两寸根本扣不上'],
    ['买的玻璃杯到手杯口有裂纹所以要退货退款', '购买的玻璃杯到手杯口有裂纹'],
    ['买的床单少了一个枕套我希望补发', '购买的床单少了一个枕套'],
  ])('%s', (text, want) => {
    expect(clean(text)).toBe(want);
  });

  it('a wish denied is no wish run on', () => {
    expect(clean('买的餐椅腿断了一根不想退货')).toBe('购买的餐椅腿断了一根不想退货');
  });

  it('with no wish on its own line, the run-on wish stays', () => {
    expect(clean('买的床单少了一个枕套我希望补发', false)).toBe('购买的床单少了一个枕套我希望补发');
  });

  it('"他们必须出运费" is a wish too', () => {
    expect(clean('买的吸尘器滤网是破的，他们必须承担寄回的运费')).toBe('购买的吸尘器滤网是破的');
  });
});

describe('a sentence pasted several times is said once', () => {
  it.each([
    ['健身房门口贴着：场馆装修暂停营业，会员请联系前台退卡。场馆装修暂停营业，会员请联系前台退卡。场馆装修暂停营业，会员请联系前台退卡。', '健身房门口贴着：场馆装修暂停营业，会员请联系前台退卡'],
    ['买的风扇插电后不转，按键也失灵，按键也失灵', '购买的风扇插电后不转，按键也失灵'],
  ])('%s', (text, want) => {
    expect(clean(text)).toBe(want);
  });
});

describe('a quotation stays whole', () => {
  it.each([
    ['买的瑜伽课 老师说的“零基础 三十天 学会倒立” 上了二十节还是立不起来', '购买的瑜伽课，老师说的“零基础 三十天 学会倒立”，上了二十节还是立不起来'],
    ['买的驱蚊器，包装上印着“有效驱蚊，无效退款！”，用了一周照样被咬', '购买的驱蚊器，包装上印着“有效驱蚊，无效退款！”，用了一周照样被咬'],
    ['店铺首页写的「全国联保 三年质保」，可是维修点说不认这个牌子', '店铺首页写的「全国联保 三年质保」，可是维修点说不认这个牌子'],
  ])('%s', (text, want) => {
    expect(clean(text)).toBe(want);
  });

  it('a quotation in a clause that goes, goes whole: no opening mark is left behind', () => {
    const out = clean('买的加湿器一开就漏水，客服说“这是正常现象 擦干就行”');
    expect(out).toBe('购买的加湿器一开就漏水');
    expect(out).not.toMatch(/[“”]/u);
  });

  it('the seller\'s claim before the sale is still quoted against what came', () => {
    expect(clean('卖家说“续航十小时”，到手充满只用了三小时')).toBe('卖家称“续航十小时”，到手充满只用了三小时');
  });
});

describe('the place of purchase stays a place, and no bare "购买的" is left', () => {
  it.each([
    ['京东买的，东西坏了，气死了，你说怎么办？', '东西坏了'],
    ['在闲鱼上买的，屏幕碎了', '屏幕碎了'],
    ['11月3号在淘宝一家店铺下单，三周了还没发货', '11月3号在一家店铺下单，三周了还没发货'],
    ['我在京东某个店铺下单的烤箱，温度只有标的一半', '我在某个店铺下单的烤箱，温度只有标的一半'],
  ])('%s', (text, want) => {
    expect(clean(text)).toBe(want);
  });
});

describe('through the engine', () => {
  /** The seller letter's problem line, from the drafts among `out`. */
  const problemOf = (out: Outbound[]): string =>
    /问题是：([^\n]*)/u.exec(drafts(out, 'seller').map((m) => m.body ?? m.text).join('\n'))?.[1] ?? '';

  it('an angry first message gives a seller letter with the fault only', () => {
    const h = new EngineHarness();
    const out = h.send('气死我了！在拼多多买的电动车充电器，订单号 250930-118273645510，插上十分钟就冒烟，外壳都烧黑了。这不是三无产品吗？我要退款');
    const line = problemOf(out);
    expect(line).toContain('插上十分钟就冒烟，外壳都烧黑了');
    expect(line).not.toMatch(/气死|三无产品吗|退款/u);
  });

  it('a promise quoted with a space inside reaches the letter whole', () => {
    const h = new EngineHarness();
    const out = h.send('京东买的空气净化器 订单号 301928374655 详情页写的“除甲醛 适用六十平” 用了一个月甲醛检测还是超标 想退货退款');
    expect(problemOf(out)).toBe('购买的空气净化器，详情页写的“除甲醛 适用六十平”，用了一个月甲醛检测还是超标。');
  });

  it('when nothing but talk is left, the problem type\'s standard sentence stands', () => {
    const h = new EngineHarness();
    h.send('订单号 250930-118273645510，真是气疯了，这算欺诈吧？凭什么不给退，我要退款');
    expect(problemOf(h.choose('problem', 'quality'))).toBe('商品存在质量问题。');
  });
});

describe('what only looks like talk stays', () => {
  it.each([
    ['买的暖风机你说的那个开关也坏了，一开就跳闸', '购买的暖风机你说的那个开关也坏了，一开就跳闸'],
    ['卖家答应等下发你们的赠品一直没到，买的USB风扇也不转了', '卖家答应等下发你们的赠品一直没到，购买的USB风扇也不转了'],
  ])('%s', (text, want) => {
    expect(clean(text)).toBe(want);
  });
});
