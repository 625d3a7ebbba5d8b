/**
 * The buyer's answer to a seller who blames them ("人为损坏", "你自己摔的", "使用不当"): what the
 * buyer says they did not do, or how the goods arrived. The letters state it as the buyer's own
 * statement, in neutral words and never stronger than what was said ("没摔过" is not "完好无损").
 */
import { t } from '../i18n/index.ts';
import type { Locale } from '../domain/index.ts';

/** What a buyer can say against the blame, in the order a letter lists it. */
export const REBUTTALS = ['arrived_so', 'untouched', 'unused', 'little_use', 'not_dropped', 'not_opened', 'no_water', 'normal_use', 'unboxing_video'] as const;
export type Rebuttal = (typeof REBUTTALS)[number];

const NEVER = String.raw`(?:没|沒|没有|沒有|从没|從沒|从来没|从未|根本没|根本沒|都没|都沒|压根没|一次都没|未)(?:有)?`;
const SAID: readonly (readonly [Rebuttal, RegExp])[] = [
  ['arrived_so', /(?:到手|收到|拿到|一到|拆开|打开|开箱)(?:时|的时候)?就(?:是)?(?:这样|這樣|这个样|坏|壞|裂|破|碎|烂|有问题|不)|\b(?:came|arrived|was already) (?:like this|broken|damaged|cracked)\b|\bit was (?:like this|broken) when\b/iu],
  ['untouched', new RegExp(`${NEVER}(?:碰|动|動|摸)(?:过|過)?|\\bnever (?:touched|moved)\\b`, 'iu')],
  ['unused', new RegExp(`${NEVER}(?:用|使用)(?:过|過)|\\bnever used\\b|\\bhaven'?t (?:even )?used\\b`, 'iu')],
  // "只穿了两次", "才用过三回", "I only wore them twice": little use, said as such (the count stays the buyer's, in the case file).
  ['little_use', /(?:只|才|就|仅|僅)(?:穿|用|戴|使用)(?:了|过|過)?(?:[一两二三四五六七八九十几\d]{1,2}|一两|两三)(?:次|回|天)|\b(?:only|just) (?:wore|worn|used|had) (?:it|them)? ?(?:once|twice|a (?:few|couple of) times|(?:two|three|four|five|\d) times|for (?:a|one|two|three|\d) days?)\b|\b(?:wore|worn|used) (?:it |them )?only (?:once|twice|a (?:few|couple of) times|(?:two|three|four|five|\d) times)\b/iu],
  ['not_dropped', new RegExp(`${NEVER}(?:摔|掉)(?:过|過|到地上)?|\\bnever dropped\\b|\\bdid(?:n'?t| not) drop\\b`, 'iu')],
  ['not_opened', new RegExp(`${NEVER}(?:拆|改|私拆|拆改)(?:过|過|开|機|机)?|\\bnever (?:opened|took (?:it )?apart)\\b`, 'iu')],
  ['no_water', new RegExp(`${NEVER}(?:进|進|沾|碰)(?:过|過)?水|\\bnever (?:got )?wet\\b`, 'iu')],
  ['normal_use', /正常(?:使用|穿着?|走路)|按(?:照)?说明(?:书)?(?:使用|用)|\bused (?:it )?(?:normally|as (?:directed|instructed))\b|\b(?:walking|worn|wore (?:it|them)) (?:on (?:normal|ordinary|regular) (?:streets?|roads?|pavements?)|normally)\b|\b(?:normal|ordinary|everyday) (?:wear|use|walking)\b/iu],
  // The buyer's strongest answer (seed 000): stated as having the video, never when it was filmed.
  ['unboxing_video', /(?:拍|录|錄|有)(?:了|下了?|过|過)?[^，。！？,.!?]{0,6}?(?:开箱|開箱)(?:视频|視頻|影片|录像|錄像|片)|\b(?:filmed|recorded|took|have|has|got) (?:an? |the |my )?unboxing (?:video|clip)\b/iu],
];
/** "没拍开箱视频", "no unboxing video": the video named as missing. */
const NO_VIDEO = /(?:没|沒|未|冇)(?:有)?(?:拍|录|錄)?[^，。！？,.!?]{0,6}?(?:开箱|開箱)|\b(?:no|not|never|didn'?t|don'?t|haven'?t)\b[^,.!?]{0,20}unboxing/iu;

/** The seller's words put the fault on the buyer ("人为损坏", "你自己摔的", "使用不当", "进水了", "穿着后的问题", "正常磨损"). */
const BLAMES_BUYER = /人为|人為|摔|穿着后|穿過|穿过|穿后|使用后|磨损|磨損|使用不当|使用不當|操作不当|不当使用|自己(?:弄|搞|用|拆|摔)|你(?:自己)?(?:弄|搞|用|拆|摔)坏|进水|進水|私拆|拆过|拆開|拆开过|misuse|user damage|physical damage|your fault|you (?:dropped|broke)|wear and tear|after (?:being )?(?:worn|wearing|use)/iu;

/** Whether the seller's reported words blame the buyer. */
export function blamesBuyer(words: string): boolean {
  return BLAMES_BUYER.test(words);
}

/**
 * What the buyer says against the blame, in letter order; empty when the message says none of it.
 *
 * @example rebuttals('瞎说，我拿到手就是裂的，一次都没用过') // ['arrived_so', 'unused']
 */
export function rebuttals(text: string): Rebuttal[] {
  const found = new Set(SAID.filter(([, re]) => re.test(text)).map(([r]) => r));
  // "没碰过水" is about water, not about touching the goods.
  if (found.has('no_water') && !new RegExp(`${NEVER}(?:碰|动|動|摸)(?![过過]?水)`, 'u').test(text)) found.delete('untouched');
  if (NO_VIDEO.test(text)) found.delete('unboxing_video');
  return REBUTTALS.filter((r) => found.has(r));
}

/** The record's note: the rebuttals joined with '+'. */
export function rebuttalNote(found: readonly Rebuttal[]): string {
  return found.join('+');
}

/** The rebuttals back from a note written by `rebuttalNote` (unknown words dropped). */
export function parseRebuttalNote(note: string): Rebuttal[] {
  return note.split('+').filter((x): x is Rebuttal => (REBUTTALS as readonly string[]).includes(x));
}

/** The buyer's statement in a letter's words ("我没有摔过商品，…"). */
export function rebuttalStatement(locale: Locale, found: readonly Rebuttal[]): string {
  return found.map((r) => t(locale, `drafts.timeline.rebuttal.${r}`)).join(t(locale, 'drafts.timeline.rebuttalAnd'));
}
