/**
 * What solved a case, in the buyer's own report of it ("修好寄回来了，解决了", "换了个新的，搞定了",
 * "the refund arrived, solved"): kept with the closed case so its summary says what actually
 * happened, not the wish it had before (trial 7 s10: repaired, while the wish on record was 换货).
 */
import type { Wants } from '../domain/index.ts';

/** Words reporting a remedy done, per remedy; the first that matches is taken. */
const DONE: ReadonlyArray<readonly [Wants, RegExp]> = [
  ['repair', /修好|修复好?了|修復好?了|维修好|維修好|\b(?:repaired|got it fixed|was fixed|been fixed)\b/iu],
  ['exchange', /换(?:了|好了|成了)(?:个|一个|一台|一件)?新|換(?:了|好了|成了)(?:個|一個|一台|一件)?新|换货(?:已经)?(?:收到|到了)|換貨(?:已經)?(?:收到|到了)|\b(?:exchanged|replacement (?:came|arrived))\b/iu],
  ['reship', /补发(?:的)?(?:已经)?(?:收到|到了)|補發(?:的)?(?:已經)?(?:收到|到了)|\b(?:resent|reshipped) (?:one|item|parcel)? ?(?:came|arrived)\b/iu],
  ['refund', /(?:退款|钱|錢|款)(?:已经|已經)?(?:退回来|退回來|到账|到賬|到了|退了|收到)|\brefund (?:came|arrived|received|went through)\b/iu],
];

/** The remedy the buyer reports as done in a message closing the case, or null when it names none. */
export function solvedBy(text: string): Wants | null {
  for (const [wants, words] of DONE) if (words.test(text)) return wants;
  return null;
}
