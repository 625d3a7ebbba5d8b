/** Unit tests, one block per concept of src/nlu. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  askedQuestion, detectLanguage, extract, extractOrderId, extractTrackingNo, isGreeting, normalize, normalizeAligned, toContractJson,
  quotedSpeech, reportsOthersWords, wholeIntent,
} from '../../src/nlu/index.ts';
import { parseNumber } from '../../src/nlu/numerals.ts';
import { repoPath } from './scoring.ts';

const NOW = new Date('2026-11-22T10:00:00+08:00');

describe('normalize', () => {
  it('folds width, case, whitespace and Traditional characters, keeping positions', () => {
    expect(normalizeAligned('訂單號：１２３ＡＢ')).toBe('订单号:123ab');
    expect(normalizeAligned('a\tb\u3000c').length).toBe(5);
    expect(normalize('  ＴＢ   訂單 ')).toBe('tb 订单');
  });
});

describe('extractOrderId', () => {
  it.each([
    ['淘宝订单3916452812345678901 杯子碎了', '3916452812345678901'],
    ['订单号是 2214567890123456789', '2214567890123456789'],
    ['京东订单号 235012345678', '235012345678'],
    ['拼多多 241103-572918364502817', '241103-572918364502817'],
    ['订单号 241103 - 572918364502817', '241103-572918364502817'],
    ['小红书 P781234567890123456', 'P781234567890123456'],
    ['订单：３９１６４５２８１２３４５６７８９０１', '3916452812345678901'],
    ['订单号 3916 4528 1234 5678 901', '3916452812345678901'],
    ['order#2214567890123456789', '2214567890123456789'],
    ['单号 288812345678', '288812345678'],
    ['订单号 1234 5678 9012 3456 共2件', '1234567890123456'],
    ['3916452812345678901 这个订单', '3916452812345678901'],
  ])('%s → %s', (text, id) => {
    expect(extractOrderId(text)).toBe(id);
  });

  it.each([
    ['快递单号 75312345678901'],
    ['运单号 YT7512345678901'],
    ['SF1402345678901'],
    ['JDVA12345678901'],
    ['我的手机 13812345678'],
    ['139 1234 5678 联系我'],
    ['付了 199.00 元'],
    ['20241103 下的单'],
    ['商品编号 100012345678'],
    ['型号 RX-7800XT'],
    ['iPhone 15 坏了'],
    ['咨询订单号:[订单x] 商品ID:[数字x]'],
    ['[ORDERID_10005513]'],
    ['12345678901'],
    // A time stamp of a pasted chat line, even when an order number is expected.
    ['[2026-10-03 09:15] 店小二：稍等'],
  ])('not an order number: %s', (text) => {
    expect(extractOrderId(text)).toBeNull();
  });

  it('a written date with its hour is no order number even when one is asked for', () => {
    expect(extractOrderId('2026-10-03 09:15 我：在吗', { expectingOrderId: true })).toBeNull();
    expect(extractOrderId('订单号 20240619-58204613', { expectingOrderId: true })).toBe('20240619-58204613');
  });

  it('takes bare digits when the dialogue asked for the order number', () => {
    expect(extractOrderId('28765432109', { expectingOrderId: true })).toBe('28765432109');
    expect(extractOrderId('13812345678', { expectingOrderId: true })).toBeNull();
  });

  it('takes the corrected number on a correction', () => {
    const e = extract('订单号 2214567890123456788 填错了，应该是 2214567890123456789');
    expect(e.orderId).toBe('2214567890123456789');
    expect(e.correction).toBe(true);
  });

  it('reports a lower confidence for a bare long number than for one after 订单号', () => {
    const bare = extract('3916452812345678901 杯子碎了').evidence.orderId!;
    const keyed = extract('订单号 3916452812345678901').evidence.orderId!;
    expect(bare.confidence).toBeLessThan(keyed.confidence);
    expect(keyed.span).toBe('3916452812345678901');
  });
});

describe('extractTrackingNo', () => {
  it.each([
    ['顺丰 SF1402345678901 一直不动', 'SF1402345678901'],
    ['快递单号：75312345678901', '75312345678901'],
    ['JDX012345678901', 'JDX012345678901'],
    ['tracking number yt7512345678901', 'YT7512345678901'],
    ['EMS EA123456789CN', 'EA123456789CN'],
  ])('%s → %s', (text, no) => {
    expect(extractTrackingNo(text)).toBe(no);
  });
});

describe('platform', () => {
  it.each([
    ['某宝买的', 'taobao'], ['猫超', 'tmall'], ['狗东', 'jd'], ['拼夕夕', 'pdd'], ['多多买菜', 'pdd'], ['抖店', 'douyin'],
    ['快手小店', 'kuaishou'], ['xhs上', 'xiaohongshu'], ['咸鱼', 'xianyu'], ['唯品会', 'vip'], ['1688进货', '1688'],
    ['得物', 'other'], ['苏宁', 'other'], ['Amazon', 'other'], ['淘宝上的天猫店', 'tmall'],
  ])('%s → %s', (text, platform) => {
    expect(extract(text).platform).toBe(platform);
  });

  it('does not fire inside a tracking number or a word', () => {
    expect(extract('JDV012345678901 没到').platform).toBeNull();
    expect(extract('adjdk').platform).toBeNull();
  });
});

describe('wants', () => {
  it.each([
    ['不要换货，直接退款', 'refund'],
    ['不要退款 给我重新发', 'reship'],
    ['客服说给我补发', null],
    ['客服说给我补发，但我想退款', 'refund'],
    ['仅退款', 'refund'],
    ['退货退款', 'return_refund'],
    ['可以退换吗', null],
    ['只能维修吗？我要换货', 'exchange'],
    ['退一赔三', 'compensation'],
    ['能补寄就补寄，补不了再说退款', 'reship'],
    ["I don't want a replacement, just refund me", 'refund'],
    // Money back for the broken part only is a partial refund; the first choice beats a fallback.
    ['摔坏的那部分退钱给我就好', 'compensation'],
    ['我要换货，实在不行就退款', 'exchange'],
    ['先退款吧 要不然补发也行', 'refund'],
    // The seller's instruction or offer is not the buyer's wish; a process question asks no remedy.
    ['店家叫我自己去申请退货', null],
    ['商家愿意赔我十块钱', null],
    ['换货的话来回运费谁出', null],
    ['保修要不要带发票', null],
    ['换货要多久，我想换个大一码的', 'exchange'],
    // A remedy already carried out is history; a small sum asked for is compensation.
    ['他们已经给我补发了', null],
    ['屏幕是换过的，不是原装', null],
    ['鞋子开胶了，返个30块就行不用退', 'compensation'],
    // A ruling is what was decided; the goods a remedy brought are no remedy; asking is not wishing.
    ['客服介入后判定商家退货退款，叫我五天内寄回', null],
    ['小二判了给我退一半的钱', null],
    ['小二判了给我退一半的钱。', null],
    ['客服判断是质量问题，那我就换货吧', 'exchange'],
    ['换的那双也开胶了，这回我要退货', 'return_refund'],
    ['我想问下退货一般几天能收到钱', null],
    // A negated remedy gives way; what the buyer says they want instead is the wish.
    ['Never mind the exchange, I would rather have my money back', 'refund'],
    ['他说能补我五块钱，我想要的是重新发一个', 'reship'],
    // What the seller will do once the buyer obeys is the seller's side; a question how refunds go asks no money.
    ['客服叫我先删掉差评，然后再把运费退给我', null],
    ['请问退款一般要几天才到账', null],
    // Cantonese asks for a new one with 換過; a cancellation asked for is a refund.
    ['部電飯煲唔著得，可唔可以換過部新嘅', 'exchange'],
    ['还没发货的话帮我取消吧', 'refund'],
    ['They sent a blue one instead of grey, please send the right one', 'reship'],
  ])('%s → %s', (text, wants) => {
    expect(extract(text).wants).toBe(wants);
  });
});

describe('a correction of the buyer\'s own typing', () => {
  it.each([
    '刚才单号输错了，应该是 5520193847561029384',
    '不好意思订单号写错了',
    '订单号我打错了一位，正确的是 4102938475610293847',
  ])('%s names no problem of the goods', (text) => {
    const e = extract(text);
    expect(e.problem).toBeNull();
    expect(e.correction).toBe(true);
  });

  it('the seller\'s claim weighs less than the buyer\'s report: the buyer\'s own fault wins', () => {
    expect(extract('台灯用了三天就不亮了，客服说是我摔坏的').problem).toBe('quality');
  });

  it('goods sent wrong are still wrong goods', () => {
    expect(extract('尺码发错了，我拍的M码').problem).toBe('wrong_item');
  });
});

describe('promise', () => {
  it.each([
    ['客服说24小时内处理', { hours: 24 }],
    ['商家说两天内给答复', { hours: 48 }],
    ['卖家说48h发货', { hours: 48 }],
    ['客服说明天给答复', { hours: 24 }],
    ['商家说3个工作日内退款', { hours: 72, workingDays: 3 }],
    ['seller promised a refund within 24 hours', { hours: 24 }],
    ['我等了两天了', null],
    ['请在24小时内回复我', null],
    ['七天无理由退货', null],
    ['11月20日到的', null],
  ])('%s → %j', (text, promise) => {
    expect(toContractJson(extract(text)).promise).toEqual(promise);
  });

  // NOW is Sunday 2026-11-22, 10:00 in Shanghai: a named day runs to 23:59 of that day.
  it.each([
    ['the seller told me they will get back to me in 3 days', { hours: 72, act: 'reply' }],
    ['shop says they can reply in 12 hours', { hours: 12, act: 'reply' }],
    ['the seller promised to sort it out by Monday', { hours: (24 * 60 + 23 * 60 + 59 - 600) / 60 }],
    ['they said by tomorrow', { hours: (24 * 60 + 23 * 60 + 59 - 600) / 60 }],
    ['customer service says a refund by wed', { hours: (3 * 24 * 60 + 23 * 60 + 59 - 600) / 60, act: 'refund' }],
    ['the seller said they would answer by Sunday', { hours: (7 * 24 * 60 + 23 * 60 + 59 - 600) / 60, act: 'reply' }],
    ['客服说周三之前给我结果', { hours: (3 * 24 * 60 + 23 * 60 + 59 - 600) / 60, act: 'reply' }],
    ['商家讲下礼拜二前处理', { hours: (2 * 24 * 60 + 23 * 60 + 59 - 600) / 60 }],
    ['I have to send it back by Monday', null],
  ])('a promise without "within": %s → %j', (text, promise) => {
    expect(extract(text, { now: NOW, timezone: 'Asia/Shanghai' }).promise).toEqual(promise);
  });

  it('today means the hours left until midnight in the buyer timezone', () => {
    expect(extract('客服说今天给我发货', { now: NOW }).promise).toEqual({ hours: 14, act: 'ship' });
  });
});

describe('receivedOn', () => {
  it.each([
    ['昨天签收的，杯子是碎的', '2026-11-21'],
    ['前天到的', '2026-11-20'],
    ['11月20日到的', '2026-11-20'],
    ['received on Nov 20, the lid is cracked', '2026-11-20'],
    ['I received it yesterday', '2026-11-21'],
    ['2026年11月19日签收', '2026-11-19'],
    ['12月30日收到的', '2025-12-30'],
    ['3天前收到的货', '2026-11-19'],
  ])('%s → %s', (text, date) => {
    expect(extract(text, { now: NOW }).receivedOn).toBe(date);
  });

  it.each([
    ['昨天下单，还没收到'], ['昨天收到退款了'], ['11月20日下单的'],
    // The seller signing for the returned parcel is not the buyer's receipt.
    ['11月18日寄回去的，商家11月19号签收了'], ['退回的包裹昨天被签收了'],
  ])('no receipt date: %s', (text) => {
    expect(extract(text, { now: NOW }).receivedOn).toBeNull();
  });

  it('a buyer who signed for the goods under another subject still gives the receipt date', () => {
    expect(extract('他们寄的货我昨天签收了', { now: NOW }).receivedOn).toBe('2026-11-21');
  });

  it('needs "now" for relative dates, and resolves them in the given timezone', () => {
    expect(extract('昨天签收的').receivedOn).toBeNull();
    // 01:00 in Shanghai on the 22nd is still the 21st in London.
    const now = new Date('2026-11-22T01:00:00+08:00');
    expect(extract('昨天签收的', { now }).receivedOn).toBe('2026-11-21');
    expect(extract('昨天签收的', { now, timezone: 'Europe/London' }).receivedOn).toBe('2026-11-20');
  });
});

describe('amounts', () => {
  it.each([
    ['实付199元，只退了50元', 199, 50],
    ['¥1299 买的', 1299, null],
    ['退款金额是80块', null, 80],
    ['花了两百块', 200, null],
    ['运费10块还没退', null, null],
    // A number with no currency counts right after a payment or refund word.
    ['这件外套我付的388 用的信用卡', 388, null],
    ['在拼多多买的保温杯 45 用了两天', 45, null],
    ['退款到账了，只退了120，', null, 120],
    // No payment word: a remark, not the price; an approximate sum is no figure.
    ['10块钱就想打发我', null, null],
    ['大概花了80块多', null, null],
    // Sizes, weights and models are not money.
    ['买的43码 小了', null, null],
    ['买的3斤车厘子', null, null],
    ['买的Mate 60 屏幕有条线', null, null],
    ['买的红米12，充电口松了', null, null],
    // Money spent because of the goods (a doctor, a taxi) is not the price paid.
    ['过敏了去医院花了150块', null, null],
    ['钱退回来了 只有229 少了30', null, 229],
    // A refund word that is the wish: the sum after it is asked for, not refunded, unless something says it came.
    ['电热毯不热 要退款 159', null, null],
    ['直接退货退款吧 1299', null, null],
    ['退我60就行', null, null],
    ['I would like a refund of ¥45 please', null, null],
    ['已经退款 70 了', null, 70],
    ['卖家退款 42 已到账', null, 42],
    ['they issued a refund of ¥25, not the full 60', null, 25],
  ])('%s → paid %s, refunded %s', (text, paid, refunded) => {
    const e = extract(text);
    expect([e.amountPaid, e.amountRefunded]).toEqual([paid, refunded]);
  });
});

describe('sellerReply', () => {
  it.each([
    ['商家同意退款了', 'agrees'],
    ['客服说不给退', 'refuses'],
    ['商家不同意', 'refuses'],
    ['客服说再等等，他们核实一下', 'stalls'],
    ['卖家让我提供开箱视频', 'needs_evidence'],
    ['卖家让我加微信，私下转账给我', 'private_deal'],
    ['商家说先确认收货再退款', 'confirm_first'],
    ['商家要我先给好评', 'confirm_first'],
    ['the seller refused my refund', 'refuses'],
    ['杯子碎了', null],
    ['店里说断货了，叫我申请退款就行', 'agrees'],
    ['小二判了商家赢，说证据不足', 'platform_for_seller'],
    ['店家说可以全退还多给50，条件是撤销投诉', 'private_deal'],
    ['客服話佢哋唔同意換貨', 'refuses'],
  ])('%s → %s', (text, reply) => {
    expect(extract(text).sellerReply).toBe(reply);
  });

  it('a ruling reported is no request for the platform text; asking again is', () => {
    expect(extract('仲裁结果出来了，判了卖家赢').intent).toBeNull();
    expect(extract('仲裁判了卖家赢，我要再申诉').intent).toBe('want_platform_draft');
  });
});

describe('signals', () => {
  it.each([
    ['解决了，谢谢', true], ['已退款', true], ['退款到账了', true], ['收到退款了', true], ['refund received, thanks', true],
    ['all sorted now', true], ['还没解决', false], ['退款还没到账', false], ['解决了吗？', false],
  ])('resolved: %s → %s', (text, resolved) => {
    expect(extract(text).resolved).toBe(resolved);
  });

  it.each([
    ['对', 'yes'], ['是的', 'yes'], ['没错', 'yes'], ['yes', 'yes'], ['y', 'yes'], ['OK', 'yes'], ['对，就是这个', 'yes'],
    ['不对', 'no'], ['不是', 'no'], ['no', 'no'], ['n', 'no'], ['不是的，应该是123', 'no'],
    ['对方不理我', null], ['是不是假货', null], ['杯子碎了', null],
  ])('yesNo: %s → %s', (text, answer) => {
    expect(extract(text).yesNo).toBe(answer);
  });

  it.each([
    ['订单号填错了，应该是3916452812345678901', true],
    ['sorry, the order number is actually 2214567890123456789', true],
    ['应该是运输中摔坏了', false],
    ['杯子碎了', false],
  ])('correction: %s → %s', (text, correction) => {
    expect(extract(text).correction).toBe(correction);
  });
});

describe('intent', () => {
  it.each([
    // Whole-message commands and greetings (case, spaces and punctuation aside).
    ['重新 开始！', 'restart'], ['Start over', 'restart'], ['你好，在吗？', 'greeting'], ['hi there?', null],
    // Phrases inside a message, the first intent in priority order winning.
    ['算了还是换货吧，怎么办', 'change_wish'], ['没拍开箱视频怎么办', 'next_step'], ['打12315', 'want_regulator_draft'],
    ['电话012315', 'want_regulator_draft'], ['i will sue them', 'ask_lawsuit'], ['they ignore the issue', null],
    ['sue2 them', 'ask_lawsuit'], ['blacK cat', 'ask_heimao'],
  ])('%s → %s', (text, intent) => {
    expect(extract(text, { now: NOW }).intent).toBe(intent);
  });

  it('asks the question a message names, whatever else it says', () => {
    expect(askedQuestion(normalize('没拍开箱视频怎么办'))).toBe('ask_no_unboxing_video');
    expect(askedQuestion(normalize('怎么办'))).toBeNull();
    expect(askedQuestion(normalize('can I sue? what now'))).toBe('ask_lawsuit');
  });

  it('reads the dialogue phrases with the keyword matcher: whole English words, the named question first', () => {
    // A named question outranks a wait: the order-number question wins over "no news".
    expect(extract('no news, and where do i see the order number').intent).toBe('ask_where_order_id');
    // "not yet" inside a longer word is no phrase; standing alone it is.
    expect(extract('knot yetis').intent).toBeNull();
    expect(extract('Not yet, sorry').intent).toBe('not_yet');
    // Chinese phrases match anywhere, digits beside them included.
    expect(extract('等了3天还没动静2').intent).toBe('not_yet');
    // Who pays the return postage, asked without a listed phrase, is that question before a wait.
    expect(extract('还没动静，退回去的运费让我出应该吗').intent).toBe('ask_return_shipping');
    expect(askedQuestion(normalize('我想问一下怎么拍视频比较好'))).toBe('ask_video_howto');
    expect(extract('杯子很好看').intent).toBeNull();
  });

  it('tells commands and greetings from messages that only contain their words', () => {
    expect(wholeIntent('进度？')).toBe('status');
    expect(wholeIntent('现在的进度')).toBeNull();
    expect(isGreeting('您好 您好')).toBe(true);
    expect(isGreeting('您好 杯子碎了')).toBe(false);
    expect(isGreeting('😀你好')).toBe(true);
  });
});

describe('detectLanguage', () => {
  it.each([
    ['杯子碎了', 'zh-CN'], ['訂單沒收到', 'zh-CN'], ['my order never arrived', 'en'], ['tb买的裙子color不对', 'zh-CN'],
    ['12345', null], ['😭', null], ['', null],
  ])('%s → %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });
});

describe('numerals', () => {
  it.each([['四十八', 48], ['两', 2], ['十', 10], ['十二', 12], ['二十四', 24], ['两百', 200], ['两百五', 250], ['一百零五', 105], ['72', 72]])(
    '%s → %d',
    (raw, n) => {
      expect(parseNumber(raw)).toBe(n);
    },
  );
});

describe('evidence', () => {
  it('quotes the buyer verbatim, even across full-width and Traditional text', () => {
    const e = extract('淘寶訂單號：３９１６４５２８１２３４５６７８９０１ 杯子碎了');
    expect(e.orderId).toBe('3916452812345678901');
    expect(e.evidence.orderId?.span).toBe('３９１６４５２８１２３４５６７８９０１');
    expect(e.evidence.platform?.span).toBe('淘寶');
    expect(e.evidence.problem?.span).toBe('碎了');
  });
});

describe('CLI: npm run extract', () => {
  it('writes one JSON line per input line, in order, nothing else', () => {
    const input = ['淘宝订单3916452812345678901 杯子碎了 想退款', '', '客服说24小时内处理', '\u0000😭'].join('\n') + '\n';
    const r = spawnSync(process.execPath, ['--import', 'tsx', repoPath('src/cli/extract.ts')], { input, encoding: 'utf8', cwd: repoPath('.') });
    expect(r.status).toBe(0);
    const out = r.stdout.split('\n');
    expect(out.pop()).toBe('');
    expect(out).toHaveLength(4);
    const parsed = out.map((l) => JSON.parse(l));
    const extras = { sellerReply: null, sellerQuoted: false, intent: null };
    expect(parsed[0]).toEqual({ orderId: '3916452812345678901', platform: 'taobao', problem: 'damaged', wants: 'refund', trackingNo: null, promise: null, ...extras });
    expect(parsed[1]).toEqual({ orderId: null, platform: null, problem: null, wants: null, trackingNo: null, promise: null, ...extras });
    expect(parsed[2].promise).toEqual({ hours: 24 });
    // The extras beyond the contract: the seller's reply in the labelling rules' codes, and the intent.
    expect(parsed[2].sellerReply).toBe('stalling');
  });

  it('reports the seller reply in the labelling codes, quoted or summarised, and the intent', () => {
    const input = ['店家不肯退，说是我自己弄坏的', '客服原话："亲，寄回来我们检测一下"', '麻烦把平台介入的文本发我'].join('\n') + '\n';
    const r = spawnSync(process.execPath, ['--import', 'tsx', repoPath('src/cli/extract.ts')], { input, encoding: 'utf8', cwd: repoPath('.') });
    const [refusal, inspection, draft] = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect([refusal.sellerReply, refusal.sellerQuoted]).toEqual(['refused', false]);
    expect([inspection.sellerReply, inspection.sellerQuoted]).toEqual(['return_for_inspection', true]);
    expect(draft.intent).toBe('want_platform_draft');
  });

  it('keeps up with thousands of lines', () => {
    const lines = Array.from({ length: 5000 }, (_, i) => (i % 3 === 0 ? '' : `订单号 ${2214567890123450000 + i} 没收到`));
    const r = spawnSync(process.execPath, ['--import', 'tsx', repoPath('src/cli/extract.ts')], {
      input: lines.join('\r\n'), encoding: 'utf8', cwd: repoPath('.'),
    });
    expect(r.status).toBe(0);
    // Speed is the benchmark's business (bench/extract.ts); here every line gets its answer.
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(5000);
  });
});

describe('food', () => {
  it.each([
    ['买的奶粉结块了', true],
    ['车厘子烂了一半', true],
    ['生鲜海鲜没冷链 臭了', true],
    ['维生素片过期了', true],
    ['the cookies were crushed', true],
    ['茶几裂了', false],
    ['米色的沙发发错成灰色', false],
    ['苹果手机屏幕坏了', false],
    ['快递有问题', false],
    ['', false],
    // A food word that is what the goods act on is not the goods.
    ['破壁机打不碎黄豆', false],
    ['电饭煲煮出来的米饭是夹生的', false],
    ['拖地机器人把狗粮吸进去就卡住', false],
    ['保温杯里泡的茶叶一夜就馊了', true],
    ['快递司机把两箱橙子压烂了', true],
  ])('%s → %s', (text, food) => {
    expect(extract(text).food).toBe(food);
  });
});

describe('compensationPercent', () => {
  it.each([
    ['补偿30%', 30],
    ['能不能赔偿百分之二十', 20],
    ['退一半钱给我', 50],
    ['打个八折吧', 20],
    ['八五折可以接受', 15],
    ['give me a 30% refund', 30],
    ['含棉量80% 还起球', null],
    ['坏的那部分退钱就行，差不多一半', 50],
    ['只退了一半', null],
    ['杯子碎了 想退款', null],
  ])('%s → %s', (text, pct) => {
    expect(extract(text).compensationPercent).toBe(pct);
  });

  it('is null and food false in an empty extraction', () => {
    const e = extract('');
    expect(e.compensationPercent).toBeNull();
    expect(e.food).toBe(false);
  });
});

describe('structural frames', () => {
  it.each([
    ['来的是黑色的 我拍的白色', 'wrong_item'],
    ['螺丝包没有 装不起来', 'wrong_item'],
    ['盒子里空空的就一张纸', 'wrong_item'],
    ['套装 我数了三遍只有四件', 'wrong_item'],
    ['快递员说放门口了 我门口啥也没有', 'not_received'],
    ['页面上写的实木床 拆开全是刨花板', 'not_as_described'],
    ['奶粉罐底的码跟官网对不上', 'counterfeit'],
    ['商家说已经退款了 我支付宝里没看到', 'refund_issue'],
    ['说好的赔偿一百块 到现在都没打给我', 'refund_issue'],
    ['牙刷刷着刷着就停了', 'quality'],
    ['显示器到手 屏幕一条竖线 外箱上有撞击凹坑', 'damaged'],
    ['催了三次了 到现在也没发 我不要了 退钱', 'not_received'],
    ['衣服质量没毛病 就是颜色显黑 不喜欢', 'changed_mind'],
    // A top-up not credited is goods not delivered; seller conduct alone names no fault of the goods.
    ['充了50块游戏点券 半天了还没到账', 'not_received'],
    ['商家让我先去给个五星好评', null],
    ['卖家从昨天起就不回我消息了', null],
  ])('%s → %s', (text, problem) => {
    expect(extract(text).problem).toBe(problem);
  });

  it('a repair asked for with no problem named is a defect: the rules say so with low confidence, the classifier agrees', () => {
    const rules = extract('用了不到一个月 能派人来修吗', { model: null });
    expect(rules.problem).toBe('quality');
    expect(rules.evidence.problem!.confidence).toBeLessThan(0.6);
    expect(extract('用了不到一个月 能派人来修吗').problem).toBe('quality');
  });

  it.each([
    ['补一块门板就行 不用整套换', 'reship'],
    ['该补的差价补给我', 'compensation'],
    ['退货都签收了 钱呢', 'refund'],
    ['要么退点钱给我', 'compensation'],
  ])('wants: %s → %s', (text, wants) => {
    expect(extract(text).wants).toBe(wants);
  });
});

describe('round 9: families and sentence shapes', () => {
  it.each([
    ['請問退貨地址是哪裡', null, 'return_refund'],
    ['拆开一看是别人的东西 一双女鞋 我买的是男士皮带', 'wrong_item', null],
    ['登山包背带的线开了 才背了一次 保修吗', 'quality', 'repair'],
    ['鞋子穿了一周就开胶了', 'quality', null],
    ['羽絨服穿了兩次就一直往外鑽毛', 'quality', null],
    ['今天第四天了还在转运中 你们给个说法', 'not_received', null],
    ['现在都十天了连发货都没有 我不要了退钱', 'not_received', 'refund'],
    ['退款只给我退了359 剩下40退给我', 'refund_issue', 'refund'],
    ['左右两只鞋一只40一只41', 'wrong_item', null],
    ['下单时地址选成了公司 能改成家里吗', 'other', null],
    ['不想要了 还没发货就直接退款吧', 'changed_mind', 'refund'],
    ['瓷砖到货一开箱碎了六片 给我补六片', 'damaged', 'reship'],
    ['窗帘尺寸是我自己量错了 能不能换个长的 我补差价', 'changed_mind', 'exchange'],
    ['帮我查下顺丰SF1188273645091到哪了', null, null],
    ['The hamster cage showed up with the door bent and a crack in the base.', 'damaged', null],
  ])('%s → %s / %s', (text, problem, wants) => {
    const e = extract(text);
    expect(e.problem).toBe(problem);
    expect(e.wants).toBe(wants);
  });

  it('a bare repair request names no defect', () => {
    expect(extract('我要申请维修 订单号是京东的 112983746502').problem).toBeNull();
  });
});

describe('round 6: what the other side agreed to, and goods told by their fault', () => {
  // Rules alone, so the test is about the rule and not the trained weights.
  const rules = (text: string) => extract(text, { model: null });
  it.each([
    ['店家答应换一个新的给我了', null],
    ['客服同意给我仅退款，不用寄回', null],
    ['商家已经同意我退货，地址发我了', null],
    ['they agreed to refund me after I sent photos', null],
    // The buyer agreeing, or a refusal of what the buyer asked: the buyer's wish.
    ['我同意退货退款', 'return_refund'],
    ['店家不同意换货，我就想换个新的', 'exchange'],
  ])('%s → wants %s', (text, wants) => {
    expect(rules(text).wants).toBe(wants);
  });

  it.each([
    ['网上买的芒果 10斤装 花了98元 昨天收到一半都是烂的', 'wrong_item'],
    ['订的桃子 5斤装 收到的全是压坏的', 'wrong_item'],
  ])('%s: the goods came faulty, not different (not %s)', (text, not) => {
    expect(rules(text).problem).not.toBe(not);
    expect(rules(text).problem).not.toBeNull();
  });

  it.each([
    ['我不是要退款啊，我是要给我重新寄一个', 'reship'],
    ['鞋子顶脚，想退咗佢算了', 'return_refund'],
    ['质量这么差，可不可以给我退了', 'refund'],
  ])('%s → wants %s (negated "不是要", Cantonese 退咗佢, a request as a question)', (text, wants) => {
    expect(rules(text).wants).toBe(wants);
  });

  it.each([
    ['这张内存卡号称512G，实测只有16G', 'not_as_described'],
    ['the flash drive is actually 8GB, not the 128GB on the box', 'not_as_described'],
    ['my new SSD only shows 60GB in windows', 'not_as_described'],
  ])('%s → %s (a storage size short of the one sold)', (text, problem) => {
    expect(rules(text).problem).toBe(problem);
  });

  it.each([
    ['新买的收音机，拆开以后没有声音', 'quality'],
    ['投影仪打开后没有反应', 'quality'],
  ])('%s → %s (what is missing after opening is a function, not the contents)', (text, problem) => {
    expect(rules(text).problem).toBe(problem);
  });

  it('an empty box is still a wrong item', () => {
    expect(rules('拆开快递盒子里面什么都没有').problem).toBe('wrong_item');
  });

  it('a deadline the seller gave with no other answer is an answer put off', () => {
    const now = new Date('2026-12-04T10:00:00+08:00');
    expect(extract('店家讲48小时内回复我', { now, model: null }).sellerReply).toBe('stalls');
    expect(extract('店家讲48小时内回复我', { now, model: null }).promise).toEqual({ hours: 48, act: 'reply' });
  });

  it('a swap the buyer tried to test the fault is no wish; a Cantonese or "不想换了" change is a changed wish', () => {
    expect(rules('吹风机插了别的插座也一样不出热风，我试了换插座也一样').wants).toBeNull();
    expect(rules('换了根数据线还是不行，充不进电').wants).toBeNull();
    expect(rules('咁我改做換貨啦').intent).toBe('change_wish');
    expect(rules('还是退款吧，不想换了').intent).toBe('change_wish');
  });

  it('a different variant received is still a wrong item', () => {
    expect(rules('买的是500克装 收到的是250克装').problem).toBe('wrong_item');
  });
});

describe('round 7: problems denied in the other side\'s words, and weak rule words', () => {
  const rules = (text: string) => extract(text, { model: null });
  it.each([
    '商家回复说这个不存在质量问题',
    '卖家一口咬定不可能少发',
    '售后那边说：“这个不属于质量问题哦亲”，那我怎么办',
    '佢哋話唔係質量問題喎',
  ])('%s: a problem denied is no problem', (text) => {
    expect(rules(text).problem).toBeNull();
  });

  it('a problem the buyer states beside the seller\'s denial still stands', () => {
    expect(rules('少发了一个，卖家说没有少发').problem).toBe('wrong_item');
  });

  it('photos sent are evidence, not a mismatch with the listing; a mismatch with the photos still is', () => {
    expect(rules('照片都发给客服了，还要等多久').problem).toBeNull();
    expect(extract('照片都发给客服了，还要等多久').problem).toBeNull();
    expect(rules('收到的颜色跟照片差太多了').problem).toBe('not_as_described');
  });

  it('a deadline the platform gave is the platform handling the case, one the seller gave is stalling', () => {
    const now = new Date('2026-12-04T10:00:00+08:00');
    expect(extract('申请了介入，平台说48小时内出结果', { now, model: null }).sellerReply).toBe('platform_handling');
    expect(extract('店家说48小时内给结果', { now, model: null }).sellerReply).toBe('stalls');
  });

  it('a remedy refused is no fault of the goods; intact packing makes a fault inside no transit damage', () => {
    expect(rules('客服讲换货不行，只能退款').problem).toBeNull();
    expect(rules('这个电动牙刷不行，充不进电').problem).toBe('quality');
    expect(rules('镜子上一道裂纹，可是外箱完好无损').problem).toBe('quality');
  });

  it('a fault read only inside the seller\'s quoted words gives way when the classifier reads none', () => {
    // "少件的话": the seller's condition, not a missing part the buyer reports.
    expect(rules('客服说：“少件的话要先拍视频”').problem).toBe('wrong_item');
    expect(extract('客服说：“少件的话要先拍视频”').problem).toBeNull();
  });
});

describe('round 7: wishes asked about, money in another clause, money off the platform', () => {
  const rules = (text: string) => extract(text, { model: null });
  it.each([
    '想了解一下换货的话是我先寄回去还是你们先发新的',
    '请问换货一般要多长时间',
    '这台有没有保修，保修期几年',
    'where should I send the return?',
  ])('%s: a question about the remedy\'s process is no wish', (text) => {
    expect(rules(text).wants).toBeNull();
  });

  it('money waived in one clause, the goods asked for in the next: a reship', () => {
    expect(rules('钱就不用退了，给我补寄一份就好').wants).toBe('reship');
    expect(rules('少的那20块补给我').wants).toBe('compensation');
  });

  it('a refund offered off the platform is the seller\'s offer, not the buyer\'s wish', () => {
    expect(rules('老板叫我加他微信，说私下把钱退我').wants).toBeNull();
    expect(rules('我想退款，走平台').wants).toBe('refund');
  });
});

describe('round 7: English symptoms and missing apostrophes', () => {
  const rules = (text: string) => extract(text, { model: null });
  it.each([
    ['the speaker crackles when the volume is up', 'quality'],
    ['monitor started flickering on day three', 'quality'],
    ['my package hasnt moved for 6 days', 'not_received'],
  ])('%s → %s', (text, problem) => {
    expect(rules(text).problem).toBe(problem);
  });
});

describe('round 7: a remedy in what the other side said', () => {
  it('the buyer\'s own wish after the seller\'s answer stays', () => {
    expect(extract('卖家说不给退，我就要退款').wants).toBe('refund');
  });

  it('"客服：…" reports the other side\'s words', () => {
    expect(reportsOthersWords('客服：这个我们没办法哦')).toBe(true);
    expect(reportsOthersWords('我跟客服说了')).toBe(false);
  });
});

describe('round 7 trial: a lettered order number with a dash, treble claims in English, agreement with the postage put on the buyer', () => {
  it('keeps a short letter prefix joined by a dash', () => {
    expect(extract('Shein 订单 GS-730-55120984736 一直没到').orderId).toBe('GS-730-55120984736');
    expect(extract('订单号 SO-2026-1104-88213').orderId).toBe('SO-2026-1104-88213');
    expect(extract('型号 A-1234 的台灯坏了').orderId).toBeNull();
  });

  it('reads a treble claim in English as compensation', () => {
    expect(extract('fake sneakers. refund plus 3 times the price please').wants).toBe('compensation');
    expect(extract('I want triple compensation for the counterfeit bag').wants).toBe('compensation');
  });

  it('reads agreement with a cost put on the buyer after it as a counter-offer', () => {
    expect(extract('店家同意换了，但是说邮费你出', { model: null }).sellerReply).toBe('counter_offer');
    expect(extract('店家同意换了', { model: null }).sellerReply).toBe('agrees');
  });
});

describe('round 7, step 5: the platform asking for more evidence, and praise that names no fault', () => {
  const rules = (text: string) => extract(text, { model: null });
  it.each(['平台那边让我补充证据', '小二叫我重新上传一下凭证'])('%s → needs evidence, not the platform handling it', (text) => {
    expect(rules(text).sellerReply).toBe('needs_evidence');
  });
  it.each(['葡萄很甜，没有一个坏的，回购', '十个碗一个都没坏，包装用心'])('%s: no fault named', (text) => {
    expect(rules(text).problem).toBeNull();
  });
});

describe('round 7: a quoted English speaker at the start of a sentence', () => {
  it('reads "They said" / "Seller replied" like their lower-case forms', () => {
    expect(quotedSpeech('They said "no returns on sale items"')).toBe('no returns on sale items');
    expect(quotedSpeech('Seller replied: we only refund unopened boxes')).toBe('we only refund unopened boxes');
  });
});

describe('round 8: whose words, which wish first, and what is no problem', () => {
  it.each([
    '客服说要先把东西寄回去 他们验过没问题才能退款',
    '卖家说先确认收货，确认完他再给我退款',
    '店家讲要寄回厂里，厂里查明白了才给换',
    '商家发来一个链接，说点进去填卡号就能退钱',
    '老板不肯退，只说微信转我50块了事',
  ])('%s: the other side\'s words or condition name no wish of the buyer\'s', (text) => {
    expect(extract(text, { model: null }).wants).toBeNull();
  });

  it.each([
    ['我联系了客服，说我要退货', 'return_refund'],
    ['要么补发一个，要么退钱', 'reship'],
    ['那就退款吧，另外运费也得补给我', 'refund'],
    ['不接受退一半，我要全额', 'refund'],
    ['买多了一件，退一件', 'return_refund'],
    ['下错单了，能取消吗', 'refund'],
  ])('%s → %s', (text, wants) => {
    expect(extract(text).wants).toBe(wants);
  });

  it.each(['换的已经到了，挺好', '不等了，我找人修一下'])('%s: a remedy carried out or seen to by the buyer is no wish', (text) => {
    expect(extract(text, { model: null }).wants).toBeNull();
  });

  it.each([
    ['颜色和图片一模一样，很喜欢', null],
    ['平台说我的申请不符合条件', 'not_as_described'],
    ['官方客服说在处理', 'counterfeit'],
    ['商家发了个码，说扫码退运费', 'counterfeit'],
    ['这个要多久能退到账', 'refund_issue'],
    ['说错了，是昨天买的', 'wrong_item'],
  ])('%s: not read as %s', (text, not) => {
    const got = extract(text, { model: null }).problem;
    if (not === null) expect(got).toBeNull();
    else expect(got).not.toBe(not);
  });
});

describe('round 8: an English counter-offer, and takeaway food', () => {
  it.each(['the shop says refund only, no compensation', 'they will only give me a refund and nothing extra'])('%s: a counter-offer, and no wish for compensation', (text) => {
    const e = extract(text, { model: null });
    expect(e.sellerReply).toBe('counter_offer');
    expect(e.wants).not.toBe('compensation');
  });

  it.each(['客服说货款能退，三倍想都别想', '卖家回我：退款可以，赔偿免谈'])('%s: the money granted and the rest refused is a counter-offer', (text) => {
    expect(extract(text, { model: null }).sellerReply).toBe('counter_offer');
  });

  it('an English sum offered back on a condition is a counter-offer', () => {
    expect(extract('the shop said they would give me 10 dollars back if I keep the lamp', { model: null }).sellerReply).toBe('counter_offer');
  });

  it.each(['外卖到了汤全洒了', '点的奶茶少了一杯'])('%s: the goods are food', (text) => {
    expect(extract(text).food).toBe(true);
  });
});
