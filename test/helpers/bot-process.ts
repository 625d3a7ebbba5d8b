/**
 * Spawn a bot fixture as a real process (node + tsx), wait for its `{"ready":true}` line,
 * and stop it: SIGKILL (a crash) or SIGTERM (a clean stop). Its stderr (the log) is kept, to
 * show when a test fails.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface BotProcess {
  readonly proc: ChildProcess;
  /** Every stdout line after the ready line, parsed. */
  readonly lines: unknown[];
  /** SIGKILL, and wait until it is gone (its stdout closed). */
  kill(): Promise<void>;
  /** SIGTERM, and wait for the exit code. */
  stop(): Promise<number | null>;
  /** What it logged on stderr so far. */
  log(): string;
}

export async function startBotProcess(fixture: string, env: Record<string, string>, timeoutMs = 30_000): Promise<BotProcess> {
  const proc = spawn(process.execPath, ['--import', 'tsx', fixture], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const lines: unknown[] = [];
  const rl = createInterface({ input: proc.stdout! });
  const closed = new Promise<void>((resolve) => rl.once('close', resolve));
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  const killOnExit = () => proc.kill('SIGKILL');
  process.once('exit', killOnExit);
  void exited.then(() => process.off('exit', killOnExit));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${fixture} not ready in ${timeoutMs} ms:\n${stderr}`)), timeoutMs);
    void exited.then((code) => reject(new Error(`${fixture} exited (${code}) before it was ready:\n${stderr}`)));
    rl.on('line', (raw) => {
      const line = JSON.parse(raw) as { ready?: boolean };
      if (line.ready) {
        clearTimeout(timer);
        resolve();
      } else lines.push(line);
    });
  });
  return {
    proc,
    lines,
    async kill() {
      proc.kill('SIGKILL');
      await Promise.all([closed, exited]);
    },
    async stop() {
      proc.kill('SIGTERM');
      return exited;
    },
    log: () => stderr,
  };
}

/** Poll `cond` every 20 ms; reject naming `what` after `ms`. */
export async function waitUntil(cond: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
