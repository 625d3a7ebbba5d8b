/**
 * A buyer with several orders in trouble has each followed (trial 14 F11): opening another order
 * parks the open case, its phase and reminders kept; a parked case's reminder, its order number or
 * its goods ("电饭煲那个…") make it the active case again, the message recorded there; /cases and
 * /status show the parked cases; at most three wait parked.
 */
import { describe, expect, it } from 'vitest';
import { EngineHarness, questions } from '../helpers/engine-harness.ts';
import { UserState, type Outbound } from '../../src/domain/index.ts';
import { decodeState, workingDoc } from '../../src/store/codec.ts';

const COOKER = '5302918475610293847';
const SHOES = '5302918475610777001';
const text = (out: Outbound[]) => out.map((m) => m.text).join('\n');
const types = (h: EngineHarness, id: string) => [h.state.active, ...(h.state.parked ?? [])].find((c) => c?.id === id)!.timeline.map((e) => e.type);

/** Two followed cases: the rice cooker (c1) parked, the trainers (c2) active. */
function twoOrders(): EngineHarness {
  const h = new EngineHarness('2026-12-03T10:00:00+08:00');
  h.send(`京东订单 ${COOKER}，买的电饭煲用了两天就不加热了，要求退货退款`);
  expect(h.state.active!.phase).toBe('following');
  h.advance(10);
  h.command('new');
  h.advance(2);
  h.send(`订单 ${SHOES}，运动鞋穿了一周鞋底就开胶了，想换货`);
  expect(h.state.active).toMatchObject({ id: 'c2', phase: 'following' });
  return h;
}

describe('opening another order parks the open case', () => {
  it('/new parks it, open and followed, with its reminders, and says so in one line', () => {
    const h = new EngineHarness('2026-12-03T10:00:00+08:00');
    h.send(`京东订单 ${COOKER}，买的电饭煲用了两天就不加热了，要求退货退款`);
    const reminders = h.state.active!.reminders.map((r) => r.id);
    expect(reminders.length).toBeGreaterThan(0);
    const out = h.command('new');
    expect(text(out)).toMatch(new RegExp(`订单 ${COOKER}（.*电饭煲.*）先放着，提醒照常`));
    expect(text(out)).not.toMatch(/存档/);
    expect(questions(out).at(-1)!.slot).toBe('orderId');
    expect(h.state.parked).toHaveLength(1);
    expect(h.state.parked![0]).toMatchObject({ id: 'c1', phase: 'following' });
    expect(h.state.closed).toEqual([]);
    for (const id of reminders) expect(h.due.has(id)).toBe(true);
  });

  it('"另一单也有问题" in words parks it the same way, nothing asked first', () => {
    const h = new EngineHarness('2026-12-03T10:00:00+08:00');
    h.send(`京东订单 ${COOKER}，买的电饭煲用了两天就不加热了，要求退货退款`);
    const out = h.send('还有一个订单也有问题');
    expect(questions(out).map((q) => q.slot)).not.toContain('confirmNew');
    expect(text(out)).toMatch(/先放着，提醒照常/);
    expect(h.state.parked!.map((c) => c.id)).toEqual(['c1']);
    expect(h.state.active).toMatchObject({ id: 'c2', phase: 'collecting' });
  });

  it('an empty case is not parked: /new twice leaves one case aside', () => {
    const h = new EngineHarness('2026-12-03T10:00:00+08:00');
    h.send(`京东订单 ${COOKER}，买的电饭煲用了两天就不加热了，要求退货退款`);
    h.command('new');
    h.command('new');
    expect(h.state.parked!.map((c) => c.id)).toEqual(['c1']);
  });
});

