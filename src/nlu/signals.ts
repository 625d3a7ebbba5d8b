/** Short signals the dialogue reacts to: case solved, a correction, a yes or a no. */
import { en } from './lexicon/en.ts';
import { zh } from './lexicon/zh.ts';
import type { Problem } from '../domain/index.ts';
import type { Scan } from './scan.ts';

/**
 * The buyer reports the case as solved ("解决了", "退款到账了", "refund received") and
 * nothing in the message says otherwise ("还没解决", a refund that has not arrived).
 */
export function isResolved(s: Scan, problem: Problem | null): boolean {
  return s.has.has('resolved') && !s.has.has('unresolved') && problem !== 'refund_issue' && !/[吗?？]/.test(s.norm);
}

/**
 * The buyer corrects an earlier value: a clear marker ("填错了", "typo"), or a weaker one
 * ("应该是", "actually") that comes with a new value.
 */
export function isCorrection(s: Scan, newValue: boolean): boolean {
  return s.has.has('correction') || (s.has.has('correction_weak') && newValue);
}

/** Longest first, so "不是" wins over "不" and "no problem" over "no". */
const ANSWERS: readonly (readonly [string, 'yes' | 'no'])[] = [
  ...[...zh.yes, ...en.yes, 'no problem', '没问题'].map((w) => [w, 'yes'] as const),
  ...[...zh.no, ...en.no].map((w) => [w, 'no'] as const),
].sort((a, b) => b[0].length - a[0].length);
/** Only short answers are read as yes/no: "对，就是这个" yes, "对方不理我" not. */
const MAX_ANSWER = 40;
const BOUNDARY = /^(?:$|[\s,，.。!！~～?？、:：;；)）啊呀哦哈的了啦吧呢嘛]|[\u{1F300}-\u{1FAFF}\u2600-\u27BF])/u;

/** "yes" / "no" when the message opens with a confirmation word; null otherwise. */
export function yesNo(s: Scan): 'yes' | 'no' | null {
  const t = s.norm.trim();
  if (t.length === 0 || t.length > MAX_ANSWER) return null;
  const words = ANSWERS_BY_FIRST.get(t[0]!);
  if (words === undefined) return null;
  for (const [w, answer] of words) if (t.startsWith(w) && BOUNDARY.test(t.slice(w.length))) return answer;
  return null;
}

/**
 * `ANSWERS` by their first UTF-16 unit, each list in `ANSWERS`' order: only a word that begins with
 * the message's first unit can open it, so the others are not tried (there are no empty words).
 */
const ANSWERS_BY_FIRST: ReadonlyMap<string, ReadonlyArray<readonly [string, 'yes' | 'no']>> = (() => {
  const m = new Map<string, Array<readonly [string, 'yes' | 'no']>>();
  for (const a of ANSWERS) {
    if (a[0].length === 0) throw new Error('an empty yes/no word');
    const list = m.get(a[0][0]!);
    if (list) list.push(a);
    else m.set(a[0][0]!, [a]);
  }
  return m;
})();
