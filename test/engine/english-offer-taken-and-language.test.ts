/**
 * An English-writing buyer's case that develops: the seller's Chinese words pasted after "the shop
 * answered:" are quoted in the letter, the buyer's "only wore them twice" answers a blame of wear, a
 * repair offered and taken in the same message is an accepted offer, and "got it back repaired, looks
 * good" closes the case. And the reply language comes from real words, not a platform's nickname.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';
import type { Outbound } from '../../src/domain/index.ts';

const keys = (out: Outbound[]) => out.map((m) => m.key);

function refusedCase(h: EngineHarness, reply: string): Outbound[] {
  h.send('I bought hiking boots on Taobao, order 330298374650199, paid 459 yuan. The heel stitching split after a week. I want an exchange.');
  h.advance(60 * 10);
  return h.send(reply);
}

describe('the seller\'s Chinese words inside an English message', () => {
  it.each([
    'The shop answered: 亲，鞋子是正常穿着磨损，不属于质量问题，不支持换货',
    'Seller support replied: 亲，鞋子是正常穿着磨损，不属于质量问题，不支持换货',
    'Customer service said: 亲，鞋子是正常穿着磨损，不属于质量问题，不支持换货',
  ])('"%s" keeps the words in the platform letter', (reply) => {
    const h = new EngineHarness('2026-11-27T08:00:00+08:00');
    const out = refusedCase(h, reply);
    const letter = drafts(out, 'platform')[0]!.text;
    expect(letter).toContain('答复：“亲，鞋子是正常穿着磨损，不属于质量问题，不支持换货”');
    expect(letter).not.toContain('卖家答复：拒绝处理。');
  });

  it.each([
    ['I have only worn them twice, just walking on normal streets.', '我只穿用过很少几次，我是正常使用的'],
    ['I only wore them three times. Ridiculous.', '我只穿用过很少几次'],
    ['我才穿了两次', '我只穿用过很少几次'],
  ])('the buyer\'s answer "%s" joins the next letter as their statement', (answer, statement) => {
    const h = new EngineHarness('2026-11-27T08:00:00+08:00');
    refusedCase(h, 'The shop answered: 亲，鞋子是正常穿着磨损，不属于质量问题，不支持换货');
    h.advance(5);
    const out = h.send(answer);
    expect(keys(out)).toContain('rebuttal.noted');
    expect(drafts(out, 'platform')[0]!.text).toContain(`对卖家的说法，我的说明是：${statement}。`);
  });
});

describe('a repair offered and taken in the same message', () => {
  it.each([
    'The platform said they can repair them for free. I wanted a new pair but ok, repair is fine.',
    'Platform offered a free repair, fine by me.',
    '平台说可以免费给我修，我本来想换新的，不过修也行',
  ])('"%s" is an accepted offer: the wish becomes the repair, no menu', (text) => {
    const h = new EngineHarness('2026-11-27T08:00:00+08:00');
    refusedCase(h, 'The shop answered: 亲，鞋子是正常穿着磨损，不属于质量问题，不支持换货');
    h.advance(60 * 24);
    const out = h.send(text);
    expect(keys(out)).toContain('seller.agreesRepair');
    expect(keys(out)).not.toContain('confirm.reply');
    expect(keys(out)).not.toContain('seller.counterOffer');
    expect(h.state.active!.slots.wants).toBe('repair');
  });

  it.each(['Got them back repaired, all good now, thanks', 'They came back fixed and it looks fine now.'])(
    '"%s" then closes the case as solved',
    (text) => {
      const h = new EngineHarness('2026-11-27T08:00:00+08:00');
      refusedCase(h, 'The shop answered: 亲，鞋子是正常穿着磨损，不属于质量问题，不支持换货');
      h.advance(60 * 24);
      h.send('Platform offered a free repair, fine by me.');
      h.advance(60 * 24 * 5);
      expect(keys(h.send(text))).toContain('resolved');
      expect(h.state.active).toBeNull();
      const cases = h.command('cases').map((m) => m.text).join('\n');
      expect(cases).toMatch(/\| (?:resolved|sorted)/);
      expect(cases).not.toContain('| open');
    },
  );

  it('an offer turned down in the same words stays an offer to decide on', () => {
    const h = new EngineHarness('2026-11-27T08:00:00+08:00');
    refusedCase(h, 'The shop answered: 亲，鞋子是正常穿着磨损，不属于质量问题，不支持换货');
    h.advance(60 * 24);
    const out = h.send("The platform said they can repair them, but I don't accept that, I want an exchange.");
    expect(keys(out)).not.toContain('seller.agreesRepair');
    expect(h.state.active!.slots.wants).toBe('exchange');
  });
});

describe('the reply language of a first message with no real words', () => {
  it.each(['pdd', 'JD', 'taobao', '261128-093847561029384', 'SF1432098765'])('"%s" then Chinese is answered in Chinese', (first) => {
    const h = new EngineHarness('2026-12-01T21:00:00+08:00');
    h.send(first);
    h.advance(1);
    const out = h.send('买的卫衣洗了一次就掉色');
    expect(out[0]!.text).toMatch(/[\u4e00-\u9fff]/);
    expect(h.state.locale).not.toBe('en');
  });

  it('a first message in English words is still answered in English', () => {
    const h = new EngineHarness('2026-12-01T21:00:00+08:00');
    h.send('pdd order, the hoodie faded');
    expect(h.state.locale).toBe('en');
  });
});
