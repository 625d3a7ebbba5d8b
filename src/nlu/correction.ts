/**
 * A correction of the problem's words: "更正一下，不是屏幕裂，是屏幕有坏点", "说错了，是盖子漏水不是杯身漏",
 * "sorry, it's the left hinge, not the right one". The buyer sends the right words with the wrong
 * ones; the right words replace the wrong ones in the record (trial 11 F26).
 */
import { normalize } from './normalize.ts';

/** What the buyer said was wrong and what is right instead. */
export interface ProblemCorrection {
  wrong: string;
  right: string;
}

const CUE = /更正|纠正|改正|改一下|说错|打错|写错|搞错|弄错|讲错|不对|口误|sorry|correction|i meant|my mistake/iu;
/** "不是X，(而)是Y" and "是Y(，)不是X", clause by clause. */
const NOT_X_BUT_Y = /不是([^，,。；;！!]{2,20})[，,\s]*(?:而|应该|應該)?是([^，,。；;！!]{2,30})/u;
const Y_NOT_X = /(?:应该|應該)?是([^，,。；;！!]{2,30}?)[，,\s]*(?:而)?不是([^，,。；;！!]{2,20})/u;
const IT_IS_Y_NOT_X = /\b(?:it's|it is|it was)\s+([^,.;!]{2,40}?),?\s+not\s+([^,.;!]{2,40})/iu;
const NOT_X_IT_IS_Y = /\bnot\s+([^,.;!]{2,40}?),\s*(?:it's|it is|it was|but)\s+([^,.;!]{2,40})/iu;
/** A right part that is a number, a money sum or a wish is another slot's correction (handled elsewhere). */
const OTHER_SLOT = /^\s*[\d\s-]+$|订单|单号|元|块|¥|退款|退货|换货|补发|维修|赔|refund|return|exchange|order/iu;

/** The problem's words corrected in this message, or null (no correction cue, or not about the problem). */
export function problemCorrection(text: string): ProblemCorrection | null {
  const simple = normalize(text);
  if (!CUE.test(simple)) return null;
  const pair = pick(NOT_X_BUT_Y.exec(simple), 1, 2) ?? pick(Y_NOT_X.exec(simple), 2, 1)
    ?? pick(IT_IS_Y_NOT_X.exec(simple), 2, 1) ?? pick(NOT_X_IT_IS_Y.exec(simple), 1, 2);
  if (!pair || OTHER_SLOT.test(pair.right) || OTHER_SLOT.test(pair.wrong)) return null;
  return pair;
}

function pick(m: RegExpExecArray | null, wrong: number, right: number): ProblemCorrection | null {
  if (!m) return null;
  const trim = (s: string) => s.trim().replace(/^(?:那个|就是|其实)/u, '').replace(/[啦呀啊哈的]+$/u, '').trim();
  const pair = { wrong: trim(m[wrong]!), right: trim(m[right]!) };
  return pair.wrong.length >= 2 && pair.right.length >= 2 ? pair : null;
}

/**
 * The problem's words with the wrong part replaced: the clause that holds it becomes the right words
 * ("购买的台灯，开关坏了，按不动" with 开关坏 → 开关松动 gives "购买的台灯，开关松动，按不动"); when the
 * wrong words are not in the record, the right words are the problem's words.
 */
export function correctedWords(before: string | null, fix: ProblemCorrection): string {
  if (!before) return fix.right;
  const clauses = before.split(/(?<=[，,。；;\s])/u);
  const at = clauses.findIndex((c) => c.includes(fix.wrong) || (fix.wrong.length >= 3 && c.includes(fix.wrong.slice(0, -1))));
  if (at < 0) return fix.right;
  const sep = /[，,。；;\s]$/u.exec(clauses[at]!)?.[0] ?? '';
  clauses[at] = fix.right + sep;
  return clauses.join('');
}
