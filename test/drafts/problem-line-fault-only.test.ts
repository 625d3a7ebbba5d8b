/**
 * Trial 12: the problem line of a letter holds the goods' fault only. Voice input run on without a
 * stop loses its fillers, and words that trail off into self-talk give way to the fault typed next; a
 * pasted chat log whose lead line only hands it over gives the buyer's line in it that names the fault;
 * a retort, the seller's verdict and refusal, a wish or threat, how the buyer paid, "就这样" and loose
 * relative days stay out; a message that is only a wish leaves the problem told before; goods never
 * shipped are not "kept instead of returned".
 */
import { describe, expect, it } from 'vitest';
import { cleanBuyerWords, statesNothing, trailsOff } from '../../src/drafts/words.ts';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';

const ids = { orderId: null, trackingNo: null };
const clean = (text: string): string => cleanBuyerWords(text, ids, 'zh-CN', true);
const problemOf = (letter: string): string => letter.split('\n').find((l) => /^问题(?:是)?：/u.test(l)) ?? '';

describe('voice input run on without a stop', () => {
  it.each([
    ['我跟你说啊就是那个我上周买了一个加湿器嘛开了一晚上然后呢那个水箱底下就是漏了 哎呀还是打字吧', '购买的加湿器，开了一晚上，水箱底下漏了'],
    // Other fillers, a stutter, "入了一台" for bought, "上礼拜" (stale in a letter read later).
    ['呃这个怎么说呢我上礼拜入了一台那个加湿器嘛然后呢它那个开了一晚上就是那个水箱底下就是漏了然后吧我我，唉还是打字吧', '购买的加湿器，开了一晚上水箱底下漏了'],
    ['呃就是我入手的那个榨汁机嘛然后呢它那个刀头就是断了然后吧，还是手打吧', '购买的榨汁机，刀头断了'],
    ['那个我前些天买了一个那个保温杯嘛然后呢那个盖子就是拧不紧啊就是那个一倒水就洒', '购买的保温杯，盖子就是拧不紧，一倒水就洒'],
  ])('%s', (text, want) => {
    expect(clean(text)).toBe(want);
  });

  it('"现在还没…" is true up to the letter: "至今"', () => {
    expect(clean('买的衣柜，说好十天内送货上门，现在都没有人联系')).toBe('购买的衣柜，说好十天内送货上门，至今都没有人联系');
  });

  it('ordinary speech with a filler or two is left as it is', () => {
    expect(clean('买的台灯就是不亮')).toBe('购买的台灯就是不亮');
    expect(clean('那个充电宝充不进电')).toBe('充电宝充不进电');
  });

  it('words ending in self-talk trail off; words ending in a number or a fault do not', () => {
    expect(trailsOff('我买的烤箱用了两次就不热了然后我想，唉我手打吧')).toBe(true);
    expect(trailsOff('买的烤箱不热了，我是说')).toBe(true);
    expect(trailsOff('买的烤箱不热了，订单号 5520')).toBe(false);
    expect(trailsOff('买的烤箱用了两次就不热了')).toBe(false);
  });
});

describe('only the fault, not the story, the wish or the feeling', () => {
  it.each([
    // A retort goes, the fact in it stays.
    ['买的真丝衬衫，七天无理由寄回去了，结果商家收到货说我洗过了，标签都没拆的好不好，拒绝退款', '购买的真丝衬衫，七天无理由寄回去了，标签都没拆'],
    ['买的耳机，包装都没拆的好吗，店家验货后说我用过了', '购买的耳机，包装都没拆'],
    ['明明是新的好不好', '明明是新的'],
    // The price-protection wish and an urging or threat are wishes.
    ['买的扫地机，昨天一看降了300，我想申请价保补差价', '购买的扫地机，昨天一看降了300'],
    ['页面写的三天内发货，到现在还没发，希望你们尽快发货，再不发我就投诉', '页面写的三天内发货，至今还没发'],
    ['订的书架说好周五前发出，一直没有物流，要求卖家马上发货', '订的书架说好周五前发出，一直没有物流'],
    // How the buyer paid, and "that's all".
    ['买的蜂蜜，到了发现瓶盖是开的，用支付宝付的', '购买的蜂蜜，到了发现瓶盖是开的'],
    ['买的空调 外机噪音特别大 好吧 就这些', '购买的空调，外机噪音特别大'],
  ])('%s', (text, want) => {
    expect(clean(text)).toBe(want);
  });

  it('words that only hand a chat log over, or only ask, state nothing', () => {
    expect(statesNothing('你好，我把聊天记录发过来了，帮我看看')).toBe(true);
    expect(statesNothing('麻烦商家尽快发出，还不发的话我就申请退款')).toBe(true);
    expect(statesNothing('鱼缸的玻璃裂了一条缝')).toBe(false);
  });
});

