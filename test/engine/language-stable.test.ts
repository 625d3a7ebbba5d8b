/**
 * Language and foreign platforms (trial 2): a buyer who mixes English into Chinese keeps Chinese
 * replies; a platform named outside the list is not asked for again; "tracking says delivered" is
 * not written as a late parcel.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';

describe('one reply language', () => {
  it('a Chinese conversation stays Chinese through short English and mixed messages', () => {
    const h = new EngineHarness();
    h.send('订单号 39201847561029384，买的台灯灯罩裂了，想退款');
    expect(h.state.locale).toBe('zh-CN');
    h.send('still waiting');
    expect(h.state.locale).toBe('zh-CN');
    h.send('the seller said ok, 一会儿退');
    expect(h.state.locale).toBe('zh-CN');
    h.send('The seller has not replied to any of my messages for two days now');
    expect(h.state.locale).toBe('en');
  });
});

describe('a platform outside the list', () => {
  it('is not asked for again when the case reaches the platform', () => {
    const h = new EngineHarness();
    h.send('I ordered a phone case on AliExpress, order 8190023456781234. It arrived cracked. I want a refund.');
    expect(h.state.active!.slots.platform).toBe('other');
    const out = h.send('platform intervention please');
    expect(out.map((m) => m.key)).not.toContain('guide.ask');
    expect(drafts(out, 'platform')).toHaveLength(1);
  });

  it('"tracking says delivered" is written as signed for but not received', () => {
    const h = new EngineHarness();
    // A platform abroad: the letter is in the buyer's language (named-platforms.test.ts).
    const out = h.send('Order 8190023456781234 on AliExpress: tracking says delivered, but nothing came. Refund please');
    const body = drafts(out, 'seller')[0]!.body!;
    expect(body).toContain('the tracking shows the parcel as delivered, but I did not receive it');
    expect(body).not.toMatch(/late|迟迟/);
  });
});

describe('the English gloss of a Chinese letter', () => {
  it('says what the Chinese letter says: the description, the buyer\'s English words kept on the case, not in the letter', () => {
    const h = new EngineHarness();
    const out = h.send('Order 8190023456781234 on Taobao: tracking says delivered, but nothing came. Refund please');
    const draft = drafts(out, 'seller')[0]!;
    expect(draft.body).toContain('物流显示已签收，但我本人没有收到商品');
    expect(draft.text).toContain('The problem: the tracking shows the parcel as delivered, but I did not receive it.');
    expect(draft.body).not.toMatch(/nothing came/);
  });
});

describe('an English conversation', () => {
  it('stays English when the buyer passes on the seller\'s Chinese words, and switches on a Chinese sentence', () => {
    const h = new EngineHarness();
    h.send('I bought a rice cooker on JD, order 85520193746, the lid hinge snapped on day two');
    expect(h.state.locale).toBe('en');
    h.send('Their support wrote back: 亲，这个需要寄回检测');
    expect(h.state.locale).toBe('en');
    h.send('the shop replied "不支持退货" in the chat');
    expect(h.state.locale).toBe('en');
    h.send('OK 算了我还是用中文说吧，我想退货退款');
    expect(h.state.locale).toBe('zh-CN');
  });

  it('after a Chinese line, an English message quoting the seller\'s Chinese is answered in English, with the letter\'s translation', () => {
    const h = new EngineHarness();
    h.send('Bought a desk fan on Tmall, order 66120938475521, the blades hit the guard and it rattles. I want a refund.');
    expect(h.state.locale).toBe('en');
    h.send('扇叶碰到网罩，一开就响');
    expect(h.state.locale).toBe('zh-CN');
    h.advance(120);
    const out = h.send('The shop answered "风扇没有质量问题，不支持退款" so they refuse. I do not accept that');
    expect(h.state.locale).toBe('en');
    const letter = drafts(out, 'platform')[0]!;
    expect(letter.body).toMatch(/\p{Script=Han}/u);
    expect(letter.text).toContain('English translation');
  });

  it('a mostly English message with a short Chinese phrase in it keeps an English conversation English', () => {
    const h = new EngineHarness();
    h.send('Ordered a kettle on JD, order 55120938475522, the lid will not close. Refund please.');
    h.send('I wrote the problem in Chinese for you: 盖子关不上 — please use it in the letter');
    expect(h.state.locale).toBe('en');
  });
});
