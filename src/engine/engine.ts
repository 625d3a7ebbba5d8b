/**
 * The dialogue engine: a pure function of (state, inbound event, now) → (new state,
 * messages to send, reminders to set or cancel). No I/O, no wall clock.
 *
 * A case is collecting (the three elements), then following (on a rung of the ladder), then
 * closed; `collect.ts` and `follow.ts` handle the two open phases and return what happened.
 *
 * @example
 * const r = step(freshState('u1'), { type: 'text', text: '我的快递有问题' }, new Date(), { timezone: 'Asia/Shanghai' });
 * r.out[0] // { kind: 'question', slot: 'orderId', key: 'ask.orderId', text: '请发一下订单号…' }
 */
import { cutText } from '../i18n/graphemes.ts';
import { askedMultiple, askedQuestion, asksMultiple, asksWhatBotDoes, detectLanguage, emptyExtraction, extract, normalize, readChatLog, type Extraction, type LogAnswer } from '../nlu/index.ts';
import { matchEvidence } from '../knowledge/checklists.ts';
import { scriptMarks, statesNothing, toTraditional } from '../drafts/words.ts';
import { isPrivateSeller } from '../drafts/parts.ts';
import { closeCase, isEmptyCase, lastSellerEvent, openCase, record } from './case.ts';
import { advance, answerChoice, collect, MAX_TRIES, reaskCounted, skipStuck } from './collect.ts';
import { ACCEPTS_OFFER, correctOrderId, follow, followingLine } from './follow.ts';
import { namedSum } from '../nlu/amounts.ts';
import { sellerWordsTold } from './letter-check.ts';
import { acceptOffer, confirmReply, keepHeldReply, logInstant, readReport, recordLogAnswers, REJECTS_OFFER, replyConfirmed } from './reports.ts';
import { nextStepChoice } from './steps.ts';
import { nextStepAdvice, noPlatformTold } from './escalation.ts';
import { ask, caseChecklist, casesText, missingEvidence, OTHER_READING, sendAdvice, statusText } from './render.ts';
import { answerClosesMenu, bareNumber, currentMenu, latestOpenMenu, typedAnswer } from './menus.ts';
import { takeBusiness } from './business.ts';
import { asksForAnotherOrder, newCaseChosen, openOtherOrder, requestNewCase, startNewCase } from './new-case.ts';
import { aboutOtherGoods, dropOtherOrder, firstOrderPart, remindOtherOrder, splitAsked, waitingLines } from './other-orders.ts';
import { answerQuestion, isKnowledgeIntent, type KnowledgeIntent } from '../knowledge/answers.ts';
import { asksWhoPaysRest } from './case-questions.ts';
import { outsideMainland } from '../knowledge/platforms.ts';
import { problemWords } from './slots.ts';
import { caseChosen, caseName, parkedLines, resumeParked, switchToNamed, tickParked } from './parked.ts';
import { sayLogRead } from './log-readback.ts';
import { noteAppraisal } from './appraisal.ts';
import { noteSellerLeg, noteThirdPartyPaid } from './consolidation.ts';
import { readAppraisal } from '../nlu/appraisal.ts';
import { Turn, type EngineConfig } from './turn.ts';
import { afterClosed } from './closure.ts';
import { answerAsideQuestions, answerRouteQuestion } from './route-questions.ts';
import { caseFileOutbound, exportIntent } from '../casefile/index.ts';
import {
  Locale, openCases, STATE_VERSION, type Command, type Inbound, type Intent, type Menu, type OpenCase, type Outbound, type StepResult, type UserState,
} from '../domain/index.ts';

export type { EngineConfig } from './turn.ts';

/** Messages longer than this are read up to this many characters. */
export const TEXT_LIMIT = 4000;
const EVIDENCE_MAX = 200;
/** A paste with at least this many lines may be a chat log with the shop. */
const LOG_MIN_LINES = 3;

/** A new user's state. */
export function freshState(userId: string): UserState {
  return {
    v: STATE_VERSION,
    userId,
    locale: null,
    localePinned: false,
    timezone: null,
    active: null,
    closed: [],
    caseSeq: 0,
    pending: null,
    disclaimerShown: false,
  };
}

/** Run one inbound event against the user's state. `state` is not modified. */
export function step(state: UserState, inbound: Inbound, now: Date, cfg: EngineConfig): StepResult {
  const turn = new Turn(cloneTurnState(state), now, cfg);
  if (cfg.restarted) turn.info('restarted');
  // A number or a label answers the latest menu still open that offers it (menus.ts).
  const typed = inbound.type === 'text' ? typedAnswer(turn.state, inbound.text) : null;
  const pending = turn.state.pending;
  // The pending question's own options are kept on its menu; a reminder does not withdraw anything.
  if (pending && inbound.type !== 'tick') turn.state.pending = { ...pending, options: [] };
  switch (inbound.type) {
    case 'text': {
      if (typed) answerMenu(turn, typed.menu, typed.value);
      else if (!staleNumber(turn, inbound.text)) onText(turn, inbound.text);
      break;
    }
    case 'media':
      onMedia(turn, inbound.kind, inbound.caption, inbound.fileId ?? null);
      break;
    case 'unsupported':
      turn.error('error.unsupported', { vars: { what: inbound.what } });
      reaskPending(turn);
      break;
    case 'command':
      onCommand(turn, inbound.command, inbound.arg ?? '');
      break;
    case 'choice':
      answerClosesMenu(turn.state, inbound.slot);
      onChoice(turn, inbound.slot, inbound.value);
      break;
    case 'tick':
      tickParked(turn, inbound.reminderId, inbound.late ?? false);
      break;
  }
  // The case closed (solved, cancelled) while others wait parked: the latest is followed again.
  resumeParked(turn);
  if (turn.state.active) turn.state.active.updatedAt = turn.nowIso;
  // Another order whose question the buyer left for something else is named again at a pause.
  if (inbound.type !== 'tick') remindOtherOrder(turn);
  keepMenuCurrency(turn, inbound);
  const result = turn.result();
  return result.state.traditional && result.state.locale !== 'en' ? { ...result, out: result.out.map(inTraditional) } : result;
}

/**
 * A reply in Traditional characters; a letter's body stays as written (it goes to a mainland seller
 * or reviewer in Simplified), and so does a file.
 */
