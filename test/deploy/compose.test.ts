/**
 * The deployment files agree with the program: every variable the configuration reads is in
 * .env.example, compose runs Redis with an append-only file and the bot under an init, the
 * webhook profile publishes its port, and the Grafana dashboard shows the contract's metrics.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const read = (f: string) => readFileSync(join(ROOT, f), 'utf8');

describe('deployment files', () => {
  it('.env.example names every variable the configuration reads', () => {
    const config = read('src/config.ts');
    const read_ = [...config.matchAll(/\(env, '([A-Z_]+)'/g)].map((m) => m[1]!);
    expect(read_.length).toBeGreaterThan(15);
    const example = read('.env.example');
    // WECHATY_NAME is set by docker-compose.yml itself (a volume path).
    for (const name of new Set(read_)) {
      if (name === 'WECHATY_NAME') expect(read('docker-compose.yml')).toContain(name);
      else expect(example, name).toMatch(new RegExp(`^#? ?${name}=`, 'm'));
    }
  });

  it('compose: Redis with AOF, an init, a graceful stop, a webhook profile with its port published', () => {
    const compose = read('docker-compose.yml');
    expect(compose).toMatch(/"--appendonly", "yes"/);
    expect(compose).toMatch(/"--appendfsync", "(everysec|always)"/);
    expect(compose).toMatch(/init: true/);
    expect(compose).toMatch(/stop_grace_period:/);
    const webhook = compose.slice(compose.indexOf('bot-webhook:'));
    expect(webhook).toMatch(/profiles: \[webhook\]/);
    expect(webhook).toMatch(/ports:\s*\n(\s*#.*\n)*\s*- "\$\{PORT:-8080\}:\$\{PORT:-8080\}"/);
    expect(compose).toMatch(/profiles: \[polling\]/);
    expect(read('.env.example')).toMatch(/^COMPOSE_PROFILES=polling$/m);
  });

  it('the Grafana dashboard is valid JSON and charts the contract metrics', () => {
    const dash = JSON.parse(read('deploy/grafana-dashboard.json')) as { panels: { targets: { expr: string }[] }[] };
    const exprs = dash.panels.flatMap((p) => p.targets.map((t) => t.expr)).join('\n');
    for (const m of ['shouhou_turns_total', 'shouhou_reminders_fired_total', 'shouhou_reminder_lateness_seconds_bucket', 'shouhou_errors_total', 'shouhou_outbox_pending', 'shouhou_storage_seconds_bucket', 'shouhou_up']) {
      expect(exprs, m).toContain(m);
    }
  });
});
