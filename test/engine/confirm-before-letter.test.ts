/**
 * Trial 13 F25: a wish changed while the case is followed, read at middling confidence, is confirmed
 * before the letter it shaped, never after the letter has gone out.
 */
import { expect, it } from 'vitest';
import { EngineHarness } from '../helpers/engine-harness.ts';

it('a middling reading of a changed wish: its menu comes before the new letter', () => {
  const h = new EngineHarness('2027-04-12T09:00:00+08:00');
  h.send('京东订单 309928371655，收到的台灯灯座裂了，要换货');
  const keys = h.advance(20).send('要不给我便宜点算了').map((m) => m.key);
  expect(keys).toContain('confirm.wants');
  const letter = keys.findIndex((k) => k?.startsWith('draft.'));
  expect(letter).toBeGreaterThan(-1);
  expect(keys.indexOf('confirm.wants')).toBeLessThan(letter);
});
