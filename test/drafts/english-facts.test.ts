/**
 * The facts read from a problem told in English: only what the fixed patterns read with certainty,
 * each once, in the order told; nothing for words they do not read.
 */
import { describe, expect, it } from 'vitest';
import { englishFacts } from '../../src/drafts/english-facts.ts';

const zh = (text: string) => englishFacts(text).map((f) => f.zh);

describe('englishFacts', () => {
  it('reads a failure after a time, with the count kept', () => {
    expect(englishFacts('The fan broke after two weeks and now gets really hot.')).toEqual([
      { zh: '使用2周后就无法正常使用', en: 'it stopped working after 2 weeks' },
      { zh: '发热严重', en: 'it overheats' },
    ]);
    expect(zh('my blender died after 5 uses')).toEqual(['使用5次后就无法正常使用']);
  });

  it('reads a part and what happened to it, and whether it came so', () => {
    expect(englishFacts('The kettle arrived with a dented lid')).toEqual([{ zh: '收到时盖子有凹陷', en: 'on arrival, the lid was dented' }]);
    expect(zh('the mirror is scratched; the frame was bent')).toEqual(['镜子有划痕', '框架变形了']);
    // A thing the patterns do not name is the item.
    expect(englishFacts('the ceramic vase in the parcel was shattered')).toEqual([{ zh: '商品碎了', en: 'the item was shattered' }]);
  });

  it('reads symptoms, counts and wrong goods', () => {
    expect(zh("It won't turn on and the charger makes a buzzing noise")).toEqual(['无法开机', '有异响']);
    expect(zh('only received 4 of 6 candles, and one jar leaks')).toEqual(['共6件，只收到4件', '有渗漏']);
    expect(zh('They sent the wrong colour')).toEqual(['发错了颜色']);
    expect(zh('The yoghurt was expired, it smelled of burnt milk')).toEqual(['已过期', '有烧焦的气味']);
  });

  it('reads nothing it has no pattern for', () => {
    expect(englishFacts('The quality is just really poor, I am very disappointed')).toEqual([]);
    expect(englishFacts("It's not what I expected")).toEqual([]);
  });
});
