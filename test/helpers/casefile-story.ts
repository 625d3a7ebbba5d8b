/**
 * The issue-15 story, shared by the case-file tests of every channel: a buyer reports a problem
 * with all three elements, sends two photos and a seller promise, then asks for the case file.
 * Also reads a PDF back as text with poppler's `pdftotext` (installed by .ci/run).
 */
import { execFileSync } from 'node:child_process';

export const STORY_ORDER = '3928817465520193847';

/** Script events (CONTRACTS.md §2 shape), buyer's clock in +08:00. */
export const STORY = [
  { at: '2026-11-22T20:15:00+08:00', text: '淘宝订单 3928817465520193847，收到的陶瓷花瓶瓶口碎了，想退款，实付128元' },
  { at: '2026-11-22T20:21:00+08:00', photo: '瓶口碎裂特写' },
  { at: '2026-11-22T20:23:00+08:00', photo: '快递外箱' },
  { at: '2026-11-23T09:40:00+08:00', text: '商家回复说48小时内给处理方案' },
] as const;
export const STORY_EXPORT_AT = '2026-11-23T10:05:00+08:00';

/** What the PDF of the story must hold (Asia/Shanghai). */
export const STORY_FACTS = {
  captions: ['2026年11月22日 20:21', '瓶口碎裂特写', '2026年11月22日 20:23', '快递外箱'],
  promiseDeadline: '2026年11月25日 09:40',
  wish: '退款',
} as const;

/** The text of a PDF (pdftotext), or a clear failure when poppler-utils is missing. */
export function pdfText(pdf: Uint8Array | string, args: string[] = []): string {
  const input = typeof pdf === 'string' ? pdf : '-';
  try {
    return execFileSync('pdftotext', [...args, '-enc', 'UTF-8', input, '-'], {
      input: typeof pdf === 'string' ? undefined : pdf,
      encoding: 'utf8',
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error('pdftotext not found: install poppler-utils (apt-get install -y poppler-utils; .ci/run does)');
    }
    throw err;
  }
}

/** Without white space: PDF text extraction breaks lines where the layout wrapped them. */
export function squashed(text: string): string {
  return text.replace(/\s+/g, '');
}
