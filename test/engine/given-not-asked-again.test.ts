/**
 * What the first message gave is not asked for again: a defect named in English is the problem, and
 * "没有订单号" means there is none, so no order number is asked and the letter goes without one.
 * Every sentence here is invented for these tests.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, allText, drafts, questions } from '../helpers/engine-harness.ts';

describe('no order number to give', () => {
  it.each([
    '闲鱼上买的二手相机 镜头里全是霉斑 卖家说发货前是好的 没有订单号 当面交易的 想退款',
    '朋友介绍的微商买的面霜 用了脸上起红疹 沒有訂單號 就微信付款的 要退錢',
  ])('"%s" is not asked for one', (said) => {
    const h = new EngineHarness('2026-11-24T14:00:00+08:00');
    const out = h.send(said);
    expect(questions(out).some((q) => q.slot === 'orderId')).toBe(false);
    expect(allText(out)).toMatch(/没有订单号也可以|沒有訂單號也可以/);
    expect(h.state.active!.phase).toBe('following');
    expect(drafts(out)[0]!.text).not.toMatch(/订单号|訂單號/);
  });

  it('said in answer to the question, it is not asked again', () => {
    const h = new EngineHarness('2026-11-24T14:00:00+08:00');
    h.send('在直播间下单的羽绒服 掉毛严重 想退货退款');
    const out = h.send('真的没有订单号，是主播私信让我转账的');
    expect(questions(out).some((q) => q.slot === 'orderId')).toBe(false);
  });

  it('"还没单号" speaks of a waybill, not of the order', () => {
    const h = new EngineHarness('2026-11-24T14:00:00+08:00');
    const out = h.send('拼多多买的台灯 付款五天了还没单号 想退款');
    expect(questions(out).some((q) => q.slot === 'orderId')).toBe(true);
  });
});

describe('a defect named in English', () => {
  it('is the problem: the open question what is wrong is not asked', () => {
    const h = new EngineHarness('2026-11-24T14:00:00+08:00');
    const out = h.send('Bought a linen shirt on Taobao, order 229384756102, it came with yellow stains on the collar. I want a refund.');
    expect(questions(out).some((q) => q.slot === 'problem')).toBe(false);
    expect(h.state.active!.slots.problem).not.toBeNull();
  });
});
