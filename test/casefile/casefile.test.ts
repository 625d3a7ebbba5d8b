/**
 * The case file read back as a buyer's reviewer would: pdftotext on the real PDF. Facts from the
 * record, dates in the buyer's timezone, nothing the record lacks; page 1 rendered to PNG.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCaseFile, caseFileOutbound, exportIntent, renderFile } from '../../src/casefile/index.ts';
import { writeDraft } from '../../src/drafts/index.ts';
import type { Case, Outbound, UserState } from '../../src/domain/index.ts';
import { EngineHarness } from '../helpers/engine-harness.ts';
import { pdfText, squashed, STORY, STORY_EXPORT_AT, STORY_FACTS, STORY_ORDER } from '../helpers/casefile-story.ts';

/** Runs the story through the real engine and returns the harness after `/export`. */
function story(timezone = 'Asia/Shanghai'): { h: EngineHarness; out: Outbound[] } {
  const h = new EngineHarness(STORY[0].at, 'u1', timezone);
  for (const ev of STORY) {
    h.now = new Date(ev.at);
    if ('photo' in ev) h.send({ type: 'media', kind: 'photo', caption: ev.photo, fileId: `tg-file-${ev.at}` });
    else h.send(ev.text);
  }
  h.now = new Date(STORY_EXPORT_AT);
  return { h, out: h.command('export') };
}

function fileOf(out: Outbound[]): Outbound {
  const files = out.filter((o) => o.kind === 'file');
  expect(files).toHaveLength(1);
  return files[0]!;
}

