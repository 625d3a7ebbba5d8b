/**
 * Scoring the whole extractor (rules + trained classifier) on a labelled set: accuracy per
 * field, recall per code ("family"), and the confident-wrong rate: the share of messages
 * where the extractor gives a non-null answer that is wrong with a confidence at or above
 * the level at which the dialogue acts on it (`ACT_CONFIDENCE`).
 *
 * `npx tsx test/nlu/evaluate.ts FILE…` prints the table (rules alone and with the model).
 */
import { extract, SELLER_REPLY_OF_LABEL, type Extraction } from '../../src/nlu/index.ts';
import { ACT_CONFIDENCE } from '../../src/nlu/confidence.ts';
import { readJsonl, repoPath, type Labelled } from './scoring.ts';

export const MODEL_FIELDS = ['problem', 'wants', 'sellerReply'] as const;
type Field = (typeof MODEL_FIELDS)[number];


export interface Evaluation {
  n: number;
  accuracy: Partial<Record<Field, number>>;
  confidentWrong: Partial<Record<Field, number>>;
  /** Per expected code: [right, total]. */
  perCode: Partial<Record<Field, Record<string, [number, number]>>>;
}

function expected(d: Labelled, f: Field): string | undefined {
  if (!(f in d)) return undefined;
  const v = d[f] === null ? '-' : String(d[f]);
  return f === 'sellerReply' ? (SELLER_REPLY_OF_LABEL[v] ?? v) : v;
}

export function evaluate(lines: readonly Labelled[], opts: { rulesOnly?: boolean } = {}): Evaluation {
  const ev: Evaluation = { n: lines.length, accuracy: {}, confidentWrong: {}, perCode: {} };
  const tallies = Object.fromEntries(MODEL_FIELDS.map((f) => [f, { right: 0, total: 0, cw: 0 }]));
  for (const d of lines) {
    const got: Extraction = extract(d.text, opts.rulesOnly ? { model: null } : {});
    for (const f of MODEL_FIELDS) {
      const want = expected(d, f);
      if (want === undefined) continue;
      const g = got[f] ?? '-';
      const t = tallies[f]!;
      t.total++;
      const per = (ev.perCode[f] ??= {});
      const cell = (per[want] ??= [0, 0]);
      cell[1]++;
      if (g === want) {
        t.right++;
        cell[0]++;
      } else if (g !== '-' && (got.evidence[f]?.confidence ?? 0) >= ACT_CONFIDENCE) t.cw++;
    }
  }
  for (const f of MODEL_FIELDS) {
    const t = tallies[f]!;
    if (!t.total) continue;
    ev.accuracy[f] = t.right / t.total;
    ev.confidentWrong[f] = t.cw / t.total;
  }
  return ev;
}

export function formatEvaluation(name: string, e: Evaluation): string {
  const rows = MODEL_FIELDS.filter((f) => e.accuracy[f] !== undefined).map((f) => {
    const codes = Object.entries(e.perCode[f] ?? {})
      .sort((a, b) => b[1][1] - a[1][1])
      .map(([c, [r, t]]) => `${c} ${Math.round((100 * r) / t)}%/${t}`)
      .join(', ');
    return `  ${f.padEnd(11)} ${(e.accuracy[f]! * 100).toFixed(1).padStart(5)} %  confident-wrong ${(e.confidentWrong[f]! * 100).toFixed(1)} %   [${codes}]`;
  });
  return `${name} (${e.n} messages)\n${rows.join('\n')}`;
}

if (process.argv[1]?.endsWith('evaluate.ts')) {
  for (const file of process.argv.slice(2)) {
    const lines = readJsonl(file.startsWith('/') ? file : repoPath(file));
    console.log(formatEvaluation(`${file} — rules only`, evaluate(lines, { rulesOnly: true })));
    console.log(formatEvaluation(`${file} — rules + model`, evaluate(lines)));
  }
}
