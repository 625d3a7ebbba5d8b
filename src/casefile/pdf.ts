/**
 * Lays a case file's content out as an A4 PDF with PDFKit: the header facts in two columns,
 * dated entries with the date on the left, the draft framed by a rule, and a footer on every
 * page. Deterministic: the same content and time give the same bytes.
 */
import PDFDocument from 'pdfkit';
import { caseFileFont, printable } from './font.ts';
import type { CaseFileContent, Entry, Fact } from './content.ts';
import type { Locale } from '../domain/index.ts';

const MARGIN = 56;
const FOOTER_GAP = 28;
const LABEL_WIDTH = 96;
const WHEN_WIDTH = 118;
/** How many dated entries are laid out between two yields to the event loop. */
const ENTRIES_PER_SLICE = 25;
const COLOR = { text: '#1a1a1a', muted: '#5f6368', accent: '#1f4e79', rule: '#c8ccd0' } as const;

/** Renders the content as PDF bytes. `now` is written as the document's creation date. */
export function renderPdf(content: CaseFileContent, locale: Locale, now: Date, more: readonly CaseFileContent[] = []): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_GAP },
    bufferPages: true,
    lang: locale,
    displayTitle: true,
    info: { Title: `${content.title} ${content.subtitle}`, Author: '售后帮', Creator: '售后帮', CreationDate: now, ModDate: now },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  // PDFKit takes a parsed fontkit font in place of a path (its types only list paths and buffers):
  // parsed once per process, subset per document.
  doc.registerFont('body', caseFileFont() as unknown as string);
  doc.font('body');
  // Further parts (the buyer's own language after the Chinese one), each from a new page.
  const layout = new Layout(doc);
  const firstPages: number[] = [0];
  return more.reduce((p, part) => p.then(() => {
    doc.addPage();
    firstPages.push(doc.bufferedPageRange().count - 1);
    return layout.write(part);
  }), layout.write(content)).then(() => {
    // Each part's footer on its own pages, numbered through the whole file.
    [content, ...more].forEach((part, i) => layout.footers(part.footer, firstPages[i]!, firstPages[i + 1] ?? doc.bufferedPageRange().count));
    doc.end();
    return done;
  });
}

/**
 * Lets other work run (other buyers' turns, in a bot process) between sections: laying a file out
 * takes tens of milliseconds of CPU, and one piece at a time keeps each pause short.
 */
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

class Layout {
  readonly #doc: PDFKit.PDFDocument;
  readonly #left: number;
  readonly #width: number;

