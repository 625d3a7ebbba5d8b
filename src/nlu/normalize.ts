/**
 * Text normalisation for matching.
 *
 * `normalizeAligned` maps every UTF-16 code unit to exactly one code unit, so an index
 * into the normalised text is also an index into the buyer's original text: evidence
 * spans can quote the buyer verbatim. `normalize` additionally collapses whitespace for
 * display and comparison.
 */

import { expandShorthand } from './shorthand.ts';
import { TRAD_SIMP_FULL } from './trad-simp.ts';

// Traditional → Simplified, hand-picked pairs first (they win over the full table); only for characters that occur in after-sales talk
// (order, refund, goods, courier, quality words…). Pairs: traditional then simplified.
const TRAD_SIMP =
  '訂订單单號号碼码貨货沒没買买賣卖換换錢钱轉转發发產产質质壞坏損损錯错問问題题們们這这個个補补償偿賠赔時时讓让說说運运' +
  '寄寄遞递還还請请幫帮給给裡里裏里樣样實实際际圖图與与顏颜尺尺後后來来開开關关門门電电話话機机點点間间應应該该對对網网頁页' +
  '寶宝貓猫東东達达順顺豐丰圓圆韻韵萬万標标準准誤误續续認认確确謝谢歡欢寫写詢询詳详諮谘議议價价費费護护歸归據据顯显處处專专' +
  '務务戶户帳帐賬账將将無无員员頭头隻只條条張张帶带態态適适邊边進进過过違违遲迟遺遗選选郵邮醫医鏡镜長长閉闭閃闪閒闲陸陆隊队' +
  '雜杂雙双離离難难響响項项須须預预領领頻频願愿類类風风飛飞飾饰餐餐館馆饋馈馬马駁驳騙骗驗验體体髒脏鬆松麼么齊齐齒齿龍龙參参' +
  '變变號号從从復复徵征應应擔担擇择擊击據据擴扩擾扰斷断於于暫暂會会極极構构槍枪樂乐歲岁歷历殘残殼壳氣气決决況况減减測测溫温' +
  '滿满漲涨潔洁灣湾災灾為为烏乌熱热爾尔狀状獨独獲获環环畫画當当盡尽監监盤盘眾众確确礎础禮礼稱称種种積积穩稳窮穷競竞筆笔節节' +
  '範范簡简糧粮糾纠紅红約约級级紙纸細细終终組组結结絕绝絲丝統统經经綠绿維维網网緊紧線线緣缘編编緩缓練练縣县總总績绩繩绳繫系' +
  '繳缴繼继纖纤罰罚羅罗義义習习聯联聲声聽听腦脑腳脚膠胶臉脸興兴舉举舊旧藝艺華华葉叶著着蓋盖蘇苏蘋苹蘭兰虧亏術术衛卫衝冲裝装' +
  '複复覺觉觀观規规視视親亲觸触計计討讨訓训記记設设許许診诊證证評评試试話话認认誠诚諾诺識识譯译讀读貝贝負负財财責责貴贵貸贷' +
  '貼贴貿贸資资賓宾賢贤賴赖購购賽赛贈赠贊赞趕赶車车軍军軟软載载輔辅輕轻輛辆輸输輪轮辦办辭辞農农週周遊游遙遥鄉乡醜丑釋释針针' +
  '鈕钮銀银銷销鋪铺鏈链鐘钟鐵铁閱阅闆板階阶陳陈險险隨随雞鸡雲云靈灵靜静頂顶頓顿額额顧顾飯饭飲饮飽饱餅饼鬧闹魚鱼鳥鸟鹹咸麥麦' +
  '別别審审壺壶燙烫塊块異异漿浆糰团黏粘滲渗縮缩皺皱彎弯攤摊涼凉燈灯餘余註注調调樓楼師师歐欧橫横撐撑擰拧嚴严巖岩紋纹麵面痠酸癢痒腫肿膩腻鈴铃籠笼劃划傷伤搖摇脫脱掛挂鉤钩櫃柜廳厅槓杠墊垫爐炉縫缝繃绷褲裤織织嗆呛檢检鑑鉴偽伪籤签' +
  '黃黄齡龄擱搁壓压爛烂裂裂碎碎漏漏髮发鎖锁傳传僅仅價价優优儲储剛刚動动勞劳協协廠厂厲厉吳吴啟启喪丧嗎吗團团壞坏夠够嬰婴寬宽' +
  '層层崗岗幣币廣广張张彈弹徑径態态慘惨懶懒戲戏搶抢擋挡攜携數数斤斤暈晕書书朧胧殺杀氫氢淨净湯汤滅灭漁渔潛潜濕湿灑洒炸炸爭争' +
  '牆墙獎奖現现瑕瑕療疗發发盜盗碼码磚砖禍祸穀谷竊窃糊糊繪绘纜缆罵骂聖圣膚肤臟脏舖铺艱艰莊庄蟲虫補补襪袜覽览訊讯託托記记訴诉' +
  '詐诈該该詭诡誇夸誰谁謊谎謬谬豐丰貪贪貨货販贩貫贯貶贬賄贿賺赚贓赃趨趋跡迹踐践躉趸輯辑轄辖辦办迴回遞递鄰邻釘钉鈔钞錄录錶表' +
  '鍋锅鍵键鏽锈門门閘闸閥阀陰阴陽阳隱隐雖虽韌韧顆颗颱台驚惊驟骤鬥斗黴霉齣出龜龟壽寿愛爱滯滞畢毕啞哑蓮莲亞亚';

