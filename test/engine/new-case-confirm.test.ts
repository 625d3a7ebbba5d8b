/**
 * A second bad order while the first case is still open (trial 10 finding 18): /new, or saying
 * so in words, asks before it archives the open case, says what archiving keeps, and offers the
 * full case file first. An archived case keeps its full record, and /export of it later gives
 * that record's file (trial 11 F15); one archived before records were kept gives its summary,
 * said to be one. An archived case is "archived, unresolved" everywhere, never "cancelled"; only
 * /cancel cancels.
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
  it('asks first, saying that reminders stop, what is kept and that the case file can be exported', () => {
    const h = escalated();
    const out = h.command('new');
    const q = questions(out).at(-1)!;
    expect(q.slot).toBe('confirmNew');
    expect(q.options!.map((o) => o.value)).toEqual(['export', 'archive', 'keep']);
    expect(q.text).toContain(FIRST);
    expect(q.text).toMatch(/提醒会停止/);
    expect(q.text).toMatch(/完整记录.*会留着/);
    expect(q.text).not.toMatch(/只留下|不再保留/);
    expect(q.text).toMatch(/PDF/);
    // Nothing happened yet.
    expect(h.state.active!.id).toBe('c1');
    expect(h.state.closed).toEqual([]);
    expect(h.due.size).toBeGreaterThan(0);
  });

  it('"keep following" leaves the case as it was, reminders and all', () => {
    const h = escalated();
    const due = [...h.due.keys()];
    h.command('new');
    const out = h.choose('confirmNew', 'keep');
    expect(out.map((m) => m.key)).toContain('confirmNew.kept');
    expect(h.state.active).toMatchObject({ id: 'c1', phase: 'following', rung: 'platform' });
    expect([...h.due.keys()]).toEqual(due);
    expect(h.state.closed).toEqual([]);
  });

  it('typed, "不用了" keeps the case and "好的" gets the question again: only a chosen option archives', () => {
    const h = escalated();
    h.command('new');
    expect(h.send('好吧').map((m) => m.slot)).toContain('confirmNew');
    expect(h.send('不用了，先不开').map((m) => m.key)).toContain('confirmNew.kept');
    expect(h.state.active!.id).toBe('c1');
    expect(h.state.closed).toEqual([]);
    h.command('new');
    // The option's number, typed, is an answer like the button.
    h.send('2');
    expect(h.state.closed[0]!.status).toBe('archived');
  });

  it('archiving on confirmation: reminders stop, and the case is archived, unresolved, in the reply and in /cases', () => {
    const h = escalated();
    h.command('new');
    const out = h.choose('confirmNew', 'archive');
    expect(questions(out).at(-1)!.slot).toBe('orderId');
    expect(h.due.size).toBe(0);
    expect(h.state.closed).toEqual([expect.objectContaining({ id: 'c1', status: 'archived', orderId: FIRST })]);
    const said = text(out);
    expect(said).toContain('已存档（未解决）');
    expect(said).toContain(FIRST);
    // Only what is kept is said to be kept.
    expect(said).not.toMatch(/记录还在|已取消/);
    const cases = text(h.command('cases'));
    expect(cases).toMatch(new RegExp(`${FIRST}.*已存档（未解决）`));
    expect(cases).not.toContain('已取消');
  });

  it('"export first" hands over the full case file, then archives; /export of the archive later is its full record, said to be archived', async () => {
    const h = escalated();
    h.advance(10);
    h.command('new');
    const out = h.choose('confirmNew', 'export');
    const full = fileOf(out)!;
    expect(full.file!.source.summaryOnly).toBeUndefined();
    const fullText = squashed(pdfText((await renderFile(full.file!)).bytes));
    expect(fullText).toContain('补偿我30块');
    expect(fullText).toContain('平台介入');
    expect(fullText).not.toMatch(/已存档|已取消/);
    expect(questions(out).at(-1)!.slot).toBe('orderId');
    expect(h.state.closed[0]!.status).toBe('archived');

    h.send(`另一单 ${SECOND}，台灯灯罩裂了，想换一个`);
    const later = fileOf(h.command('export', 'c1'))!;
    expect(later.text).toContain('已存档（未解决）');
    expect(later.text).not.toContain('摘要');
    const laterText = squashed(pdfText((await renderFile(h.delivered(later))).bytes));
    expect(laterText).toContain('补偿我30块');
    expect(laterText).toContain('平台介入');
    expect(laterText).toMatch(/此案于2026年12月1日12:\d\d存档，当时仍未解决/);
    expect(laterText).not.toContain('已取消');
    expect(laterText).not.toContain('只保留了摘要');
  });

  it('a case archived before records were kept: /export gives its summary, said to be one', async () => {
    const h = escalated();
    h.command('new');
    h.choose('confirmNew', 'archive');
    // As stored by a version that kept only the summary.
    h.state = { ...h.state, closed: h.state.closed.map(({ kept: _, ...s }) => s) };
    h.records.clear();
    const summary = fileOf(h.command('export', 'c1'))!;
    expect(summary.text).toContain('摘要');
    expect(summary.text).not.toMatch(/沟通经过、证据清单和当前文本都在/);
    const summaryText = squashed(pdfText((await renderFile(h.delivered(summary))).bytes));
    expect(summaryText).toContain('已存档（未解决）');
    expect(summaryText).not.toContain('已取消');
    expect(summaryText).toContain('证据记录没有保留');
    expect(summaryText).not.toContain('还没有记录证据');
    expect(summaryText).not.toContain('补偿我30块');
  });

  it('a case with nothing in it is replaced without a question, as before', () => {
    const h = new EngineHarness();
    h.send('你好，想问个售后的事');
    expect(h.state.active).not.toBeNull();
    expect(questions(h.command('new')).at(-1)!.slot).toBe('orderId');
  });

  it('only /cancel cancels: /cases and the file say cancelled for it', async () => {
    const h = escalated();
    h.command('cancel');
    expect(h.state.closed[0]!.status).toBe('cancelled');
    expect(text(h.command('cases'))).toContain('已取消');
    const pdf = squashed(pdfText((await renderFile(fileOf(h.command('export', 'c1'))!.file!)).bytes));
    expect(pdf).toContain('案件已取消');
  });

  it('a button left from another case does not archive the case now open', () => {
    const h = escalated();
    h.command('new');
    h.choose('confirmNew', 'archive');
    h.send(`拼多多订单 ${SECOND}，收到的保温杯漏水，要退款`);
    const out = h.choose('confirmNew', 'archive');
    expect(questions(out).at(-1)!.slot).toBe('confirmNew');
    expect(h.state.active!.slots.orderId).toBe(SECOND);
  });

  it('in English, the question and the archive say the same', () => {
    const h = new EngineHarness('2026-12-01T09:00:00+08:00');
    h.send(`Taobao order ${FIRST}: the kettle I got leaks from the base, I want a refund`);
    expect(h.state.locale).toBe('en');
    const q = questions(h.command('new')).at(-1)!;
    expect(q.text).toMatch(/reminders stop/);
    expect(q.text).toMatch(/full record .* is kept/);
    expect(q.options!.map((o) => o.label)).toContain('Keep following this one');
    const out = h.choose('confirmNew', 'archive');
    expect(text(out)).toMatch(/archived, unresolved/);
    expect(text(h.command('cases'))).toMatch(/archived, unresolved/);
    expect(text(h.command('cases'))).not.toMatch(/cancel/i);
  });
});

describe('asking in words for a case for another order', () => {
  for (const said of ['我另外一单也出了问题', '还有一笔订单需要处理一下', '第二个订单的台灯也碎了', '我再开一个', 'I have another order with an issue as well', 'can we open a new case']) {
    it(`"${said}" asks before archiving the open case`, () => {
      const h = escalated();
      const out = h.send(said);
      expect(questions(out).at(-1)?.slot).toBe('confirmNew');
      expect(h.state.active!.id).toBe('c1');
      expect(h.state.active!.slots.problem).toBe('quality');
    });
  }

  for (const said of ['另一单没问题，就这单有问题', '客服说另一单已经发货了', 'the other order arrived fine']) {
    it(`"${said}" is not a request for a new case`, () => {
      const h = escalated();
      const out = h.send(said);
      expect(out.map((m) => m.slot)).not.toContain('confirmNew');
      expect(h.state.active!.id).toBe('c1');
    });
  }

  it('with another order number, the existing question (another order, or a correction?) says what archiving keeps', () => {
    const h = escalated();
    const q = questions(h.send(`另一个订单 ${SECOND} 的耳机也坏了`)).at(-1)!;
    expect(q.slot).toBe('otherOrder');
    expect(q.text).toMatch(/提醒停止(?:（包括[^）]*）)?，完整记录.*留着/);
    h.choose('otherOrder', 'newCase');
    expect(h.state.closed[0]).toMatchObject({ id: 'c1', status: 'archived' });
  });
});

describe('the archived summary in the store', () => {
  it('comes back from the working document as archived', () => {
    const h = escalated();
    h.command('new');
    h.choose('confirmNew', 'archive');
    const back = decodeState(workingDoc(h.state)).state!;
    expect(back.closed).toEqual(h.state.closed);
    expect(back.closed[0]!.status).toBe('archived');
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
