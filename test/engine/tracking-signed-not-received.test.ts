/**
 * A parcel the tracking shows as signed for, which the buyer never got: the day recorded is the
 * tracking's, and no letter says the buyer signed for it. A buyer who says a letter states a
 * wrong fact gets the corrected letter, or the question which line is wrong, never "use that one".
 * Every sentence here is invented for these tests.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';
import { caseFileContent } from '../../src/casefile/index.ts';
import type { Outbound } from '../../src/domain/index.ts';

const ORDER = '308811224466';
const keys = (out: Outbound[]) => out.map((m) => m.key);
const text = (out: Outbound[]) => out.map((m) => m.text).join('\n');

/** A not-received case opened in English, taken to the 12315 letter. */
function toRegulator(opening: string): { h: EngineHarness; letter: string } {
  const h = new EngineHarness('2026-11-23T10:00:00+08:00');
  h.send(opening);
  h.advance(60);
  const letter = drafts(h.send('I want to file a 12315 complaint'), 'regulator')[0]!.text;
  return { h, letter };
}

describe('a delivery the tracking shows but the buyer never got', () => {
  it.each([
    `Bought a desk lamp on JD, order ${ORDER}. The tracking says it was delivered on Nov 20 but nothing ever reached me. I want a refund.`,
    `JD order ${ORDER}: courier marked it delivered on Nov 19, I never received the blender. Refund please.`,
    `Order ${ORDER} on JD, a pair of running shoes. Status shows delivered on 21 Nov, but I haven't got anything. I'd like a refund.`,
  ])('the 12315 letter says the tracking shows it signed for, not that I signed: %s', (opening) => {
    const { h, letter } = toRegulator(opening);
    const day = h.state.active!.slots.receivedOn;
    expect(day).toMatch(/^2026-11-(19|20|21)$/);
    const zh = `2026年11月${Number(day!.slice(8))}日`;
    expect(letter).toContain(`物流显示${zh}已签收（本人未收到）`);
    expect(letter).not.toContain('我签收了');
    expect(letter).not.toMatch(/I signed for the goods/);
  });

  it.each([
    `京东订的剃须刀，订单号 ${ORDER}，物流上写着11月20号签收了，可我压根没拿到东西，要退款`,
    `订单 ${ORDER} 京东的空气炸锅 物流说11月19日送达了 家里没见到东西 退款`,
    `京东订单 ${ORDER}，显示签收了但我没收到，签收时间是11月21号，想退款`,
  ])('Chinese: no letter says I signed for it (%s)', (opening) => {
    const h = new EngineHarness('2026-11-23T10:00:00+08:00');
    h.send(opening);
    h.advance(60);
    const letter = drafts(h.send('我要去12315投诉'), 'regulator')[0]!.text;
    expect(letter).not.toContain('我签收了');
    const day = h.state.active!.slots.receivedOn;
    expect(day).toMatch(/^2026-11-(19|20|21)$/);
    expect(letter).toContain(`物流显示2026年11月${Number(day!.slice(8))}日已签收（本人未收到）`);
  });

  it('the note of what was recorded names the day as the tracking\'s', () => {
    const h = new EngineHarness();
    const out = h.send(`Ordered a kettle on JD, order ${ORDER}. Tracking says delivered on Nov 20 but I never got it. I want a refund.`);
    expect(text(out)).toContain('date the tracking shows it delivered');
    expect(text(h.command('status'))).toContain('date the tracking shows it delivered');
  });

  it('the case file calls the day the tracking\'s', () => {
    const h = new EngineHarness();
    h.send(`京东订单 ${ORDER}，买的电饭煲，物流显示11月20日已签收，我没收到，要退款`);
    const content = caseFileContent(h.state.active!, { locale: 'zh-CN', timezone: 'Asia/Shanghai', now: h.now });
    const labels = content.facts.rows.map((r) => r.label);
    expect(labels).toContain('物流显示签收日期');
    expect(labels).not.toContain('签收日期');
  });

  it('goods the buyer did receive keep "I signed for them" in the 12315 letter', () => {
    const h = new EngineHarness();
    h.send(`京东买的电热水壶，订单号 ${ORDER}，11月20日签收的，用了两天底座就烧焦了，想退货退款`);
    h.advance(60);
    const letter = drafts(h.send('我要去12315投诉'), 'regulator')[0]!.text;
    expect(letter).toContain('我签收了该订单的商品');
  });
});

describe('the buyer says the letter states something wrong', () => {
  it.each([
    'wait, the 12315 text is wrong, I never signed for anything',
    "the letter you gave me isn't right",
    '投诉书里写的不对',
    '你给的文本写错了',
    '我根本没签收，你写错了',
    'you wrote that I signed for it, that is wrong',
  ])('an unchanged letter: which line is wrong, not "use that one" (%s)', (objection) => {
    const { h } = toRegulator(`JD order ${ORDER}: a toaster. Tracking shows delivered on Nov 20, I never received it. I want a refund.`);
    const out = h.send(objection);
    expect(keys(out)).toContain('draft.whichFact');
    expect(keys(out)).not.toContain('draft.sameAbove');
    expect(drafts(out)).toHaveLength(0);
  });

  it('a letter the record now reads differently is handed over corrected', () => {
    const { h } = toRegulator(`JD order ${ORDER}: a toaster. Tracking shows delivered on Nov 20, I never received it. I want a refund.`);
    // The letter handed over was written from an older record: the wish changed since.
    h.state.active!.slots.wants = 'return_refund';
    const out = h.send('the 12315 text is wrong');
    expect(keys(out)).toContain('draft.objectionRewritten');
    expect(drafts(out, 'regulator')).toHaveLength(1);
  });

  it('asking for the 12315 text again, with no objection, still points to the one just given', () => {
    const { h } = toRegulator(`JD order ${ORDER}: a toaster. Tracking shows delivered on Nov 20, I never received it. I want a refund.`);
    expect(keys(h.send('12315 complaint text please'))).toContain('draft.sameAbove');
  });
});