function inTraditional(m: Outbound): Outbound {
  if (m.kind === 'file') return m;
  const options = m.options?.map((o) => ({ ...o, label: toTraditional(o.label) }));
  if (!m.body || !m.text.includes(m.body)) return { ...m, text: toTraditional(m.text), ...(options ? { options } : {}) };
  const at = m.text.indexOf(m.body);
  const text = toTraditional(m.text.slice(0, at)) + m.body + toTraditional(m.text.slice(at + m.body.length));
  return { ...m, text, ...(options ? { options } : {}) };
}

/**
 * After a turn: a menu opened makes the latest menu current for a bare number; a reply without
 * one moves the conversation on and the latest menu is no longer current (menus.ts). An evidence
 * receipt, or a turn that said nothing, leaves things as they were.
 */
function keepMenuCurrency(turn: Turn, inbound: Inbound): void {
  if (turn.menuOpened) delete turn.state.menuCurrent;
  else if (inbound.type !== 'media' && turn.out.length > 0 && turn.state.menus?.length) turn.state.menuCurrent = false;
}

/**
 * A bare number no current menu takes ("2" typed after the conversation moved on): not guessed
 * at; the latest open menu is shown again, current, so the buyer can answer it. False when no
 * menu is open (the number is then read as any other text).
 */
function staleNumber(turn: Turn, text: string): boolean {
  const n = bareNumber(text);
  // A current menu without that option: the number is read as text, as before.
  const menu = n === null || currentMenu(turn.state) ? null : latestOpenMenu(turn.state, n);
  // No menu at all on a followed case: the number answers nothing, and the buyer is told so.
  if (!menu && n !== null && !turn.state.pending && turn.state.active?.phase === 'following') {
    turn.info('menu.none', { vars: { n: String(n) } });
    return true;
  }
  if (!menu) return false;
  // The menu answered already, no other open: its choice may be changed (a question's pending again).
  const key = menu === turn.state.answeredMenu ? 'menu.answered' : 'menu.stale';
  if (key === 'menu.answered' && menu.question) turn.pend(menu.slot, menu.value);
  turn.reoffer(menu, { kind: 'info', key, text: turn.t(key, { n: String(n) }) });
  return true;
}

/**
 * A typed answer to an open menu: the question that asked it is the one answered (with what it
 * held), even when a later message left another question pending.
 */
function answerMenu(turn: Turn, menu: Menu, value: string): void {
  answerClosesMenu(turn.state, menu.slot);
  const p = turn.state.pending;
  if (p?.slot !== menu.slot && menu.value !== null) turn.state.pending = { slot: menu.slot, tries: 0, options: [], value: menu.value };
  onChoice(turn, menu.slot, value);
}

/**
 * `cloneState` of a whole state, except that what is never changed in place is not copied one by
 * one: the open menus, the pending question's options and the closed cases' summaries (menus.ts
 * replaces menus, options are new lists, closing a case makes a new list), and the open case's timeline,
 * evidence and reminders, whose entries are only added, dropped or replaced (case.ts, slots.ts,
 * turn.ts), so the copy's lists hold the same objects. Those entries were most of the copy (two
 * menus are fifteen options; a followed case has a dozen events) and of its cost. Checked by running
 * thousands of generated turns on deep-frozen states (a write to a shared object throws).
 */
function cloneTurnState(state: UserState): UserState {
  const copy: Record<string, unknown> = {};
  for (const key in state) {
    const v: unknown = state[key as keyof UserState];
    copy[key] = (key === 'menus' || key === 'closed') && Array.isArray(v) ? v.slice()
      // The pending question is changed in place (its held reply), its options never are.
      : key === 'pending' && v !== null && typeof v === 'object' ? { ...v }
      : key === 'active' && v !== null && typeof v === 'object' ? cloneCase(v as Record<string, unknown>)
      : typeof v === 'object' && v !== null ? cloneState(v) : v;
  }
  return copy as unknown as UserState;
}

/**
 * The lists of a case whose entries are never changed in place (see `cloneTurnState`), and its
 * lists and records of plain values (`skipped`, `tentative`; `slots`, `sentDrafts`, by the
 * schema): a one-level copy of each is a deep one, made without a call per value.
 */
const FLAT_LISTS: ReadonlySet<string> = new Set(['timeline', 'evidence', 'reminders', 'skipped', 'tentative']);
const FLAT_RECORDS: ReadonlySet<string> = new Set(['slots', 'sentDrafts']);

/** A copy of the open case for the turn: its lists of shared entries are new lists of the same entries. */
function cloneCase(c: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key in c) {
    const v = c[key];
    copy[key] = typeof v !== 'object' || v === null ? v
      : FLAT_LISTS.has(key) && Array.isArray(v) ? v.slice()
      : FLAT_RECORDS.has(key) && !Array.isArray(v) ? { ...v }
      : cloneState(v);
  }
  return copy;
}

/**
 * A deep copy of the state for the turn to change. The state is plain JSON data (strings,
 * numbers, booleans, null, arrays, plain objects), so a plain recursive copy does what
 * `structuredClone` did, at a fraction of its cost (it was an eighth of a turn's CPU).
 */
function cloneState<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  // Most values are strings, numbers and the like: copied as they are, without a call each.
  if (Array.isArray(value)) {
    const copy = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      copy[i] = typeof v === 'object' && v !== null ? cloneState(v) : v;
    }
    return copy as T;
  }
  const copy: Record<string, unknown> = {};
  for (const key in value) {
    const v: unknown = value[key];
    copy[key] = typeof v === 'object' && v !== null ? cloneState(v) : v;
  }
  return copy as T;
}

/** Control characters out (except newlines and tabs), whitespace trimmed, length capped. */
function cleanText(raw: string): { text: string; truncated: boolean } {
  // eslint-disable-next-line no-control-regex
  const text = raw.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').trim();
  return text.length > TEXT_LIMIT ? { text: text.slice(0, TEXT_LIMIT), truncated: true } : { text, truncated: false };
}

/**
 * Replies follow the buyer's language, but one short Latin word ("ok", "<b>hi</b>") in a
 * Chinese conversation is no reason to switch: it takes a few words, or two Han characters.
 * Words the buyer quotes (the seller's “…”) are not the buyer's language: an English sentence passing
 * on a Chinese reply in quotes is English. The language to switch to, or null.
 */
