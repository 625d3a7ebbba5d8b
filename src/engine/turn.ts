/**
 * One turn of the engine: the state being changed, "now", and what the turn produces.
 * A `Turn` is created per inbound event; handlers append messages and schedule changes
 * to it, and `result()` hands them back to the shell. Nothing here performs I/O.
 */
import { has, tIn, type Vars } from '../i18n/index.ts';
import { isoInstant, outOfQuietHours } from '../time/deadlines.ts';
import { closeMenus, openMenu } from './menus.ts';
import { NO_REPORT, type ReportFacts } from './report-facts.ts';
import type {
  Askable, Case, ClosedCase, Locale, Menu, Option, Outbound, PendingReminder, ReminderReason, ScheduleChange, StepResult, UserState,
} from '../domain/index.ts';

export interface EngineConfig {
  /** IANA timezone for users without their own (BOT_TIMEZONE). */
  timezone: string;
  /** The stored state could not be read and this turn starts from a fresh one. */
  restarted?: boolean;
}

/** A message to send: its wording key and variables, lines before and after, and extras. */
export interface Message extends Partial<Omit<Outbound, 'kind' | 'text' | 'key'>> {
  vars?: Vars;
  before?: string[];
  after?: string[];
}

const NO_MESSAGE: Message = Object.freeze({});

/** The lines before, the main line and the lines after, empty ones left out, one a line. */
function joinLines(before: readonly string[] = [], main: string, after: readonly string[] = []): string {
  let text = '';
  let first = true;
  for (const lines of [before, [main], after]) {
    for (const line of lines) {
      if (line === '') continue;
      text = first ? line : `${text}\n${line}`;
      first = false;
    }
  }
  return text;
}

export class Turn {
  readonly out: Outbound[] = [];
  readonly schedule: ScheduleChange[] = [];
  forget = false;
  readonly warnings: string[] = [];
  /** Cases closed in this turn, for the store to keep (see `closeCase`). */
  readonly closed: ClosedCase[] = [];
  /** What the message being handled says beside its reply code (quote, day, courier blame, own application). */
  report: ReportFacts = NO_REPORT;
  /** A message of this turn opened a menu (the latest menu is then current for a bare number). */
  menuOpened = false;
  /** `now` as an ISO instant (the form the state records), built once per turn. */
  readonly nowIso: string;

  constructor(
    public state: UserState,
    readonly now: Date,
    readonly cfg: EngineConfig,
  ) {
    this.nowIso = isoInstant(now);
  }

  get loc(): Locale {
    return this.state.locale ?? 'zh-CN';
  }

  get tz(): string {
    return this.state.timezone ?? this.cfg.timezone;
  }

  /**
   * Wording in the user's language. For a shop selling on its own (no platform named), the wording's
   * `…OwnShop` form where there is one: no platform there to keep a record or to step in.
   */
  t(key: string, vars?: Vars): string {
    const c = this.state.active;
    const own = c?.slots.standalone && !c.slots.platform && has(this.loc, `dialogue.${key}OwnShop`);
    return tIn(this.loc, 'dialogue', own ? `${key}OwnShop` : key, vars);
  }

  /**
   * Send a message whose main line is the wording `key` (kept on the message as its code).
   * Options make it the pending question's options.
   */
  say(kind: Outbound['kind'], key: string, m: Message = NO_MESSAGE): void {
    const message = { kind, key, text: this.compose(key, m) } as Outbound;
    // The rest of the message as given (an object rest and spread, without making either object).
    for (const name in m) {
      if (name !== 'vars' && name !== 'before' && name !== 'after') (message as unknown as Record<string, unknown>)[name] = m[name as keyof Message];
    }
    this.push(message);
  }

  /** Send a message built elsewhere (a draft, /status), tagged with `key`. */
  /** The text `say` would send for the wording `key`, without sending it. */
  compose(key: string, m: Message = NO_MESSAGE): string {
    const main = this.t(key, m.vars);
    return m.before || m.after ? joinLines(m.before, main, m.after) : main;
  }

  push(message: Outbound): void {
    this.out.push(message);
    const slot = message.choiceSlot ?? message.slot;
    if (message.options?.length && slot) this.offer(slot, message.options, message.kind === 'question');
  }

  info(key: string, m: Message = {}): void {
    this.say('info', key, m);
  }

  error(key: string, m: Message = {}): void {
    this.say('error', key, m);
  }

  /** Make `slot` the pending question (keeping its tries and candidate value when it already is). */
  pend(slot: Askable, value: string | null = null, options: Option[] = []): void {
    const p = this.state.pending;
    const same = p?.slot === slot;
    this.state.pending = { slot, tries: same ? p.tries : 0, options, value: value ?? (same ? p.value : null) };
  }

  private offer(slot: Askable, options: Option[], question: boolean): void {
    const p = this.state.pending;
    const value = p?.slot === slot ? p.value : null;
    this.state.pending = { slot, tries: p?.slot === slot ? p.tries : 0, value, options };
    openMenu(this.state, slot, options, value, question);
    this.menuOpened = true;
  }

  /** Show an open menu again (a number typed after it went stale), current, with what it held. */
  reoffer(menu: Menu, message: Outbound): void {
    this.out.push({ ...message, options: menu.options, choiceSlot: menu.slot });
    openMenu(this.state, menu.slot, menu.options, menu.value, menu.question);
    this.menuOpened = true;
  }

  /** The choices offered so far no longer apply (the case moved on): close them, or those for `slots`. */
  closeMenus(...slots: Askable[]): void {
    closeMenus(this.state, ...slots);
  }

  /**
   * Set (or move) the case's reminder for `reason`. The due time is moved out of the night
   * (22:00–08:00 local) — the deadline itself is kept for the wording. `dueAt`, when later than
   * the deadline: a reminder asked again keeps the deadline that passed (the letters date it).
   */
  setReminder(c: Case, reason: ReminderReason, deadline: Date, approx = false, dueAt = deadline): PendingReminder {
    const id = `${c.id}-${reason}`;
    const due = outOfQuietHours(dueAt, this.tz);
    const reminder: PendingReminder = { id, reason, dueAt: isoInstant(due), deadline: isoInstant(deadline), approx };
    c.reminders = [...c.reminders.filter((r) => r.id !== id), reminder];
    if (approx) this.warn(`deadline ${reminder.deadline} (${reason}) is beyond the holiday calendar's data: approximate`);
    this.schedule.push({ op: 'set', id, userId: this.state.userId, dueAt: reminder.dueAt });
    return reminder;
  }

  cancelReminder(c: Case, ...reasons: ReminderReason[]): void {
    for (const reason of reasons) {
      const id = `${c.id}-${reason}`;
      if (!c.reminders.some((r) => r.id === id)) continue;
      c.reminders = c.reminders.filter((r) => r.id !== id);
      this.schedule.push({ op: 'cancel', id, userId: this.state.userId });
    }
  }

  cancelAllReminders(c: Case): void {
    for (const r of c.reminders) this.schedule.push({ op: 'cancel', id: r.id, userId: this.state.userId });
    c.reminders = [];
  }

  /** Ask the shell to log something (the engine itself does no I/O). */
  warn(message: string): void {
    this.warnings.push(message);
  }

  result(): StepResult {
    return {
      state: this.state,
      out: this.out,
      schedule: this.schedule,
      ...(this.forget ? { forget: true } : {}),
      ...(this.closed.length ? { closed: this.closed } : {}),
      ...(this.warnings.length ? { warnings: this.warnings } : {}),
    };
  }
}
