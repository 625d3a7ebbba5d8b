/**
 * The case file (issue 15): the whole evidence chain of a case in one PDF the buyer can attach
 * to a platform intervention request or a 12315 complaint.
 *
 * Two halves, so that a turn never waits for a PDF:
 * - the engine calls `caseFileOutbound` (pure, cheap): a `file` message holding the case as it
 *   is now, which waits in the outbox like any message;
 * - the shell calls `renderFile` when it delivers it: the PDF bytes and the file name.
 *
 * @example
 * const out = caseFileOutbound(state, 'zh-CN', 'Asia/Shanghai', now); // { kind: 'file', text: '📄 案卷…', file }
 * const { name, bytes } = await renderFile(out.file!);               // 'shouhou-case-3916…-20261123.pdf', %PDF-…
 */
import { list, t } from '../i18n/index.ts';
import { localDay } from '../time/deadlines.ts';
import { outsideMainland } from '../knowledge/platforms.ts';
import { caseFileContent, type CaseFileOptions } from './content.ts';
import { renderPdf } from './pdf.ts';
import {
  LOCALES, openCases, type Case, type CaseSummary, type ClosedCase, type Intent, type Locale, type Outbound, type OutboundFile, type UserState,
} from '../domain/index.ts';

export { caseFileContent, type CaseFileContent, type CaseFileOptions } from './content.ts';

export const CASE_FILE_MIME = 'application/pdf';

export interface CaseFile {
  name: string;
  mime: typeof CASE_FILE_MIME;
  bytes: Buffer;
}

/**
 * The case file of `c` as PDF bytes and a file name. Depends only on its arguments (the same
 * case, options and time give the same bytes).
 */
export async function buildCaseFile(c: Case, opts: CaseFileOptions): Promise<CaseFile> {
  // The file goes to a platform reviewer or 12315, who read Chinese: a buyer writing in another
  // language gets the Chinese version first and their own after it (trial 7 s05). A case on a
  // platform outside mainland China keeps the buyer's language only.
  const chineseFirst = opts.locale !== 'zh-CN' && !outsideMainland(c.slots.platform ?? null, c.slots.platformName);
  const bytes = chineseFirst
    ? await renderPdf(caseFileContent(c, { ...opts, locale: 'zh-CN' }), 'zh-CN', opts.now, [caseFileContent(c, opts)])
    : await renderPdf(caseFileContent(c, opts), opts.locale, opts.now);
  return { name: caseFileName(c, opts.timezone, opts.now), mime: CASE_FILE_MIME, bytes };
}

/** `shouhou-case-<order number, else case id>-<local date>.pdf`: ASCII, safe in every messenger and file system. */
export function caseFileName(c: Case, timezone: string, now: Date): string {
  const order = c.slots.orderId?.replace(/[^A-Za-z0-9-]/g, '').slice(0, 40);
  return `shouhou-case-${order || c.id}-${localDay(now, timezone).replace(/-/g, '')}.pdf`;
}

/** Renders a `file` message's document (called by the shell at delivery). */
export function renderFile(file: OutboundFile): Promise<CaseFile> {
  const { case: c, locale, timezone, at, summaryOnly } = file.source;
  return buildCaseFile(c, { locale, timezone, now: new Date(at), ...(summaryOnly ? { summaryOnly } : {}) });
}

/**
 * A past case's file with the record the store kept of it (`SessionStore.closedCase`) as its case,
 * for the shell to render: the engine reads no record, so its `file` message only names it. No
 * record (gone since the request: forgotten, or expired with the state): the file of its summary, saying so.
 */
export function withRecord(file: OutboundFile, record: ClosedCase | null): OutboundFile {
  const { record: id, ...source } = file.source;
  if (id === undefined) return file;
  return { ...file, source: record?.id === id ? { ...source, case: record } : { ...source, summaryOnly: true } };
}

/**
 * What the engine sends for `/export [case]`: the case file of the open case, or of the case
 * the argument names (a case id such as `c1`, or an order number). A closed case's file is its
 * record as it was when it closed, which the store kept beside the state (`record`: put in by the
 * shell, `withRecord`); one closed before records were kept only has its summary left, and its
 * file says so. No case → an `info`; an argument that matches none → an `error`.
 */
