/**
 * Cantonese in a letter, made standard without changing the case: 唔啱 is "wrong" (不对), not
 * "doesn't suit me" (不合适, which reads as a change of mind); 揀 is "chose" (选); 啡色 is brown
 * (咖啡色).
 */
import { describe, expect, it } from 'vitest';
import { toWrittenChinese } from '../../src/drafts/words.ts';

describe('Cantonese words of a wrong-item case', () => {
  it('唔啱 → 不对, 揀/拣 → 选, 啡色 → 咖啡色', () => {
    expect(toWrittenChinese('收到嘅款式唔啱，我揀咗白色，佢哋寄咗啡色嘅嚟')).toBe('收到的款式不对，我选了白色，他们寄了咖啡色的来');
    // Already Simplified (拣): the same.
    expect(toWrittenChinese('我拣咗大码，寄嚟嘅啡色外套尺码唔啱')).toBe('我选了大码，寄来的咖啡色外套尺码不对');
  });

  it('拣 in another word stays (分拣 is sorting, not choosing)', () => {
    expect(toWrittenChinese('個包裹喺分拣中心停咗三日')).toContain('分拣中心');
  });

  it('an existing 咖啡色 is not doubled', () => {
    expect(toWrittenChinese('佢寄咗咖啡色')).toBe('他寄了咖啡色');
  });
});
