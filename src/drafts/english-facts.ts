/**
 * The concrete facts of a problem told in English, in Chinese for the letter and in plain English for
 * the buyer's check: a Chinese reviewer (a platform, 12315) needs what is wrong, not only its kind
 * (DOMAIN.md, "the three elements": the problem concrete and observable). Only what a small set of
 * fixed patterns reads with certainty — a part and what happened to it, a symptom, a count, a time
 * after which it failed — is stated; the rest of the buyer's words stays in the case record. A fact
 * not read is left out, never guessed.
 */

/** One fact: the Chinese the letter states, and the English the buyer checks it against. */
export interface EnglishFact {
  zh: string;
  en: string;
}

const NUMBER_WORDS: Readonly<Record<string, string>> = {
  one: '1', a: '1', an: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10',
};
/** The Chinese count of a unit of time or of uses, and its English name. */
const UNITS: Readonly<Record<string, [string, string]>> = {
  hour: ['小时', 'hour'], day: ['天', 'day'], week: ['周', 'week'], month: ['个月', 'month'], use: ['次', 'use'], time: ['次', 'use'],
};
const NUMBER = String.raw`(\d{1,3}|one|an?|two|three|four|five|six|seven|eight|nine|ten)`;

/** Parts of goods a buyer names, with their Chinese. */
const PARTS: Readonly<Record<string, string>> = {
  screen: '屏幕', display: '屏幕', glass: '玻璃', case: '外壳', casing: '外壳', shell: '外壳', housing: '外壳', body: '机身', lid: '盖子',
  cover: '盖子', handle: '把手', bumper: '防撞条', leg: '腿', legs: '腿', wheel: '轮子', wheels: '轮子', button: '按键', buttons: '按键',
  zipper: '拉链', zip: '拉链', strap: '带子', box: '包装盒', package: '包裹', packaging: '包装', parcel: '包裹', bottle: '瓶子', cup: '杯子',
  plate: '盘子', bowl: '碗', mirror: '镜子', frame: '框架', cable: '线', cord: '线', plug: '插头', charger: '充电器', lens: '镜头', seal: '封口',
};
/** What happened to the part. */
const DAMAGE: Readonly<Record<string, string>> = {
  cracked: '裂了', broken: '坏了', crushed: '压坏了', dented: '有凹陷', scratched: '有划痕', bent: '变形了', shattered: '碎了', smashed: '碎了',
  torn: '破了', ripped: '破了', missing: '缺失', loose: '松动', leaking: '漏了', stained: '有污渍',
};
const PART = `(${Object.keys(PARTS).join('|')})`;
const HURT = `(${Object.keys(DAMAGE).join('|')})`;

