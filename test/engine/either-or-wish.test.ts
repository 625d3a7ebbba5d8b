/**
 * A wish with an alternative ("要么换要么退", "换或者退都行") is one wish with its fallback, never
 * "另外要求 要么退"; a seller's offer the buyer turns down in the same breath is on the record with
 * its reason and the refusal. Every sentence here is invented for these tests.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';

function following(first: string): EngineHarness {
  const h = new EngineHarness('2026-12-03T09:00:00+08:00');
  h.send(first);
  expect(h.state.active!.phase).toBe('following');
  h.advance(120);
  return h;
}

const sellerLetter = (h: EngineHarness, text: string) => drafts(h.send(text), 'seller')[0]?.text ?? '';

describe('an either-or wish', () => {
  it.each([
    ['要么换要么退，你们看着办', '我希望换货；如无法换货，退货退款 259 元。'],
    ['换一个新的或者退也行', '我希望换货；如无法换货，退货退款 259 元。'],
    ['换或者退款都行', '我希望换货；如无法换货，退款 259 元。'],
  ])('"%s" is the wish with its fallback', (said, line) => {
    const h = following('天猫订单 4815162342108877665，买的台式风扇摇头卡住不转，259元，要换货');
    const out = h.send(said);
    const text = out.map((m) => m.text).join('\n');
    expect(text).not.toContain('另外要求');
    expect(text).not.toContain('另外，');
    const letter = drafts(out, 'seller')[0]?.text ?? sellerLetter(h, '重新发一下给卖家的文本');
    expect(letter).toContain(line);
  });

  it('"修或换都行" after a repair asked: the exchange is the fallback', () => {
    const h = following('京东订单 30291847561，买的吸尘器用了三天吸力很弱，要维修');
    const letter = sellerLetter(h, '修或换都行');
    expect(letter).toContain('我希望维修；如无法维修，换货。');
  });
});

describe('an offer turned down beside the wish', () => {
  it.each([
    ['店家说这款没货了，送我一张30元代金券', '不要券，要么换要么退', '没货了'],
    ['店家回复说没有库存了，补我一张15元优惠券', '券我不要，换货或者退货都行', '没有库存了'],
  ])('"%s" then "%s": the reason, the offer and the refusal are in the platform letter', (offer, answer, reason) => {
    const h = following('淘宝订单 5820137946120458733，买的运动外套袖口开线了，要换货');
    h.send(offer);
    const out = h.send(answer);
    const letter = drafts(out, 'platform')[0]?.text ?? drafts(h.send('申请平台介入'), 'platform')[0]!.text;
    expect(letter).toMatch(new RegExp(`卖家称[^，。]*${reason}，[^。]*券[^。]*。我没有接受这个方案。`));
    expect(letter).toContain('换货；如无法换货，退货退款');
  });
});