describe('the case file of the issue-15 story', () => {
  it('/export sends one file message: a PDF recipe with a caption, nothing rendered in the turn', () => {
    const { out } = story();
    expect(out).toHaveLength(1);
    const m = fileOf(out);
    expect(m.file!.mime).toBe('application/pdf');
    expect(m.file!.name).toBe(`shouhou-case-${STORY_ORDER}-20261123.pdf`);
    expect(m.text).toContain(STORY_ORDER);
    // The outbox stores messages as JSON: the recipe must survive it unchanged.
    expect(JSON.parse(JSON.stringify(m))).toEqual(m);
  });

  it('holds the order number, the problem, the wish, both photos with their times, the promise and its deadline, and the draft', async () => {
    const { h, out } = story();
    const c = h.state.active!;
    const pdf = await renderFile(fileOf(out).file!);
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = squashed(pdfText(pdf.bytes));

    expect(text).toContain(STORY_ORDER);
    expect(text).toContain(squashed(c.slots.problemText!));
    expect(text).toContain(`买家的诉求${STORY_FACTS.wish}`);
    expect(text).toContain('淘宝');
    expect(text).toContain('实付金额128元');
    for (const fact of STORY_FACTS.captions) expect(text).toContain(squashed(fact));
    expect(text).toContain(squashed(`卖家答应在${STORY_FACTS.promiseDeadline}前答复`));

    // The current draft: the seller letter as it was handed over (its own reply deadline included).
    const sent = c.timeline.find((e) => e.type === 'draft_sent')!;
    const draft = writeDraft('seller', {
      locale: 'zh-CN', slots: c.slots, evidence: [], timeline: [], now: new Date(sent.at), timezone: 'Asia/Shanghai',
      sellerAttempt: 1, openedAt: c.openedAt, food: false,
    });
    for (const line of draft.body.split('\n').filter((l) => !l.includes('证据'))) expect(text).toContain(squashed(line));
    expect(text).toContain('由售后帮生成');
    expect(text).toContain('自助整理文件，不构成法律意见');
    expect(text).toContain('请按上面的时间和说明附上原图、原视频');
  });

  it('writes nothing the record lacks: no tracking number, receipt date, refund, quote or buyer message beyond the record', async () => {
    const { h, out } = story();
    const text = squashed(pdfText((await renderFile(fileOf(out).file!)).bytes));
    for (const label of ['快递单号', '签收日期', '已退金额', '原话', '告知售后帮', '店铺']) expect(text).not.toContain(label);
    // The promise message is recorded as a promise, not quoted: its wording stays out.
    expect(text).not.toContain('商家回复说');
    // No platform answer, escalation or nudge happened.
    for (const event of ['平台介入申请文本', '案件升级', '售后帮提醒买家', '平台的处理结果']) expect(text).not.toContain(event);
    expect(h.state.active!.slots.trackingNo).toBeNull();
  });

  it('quotes the seller only when the record has a quote', async () => {
    const { h } = story();
    const c = structuredClone(h.state.active!);
    c.timeline.push(
      { at: '2026-11-23T11:00:00.000Z', type: 'seller_refused', note: '卖家不同意退，我很生气', quote: null, happenedAt: null },
      { at: '2026-11-23T12:00:00.000Z', type: 'seller_refused', note: '', quote: '运输损坏请自行联系快递', happenedAt: '2026-11-23T08:30:00.000Z' },
    );
    const text = squashed(pdfText((await buildCaseFile(c, { locale: 'zh-CN', timezone: 'Asia/Shanghai', now: new Date('2026-11-23T13:00:00Z') })).bytes));
    expect(text).not.toContain('我很生气');
    expect(text).toContain('原话：“运输损坏请自行联系快递”');
    // Happened 16:30 Shanghai, told at 20:00 Shanghai.
    expect(text).toContain(squashed('2026年11月23日 16:30 卖家拒绝了买家的诉求'));
    expect(text).toContain(squashed('（2026年11月23日 20:00 告知售后帮）'));
  });

  it('lists the same seller words once, and a reported reason as the buyer\'s words, not a quote', async () => {
    const { h } = story();
    const c = structuredClone(h.state.active!);
    c.timeline.push(
      { at: '2026-11-23T11:00:00.000Z', type: 'seller_promise', note: '', quote: '我们请示一下领导 两天内答复', happenedAt: null },
      { at: '2026-11-23T11:00:00.000Z', type: 'seller_stalled', note: '', quote: '我们请示一下领导 两天内答复', happenedAt: null },
      { at: '2026-11-23T12:00:00.000Z', type: 'seller_refused', note: '', quote: null, happenedAt: null, reason: '是运输途中磕坏的' },
    );
    const text = squashed(pdfText((await buildCaseFile(c, { locale: 'zh-CN', timezone: 'Asia/Shanghai', now: new Date('2026-11-23T13:00:00Z') })).bytes));
    expect(text.split(squashed('我们请示一下领导 两天内答复')).length - 1).toBe(1);
    expect(text).toContain(squashed('买家转述的理由：是运输途中磕坏的'));
    expect(text).not.toContain('“是运输途中磕坏的');
  });

  it('shows every date in the buyer\'s timezone', async () => {
    const { out } = story('America/New_York');
    const file = fileOf(out).file!;
    expect(file.source.timezone).toBe('America/New_York');
    const text = squashed(pdfText((await renderFile(file)).bytes));
    // 20:21 in Shanghai is 07:21 in New York, the same day.
    expect(text).toContain(squashed('2026年11月22日 07:21'));
    expect(text).toContain(squashed('2026年11月22日 07:23'));
    expect(text).toContain(squashed('America/New_York（UTC-05:00）'));
    expect(text).not.toContain(squashed('2026年11月22日 20:21'));
  });

  // Trial 7 problem 14: the file goes to a Chinese reviewer, so the Chinese version comes first;
  // the English part after it is in English, Chinese only where the record or the name has it.
  it('has an English part for an English buyer, Chinese only where the record or the name has it', async () => {
    const { h } = story();
    const state: UserState = { ...h.state, locale: 'en' };
    const m = caseFileOutbound(state, 'en', 'Asia/Shanghai', new Date(STORY_EXPORT_AT));
    expect(m.text).toMatch(/^📄 Your case file \(order 3928817465520193847\)/);
    const raw = pdfText((await renderFile(m.file!)).bytes);
    const whole = squashed(raw);
    expect(whole.indexOf('售后案卷')).toBe(0);
    const text = whole.slice(whole.indexOf('After-salescasefile'));
    for (const s of ['After-salescasefile', 'Ordernumber3928817465520193847', 'Thebuyerasksforarefund', 'Nov22,2026,20:21', 'promisedtoanswerbyNov25,2026,09:40', 'notlegaladvice']) {
      expect(text).toContain(s);
    }
    // The letter itself is Chinese (it goes to a Chinese seller, issue 11), followed by its English
    // gloss; outside the letter, Han characters are only the bot's name and the buyer's own words.
    const letterAt = text.indexOf('您好');
    expect(letterAt).toBeGreaterThan(0);
    expect(text.slice(0, letterAt)).not.toMatch(/案卷|订单号|证据清单|买家的诉求/);
    expect(text).toContain('donotsendthispart');
    expect(text.slice(text.indexOf('donotsendthispart'))).toMatch(/order/i);
  });

  it('stays small and quick: ≤ 500 KB, and ≤ 300 ms of CPU once the font is loaded', async () => {
    const { h } = story();
    const c: Case = h.state.active!;
    const cpuMs: number[] = [];
    let size = 0;
    for (let i = 0; i < 6; i += 1) {
      const before = process.cpuUsage();
      size = (await buildCaseFile(c, { locale: 'zh-CN', timezone: 'Asia/Shanghai', now: new Date(STORY_EXPORT_AT) })).bytes.length;
      const used = process.cpuUsage(before);
      cpuMs.push((used.user + used.system) / 1000);
    }
    const warm = [...cpuMs.slice(1)].sort((a, b) => a - b);
    console.info(`case file: ${size} bytes; CPU ms per build: first ${cpuMs[0]!.toFixed(0)}, warm median ${warm[2]!.toFixed(0)}`);
    expect(size).toBeLessThanOrEqual(500 * 1024);
    expect(warm[2]!).toBeLessThanOrEqual(300);
  });

  it('lets other work run while it builds (it yields between sections)', async () => {
    const { out } = story();
    let ticks = 0;
    let building = true;
    const tick = () => {
      ticks += 1;
      if (building) setImmediate(tick);
    };
    setImmediate(tick);
    await renderFile(fileOf(out).file!);
    building = false;
    expect(ticks).toBeGreaterThanOrEqual(5);
  });

  it('keeps the longest case the record holds (200 pieces of evidence, 100 events) under 500 KB', async () => {
    const { h } = story();
    const c = structuredClone(h.state.active!);
    const base = Date.parse('2026-11-23T02:00:00Z');
    c.evidence = Array.from({ length: 200 }, (_, i) => ({
      at: new Date(base + i * 60_000).toISOString(), kind: 'photo' as const, caption: `第${i + 1}张：瓶身细节和包装内衬`, fileId: null, item: i % 3 ? null : 'defect_closeup',
    }));
    c.timeline = Array.from({ length: 100 }, (_, i) => ({
      at: new Date(base + i * 3_600_000).toISOString(), type: i % 2 ? 'seller_stalled' as const : 'nudged' as const, note: 'seller_promise', quote: i % 4 ? null : `再等等，我们核实一下（第${i}次）`, happenedAt: null,
    }));
    const before = process.cpuUsage();
    const pdf = await buildCaseFile(c, { locale: 'zh-CN', timezone: 'Asia/Shanghai', now: new Date('2026-11-30T10:00:00+08:00') });
    const used = process.cpuUsage(before);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', ['-'], { input: pdf.bytes, encoding: 'utf8' }))?.[1]);
    console.info(`long case file: ${pdf.bytes.length} bytes, ${pages} pages, ${((used.user + used.system) / 1000).toFixed(0)} ms CPU`);
    expect(pdf.bytes.length).toBeLessThanOrEqual(500 * 1024);
    expect(squashed(pdfText(pdf.bytes))).toContain(squashed('第200张：瓶身细节和包装内衬'));
  });

  it('is the same bytes for the same record and time', async () => {
    const { out } = story();
    const a = await renderFile(fileOf(out).file!);
    const b = await renderFile(fileOf(out).file!);
    expect(a.bytes.equals(b.bytes)).toBe(true);
  });

  it('renders page 1 to PNG for a reviewer to look at', async () => {
    const { out } = story();
    const dir = join(tmpdir(), 'shouhou-casefile');
    mkdirSync(dir, { recursive: true });
    const pdfPath = join(dir, 'story.pdf');
    const pdf = await renderFile(fileOf(out).file!);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(pdfPath, pdf.bytes);
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdfPath, join(dir, 'story-page-1')]);
    const png = readFileSync(join(dir, 'story-page-1.png'));
    console.info(`case file page 1: ${join(dir, 'story-page-1.png')}`);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.length).toBeGreaterThan(20_000);
    // A4 at 80 dpi: 662 × 936 pixels (rounded up) (IHDR width and height).
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([662, 936]);
  });
});

