/**
 * A whole conversation, scripted (CONTRACTS.md §2):
 *
 *   npm run --silent chat -- --script FILE   (or `-` for stdin)
 *
 * Reads JSON-lines events in time order; the clock is the `at` of the event being
 * handled (nothing reads the wall clock). Writes one JSON line per bot message.
 * State lives in memory, or in Redis when REDIS_URL is set.
 */
import { accessSync, constants, createReadStream, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { Assistant } from '../app/assistant.ts';
import { ManualClock } from '../app/clock.ts';
import { plainText } from '../app/plain-text.ts';
import { textToInbound } from '../app/text-inbound.ts';
import type { Inbound, Outbound } from '../domain/index.ts';
import { loadConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { openStorage } from '../app/open-storage.ts';
import { exitWithConfigError } from './fail.ts';
import { saveFile } from '../casefile/save.ts';

/** One scripted event. Extra fields are ignored; `choice` and `command` are extensions. */
export const ScriptEvent = z.object({
  at: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a date-time'),
  user: z.string().min(1).max(200).optional(),
  text: z.string().optional(),
  photo: z.string().optional(),
  tick: z.boolean().optional(),
  choice: z.object({ slot: z.string(), value: z.string() }).optional(),
  command: z.string().optional(),
});
export type ScriptEvent = z.infer<typeof ScriptEvent>;

/** The JSON line written for one bot message. */
export function toLine(at: string, user: string, m: Outbound): Record<string, unknown> {
  return {
    at,
    user,
    kind: m.kind,
    ...(m.key ? { key: m.key } : {}),
    ...(m.slot ? { slot: m.slot } : {}),
    ...(m.to ? { to: m.to } : {}),
    // The scripted chat is a channel without buttons: options are numbered in the text.
    text: plainText(m),
    ...(m.options?.length ? { options: m.options.map((o) => o.label) } : {}),
    ...(m.options?.length ? { optionValues: m.options.map((o) => o.value) } : {}),
  };
}

function toInbound(ev: ScriptEvent): Inbound | null {
  if (ev.choice) return { type: 'choice', slot: ev.choice.slot as never, value: ev.choice.value };
  if (ev.command) return { type: 'command', command: ev.command.replace(/^\//, '') };
  if (ev.photo !== undefined) return { type: 'media', kind: 'photo', caption: ev.photo, fileId: null };
  if (ev.text !== undefined) return textToInbound(ev.text);
  return null;
}

function parseArgs(argv: string[]): string {
  const i = argv.indexOf('--script');
  const file = i >= 0 ? argv[i + 1] : undefined;
  if (!file) {
    process.stderr.write('usage: npm run --silent chat -- --script FILE   (FILE may be - for stdin)\n');
    process.exit(2);
  }
  return file;
}

/** A missing or unreadable script is the caller's to fix: one line, exit 2 (like a usage error). */
function checkScriptFile(file: string): void {
  let why: string | null = null;
  try {
    accessSync(file, constants.R_OK);
    if (statSync(file).isDirectory()) why = 'is a folder, not a file';
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    why = code === 'ENOENT' ? 'does not exist' : code === 'EACCES' ? 'cannot be read (permissions)' : `cannot be read (${code})`;
  }
  if (why) {
    process.stderr.write(`shouhou: --script ${file} ${why}. Give a JSON-lines file, or - for stdin.\n`);
    process.exit(2);
  }
}

async function main(): Promise<void> {
  const file = parseArgs(process.argv.slice(2));
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    exitWithConfigError(err);
  }
  if (file !== '-') checkScriptFile(file);
  const logger = createLogger({ level: config.logLevel === 'info' ? 'warn' : config.logLevel, unredacted: config.logUnredacted });
  let storage;
  try {
    storage = await openStorage({ redisUrl: config.redisUrl, logger, retentionDays: config.retentionDays });
  } catch (err) {
    exitWithConfigError(err);
  }
  const clock = new ManualClock(new Date(0));
  let filesDir: string | undefined;
  let currentAt = '';
  const write = (line: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(line)}\n`);
  const assistant = new Assistant({
    store: storage.store,
    scheduler: storage.scheduler,
    clock,
    logger,
    timezone: config.timezone,
    // Scripted time only moves at events: a reminder delivered at a sparse `tick` is on
    // time in the script's world, not late.
    lateAfterMs: Number.POSITIVE_INFINITY,
    deliver: async (userId, messages) => {
      for (const m of messages) {
        if (!m.file) {
          write(toLine(currentAt, userId, m));
          continue;
        }
        // A document: written under CHAT_FILES_DIR (default a fresh temporary folder), its place printed.
        filesDir ??= process.env.CHAT_FILES_DIR || mkdtempSync(join(tmpdir(), 'shouhou-chat-'));
        const saved = await saveFile(m.file, filesDir);
        write({ ...toLine(currentAt, userId, m), name: saved.name, mime: saved.mime, path: saved.path });
      }
    },
  });

  const input = file === '-' ? process.stdin : createReadStream(file, 'utf8');
  const lines = createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  try {
    for await (const raw of lines) {
      n += 1;
      if (!raw.trim()) continue;
      let ev: ScriptEvent;
      try {
        ev = ScriptEvent.parse(JSON.parse(raw));
      } catch (err) {
        logger.error({ line: n }, `script line ${n} is not a valid event: ${err instanceof Error ? err.message.split('\n')[0] : err}`);
        continue;
      }
      currentAt = ev.at;
      clock.set(ev.at);
      if (n === 1 || ev.tick) await assistant.recover();
      if (ev.tick) {
        await assistant.fireDue();
        continue;
      }
      const inbound = toInbound(ev);
      if (!inbound) {
        logger.error({ line: n }, `script line ${n} has none of text, photo, tick`);
        continue;
      }
      await assistant.handle(ev.user ?? 'u1', inbound);
    }
  } finally {
    await storage.close();
  }
}

await main();
