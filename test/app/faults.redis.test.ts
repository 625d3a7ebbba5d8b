/**
 * Faults with real processes and a real redis-server: the bot process (fixtures/buyer-worker.ts)
 * SIGKILLed again and again mid-turn and mid-delivery, and Redis killed and restarted
 * mid-conversation. A stand-in messenger keeps each update pending until the bot reports it
 * committed (or a duplicate), and sends it again otherwise — the way Telegram re-delivers.
 *
 * Every buyer must end up with exactly the replies of a run without faults, in order: none
 * lost, none twice — except what no bot can avoid without an idempotent messenger API: a
 * message that was out when the process died while its delivery record was not yet stored
 * may go out once more. The worker reports each record when Redis confirms it, and the test
 * reads everything a killed process wrote before it judges, so it knows exactly which
 * messages were out unrecorded at each kill: only those may come again, and since each
 * record is confirmed before the next message goes out, that is at most one per buyer per kill.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisServerAvailable, startRedisServer, uniquePrefix, type RedisServer } from '../helpers/redis-server.ts';

const ORDERS = (i: number) => `39164528${String(i).padStart(11, '0')}`;
const script = (i: number) => [
  '我的快递有问题',
  `订单号 ${ORDERS(i)}`,
  ['杯子到手就碎了', '衣服和图片不一样', '一直没收到货', '用了两天就坏了'][i % 4]!,
  ['想退款', '退货退款', '给我补发', '换一个'][i % 4]!,
  '卖家说24小时内给我答复',
];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Line {
  user?: string;
  kind?: string;
  text?: string;
  batch?: string;
  index?: number;
  recorded?: string;
  upTo?: number;
  update?: string;
  status?: string;
  ready?: boolean;
}

/** One message as the messenger got it: `key` names it (batch and index) across resends. */
interface Delivered {
  user: string;
  kind: string;
  text: string;
  key: string | null;
  life: number;
}

/** The messenger side: buyers talk one message at a time; unconfirmed updates are sent again. */
class Messenger {
  readonly delivered: Delivered[] = [];
  readonly confirmed = new Set<string>();
  readonly pending = new Map<string, { user: string; text: string }>();
  /** Per batch, how many of its messages have a record Redis confirmed (Infinity: acknowledged). */
  readonly recordedUpTo = new Map<string, number>();
  /** Messages out without a confirmed record when their process was killed: key → times. */
  readonly exposed = new Map<string, number>();
  /** Per kill, per buyer, how many messages were out unrecorded. */
  readonly exposedPerKill: Array<Map<string, number>> = [];
  #proc: ChildProcess | null = null;
  #closed: Promise<void> = Promise.resolve();
  #life = 0;
  #step = new Map<string, number>();

  constructor(
    readonly env: Record<string, string>,
    readonly buyers: number,
  ) {}