/** One lookup per code unit: case, width, whitespace/control and Traditional → Simplified. */
const TABLE: Uint16Array = (() => {
  const t = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) t[c] = c;
  for (let c = 0x41; c <= 0x5a; c++) t[c] = c + 32;
  // Full-width ASCII (！ to ～) → ASCII, then lower-case the letters.
  for (let c = 0xff01; c <= 0xff5e; c++) {
    const a = c - 0xfee0;
    t[c] = a >= 0x41 && a <= 0x5a ? a + 32 : a;
  }
  const space = 0x20;
  for (let c = 0; c < 0x20; c++) t[c] = space;
  t[0x7f] = space;
  for (let c = 0x80; c < 0xa0; c++) t[c] = space;
  t[0xa0] = space;
  for (let c = 0x2000; c <= 0x200b; c++) t[c] = space;
  t[0x2028] = space;
  t[0x2029] = space;
  t[0x202f] = space;
  t[0x205f] = space;
  t[0x3000] = space;
  t[0xfeff] = space;
  t[0x2018] = 0x27; // ‘ → '
  t[0x2019] = 0x27; // ’ → '
  t[0xff0e] = 0x2e;
  t[0x3002] = 0x3002; // 。 stays: it is a sentence end, not a decimal point
  for (let i = 0; i + 1 < TRAD_SIMP_FULL.length; i += 2) {
    t[TRAD_SIMP_FULL.charCodeAt(i)] = TRAD_SIMP_FULL.charCodeAt(i + 1);
  }
  for (let i = 0; i + 1 < TRAD_SIMP.length; i += 2) {
    t[TRAD_SIMP.charCodeAt(i)] = TRAD_SIMP.charCodeAt(i + 1);
  }
  return t;
})();

const CHUNK = 4096;

/**
 * Normalise keeping length and positions: lower-case ASCII, full-width → half-width,
 * whitespace and control characters → a plain space, Traditional → Simplified for the
 * characters that matter, pinyin shorthand spelled out ("tk" → 退款). `normalizeAligned(s).length === s.length` always.
 *
 * @example normalizeAligned('訂單號：１２３') // '订单号:123'
 */
export function normalizeAligned(text: string): string {
  // The scan and then `normalize` read the same message: the second is given the first's answer.
  if (text === lastAlignedText) return lastAligned;
  const aligned = expandShorthand(alignedOf(text));
  lastAlignedText = text;
  lastAligned = aligned;
  return aligned;
}

/** The text `normalizeAligned` was last given, and its answer. */
let lastAlignedText: string | null = null;
let lastAligned = '';

function alignedOf(text: string): string {
  const n = text.length;
  let changed = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (TABLE[c] !== c) {
      changed = true;
      break;
    }
  }
  if (!changed) return text;
  const parts: string[] = [];
  // One plain array of units, reused: a typed array made per message and its view cost more than the
  // mapping (and `apply` reads a plain array the fast way).
  const buf = UNITS;
  for (let start = 0; start < n; start += CHUNK) {
    const end = Math.min(n, start + CHUNK);
    buf.length = end - start;
    for (let i = start; i < end; i++) buf[i - start] = TABLE[text.charCodeAt(i)]!;
    parts.push(String.fromCharCode.apply(null, buf));
  }
  return parts.length === 1 ? parts[0]! : parts.join('');
}

const UNITS: number[] = [];

/**
 * Normalise for comparison and display: `normalizeAligned`, then runs of whitespace
 * collapsed to one space and the ends trimmed.
 *
 * @example normalize('  ＴＢ  訂單 ') // 'tb 订单'
 */
export function normalize(text: string): string {
  // One message is read by many small readers (the buyer's report, sums, the question asked),
  // each from its normalised text: the last answer is kept, and the same text is not read again.
  if (text === lastText) return lastNormalized;
  const normalized = normalizeAligned(text).replace(/ {2,}/g, ' ').trim();
  lastText = text;
  lastNormalized = normalized;
  return normalized;
}

/** The text `normalize` was last given, and its answer (a string's answer never changes). */
let lastText: string | null = null;
let lastNormalized = '';
