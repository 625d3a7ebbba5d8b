/**
 * Trial 11: a buyer opens with "东西坏了" and names the fault once asked for the order number; the
 * letters state the named fault, not the vague complaint the seller can do nothing with.
 */
import { describe, expect, it } from 'vitest';
import { cleanBuyerWords, namesNoFault } from '../../src/drafts/words.ts';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';

const ids = { orderId: null, trackingNo: null };

describe('a vague complaint beside the fault named', () => {
  it.each([
    ['东西坏了，电饼铛 上盘不发热', '电饼铛，上盘不发热'],
    ['质量有问题，插上电不加热', '插上电不加热'],
    ['这个东西有毛病，吸尘器滚刷不转', '吸尘器滚刷不转'],
  ])('%s', (text, want) => {
    expect(cleanBuyerWords(text, ids, 'zh-CN', true)).toBe(want);
  });

  it('alone, it stays (the letter has nothing better)', () => {
    expect(cleanBuyerWords('东西坏了 退钱', ids, 'zh-CN', true)).toBe('东西坏了');
  });

  it('tells words that name no fault from words that do', () => {
    expect(namesNoFault('东西坏了 退钱')).toBe(true);
    expect(namesNoFault('这个东西质量有问题，我要退货')).toBe(true);
    expect(namesNoFault('咖啡机打出来的奶泡是稀的')).toBe(false);
  });
});

describe('through the engine', () => {
  it.each([
    ['坏了 退款', '9876543210123', '多多 9876543210123 电热毯 一边不热', '问题是：电热毯，一边不热。'],
    ['东西有问题 要退货', '4820193746510283746', '淘宝 4820193746510283746 榨汁机 刀片转不起来', '问题是：榨汁机，刀片转不起来。'],
  ])('"%s", then the fault with the order number', (first, _order, second, line) => {
    const h = new EngineHarness();
    h.send(first);
    const out = h.send(second);
    const body = drafts(out, 'seller').map((m) => m.body ?? m.text).join('\n');
    expect(body).toContain(line);
    expect(body).not.toMatch(/坏了|有问题/u);
  });
});