describe('through the engine', () => {
  it('dictation that trailed off gives way to the fault typed next; the item stays', () => {
    const h = new EngineHarness('2026-12-02T09:00:00+08:00');
    h.send('我跟你说啊就是那个我前阵子买了一个电水壶嘛烧了几回然后呢那个壶底就是锈了然后我想，算了我打字吧');
    h.send('订单号 5521907734618820');
    h.send('壶底内侧一圈锈斑 烧出来的水有铁锈味');
    const letter = drafts(h.send('退货退款'), 'seller')[0]!.text;
    const line = problemOf(letter);
    expect(line).toContain('电水壶');
    expect(line).toContain('壶底内侧一圈锈斑，烧出来的水有铁锈味');
    expect(line).not.toMatch(/那个|然后|嘛|我想|打字|前两天|问一下/u);
  });

  it('after a ramble, a bare "好的" or the wish is no retelling of the fault', () => {
    const h = new EngineHarness('2026-12-02T15:00:00+08:00');
    h.send('呃那个我买了一个榨汁机嘛然后呢它那个刀头就是断了然后呢，还是手打吧');
    h.send('订单号 6123049987120');
    h.send('好的');
    const letter = drafts(h.send('换货'), 'seller').map((m) => m.text).join('\n');
    expect(problemOf(letter)).toBe('问题是：购买的榨汁机，刀头断了。');
  });

  it('a pasted log announced in a lead line: the fault from the buyer\'s line in it, never the shop\'s lines', () => {
    const h = new EngineHarness('2026-12-03T11:00:00+08:00');
    h.send([
      '你帮我看一下，我把聊天记录复制过来了，订单号 4410938827716653091',
      '[2026-11-28 10:12] 我：在吗，收到的电动牙刷按开关没反应',
      '[2026-11-28 10:20] 售后小林：亲亲，麻烦拍个视频看下呢',
      '[2026-11-29 15:02] 售后小林：亲，已经登记了，三天内给您回复哦',
      '[2026-12-02 20:40] 我：三天到了，怎么还没有回复',
    ].join('\n'));
    const out = h.send('退款');
    const letters = drafts(out).map((m) => m.text).join('\n');
    const line = problemOf(drafts(out)[0]!.text);
    expect(line).toContain('电动牙刷按开关没反应');
    expect(line).not.toMatch(/聊天记录|在吗|回复|亲亲|登记了/u);
    // The shop's lines are on the record as its answers (the promise passed, so the letter is the platform's): quoted, never as the problem.
    expect(letters).not.toMatch(/复制过来/u);
    expect(letters).toContain('“亲，已经登记了，三天内给您回复哦”');
  });

  it('a pasted log in which no line of the buyer names a fault: the bot asks what is wrong', () => {
    const h = new EngineHarness('2026-12-03T11:00:00+08:00');
    const out = h.send([
      '聊天记录发给你了，订单号 5530917264480015372',
      '[2026-11-27 19:40] 我：在吗',
      '[2026-11-27 19:55] 客服阿杰：亲，您的问题已经登记了哦',
      '[2026-11-30 09:00] 我：已经过了三天了',
      '[2026-11-30 09:30] 客服阿杰：亲，主管正在处理，请耐心等待',
    ].join('\n'));
    expect(out.map((m) => m.text).join('\n')).toMatch(/具体是什么问题/u);
    expect(h.state.active!.slots.problemText ?? null).toBeNull();
  });

  it('a message that only states a wish leaves the problem told before; goods never shipped are not "kept"', () => {
    const h = new EngineHarness('2026-12-04T20:00:00+08:00');
    h.send('预售的电竞椅 商品页写的12月1日前发货 到今天都没有发货');
    h.send('京东 订单号 301774526690');
    const out = h.send('我希望卖家马上发货，不然就要赔偿');
    const letter = drafts(out, 'seller').map((m) => m.text).join('\n');
    expect(problemOf(letter)).toContain('商品页写的12月1日前发货');
    expect(problemOf(letter)).not.toMatch(/马上发货|不然就/u);
    // The wish, with its fallback, has its own line (a conditional wish); no "if I keep the goods" for goods never shipped.
    expect(letter).toContain('我希望马上发货（否则赔偿）');
    expect(letter).not.toMatch(/如果不退货|If I keep/u);
  });

  it('a payment method and "今天" never reach the problem line, even in a letter written that day', () => {
    const h = new EngineHarness('2026-12-05T19:00:00+08:00');
    h.send('小程序买的速冻饺子，今天煮的时候发现馅是酸的，已经变质了，微信支付');
    h.send('订单号 WX20261203448812');
    const letter = drafts(h.send('退款'), 'seller').map((m) => m.text).join('\n');
    const line = problemOf(letter);
    expect(line).toContain('12月5日');
    expect(line).not.toMatch(/今天|微信支付/u);
  });
});
