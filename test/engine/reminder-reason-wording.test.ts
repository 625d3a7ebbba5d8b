/**
 * Every reminder reason the engine can set has its wording in every locale: the /status line
 * (dialogue.status.reason.*), the case file's open deadlines (casefile.deadlines.reason.*) and
 * the nudge that fires (dialogue.nudge.*). A reason added to the domain without its wording
 * made /status fail while that reminder was pending.
 */
import { describe, expect, it } from 'vitest';
import { LOCALES, REMINDER_REASONS } from '../../src/domain/index.ts';
import { has } from '../../src/i18n/index.ts';

const prefixes = ['dialogue.status.reason', 'casefile.deadlines.reason', 'dialogue.nudge'];

describe('reminder reasons have wording in every locale', () => {
  for (const locale of LOCALES) {
    for (const prefix of prefixes) {
      it(`${locale}: ${prefix}.*`, () => {
        const missing = REMINDER_REASONS.filter((r) => !has(locale, `${prefix}.${r}`));
        expect(missing).toEqual([]);
      });
    }
  }
});