function languageSwitch(current: Locale | null, language: Locale | null, message: string): Locale | null {
  const text = message.replace(QUOTED, ' ');
  const detected = text === message ? language : detectLanguage(text) ?? language;
  return switchesLanguage(current, detected, text) ? detected : null;
}
/** A quotation in the buyer's message. */
const QUOTED = /“[^“”]*”|「[^「」]*」|『[^『』]*』|"[^"]*"/gu;

function switchesLanguage(current: Locale | null, detected: Locale | null, text: string): detected is Locale {
  if (!detected || detected === current) return false;
  if (current === null) return true;
  // A buyer who mixes ("refund一直没到账", "nothing from them") keeps one reply language: only a
  // whole sentence in English, with no Chinese in it, switches a Chinese conversation; and an
  // English one switches only on Chinese with at most one English word in it, so a seller's
  // Chinese words passed on in an English sentence ("they replied: 亲，没货了") do not.
  const englishWords = text.match(/[A-Za-z]{2,}/g)?.length ?? 0;
  if (detected === 'en') return !/\p{Script=Han}/u.test(text) && englishWords >= 4;
  return (text.match(/\p{Script=Han}/gu)?.length ?? 0) >= 2 && englishWords <= 1;
}

/** Letters, digits or CJK: something a buyer could mean. Emoji and punctuation only is not. */
const MEANINGFUL = /[\p{L}\p{N}]/u;

/**
 * Giving the case up: "算了 不值得", "懒得弄了算了", "不追究了", "放弃维权", a /cancel typed after other words,
 * "not worth it, forget it". ("算了还是换货吧" changes the wish: it names no giving up.)
 */
const GIVES_UP = /(?:算了|罢了)[^。！？!?]{0,12}?(?:不值得|不值当|不划算|懒得|不折腾|不追究|不弄了|不要了|不想弄)|(?:不值得|不值当|不划算|懒得弄|懒得折腾)[^。！？!?]{0,8}?(?:算了|罢了)|不追究了|放弃维权|(?:^|\s)\/cancel\s*$|\bnot worth (?:it|the (?:hassle|trouble))\b.{0,20}\b(?:forget it|give up|drop it)\b|\b(?:i give up|forget it, not worth)\b/iu;
function givesUp(text: string): boolean {
  return GIVES_UP.test(text.trim());
}

/** Intents that are commands said in words. */
const COMMAND_INTENTS: Partial<Record<Intent, Command>> = { restart: 'new', cancel: 'cancel', help: 'help', status: 'status' };

/** Read a message: a pasted chat log as a log, anything else as one message. */
function understand(turn: Turn, text: string): { e: Extraction; problemText: string | null; log: boolean; answers: LogAnswer[] } {
  const opts = { now: turn.now, timezone: turn.tz, expectingOrderId: turn.state.pending?.slot === 'orderId' };
  if (linesWithText(text, LOG_MIN_LINES) >= LOG_MIN_LINES) {
    const log = readChatLog(text, opts);
    if (log) {
      // The buyer's own statement (the sum-up after the log first), not every buyer line of it; a statement
      // that only hands the log over ("记录贴过来了，帮我看看") gives way to the buyer's lines in it naming the fault.
      const stated = log.statement ? problemWords(log.statement, log.extraction) : '';
      // So does one naming only the goods ("买的空气炸锅，记录如下") when the log's lines name a fault: a fault
      // the rules find in the statement keeps it (the classifier's guess from the goods' name does not).
      const own = stated && !statesNothing(stated) && (!log.problemText || !!extract(log.statement!, opts).evidence.problem?.span);
      const said = own ? stated : log.problemText ? problemWords(log.problemText, log.extraction) : stated;
      const problemText = said || null;
      return { e: log.extraction, problemText, log: true, answers: log.answers };
    }
  }
  return { e: extract(text, opts), problemText: null, log: false, answers: [] };
}

/**
 * Read a message. "回了，说要开箱视频" answering whether the seller replied names no speaker: its
 * words after "replied" are read as the seller's (letter-check.ts), and that text stands for it.
 */
function readMessage(turn: Turn, said: string): { text: string; read: ReturnType<typeof understand> } {
  const read = understand(turn, said);
  const told = read.log ? null : sellerWordsTold(turn.state, said);
  const retold = told ? understand(turn, told) : null;
  return told && retold?.e.sellerReply && retold.e.sellerReply !== 'no_response' ? { text: told, read: retold } : { text: said, read };
}

/** How many lines of `text` hold more than whitespace, counting up to `enough`. */
function linesWithText(text: string, enough: number): number {
  let n = 0;
  for (let start = 0; start <= text.length && n < enough; ) {
    const end = text.indexOf('\n', start);
    const stop = end < 0 ? text.length : end;
    if (text.slice(start, stop).trim()) n++;
    if (end < 0) break;
    start = end + 1;
  }
  return n;
}

