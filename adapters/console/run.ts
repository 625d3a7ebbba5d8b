/**
 * The terminal chat: `npm start` with no messenger configured. One user ("console"),
 * reminders printed when they fall due, a clean exit when stdin closes.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Logger } from 'pino';
import { Assistant } from '../../src/app/assistant.ts';
import { systemClock, type Clock } from '../../src/app/clock.ts';
import { startReminderLoop } from '../../src/app/reminder-loop.ts';
import { textToInbound } from '../../src/app/text-inbound.ts';
import type { SessionStore } from '../../src/store/port.ts';
import type { Scheduler } from '../../src/schedule/port.ts';
import { formatForTerminal } from './format.ts';
import { saveFile } from '../../src/casefile/save.ts';

export interface ConsoleOptions {
  storage: { store: SessionStore; scheduler: Scheduler };
  logger: Logger;
  timezone: string;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  clock?: Clock;
  reminderPollMs?: number;
  userId?: string;
  /** Where documents the bot sends (the case file) are written; default a fresh temporary folder. */
  filesDir?: string;
}

/** Runs until the input closes. */
export async function runConsole(opts: ConsoleOptions): Promise<void> {
  const input = opts.input ?? process.stdin;
  const output = opts.output ?? process.stdout;
  const userId = opts.userId ?? 'console';
  const interactive = Boolean((input as NodeJS.ReadStream).isTTY);
  const rl = createInterface({ input, output: interactive ? output : undefined, terminal: interactive });
  const prompt = () => {
    if (interactive) rl.prompt();
  };
  rl.setPrompt('你 › ');
  let filesDir: string | undefined;

  const assistant = new Assistant({
    ...opts.storage,
    logger: opts.logger,
    timezone: opts.timezone,
    clock: opts.clock ?? systemClock,
    deliver: async (_userId, messages) => {
      for (const m of messages) {
        let text = formatForTerminal(m);
        if (m.file) {
          // A terminal has no upload: the document goes into a folder and its path is printed.
          filesDir ??= opts.filesDir ?? mkdtempSync(join(tmpdir(), 'shouhou-files-'));
          text += `\n📁 ${(await saveFile(m.file, filesDir)).path}`;
        }
        output.write(`\n售后帮 › ${text.replace(/\n/g, '\n         ')}\n`);
      }
      output.write('\n');
      prompt();
    },
  });
  // Listen before anything is awaited: piped input arrives at once, and a line emitted
  // before its listener is attached would be lost. Lines are handled one at a time, in
  // order, after the greeting.
  const closed = new Promise<void>((resolve) => rl.once('close', resolve));
  let queue = (async () => {
    await assistant.recover();
    await assistant.handle(userId, { type: 'command', command: 'start' });
  })();
  rl.on('line', (line) => {
    queue = queue.then(() => assistant.handle(userId, textToInbound(line)));
  });
  const loop = startReminderLoop(assistant, { intervalMs: opts.reminderPollMs ?? 1000, logger: opts.logger });
  await closed;
  await queue;
  await loop.stop();
}
