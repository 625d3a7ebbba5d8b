/**
 * A letter's problem line holds the goods' problem only: a greeting with its interjection
 * ("唉您好"), "I'm telling you" lead-ins, an appeal to the audience ("姐妹们谁懂"), an apology for
 * bothering, a bare interjection or scoff ("哈哈"), a thanks (sarcastic or not) and a feeling-only
 * clause ("实在太闹心了") go; the facts stay.
 */
import { describe, expect, it } from 'vitest';
import { cleanBuyerWords } from '../../src/drafts/words.ts';

const ids = { orderId: null, trackingNo: null };

describe('chatter in the problem line', () => {
  it.each([
    ['唉您好，我和你讲，买的电热毯插上电不热，实在太闹心了。', '购买的电热毯插上电不热'],
    ['哈哈，买的“原装”充电器，一用就发烫冒烟，可真是多谢店家了。', '购买的“原装”充电器，一用就发烫冒烟'],
    ['姐妹们谁懂啊，买的面霜开盖就是臭的', '购买的面霜开盖就是臭的'],
    ['打扰一下。买的保温壶盖子拧不紧一直漏水', '购买的保温壶盖子拧不紧一直漏水'],
    ['嗨你好，跟你说一下，买的雨伞撑开骨架就断了，真的好烦', '购买的雨伞撑开骨架就断了'],
  ])('%s', (text, want) => {
    expect(cleanBuyerWords(text, ids, 'zh-CN', true)).toBe(want);
  });

  it('a clause about the goods that mentions a feeling stays', () => {
    expect(cleanBuyerWords('买的加湿器一开就漏水，桌子都泡坏了', ids, 'zh-CN', true)).toBe('购买的加湿器一开就漏水，桌子都泡坏了');
  });
});
