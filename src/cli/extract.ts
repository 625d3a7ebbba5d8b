/**
 * `npm run --silent extract` (CONTRACTS.md §1): one buyer message per stdin line in,
 * one JSON line per message out, in order, nothing else on stdout.
 */
import { createInterface } from 'node:readline';
import { extract, toContractJson } from '../nlu/index.ts';

const FLUSH_BYTES = 64 * 1024;

async function main(): Promise<void> {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    // The reader went away (`| head`): stop quietly.
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let buf = '';
  const flush = async (): Promise<void> => {
    if (buf.length === 0) return;
    const chunk = buf;
    buf = '';
    if (!process.stdout.write(chunk)) await new Promise<void>((resolve) => process.stdout.once('drain', resolve));
  };
  for await (const line of rl) {
    buf += JSON.stringify(toContractJson(extract(line))) + '\n';
    if (buf.length >= FLUSH_BYTES) await flush();
  }
  await flush();
}

main().catch((err: unknown) => {
  process.stderr.write(`extract: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
