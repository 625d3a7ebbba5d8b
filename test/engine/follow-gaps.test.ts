/**
 * Following a case where the record holds more than the last message: a counter-offer still
 * open when the buyer asks what now, a seller promise given on an earlier day, and a middling
 * seller reading confirmed while the three elements are still being asked for.
 */
import { describe, expect, it } from 'vitest';
import { ACT_CONFIDENCE, CONFIRM_CONFIDENCE } from '../../src/nlu/confidence.ts';
import { emptyExtraction } from '../../src/nlu/index.ts';
import { freshState } from '../../src/engine/engine.ts';
import { openCase } from '../../src/engine/case.ts';
import { confirmReply, readReport } from '../../src/engine/reports.ts';
import { mergeExtraction } from '../../src/engine/slots.ts';
import { Turn } from '../../src/engine/turn.ts';
import { EngineHarness, drafts, questions } from '../helpers/engine-harness.ts';
import type { Outbound } from '../../src/domain/index.ts';

const ORDER = '6307418259031746285';
const keys = (out: Outbound[]) => out.map((m) => m.key);

function opened(h = new EngineHarness()): EngineHarness {
  h.send(`拼多多订单 ${ORDER}，电饭煲用了两次就不加热了，想退货退款`);
  expect(h.state.active!.phase).toBe('following');
  return h;
}

/** A counter-offer on the record (confirmed when the reading was middling). */
function offered(h: EngineHarness): void {
  const out = h.send('卖家说只能给我补偿5块钱');
  if (out.some((m) => m.key === 'confirm.reply')) h.choose('confirmReply', 'counter_offer');
  expect(h.state.active!.timeline.at(-1)!.type).toBe('seller_counter_offer');
}

describe('a counter-offer stays the open question', () => {
  it('"怎么办" after a counter-offer asks the buyer to accept it or go to the platform, not to keep waiting', () => {
    const h = opened();
    offered(h);
    const out = h.send('那我该怎么办');
    expect(keys(out)).toEqual(['next.sellerOffer']);
    expect(out[0]!.options!.map((o) => o.value)).toEqual(['acceptOffer', 'platform']);
    // Accepting it is the seller's agreement on the record; "怎么办" then follows the agreement.
    h.choose('nextStep', 'acceptOffer');
    expect(h.state.active!.timeline.at(-1)!.type).toBe('seller_agreed');
    expect(keys(h.send('怎么办'))).not.toContain('next.sellerOffer');
  });

  it('the draft\'s reply deadline passing after a counter-offer says the offer is open, not that the seller was silent', () => {
    const h = opened();
    offered(h);
    const out = h.tickHours(80);
    expect(out[0]).toMatchObject({ kind: 'nudge', key: 'nudge.offer_open' });
    expect(drafts(out, 'platform')).toHaveLength(1);
  });
});

describe('a seller promise given on an earlier day', () => {
  it('"客服昨天说…48小时内" is counted from yesterday, marked approximate, and recorded with its day', () => {
    const h = opened(new EngineHarness('2026-11-24T10:00:00+08:00'));
    const out = h.send('客服昨天说48小时内给我答复');
    expect(keys(out)).toContain('promise.set');
    const due = h.due.get('c1-seller_promise')!;
    // Yesterday (11-23) at about this hour + 48 h = 11-25, not 11-26.
    expect(due.toISOString().slice(0, 10)).toBe('2026-11-25');
    const entry = h.state.active!.timeline.find((e) => e.type === 'seller_promise')!;
    expect(entry.happenedAt).toBe('2026-11-23');
  });

  it('a promise whose time ran out before it was told sets no reminder and offers the next step', () => {
    const h = opened(new EngineHarness('2026-11-26T10:00:00+08:00'));
    const out = h.send('卖家前天说24小时内处理');
    expect(keys(out)).toEqual(['promise.passed']);
    expect(out[0]!.options!.map((o) => o.value)).toEqual(['platform', 'resolved']);
    expect(h.due.has('c1-seller_promise')).toBe(false);
    expect(drafts(h.choose('nextStep', 'platform'), 'platform')).toHaveLength(1);
  });

  it('a promise told today still runs from now', () => {
    const h = opened();
    h.send('客服说24小时内给我答复');
    expect(h.due.get('c1-seller_promise')!.getTime() - h.now.getTime()).toBe(24 * 3600_000);
  });
});

