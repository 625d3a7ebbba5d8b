/**
 * Every real buyer message of the corpus, as the first message of a conversation and as
 * a message in the middle of an open case: the engine always answers, never throws, and
 * every state it produces parses with the persisted schema.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UserState } from '../../src/domain/index.ts';
import { EngineHarness } from '../helpers/engine-harness.ts';

import { CORPUS_PATH, HAS_CORPUS, noteMissingCorpus } from '../helpers/shared-corpus.ts';

noteMissingCorpus('test/engine/real-messages.test.ts');
const lines = HAS_CORPUS
  ? readFileSync(CORPUS_PATH, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => (JSON.parse(l) as { text: string }).text)
  : [];

describe.skipIf(!HAS_CORPUS)('real buyer messages through the dialogue', () => {
  it('has the corpus', () => {
    expect(lines.length).toBeGreaterThan(200);
  });

  it('answers each as a first message with at most one question, and never an error', () => {
    for (const text of lines) {
      const h = new EngineHarness();
      const out = h.send(text);
      expect(out.length, text).toBeGreaterThan(0);
      expect(out.filter((m) => m.kind === 'question').length, text).toBeLessThanOrEqual(1);
      expect(out.some((m) => m.kind === 'error'), text).toBe(false);
      expect(UserState.safeParse(JSON.parse(JSON.stringify(h.state))).success, text).toBe(true);
    }
  });

  it('answers each in the middle of an open case without losing the case', () => {
    for (const text of lines) {
      const h = new EngineHarness();
      h.send('订单号 3916452812345678901，杯子碎了，想退款');
      const out = h.send(text);
      expect(out.length, text).toBeGreaterThan(0);
      const active = h.state.active;
      // Either still the same case, or closed on purpose ("解决了").
      if (active) expect(active.slots.orderId, text).toBe('3916452812345678901');
      else expect(h.state.closed[0]!.status, text).toBe('resolved');
    }
  });
});
