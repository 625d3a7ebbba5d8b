/**
 * Which menu a typed answer belongs to. Every message shown with options opens a menu; a typed
 * number answers the latest menu still open, a typed label ("跳过", "申请平台介入") the latest open
 * menu that offers it. A menu closes when it is answered, when a newer menu for the same slot
 * replaces it, or when the case moves on (a new rung, an agreement, a closed case). A menu shown
 * with a blocking question (the three elements, /forget, /lang) is open only while that question
 * is the pending one.
 */
import type { Askable, Menu, Option, UserState } from '../domain/index.ts';

/** At most this many menus are kept open. */
const MENUS_KEPT = 4;

/** Open a menu (replacing an open one for the same slot). */
export function openMenu(state: UserState, slot: Askable, options: Option[], value: string | null, question: boolean): void {
  const menus = (state.menus ?? []).filter((m) => m.slot !== slot);
  menus.push({ slot, options, value, question });
  state.menus = menus.slice(-MENUS_KEPT);
}

/** Close the open menus for these slots; with none named, every menu not shown with a blocking question. */
export function closeMenus(state: UserState, ...slots: Askable[]): void {
  state.menus = (state.menus ?? []).filter((m) => (slots.length ? !slots.includes(m.slot) : m.question));
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
  if (/^\d{1,2}$/.test(s)) {
    const latest = menus[0]!;
    const n = Number(s);
    return n >= 1 && n <= latest.options.length ? { menu: latest, value: latest.options[n - 1]!.value } : null;
  }
  const lower = s.toLowerCase();
  for (const menu of menus) {
    const hit = menu.options.find((o) => o.label.toLowerCase() === lower || o.value.toLowerCase() === lower);
    if (hit) return { menu, value: hit.value };
  }
  return null;
}

/** The latest open menu for `slot`'s choices, if one is open (an answer in words may still mean one of them). */
export function latestMenu(state: UserState, slot: Askable): Menu | null {
  return openMenus(state).find((m) => m.slot === slot) ?? null;
}
