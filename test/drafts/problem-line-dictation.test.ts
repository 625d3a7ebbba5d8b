/**
 * Trial 11: a buyer dictating by voice talks to themself, and spells the order number out before
 * giving up and typing it; the problem line of a letter keeps the goods' problem only. A price
 * said in passing goes with its label: a clause is never cut off in the middle of its sum.
 */
import { describe, expect, it } from 'vitest';
import { cleanBuyerWords } from '../../src/drafts/words.ts';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';

describe('voice-input self-talk in the problem line', () => {
  const ids = { orderId: '602938475510', trackingNo: null };
  it.each([
    ['嗯 我在淘宝买了个电饭煲啊 然后呢 内胆涂层掉了 我是说 订单号 六零二 九三 我发你吧 602938475510', '购买的电饭煲，内胆涂层掉了'],
    ['那个 买的吹风机 呢 吹一会就断电 等一下 我找找 订单号 602938475510', '购买的吹风机，吹一会就断电'],
    ['啊 拼多多买的台灯 灯管一闪一闪的 我想 订单号是 6 0 2 9 不对 还是手打吧', '购买的台灯，灯管一闪一闪的'],
    ['买了一个行车记录仪 然后呢 屏幕不亮 订单号 幺零二 说错了 我打字吧 602938475510', '购买的行车记录仪，屏幕不亮'],
  ])('%s', (text, want) => {
    expect(cleanBuyerWords(text, ids, 'zh-CN', true)).toBe(want);
  });

  it('a clause with a number and its unit stays (a count is a fact)', () => {
    expect(cleanBuyerWords('买的一箱橙子 20个 坏了5个', ids, 'zh-CN', true)).toBe('购买的一箱橙子，20个，坏了5个');
  });
});

describe('the price paid, said in passing, goes whole', () => {
  const ids = { orderId: null, trackingNo: null };
  it.each([
    ['买了4罐奶粉 一共付了356 有一罐罐口凹进去了', 356, '购买的4罐奶粉，有一罐罐口凹进去了'],
    ['买的电热水壶总共花了我129块，烧水有塑料味', 129, '购买的电热水壶，烧水有塑料味'],
    ['买了两双运动鞋，实付：259，鞋底开胶', 259, '购买的两双运动鞋，鞋底开胶'],
    ['十只咸鸭蛋到了有3只是臭的，总共是45元', 45, '十只咸鸭蛋到了有3只是臭的'],
  ])('%s', (text, paid, want) => {
    expect(cleanBuyerWords(text, { ...ids, amountPaid: paid }, 'zh-CN', true)).toBe(want);
  });

  it('with no price recorded, the clause stays whole', () => {
    expect(cleanBuyerWords('买了两双运动鞋，实付：259，鞋底开胶', ids, 'zh-CN', true)).toBe('购买的两双运动鞋，实付：259，鞋底开胶');
  });
});

describe('through the engine', () => {
  it('a dictated first message gives letters without the self-talk', () => {
    const h = new EngineHarness();
    h.send('喂 你好 我在京东买了一个电动牙刷啊 就是那个 充不进电 然后呢 我想 退货 订单号是 三一七 不对 我打字吧 317460952281');
    const body = drafts(h.send('对'), 'seller').map((m) => m.body ?? m.text).join('\n');
    expect(body).toContain('问题是：购买的电动牙刷，充不进电。');
    expect(body).not.toMatch(/呢，|我想|三一七|打字/u);
  });

  it('the seller letter never says "一共付了。" with the sum cut out', () => {
    const h = new EngineHarness();
    const out = h.send('在天猫买了3盒面膜，订单号5820193746501928374，到了发现有1盒是空的，一共付了147');
    const body = [...drafts(out, 'seller'), ...drafts(h.send('想退空盒那份的钱'), 'seller')].map((m) => m.body ?? m.text).join('\n');
    expect(body).toContain('问题是：购买的3盒面膜，到了发现有1盒是空的。');
    expect(body).not.toMatch(/付了[。，]/u);
  });
});
