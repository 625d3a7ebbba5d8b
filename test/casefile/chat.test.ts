/**
 * The scripted chat (CONTRACTS.md §2) prints a `file` line for /export and writes the PDF under
 * CHAT_FILES_DIR: run as a real process, the PDF read back.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runChat } from '../helpers/cli.ts';
import { pdfText, squashed, STORY, STORY_EXPORT_AT, STORY_FACTS, STORY_ORDER } from '../helpers/casefile-story.ts';

interface FileLine {
  kind: string;
  text: string;
  name?: string;
  mime?: string;
  path?: string;
}

describe('npm run chat -- --script: /export', () => {
  it('prints one file line (name, mime, path under CHAT_FILES_DIR, caption as text) and writes the PDF there', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shouhou-chat-test-'));
    const { lines, status, stderr } = runChat(
      [...STORY.map((e) => ({ ...e, user: 'u1' })), { at: STORY_EXPORT_AT, user: 'u1', text: '/export' }, { at: STORY_EXPORT_AT, user: 'u1', text: '生成材料' }],
      { CHAT_FILES_DIR: dir },
    );
    expect(status, stderr).toBe(0);
    const files = (lines as FileLine[]).filter((l) => l.kind === 'file');
    expect(files).toHaveLength(2);
    const [first, second] = files as [FileLine, FileLine];
    expect(first).toMatchObject({ name: `shouhou-case-${STORY_ORDER}-20261123.pdf`, mime: 'application/pdf', path: join(dir, first.name!) });
    expect(first.text).toContain(STORY_ORDER);
    // A second export the same day does not overwrite the first.
    expect(second.path).not.toBe(first.path);
    expect(dirname(second.path!)).toBe(dir);
    expect(readdirSync(dir).sort()).toEqual([first.name, second.name].sort());

    const text = squashed(pdfText(readFileSync(first.path!)));
    expect(text).toContain(STORY_ORDER);
    for (const fact of STORY_FACTS.captions) expect(text).toContain(squashed(fact));
    expect(text).toContain(squashed(STORY_FACTS.promiseDeadline));
  });

  it('without CHAT_FILES_DIR, writes into a fresh temporary folder', () => {
    const { lines } = runChat([{ ...STORY[0], user: 'u2' }, { at: STORY_EXPORT_AT, user: 'u2', command: 'export' }], { CHAT_FILES_DIR: '' });
    const file = (lines as FileLine[]).find((l) => l.kind === 'file');
    expect(file?.path?.startsWith(tmpdir())).toBe(true);
    expect(readFileSync(file!.path!).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
