/** Running the project's commands as real processes, the way a newcomer or a checker does. */
import { spawnSync } from 'node:child_process';

export interface ChatLine {
  at: string;
  user: string;
  kind: string;
  /** The message code (its wording key), an extra field beyond CONTRACTS §2. */
  key?: string;
  slot?: string;
  to?: string;
  text: string;
  options?: string[];
}

/** `npm run chat -- --script -` with these events on stdin; its JSON lines parsed. */
export function runChat(events: object[], env: Record<string, string> = {}): { lines: ChatLine[]; stderr: string; status: number | null } {
  const input = events.map((e) => JSON.stringify(e)).join('\n') + '\n';
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/chat.ts', '--script', '-'], {
    input,
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'warn', REDIS_URL: '', ...env },
    timeout: 30_000,
  });
  const lines = r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as ChatLine);
  return { lines, stderr: r.stderr, status: r.status };
}

/** `npm start` (terminal chat) with this input on stdin and no messenger configured. */
export function start(input: string, env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    input,
    encoding: 'utf8',
    env: { ...process.env, REDIS_URL: '', TELEGRAM_BOT_TOKEN: '', WECHATY_PUPPET: '', LOG_LEVEL: '', ...env },
    timeout: 30_000,
  });
}