export function caseFileOutbound(state: UserState, locale: Locale, timezone: string, now: Date, arg = ''): Outbound {
  const wanted = arg.trim();
  const found = findCase(state, wanted);
  if (!found) {
    return wanted
      ? { kind: 'error', text: t(locale, 'casefile.notFound', { arg: wanted.slice(0, 40) }) }
      : { kind: 'info', text: t(locale, 'casefile.noCase') };
  }
  const { c, summaryOnly, record } = found;
  // A case just opened (/new) with nothing in it yet: no file of blanks; the case before it (parked, or closed) is offered.
  if (!wanted && isEmpty(c)) {
    const parked = state.parked?.at(-1);
    const before = parked ? { id: parked.id, orderId: parked.slots.orderId } : state.closed.at(-1);
    return before
      ? { kind: 'info', text: t(locale, 'casefile.emptyCaseBefore', { caseId: c.id, before: before.id, order: before.orderId ? t(locale, 'casefile.beforeOrder', { orderId: before.orderId }) : '' }) }
      : { kind: 'info', text: t(locale, 'casefile.emptyCase') };
  }
  const subject = c.slots.orderId
    ? t(locale, 'casefile.subject.order', { orderId: c.slots.orderId })
    : t(locale, 'casefile.subject.case', { caseId: c.id });
  const file: OutboundFile = {
    name: caseFileName(c, timezone, now),
    mime: CASE_FILE_MIME,
    source: { type: 'casefile', case: c, locale, timezone, at: now.toISOString(), ...(summaryOnly ? { summaryOnly } : {}), ...(record ? { record } : {}) },
  };
  // A closed case's file says how it ended; one of a summary only does not promise the history and evidence.
  if (summaryOnly) return { kind: 'file', text: t(locale, 'casefile.summaryCaption', { subject }), file };
  if (c.phase === 'closed') return { kind: 'file', text: t(locale, 'casefile.closedCaption', { subject, outcome: t(locale, `casefile.stage.${c.outcome}`) }), file };
  return { kind: 'file', text: t(locale, 'casefile.fileCaption', { subject }), file };
}

/** Nothing recorded yet: no element, no evidence, no event after the opening. */
function isEmpty(c: Case): boolean {
  const s = c.slots;
  return s.orderId === null && s.problem === null && s.wants === null && !s.problemText && c.evidence.length === 0 && c.timeline.every((e) => e.type === 'opened');
}

function findCase(state: UserState, wanted: string): { c: Case; summaryOnly: boolean; record?: string } | null {
  const active = state.active;
  const matches = (id: string, orderId: string | null) =>
    id.toLowerCase() === wanted.toLowerCase() || (orderId !== null && orderId === wanted.replace(/\s+/g, ''));
  if (!wanted) return active ? { c: active, summaryOnly: false } : null;
  const open = openCases(state).find((c) => matches(c.id, c.slots.orderId));
  if (open) return { c: open, summaryOnly: false };
  const closed = [...state.closed].reverse().find((s) => matches(s.id, s.orderId));
  if (!closed) return null;
  return closed.kept ? { c: caseFromSummary(closed), summaryOnly: false, record: closed.id } : { c: caseFromSummary(closed), summaryOnly: true };
}

/** A closed case as a `Case`, holding only what its summary kept (its file's name and caption; the record replaces it). */
function caseFromSummary(s: CaseSummary): Case {
  return {
    id: s.id,
    openedAt: s.openedAt,
    updatedAt: s.closedAt,
    phase: 'closed',
    outcome: s.status,
    closedAt: s.closedAt,
    slots: {
      orderId: s.orderId, problem: s.problem, problemText: null, wants: s.wants, platform: null,
      trackingNo: null, receivedOn: null, amountPaid: null, amountRefunded: null,
    },
    skipped: [],
    evidence: [],
    timeline: [
      { at: s.openedAt, type: 'opened', note: '', quote: null, happenedAt: null },
      { at: s.closedAt, type: s.status, note: s.solvedBy ?? '', quote: null, happenedAt: null },
    ],
    reminders: [],
    sellerDrafts: 0,
    food: false,
    sentDrafts: {},
    compensationPercent: null,
    compensationAmount: null,
  };
}

/** Lower-case, without spaces and punctuation. */
function squash(text: string): string {
  return squashLower(text.toLowerCase());
}

function squashLower(lower: string): string {
  return lower.replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** The export phrases, squashed, and whether each is Chinese (matched inside a message) or not (the whole message). */
let exportPhrases: Array<{ phrase: string; han: boolean }> | null = null;
/** The phrases' first characters: a message with none of them (nearly every one) is no request, and is not squashed. */
let exportFirsts: string[] | null = null;

/**
 * The `export` intent from a buyer's words ("导出案卷", "生成材料", "export"), in either language:
 * a Chinese phrase anywhere in a short message, a Latin one only as the whole message (so
 * "the export box was crushed" is no request). Until the NLU reads intents this is how the
 * engine hears it; the phrases live in `locales/<locale>/casefile.json`.
 */
export function exportIntent(text: string): Extract<Intent, 'export'> | null {
  if (text.length > 30) return null;
  exportPhrases ??= LOCALES.flatMap((locale) => list(locale, 'casefile.phrases.export').map(squash)).map((phrase) => ({
    phrase, han: /\p{Script=Han}/u.test(phrase),
  }));
  exportFirsts ??= [...new Set(exportPhrases.map(({ phrase }) => phrase.charAt(0)))];
  // Squashing only takes characters out: a phrase in the squashed text has its first character in the text.
  const lower = text.toLowerCase();
  if (!exportFirsts.some((first) => lower.includes(first))) return null;
  const s = squashLower(lower);
  const hit = exportPhrases.some(({ phrase, han }) => (han ? s.includes(phrase) : s === phrase));
  return hit ? 'export' : null;
}
