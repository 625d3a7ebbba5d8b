/**
 * A rough time the seller gave with an agreement ("大概7天", "一周左右", "差不多5个工作日",
 * "about 7 days"): the rule reader takes only a limit ("7天内"), and an agreement with a rough
 * time is still a promise the case waits on — its reminder asks whether it was done.
 */
import { parseNumber } from './numerals.ts';
import type { Extraction } from './types.ts';

const NUM = String.raw`(\d{1,2}|[一二两三四五六七八九十]{1,3})`;
const UNIT = String.raw`(个?工作日|天|日|个?星期|周|个?礼拜)`;
/** "大概7天", "大约一周", "差不多5个工作日", "预计3天", "7天左右", "一周上下"; not "大概7天前" (a time ago). */
const ROUGH_ZH = new RegExp(String.raw`(?:大概|大约|大約|差不多|估计|估計|预计|預計|约|約)(?:要|需要|得)?\s*${NUM}\s*${UNIT}(?!以?前|之前)|${NUM}\s*${UNIT}(?:左右|上下|的样子)(?!以?前|之前)`, 'u');
/** "about 7 days", "roughly a week", "around 5 working days". */
const ROUGH_EN = /\b(?:about|around|roughly|approximately)\s+(\d{1,2}|a|one|two|three|four|five|six|seven|ten)\s+(working days?|business days?|days?|weeks?)\b/i;

const EN_NUM: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, ten: 10 };

/**
 * The rough time in the words as a promise, or null when they give none.
 * @example roughPromise('卖家同意了，大概7天修好') // { hours: 168 }
 */
export function roughPromise(text: string): NonNullable<Extraction['promise']> | null {
  const zh = ROUGH_ZH.exec(text);
  const en = zh ? null : ROUGH_EN.exec(text);
  const rawNum = zh ? zh[1] ?? zh[3] : en?.[1];
  const unit = zh ? zh[2] ?? zh[4] : en?.[2]?.toLowerCase();
  if (!rawNum || !unit) return null;
  const n = /^\d+$/.test(rawNum) ? Number(rawNum) : EN_NUM[rawNum.toLowerCase()] ?? parseNumber(rawNum);
  if (!n || n <= 0 || n > 60) return null;
  if (/工作日|working|business/.test(unit)) return { hours: n * 24, workingDays: n };
  const days = /星期|周|礼拜|week/.test(unit) ? n * 7 : n;
  return { hours: days * 24 };
}
