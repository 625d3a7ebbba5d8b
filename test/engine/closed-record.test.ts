/**
 * A closed case's full record (trial 11 F15): the turn that closes a case hands its record to the
 * store (`StepResult.closed`), its summary says it was kept, and /export of it later is the file of
 * that record, with a line saying when and how it ended. The working document keeps the summary only.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness } from '../helpers/engine-harness.ts';
import { pdfText, squashed } from '../helpers/casefile-story.ts';
import { renderFile } from '../../src/casefile/index.ts';
import type { Outbound } from '../../src/domain/index.ts';
import { workingDoc } from '../../src/store/codec.ts';

const ORDER = '8830192746501928374';
const fileOf = (out: Outbound[]) => out.find((m) => m.kind === 'file')!;

/**
 * The followed case archived as a case now is: three more orders opened after it, and a fourth (at
 * most three wait parked, the oldest is archived).
 */
function archivedByLaterOrders(h: EngineHarness): void {
  for (const n of [1, 2, 3]) {
    h.command('new');
    h.send(`订单 66019283746511000${n}${n}，雨伞的伞骨断了，要求退款`);
  }
  h.command('new');
}

/** A followed case with a photo, a seller refusal with its reason, and the letters handed over. */
function refused(): EngineHarness {
  const h = new EngineHarness('2026-11-25T09:00:00+08:00');
  h.send(`淘宝订单 ${ORDER}，买的羽绒服拉链一拉就掉齿，要退货退款，实付360`);
  h.advance(20);
  h.send({ type: 'media', kind: 'photo', caption: '拉链掉齿的地方', fileId: null });
  h.advance(240);
  h.send('卖家拒绝了，说是我自己拉坏的');
  expect(h.state.active!.phase).toBe('following');
  return h;
}

describe("a closed case's record", () => {
  it('is handed to the store once, by the turn that closes the case, and stays out of the working document', () => {
    const h = refused();
    h.command('new');
    expect(h.last.closed).toBeUndefined();
    archivedByLaterOrders(h);
    expect(h.last.closed).toEqual([expect.objectContaining({ id: 'c1', phase: 'closed', outcome: 'archived' })]);
    expect(h.last.closed![0]!.evidence.map((e) => e.caption)).toEqual(['拉链掉齿的地方']);
    expect(h.state.closed).toEqual([expect.objectContaining({ id: 'c1', kept: true })]);
    expect(workingDoc(h.state)).not.toContain('拉链掉齿的地方');
    // The next turn closes nothing.
    h.send(`另一单 5501928374，收到的台灯少了一个螺丝，想补发`);
    expect(h.last.closed).toBeUndefined();
  });

  it('gives an archived case its whole file later: timeline, evidence, the seller reason and the last letter, said to be unresolved', async () => {
    const h = refused();
    archivedByLaterOrders(h);
    h.advance(3 * 24 * 60);
    const m = fileOf(h.command('export', ORDER));
    expect(m.text).toContain('已存档（未解决）');
    const text = squashed(pdfText((await renderFile(h.delivered(m))).bytes));
    expect(text).toContain('拉链掉齿的地方');
    expect(text).toContain('卖家拒绝了买家的诉求');
    expect(text).toContain('是我自己拉坏的');
    // The last letter handed over, the platform's after the refusal, as it was written then.
    expect(text).toContain('售后帮建议下一步申请平台介入，并提供了申请文本');
    expect(text).toContain('卖家拒绝处理，称是我自己拉坏的');
    expect(text).toContain('最后一份文本');
    expect(text).not.toContain('当前文本');
    expect(text).toContain('现申请平台介入');
    expect(text).toContain(ORDER);
    expect(text).toMatch(/此案于2026年11月25日13:2\d存档，当时仍未解决/);
  });

  it('gives a resolved case its file with the line that it was resolved, and when', async () => {
    const h = refused();
    h.advance(24 * 60);
    h.send('问题解决了，钱已经退回来了');
    expect(h.state.active).toBeNull();
    expect(h.state.closed.at(-1)).toMatchObject({ id: 'c1', status: 'resolved', kept: true });
    const m = fileOf(h.command('export', 'c1'));
    expect(m.text).toContain('已解决');
    const text = squashed(pdfText((await renderFile(h.delivered(m))).bytes));
    expect(text).toMatch(/此案于2026年11月26日13:2\d标记为已解决/);
    expect(text).toContain('拉链掉齿的地方');
    expect(text).not.toContain('未解决');
  });

  it('in English, the file of a cancelled case says it was cancelled, and when', async () => {
    const h = new EngineHarness('2026-11-25T09:00:00+08:00');
    h.send(`JD order ${ORDER}: the coffee grinder arrived and will not switch on, I want a replacement`);
    expect(h.state.locale).toBe('en');
    h.advance(60);
    h.command('cancel');
    const m = fileOf(h.command('export', 'c1'));
    expect(m.text).toContain('cancelled');
    const text = pdfText((await renderFile(h.delivered(m))).bytes);
    expect(text.replace(/\s+/g, ' ')).toMatch(/This case was cancelled by the buyer on/);
  });

  it('is kept for the latest twenty closed cases; an older one gives its summary, said to be one', () => {
    const h = new EngineHarness('2026-11-01T09:00:00+08:00');
    for (let i = 0; i < 21; i++) {
      h.send(`订单号 ${7700123400 + i}，到货的陶瓷碗裂了两只，要退款`);
      h.advance(30);
      h.command('cancel');
      h.advance(30);
    }
    expect(h.state.closed).toHaveLength(21);
    expect(h.state.closed.filter((s) => s.kept).map((s) => s.id)).toEqual(h.state.closed.slice(1).map((s) => s.id));
    expect(h.state.closed[0]).toMatchObject({ id: 'c1', status: 'cancelled' });
    expect(h.state.closed[0]!.kept).toBeUndefined();
    expect(fileOf(h.command('export', 'c1')).text).toContain('摘要');
    expect(fileOf(h.command('export', 'c2')).file!.source.record).toBe('c2');
  });

  it('is not kept for a case left before anything was collected', () => {
    const h = new EngineHarness();
    h.send('你好，想咨询一下');
    h.command('new');
    expect(h.last.closed).toBeUndefined();
    expect(h.state.closed).toEqual([]);
  });

  it('"刚才那个还没完" after /new points to the case before, parked; in a document from before parking, to the archived case\'s file or summary', () => {
    const h = refused();
    h.command('new');
    h.advance(5);
    expect(h.send('刚才那个还没完呢').map((m) => m.key)).toContain('parked.afterNew');
    // A document stored when /new archived the case: no parked case, the summary of the archived one.
    const g = refused();
    g.command('new');
    const { parked: [before] = [], ...rest } = g.state;
    g.state = { ...rest, closed: [{ id: before!.id, openedAt: before!.openedAt, closedAt: g.state.active!.openedAt, status: 'archived', orderId: ORDER, problem: before!.slots.problem, wants: before!.slots.wants, kept: true }] };
    g.advance(5);
    expect(g.send('刚才那个还没完呢').map((m) => m.key)).toContain('afterNew.archived');
    g.state = { ...g.state, closed: g.state.closed.map(({ kept: _, ...s }) => s) };
    g.advance(5);
    expect(g.send('之前那单还没处理完').map((m) => m.key)).toContain('afterNew.archivedSummary');
  });
});
