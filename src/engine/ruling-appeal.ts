/**
 * After the platform ruled against the buyer. A ruling that found the evidence short is not the end
 * (DOMAIN.md, seed 001: "unfair → appeal with more evidence"; seed 000: platform appeal 复议): new
 * evidence the buyer now names goes on the record in their words, and the platform letter becomes
 * the appeal that names it. 12315 sending the buyer "to the platform first" after that ruling is
 * answered with the ruling: the day it was made, and its screenshot.
 */
import { formatDay, localDay } from '../time/deadlines.ts';
import { record } from './case.ts';
import { sendDraft } from './render.ts';
import type { Turn } from './turn.ts';
import type { FollowingCase, TimelineEntry } from '../domain/index.ts';

/**
 * The buyer has evidence to add: "我有开箱视频", "我拿到了检测报告", "I have a recording of the call".
 * Not a question about it ("要不要录屏？", "do I need a video?"), nor the seller's ("卖家也有照片").
 */
const HAS_EVIDENCE =
  /(?:^|我|我们|手上|手里|这边)(?:还|也|都)?(?:有|拍了|录了|留了|找到了?|拿到了?|做了|补了|存了|保存了)[^，,。！!？?]{0,12}?(?:录屏|录像|视频|录音|截图|照片|图片|鉴定报告|检测报告|鉴定|报告|发票|聊天记录|证明)|\bI (?:have|got|found|recorded|saved)\b.{0,40}?\b(?:recording|video|screenshots?|photos?|pictures?|report|receipt|invoice|chat log)/iu;
const QUESTION = /[?？]|吗|要不要|需不需要|用不用|\b(?:do|should|can) I\b/iu;

/** The evidence words of an English message, as the Chinese letter names them (the buyer's own words stay out of it). */
const EVIDENCE_NOUNS: readonly [RegExp, string][] = [
  [/screen ?recording/i, '录屏'], [/video/i, '视频'], [/audio|voice|call recording/i, '录音'], [/recording/i, '录像'],
  [/screenshots?/i, '截图'], [/photos?|pictures?/i, '照片'], [/report/i, '报告'], [/receipt|invoice/i, '发票'], [/chat log/i, '聊天记录'],
];

/** The latest ruling the case holds, when it went against the buyer (a platform's answer counts). */
export function rulingAgainst(c: FollowingCase): TimelineEntry | null {
  const last = c.timeline.filter((x) => x.type === 'platform_ruled_seller' || x.type === 'platform_ruled_buyer').at(-1);
  return last?.type === 'platform_ruled_seller' ? last : null;
}

/** The new evidence in the buyer's words, for the letter: "我有通话录音的，客服承认发错了" → "通话录音，客服承认发错了". */
function describedEvidence(text: string): string {
  if (!/[\u4e00-\u9fff]/u.test(text)) {
    // The first kind named ("a screen recording" is a 录屏, not also a 录像).
    return EVIDENCE_NOUNS.find(([re]) => re.test(text))?.[1] ?? '';
  }
  return text.trim()
    .replace(/^(?:我|我们)?(?:这边|手上|手里)?(?:是|还|也|都)?(?:有|拍了|录了|留了|找到了?|拿到了?|做了|补了|存了|保存了)/u, '')
    .replace(/(录屏|录像|视频|录音|截图|照片|图片|报告|发票|聊天记录|证明)的(?=[，,。.！!]|$)/gu, '$1')
    .replace(/[。.！!~～]+$/u, '')
    .slice(0, 60);
}

/**
 * "我有开箱视频" after a ruling against the buyer: the evidence on the record as described, the
 * next step (an appeal on the platform with it) and the appeal letter. False when the message is not that.
 */
export function newEvidenceAfterRuling(turn: Turn, c: FollowingCase, text: string): boolean {
  const ruling = rulingAgainst(c);
  if (!ruling || c.slots.standalone || !HAS_EVIDENCE.test(text) || QUESTION.test(text)) return false;
  const words = describedEvidence(text);
  if (!words) return false;
  // The bot's own entry (never an event in a letter): the appeal letter names the evidence from it.
  record(turn, c, 'evidence_logged', { note: 'described', reason: words });
  turn.info(ruling.reason ? 'ruling.newEvidenceReason' : 'ruling.newEvidence', { vars: { reason: ruling.reason ?? '' } });
  sendDraft(turn, c, 'platform');
  return true;
}

/** 12315 sent the buyer to the platform first ("要我先走平台流程", "told me to go to the platform first"). */
const PLATFORM_FIRST = /先(?:去|要)?(?:找|走|向|跟|和|联系|通过)(?:购物)?平台|平台(?:处理|解决)(?:不了|完)(?:了)?再|(?:platform|marketplace) first|go (?:back )?to the (?:platform|marketplace)/iu;

/** The day a ruling was made (its own day when told, else the day it was told), for the buyer. */
function rulingDay(turn: Turn, ruling: TimelineEntry): string {
  const day = ruling.happenedAt && /^\d{4}-\d{2}-\d{2}$/.test(ruling.happenedAt) ? ruling.happenedAt : localDay(new Date(ruling.happenedAt ?? ruling.at), turn.tz);
  return formatDay(day, turn.loc);
}

/**
 * 12315 did not accept the complaint: the wording of the advice. Told that it wants the platform first,
 * with a ruling on the record the buyer answers with it (its day and screenshot); without one the
 * platform is the step, or, for a shop of its own, 12315 hears there is no platform. With a ruling on
 * the record and no reason told, the general advice names the ruling among the reasons to check.
 */
export function notAcceptedWording(turn: Turn, c: FollowingCase, text: string): { key: string; vars: Record<string, string> } {
  const ruling = rulingAgainst(c);
  const first = PLATFORM_FIRST.test(text);
  if (ruling) return { key: first ? 'regulator.platformFirstRuled' : 'regulator.notAcceptedRuled', vars: { day: rulingDay(turn, ruling) } };
  if (first) return { key: c.slots.standalone ? 'regulator.platformFirstStandalone' : 'regulator.platformFirst', vars: {} };
  return { key: 'regulator.notAccepted', vars: {} };
}
