/**
 * Which menu a typed answer belongs to. Every message shown with options opens a menu; a typed
 * label ("跳过", "申请平台介入") answers the latest open menu that offers it. A menu closes when it is
 * answered, when a newer menu for the same slot replaces it, or when the case moves on (a new
 * rung, an agreement, a closed case). A menu shown with a blocking question (the three elements,
 * /forget, /lang) is open only while that question is the pending one.
 *
 * A bare number ("2") is shorter-lived: it answers only the latest menu shown, and only while that
 * menu is current, i.e. until a later reply of the bot carries no menu of its own (the buyer asked
 * something else, reported something, a reminder came: the conversation moved on). Only an
 * evidence receipt leaves it current (a photo sent between the menu and its answer changes nothing
 * the menu asked). A number that no current menu takes is not guessed at: the latest open menu
 * is shown again, current, for the buyer to answer.
 */
import type { Askable, Menu, Option, UserState } from '../domain/index.ts';

/** At most this many menus are kept open. */
const MENUS_KEPT = 4;

/** Open a menu (replacing an open one for the same slot). */
export function openMenu(state: UserState, slot: Askable, options: Option[], value: string | null, question: boolean): void {
  // A menu shown after the one answered is what a later number is about.
  delete state.answeredMenu;
  const menus = (state.menus ?? []).filter((m) => m.slot !== slot);
  menus.push({ slot, options, value, question });
  state.menus = menus.slice(-MENUS_KEPT);
}

/** Close the open menus for these slots; with none named, every menu not shown with a blocking question. */
export function closeMenus(state: UserState, ...slots: Askable[]): void {
  state.menus = (state.menus ?? []).filter((m) => (slots.length ? !slots.includes(m.slot) : m.question));
}

/**
 * The menu for `slot` is answered: closed, and kept aside so that a number typed once no menu is
 * open (the buyer having second thoughts: "3", then "2") gets it again rather than a reply about
 * something else. Forgotten when another menu opens or a case opens or closes (case.ts).
 */
export function answerClosesMenu(state: UserState, slot: Askable): void {
  const menu = latestMenu(state, slot);
  closeMenus(state, slot);
  // Deleting everything is asked once, not offered again.
  if (menu && slot !== 'confirmForget') state.answeredMenu = menu;
}

/** The menus a typed answer may go to, latest first. */
function openMenus(state: UserState): Menu[] {
  const p = state.pending;
  const menus = (state.menus ?? []).filter((m) => !m.question || p?.slot === m.slot);
  // A state saved before menus were kept: the pending question's options are the one menu.
  if (p?.options.length && !menus.some((m) => m.slot === p.slot)) menus.push({ slot: p.slot, options: p.options, value: p.value, question: true });
  return menus.reverse();
}

/**
 * A typed answer to an open menu: the option's number ("2") for the latest menu, or its label
 * or code ("退款", "refund") for the latest menu offering it. Null when the text answers none.
 */
export function typedAnswer(state: UserState, text: string): { menu: Menu; value: string } | null {
  const menus = openMenus(state);
  if (menus.length === 0) return null;
  const s = text.trim().replace(/[。.!！]$/u, '');
  const n = bareNumber(s);
  if (n !== null) {
    const latest = currentMenu(state);
    return latest && n >= 1 && n <= latest.options.length ? { menu: latest, value: latest.options[n - 1]!.value } : null;
  }
  const lower = s.toLowerCase();
  for (const menu of menus) {
    const hit = menu.options.find((o) => sameLower(o.label, lower) || sameLower(o.value, lower));
    if (hit) return { menu, value: hit.value };
  }
  return null;
}

/**
 * `word.toLowerCase() === lower`, without lowercasing a word of another length: lowercasing keeps
 * the length of every character but İ (U+0130, which becomes two), so only then can lengths differ.
 */
function sameLower(word: string, lower: string): boolean {
  return (word.length === lower.length || word.includes('\u0130')) && word.toLowerCase() === lower;
}

/** The latest open menu for `slot`'s choices, if one is open (an answer in words may still mean one of them). */
export function latestMenu(state: UserState, slot: Askable): Menu | null {
  return openMenus(state).find((m) => m.slot === slot) ?? null;
}

/** Whether the latest menu for `slot` still offers `value` (a question whose buttons are still open). */
export function offers(state: UserState, slot: Askable, value: string): boolean {
  return latestMenu(state, slot)?.options.some((o) => o.value === value) ?? false;
}

/** "2", "2。": a bare option number; null for anything else. */
export function bareNumber(text: string): number | null {
  const s = text.trim().replace(/[。.!！]$/u, '');
  return /^\d{1,2}$/.test(s) ? Number(s) : null;
}

/**
 * The menu a bare number answers: the latest menu shown, when it is still open and current;
 * null otherwise. (The pending question's own options, in a state saved before menus were kept,
 * count as current.)
 */
export function currentMenu(state: UserState): Menu | null {
  if (state.menuCurrent === false) return null;
  const first = openMenus(state)[0];
  const latest = state.menus?.at(-1);
  // The latest menu shown is closed (a question no longer pending): an older one is not meant.
  return first && (!latest || first === latest) ? first : null;
}

/**
 * The latest menu still open, current or not (shown again to a number that came too late); with
 * none open, the menu answered last when the number is one of its options.
 */
export function latestOpenMenu(state: UserState, n = 0): Menu | null {
  const answered = state.answeredMenu;
  return openMenus(state)[0] ?? (answered && n >= 1 && n <= answered.options.length ? answered : null);
}
