/**
 * Trial 15 F23, trial 14 F12: which side moves first in an agreed exchange. "叫我先寄回，到了再给我换新的"
 * and Cantonese "要我寄返去先" are a return to post first (no new goods to wait for); "先给我发新的，
 * 旧的再寄回" is the seller shipping first, whatever is said of the return after it.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness } from '../helpers/engine-harness.ts';
import type { Outbound } from '../../src/domain/index.ts';

const keys = (out: Outbound[]) => out.map((m) => m.key);

function exchanging(first: string): EngineHarness {
  const h = new EngineHarness('2027-03-08T09:00:00+08:00');
  h.send(first);
  expect(h.state.active!.phase).toBe('following');
  h.advance(180);
  return h;
}

describe('the buyer sends the goods back first', () => {
  const says = [
    '店家答应换了，叫我先寄回，到了再给我换新的',
    '商家说可以换，要我寄回去他们收到了再换',
    '卖家答应换货 叫我把旧的寄过去 他们签收后就发新的',
    '店家覆話換得，叫我寄返去先，收到再寄新嘅',
    '客服話換得，叫我寄返去先，收到先寄新嘅',
  ];
  for (const text of says) {
    it(`"${text}": a return to post, no new goods to wait for`, () => {
      const h = exchanging('拼多多买的保温杯 订单号 241108-556677889900 杯盖漏水 想换个新的');
      const out = h.send(text);
      expect(keys(out)).toContain('seller.agreesReturn');
      expect(keys(out)).not.toContain('seller.agreesSendNew');
    });
  }
});

describe('the seller ships the new goods first', () => {
  const says = [
    '商家同意换，先给我发新的，旧的等我收到新的再寄回',
    '客服说新的先寄过来，我收到后再把坏的寄回去',
  ];
  for (const text of says) {
    it(`"${text}": no return to post yet`, () => {
      const h = exchanging('淘宝买的台灯 订单号 3390128475610293847 开关按不动 想换一个');
      const out = h.send(text);
      expect(keys(out)).toContain('seller.agreesSendNew');
      expect(keys(out)).not.toContain('seller.agreesReturn');
    });
  }
});
