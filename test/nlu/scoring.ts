/**
 * Scoring `extract` against labelled JSONL files (shared by the corpus and dev-set tests).
 * A line is `{"text": …, <field>: <expected>, …}`; only fields present on a line are scored.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extract, toContractJson } from '../../src/nlu/index.ts';

export const SCORED_FIELDS = ['orderId', 'platform', 'problem', 'wants', 'trackingNo', 'promise'] as const;
export type ScoredField = (typeof SCORED_FIELDS)[number];

export interface Labelled {
  text: string;
  [field: string]: unknown;
}

export interface FieldScore {
  correct: number;
  total: number;
  accuracy: number;
  misses: { line: number; text: string; got: unknown; want: unknown }[];
}

/** Repo-relative path → absolute path (tests run from any cwd). */
export function repoPath(relative: string): string {
  return fileURLToPath(new URL(`../../${relative}`, import.meta.url));
}

export function readJsonl(path: string): Labelled[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Labelled);
}

export function score(lines: readonly Labelled[]): Record<ScoredField, FieldScore> {
  const out = Object.fromEntries(
    SCORED_FIELDS.map((f) => [f, { correct: 0, total: 0, accuracy: 1, misses: [] } as FieldScore]),
  ) as Record<ScoredField, FieldScore>;
  lines.forEach((d, i) => {
    const got = toContractJson(extract(d.text));
    for (const f of SCORED_FIELDS) {
      if (!(f in d)) continue;
      const s = out[f];
      s.total++;
      const want = d[f] ?? null;
      if (JSON.stringify(got[f]) === JSON.stringify(want)) s.correct++;
      else s.misses.push({ line: i + 1, text: d.text, got: got[f], want });
    }
  });
  for (const f of SCORED_FIELDS) out[f].accuracy = out[f].total ? out[f].correct / out[f].total : 1;
  return out;
}

/** A table of per-field accuracy, printed by the tests so a run shows where we stand. */
export function report(name: string, scores: Record<ScoredField, FieldScore>): string {
  const rows = SCORED_FIELDS.filter((f) => scores[f].total > 0).map(
    (f) => `  ${f.padEnd(11)} ${(scores[f].accuracy * 100).toFixed(1).padStart(5)} %  (${scores[f].correct}/${scores[f].total})`,
  );
  return `${name}\n${rows.join('\n')}`;
}

export function missesOf(scores: Record<ScoredField, FieldScore>, field: ScoredField): string {
  return scores[field].misses
    .map((m) => `  #${m.line} got ${JSON.stringify(m.got)} want ${JSON.stringify(m.want)}: ${m.text.slice(0, 80)}`)
    .join('\n');
}
