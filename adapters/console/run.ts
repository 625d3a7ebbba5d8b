/**
 * The terminal chat as a messenger: `npm start` with no messenger configured. One user
 * ("console"), reminders printed when they fall due; `done` resolves when stdin closes and
 * every line has been answered.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import type { AppPort, Messenger } from '../../src/app/messenger.ts';
import { textToInbound } from '../../src/app/text-inbound.ts';
import { formatForTerminal } from './format.ts';
import { saveFile } from '../../src/casefile/save.ts';

export interface ConsoleOptions {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  userId?: string;
  /** Where documents the bot sends (the case file) are written; default a fresh temporary folder. */
  filesDir?: string;
}

export interface ConsoleMessenger extends Messenger {
  /** Resolves once the input closed and every line was answered. */
  done: Promise<void>;
}

export function createConsoleMessenger(opts: ConsoleOptions = {}): ConsoleMessenger {
  const input = opts.input ?? process.stdin;
  const output = opts.output ?? process.stdout;
  const userId = opts.userId ?? 'console';
  const interactive = Boolean((input as NodeJS.ReadStream).isTTY);
  let rl: Interface | null = null;
  let queue: Promise<void> = Promise.resolve();
  let resolveDone!: () => void;
  const done = new Promise<void>((resolve) => (resolveDone = resolve));
  const prompt = () => {
    if (interactive) rl?.prompt();
  };
  let filesDir: string | undefined;

  return {
    name: 'console',
    userPrefix: userId,
    done,
    connected: () => rl !== null,
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
    async start(app: AppPort) {
      // The reader went away (`npm start | head`): stop reading instead of crashing on EPIPE.
      (output as NodeJS.WriteStream).on?.('error', (err: NodeJS.ErrnoException) => {
        if (err.code === 'EPIPE') rl?.close();
      });
      const lines = createInterface({ input, output: interactive ? output : undefined, terminal: interactive });
      rl = lines;
      lines.setPrompt('你 › ');
      // Listen before anything is awaited: piped input arrives at once, and a line emitted
      // before its listener is attached would be lost. Lines are handled one at a time, in
      // order, after the greeting.
      queue = app.handle(userId, { type: 'command', command: 'start' });
      lines.on('line', (line) => {
        queue = queue.then(() => app.handle(userId, textToInbound(line)));
      });
      lines.once('close', () => {
        void queue.then(resolveDone, resolveDone);
      });
    },
    async stop() {
      rl?.close();
      await queue.catch(() => undefined);
    },
  };
}