describe("a parked case's reminder", () => {
  it('fires, names the order, and makes that case the active one so the answer lands on it', () => {
    const h = twoOrders();
    // Both seller letters ask for an answer within a day; the cooker's was handed over first.
    const out = h.tickHours(24);
    const first = out.find((m) => m.kind === 'nudge')!;
    expect(first.text).toMatch(new RegExp(`^关于订单 ${COOKER}（.*电饭煲.*）（订单 ${SHOES}（.*运动鞋.*）先放着，提醒照常）：`));
    expect(types(h, 'c1')).toContain('nudged');
    // The trainers' own reminder fired after it, and moved the conversation back there.
    expect(h.state.active!.id).toBe('c2');
    expect(h.state.parked!.map((c) => c.id)).toEqual(['c1']);
  });

  it('one due alone: the answer to it is recorded on the parked case', () => {
    const h = new EngineHarness('2026-12-03T10:00:00+08:00');
    h.send(`京东订单 ${COOKER}，买的电饭煲用了两天就不加热了，要求退货退款`);
    h.advance(60 * 20);
    h.command('new');
    h.send(`订单 ${SHOES}，运动鞋穿了一周鞋底就开胶了，想换货`);
    const out = h.tickHours(4.5);
    expect(out.length).toBeGreaterThan(0);
    expect(out[0]!.text).toContain(`关于订单 ${COOKER}`);
    expect(h.state.active!.id).toBe('c1');
    h.advance(5);
    h.send('卖家同意退货退款了');
    expect(types(h, 'c1')).toContain('seller_agreed');
    expect(types(h, 'c2')).not.toContain('seller_agreed');
  });
});

describe('two reminders of two cases at once', () => {
  it("one that asks nothing does not take the buyer away from the other's open question", () => {
    const h = twoOrders();
    h.advance(8);
    h.send('电饭煲那单卖家答应退货退款了');
    expect(h.state.active!.id).toBe('c1');
    // The trainers' letter check (a question) falls due first, then the cooker's return reminder (no question).
    const out = h.tickHours(24.2);
    const [asked, told] = out.filter((m) => m.kind === 'nudge');
    expect(asked!.text).toContain(`关于订单 ${SHOES}`);
    expect(asked!.options?.length).toBeGreaterThan(0);
    expect(told!.key).toBe('nudge.return_tracking');
    expect(told!.text).toMatch(new RegExp(`^关于订单 ${COOKER}（.*）（它先放着，提醒照常；上面订单 ${SHOES}（.*）的问题还等你回答）：`));
    expect(h.state.active!.id).toBe('c2');
    expect(h.state.pending?.slot).toBe('nextStep');
    expect(types(h, 'c1')).toContain('nudged');
  });
});

describe('a message naming a parked case', () => {
  it('by its order number: switched to, one line says so, and handled there', () => {
    const h = twoOrders();
    const out = h.send(`${COOKER} 这个卖家说同意退款了`);
    expect(out[0]).toMatchObject({ key: 'parked.switched' });
    expect(out[0]!.text).toContain(`订单 ${COOKER}`);
    expect(h.state.active!.id).toBe('c1');
    expect(types(h, 'c1')).toContain('seller_agreed');
    expect(types(h, 'c2')).not.toContain('seller_agreed');
    expect(questions(out).map((q) => q.slot)).not.toContain('otherOrder');
  });

  it('by its goods ("电饭煲那个…"): switched to and the news recorded there, not on the active case', () => {
    const h = twoOrders();
    const out = h.send('电饭煲那个卖家拒绝了，说是我自己摔的');
    expect(out[0]!.text).toBe(`（这条是关于订单 ${COOKER}（电饭煲）的，记到它上面；订单 ${SHOES}（运动鞋穿了一周鞋底就开胶了，想换货）先放着，提醒照常。）`);
    expect(types(h, 'c1')).toContain('seller_refused');
    expect(types(h, 'c2')).not.toContain('seller_refused');
  });

  it('goods of the active case, or of none: stays on the active case', () => {
    const h = twoOrders();
    const out = h.send('运动鞋那个卖家同意换了');
    expect(out.map((m) => m.key)).not.toContain('parked.switched');
    expect(types(h, 'c2')).toContain('seller_agreed');
    h.send('鞋带那个也松了');
    expect(h.state.active!.id).toBe('c2');
  });

  it('goods two open cases name: asked which, with a button per open case, then handled on the one chosen', () => {
    const h = new EngineHarness('2026-12-03T10:00:00+08:00');
    h.send(`京东订单 ${COOKER}，保温杯的杯盖漏水，要求退货退款`);
    h.command('new');
    h.send(`订单 ${SHOES}，马克杯的杯盖裂了，想换货`);
    const out = h.send('杯盖那个卖家同意了');
    const q = questions(out).at(-1)!;
    expect(q.slot).toBe('whichCase');
    expect(q.options!.map((o) => o.value)).toEqual(['c2', 'c1']);
    expect(q.options![1]!.label).toContain(COOKER);
    expect(types(h, 'c2')).not.toContain('seller_agreed');
    h.choose('whichCase', 'c1');
    expect(h.state.active!.id).toBe('c1');
    expect(types(h, 'c1')).toContain('seller_agreed');
    expect(types(h, 'c2')).not.toContain('seller_agreed');
  });
});

