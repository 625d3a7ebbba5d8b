/**
 * Drives the pure engine through a conversation with a controlled clock, applying the
 * schedule changes it asks for and firing reminders as time passes. No I/O.
 */
import { freshState, step } from '../../src/engine/engine.ts';
import { withRecord } from '../../src/casefile/index.ts';
import type { ClosedCase, Inbound, Outbound, OutboundFile, StepResult, UserState } from '../../src/domain/index.ts';

export class EngineHarness {
  state: UserState;
  now: Date;
  readonly due = new Map<string, Date>();
  readonly log: { at: Date; out: Outbound[] }[] = [];
  /** The closed cases' records a store keeps beside the state (`StepResult.closed`), by case id. */
  readonly records = new Map<string, ClosedCase>();
  last!: StepResult;

  constructor(start = '2026-11-23T10:00:00+08:00', userId = 'u1', readonly timezone = 'Asia/Shanghai') {
    this.state = freshState(userId);
    this.now = new Date(start);
  }

  /** Move the clock (minutes) without firing anything. */
  advance(minutes: number): this {
    this.now = new Date(this.now.getTime() + minutes * 60_000);
    return this;
  }

  send(inbound: Inbound | string): Outbound[] {
    const event: Inbound = typeof inbound === 'string' ? { type: 'text', text: inbound } : inbound;
    return this.#apply(step(this.state, event, this.now, { timezone: this.timezone }));
  }

  command(command: string, arg = ''): Outbound[] {
    return this.send({ type: 'command', command, arg });
  }

  choose(slot: string, value: string): Outbound[] {
    return this.send({ type: 'choice', slot: slot as never, value });
  }

  /** Move time by `hours` and deliver every reminder due by then, in due order. */
  tickHours(hours: number): Outbound[] {
    this.now = new Date(this.now.getTime() + hours * 3600_000);
    return this.tick();
  }

  tick(): Outbound[] {
    const ready = [...this.due.entries()].filter(([, at]) => at <= this.now).sort((a, b) => a[1].getTime() - b[1].getTime());
    const out: Outbound[] = [];
    for (const [id] of ready) {
      this.due.delete(id);
      out.push(...this.#apply(step(this.state, { type: 'tick', reminderId: id }, this.now, { timezone: this.timezone })));
    }
    return out;
  }

  /** A `file` message's document as the shell hands it over: a past case's with the record kept of it (casefile `withRecord`). */
  delivered(m: Outbound): OutboundFile {
    const id = m.file!.source.record;
    return id === undefined ? m.file! : withRecord(m.file!, this.records.get(id) ?? null);
  }

  #apply(r: StepResult): Outbound[] {
    this.last = r;
    this.state = r.state;
    if (r.forget) this.records.clear();
    for (const c of r.closed ?? []) this.records.set(c.id, c);
    for (const c of r.schedule) {
      if (c.op === 'set') this.due.set(c.id, new Date(c.dueAt));
      else this.due.delete(c.id);
    }
    this.log.push({ at: this.now, out: r.out });
    return r.out;
  }
}

export const kinds = (out: Outbound[]) => out.map((m) => m.kind);
export const questions = (out: Outbound[]) => out.filter((m) => m.kind === 'question');
export const drafts = (out: Outbound[], to?: string) => out.filter((m) => m.kind === 'draft' && (!to || m.to === to));

/** A conversation told message by message, two minutes apart. */
export function told(...messages: string[]): EngineHarness {
  const h = new EngineHarness('2026-12-04T09:00:00+08:00');
  for (const m of messages) {
    h.send(m);
    h.advance(2);
  }
  return h;
}

/** A case opened by one message that completes it, an hour later: the case is followed. */
export function followedCase(first: string, at = '2026-12-04T09:00:00+08:00'): EngineHarness {
  const h = new EngineHarness(at);
  h.send(first);
  if (h.state.active?.phase !== 'following') throw new Error(`not followed after: ${first}`);
  h.advance(60);
  return h;
}

/**
 * The intake's remaining questions answered (the order number skipped, `wish` for the wish) until the
 * case is followed; everything the bot said, the first message's answer included.
 */
export function throughIntake(h: EngineHarness, first: string, wish: string): Outbound[] {
  const out = [...h.send(first)];
  for (let i = 0; i < 4 && h.state.active?.phase !== 'following'; i++) {
    const slot = h.state.pending?.slot;
    h.advance(1);
    out.push(...h.send(slot === 'wants' ? wish : '跳过'));
  }
  if (h.state.active?.phase !== 'following') throw new Error(`not followed after: ${first}`);
  return out;
}

/** Every message's text, joined. */
export const allText = (out: Outbound[]) => out.map((m) => m.text).join('\n');
