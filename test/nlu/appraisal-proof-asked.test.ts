/**
 * A technician or shop asking the buyer to prove a fault ("要我先拍视频证明是出厂问题") has found nothing: no
 * appraisal is read, so no letter says "经维修师傅检测，商品存在质量问题". What they said they found still is one.
 */
import { describe, expect, it } from 'vitest';
import { readAppraisal } from '../../src/nlu/appraisal.ts';

describe('proof asked of the buyer is no finding', () => {
  it.each([
    '上门的师傅说要我先录个视频证明是机器本身的问题',
    '维修店让我拍视频证明是出厂问题才给开单',
    'the technician told me to prove it was a factory defect first',
  ])('%s', (text) => {
    expect(readAppraisal(text)).toBeNull();
  });

  it.each([
    ['师傅来看了，说是电机本身的问题', 'defect'],
    ['维修店的人看了说是出厂问题', 'defect'],
  ])('a finding told still counts: %s', (text, verdict) => {
    expect(readAppraisal(text)?.verdict).toBe(verdict);
  });
});
