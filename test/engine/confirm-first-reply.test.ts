/**
 * The buyer's reply right after the confirm-first warning gets the whole answer (trial 7 s06):
 * don't confirm, the words to send the seller, then the case's usual line — the same as a later
 * question about it gets.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness } from '../helpers/engine-harness.ts';

const keys = (out: readonly { key?: string }[]): string[] => out.map((m) => m.key ?? '');

function warned(): EngineHarness {
  const h = new EngineHarness('2026-10-14T20:00:00+08:00');
  h.send('闲鱼买的二手相机 订单 4410293847561029384 镜头有霉斑卖家没写 想退货退款');
  expect(h.state.active!.phase).toBe('following');
  h.advance(15);
  expect(keys(h.send('对方回我：“先点确认收货，然后我退你钱”'))).toContain('pitfall.confirm_receipt_first');
  h.advance(3);
  return h;
}

describe('the reply right after the confirm-first warning', () => {
  it('"我要点确认吗？" gets the answer and then what to do next', () => {
    const out = warned().send('那我现在点确认吗？');
    expect(keys(out)).toContain('warnedRequest.confirmFirst');
    expect(keys(out).at(-1)).toBe('followingCase');
    expect(out.map((m) => m.text).join('\n')).toContain('请直接在售后单里处理');
  });

  it('"我先不点确认" is agreed with, with the words to send the seller and the case line', () => {
    const out = warned().send('行，那我先不点确认收货');
    expect(keys(out)).toEqual(['caseQuestion.confirmDeclined', 'followingCase']);
    expect(out[0]!.text).toContain('请直接在售后单里处理');
  });

  it('a later question about it is answered the same way', () => {
    const h = warned();
    h.advance(60 * 30);
    const out = h.send('那我确认了？');
    expect(keys(out)).toEqual(['caseQuestion.confirmReceipt', 'followingCase']);
  });
});
