/**
 * Trial 7 (s03, s12, s01): an offer blamed on the courier keeps the seller's reason in the buyer's
 * own words (not "blamed the courier") and its condition; a promise the buyer quoted is quoted in
 * the letters too, not only in the case file.
 */
import { describe, expect, it } from 'vitest';
import { caseFileContent } from '../../src/casefile/content.ts';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';

function fileLines(h: EngineHarness): string {
  const f = caseFileContent(h.state.active!, { locale: 'zh-CN', timezone: 'Asia/Shanghai', now: h.now });
  return f.timeline.entries.flatMap((e) => [e.text, ...e.details]).join('\n');
}

/** A buyer reports the problem, then the seller's offer an hour later, and turns it down: the case and the platform letter. */
function offerTurnedDown(user: string, first: string, offer: string): { h: EngineHarness; letter: string } {
  const h = new EngineHarness('2026-08-10T15:00:00+08:00', user);
  h.send(first);
  h.advance(60);
  h.send(offer);
  h.advance(5);
  return { h, letter: drafts(h.send('不接受'), 'platform')[0]!.text };
}

describe('a partial offer with the courier blamed', () => {
  it('the reason said second is recorded in the buyer\'s words, beside the offer', () => {
    const { h, letter } = offerTurnedDown('u-plates', '淘宝订单 5520391847726610，一箱10个盘子只到了7个，还裂了两个，想退款', '店家说只能给你退四成，说是物流压坏的跟店里没关系');
    const file = fileLines(h);
    expect(file).toContain('卖家给的理由（据买家转述）：是物流压坏的跟店里没关系');
    expect(file).not.toContain('卖家称问题是快递造成的');
    expect(letter).toContain('“只能给你退四成”');
    expect(letter).toContain('卖家称是物流压坏的跟店里没关系。');
  });

  it('the condition of the offer stays on the record and in the letter', () => {
    const { h, letter } = offerTurnedDown('u-kettle', '淘宝订单 5520391847726611，买的电水壶到手外壳摔变形了，想退款', '卖家说是快递摔的不关他们事，可以补偿我15元，但是要我先撤销投诉');
    const entry = h.state.active!.timeline.find((e) => e.type === 'seller_counter_offer')!;
    expect(entry.note.split(' ')).toEqual(expect.arrayContaining(['withdraw', 'complaint', 'blames_courier']));
    expect(entry.reason).toBe('可以补偿我15元');
    const file = fileLines(h);
    expect(file).toContain('卖家提出的方案（买家转述）：可以补偿我15元');
    expect(file).toContain('条件：买家撤销投诉');
    expect(file).toContain('卖家给的理由（据买家转述）：是快递摔的不关他们事');
    expect(letter).toContain('卖家提出可以补偿我15元，条件是我撤销投诉。卖家称是快递摔的不关他们事。');
  });
});

describe('a promise the buyer quoted', () => {
  it('the platform letter quotes the seller\'s words with the deadline', () => {
    const h = new EngineHarness('2026-08-10T15:00:00+08:00', 'u-lamp');
    h.send('淘宝订单 5520391847726612，买的台灯用了三天就不亮了，想退款');
    h.advance(30);
    h.send('客服回复：“亲，三天内一定给您一个处理结果”');
    const out = h.tickHours(80);
    const letter = [...drafts(out, 'platform'), ...drafts(h.send('申请平台介入'), 'platform')][0]!.text;
    expect(letter).toMatch(/卖家答应在[^，]+前处理或答复，答复：“亲，三天内一定给您一个处理结果”/);
  });

  it('a promise told in the buyer\'s words is not put in quotes', () => {
    const h = new EngineHarness('2026-08-10T15:00:00+08:00', 'u-lamp2');
    h.send('淘宝订单 5520391847726613，买的台灯用了三天就不亮了，想退款');
    h.advance(30);
    h.send('卖家说三天内给处理结果');
    const out = h.tickHours(80);
    const letter = [...drafts(out, 'platform'), ...drafts(h.send('申请平台介入'), 'platform')][0]!.text;
    expect(letter).toMatch(/卖家答应在[^，]+前处理或答复。/);
    expect(letter).not.toContain('答复：“');
  });
});
