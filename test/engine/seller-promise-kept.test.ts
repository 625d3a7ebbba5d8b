/**
 * What the seller said they would do, recorded as what it was (buyer trial 10, findings 5, 6, 13, 15):
 * a service point is not a send-back, a pickup is not a shipment, an accepted offer is not "less than
 * asked", a seller's own dated time is their promise (not stalling); when a promise to ship or to
 * collect runs out the buyer is asked whether it was kept before any letter says it was not.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness } from '../helpers/engine-harness.ts';
import type { Outbound } from '../../src/domain/index.ts';

const keys = (out: Outbound[]) => out.map((m) => m.key);
const draft = (out: Outbound[], to: string) => out.find((m) => m.kind === 'draft' && m.to === to)?.text ?? '';
const reasons = (h: EngineHarness) => h.state.active!.reminders.map((r) => r.reason);

function opened(first: string, start = '2026-12-01T09:00:00+08:00'): EngineHarness {
  const h = new EngineHarness(start);
  h.send(first);
  expect(h.state.active!.phase).toBe('following');
  return h;
}

describe('the seller sends the buyer to a service point', () => {
  for (const words of ['客服叫我拿去当地的授权服务中心检测一下', '店家让我自己找附近的维修点做个检测', '商家说先去线下门店检测，有问题再说']) {
    it(`"${words}" is no send-back: no waybill reminder, and the letter says a service point`, () => {
      const h = opened('京东订单 298112736777，买的相机镜头有霉点，想换货');
      const out = h.send(words);
      expect(keys(out)).toEqual(['seller.servicePoint']);
      expect(out[0]!.text).toContain('不是要你寄回');
      expect(reasons(h)).not.toContain('return_tracking');
      const letter = draft(h.send('申请平台介入'), 'platform');
      expect(letter).toContain('卖家让我自己到售后网点检测');
      expect(letter).not.toContain('寄回检测');
    });
  }

  it('posting it back for inspection is still read as that', () => {
    const h = opened('淘宝订单 4012837765120938777，买的吸尘器吸力很弱，想退货退款');
    expect(keys(h.send('卖家说要我先寄回去检测'))).toEqual(['seller.inspection']);
  });
});

describe('a pickup promised is a pickup, never a shipment', () => {
  it('an exchange with a courier coming the day after: the reminder asks whether it came, the letter says pickup', () => {
    const h = opened('京东订单 298112736888，买的衬衫发错码了，要换货');
    const out = h.send('卖家同意换了，说后天安排快递上门取件');
    expect(keys(out)).toEqual(['seller.agreesPickup']);
    expect(out[0]!.text).toContain('前上门取件');
    expect(out[0]!.text).not.toContain('寄出');
    expect(reasons(h)).toEqual(['seller_promise']);
    const nudge = h.tickHours(24 * 3);
    expect(keys(nudge)).toEqual(['nudge.pickup_promise']);
    expect(nudge[0]!.options!.map((o) => o.value)).toEqual(['promiseKept', 'promiseNotKept', 'promisePartly']);
    // No letter until the buyer says how it went; then it states the pickup and that it did not come.
    expect(nudge.some((m) => m.kind === 'draft')).toBe(false);
    // Nobody came: a missed pickup to rebook with the seller (F21 of trial 11), the platform on the buyer's choice.
    const after = h.send('快递一直没人来取');
    expect(keys(after)).toEqual(['return.pickupMissed', 'draft.pickupMissed', 'return.pickupMissedNext']);
    expect((h.state.active as { rung?: string }).rung).toBe('seller');
    const letter = draft(h.choose('nextStep', 'platform'), 'platform');
    expect(letter).toContain('前上门取件');
    expect(letter).toContain('没有人来取件');
    expect(letter).not.toContain('发货');
  });

  it('a return and refund picked up tomorrow morning: no return waybill to type in', () => {
    const h = opened('拼多多订单 261125-558820194736999，买的加湿器漏水，要退货退款');
    const out = h.send('商家同意退货了，明天上午快递上门取件');
    expect(keys(out)).toEqual(['seller.agreesPickup']);
    expect(reasons(h)).not.toContain('return_tracking');
    expect(h.state.active!.timeline.filter((e) => e.type === 'seller_promise').map((e) => e.note)).toEqual(['pickup']);
  });
});

describe('an offer the buyer accepts', () => {
  function offered(): EngineHarness {
    const h = opened('淘宝订单 4012837765120938777，买的电饭煲内胆涂层起皮，想退款');
    expect(keys(h.send('卖家说只能给我换一个新的内胆'))).toEqual(['seller.counterOffer']);
    return h;
  }

  it('changing the wish to it while it is open accepts it: letters never call it short of the wish', () => {
    const h = offered();
    const out = h.send('算了 换就换吧 那就换货');
    expect(h.state.active!.slots.wants).toBe('exchange');
    expect(keys(out)).toContain('amend.done');
    h.send('卖家说周五前发出');
    h.tickHours(24 * 5);
    const letter = draft(h.send('没发 物流一点信息都没有'), 'platform');
    expect(letter).toContain('我的诉求：换货');
    expect(letter).toContain('我接受了这个方案');
    expect(letter).toContain('前发货');
    expect(letter).toContain('我没有收到卖家答应发出的商品');
    expect(letter).not.toContain('低于我的诉求');
    expect(letter).not.toContain('部分处理');
  });

  it('accepting by the button reads the same in the letter', () => {
    const h = offered();
    h.choose('nextStep', 'acceptOffer');
    const letter = draft(h.send('申请平台介入'), 'platform');
    expect(letter).toContain('我接受了这个方案');
    expect(letter).not.toContain('低于我的诉求');
    // The agreement is the offer's line, not a second "同意处理" beside it.
    expect(letter).not.toContain('同意处理');
  });

  it('turning it down still says it fell short', () => {
    const h = offered();
    const letter = draft(h.send('我不接受，申请平台介入'), 'platform');
    expect(letter).toContain('我没有接受这个方案');
  });
});

describe("a seller's own dated time is their promise, not stalling", () => {
  // The nudge at the deadline: a refund promised is asked about first (its letter comes with the
  // buyer's "not kept"); a time to answer or to handle it hands over the letter at once.
  const cases: [string, string, string, string][] = [
    ['客服又说要等质检，后天中午12点前给我回复', '2026-12-03T04:00:00.000Z', '12月3日 12:00', 'nudge.seller_promise'],
    ['他又说复检大概需要两个工作日，出了结果再答复我', '2026-12-03T01:00:00.000Z', '12月3日 09:00', 'nudge.seller_promise'],
    ['店家回我：“已经提交了，预计4-6个工作日退回原账户”', '2026-12-09T01:00:00.000Z', '12月9日 09:00', 'nudge.refund_promise'],
  ];
  for (const [words, deadline, shown, nudged] of cases) {
    it(`"${words}": the seller's deadline, no firmer letter with a deadline of the bot's`, () => {
      const h = opened('拼多多订单 261125-558820194736015，买的儿童自行车少了一个脚踏板，要求补发');
      const out = h.send(words);
      expect(keys(out)).toEqual(['promise.set']);
      expect(keys(out)).not.toContain('seller.stalls');
      expect(out.some((m) => m.kind === 'draft')).toBe(false);
      const promise = h.state.active!.reminders.find((r) => r.reason === 'seller_promise');
      expect(promise?.deadline).toBe(deadline);
      expect(reasons(h)).not.toContain('reply_deadline');
      // When it passes, the letter (at once, or after the buyer's "not kept") cites the seller's own time.
      const nudge = h.tickHours(24 * 10);
      expect(keys(nudge)[0]).toBe(nudged);
      const letter = draft(nudged === 'nudge.seller_promise' ? nudge : h.choose('nextStep', 'promiseNotKept'), 'platform');
      expect(letter).toContain(shown);
      expect(letter).not.toContain('没有做到');
    });
  }
});

describe('a promise to handle or answer, when it passes', () => {
  it('the nudge hands over the platform letter, which says the time passed and no more', () => {
    const h = opened('抖音订单 6940018273645501777，买的台灯一开就闪，想退款');
    h.send('客服说48小时内给我处理');
    const nudge = h.tickHours(49);
    expect(keys(nudge)[0]).toBe('nudge.seller_promise');
    const letter = draft(nudge, 'platform');
    expect(letter).toContain('卖家答应的期限已过');
    expect(letter).not.toContain('没有做到');
  });
});

describe('a shipment promised, when it passes', () => {
  it('a reshipment that came but was wrong is kept only in part, not the case solved', () => {
    const h = opened('淘宝订单 4012837765120938999，买的拼图少了两块，要补发');
    expect(keys(h.send('客服说三天内给您补发'))).toEqual(['promise.set']);
    expect(keys(h.tickHours(24 * 4))).toEqual(['nudge.ship_promise']);
    const out = h.send('补发的到了，不过是别的款的，拼不上');
    expect(keys(out)).not.toContain('resolved');
    expect(keys(out)).toContain('promiseCheck.partly');
    const letter = draft(out, 'platform');
    expect(letter).toContain('前发货');
    expect(letter).toContain('卖家只做到了一部分');
    expect(h.state.active).not.toBeNull();
  });

  it('"现在怎么办" before answering: the question again, no letter', () => {
    const h = opened('淘宝订单 4012837765120938999，买的拼图少了两块，要补发');
    h.send('客服说三天内给您补发');
    h.tickHours(24 * 4);
    expect(keys(h.send('现在怎么办'))).toEqual(['promiseCheck.first']);
  });

  it('kept: no letter; what came of it is asked, with "resolved" offered', () => {
    const h = opened('淘宝订单 4012837765120938999，买的拼图少了两块，要补发');
    h.send('客服说三天内给您补发');
    h.tickHours(24 * 4);
    const out = h.choose('nextStep', 'promiseKept');
    expect(keys(out)).toEqual(['promiseCheck.kept']);
    expect(out[0]!.options!.map((o) => o.value)).toEqual(['resolved']);
  });
});
