/**
 * A message on a followed case that nothing in the engine took in is never answered with the case's
 * line as if it were recorded: an acknowledgement gets a short status, "how is it going" the question
 * of the case's phase, anything else an honest "not understood" with the likely readings to choose from.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness } from '../helpers/engine-harness.ts';
import type { FollowingCase, Outbound } from '../../src/domain/index.ts';

const keys = (out: Outbound[]) => out.map((m) => m.key);
const values = (out: Outbound[]) => out.flatMap((m) => (m.options ?? []).map((o) => o.value));
const text = (out: Outbound[]) => out.map((m) => m.text).join('\n');

function sellerStep(opening = '京东订单 4471829035561，空气净化器开机一直报错，想退货退款', start = '2026-10-12T10:00:00+08:00'): EngineHarness {
  const h = new EngineHarness(start);
  h.send(opening);
  expect(h.state.active!.phase).toBe('following');
  h.advance(90);
  return h;
}

/** The seller letter went unanswered: the platform letter is handed over. */
function platformStep(): EngineHarness {
  const h = sellerStep();
  h.tickHours(26);
  h.choose('nextStep', 'sentNoReply');
  expect((h.state.active as FollowingCase).rung).toBe('platform');
  h.advance(60 * 24 * 2);
  return h;
}

describe('acknowledgements get a short status, no menu', () => {
  it.each(['好的', '嗯嗯', '收到～', '好吧😅', 'ok', 'Got it!', 'cool 👍', '哈哈', '发票照片晚点拍给你', "I'll send the video tomorrow"])('%s', (said) => {
    const out = sellerStep().send(said);
    expect(keys(out)).toContain('unclear.ack');
    expect(keys(out)).not.toContain('followingCase');
    expect(values(out)).toEqual([]);
  });
});

describe('content the engine did not take in is said to be not understood, with readings to choose', () => {
  it.each([
    '楼下邻居帮我拿了个东西上来',
    '我把盒子里的说明书又翻了一遍',
    '售后那边的小哥加了我好友',
  ])('%s', (said) => {
    const out = sellerStep().send(said);
    expect(keys(out)).toEqual(['unclear.which']);
    expect(text(out)).toContain('没完全看懂');
    expect(values(out)).toEqual(['toldReply', 'toldMoney', 'toldGoods', 'toldOther']);
  });

  it('the readings follow the case: no goods reading for a plain refund of a service', () => {
    const h = sellerStep('美团订单 88120349912 洗车套餐门店关门了用不了，要退款');
    const out = h.send('隔壁店的老板说他们那边也在闹');
    expect(values(out)).toEqual(['toldReply', 'toldMoney', 'toldOther']);
  });

  it('in English too', () => {
    const h = sellerStep('JD order 4471829035561: the air purifier is broken, it will not turn on. I want a return and refund');
    const out = h.send('My neighbour says the same brand broke on her as well');
    expect(keys(out)).toEqual(['unclear.which']);
    expect(text(out)).toContain("didn't fully understand");
    expect(out[0]!.options!.map((o) => o.label)).toContain('Money came (all or part)');
  });

  it('a chosen reading asks for it in words the engine reads, and the answer is then taken in', () => {
    const h = sellerStep();
    h.send('楼下邻居帮我拿了个东西上来');
    expect(keys(h.choose('nextStep', 'toldReply'))).toEqual(['letterCheck.askReply']);
    expect(keys(h.send('卖家说不给退，说是我自己摔的'))).not.toContain('unclear.which');
    const g = sellerStep();
    g.send('我把盒子里的说明书又翻了一遍');
    expect(keys(g.choose('nextStep', 'toldGoods'))).toEqual(['unclear.toldGoods']);
    const m = sellerStep();
    m.send('售后那边的小哥加了我好友');
    expect(text(m.choose('nextStep', 'toldMoney'))).toContain('到账了多少');
  });

  it('not understood twice: "still not understood", the readings again, never the case line', () => {
    const h = sellerStep();
    h.send('楼下邻居帮我拿了个东西上来');
    const out = h.send('就是那个东西啊，上周那个');
    expect(keys(out)).toEqual(['unclear.again']);
    expect(text(out)).toContain('没有记下');
    expect(values(out)).toContain('toldOther');
  });
});

describe('"how is it going" is answered from the phase', () => {
  it.each(['怎么样了', '现在呢？', '有进展吗', 'any update?'])('on the seller step: %s asks whether the seller answered, with the date on record', (said) => {
    const out = sellerStep().send(said);
    expect(keys(out)).toEqual(['unclear.status.seller']);
    expect(text(out)).toMatch(/2026年10月13日|Oct/);
  });

  it.each(['怎么样了', '目前什么情况'])('after the platform letter: %s asks whether it was submitted and what the platform said', (said) => {
    const out = platformStep().send(said);
    expect(keys(out)).toEqual(['unclear.status.platformSubmit']);
    expect(text(out)).toContain('平台介入提交了吗？平台怎么说？');
    expect(values(out)).toEqual(['resolved', 'regulator', 'payment']);
  });

  it('once the buyer applied, asks for the platform\'s result', () => {
    const h = platformStep();
    h.send('已经申请平台介入了，平台说3天内处理');
    h.advance(60 * 24);
    const out = h.send('有消息吗');
    expect(keys(out)).toEqual(['unclear.status.platformApplied']);
  });
});

describe('"no answer" is the no it is, not the case line', () => {
  it.each(['没有答复', '还没消息', '没结果', 'no reply yet'])('on the seller step: %s gives the wait and the step available now', (said) => {
    const out = sellerStep().send(said);
    expect(keys(out)).toContain('next.sellerWait');
    expect(keys(out)).not.toContain('followingCase');
  });

  it('to "有结果了吗" once the platform\'s time ran out: the next step', () => {
    const h = platformStep();
    h.send('申请了，平台说2天内给答复');
    const nudged = h.tickHours(24 * 3);
    expect(keys(nudged)).toContain('nudge.platform_timer');
    h.advance(30);
    const out = h.send('没有答复');
    expect(keys(out)).not.toContain('followingCase');
    expect(keys(out)).not.toContain('unclear.which');
    expect(h.state.active!.timeline.some((x) => x.type === 'escalated') || keys(out).some((k) => k?.startsWith('next.platformSlow'))).toBe(true);
  });
});

describe('a reminder overdue when a tick comes at night waits for the morning', () => {
  it('comes at 08:00, not at 03:00', () => {
    const h = sellerStep('京东订单 4471829035561，空气净化器开机一直报错，想退货退款', '2026-10-12T19:00:00+08:00');
    // The reply time (next evening) passes while nothing runs; the first tick is at 03:00.
    h.advance(30 * 60 + 30);
    expect(h.now.toISOString()).toBe('2026-10-13T19:00:00.000Z');
    expect(h.tick()).toEqual([]);
    expect(h.due.get([...h.due.keys()].find((id) => id.endsWith('reply_deadline'))!)!.toISOString()).toBe('2026-10-14T00:00:00.000Z');
    h.advance(5 * 60);
    const morning = h.tick();
    expect(keys(morning)).toEqual(['nudge.letter_check']);
    expect(text(morning)).toContain('2026年10月13日');
  });
});
