/**
 * Extraction throughput on one core: `extract` over a mix of the real-message corpus and
 * the dev set, repeated for a fixed time. `bench/run.ts` calls `benchExtract`; run this
 * file directly to print the result (`--rules`: the rules alone, without the classifier;
 * `--seconds=N`). Besides messages per second of the wall clock it gives messages per second
 * of this process's CPU time, which other work on a shared machine disturbs less.
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
 * @returns how many messages were extracted, the rate per second and per CPU second.
 */
export async function benchExtract(
  opts: { seconds?: number; rulesOnly?: boolean } = {},
): Promise<{ messages: number; messagesPerSec: number; messagesPerCpuSec: number }> {
  const seconds = opts.seconds ?? 2;
  const texts = messages();
  const options = opts.rulesOnly ? { model: null } : {};
  for (let i = 0; i < 2000; i++) extract(texts[i % texts.length]!, options);
  let count = 0;
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const budget = BigInt(Math.round(seconds * 1e9));
  let elapsed = 0n;
  while (elapsed < budget) {
    // Check the clock once per batch: the clock call would otherwise be part of what we measure.
    for (let i = 0; i < 500; i++) extract(texts[(count + i) % texts.length]!, options);
    count += 500;
    elapsed = process.hrtime.bigint() - start;
  }
  const secs = Number(elapsed) / 1e9;
  const used = process.cpuUsage(cpu);
  return { messages: count, messagesPerSec: Math.round(count / secs), messagesPerCpuSec: Math.round(count / ((used.user + used.system) / 1e6)) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const seconds = Number(process.argv.find((a) => a.startsWith('--seconds='))?.slice(10) ?? 2);
  benchExtract({ seconds, rulesOnly: process.argv.includes('--rules') }).then((r) => console.log(JSON.stringify(r)));
}