/** `chosen`: the buyer already said which open case the message is about (`whichCase`). */
function onText(turn: Turn, raw: string, chosen = false): void {
  const cleaned = cleanText(raw);
  const { truncated } = cleaned;
  if (!cleaned.text) {
    turn.error('error.empty');
    reaskPending(turn);
    return;
  }
  // "耳机那个…", or a parked case's order number: the message is about that case, handled there.
  if (!chosen && turn.state.parked && switchToNamed(turn, understand(turn, cleaned.text).e, cleaned.text) === 'asked') return;
  // "把B单独弄一个": the waiting order named by its goods gets its case now.
  const split = splitAsked(turn, cleaned.text);
  if (split) return void openOtherOrder(turn, split);
  // A case's first words naming two orders: the case reads the first order's part, the other is kept.
  const fresh = !turn.state.active || (turn.state.active.phase === 'collecting' && !turn.state.active.slots.orderId);
  const { text, read } = readMessage(turn, fresh ? firstOrderPart(turn, cleaned.text) : cleaned.text);
  const { problemText } = read;
  // The seller's reply as the dialogue may act on it: a middling reading is held and confirmed.
  const reported = readReport(turn, read.e, text, read.log);
  const { held, facts } = reported;
  // A pasted log dates its latest answer itself, and says whether the shop blamed the courier.
  const latest = read.answers.at(-1);
  if (latest) Object.assign(facts, { happenedAt: logInstant(latest.at, turn.now, turn.tz), courier: latest.blamesCourier });
  // "没拍开箱视频怎么办" names its question: the answer, not the next step; "12315为什么不受理" asks
  // about the complaint, it does not ask for another one.
  const asked = reported.e.intent === 'next_step' || reported.e.intent === 'want_regulator_draft' ? askedQuestion(normalize(text)) : null;
  const named = asked && (reported.e.intent === 'next_step' || asked === 'ask_not_accepted') ? { ...reported.e, intent: asked } : reported.e;
  // "合理吗" alone asks about what the seller last said: the question that answer is about.
  const about = (named.intent === null || named.intent === 'case_fairness') && !named.sellerReply ? questionAboutReply(turn, text) : null;
  const e = about ? { ...named, intent: about } : named;
  turn.report = facts;
  const language = turn.state.localePinned ? null : languageSwitch(turn.state.locale, e.language, text);
  if (language) turn.state.locale = language;
  // Traditional in, Traditional out (two characters of one script and none of the other decide).
  const marks = scriptMarks(text);
  if (marks.traditional >= 2 && marks.simplified === 0) turn.state.traditional = true;
  else if (marks.simplified >= 2 && marks.traditional === 0) delete turn.state.traditional;
  if (truncated) turn.info('error.tooLong', { vars: { limit: TEXT_LIMIT } });

  if (turn.state.pending?.slot === 'confirmForget') {
    turn.state.pending = null;
    if (e.yesNo === 'yes') return forgetAll(turn);
    turn.info('forget.kept');
    if (e.yesNo === 'no') return;
  }

  if (turn.state.pending?.slot === 'confirmNew') {
    // Only the buttons archive: "不用" keeps the case, a bare "好的" answers none of the three (asked
    // again); anything else is read as usual, the case still open.
    turn.state.pending = null;
    if (e.yesNo === 'no') return newCaseChosen(turn, 'keep', null);
    if (e.yesNo === 'yes') return requestNewCase(turn);
  }

  const command = e.intent ? COMMAND_INTENTS[e.intent] : undefined;
  if (command) return onCommand(turn, command, '');
  // The buyer gives the case up ("算了，不值得折腾", a /cancel typed after words): it is closed, and its
  // reminders with it; escalation offers after that would only nag.
  if (turn.state.active && givesUp(text)) return onCommand(turn, 'cancel', '');
  // "没有平台 就是朋友圈": no platform to ask about or to step in (escalation.ts).
  const told = turn.state.active;
  if (told?.phase === 'following' && !e.orderId && !e.sellerReply && noPlatformTold(turn, told, text)) return;
  // "该找市场监管还是消协？", "先做哪个？", "还能继续争吗？": the question answered, not a letter for it.
  if (turn.state.active && !e.orderId && !e.sellerReply && answerRouteQuestion(turn, turn.state.active, text)) return reaskPending(turn);
  // "这算诈骗吗 能报警吗", "平台判了…还能继续争吗": answered before what the rest of the message moves on.
  answerAsideQuestions(turn, e, text);
  // "另一单也有问题" on a case that holds something: /new in words (with a new order number, follow.ts asks).
  const open = turn.state.active;
  if (open && !isEmptyCase(open) && !e.orderId && !e.sellerReply && asksForAnotherOrder(text)) return requestNewCase(turn);

  if (exportIntent(text)) return onCommand(turn, 'export', '');

  // "?" alone on a followed case: a confused buyer — the current next step again, briefly.
  const followed = turn.state.active?.phase === 'following' ? turn.state.active : null;
  if (followed && !turn.state.pending && /^[\s?？!！.。…]*[?？][\s?？!！.。…]*$/.test(text)) {
    nextStepAdvice(turn, followed);
    return;
  }
  if (!MEANINGFUL.test(text)) {
    turn.error('error.unusable');
    // With nothing asked and no case, an emoji is usually a buyer upset before saying why: invite the story.
    if (!turn.state.active && !turn.state.pending) turn.info('error.unusableNoCase');
    reaskPending(turn);
    return;
  }

  if (e.intent === 'greeting' || (e.intent === 'thanks' && !turn.state.active)) {
    if (!turn.state.active) {
      turn.info('welcome');
      turn.info('noCase');
    } else {
      reaskPending(turn);
    }
    return;
  }

  // "卖家是拒绝了吗？" answered "是" / "不是".
  const p = turn.state.pending;
  // "不接受": the seller's offer turned down — the seller did answer; the reply stays on the record.
  if (p?.slot === 'confirmReply' && !e.sellerReply && !held && turn.state.active && REJECTS_OFFER.test(text)) {
    turn.state.pending = null;
    return replyConfirmed(turn, turn.state.active, 'other', p.value, true);
  }
  if (p?.slot === 'confirmReply' && e.yesNo && !e.sellerReply && !held && turn.state.active) {
    const reply = (JSON.parse(p.value ?? '{}') as { reply?: string }).reply ?? 'other';
    turn.state.pending = null;
    const c = turn.state.active;
    replyConfirmed(turn, c, e.yesNo === 'yes' ? reply : 'other', p.value);
    // "行吧，那就这样，18块6": the offer confirmed and taken in one message, at the sum the buyer names.
    if (e.yesNo === 'yes' && reply === 'counter_offer' && c.phase === 'following' && ACCEPTS_OFFER.test(text) && !REJECTS_OFFER.test(text)) {
      turn.closeMenus('nextStep');
      acceptOffer(turn, c, namedSum(text));
    }
    return;
  }

  // A question the knowledge base answers ("订单号在哪里", "可以起诉吗", "运费险怎么用"), at any phase.
  // Its words are a question, not facts: "运费险" names no wish for compensation.
  // On a followed case the postage question is the record's to answer, then the case's line (case-questions.ts),
  // unless the message reports the seller's postage demand or a deduction (said with the answer here).
  // So is 12315 not accepting a complaint filed from this case (follow.ts: what 12315 said and the ruling).
  // So is "运费险赔了10，剩下的12谁出": who pays the rest of the postage, from the record (case-questions.ts).
  const caseAsked = (e.intent === 'ask_return_shipping' && turn.state.active?.phase === 'following' && !turn.report.postage && !DEDUCTION.test(normalize(text)))
    || (e.intent === 'ask_not_accepted' && turn.state.active?.phase === 'following' && turn.state.active.rung === 'regulator')
    || (e.intent === 'ask_shipping_insurance' && turn.state.active?.phase === 'following' && asksWhoPaysRest(text));
  if (e.intent && isKnowledgeIntent(e.intent) && !caseAsked && !e.orderId && !e.sellerReply && !(e.problem && turn.state.active?.slots.problem === null)) {
    answer(turn, e.intent, text);
    // "退货退款，运费应该商家出吧？": the wish stated beside the question is still the answer to the menu.
    const c = turn.state.active;
    const statement = c?.phase === 'collecting' ? statementBesideQuestion(text) : null;
    const beside = statement ? understand(turn, statement).e : null;
    if (c?.phase === 'collecting' && beside && (beside.wants || beside.problem) && !beside.intent) {
      collect(turn, c, beside, statement!);
      return;
    }
    reaskPending(turn);
    return;
  }

  // Right after /new, "刚才那个呢？" is about the case before (parked), not a question about the order number.
  if (askedAfterNew(turn, e, text)) return;
  // Right after a case was closed as solved, "不是 你没看懂" is about that case (trial 10 s3).
  if (afterClosed(turn, e, text)) return;
  // "单号不会找，在哪看" while the order number is asked: where to find it on this platform, not "没找到订单号".
  if (p?.slot === 'orderId' && !e.orderId && !e.problem && !e.wants && !e.sellerReply && !e.promise && !e.intent && asksWhere(text)) {
    answer(turn, 'ask_where_order_id');
    // Counted like any answer without the number: a buyer who cannot find it is offered to skip in the end.
    const open = turn.state.active;
    if (open?.phase !== 'collecting') return;
    const tries = p.tries + 1;
    if (tries >= MAX_TRIES) return void advance(turn, open, [], true);
    advance(turn, open, [], false);
    if (turn.state.pending?.slot === 'orderId') turn.state.pending = { ...turn.state.pending, tries };
    return;
  }

  // 12315: the registered business from the shop's licence, answered any time on the regulator rung.
  const a = turn.state.active;
  if (a?.phase === 'following' && (p?.slot === 'business' || a.rung === 'regulator') && takeBusiness(turn, a, text)) return;

  if (answersWarnedRequest(turn, e, text)) return;

  // "你是管退货的吗" opening the talk: one line of what the bot is, then the first question.
  if (!turn.state.active && asksWhatBotDoes(text)) turn.info('whatIDo');
  const c = turn.state.active ?? openCase(turn);
  // The shop's earlier answers in a pasted log go on the record as they were said; the latest is acted on below.
  recordLogAnswers(turn, c, read.answers.slice(0, -1));
  if (read.log) sayLogRead(turn, problemText, read.answers);
  // An appraisal result the buyer got is a fact of the case; on a followed case it is what the message told.
  // The seller's answer held for confirmation and the buyer moved on to the result: kept as told, as in follow.
  if (!read.log && !e.sellerReply && c.phase === 'following' && !e.intent && turn.state.pending?.slot === 'confirmReply' && readAppraisal(text)) {
    keepHeldReply(turn, c, turn.state.pending.value);
    turn.state.pending = null;
  }
  if (!read.log && !e.sellerReply && noteAppraisal(turn, c, text) && c.phase === 'following' && !e.intent) return;
  if (c.phase === 'collecting') {
    if (e.intent === 'skip' && turn.state.pending) {
      skipStuck(turn, c);
      return;
    }
    collect(turn, c, e, text, { problemText, heldReply: held !== null, held: held?.reply ?? null });
  } else {
    // "台灯那个…" about another order's goods: not put on this case.
    if (!read.log && !e.orderId && aboutOtherGoods(turn, c, text)) return;
    const r = follow(turn, c, e, text, { problemText, heldReply: held !== null });
    // Goods sent through a consolidation warehouse: who paid for the loss, and which leg is the seller's.
    const open = turn.state.active;
    if (open?.phase === 'following' && r.tag !== 'closed') {
      noteThirdPartyPaid(turn, open, text);
      noteSellerLeg(turn, open, text);
    }
    // "先给好评…退货要扣15%吊牌费": a deduction the seller names beside its other terms is flagged too.
    if (e.sellerReply === 'confirm_first' && DEDUCTION.test(normalize(text)) && !turn.out.some((m) => m.key === 'seller.deduction')) turn.info('seller.deduction');
    // "发了没回" answered the bot's own question: no reading of it as the seller's words is left to confirm.
    if (r.tag === 'answered') return;
  }
  // One menu a turn: a case that already offered the buyer a choice this turn (a promise passed, the
  // next step) does not add a second one to confirm a middling reading.
  const offered = turn.state.active?.phase === 'following' && turn.out.some((m) => m.options?.length);
  if (held && turn.state.active && !offered) confirmReply(turn, held);
}