  constructor(doc: PDFKit.PDFDocument) {
    this.#doc = doc;
    this.#left = doc.page.margins.left;
    this.#width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  }

  async write(c: CaseFileContent): Promise<void> {
    const doc = this.#doc;
    doc.fontSize(20).fillColor(COLOR.text).text(printable(c.title), this.#left, doc.page.margins.top);
    this.#line(c.subtitle, 9.5, COLOR.muted);
    this.#line(c.timezoneNote, 9.5, COLOR.muted);
    this.#rule();

    this.#heading(c.facts.heading);
    for (const row of c.facts.rows) this.#fact(row);
    if (c.facts.note) this.#line(c.facts.note, 10, COLOR.muted);

    await yieldToLoop();
    this.#heading(c.timeline.heading);
    if (c.timeline.empty) this.#line(c.timeline.empty, 10, COLOR.muted);
    await this.#entries(c.timeline.entries);

    await yieldToLoop();
    if (c.deadlines) {
      this.#heading(c.deadlines.heading);
      await this.#entries(c.deadlines.entries);
    }

    await yieldToLoop();
    this.#heading(c.evidence.heading);
    this.#line(c.evidence.summary, 10, COLOR.muted);
    await this.#entries(c.evidence.entries);
    if (c.evidence.missingHeading) {
      doc.moveDown(0.4);
      this.#line(c.evidence.missingHeading, 10.5, COLOR.text);
      for (const item of c.evidence.missing) this.#line(`□ ${item}`, 10, COLOR.text, 12);
    }
    if (c.evidence.originals) {
      doc.moveDown(0.4);
      this.#line(c.evidence.originals, 10, COLOR.muted);
    }

    await yieldToLoop();
    if (c.draft) {
      this.#heading(c.draft.heading, 160);
      this.#line(c.draft.intro, 10, COLOR.muted);
      doc.moveDown(0.3);
      this.#line(c.draft.title, 11, COLOR.accent);
      doc.moveDown(0.3);
      this.#framed(c.draft.body);
      if (c.draft.gloss) {
        doc.moveDown(0.3);
        this.#line(c.draft.gloss.heading, 10, COLOR.muted);
        this.#line(c.draft.gloss.text, 10, COLOR.text);
      }
    }

    await yieldToLoop();
    if (c.law) {
      this.#heading(c.law.heading);
      this.#line(c.law.intro, 10, COLOR.muted);
      for (const a of c.law.articles) {
        doc.moveDown(0.3);
        this.#line(a.title, 11, COLOR.accent);
        this.#line(a.text, 10, COLOR.text);
      }
    }
    await yieldToLoop();
  }

  /** A paragraph across the full width (indented by `indent`); a short one is not split across pages. */
  #line(text: string, size: number, color: string, indent = 0): void {
    const doc = this.#doc;
    const shown = printable(text);
    const options = { width: this.#width - indent, lineGap: 2 };
    doc.fontSize(size);
    const height = doc.heightOfString(shown, options);
    if (height < 100) this.#keepTogether(height);
    doc.fillColor(color).text(shown, this.#left + indent, doc.y, options);
  }

  /** A section heading, kept on one page with at least `need` points of what follows. */
  #heading(text: string, need = 60): void {
    const doc = this.#doc;
    doc.moveDown(0.9);
    this.#keepTogether(need);
    this.#line(text, 13.5, COLOR.accent);
    doc.moveDown(0.3);
  }

  #rule(): void {
    const doc = this.#doc;
    doc.moveDown(0.5);
    doc.moveTo(this.#left, doc.y).lineTo(this.#left + this.#width, doc.y).lineWidth(0.6).strokeColor(COLOR.rule).stroke();
    doc.moveDown(0.2);
  }

  /** Starts a new page when less than `height` points are left on this one. */
  #keepTogether(height: number): void {
    const doc = this.#doc;
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
  }

  /** Two columns: something small on the left (a label, a date), text on the right; returns below both. */
  #columns(leftText: string, leftWidth: number, leftColor: string, right: () => void, rightHeight: number): void {
    const doc = this.#doc;
    this.#keepTogether(Math.min(rightHeight, 120));
    const top = doc.y;
    doc.fontSize(9.5).fillColor(leftColor).text(printable(leftText), this.#left, top, { width: leftWidth - 8, lineGap: 2 });
    const leftBottom = doc.y;
    const page = doc.bufferedPageRange().count;
    doc.y = top;
    right();
    // The right column may have run onto a new page; the left one never does.
    if (doc.bufferedPageRange().count === page) doc.y = Math.max(doc.y, leftBottom);
    doc.moveDown(0.25);
  }

  #fact(row: Fact): void {
    const doc = this.#doc;
    const x = this.#left + LABEL_WIDTH;
    const width = this.#width - LABEL_WIDTH;
    const value = printable(row.value);
    doc.fontSize(10.5);
    this.#columns(row.label, LABEL_WIDTH, COLOR.muted, () => {
      doc.fontSize(10.5).fillColor(COLOR.text).text(value, x, doc.y, { width, lineGap: 2 });
    }, doc.heightOfString(value, { width, lineGap: 2 }));
  }

  /** Dated entries, yielding to the event loop every few (a long case has hundreds). */
  async #entries(list: readonly Entry[]): Promise<void> {
    for (const [i, e] of list.entries()) {
      if (i > 0 && i % ENTRIES_PER_SLICE === 0) await yieldToLoop();
      this.#entry(e);
    }
  }

  #entry(e: Entry): void {
    const doc = this.#doc;
    const x = this.#left + WHEN_WIDTH;
    const width = this.#width - WHEN_WIDTH;
    const text = printable(e.text);
    doc.fontSize(10.5);
    const height = doc.heightOfString(text, { width, lineGap: 2 }) + e.details.length * 14;
    this.#columns(e.when, WHEN_WIDTH, COLOR.muted, () => {
      doc.fontSize(10.5).fillColor(COLOR.text).text(text, x, doc.y, { width, lineGap: 2 });
      for (const d of e.details) doc.fontSize(9.5).fillColor(COLOR.muted).text(printable(d), x, doc.y, { width, lineGap: 2 });
    }, height);
  }

  /** The text to copy, paragraph by paragraph, with a rule on its left (a paragraph never splits across pages). */
  #framed(body: string): void {
    const doc = this.#doc;
    const indent = 12;
    const width = this.#width - indent;
    doc.fontSize(10.5).fillColor(COLOR.text);
    for (const paragraph of body.split('\n')) {
      const text = printable(paragraph) || ' ';
      this.#keepTogether(doc.heightOfString(text, { width, lineGap: 3 }));
      const top = doc.y;
      doc.fontSize(10.5).fillColor(COLOR.text).text(text, this.#left + indent, top, { width, lineGap: 3 });
      doc.rect(this.#left, top, 2.5, doc.y - top).fill(COLOR.rule);
      doc.fillColor(COLOR.text);
    }
  }

  /** The footer on every page, below the bottom margin (which is lifted while it is written, or PDFKit would add a page). */
  footers(template: string, from: number, to: number): void {
    const doc = this.#doc;
    const { start, count } = doc.bufferedPageRange();
    for (let i = start + from; i < start + to; i += 1) {
      doc.switchToPage(i);
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      const text = template.replace('{page}', String(i - start + 1)).replace('{pages}', String(count));
      doc.fontSize(8).fillColor(COLOR.muted)
        .text(printable(text), this.#left, doc.page.height - MARGIN, { width: this.#width, align: 'center', lineBreak: false });
      doc.page.margins.bottom = bottom;
    }
  }
}
