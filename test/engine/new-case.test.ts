/**
 * A second bad order while the first case is still open (trial 10 finding 18, trial 14 F11): /new,
 * or saying so in words, parks the open case, followed still, its reminders standing, and says so
 * in one line; nothing is asked first, since nothing is lost. A `confirmNew` button from a document
 * stored when /new archived is still answered. Only /cancel cancels; an archived summary stays
 * "archived, unresolved".
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, questions } from '../helpers/engine-harness.ts';
import { pdfText, squashed } from '../helpers/casefile-story.ts';
import { renderFile } from '../../src/casefile/index.ts';
import { UserState, type Outbound } from '../../src/domain/index.ts';
import { decodeState, workingDoc } from '../../src/store/codec.ts';

const FIRST = '4410283756190284731';
const SECOND = '4410283756190299912';

/** A followed case on the platform rung: the seller offered less, the buyer refused, the platform letter was handed over. */
function escalated(start = '2026-12-01T09:00:00+08:00'): EngineHarness {
  const h = new EngineHarness(start);
  h.send(`京东订单 ${FIRST}，买的吸尘器用了两天就不转了，要求退货退款`);
  h.advance(180);
  h.send('客服说只能补偿我30块，不给退');
  h.advance(5);
  h.send('不要补偿，我要退货');
  expect(h.state.active!.phase).toBe('following');
  expect(h.due.size).toBeGreaterThan(0);
  return h;
}

const text = (out: Outbound[]) => out.map((m) => m.text).join('\n');
const fileOf = (out: Outbound[]) => out.find((m) => m.kind === 'file');

describe('/new while a case is open and unresolved', () => {
  it('parks it at once: no question, the case open with its reminders, said in one line', () => {
    const h = escalated();
    const due = [...h.due.keys()];
    const out = h.command('new');
    expect(questions(out).map((q) => q.slot)).toEqual(['orderId']);
    expect(text(out)).toMatch(new RegExp(`订单 ${FIRST}（.*）先放着，提醒照常；现在处理新的订单。`));
    expect(text(out)).not.toMatch(/存档|已取消/);
    expect(h.state.parked![0]).toMatchObject({ id: 'c1', phase: 'following', rung: 'platform' });
    expect(h.state.active!.id).toBe('c2');
    expect(h.state.closed).toEqual([]);
    expect([...h.due.keys()]).toEqual(due);
    const cases = text(h.command('cases'));
    expect(cases).toMatch(new RegExp(`c1｜订单 ${FIRST}.*｜进行中（先放着）`));
    expect(cases).not.toMatch(/已存档|已取消/);
  });

  it('/export names the case parked when the new one holds nothing yet, and /export c1 gives its whole file', async () => {
    const h = escalated();
    h.command('new');
    expect(text(h.command('export'))).toContain('/export c1');
    const m = fileOf(h.command('export', 'c1'))!;
    const pdf = squashed(pdfText((await renderFile(m.file!)).bytes));
    expect(pdf).toContain('补偿我30块');
    expect(pdf).not.toMatch(/已存档|已取消/);
  });

  it('a case with nothing in it is replaced without a question, as before', () => {
    const h = new EngineHarness();
    h.send('你好，想问个售后的事');
    expect(h.state.active).not.toBeNull();
    expect(questions(h.command('new')).at(-1)!.slot).toBe('orderId');
    expect(h.state.parked).toBeUndefined();
  });

  it('only /cancel cancels: /cases and the file say cancelled for it', async () => {
    const h = escalated();
    h.command('cancel');
    expect(h.state.closed[0]!.status).toBe('cancelled');
    expect(text(h.command('cases'))).toContain('已取消');
    const pdf = squashed(pdfText((await renderFile(fileOf(h.command('export', 'c1'))!.file!)).bytes));
    expect(pdf).toContain('案件已取消');
  });

  it('in English, the case is set aside the same way', () => {
    const h = new EngineHarness('2026-12-01T09:00:00+08:00');
    h.send(`Taobao order ${FIRST}: the kettle I got leaks from the base, I want a refund`);
    expect(h.state.locale).toBe('en');
    const out = h.command('new');
    expect(text(out)).toMatch(new RegExp(`Set aside: order ${FIRST} \\(.*kettle.*\\), its reminders standing`));
    expect(text(h.command('cases'))).toMatch(/open \(set aside\)/);
    expect(text(h.command('cases'))).not.toMatch(/cancel|archived/i);
  });
});

