import { describe, expect, it } from 'vitest';
import { cutText, graphemes, splitText } from '../../src/app/text-chunks.ts';

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('cutting texts by grapheme', () => {
  it('never splits an emoji, a skin tone, a flag or a family', () => {
    const text = '杯子碎了👍🏽🇨🇳👨‍👩‍👧'.repeat(40);
    for (let max = 2; max < 60; max++) {
      const cut = cutText(text, max, '…');
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(loneSurrogate.test(cut)).toBe(false);
      expect(text.startsWith(cut.slice(0, -1))).toBe(true);
      const pieces = splitText(text, max);
      expect(pieces.join('')).toBe(text);
      for (const p of pieces) {
        expect(p.length).toBeLessThanOrEqual(max);
        expect(loneSurrogate.test(p)).toBe(false);
        expect(graphemes(p).join('')).toBe(p);
      }
    }
  });

  it('prefers line breaks and drops the break at the cut', () => {
    expect(splitText('第一行\n第二行很长很长', 6)).toEqual(['第一行', '第二行很长很', '长']);
    expect(splitText('aaaa\n\n\nbbbb', 5, { dropBlank: true })).toEqual(['aaaa', 'bbbb']);
  });

  it('leaves short texts alone', () => {
    expect(cutText('短', 10, '…')).toBe('短');
    expect(splitText('短消息', 10)).toEqual(['短消息']);
  });
});
