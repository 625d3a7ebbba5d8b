/**
 * Pinyin-initial shorthand buyers type in Chinese chat ("想tk", "mj不回", "xy上买的"), read as the words they stand for.
 * Each expansion keeps the token's length (padded with spaces in front), so positions in the normalised text still
 * point into the buyer's own text.
 */

/** Shorthand → the words, in the folded (lower-case) text. "tb", "jd", "pdd" are not here: the platform lexicon reads them as
 * whole words, and "jd" also starts JD waybill numbers. */
const SHORTHAND: Readonly<Record<string, string>> = {
  tk: '退款',
  th: '退货',
  thtk: '退货退款',
  mj: '卖家',
  maij: '卖家',
  kf: '客服',
  xy: '闲鱼',
};

// Whole tokens only: never a piece of an English word or of an order or waybill number ("ktk20…"), nor a unit after a number.
const TOKEN = /(?<![a-z0-9]|[0-9] )(thtk|maij|tk|th|mj|kf|xy)(?![a-z0-9])/g;
const HAN = /[\u4e00-\u9fff]/;

/**
 * The folded text with shorthand tokens spelled out; only in a message that has Chinese in it (in English "th" or "TB" mean other things).
 *
 * @example expandShorthand('mj不给tk') // '卖家不给退款'
 */
export function expandShorthand(folded: string): string {
  if (!HAN.test(folded)) return folded;
  return folded.replace(TOKEN, (t) => SHORTHAND[t]!.padStart(t.length, ' '));
}
