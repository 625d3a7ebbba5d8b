/**
 * A case solved another way than the wish on record (trial 7 s10: the buyer switched the wish to
 * an exchange, the seller repaired it, the buyer said it was repaired and solved): /cases and the
 * case file say what solved it, as the buyer reported it, and show the wish before that as history.
 */
import { describe, expect, it } from 'vitest';
import { caseFileContent } from '../../src/casefile/content.ts';
import { EngineHarness } from '../helpers/engine-harness.ts';
import type { Case } from '../../src/domain/index.ts';

function repairedAfterExchangeWish(closing: string): EngineHarness {
  const h = new EngineHarness('2026-10-05T09:00:00+08:00');
  h.send('天猫买的电热水壶 订单号 6203948571620394857 烧了三次就不通电了 想要维修');
  expect(h.state.active!.phase).toBe('following');
  h.advance(45);
  h.send('商家答应了，让我寄回去修，修完寄回来，差不多5天');
  h.advance(2);
  h.send('算了，我还是想换一台新的');
  expect(h.state.active!.slots.wants).toBe('exchange');
  h.advance(60 * 24 * 6);
  h.send(closing);
  expect(h.state.active).toBeNull();
  return h;
}

function exportedFacts(h: EngineHarness): Map<string, string> {
  const file = h.command('export', 'c1').find((m) => m.kind === 'file')!.file!;
  const content = caseFileContent(file.source.case as Case, { locale: 'zh-CN', timezone: 'Asia/Shanghai', now: h.now, summaryOnly: true });
  return new Map(content.facts.rows.map((r) => [r.label, r.value]));
}

describe('a case solved by a repair while the wish on record was an exchange', () => {
  it('/cases and the case file say it was repaired, and keep 换货 only as the earlier wish', () => {
    const h = repairedAfterExchangeWish('壶修好给我寄回来了，能用了，这事解决了');
    expect(h.state.closed.at(-1)!.solvedBy).toBe('repair');
    const cases = h.command('cases').map((m) => m.text).join('\n');
    expect(cases).toContain('已修好');
    const facts = exportedFacts(h);
    expect(facts.get('结果（买家告知）')).toBe('已修好');
    expect(facts.get('此前的诉求')).toBe('换货');
    expect(facts.has('买家的诉求')).toBe(false);
  });

  it('a plain "solved" names no remedy: the wish stays the wish, and nothing is added', () => {
    const h = repairedAfterExchangeWish('好了，这事已经解决了，谢谢');
    expect(h.state.closed.at(-1)!.solvedBy).toBeUndefined();
    const facts = exportedFacts(h);
    expect(facts.get('买家的诉求')).toBe('换货');
    expect(facts.has('结果（买家告知）')).toBe(false);
    expect(h.command('cases').map((m) => m.text).join('\n')).not.toContain('买家告知');
  });
});
