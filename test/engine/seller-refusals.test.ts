/**
 * Refusals and counter-offers read for what they are (buyer trial 4, section 6): a demand for
 * evidence the buyer says they do not have is a refusal in effect, and a coupon offered instead
 * of the money asked is a counter-offer.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';
import type { Outbound } from '../../src/domain/index.ts';

const ORDER = '4419027736510298374';
const keys = (out: Outbound[]) => out.map((m) => m.key);

describe('a condition the buyer cannot meet', () => {
  it('"没有开箱视频就不给换" from a buyer who filmed nothing: a refusal with its reason, the platform letter, and the no-video advice', () => {
    const h = new EngineHarness('2026-12-03T10:00:00+08:00');
    h.send(`快手订单 ${ORDER}，充电宝充不进电，想换一个`);
    const out = h.send('商家非要开箱视频，没有视频就不给换，我拆的时候根本没拍');
    expect(keys(out)).toContain('seller.refuses');
    expect(keys(out)).toContain('answer.ask_no_unboxing_video');
    expect(h.state.active).toMatchObject({ phase: 'following', rung: 'platform' });
    const letter = drafts(out, 'platform')[0]!.text;
    expect(letter).toContain('卖家拒绝处理，称没有视频就不给换');
  });

  it('a demand for evidence the buyer can still supply stays a request for evidence', () => {
    const h = new EngineHarness('2026-12-03T10:00:00+08:00');
    h.send(`快手订单 ${ORDER}，充电宝充不进电，想换一个`);
    const out = h.send('商家说要先拍个视频给他看看');
    expect(keys(out)).not.toContain('seller.refuses');
    expect(h.state.active).toMatchObject({ phase: 'following', rung: 'seller' });
  });
});

describe('a coupon instead of the money asked', () => {
  it('is a counter-offer: the accept-or-platform choice, on the record', () => {
    const h = new EngineHarness('2026-12-03T10:00:00+08:00');
    h.send(`拼多多订单 ${ORDER}，空气净化器买完第二天降了80元，想退差价80元`);
    const out = h.send('卖家说已经过了价保期，送我一张15元店铺券');
    expect(keys(out)).toContain('seller.counterOffer');
    expect(h.state.active!.timeline.at(-1)!.type).toBe('seller_counter_offer');
  });
});

describe('the buyer turns the offer down in their own words', () => {
  it('"券我不要，我要退差价": the platform draft, with what the seller offered in the record', () => {
    const h = new EngineHarness('2026-12-03T10:00:00+08:00');
    h.send(`拼多多订单 ${ORDER}，空气净化器买完第二天降了80元，想退差价80元`);
    h.send('卖家说已经过了价保期，送我一张15元店铺券');
    const out = h.send('券我不要，我要退差价');
    expect(keys(out)).toContain('escalate.platform');
    const letter = drafts(out, 'platform')[0]!.text;
    expect(letter).toContain('卖家只同意部分处理，低于我的诉求（卖家称已经过了价保期，送我一张15元店铺券）');
    expect(letter).toContain('我的诉求：部分退款 80 元');
  });
});