describe('/export in other states', () => {
  it('without a case, says so; with an unknown argument, says what to type', () => {
    const h = new EngineHarness();
    expect(h.command('export')).toEqual([expect.objectContaining({ kind: 'info', text: expect.stringContaining('/cases') })]);
    expect(h.command('export', 'c9')).toEqual([expect.objectContaining({ kind: 'error', text: expect.stringContaining('c9') })]);
  });

  /** The story's case archived as a case now is: three more orders opened after it, and a fourth (at most three wait parked). */
  function archivedByLaterOrders(h: EngineHarness): void {
    for (const n of [1, 2, 3]) {
      h.command('new');
      h.send(`订单 55019283746512000${n}${n}，衣架的挂钩断了，要求退款`);
    }
    h.command('new');
    expect(h.state.closed.map((c) => [c.id, c.status])).toEqual([['c1', 'archived']]);
  }

  it('exports an earlier case by id from the record kept when it was archived: its history, evidence and letter, and how it ended', async () => {
    const { h } = story();
    h.now = new Date('2026-11-24T09:00:00+08:00');
    archivedByLaterOrders(h);
    h.now = new Date('2026-12-02T14:00:00+08:00');
    const m = fileOf(h.command('export', 'c1'));
    expect(m.file!.source).toMatchObject({ record: 'c1' });
    expect(m.file!.source.summaryOnly).toBeUndefined();
    const text = squashed(pdfText((await renderFile(h.delivered(m))).bytes));
    expect(text).toContain(STORY_ORDER);
    expect(text).toContain('瓶口碎裂特写');
    expect(text).toContain(squashed(STORY_FACTS.promiseDeadline));
    expect(text).toContain('此案于2026年11月24日09:00存档，当时仍未解决');
    expect(text).toContain('案件已存档（未解决）');
    // The seller letter handed over, as it was then.
    expect(text).toContain('您好，我的订单号是3928817465520193847');
    expect(text).not.toContain('只保留了摘要');
    expect(text).not.toContain('已取消');
  });

  it('exports an earlier case closed before records were kept from its summary, and says only the summary was kept', async () => {
    const { h } = story();
    h.now = new Date('2026-11-24T09:00:00+08:00');
    archivedByLaterOrders(h);
    h.state = { ...h.state, closed: h.state.closed.map(({ kept: _, ...s }) => s) };
    h.records.clear();
    const out = h.command('export', 'c1');
    const m = fileOf(out);
    expect(m.file!.source.summaryOnly).toBe(true);
    const text = squashed(pdfText((await renderFile(m.file!)).bytes));
    expect(text).toContain(STORY_ORDER);
    expect(text).toContain('只保留了摘要');
    expect(text).toContain('案件已存档（未解决）');
    expect(text).not.toContain('已取消');
    expect(text).not.toContain('瓶口碎裂特写');
  });

  it('right after /new, sends no file of blanks and offers the case before it (parked)', () => {
    const { h } = story();
    h.now = new Date('2026-11-24T09:00:00+08:00');
    h.command('new');
    const out = h.command('export');
    expect(out.map((o) => o.kind)).toEqual(['info']);
    expect(out[0]!.text).toContain('/export c1');
    expect(out[0]!.text).toContain(STORY_ORDER);
    const fresh = new EngineHarness();
    fresh.send('我的快递有问题');
    fresh.command('new');
    expect(fresh.command('export').map((o) => o.kind)).toEqual(['info']);
  });

  it('hears 导出案卷, 生成材料 and a bare "export" as the export intent, and nothing else', () => {
    for (const s of ['导出案卷', '帮我生成材料', 'export', 'Export!']) expect(exportIntent(s), s).toBe('export');
    for (const s of ['the export box was crushed', '材料很差', '订单号 3928817465520193847']) expect(exportIntent(s), s).toBeNull();
    const { h } = story();
    h.now = new Date('2026-11-23T10:30:00+08:00');
    expect(h.send('导出案卷').map((o) => o.kind)).toEqual(['file']);
  });
});

