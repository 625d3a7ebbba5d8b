/**
 * An appraisal or inspection result the buyer reports (nlu/appraisal.ts) is a fact of the case: on the
 * record with who appraised (a third party is never taken for the brand), said back as it was told,
 * and stated by the letters written after it — a result for the seller as plainly as one against. A
 * statement the buyer was only told (a brand counter's, a repair shop's) stays a statement in them.
 */
import { readAppraisal } from '../nlu/appraisal.ts';
import { record } from './case.ts';
import type { Turn } from './turn.ts';
import type { OpenCase } from '../domain/index.ts';

/** Record the appraisal `text` reports, if it reports one, and say it back; whether it did. */
export function noteAppraisal(turn: Turn, c: OpenCase, text: string): boolean {
  const found = readAppraisal(text);
  if (!found) return false;
  record(turn, c, 'appraised', { note: [found.by, found.verdict, found.oral].filter(Boolean).join(' ') });
  // Said, not written: told back as a statement, never as an appraisal on paper.
  if (found.oral) turn.info(`appraisal.oral.${found.oral}`, { vars: { by: turn.t(`appraisal.outlet.${found.by}`), said: turn.t(`appraisal.said.${found.verdict}`) } });
  else turn.info(`appraisal.${found.verdict}`, { vars: { by: turn.t(`appraisal.by.${found.by}`) } });
  return true;
}