describe('a confirmNew button from a document stored when /new asked before archiving', () => {
  /** The state as such a version left it: the question pending, its menu open. */
  function asked(): EngineHarness {
    const h = escalated();
    const options = ['export', 'archive', 'keep'].map((value) => ({ value, label: value }));
    h.state = { ...h.state, pending: { slot: 'confirmNew', tries: 0, options: [], value: 'c1' }, menus: [{ slot: 'confirmNew', options, value: 'c1', question: true }] };
    return h;
  }

  it('"keep following" leaves the case as it was', () => {
    const h = asked();
    expect(h.choose('confirmNew', 'keep').map((m) => m.key)).toContain('confirmNew.kept');
    expect(h.state.active!.id).toBe('c1');
    expect(h.state.parked).toBeUndefined();
  });

  it('"archive" parks it now and opens the new case; "export" hands over its file first', () => {
    const h = asked();
    h.choose('confirmNew', 'archive');
    expect(h.state.parked!.map((c) => c.id)).toEqual(['c1']);
    expect(h.state.closed).toEqual([]);
    const g = asked();
    const out = g.choose('confirmNew', 'export');
    expect(fileOf(out)!.file!.source.case.id).toBe('c1');
    expect(g.state.parked!.map((c) => c.id)).toEqual(['c1']);
  });
});

describe('asking in words for a case for another order', () => {
  for (const said of ['我另外一单也出了问题', '还有一笔订单需要处理一下', '第二个订单的台灯也碎了', '我再开一个', 'I have another order with an issue as well', 'can we open a new case']) {
    it(`"${said}" parks the open case and starts the new one`, () => {
      const h = escalated();
      const out = h.send(said);
      expect(questions(out).at(-1)?.slot).toBe('orderId');
      expect(h.state.active!.id).toBe('c2');
      expect(h.state.parked![0]).toMatchObject({ id: 'c1', phase: 'following' });
      expect(h.state.parked![0]!.slots.problem).toBe('quality');
    });
  }

  for (const said of ['另一单没问题，就这单有问题', '客服说另一单已经发货了', 'the other order arrived fine']) {
    it(`"${said}" is not a request for a new case`, () => {
      const h = escalated();
      h.send(said);
      expect(h.state.active!.id).toBe('c1');
      expect(h.state.parked).toBeUndefined();
    });
  }

  it('with another order number, the existing question (another order, or a correction?) says the case is set aside', () => {
    const h = escalated();
    const q = questions(h.send(`另一个订单 ${SECOND} 的耳机也坏了`)).at(-1)!;
    expect(q.slot).toBe('otherOrder');
    expect(q.text).toMatch(/当前这个先放着：提醒照常/);
    h.choose('otherOrder', 'newCase');
    expect(h.state.parked![0]).toMatchObject({ id: 'c1', phase: 'following' });
    expect(h.state.active!.slots.orderId).toBe(SECOND);
  });
});

describe('the parked case in the store', () => {
  it('comes back from the working document as it was', () => {
    const h = escalated();
    h.command('new');
    const back = decodeState(workingDoc(h.state)).state!;
    expect(back.parked).toEqual(h.state.parked);
    expect(back.closed).toEqual([]);
  });
});

describe('summaries stored before "archived" existed', () => {
  const summary = (id: string, openedAt: string, closedAt: string) => ({
    id, openedAt, closedAt, status: 'cancelled', orderId: FIRST, problem: 'quality', wants: 'refund',
  });

  it('load, and one closed in the turn the next case opened (by /new) reads as archived; a /cancel stays cancelled', () => {
    const state = UserState.parse({
      v: 2, userId: 'u9', locale: 'zh-CN', caseSeq: 3,
      closed: [summary('c1', '2026-10-01T02:00:00.000Z', '2026-10-02T03:00:00.000Z'), summary('c2', '2026-10-02T03:00:00.000Z', '2026-10-05T01:00:00.000Z')],
      active: null,
    });
    expect(state.closed.map((s) => s.status)).toEqual(['archived', 'cancelled']);
  });
});