describe('case file wording', () => {
  it('names every kind of reminder the engine can set, in both languages', async () => {
    const { REMINDER_REASONS, LOCALES } = await import('../../src/domain/index.ts');
    const { has } = await import('../../src/i18n/index.ts');
    for (const loc of LOCALES) for (const r of REMINDER_REASONS) expect(has(loc, `casefile.deadlines.reason.${r}`), `${loc} ${r}`).toBe(true);
  });
});

describe('the law in the case file of a private seller', () => {
  it('a 闲鱼 C2C case cites no consumer-law article, as its letters do not; a shop does', async () => {
    const { caseFileContent } = await import('../../src/casefile/index.ts');
    const read = (text: string) => {
      const h = new EngineHarness('2026-12-02T20:00:00+08:00');
      h.send(text);
      const c = h.state.active!;
      return caseFileContent(c, { locale: 'zh-CN', timezone: 'Asia/Shanghai', now: new Date('2026-12-02T21:00:00+08:00') });
    };
    const xianyu = read('闲鱼上收的二手吹风机，订单号 3310298847561203987，一开就跳闸，卖家挂的时候说功能正常，想退款');
    expect(xianyu.law?.articles.map((a) => a.title).join() ?? '').not.toMatch(/消费者权益保护法|电子商务法/);
    const shop = read('淘宝订单 3310298847561203988，买的吹风机一开就跳闸，想退款');
    expect(shop.law?.articles.map((a) => a.title).join()).toMatch(/消费者权益保护法/);
  });
});