/** A bare question about fairness ("合理吗", "这样对吗？", "is that fair?"): it asks about what was said last. */
const FAIRNESS_ONLY = /^(?:这|这样|这个|那|那样|他这样|卖家这样|咁|咁样|咁樣|這|這樣|這個|佢咁|佢咁样|佢咁樣)?(?:合理|正常|对|對|合法|应该|應該)(?:吗|嗎|嘛|不|么|咩|唔合理)?[？?。!！\s]*$|^(?:is (?:that|this|it) (?:fair|right|normal|legal|ok|reasonable))\??$/iu;
/** The seller's last words demand an unboxing video. */
const UNBOXING = /开箱视频|開箱視頻|開箱影片|unboxing video/i;
/** The seller's last words (quote or reported reason) are about the return postage. */
const POSTAGE = /运费|邮费|快递费|寄回.{0,6}(?:钱|费)|postage|shipping/i;

/**
 * The question a bare "合理吗" asks, from the seller's last recorded answer: about the return
 * postage (who pays it) when that answer was; otherwise null (the message stays unread as an answer).
 */
function questionAboutReply(turn: Turn, text: string): KnowledgeIntent | null {
  const c: OpenCase | null = turn.state.active;
  if (!c || !FAIRNESS_ONLY.test(normalize(text))) return null;
  const last = [...c.timeline].reverse().find((x) => x.type.startsWith('seller_') || x.type === 'platform_ruled_seller');
  // The seller's words held for the buyer to say what they mean count too (the latest said).
  const p = turn.state.pending;
  const held = p?.held ?? (p?.slot === 'confirmReply' ? p.value : null);
  let heldQuote = '';
  try {
    heldQuote = held ? String((JSON.parse(held) as { facts?: { quote?: string | null } }).facts?.quote ?? '') : '';
  } catch {
    // an unreadable held value: only the record is read
  }
  const words = normalize(heldQuote || `${last?.quote ?? ''} ${last?.reason ?? ''}`);
  if (POSTAGE.test(words)) return 'ask_return_shipping';
  // "要开箱视频才给退，合理吗" (trial 6 s02): the answer for a buyer without one.
  if (UNBOXING.test(words)) return 'ask_no_unboxing_video';
  return null;
}