  async start(): Promise<void> {
    const life = ++this.#life;
    const proc = spawn(process.execPath, ['--import', 'tsx', 'test/app/fixtures/buyer-worker.ts'], {
      env: { ...process.env, ...this.env },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    this.#proc = proc;
    proc.stdin!.on('error', () => undefined);
    let ready!: () => void;
    const isReady = new Promise<void>((r) => (ready = r));
    const lines = createInterface({ input: proc.stdout! });
    this.#closed = new Promise((r) => lines.once('close', r));
    lines.on('line', (raw) => {
      const l = JSON.parse(raw) as Line;
      if (l.ready) ready();
      if (l.user && l.text !== undefined) {
        this.delivered.push({ user: l.user, kind: l.kind!, text: l.text, key: l.batch === undefined ? null : `${l.batch}#${l.index}`, life });
      }
      if (l.recorded !== undefined) {
        const upTo = l.upTo === -1 ? Number.POSITIVE_INFINITY : l.upTo!;
        this.recordedUpTo.set(l.recorded, Math.max(upTo, this.recordedUpTo.get(l.recorded) ?? 0));
      }
      if (l.update) {
        if (l.status === 'committed' || l.status === 'duplicate') this.#confirm(l.update);
        else setTimeout(() => this.#send(l.update!), 200); // failed: sent again later
      }
    });
    await isReady;
    for (const id of this.pending.keys()) this.#send(id); // re-delivered after a restart
  }

  /** SIGKILL; then, with everything the process wrote read, note what it had out unrecorded. */
  async kill(): Promise<void> {
    this.#proc?.kill('SIGKILL');
    this.#proc = null;
    await this.#closed;
    const perBuyer = new Map<string, number>();
    for (const d of this.delivered) {
      if (d.life !== this.#life || d.key === null) continue;
      const [batch, index] = d.key.split('#') as [string, string];
      if (Number(index) < (this.recordedUpTo.get(batch) ?? 0)) continue;
      this.exposed.set(d.key, (this.exposed.get(d.key) ?? 0) + 1);
      perBuyer.set(d.user, (perBuyer.get(d.user) ?? 0) + 1);
    }
    this.exposedPerKill.push(perBuyer);
  }

  async stop(): Promise<void> {
    const p = this.#proc;
    if (!p) return;
    p.stdin!.end();
    await new Promise((r) => p.once('exit', r));
    await this.#closed;
    this.#proc = null;
  }

  begin(): void {
    for (let i = 0; i < this.buyers; i++) this.#next(`b${i}`);
  }

  /** Messages the running process has delivered. */
  get deliveredNow(): number {
    return this.delivered.filter((d) => d.life === this.#life).length;
  }

  get done(): boolean {
    return this.confirmed.size === this.buyers * script(0).length;
  }

  /** Messages that came more than once, by key, with how many extra copies. */
  resent(): Map<string, number> {
    const times = new Map<string, number>();
    for (const d of this.delivered) if (d.key !== null) times.set(d.key, (times.get(d.key) ?? 0) + 1);
    return new Map([...times].filter(([, n]) => n > 1).map(([k, n]) => [k, n - 1]));
  }

  /** Per buyer, the replies (apologies aside) in the order they came, each message once. */
  replies(): Record<string, string[]> {
    const seen = new Set<string>();
    const out: Record<string, string[]> = {};
    for (const d of this.delivered) {
      if (d.kind === 'error' || (d.key !== null && seen.has(d.key))) continue;
      if (d.key !== null) seen.add(d.key);
      (out[d.user] ??= []).push(d.text);
    }
    return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
  }

  /** Buyers say nothing past this many lines until `release()`. */
  #limit = Number.POSITIVE_INFINITY;
  #waiting = new Set<string>();

  holdAfter(lines: number): void {
    this.#limit = lines;
  }

  /** How many buyers are waiting at the limit. */
  get held(): number {
    return this.#waiting.size;
  }

  release(): void {
    this.#limit = Number.POSITIVE_INFINITY;
    const users = [...this.#waiting];
    this.#waiting.clear();
    for (const u of users) this.#next(u);
  }

  #next(user: string): void {
    const i = Number(user.slice(1));
    const step = this.#step.get(user) ?? 0;
    if (step >= script(i).length) return;
    if (step >= this.#limit) {
      this.#waiting.add(user);
      return;
    }
    this.#step.set(user, step + 1);
    const id = `tg:1:${user}:${step}`;
    this.pending.set(id, { user, text: script(i)[step]! });
    this.#send(id);
  }

  #send(id: string): void {
    const u = this.pending.get(id);
    if (!u || !this.#proc) return;
    this.#proc.stdin!.write(`${JSON.stringify({ ...u, updateId: id })}\n`);
  }

  #confirm(id: string): void {
    const u = this.pending.get(id);
    if (!u) return;
    this.pending.delete(id);
    this.confirmed.add(id);
    this.#next(u.user);
  }
}

const until = async (cond: () => boolean, ms: number) => {
  const deadline = Date.now() + ms;
  while (!cond() && Date.now() < deadline) await sleep(50);
  return cond();
};

describe.skipIf(!redisServerAvailable())('faults with real processes', () => {
  let server: RedisServer;
  let reference: Record<string, string[]>;
  const BUYERS = 6;
  beforeAll(async () => {
    server = await startRedisServer({ appendonly: true });
    const m = new Messenger({ REDIS_URL: server.url, KEY_PREFIX: uniquePrefix('ref'), DELIVER_MS: '0', LEASE_MS: '1000' }, BUYERS);
    await m.start();
    m.begin();
    expect(await until(() => m.done, 30_000)).toBe(true);
    await m.stop();
    expect(m.resent().size).toBe(0);
    reference = m.replies();
    expect(Object.keys(reference)).toHaveLength(BUYERS);
  }, 60_000);
  afterAll(async () => {
    await server?.destroy();
  });

  it('bot killed again and again mid-turn and mid-delivery: no reply lost; only a message out unrecorded at a kill comes twice', async () => {
    const m = new Messenger({ REDIS_URL: server.url, KEY_PREFIX: uniquePrefix('kill'), DELIVER_MS: '15', LEASE_MS: '1000' }, BUYERS);
    await m.start();
    m.begin();
    // Each kill lands while replies are going out: once the running process has sent a few.
    for (let k = 0; k < 4 && !m.done; k++) {
      await until(() => m.deliveredNow >= 3 + (k % 2) * 2 || m.done, 30_000);
      if (m.done) break;
      await m.kill();
      await m.start();
    }
    expect(m.exposedPerKill.length).toBeGreaterThanOrEqual(3);
    expect(await until(() => m.done, 40_000)).toBe(true);
    // A restarted run takes over what its predecessor left half sent at once (same instance).
    await until(() => JSON.stringify(m.replies()) === JSON.stringify(reference), 10_000);
    await m.stop();
    // Nothing lost, in order.
    expect(m.replies()).toEqual(reference);
    // Nothing twice but a message that was out, its record not yet stored, when its process died.
    for (const [key, extra] of m.resent()) expect(extra, key).toBeLessThanOrEqual(m.exposed.get(key) ?? 0);
    // Each record is stored before the next message goes out: at most one such message per buyer per kill.
    for (const perBuyer of m.exposedPerKill) for (const n of perBuyer.values()) expect(n).toBeLessThanOrEqual(1);
  }, 90_000);

  it('Redis killed and restarted mid-conversation: an apology, then everything processed once', async () => {
    const m = new Messenger({ REDIS_URL: server.url, KEY_PREFIX: uniquePrefix('outage'), DELIVER_MS: '0', LEASE_MS: '1000' }, BUYERS);
    await m.start();
    m.holdAfter(2);
    m.begin();
    expect(await until(() => m.held === BUYERS, 20_000)).toBe(true);
    await server.stop({ kill: true });
    // Every buyer's third line goes in while Redis is dead, and is apologised for.
    m.release();
    expect(await until(() => m.delivered.filter((x) => x.kind === 'error').length >= BUYERS, 20_000)).toBe(true);
    await server.start();
    expect(await until(() => m.done, 40_000)).toBe(true);
    await until(() => JSON.stringify(m.replies()) === JSON.stringify(reference), 10_000);
    await m.stop();
    const apologies = m.delivered.filter((x) => x.kind === 'error');
    expect(apologies.length).toBeGreaterThan(0);
    // It says the message will still be processed (the messenger re-delivers it), and it is.
    expect(apologies.every((a) => /恢复后会自动处理|as soon as we're back/.test(a.text))).toBe(true);
    expect(m.replies()).toEqual(reference);
    // The bot process never died: nothing may come twice.
    expect(m.resent().size).toBe(0);
  }, 90_000);
});
