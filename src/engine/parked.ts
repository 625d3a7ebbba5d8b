/**
 * Parked open cases: a buyer with several orders in trouble has each followed (trial 14 F11). Opening
 * another order sets the active case aside, its phase, record and reminders kept; a parked case's
 * reminder, or a message naming it (its order number, or its goods: "耳机那个…"), makes it the active
 * case again, so what the buyer says next lands on the right one.
 */
import { cutText } from '../i18n/graphemes.ts';
import { formatDateTime } from '../time/deadlines.ts';
import { withoutFeelings } from '../drafts/words.ts';
import { closeCase, isEmptyCase } from './case.ts';
import { goodsMeant, namesGoods } from './other-orders.ts';
import { onTick } from './tick.ts';
import type { Turn } from './turn.ts';
import type { Extraction } from '../nlu/index.ts';
import { openCases, type OpenCase, type UserState } from '../domain/index.ts';

/** How many cases are kept parked at most: past it, the oldest is archived and the buyer told. */
const PARKED_MAX = 3;

/** How much of the buyer's words for a case names it in a line: enough to hold the goods, as a rule. */
const NAME_CHARS = { 'zh-CN': 20, en: 40 } as const;

/** How a case is named to the buyer: by its order number, else by its id. */
export function caseSubject(turn: Turn, c: OpenCase): string {
  return c.slots.orderId ? turn.t('caseSubject.order', { orderId: c.slots.orderId }) : turn.t('caseSubject.case', { caseId: c.id });
}

/**
 * "订单 4019…（耳机 左耳没声音）": a case by its order number (else its id), with the goods the buyer
 * named it by, else the start of the buyer's words for it (no feelings: "气死了").
 */
export function caseName(turn: Turn, c: OpenCase, goods: string | null = null): string {
  const subject = caseSubject(turn, c);
  const said = c.slots.problemText ?? c.slots.wishText;
  const words = goods ?? (said ? cutText(withoutFeelings(said).replace(/\s+/gu, ' ').trim(), NAME_CHARS[turn.loc], '…') : null);
  return words ? turn.t('parked.named', { subject, words }) : subject;
}

/** The interface state a case's questions and menus live in: they go when another case becomes the active one. */
function leaveQuestions(s: UserState): void {
  s.pending = null;
  s.menus = [];
  delete s.answeredMenu;
  delete s.menuCurrent;
}

/**
 * Set the active case aside, open, its reminders standing. Returns the lines that tell the buyer
 * (`next`: what is handled now); none for an empty case, which is dropped. Past `PARKED_MAX` the
 * oldest parked case is archived, unresolved, and said so.
 */
export function parkActive(turn: Turn, next: string): string[] {
  const s = turn.state;
  const c = s.active;
  if (!c) return [];
  if (isEmptyCase(c)) {
    closeCase(turn, 'archived');
    return [];
  }
  const lines = [turn.t('parked.aside', { name: caseName(turn, c), next })];
  const parked = [...(s.parked ?? []), c];
  while (parked.length > PARKED_MAX) {
    const oldest = parked.shift()!;
    lines.push(turn.t('parked.dropped', { max: PARKED_MAX, name: caseName(turn, oldest), caseId: oldest.id }));
    closeCase(turn, 'archived', null, oldest);
  }
  s.parked = parked;
  s.active = null;
  leaveQuestions(s);
  return lines;
}

/** The active case, unless it holds nothing yet (then it is dropped, not parked, when another becomes active). */
function activeToKeep(s: UserState): OpenCase | null {
  return s.active && !isEmptyCase(s.active) ? s.active : null;
}

/**
 * Make the parked case `id` the active one, the active case parked in its place (one just opened with
 * nothing in it, /new then the parked case's order number, is dropped). Returns the case, or null.
 */
function unpark(turn: Turn, id: string): OpenCase | null {
  const s = turn.state;
  const c = s.parked?.find((x) => x.id === id);
  if (!c) return null;
  const rest = s.parked!.filter((x) => x !== c);
  const before = activeToKeep(s);
  if (s.active && !before) closeCase(turn, 'archived');
  s.parked = before ? [...rest, before] : rest;
  if (!s.parked.length) delete s.parked;
  s.active = c;
  leaveQuestions(s);
  return c;
}

/** The line saying the message is now about `c`, and that the case before is set aside. */
function switchedLine(turn: Turn, c: OpenCase, before: OpenCase | null, key: string, goods: string | null = null): string {
  return turn.t(before ? key : `${key}Alone`, { name: caseName(turn, c, goods), other: before ? caseName(turn, before) : '' });
}

