/**
 * A correction of the problem's words: "更正一下，不是屏幕裂，是屏幕有坏点", "说错了，是盖子漏水不是杯身漏",
 * "sorry, it's the left hinge, not the right one". The buyer sends the right words with the wrong
 * ones; the right words replace the wrong ones in the record (trial 11 F26).
 */
import { normalizeAligned } from './normalize.ts';

/** A clause that only names the goods bought ("淘宝买的连衣裙", "购买的台灯"): no fault in it. */
const PURCHASE_ONLY = /^[^，,。；;\s]{0,8}?(?:买|购买|入手)(?:的|了)[^，,。；;\s坏破漏裂碎掉断不没]{1,10}[，,。；;]?$/u;

/** What the buyer said was wrong and what is right instead. */
export interface ProblemCorrection {
  wrong: string;
  right: string;
}

const CUE = /更正|纠正|改正|改一下|说错|打错|写错|搞错|弄错|讲错|不对|口误|sorry|correction|i meant|my mistake/iu;
/** "不是X，(而)是Y" and "是Y(，)不是X", clause by clause. */
const NOT_X_BUT_Y = /不是([^，,。；;！!]{2,20})[，,\s]*(?:而|应该|應該)?是([^，,。；;！!]{2,30})/dgu;
const Y_NOT_X = /(?:应该|應該)?是([^，,。；;！!]{2,30}?)[，,\s]*(?:而)?不是([^，,。；;！!]{2,20})/dgu;
const IT_IS_Y_NOT_X = /\b(?:it's|it is|it was)\s+([^,.;!]{2,40}?),?\s+not\s+([^,.;!]{2,40})/dgiu;
const NOT_X_IT_IS_Y = /\bnot\s+([^,.;!]{2,40}?),\s*(?:it's|it is|it was|but)\s+([^,.;!]{2,40})/dgiu;
/** "It's not a defect. The shop cancelled…": what it is, told in the next sentence. */
const NOT_X_NEXT_SENTENCE = /\b(?:it's|it is|it was)\s+not\s+(?:a |an |the )?([^,.;!]{2,40}?)[.;!]\s+([^.;!?]{4,80})/dgiu;
/** A right part that is a number, a money sum or a wish is another slot's correction (handled elsewhere). */
const OTHER_SLOT = /^\s*[\d\s-]+$|订单|单号|元|块|¥|退款|退货|换货|补发|维修|赔|refund|return|exchange|order/iu;

/** The problem's words corrected in this message, or null (no correction cue, or not about the problem). */
export function problemCorrection(text: string): ProblemCorrection | null {
  return CUE.test(normalizeAligned(text)) ? correctionPairs(text)[0] ?? null : null;
}

/** 不是 in any script, or "not": the word every shape below needs. */
const NOT_WORD = /不是|不係|\bnot\b/iu;

type Shape = [RegExp, wrong: number, right: number];
const SHAPES: readonly Shape[] = [[NOT_X_BUT_Y, 1, 2], [Y_NOT_X, 2, 1], [IT_IS_Y_NOT_X, 2, 1], [NOT_X_IT_IS_Y, 1, 2], [NOT_X_NEXT_SENTENCE, 1, 2]];
/** With no cue, only the wrong words said first: "是Y，不是X" unasked is how wrong goods are told ("来的是黑色，不是白色"). */
const WRONG_FIRST: readonly Shape[] = SHAPES.filter(([, wrong, right]) => wrong < right);

/**
 * Every "不是X，是Y" of the message about the problem, by shape ("付的是260 不是26。也不是不想要了
 * 是插上就漏电": the sum is another slot's, the second pair is the problem's). Whether one corrects
 * the record is for the caller, who knows what the record says.
 */
export function correctionPairs(text: string): ProblemCorrection[] {
  // Every shape holds 不是 or "not": most messages hold neither, and are not normalised for nothing.
  if (!NOT_WORD.test(text)) return [];
  // Read on the aligned form, the words taken from the buyer's text: "标的M" keeps its capital in the letter.
  const simple = normalizeAligned(text);
  const found: ProblemCorrection[] = [];
  for (const [shape, wrong, right] of CUE.test(simple) ? SHAPES : WRONG_FIRST) {
    for (const m of simple.matchAll(shape)) {
      const pair = pick(text, m, wrong, right);
      if (pair && !OTHER_SLOT.test(pair.right) && !OTHER_SLOT.test(pair.wrong)) found.push(pair);
    }
  }
  return found;
}

function pick(text: string, m: RegExpExecArray, wrong: number, right: number): ProblemCorrection | null {
  if (!m.indices) return null;
  const trim = (s: string) => s.trim().replace(/^(?:那个|就是|其实)/u, '').replace(/[啦呀啊哈的]+$/u, '').trim();
  const words = (g: number) => text.slice(...m.indices![g]!);
  const pair = { wrong: trim(words(wrong)), right: trim(words(right)) };
  return pair.wrong.length >= 2 && pair.right.length >= 2 ? pair : null;
}

/** "颜色问题", "做工的毛病": a kind of fault named, not words of the record. */
const KIND_OF_FAULT = /(?:的)?(?:问题|毛病)$/u;
const CLAUSE = /(?<=[，,。；;\s])/u;

/** The kind of fault withdrawn ("不是颜色问题" → 颜色), or null when the wrong words are words of the record. */
export function withdrawnKind(fix: ProblemCorrection): string | null {
  const kind = fix.wrong.replace(KIND_OF_FAULT, '');
  return kind !== fix.wrong && kind.length >= 1 ? kind : null;
}

/**
 * The right words as the letters state them. After a kind of fault withdrawn ("不是颜色问题 是尺码
 * 标的M像XS 颜色其实还行"), a clause that names the withdrawn kind again says it is fine: it goes, and
 * a bare kind named instead ("尺码") is said as a kind of fault ("尺码问题").
 */
export function rightWords(fix: ProblemCorrection): string {
  const kind = withdrawnKind(fix);
  if (!kind) return fix.right;
  const clauses = fix.right.split(CLAUSE).filter((c) => !c.includes(kind));
  if (clauses.length === 0) return fix.right;
  const first = clauses[0]!.replace(/[，,。；;\s]+$/u, '');
  if (first.length <= 4 && !KIND_OF_FAULT.test(first) && clauses.length > 1) clauses[0] = clauses[0]!.replace(first, `${first}问题`);
  return clauses.join('').replace(/[，,。；;\s]+$/u, '');
}

/**
 * The problem's words with the wrong part replaced: the clause that holds it becomes the right words
 * ("购买的台灯，开关坏了，按不动" with 开关坏 → 开关松动 gives "购买的台灯，开关松动，按不动"); when the
 * wrong words are not in the record, the right words are the problem's words. A kind of fault withdrawn
 * ("不是颜色问题") takes the whole fault with it: only the clause naming the goods bought stays before the right words.
 */
export function correctedWords(before: string | null, fix: ProblemCorrection): string {
  const right = rightWords(fix);
  if (!before) return right;
  if (withdrawnKind(fix)) {
    const item = before.split(CLAUSE).find((c) => PURCHASE_ONLY.test(c.trim()));
    return item ? `${item.replace(/[，,。；;\s]+$/u, '')}，${right}` : right;
  }
  const clauses = before.split(CLAUSE);
  const at = clauses.findIndex((c) => c.includes(fix.wrong) || (fix.wrong.length >= 3 && c.includes(fix.wrong.slice(0, -1))));
  if (at < 0) return right;
  const sep = /[，,。；;\s]$/u.exec(clauses[at]!)?.[0] ?? '';
  clauses[at] = right + sep;
  return clauses.join('');
}
