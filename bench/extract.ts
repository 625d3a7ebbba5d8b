/**
 * Extraction throughput on one core: `extract` over a mix of the real-message corpus and
 * the dev set, repeated for a fixed time. `bench/run.ts` calls `benchExtract`; run this
 * file directly to print the result.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extract } from '../src/nlu/index.ts';

const SOURCES = ['../shared/corpus/real-buyer-messages.jsonl', 'test/nlu/dev-set.jsonl'];

function messages(): string[] {
  const out: string[] = [];
  for (const rel of SOURCES) {
    const path = fileURLToPath(new URL(`../${rel}`, import.meta.url));
    if (!existsSync(path)) continue;
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (line.trim()) out.push((JSON.parse(line) as { text: string }).text);
    }
  }
  // Without the data files, still measure something representative.
  if (out.length === 0) out.push('淘宝订单3916452812345678901 杯子碎了 想退款', '京东快递单号JDV012345678901 一直没到', 'my order never arrived');
  return out;
}

/**
 * Run `extract` for about `seconds` (default 2) after a short warm-up.
 * @returns how many messages were extracted and the rate per second.
 */
export async function benchExtract(opts: { seconds?: number } = {}): Promise<{ messages: number; messagesPerSec: number }> {
  const seconds = opts.seconds ?? 2;
  const texts = messages();
  for (let i = 0; i < 2000; i++) extract(texts[i % texts.length]!);
  let count = 0;
  const start = process.hrtime.bigint();
  const budget = BigInt(Math.round(seconds * 1e9));
  let elapsed = 0n;
  while (elapsed < budget) {
    // Check the clock once per batch: the clock call would otherwise be part of what we measure.
    for (let i = 0; i < 500; i++) extract(texts[(count + i) % texts.length]!);
    count += 500;
    elapsed = process.hrtime.bigint() - start;
  }
  const secs = Number(elapsed) / 1e9;
  return { messages: count, messagesPerSec: Math.round(count / secs) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const seconds = Number(process.argv.find((a) => a.startsWith('--seconds='))?.slice(10) ?? 2);
  benchExtract({ seconds }).then((r) => console.log(JSON.stringify(r)));
}
