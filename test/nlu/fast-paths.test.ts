/**
 * The shortcuts extraction takes for speed give what the plain forms they stand for give:
 * hand-written scanners against their patterns, cheap guards against the patterns they guard.
 */
import { describe, expect, it } from 'vitest';
import { readLabelled } from '../../src/cli/train-nlu.ts';
import { OVERWHELMED, REFUND_TIMING } from '../../src/nlu/lexicon/intents.ts';
import { dropContained, type Hit } from '../../src/nlu/matcher.ts';
import { latinWords, LATIN_WORD, NGRAM_CHARS } from '../../src/nlu/model/features.ts';
import { seededRandom } from '../../src/nlu/model/linear.ts';
import { Chars } from '../../src/nlu/scan.ts';

/** `n` strings of up to `max` characters drawn from `alphabet`, the same every run. */
function randomTexts(alphabet: string, n: number, max: number, seed: number): string[] {
  const rand = seededRandom(seed);
  return Array.from({ length: n }, () => Array.from({ length: Math.floor(rand() * max) }, () => alphabet[Math.floor(rand() * alphabet.length)]!).join(''));
}

describe('latinWords', () => {
  it("finds what LATIN_WORD finds in the n-gram text's span, apostrophes and the length cap included", () => {
    const own = ["it's ok", "'tis the parcel's box", "a b c", "x'", "ab''cd e'f", '订单abc号 qq', `${'z'.repeat(NGRAM_CHARS - 1)}yy`, `${'订'.repeat(NGRAM_CHARS - 1)}ab`, ''];
    for (const t of [...own, ...randomTexts("ab'. 订z", 3000, 40, 7)]) {
      const words: string[] = [];
      latinWords(t, words);
      expect(words, JSON.stringify(t)).toEqual([...t.slice(0, NGRAM_CHARS).matchAll(LATIN_WORD)].map((m) => m[0]));
    }
  });
});

describe('Chars', () => {
  it('holds its characters by unit, and nothing else (out of range included)', () => {
    const stops = new Chars('。！？!?\n');
    const wrong: number[] = [];
    for (let u = 0; u < 65536; u++) if (stops.has(u) !== '。！？!?\n'.includes(String.fromCharCode(u))) wrong.push(u);
    expect(wrong).toEqual([]);
    expect(stops.has('？'.charCodeAt(0))).toBe(true);
    expect(stops.has('ab'.charCodeAt(5))).toBe(false);
  });
});

describe('dropContained', () => {
  /** The plain form: a stable sort by start, longer first, and the furthest end per group in a Map. */
  function plain(hits: Hit<string>[]): Hit<string>[] {
    const maxEnd = new Map<string, number>();
    return hits
      .slice()
      .sort((a, b) => a.start - b.start || b.end - a.end)
      .filter((h) => {
        const m = maxEnd.get(h.value);
        if (m !== undefined && h.end <= m) return false;
        maxEnd.set(h.value, h.end);
        return true;
      });
  }

  it('keeps what the plain sort and Map keep, for few hits and for many, ties in order', () => {
    const rand = seededRandom(3);
    for (let round = 0; round < 400; round++) {
      const n = Math.floor(rand() * 80);
      const hits = Array.from({ length: n }, (_, i) => {
        const start = Math.floor(rand() * 30);
        return { start, end: start + 1 + Math.floor(rand() * 5), value: 'gh'[Math.floor(rand() * 2)]!, i };
      });
      // Each hit carries its index `i`: equal hits must also stay in the order they came in.
      expect(dropContained(hits, (v) => v)).toEqual(plain(hits));
    }
  });
});

describe('the character guards of case questions', () => {
  const own = [
    '钱多久能到账', '退款一般要几天', '到账大概需要多长时间', '什麼時候退款', 'how long until my refund', 'WHEN do I get the refund',
    '字太多了', '我该发哪个', '看不明白', 'too much text', 'Which one do I send', '杯子碎了', '',
  ];
  it('pass every message their pattern matches', () => {
    const texts = [...own, ...readLabelled().map((l) => l.text), ...randomTexts('多几到账退款钱h how long refund when看不懂字太多 ', 4000, 30, 11)];
    let matched = 0;
    for (const q of [REFUND_TIMING, OVERWHELMED]) {
      for (const t of texts) {
        if (!q.says.test(t)) continue;
        matched++;
        expect(q.needs!.test(t), `${q.intent}: ${t}`).toBe(true);
      }
    }
    expect(matched).toBeGreaterThan(20);
  });
});
