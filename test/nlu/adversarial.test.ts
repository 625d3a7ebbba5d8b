/**
 * Bad input: whatever arrives, `extract` returns a result, never throws, keeps nulls where
 * nothing is said, and takes time linear in the input (no catastrophic backtracking).
 */
import { describe, expect, it } from 'vitest';
import { extract, toContractJson } from '../../src/nlu/index.ts';

const NULLS = { orderId: null, platform: null, problem: null, wants: null, trackingNo: null, promise: null };

function timeOf(text: string): number {
  // Best of five: one slow run (GC, a busy CI box) must not fail the test.
  let best = Infinity;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    extract(text);
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

/** Generators of hostile text of about `n` characters. */
const HOSTILE: Record<string, (n: number) => string> = {
  'a×n + !': (n) => 'a'.repeat(n) + '!',
  'digits': (n) => '1'.repeat(n),
  'digits split by spaces': (n) => '12 '.repeat(Math.ceil(n / 3)),
  'digits split by dashes': (n) => '1-'.repeat(Math.ceil(n / 2)),
  'keywords back to back': (n) => '退款订单号没收到客服说'.repeat(Math.ceil(n / 11)),
  'date-like': (n) => '11月20日收到'.repeat(Math.ceil(n / 8)),
  'amount-like': (n) => '¥1.'.repeat(Math.ceil(n / 3)),
  'promise-like': (n) => '客服说2天'.repeat(Math.ceil(n / 6)),
  'english words': (n) => 'refund not received within two days '.repeat(Math.ceil(n / 36)),
  'quote marks': (n) => '客服说“'.repeat(Math.ceil(n / 4)),
  'spaces': (n) => ' '.repeat(n) + 'x',
  'letters and digits': (n) => 'sf1'.repeat(Math.ceil(n / 3)),
};

describe('adversarial input', () => {
  it.each([
    ['empty', ''],
    ['spaces', '   \t  '],
    ['control characters', '\u0000\u0001\u0007\u001b[31m\u007f\u0085'],
    ['emoji only', '😭😭😭🙏🏻👍🏽‍'],
    ['lone surrogates', '\ud800\udc00\ud800 \udfff'],
    ['zero-width', '\u200b\u200c\u200d\ufeff'],
    ['RTL and Cyrillic', 'שלום привет مرحبا'],
    ['punctuation', '!!!???。。。，，，…………'],
    ['placeholder', '[订单x] [ORDERID_10005513] [数字x] [金额x]'],
  ])('%s: never throws, nothing invented', (_name, text) => {
    const e = extract(text);
    expect(toContractJson(e)).toEqual(NULLS);
    expect(e.resolved).toBe(false);
  });

  it('non-string input from an untyped caller does not throw', () => {
    expect(toContractJson(extract(undefined as unknown as string))).toEqual(NULLS);
    expect(toContractJson(extract(12345 as unknown as string))).toEqual(NULLS);
  });

  it('a 100 KB message returns nulls for what it does not say', () => {
    const big = '今天天气不错'.repeat(17_000);
    expect(big.length).toBeGreaterThan(100_000);
    expect(toContractJson(extract(big))).toEqual(NULLS);
  });

  it('a long digit run is not an order number', () => {
    expect(extract('9'.repeat(5000)).orderId).toBeNull();
    expect(extract('订单号' + '9'.repeat(500)).orderId).toBeNull();
  });

  it('still finds what is said inside a lot of noise', () => {
    const e = extract('😭'.repeat(2000) + ' 淘宝订单3916452812345678901 杯子碎了 想退款 ' + 'x'.repeat(20_000));
    expect(toContractJson(e)).toMatchObject({ orderId: '3916452812345678901', platform: 'taobao', problem: 'damaged', wants: 'refund' });
  });

  it.each(Object.entries(HOSTILE))('%s: linear time (4× input < 12× time)', (_name, make) => {
    const small = make(50_000);
    const large = make(200_000);
    expect(() => extract(large)).not.toThrow();
    timeOf(small); // warm up
    // The best of three runs: other processes and GC pauses only ever add time.
    const best = (text: string) => Math.min(timeOf(text), timeOf(text), timeOf(text));
    // Below a few ms the timer, the JIT and GC dominate what we measure (a 2.5 ms small run
    // against a 37 ms large one was seen once on a CI run, where the same input is 5 vs 20 ms
    // on a second look): quadratic code on 200k characters is far above this floor anyway.
    const ts = Math.max(best(small), 4);
    const tl = best(large);
    // Linear is 4×, quadratic 16×; memory effects on 200k-character strings and a busy
    // machine push linear code to 6–9×, so the bound sits between the two.
    expect(tl, `50k: ${ts.toFixed(1)} ms, 200k: ${tl.toFixed(1)} ms`).toBeLessThan(12 * ts);
    expect(tl).toBeLessThan(2000);
  });
});