/** Tell the buyer the message is handled on `c` (named by `goods`, when the message named it so) now, `before` set aside. */
function saySwitched(turn: Turn, c: OpenCase, before: OpenCase | null, goods: string | null = null): void {
  turn.push({ kind: 'info', key: 'parked.switched', text: switchedLine(turn, c, before, 'parked.switched', goods) });
}

/**
 * The active case closed (resolved, cancelled) while others are parked: the latest parked goes on
 * being followed, and the buyer is told which.
 */
export function resumeParked(turn: Turn): void {
  const s = turn.state;
  const latest = s.parked?.at(-1);
  if (s.active || !latest) return;
  unpark(turn, latest.id);
  turn.info('parked.resumed', { vars: { name: caseName(turn, latest) } });
}

/**
 * A reminder of a parked case fell due: that case becomes the active one, so the buyer's answer
 * lands on it, and the reminder's message names it. Not when the active case has a question open
 * (a reminder of its own just asked, the same hour) and this reminder asks nothing: it is told, named,
 * and the open question stays. A reminder that says nothing leaves the cases as they were.
 */
export function tickParked(turn: Turn, reminderId: string, late: boolean): void {
  const s = turn.state;
  const c = s.parked?.find((x) => x.reminders.some((r) => r.id === reminderId));
  if (!c) return onTick(turn, reminderId, late);
  const before = activeToKeep(s);
  const kept = { active: s.active, parked: s.parked, pending: s.pending, menus: s.menus, menuCurrent: s.menuCurrent, answeredMenu: s.answeredMenu };
  const asking = kept.pending !== null || (!!kept.menus?.length && kept.menuCurrent !== false);
  const said = turn.out.length;
  unpark(turn, c.id);
  onTick(turn, reminderId, late);
  const first = turn.out[said];
  const stays = !first || (asking && !turn.menuOpened);
  if (first) first.text = `${switchedLine(turn, c, before, stays ? 'parked.reminderAside' : 'parked.reminder')}\n${first.text}`;
  if (!stays) return;
  Object.assign(s, kept);
  if (kept.menuCurrent === undefined) delete s.menuCurrent;
  if (kept.answeredMenu === undefined) delete s.answeredMenu;
}

/**
 * A message that names a parked case (its order number, or goods its problem words name, as the
 * "news about another order" reading finds them: other-orders.ts) is about that case: it becomes
 * the active one and the message is handled there, after a line saying so. Goods that more than one
 * open case names: the buyer is asked which (`whichCase`, the message kept to handle once chosen).
 * Returns 'switched', 'asked', or null (the message stays with the active case).
 */
export function switchToNamed(turn: Turn, e: Extraction, text: string): 'switched' | 'asked' | null {
  const s = turn.state;
  if (!s.parked?.length) return null;
  const active = activeToKeep(s);
  let target = e.orderId ? s.parked.find((c) => c.slots.orderId === e.orderId) ?? null : null;
  const goods = e.orderId ? null : goodsMeant(text);
  if (!target && !e.orderId) {
    const named = goods ? openCases(s).filter((c) => namesGoods(c.slots.problemText, goods) || namesGoods(c.slots.wishText, goods)) : [];
    if (named.length > 1) {
      askWhich(turn, text);
      return 'asked';
    }
    target = named[0] && named[0] !== s.active ? named[0] : null;
  }
  if (!target) return null;
  unpark(turn, target.id);
  saySwitched(turn, target, active, goods);
  return 'switched';
}

/** "这条说的是哪一单？" with a button per open case; the message waits to be handled on the one chosen. */
function askWhich(turn: Turn, text: string): void {
  const options = openCases(turn.state).map((c) => ({ value: c.id, label: caseName(turn, c) }));
  turn.pend('whichCase', cutText(text, 500), options);
  turn.say('question', 'parked.which', { slot: 'whichCase', options });
}

/** The answer to `whichCase`: the case chosen made the active one (no line when it already is). */
export function caseChosen(turn: Turn, id: string): boolean {
  const s = turn.state;
  if (s.active?.id === id) return true;
  const before = activeToKeep(s);
  const c = unpark(turn, id);
  if (c) saySwitched(turn, c, before);
  return c !== null;
}

/** The lines /status and /cases add for the parked cases: each open, with its next reminder. */
export function parkedLines(turn: Turn): string[] {
  return (turn.state.parked ?? []).map((c) => {
    const next = [...c.reminders].sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0];
    const reminder = next
      ? turn.t('parked.nextReminder', { when: formatDateTime(new Date(next.dueAt), turn.tz, turn.loc), reason: turn.t(`status.reason.${next.reason}`) })
      : turn.t('parked.noReminder');
    return turn.t('parked.line', { caseId: c.id, name: caseName(turn, c), reminder });
  });
}