/** A clause that asks: ends with a question mark, or asks with 吗 / 呢 / 吧 / 怎么 / 能不能. */
const ASKING_CLAUSE = /[？?]|[吗呢吧]$|怎么|能不能|可不可以|是不是|要不要|\b(?:how|what|who|why|can|should|is|do|does)\b/iu;

/** The clauses of a message that state rather than ask, or null when every clause asks. */
function statementBesideQuestion(text: string): string | null {
  // A space between Chinese words parts clauses too ("想退钱 东西不要了 能退吗", trial 8 s09).
  const clauses = text.split(/(?<=[，,。；;！!？?\n])|(?<=\p{Script=Han})\s+(?=\p{Script=Han})/u).map((s) => s.trim()).filter(Boolean);
  const stated = clauses.filter((s) => !ASKING_CLAUSE.test(s));
  if (!stated.length || stated.length === clauses.length) return null;
  return stated.join('').replace(/[，,。；;]+$/u, '');
}

/** A yes-or-no question ("可以加吗", "要不要接受", "should I?"); one asking what, where or how is not. */
const YES_NO_QUESTION = /[吗么嘛][？?！!。]*$|可不可以|能不能|要不要|行不行|好不好|\b(?:can|should|shall) i\b|\bis (?:it|that) (?:ok|safe|fine)\b/iu;
const WH_QUESTION = /几|什么|哪|怎么|为什么|为啥|多少|多久|谁|\b(?:what|where|how|why|when|which|who)\b/iu;

/** A question, or "can't find it", while the order number is asked. */
function asksWhere(text: string): boolean {
  return ASKING_CLAUSE.test(text) || WH_QUESTION.test(text) || /找不到|不会找|不知道|can'?t find|don'?t know/iu.test(text);
}

/** The bot's own acts on the timeline: not what the seller last did. */
const BOT_ACTS: ReadonlySet<string> = new Set(['draft_sent', 'nudged', 'amended', 'evidence_logged', 'escalated']);

/**
 * "那我加吗？" right after the seller's request to go off the platform (or to confirm receipt first)
 * was warned about: a direct answer to that request, not the case's general follow-up.
 */
function answersWarnedRequest(turn: Turn, e: Extraction, text: string): boolean {
  const c = turn.state.active;
  if (!c || text.length > 30) return false;
  // A question the record answers ("这样合理吗？") is still the yes-or-no about the request just warned about.
  const otherIntent = e.intent !== null && !e.intent.startsWith('case_');
  if (e.orderId || e.problem || e.wants || e.sellerReply || e.promise || otherIntent || e.resolved || e.correction) return false;
  // The last event not the bot's own, found from the end; the record before the words (most turns stop here).
  let i = c.timeline.length - 1;
  while (i >= 0 && BOT_ACTS.has(c.timeline[i]!.type)) i--;
  const last = c.timeline[i];
  if (!last || turn.now.getTime() - Date.parse(last.at) > AFTER_NEW_MS) return false;
  const key = last.type === 'private_deal_offered' ? (last.note === 'contact' ? 'contact' : 'transfer') : last.type === 'confirm_first_asked' ? 'confirmFirst' : null;
  if (!key || !YES_NO_QUESTION.test(text) || WH_QUESTION.test(text)) return false;
  turn.info(`warnedRequest.${key}`);
  // The same answer as a later question about it gets (case-questions.ts): then the case's usual line.
  if (c.phase === 'following') followingLine(turn, c);
  return true;
}

/**
 * Words that point back at the case before /new: /new pressed by mistake, "刚才那个呢", "那个还没完".
 * Not "刚才" alone ("刚才收到货就坏了" starts a new case).
 */
const REFERS_BACK = /点错|點錯|按错|按錯|误点|誤點|不小心点|(?:刚才|剛才|之前|上一?个|上一?個)(?:那个|那個|的)?(?:案子|订单|訂單|售后|售後)?(?:呢|还没完|還沒完|没完|沒完)|那个(?:还|還)?(?:没|沒)(?:完|弄好|搞定|结束|結束|处理完|處理完|解决|解決)|那個(?:還)?沒(?:完|弄好|搞定|結束|處理完|解決)|\b(?:by mistake|previous case|earlier case|the other case|last case|old case)\b/iu;

/** How long after /new a "where did it go?" is taken to be about the case it archived. */
const AFTER_NEW_MS = 24 * 3600_000;

/**
 * "刚才那个还没完呢？" in a case just opened by /new, with nothing in it yet: the case before was
 * archived by /new, and /cases and /export show it; then the question for the new case again.
 */
