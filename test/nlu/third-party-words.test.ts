/**
 * One list of third parties (neither seller nor platform) for every reader of their words: who spoke
 * (otherSpeaker), that a third party's words are reported (reportsThirdPartyWords), and that a remedy
 * named in them is no wish of the buyer's (namesRemedyOnly). Each reader knows the names the others knew.
 */
import { describe, expect, it } from 'vitest';
import { namesRemedyOnly, otherSpeaker, reportsThirdPartyWords } from '../../src/nlu/index.ts';

describe('a third party who speaks', () => {
  it.each([
    ['韵达那边说箱子是在分拣时压坏的', '韵达'],
    ['银行说这笔钱已经原路退回了', '银行'],
    ['骑手说放在门卫室了', '骑手'],
    ['保险公司回复要先提供检测报告', '保险公司'],
    ['维修工讲主板进水了', '维修工'],
    ['my bank said the charge was reversed', 'bank'],
  ])('"%s": the words are %s\'s', (text, name) => {
    expect(otherSpeaker(text)).toEqual({ kind: 'third', name });
  });

  it.each([
    [reportsThirdPartyWords, '中通说要让寄件人去理赔'],
    [reportsThirdPartyWords, '集运仓说外箱进过水'],
    [reportsThirdPartyWords, '品牌专柜说这块表是翻新的'],
    [reportsThirdPartyWords, 'the forwarder says the box arrived wet'],
    [namesRemedyOnly, '安装师傅说要换整个压缩机'],
    [namesRemedyOnly, '维修点建议直接换新'],
    [namesRemedyOnly, '司机说让商家再补发一箱'],
    [namesRemedyOnly, 'the technician said it needs a replacement'],
  ])('%o "%s": a third party\'s words (a remedy in them is theirs, not a new wish)', (reader, text) => {
    expect(reader(text)).toBe(true);
  });

  it.each(['the problems said in my first message are still there', 'the screwdriver says made in china'])('"%s": no party inside a word', (text) => {
    expect(namesRemedyOnly(text)).toBe(false);
    expect(reportsThirdPartyWords(text)).toBe(false);
  });
});
