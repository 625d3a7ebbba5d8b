/**
 * What a technician who came to look found is an inspection result: on the record, said back, and
 * stated by the letters after it — a finding of no fault as plainly as one of a fault.
 */
import { describe, expect, it } from 'vitest';
import { readAppraisal } from '../../src/nlu/appraisal.ts';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';
import type { Outbound } from '../../src/domain/index.ts';

const all = (out: Outbound[]) => out.map((m) => m.text).join('\n');

describe('reading a technician\'s finding', () => {
  it('a fault of the goods themselves', () => {
    expect(readAppraisal('维修师傅上门拆开看了，说是压缩机本身的问题')).toEqual({ by: 'technician', verdict: 'defect' });
    expect(readAppraisal('售后工程师来检查过，确认是出厂缺陷')).toEqual({ by: 'technician', verdict: 'defect' });
    expect(readAppraisal('The technician came and said it is a factory defect')).toEqual({ by: 'technician', verdict: 'defect' });
  });

  it('no fault found, or only a question', () => {
    expect(readAppraisal('师傅看了说不是质量问题，是我没装好')).toEqual({ by: 'technician', verdict: 'no_defect' });
    expect(readAppraisal('师傅说的是不是质量问题啊？')).toBeNull();
    expect(readAppraisal('师傅明天上门')).toBeNull();
  });
});

describe('the finding in the case', () => {
  it('is said back and stated by the next platform letter', () => {
    const h = new EngineHarness('2026-11-20T10:00:00+08:00');
    h.send('天猫买的滚筒洗衣机 订单号 40918273645 用了三天就不脱水 要退货退款');
    h.advance(60 * 24);
    const said = h.send('今天维修师傅来了，查了说是电机出厂的问题，开了单子');
    expect(all(said)).toContain('经维修师傅检测，商品存在质量问题');
    h.advance(60);
    const refused = h.send('卖家拒绝退货，说可以保修');
    const letter = drafts(refused, 'platform')[0]!;
    expect(letter.body).toContain('经维修师傅检测，商品存在质量问题');
  });

  it('a finding of no fault is stated as it is, never as a fault', () => {
    const h = new EngineHarness('2026-11-20T10:00:00+08:00');
    h.send('京东买的热水器 订单号 77102938465 水温忽冷忽热 要换货');
    h.advance(60 * 24);
    const said = h.send('自己找了维修店的师傅看，说不是机器本身的问题，是水压低');
    expect(all(said)).toMatch(/结论为无质量问题|表示商品没有质量问题/);
    expect(all(said)).not.toContain('商品存在质量问题');
  });
});