function askedAfterNew(turn: Turn, e: Extraction, text: string): boolean {
  const c = turn.state.active;
  // The case before /new is parked, open; one archived by /new is from before cases were parked.
  const parked = turn.state.parked?.at(-1);
  const last = turn.state.closed.at(-1);
  const archived = !parked && last?.status === 'archived' ? last : null;
  if (c?.phase !== 'collecting' || (!parked && !archived)) return false;
  const since = archived ? archived.closedAt : c.openedAt;
  if (turn.now.getTime() - Date.parse(since) > AFTER_NEW_MS || Date.parse(c.openedAt) < Date.parse(since)) return false;
  const s = c.slots;
  if (s.orderId !== null || s.problem !== null || s.wants !== null || c.evidence.length > 0) return false;
  // "点错了，扫地机那个还没完": about the case before, whatever a word in it reads as (trial 6
  // s08: "还没完" is no 七天无理由 problem of the new case). A new order number is the new case's.
  const back = REFERS_BACK.test(text) && !e.orderId;
  if (!back && (e.orderId || e.problem || e.wants || e.sellerReply || e.promise || e.platform)) return false;
  if (!back && e.intent !== 'not_yet' && !ASKING_CLAUSE.test(text)) return false;
  // "单号去哪找？" asks about the order number the new case needs.
  if (/单号|order (?:number|no)/iu.test(text)) return false;
  if (parked) turn.info('parked.afterNew', { vars: { name: caseName(turn, parked) } });
  else {
    const order = archived!.orderId ? turn.t('afterNew.order', { orderId: archived!.orderId }) : '';
    turn.info(archived!.kept ? 'afterNew.archived' : 'afterNew.archivedSummary', { vars: { caseId: archived!.id, order } });
  }
  reaskPending(turn);
  return true;
}

/** The knowledge base's answer to a mid-case question, for the case's platform and problem. */
function answer(turn: Turn, intent: KnowledgeIntent, said = ''): void {
  const c = turn.state.active;
  const abroad = c ? outsideMainland(c.slots.platform, c.slots.platformName) : false;
  const text = answerQuestion(intent, { locale: turn.loc, platform: c?.slots.platform ?? null, problem: c?.slots.problem ?? null, abroad,
    privateSeller: c ? isPrivateSeller(c.slots) : false, partialOffer: c ? lastSellerEvent(c) === 'seller_counter_offer' : false, food: c?.food ?? false,
    asked: askedMultiple(said), multipleAsked: asksMultiple(said),
  });
  // The seller's demand that the buyer pay the postage of a no-reason return: said to be noted, and not a refusal.
  const lead = intent === 'ask_return_shipping' && turn.report.postage ? `${turn.t('seller.postageDemand')}\n` : '';
  // "还说要扣10块钱吊牌费" (trial 6 s04): a deduction from the refund is not the postage; the buyer may dispute it.
  const deduction = intent === 'ask_return_shipping' && DEDUCTION.test(normalize(said)) ? `\n${turn.t('seller.deduction')}` : '';
  // "去法院要花多少钱": no fee is sourced; who says what it costs is.
  const cost = intent === 'ask_lawsuit' && COURT_COST.test(normalize(said)) ? `\n${turn.t('routes.courtCost')}` : '';
  sendAdvice(turn, c, `answer.${intent}`, lead + text + deduction + cost);
}

/** "要花多少钱", "诉讼费多少", "how much does it cost": the cost of going to court asked. */
const COURT_COST = /多少钱|花多少|费用|诉讼费|收费|要钱吗|贵不贵|\bhow much\b|\bcosts?\b|\bfees?\b/iu;

/** The seller says it will keep back part of the refund ("扣10块钱吊牌费", "deduct a restocking fee"). */
const DEDUCTION = /扣(?:掉|除|了)?.{0,8}(?:钱|元|块|费)|(?:deduct|restocking fee|keep back)/iu;

/** A sticker's marker as a messenger renders it ("[表情包]", "[动画表情]", "[Sticker]"). */
const STICKER_MARK = /\[(?:表情包?|动画表情|動畫表情|贴纸|貼紙|sticker|emoji|gif)\]/giu;
/** Words that only carry a feeling ("哭哭", "呜呜", "气死了", "lol"): no description of what a picture shows. */
const FEELING_ONLY = /^(?:[哭呜嗚哈呵嘿唉哎啊呀嘤嚶]|气死了?|氣死了?|烦死了?|煩死了?|无语|無語|心累|难过|難過|伤心|傷心|委屈|崩溃|崩潰|笑死|orz|lol|sad|cry(?:ing)?|ugh|sigh)+$/iu;

/**
 * A caption that carries only a sticker, emoji or a feeling says nothing about what the picture
 * shows: it is no description, and a letter must never cite it as evidence ("" instead).
 */
function describes(caption: string): string {
  const sticker = STICKER_MARK.test(caption);
  STICKER_MARK.lastIndex = 0;
  const rest = caption.replace(STICKER_MARK, '').replace(/[\s\p{P}\p{S}\p{Extended_Pictographic}\u200d\ufe0f]/gu, '');
  return sticker || rest === '' || FEELING_ONLY.test(rest) ? '' : caption;
}

/** A caption that names a video ("故障时录的视频", "a clip of it leaking"), and not a still taken from one ("视频截图"). */
const NAMES_VIDEO = /视频|視頻|影片|录像|錄像|录屏|錄屏|videos?|clips?|recording|footage/iu;
const STILL = /截图|截圖|截屏|screenshot|screen shot|still/iu;

/** Photos, videos and files are evidence: logged with time and caption, never read as the problem. */
function onMedia(turn: Turn, sentAs: 'photo' | 'video' | 'document', rawCaption: string, fileId: string | null): void {
  const caption = describes(cutText(cleanText(rawCaption).text, 500));
  // A video the buyer sent and captioned as one, arriving as a picture, is named a video (never "照片" in a letter).
  const kind = sentAs === 'photo' && NAMES_VIDEO.test(caption) && !STILL.test(caption) ? 'video' : sentAs;
  const opened = !turn.state.active;
  const c = turn.state.active ?? openCase(turn);
  const items = caseChecklist(turn, c)?.items ?? [];
  // Read like a message: a Traditional caption ("斷掉的…") matches the same keywords.
  const item = items.length && caption ? matchEvidence(normalize(caption), items, kind) : null;
  c.evidence.push({ at: turn.nowIso, kind, caption, fileId, item });
  if (c.evidence.length > EVIDENCE_MAX) c.evidence.splice(0, c.evidence.length - EVIDENCE_MAX);
  record(turn, c, 'evidence_logged', { note: kind });
  const after: string[] = [];
  const label = items.find((i) => i.id === item)?.text;
  if (label) after.push(turn.t('evidence.matched', { item: label }));
  if (c.phase === 'following') {
    const missing = missingEvidence(turn, c);
    after.push(missing.length ? turn.t('evidence.missingShort', { count: missing.length, next: missing[0]! }) : turn.t('evidence.complete'));
  }
  turn.info('evidence.logged', {
    vars: { count: c.evidence.length, caption: caption || turn.t('evidence.noCaption'), kind: turn.t(`evidence.kind.${kind}`) },
    after,
  });
  if (opened) turn.info('evidence.first');
  if (c.phase === 'collecting') advance(turn, c, [], false);
}