/** Symptoms with a fixed reading: the pattern, the Chinese, the English. */
const SYMPTOMS: readonly (readonly [RegExp, string, string])[] = [
  [/\b(?:won'?t|doesn'?t|does not|can'?t|cannot|will not) (?:turn|switch|power) on\b/, '无法开机', 'it will not turn on'],
  [/\b(?:won'?t|doesn'?t|does not|can'?t|cannot|will not) charge\b|\bnot charging\b/, '无法充电', 'it will not charge'],
  [/\b(?:smell(?:s|ed)?|smelt|stinks?|stank) (?:like|of) burn(?:ing|t) plastic\b|\bburn(?:ing|t) plastic smell\b/, '有烧焦塑料的气味', 'it smells of burning plastic'],
  [/\b(?:smell(?:s|ed)?|smelt|stinks?|stank) (?:like|of) burn(?:ing|t)\b(?! plastic)|\bburn(?:ing|t) smell\b/, '有烧焦的气味', 'it smells of burning'],
  [/\b(?:sparks?|sparking)\b/, '冒火花', 'it sparks'],
  [/\b(?:smokes|smoking|smoke came out|gave off smoke)\b/, '冒烟', 'it gives off smoke'],
  [/\boverheat(?:s|ing|ed)?\b|\bgets? (?:very |really |extremely )?hot\b/, '发热严重', 'it overheats'],
  [/\bno sound\b|\bsound (?:doesn'?t|does not) work\b/, '没有声音', 'there is no sound'],
  [/\b(?:makes?|making) (?:a )?(?:loud |strange |weird |grinding |buzzing |rattling )?nois(?:e|es)\b/, '有异响', 'it makes a noise'],
  [/\bleak(?:s|ing|ed)?\b/, '有渗漏', 'it leaks'],
  [/\b(?:mou?ldy|mou?ld)\b/, '发霉', 'it is mouldy'],
  [/\bexpired\b|\bpast (?:its|the) (?:expiry|expiration|best[- ]before) date\b/, '已过期', 'it is past its expiry date'],
  // A booking not honoured (a hotel room, a seat).
  [/\boverbook(?:ed|ing)\b/, '超售', 'it was overbooked'],
  [/\bno rooms? (?:available|left|for me)\b|\bno room\b(?! service)|\b(?:did not|didn'?t|would not|wouldn'?t|could not|couldn'?t) give me (?:the|my|a) room\b/, '未能提供已预订的房间', 'the booked room was not provided'],
];

/** "stopped working after 3 days", "broke after two weeks", "died after a week". */
const FAILED_AFTER = new RegExp(String.raw`\b(?:stopped working|quit working|broke|died|failed) after ${NUMBER} (hour|day|week|month|use|time)s?\b`);
/** "stopped working", "doesn't work" without a time. */
const FAILED = /\b(?:stopped working|quit working|doesn'?t work|does not work|not working|won'?t work|no longer works)\b/;
/** "a cracked bumper", "the screen was cracked", "box crushed"; not the place of another thing ("the vase in the box was cracked"). */
const PLACE = String.raw`(?<!\b(?:in|inside|into|on|of|from|under|within) (?:the |my |a |an |its |their )?)`;
const PART_HURT = new RegExp(String.raw`\b${HURT} ${PART}\b|${PLACE}\b${PART} (?:is |was |were |are |came |arrived )?(?:already )?${HURT}\b`);
/** "the glass teapot inside is cracked": what happened, to a thing the patterns do not name (said as the item). */
const THING_HURT = new RegExp(String.raw`\b(?:is|was|were|are|arrived|came|got)\s+(?:already\s+)?${HURT}\b`);
/** "only received 2 of 3", "got 4 out of 6". */
const COUNT = new RegExp(String.raw`\b(?:only )?(?:received|got) ${NUMBER} (?:of|out of) ${NUMBER}\b`);
/** "arrived with …", "when it arrived", "came broken": the fact is how it came. */
const ON_ARRIVAL = /\b(?:arrived|came|delivered|on arrival|when it arrived|out of the box)\b/;
const WRONG = /\bwrong (size|colou?r|model|item|product|version)\b/;
const WRONG_ZH: Readonly<Record<string, string>> = { size: '尺码', color: '颜色', colour: '颜色', model: '型号', item: '商品', product: '商品', version: '版本' };

function count(n: string): string {
  return NUMBER_WORDS[n] ?? n;
}

/** The facts a clause states, in the order told. */
function clauseFacts(clause: string): EnglishFact[] {
  const out: EnglishFact[] = [];
  const after = FAILED_AFTER.exec(clause);
  if (after) {
    const n = count(after[1]!);
    const [zh, en] = UNITS[after[2]!]!;
    out.push({ zh: `使用${n}${zh}后就无法正常使用`, en: `it stopped working after ${n} ${en}${n === '1' ? '' : 's'}` });
  } else if (FAILED.test(clause)) out.push({ zh: '无法正常使用', en: 'it does not work' });
  const hurt = PART_HURT.exec(clause);
  const thing = hurt ? null : THING_HURT.exec(clause);
  if (hurt || thing) {
    const part = hurt ? (hurt[2] ?? hurt[3])! : null;
    const damage = hurt ? (hurt[1] ?? hurt[4])! : thing![1]!;
    const arrived = ON_ARRIVAL.test(clause);
    out.push({
      zh: `${arrived ? '收到时' : ''}${part ? PARTS[part] : '商品'}${DAMAGE[damage]}`,
      en: `${arrived ? 'on arrival, ' : ''}the ${part ?? 'item'} was ${damage}`,
    });
  }
  const counted = COUNT.exec(clause);
  if (counted) out.push({ zh: `共${count(counted[2]!)}件，只收到${count(counted[1]!)}件`, en: `only ${count(counted[1]!)} of ${count(counted[2]!)} arrived` });
  const wrong = WRONG.exec(clause);
  if (wrong) out.push({ zh: `发错了${WRONG_ZH[wrong[1]!]}`, en: `the wrong ${wrong[1]} was sent` });
  for (const [re, zh, en] of SYMPTOMS) if (re.test(clause)) out.push({ zh, en });
  return out;
}

/**
 * The facts read from a problem told in English, each once, in the order told; empty when none is read.
 *
 * @example englishFacts('The fan broke after two weeks and now gets really hot.')
 *   // [{ zh: '使用2周后就无法正常使用', en: 'it stopped working after 2 weeks' }, { zh: '发热严重', en: 'it overheats' }]
 */
export function englishFacts(text: string): EnglishFact[] {
  const facts: EnglishFact[] = [];
  for (const clause of text.toLowerCase().replace(/[’‘]/g, "'").split(/[.;!?\n]+|,|\band\b|\bbut\b/)) {
    for (const f of clauseFacts(clause.trim())) if (!facts.some((g) => g.zh === f.zh)) facts.push(f);
  }
  return facts;
}
