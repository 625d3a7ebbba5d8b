/**
 * Trial 7 problem 14: an English-speaking buyer's case file goes to a Chinese platform reviewer or
 * 12315, so it carries the Chinese version first and the buyer's English after it; a case on a
 * platform abroad stays in English only.
 */
import { describe, expect, it } from 'vitest';
import { buildCaseFile } from '../../src/casefile/index.ts';
import { EngineHarness } from '../helpers/engine-harness.ts';
import { pdfText } from '../helpers/casefile-story.ts';

async function fileText(first: string): Promise<string> {
  const h = new EngineHarness('2026-08-10T10:00:00+08:00');
  h.send(first);
  h.advance(20);
  h.send('The seller says they will reply within 2 days');
  const file = await buildCaseFile(h.state.active!, { locale: 'en', timezone: 'Asia/Shanghai', now: h.now });
  return pdfText(file.bytes);
}

describe('the case file of an English-speaking buyer', () => {
  it('on a mainland platform: Chinese part first, then the English one', async () => {
    const text = await fileText('I bought a rice cooker on JD, order 302918475512. The lid hinge snapped on day one. I want a refund.');
    const zh = text.indexOf('售后案卷');
    const en = text.indexOf('After-sales case file');
    expect(zh).toBeGreaterThanOrEqual(0);
    expect(en).toBeGreaterThan(zh);
    expect(text).toContain('经过（按时间）');
  });

  it('on a platform abroad: English only', async () => {
    const text = await fileText('I bought a desk fan on Amazon, order 114-3302918-4475120. It rattles and stops. I want a refund.');
    expect(text).toContain('After-sales case file');
    expect(text).not.toContain('售后案卷');
  });
});