/** After an unusable message, ask the pending question again (nothing is counted or lost). */
function reaskPending(turn: Turn): void {
  const c = turn.state.active;
  if (turn.state.pending?.slot === 'confirmForget') return ask(turn, 'confirmForget');
  if (c?.phase === 'collecting') reaskCounted(turn, c);
}

function forgetAll(turn: Turn): void {
  const userId = turn.state.userId;
  for (const c of openCases(turn.state)) turn.cancelAllReminders(c);
  const locale = turn.state.locale;
  turn.state = { ...freshState(userId), locale };
  turn.forget = true;
  turn.info('forget.done');
}

function onCommand(turn: Turn, command: Command | (string & {}), arg: string): void {
  const s = turn.state;
  if (command !== 'forget' && s.pending?.slot === 'confirmForget') s.pending = null;
  switch (command) {
    case 'start':
      turn.info('welcome');
      if (s.active) turn.push({ kind: 'info', key: 'status', text: statusText(turn, s.active) });
      else turn.info('noCase');
      return;
    case 'help':
      turn.info('help');
      reaskPending(turn);
      return;
    case 'new':
      requestNewCase(turn);
      return;
    case 'cancel':
      if (!s.active) return turn.info('noCase');
      closeCase(turn, 'cancelled');
      turn.info('cancelled');
      return;
    case 'status':
      if (!s.active) return turn.info('noCase');
      turn.push({ kind: 'info', key: 'status', text: [statusText(turn, s.active), ...parkedList(turn), ...waitingLines(turn)].join('\n') });
      return;
    case 'cases':
      turn.push({ kind: 'info', key: 'cases', text: [casesText(turn), ...parkedList(turn), ...waitingLines(turn)].join('\n') });
      return;
    case 'export':
      // The PDF itself is rendered by the shell when it delivers this message (src/casefile).
      turn.out.push(caseFileOutbound(s, turn.loc, turn.tz, turn.now, arg));
      return;
    case 'forget':
      ask(turn, 'confirmForget');
      return;
    case 'lang': {
      const wanted = /^(en|english|英文)$/i.test(arg.trim()) ? 'en' : /^(zh|zh-cn|cn|中文|chinese)$/i.test(arg.trim()) ? 'zh-CN' : null;
      if (wanted) return setLanguage(turn, wanted);
      ask(turn, 'language');
      return;
    }
    default:
      turn.error('error.unknownCommand', { vars: { command: String(command).slice(0, 32) }, after: ['', turn.t('help')] });
  }
}

/** The parked cases under their heading, for /status and /cases (none: no lines). */
function parkedList(turn: Turn): string[] {
  const lines = parkedLines(turn);
  return lines.length ? [turn.t('parked.header'), ...lines] : [];
}

function setLanguage(turn: Turn, locale: Locale): void {
  turn.state.locale = locale;
  turn.state.localePinned = true;
  turn.state.pending = null;
  turn.info('lang.set');
  reaskPending(turn);
}

function onChoice(turn: Turn, slot: string, value: string): void {
  const s = turn.state;
  const pending = s.pending;
  switch (slot) {
    case 'language': {
      const parsed = Locale.safeParse(value);
      if (parsed.success) setLanguage(turn, parsed.data);
      return;
    }
    case 'confirmForget':
      s.pending = null;
      if (value === 'yes') return forgetAll(turn);
      turn.info('forget.kept');
      return;
    case 'confirmNew':
      s.pending = null;
      return newCaseChosen(turn, value, pending?.slot === 'confirmNew' ? pending.value : null);
    case 'whichCase': {
      s.pending = null;
      const said = pending?.slot === 'whichCase' ? pending.value : null;
      if (caseChosen(turn, value) && said) onText(turn, said, true);
      else if (!turn.state.active) turn.info('noCase');
      return;
    }
    default:
      break;
  }
  const c = s.active;
  if (!c) {
    // A button from a case that is closed or forgotten.
    turn.info('noCase');
    return;
  }
  switch (slot) {
    case 'confirmOrderId':
      if (c.phase === 'collecting' && pending?.slot === 'confirmOrderId') {
        collect(turn, c, { ...emptyExtraction(), yesNo: value === 'yes' ? 'yes' : 'no' }, value);
      } else {
        reaskPending(turn);
      }
      return;
    case 'stuck':
      // Pressed to start over: no second question.
      if (value === 'restart') return startNewCase(turn);
      if (c.phase === 'collecting') skipStuck(turn, c);
      return;
    case 'otherOrder': {
      const orderId = pending?.slot === 'otherOrder' ? pending.value : null;
      s.pending = null;
      if (!orderId || c.phase !== 'following') return reaskPending(turn);
      if (value === 'correction') {
        dropOtherOrder(s, orderId);
        correctOrderId(turn, c, orderId);
        return;
      }
      // Another order: this case is parked (its reminders stand) and a new one opened.
      openOtherOrder(turn, orderId);
      return;
    }
    case 'nextStep':
      s.pending = null;
      if (c.phase === 'following') nextStepChoice(turn, c, value);
      return;
    case 'confirmReply':
      s.pending = null;
      replyConfirmed(turn, c, value, pending?.slot === 'confirmReply' ? pending.value : pending?.held ?? null);
      if (turn.state.active?.phase === 'collecting') reaskPending(turn);
      return;
    case 'business':
      s.pending = null;
      turn.info('business.skipped');
      return;
    case 'problem':
    case 'wants':
    case 'platform':
      s.pending = null;
      // Chosen by the buyer: no longer a tentative reading.
      if (c.tentative) c.tentative = c.tentative.filter((x) => x !== slot);
      // "其他": none of the offered readings — the full question.
      if (value === OTHER_READING) return ask(turn, slot);
      // The reading confirmed as it was taken: nothing changes.
      if (c.slots[slot] === value) return turn.info('confirm.kept');
      if (c.phase === 'collecting') answerChoice(turn, c, slot, value);
      else follow(turn, c, { ...emptyExtraction(), [slot]: value, correction: true }, '');
      return;
    default:
      reaskPending(turn);
  }
}