describe('a middling seller reading while collecting', () => {
  it('keeps the buyer\'s quote beside the pending question until the buyer confirms it', () => {
    const now = new Date('2026-11-23T10:00:00+08:00');
    const turn = new Turn(freshState('u1'), now, { timezone: 'Asia/Shanghai' });
    openCase(turn);
    const middle = (CONFIRM_CONFIDENCE + ACT_CONFIDENCE) / 2;
    const e = { ...emptyExtraction(), sellerReply: 'refuses' as const, evidence: { sellerReply: { span: '', confidence: middle, alternative: 'stalls' } } };
    const { held } = readReport(turn, e, '客服回我：“这种情况我们处理不了”');
    expect(held).not.toBeNull();
    turn.pend('orderId');
    turn.push({ kind: 'question', key: 'ask.orderId', slot: 'orderId', text: '订单号？' });
    confirmReply(turn, held!);
    expect(turn.out.map((m) => m.key)).toEqual(['confirm.reply', 'ask.orderId']);
    expect(turn.state.pending!.slot).toBe('orderId');

    // The button press, through the engine, puts the reply on the record with the quote.
    const h = new EngineHarness();
    h.state = turn.state;
    const out = h.choose('confirmReply', 'refuses');
    const refused = h.state.active!.timeline.find((x) => x.type === 'seller_refused')!;
    expect(refused.quote).toBe('这种情况我们处理不了');
    // The question still waits.
    expect(questions(out)[0]!.slot).toBe('orderId');
  });
});

describe('a tentative reading', () => {
  it('gives way to the buyer\'s next clear statement, so the letter states what the buyer said', () => {
    const h = new EngineHarness();
    h.send('my parcel has a problem');
    h.send(`order number ${ORDER}`);
    h.send('the kettle lid arrived cracked');
    const out = h.send('I want a refund');
    const seller = drafts(out, 'seller')[0]!;
    expect(h.state.active!.slots.problem).toBe('damaged');
    // English words stay in the record; the Chinese letter (and its translation) states the problem read from them.
    expect(h.state.active!.slots.problemText).toContain('the kettle lid arrived cracked');
    expect(seller.body).toContain('商品在运输中损坏');
    expect(seller.text).toContain('the item was damaged in transit');
    expect(h.state.active!.tentative ?? []).not.toContain('problem');
  });

  it('a reading the buyer confirmed with a button is no longer replaced by a later middling one', () => {
    const h = new EngineHarness();
    h.send(`订单号 ${ORDER}`);
    h.choose('problem', 'quality');
    expect(h.state.active!.tentative ?? []).toEqual([]);
    expect(h.state.active!.slots.problem).toBe('quality');
  });
});

describe('tentative readings (hand-built confidences)', () => {
  it('middling → tentative; a sure different reading replaces it; a sure restatement confirms it', () => {
    const t = new Turn(freshState('u1'), new Date('2026-11-23T10:00:00+08:00'), { timezone: 'Asia/Shanghai' });
    const c = openCase(t);
    const middle = (CONFIRM_CONFIDENCE + ACT_CONFIDENCE) / 2;
    const read = (problem: 'not_received' | 'damaged', confidence: number) => ({ ...emptyExtraction(), problem, evidence: { problem: { span: '', confidence } } });
    mergeExtraction(c, read('not_received', middle), '包裹有点问题', { replace: new Set() });
    expect(c.slots.problem).toBe('not_received');
    expect(c.tentative).toEqual(['problem']);
    // Another middling reading does not replace a tentative one.
    mergeExtraction(c, read('damaged', middle), '好像坏了', { replace: new Set() });
    expect(c.slots.problem).toBe('not_received');
    const m = mergeExtraction(c, read('damaged', ACT_CONFIDENCE), '壶盖到手就裂了', { replace: new Set() });
    expect(m.changed).toEqual(['problem']);
    expect(c.slots.problem).toBe('damaged');
    expect(c.slots.problemText).toBe('壶盖到手就裂了');
    expect(c.tentative).toBeUndefined();
    // Once sure, a later sure reading of something else needs a correction to replace it.
    mergeExtraction(c, read('not_received', ACT_CONFIDENCE), '快递还没到', { replace: new Set() });
    expect(c.slots.problem).toBe('damaged');
  });
});
