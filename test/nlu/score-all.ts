/** Dev helper: `npx tsx test/nlu/score-all.ts` prints problem/wants accuracy on every tuning set (blind-6 and blind-7 have been tuned on; never blind-8). */
import { readJsonl, repoPath, score } from './scoring.ts';

const SETS = ['../shared/corpus/real-buyer-messages.jsonl', 'test/nlu/dev-set.jsonl', 'test/nlu/blind-2.jsonl', 'test/nlu/blind-3.jsonl', 'test/nlu/blind-4.jsonl', 'test/nlu/blind-5.jsonl', 'test/nlu/blind-6.jsonl', 'test/nlu/blind-7.jsonl'];
for (const f of SETS) {
  const s = score(readJsonl(repoPath(f)));
  const pct = (x: number): string => (x * 100).toFixed(1).padStart(5);
  console.log(`${f.split('/').pop()!.padEnd(32)} problem ${pct(s.problem.accuracy)}  wants ${pct(s.wants.accuracy)}  orderId ${pct(s.orderId.accuracy)}  platform ${pct(s.platform.accuracy)}`);
}
