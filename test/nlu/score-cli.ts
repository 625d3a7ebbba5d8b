/** Ad-hoc scorer: `npx tsx test/nlu/score-cli.ts FILE [field…]` prints per-field accuracy and misses of the named fields. */
import { missesOf, readJsonl, repoPath, report, score, type ScoredField } from './scoring.ts';

const [file, ...fields] = process.argv.slice(2);
const lines = readJsonl(repoPath(file ?? "test/nlu/blind-2.jsonl"));
const scores = score(lines);
console.log(report(`${file} (${lines.length} messages)`, scores));
for (const f of fields) console.log(`--- ${f} misses\n${missesOf(scores, f as ScoredField)}`);
