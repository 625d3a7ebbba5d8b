/**
 * A seller who answered and then went quiet did reply: the platform letter lists the answer and
 * says the seller stopped replying after it, never that the seller "一直没有回复".
 */
import { describe, expect, it } from 'vitest';
import { drafts, EngineHarness } from '../helpers/engine-harness.ts';

function letterAfter(opening: string, answer: string, silence: string): string {
  const h = new EngineHarness('2026-12-02T09:30:00+08:00');
  h.send(opening);
  expect(h.state.active!.phase).toBe('following');
  h.advance(120);
  h.send(answer);
  h.advance(10);
  const out = h.send(silence);
  const letter = drafts(out, 'platform').at(-1)?.text ?? drafts(h.send('申请平台介入'), 'platform').at(-1)!.text;
  return letter;
}

describe('silence reported after a seller answer', () => {
  it.each([
    ['after "confirm receipt first"', '淘宝买的加湿器 订单号 3318402957716203 放在驿站被人拿错了 一直没拿到 要退款',
      '商家叫我收货确认了才能退款', '我没点，卖家现在已读不回了', '先确认收货'],
    ['after a refusal with its reason', '京东买的电动牙刷 订单号 308812734651 刷头断了 要换货',
      '商家说刷头断了是我自己摔的，不给换', '我发了照片证明，商家再也不理我了', '称刷头断了是我自己摔的'],
    ['in English, after "confirm receipt first"', 'I bought a desk lamp on Taobao, order 4471029384756610, it flickers, I want a refund',
      'The seller said I must confirm receipt first and then they will refund', 'I did not confirm, and now the seller ignores my messages',
      'had not replied again since'],
  ])('%s, the seller is said to have stopped replying', (_name, opening, answer, silence, listed) => {
    const letter = letterAfter(opening, answer, silence);
    expect(letter).toContain(listed);
    expect(letter).toContain('此后没有再回复');
    expect(letter).not.toContain('一直没有回复');
  });

  it('with no answer on record, silence is still said as it is', () => {
    const h = new EngineHarness('2026-12-02T09:30:00+08:00');
    h.send('拼多多买的保温杯 订单号 261201-774410293856102 杯盖漏水 退货退款');
    h.advance(60 * 26);
    const out = h.send('卖家一直不回我');
    const letter = drafts(out, 'platform').at(-1)!.text;
    expect(letter).toContain('一直没有回复');
    expect(letter).not.toContain('此后没有再回复');
  });
});
