/**
 * The labelled real-buyer corpus lives outside the repository (`../shared/corpus`), beside the
 * clone in CI. A clone on its own has no such folder: the suites that read it skip, and say so
 * in one visible line.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const CORPUS_PATH = fileURLToPath(new URL('../../../shared/corpus/real-buyer-messages.jsonl', import.meta.url));
export const HAS_CORPUS = existsSync(CORPUS_PATH);

let said = false;
/** Print the skip notice once per test file that needs the corpus. */
export function noteMissingCorpus(suite: string): void {
  if (HAS_CORPUS || said) return;
  said = true;
  console.warn(`SKIPPED ${suite}: ../shared/corpus/real-buyer-messages.jsonl is not beside this clone (it is in CI).`);
}
