/**
 * The escalation ladder (DOMAIN.md "Escalation ladder", seed 003): merchant → platform →
 * regulator (12315) or payment channel, with what moves a case up and how long a rung
 * typically gets. One rung at a time: seed 003 warns against skipping rungs for simple cases,
 * and against staying stuck on one past its deadline.
 */
import { t } from '../i18n/index.ts';
import type { Locale, Rung } from '../domain/index.ts';
import type { DraftKind } from '../domain/index.ts';
import { addHours, addWorkingDays, type Deadline, type DeadlineLogger } from '../time/deadlines.ts';

/** What happened on the current rung. */
export type MoveUpTrigger =
  | 'refused' // the seller said no
  | 'no_reply' // the reply deadline passed in silence
  | 'stalled' // "please wait" past the promised time
  | 'ruling_unfair' // the platform ruled against the buyer without good reason
  | 'ruling_slow'; // the platform's ruling does not come

/** How long a rung typically gets before moving up. */
export type RungWait = { hours: number } | { workingDays: number };

export interface LadderRung {
  rung: Rung;
  /** Drafts that belong to this rung (the first is the main one). */
  drafts: readonly DraftKind[];
  /** What moves the case to the next rung. Empty on the top rung. */
  moveUpOn: readonly MoveUpTrigger[];
  /** Typical wait on this rung; `sourced` says whether an official text backs it. */
  wait: RungWait;
  sourced: boolean;
}

/**
 * 市场监督管理投诉举报处理暂行办法 art. 14: the regulator decides within 7 working days whether to
 * accept a complaint. The engine sets a reminder at this timer when it hands over the 12315 draft.
 */
export const REGULATOR_ACCEPTANCE_WORKING_DAYS = 7;
/** Same text, art. 21: mediation without agreement ends after 45 working days. */
export const REGULATOR_MEDIATION_WORKING_DAYS = 45;

export const LADDER: Readonly<Record<Rung, LadderRung>> = {
  seller: {
    rung: 'seller',
    drafts: ['seller', 'compensation', 'refund_shortfall'],
    moveUpOn: ['refused', 'no_reply', 'stalled'],
    // Seed 004 sets the seller a 24 h deadline; seed 000 moves to the platform within 24–72 h.
    wait: { hours: 24 },
    sourced: false,
  },
  platform: {
    rung: 'platform',
    drafts: ['platform'],
    moveUpOn: ['ruling_unfair', 'ruling_slow'],
    // Seeds 001 / 003: review "通常 1-3 个工作日" — experience, not a published rule.
    wait: { workingDays: 3 },
    sourced: false,
  },
  regulator: {
    rung: 'regulator',
    // Seed 000 (7–30 days): 12315 and the payment-channel dispute sit side by side.
    drafts: ['regulator', 'payment'],
    moveUpOn: [],
    // 市场监督管理投诉举报处理暂行办法 art. 14: acceptance decided within 7 working days.
    wait: { workingDays: REGULATOR_ACCEPTANCE_WORKING_DAYS },
    sourced: true,
  },
};

const ORDER: readonly Rung[] = ['seller', 'platform', 'regulator'];

/** Where to go next, and with which drafts. */
export interface NextRung {
  rung: Rung;
  drafts: readonly DraftKind[];
}

/**
 * The rung after `current` if `trigger` is a reason to move up from it; null if it is not
 * (a platform ruling says nothing about the seller rung) or `current` is the top.
 *
 * @example nextRung('seller', 'refused') // { rung: 'platform', drafts: ['platform'] }
 */
export function nextRung(current: Rung, trigger: MoveUpTrigger): NextRung | null {
  if (!LADDER[current].moveUpOn.includes(trigger)) return null;
  const next = ORDER[ORDER.indexOf(current) + 1];
  return next ? { rung: next, drafts: LADDER[next].drafts } : null;
}

/**
 * When to consider moving up if nothing happens on `rung`, counted from `from` (the moment the
 * draft was handed over). Working-day waits use the Chinese calendar; see `addWorkingDays`.
 */
export function moveUpDue(rung: Rung, from: Date, tz: string, logger?: DeadlineLogger): Deadline {
  const wait = LADDER[rung].wait;
  return 'hours' in wait ? { at: addHours(from, wait.hours), approx: false } : addWorkingDays(from, wait.workingDays, tz, logger);
}

/** The wording of a rung (and of the payment-channel side branch). */
export function ladderText(step: Rung | 'payment', locale: Locale): { name: string; when: string; moveUp: string } {
  const base = `knowledge.ladder.${step}`;
  return { name: t(locale, `${base}.name`), when: t(locale, `${base}.when`), moveUp: t(locale, `${base}.moveUp`) };
}

/**
 * 12315 mediation: it ends without agreement after 45 working days (市场监督管理投诉举报处理暂行办法
 * art. 21), counted here from the day the complaint was accepted. After it come the last rungs
 * (small claims, the internet courts; 黑猫投诉 as public pressure, no regulator).
 */
export const REGULATOR_MEDIATION_WAIT: RungWait = { workingDays: 45 };

/** When 12315 mediation ends at the latest, counted from `from` (the acceptance). */
export function mediationDue(from: Date, tz: string, logger?: DeadlineLogger): Deadline {
  const wait = REGULATOR_MEDIATION_WAIT;
  return 'hours' in wait ? { at: addHours(from, wait.hours), approx: false } : addWorkingDays(from, wait.workingDays, tz, logger);
}
