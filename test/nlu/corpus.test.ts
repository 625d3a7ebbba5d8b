/**
 * Extraction scored on 202 real buyer messages (../shared/corpus, see SOURCES.md).
 * Order numbers were anonymised there, so every orderId label is null: any order number
 * we report is invented.
 */
import { describe, expect, it } from 'vitest';
import { missesOf, readJsonl, report, score } from './scoring.ts';

import { CORPUS_PATH as CORPUS, HAS_CORPUS, noteMissingCorpus } from '../helpers/shared-corpus.ts';

noteMissingCorpus('test/nlu/corpus.test.ts');

describe.skipIf(!HAS_CORPUS)('corpus: real buyer messages', () => {
  const lines = HAS_CORPUS ? readJsonl(CORPUS) : [];
  const scores = score(lines);
  console.log(report(`corpus (${lines.length} messages)`, scores));

  it('has the lines SOURCES.md describes', () => {
    expect(lines.length).toBeGreaterThanOrEqual(200);
  });

  it('never invents an order number', () => {
    expect(missesOf(scores, 'orderId')).toBe('');
  });

  it('names the platform only when the text does (≥ 95 %)', () => {
    expect(scores.platform.accuracy, missesOf(scores, 'platform')).toBeGreaterThanOrEqual(0.95);
  });

  it('reads the problem (≥ 80 %)', () => {
    expect(scores.problem.accuracy, missesOf(scores, 'problem')).toBeGreaterThanOrEqual(0.8);
  });

  it('reads what the buyer wants (≥ 80 %)', () => {
    expect(scores.wants.accuracy, missesOf(scores, 'wants')).toBeGreaterThanOrEqual(0.8);
  });
});
