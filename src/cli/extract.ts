/**
 * `npm run --silent extract` (CONTRACTS.md §1): one buyer message per stdin line in,
 * one JSON line per message out, in order, nothing else on stdout. After the contract's fields
 * come three the contract allows as extras: `sellerReply` (what the buyer reports the seller or
 * platform did, in the codes of data/nlu/LABELS.md), `sellerQuoted` (the buyer reproduced their words rather than summarising) and
 * `intent` (what the buyer asks the bot to do).
 */
import { createInterface } from 'node:readline';
import { extract, sellerReplyLabel, toContractJson, type Extraction } from '../nlu/index.ts';

/** Their own words reproduced: quote marks, or a colon after the verb of saying ("客服说：…", "回我：…", "原话："). */
const QUOTED = /["“”「」『』]|(?:说|讲|回|答|回复|原话|话|said|says|replied|wrote)\s*[:：]/i;

function outputLine(e: Extraction, text: string): string {
  const sellerReply = e.sellerReply === null ? null : sellerReplyLabel(e.sellerReply);
  const sellerQuoted = sellerReply !== null && (e.sellerQuote !== null || QUOTED.test(text));
  return JSON.stringify({ ...toContractJson(e), sellerReply, sellerQuoted, intent: e.intent });
}

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
    buf += outputLine(extract(line), line) + '\n';
    if (buf.length >= FLUSH_BYTES) await flush();
  }
  await flush();
}

main().catch((err: unknown) => {
  process.stderr.write(`extract: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
