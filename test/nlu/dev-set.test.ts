/**
 * Extraction scored on our own labelled development set (test/nlu/dev-set.jsonl): every
 * platform and order-number shape, the traps (tracking, phone, amount, date, model numbers),
 * slang, negation, quoted seller words, promises, Traditional Chinese, English and mixed text.
 */
import { describe, expect, it } from 'vitest';
import { missesOf, readJsonl, repoPath, report, score } from './scoring.ts';

const lines = readJsonl(repoPath('test/nlu/dev-set.jsonl'));
const scores = score(lines);

describe('dev set', () => {
  console.log(report(`dev set (${lines.length} messages)`, scores));

  it('is big enough to mean something', () => {
    expect(lines.length).toBeGreaterThanOrEqual(150);
  });

  it.each([
    ['orderId', 0.97],
    ['platform', 0.95],
    ['problem', 0.85],
    ['wants', 0.9],
    ['trackingNo', 0.95],
    ['promise', 0.9],
  ] as const)('%s ≥ %d', (field, min) => {
    expect(scores[field].accuracy, missesOf(scores, field)).toBeGreaterThanOrEqual(min);
  });
});
