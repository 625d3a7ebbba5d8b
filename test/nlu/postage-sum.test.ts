/**
 * What sending a parcel cost, one reader for the return just told ("寄了 … 运费12") and for the postage
 * claimed beside the wish ("运费12也得他出"): the sum after the postage word or before it, in either script.
 */
import { describe, expect, it } from 'vitest';
import { postageSum } from '../../src/nlu/amounts.ts';

describe('postageSum', () => {
  it.each([
    ['寄回去了 邮费9块', 9],
    ['运费是23.5元', 23.5],
    ['快递费付了14', 14],
    ['花了16块的运费', 16],
    ['付了11元的寄费', 11],
    ['運費27也要他出', 27],
    ['运费１９也要他出', 19],
    ['寄回的运费21.', 21],
  ])('"%s": %d', (text, sum) => {
    expect(postageSum(text)).toBe(sum);
  });

  it.each(['运费0', '运费险赔了', '我要退款 订单号 55021'])('"%s": none', (text) => {
    expect(postageSum(text)).toBeNull();
  });
});
