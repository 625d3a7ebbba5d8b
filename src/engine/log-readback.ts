/**
 * What the bot read from a pasted chat log with the shop, said back in a few lines so the buyer can
 * correct it: the problem taken from the buyer's lines and each answer of the shop, dated only when
 * the log dates it, with the shop's own words.
 */
import type { LogAnswer } from '../nlu/index.ts';
import { formatDateTime, formatDay } from '../time/deadlines.ts';
import { logInstant } from './reports.ts';
import type { Turn } from './turn.ts';

/** A quote said back is cut to this many characters. */
const QUOTE_MAX = 40;

export function sayLogRead(turn: Turn, problemText: string | null, answers: readonly LogAnswer[]): void {
  if (answers.length === 0 && !problemText) return;
  const lines = answers.map((a) => {
    const at = logInstant(a.at, turn.now, turn.tz);
    const when = !at ? '' : at.length > 10 ? formatDateTime(new Date(at), turn.tz, turn.loc) : formatDay(at, turn.loc);
    const what = a.promise && (!a.reply || a.reply === 'stalls') ? turn.t('logRead.promise') : turn.t(`reply.${a.reply}`);
    const quote = a.quote.length > QUOTE_MAX ? `${a.quote.slice(0, QUOTE_MAX)}…` : a.quote;
    return turn.t(when ? 'logRead.answerAt' : 'logRead.answer', { when, what, quote });
  });
  const problem = problemText ? [turn.t('logRead.problem', { problem: problemText })] : [];
  turn.info('logRead.intro', { after: [...problem, ...lines, turn.t('logRead.correct')] });
}