describe('/cases and /status with parked cases', () => {
  it('/cases lists a parked case as open with its next reminder; /status shows the active one and names the parked', () => {
    const h = twoOrders();
    const cases = text(h.command('cases'));
    expect(cases).toMatch(new RegExp(`c1｜订单 ${COOKER}（.*电饭煲.*）｜进行中（先放着）｜下次提醒 2026年12月4日 10:00：卖家答复期限`));
    expect(cases).toMatch(new RegExp(`c2｜.*｜订单 ${SHOES}｜.*｜进行中`));
    const status = text(h.command('status'));
    expect(status).toMatch(/^当前售后（c2）/);
    expect(status).toContain(`订单号：${SHOES}`);
    expect(status).toMatch(new RegExp(`c1｜订单 ${COOKER}`));
    expect(status).not.toContain(`订单号：${COOKER}`);
  });

  it('in English too', () => {
    const h = new EngineHarness('2026-12-03T10:00:00+08:00');
    h.command('lang', 'en');
    h.send(`JD order ${COOKER}: the rice cooker stopped heating after two days, I want a return and refund`);
    h.command('new');
    const cases = text(h.command('cases'));
    expect(cases).toMatch(/Also open \(set aside\)/);
    expect(cases).toMatch(new RegExp(`c1 \\| order ${COOKER} \\(.*\\) \\| open \\(set aside\\) \\| next reminder`));
  });
});

describe('the active case closes while others are parked', () => {
  it('the latest parked case is followed again, and the buyer told which', () => {
    const h = twoOrders();
    const out = h.command('cancel');
    expect(text(out)).toMatch(new RegExp(`接着跟进订单 ${COOKER}`));
    expect(h.state.active!.id).toBe('c1');
    expect(h.state.parked).toBeUndefined();
  });
});

describe('at most three cases wait parked', () => {
  it('a fourth parked archives the oldest, unresolved, its reminders stopped, and says so', () => {
    const h = new EngineHarness('2026-12-03T10:00:00+08:00');
    const goods = ['电饭煲不加热了', '运动鞋开胶了', '保温杯漏水了', '蓝牙音箱没声音了', '台式风扇不转了'];
    let out: Outbound[] = [];
    goods.forEach((g, i) => {
      if (i > 0) out = h.command('new');
      h.send(`订单 53029184756102900${i}${i}，${g}，要求退款`);
      h.advance(5);
    });
    expect(text(out)).toMatch(/先放着的售后最多 3 个：最早的订单 5302918475610290000（电饭煲不加热了，要求退款）转为存档（未解决）/);
    expect(h.state.parked!.map((c) => c.id)).toEqual(['c2', 'c3', 'c4']);
    expect(h.state.active!.id).toBe('c5');
    expect(h.state.closed).toMatchObject([{ id: 'c1', status: 'archived' }]);
    expect([...h.due.keys()].some((id) => id.startsWith('c1-'))).toBe(false);
    expect([...h.due.keys()].some((id) => id.startsWith('c2-'))).toBe(true);
  });
});

describe('stored documents', () => {
  it('a parked case is kept in the working document, compact, and read back whole', () => {
    const h = twoOrders();
    const doc = workingDoc(h.state);
    expect(doc).toContain('"Pk":');
    expect(doc).not.toContain('"parked"');
    const back = decodeState(doc).state!;
    expect(back.parked![0]).toEqual(h.state.parked![0]);
  });

  it('a document without the field (one case) has no parked cases and stays as small as before', () => {
    const h = new EngineHarness('2026-12-03T10:00:00+08:00');
    h.send(`京东订单 ${COOKER}，买的电饭煲用了两天就不加热了，要求退货退款`);
    const doc = workingDoc(h.state);
    expect(doc).not.toContain('"Pk"');
    expect(UserState.parse(JSON.parse(JSON.stringify(h.state))).parked).toBeUndefined();
  });
});
