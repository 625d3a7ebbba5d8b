/**
 * No container engine runs on the development machines, so the image's install step is
 * replayed here: a clean folder holding only what the Dockerfile's runtime stage copies
 * before `npm ci --omit=dev`, the same command run in it, and a check that no development
 * package ends up installed. The image's command without a messenger is checked too.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** The runtime stage: everything after the last FROM. */
const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
const installAt = runtime.indexOf('RUN npm ci');
/** Files the runtime stage copies from the build context before installing. */
const copied = [...runtime.slice(0, installAt).matchAll(/^COPY (?!--from)(.+) \.\/$/gm)].flatMap((m) => m[1]!.trim().split(/\s+/));
const installCommand = /RUN (npm ci[^&\n]*)/.exec(runtime)?.[1]?.trim() ?? '';

describe('the image', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shouhou-image-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('copies the lock file and every npm setting it needs before installing', () => {
    expect(copied).toEqual(expect.arrayContaining(['package.json', 'package-lock.json', '.npmrc']));
    expect(installCommand).toMatch(/--omit=dev/);
  });

  it('installs production packages only, from exactly what the Dockerfile copies', () => {
    for (const f of copied) copyFileSync(join(ROOT, f), join(dir, f));
    const args = [...installCommand.split(/\s+/).slice(1), '--prefer-offline', '--loglevel=error'];
    const r = spawnSync('npm', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
    expect(r.status, r.stderr).toBe(0);
    const installed = new Set(readdirSync(join(dir, 'node_modules')).flatMap((n) =>
      n.startsWith('@') ? readdirSync(join(dir, 'node_modules', n)).map((m) => `${n}/${m}`) : [n]));
    for (const dep of Object.keys(pkg.dependencies)) expect(installed.has(dep), dep).toBe(true);
    // The lock file marks every package only development needs; none may be present. (A dev
    // package that a production package also needs, like @types/node for wechaty, is not marked.)
    const lock = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
    for (const dev of Object.keys(pkg.devDependencies)) {
      if (lock.packages[`node_modules/${dev}`]?.dev) expect(installed.has(dev), `${dev} is a dev package`).toBe(false);
    }
    for (const testDouble of ['wechaty-puppet-mock', 'telegram-test-api', 'vitest', 'typescript']) expect(installed.has(testDouble), testDouble).toBe(false);
    const devOnly = Object.entries(lock.packages).filter(([p, v]) => p && v.dev).map(([p]) => p);
    expect(devOnly.length).toBeGreaterThan(0);
    expect(devOnly.filter((p) => existsSync(join(dir, p)))).toEqual([]);
  }, 240_000);

  it("runs its command as a service: without a messenger it exits non-zero with one line", () => {
    expect(runtime).toMatch(/CMD \["node", "src\/main\.js", "--service"\]/);
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(TELEGRAM_|WECHATY_|REDIS_|WEBHOOK_)/.test(k)));
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts', '--service'], { cwd: ROOT, encoding: 'utf8', env, input: '' });
    expect(r.status).not.toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/TELEGRAM_BOT_TOKEN/);
    expect(lines[0]).toMatch(/WECHATY_PUPPET/);
    expect(r.stdout).toBe('');
  }, 60_000);
});
