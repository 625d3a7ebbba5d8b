/**
 * The dialogue engine: a pure function of (state, inbound event, now) → (new state,
 * messages to send, reminders to set or cancel). No I/O, no wall clock.
 *
 * @example
 * const r = step(freshState('u1'), { type: 'text', text: '我的快递有问题' }, new Date(), { timezone: 'Asia/Shanghai' });
 * r.out[0] // { kind: 'question', slot: 'orderId', text: '请发一下订单号…' }
 */
import { emptyExtraction, extract } from '../nlu/index.ts';
import { matchEvidence, checklistFor } from '../knowledge/checklists.ts';
import { advance, answerChoice, collect, skipStuck } from './collect.ts';
import { closeCase, follow, nextStepChoice, onTick } from './follow.ts';
import { isGreeting, wholePhrase } from './phrases.ts';
import { ask, casesText, missingEvidence, statusText, typedOption } from './render.ts';
import { Turn, type EngineConfig } from './turn.ts';
import { caseFileOutbound, exportIntent } from '../casefile/index.ts';
import {
  Locale, STATE_VERSION, type Case, type Command, type Inbound, type StepResult, type UserState,
} from '../domain/index.ts';

export type { EngineConfig } from './turn.ts';

/** Messages longer than this are read up to this many characters. */
export const TEXT_LIMIT = 4000;
const EVIDENCE_MAX = 200;

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
    confirming: null,
    disclaimerShown: false,
    offered: null,
  };
}

/** Run one inbound event against the user's state. `state` is not modified. */
export function step(state: UserState, inbound: Inbound, now: Date, cfg: EngineConfig): StepResult {
  const turn = new Turn(structuredClone(state), now, cfg);
  if (cfg.restarted) turn.info(turn.t('restarted'));
  // Options stay answerable until the buyer's next event; a reminder does not withdraw them.
  const offered = turn.state.offered;
  if (inbound.type !== 'tick') turn.state.offered = null;
  switch (inbound.type) {
    case 'text': {
      const typed = offered ? typedOption(offered.options, inbound.text) : null;
      if (offered && typed !== null) onChoice(turn, offered.slot, typed);
      else onText(turn, inbound.text);
      break;
    }
    case 'media':
      onMedia(turn, inbound.kind, inbound.caption, inbound.fileId ?? null);
      break;
    case 'unsupported':
      turn.error(turn.t('error.unsupported', { what: inbound.what }));
      reaskPending(turn);
      break;
    case 'command':
      onCommand(turn, inbound.command, inbound.arg ?? '');
      break;
    case 'choice':
      onChoice(turn, inbound.slot, inbound.value);
      break;
    case 'tick':
      onTick(turn, inbound.reminderId, inbound.late ?? false);
      break;
  }
  if (turn.state.active) turn.state.active.updatedAt = turn.nowIso;
  return turn.result();
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
 */
function switchesLanguage(current: Locale | null, detected: Locale | null, text: string): detected is Locale {
  if (!detected || detected === current) return false;
  if (current === null) return true;
  if (detected === 'en') return (text.match(/[A-Za-z]{2,}/g)?.length ?? 0) >= 3;
  return (text.match(/\p{Script=Han}/gu)?.length ?? 0) >= 2;
}

/** Letters, digits or CJK: something a buyer could mean. Emoji and punctuation only is not. */
const MEANINGFUL = /[\p{L}\p{N}]/u;

function openCase(turn: Turn): Case {
  const s = turn.state;
  s.caseSeq += 1;
  const c: Case = {
    id: `c${s.caseSeq}`,
    openedAt: turn.nowIso,
    updatedAt: turn.nowIso,
    status: 'collecting',
    rung: 'seller',
    slots: {
      orderId: null, problem: null, problemText: null, wants: null, platform: null,
      trackingNo: null, receivedOn: null, amountPaid: null, amountRefunded: null,
    },
    asking: null,
    pendingOrderId: null,
    skipped: [],
    evidence: [],
    timeline: [{ at: turn.nowIso, type: 'opened', note: '', quote: null, happenedAt: null }],
    reminders: [],
    sellerDrafts: 0,
    food: false,
    compensationPercent: null,
  };
  s.active = c;
  return c;
}

function onText(turn: Turn, raw: string): void {
  const { text, truncated } = cleanText(raw);
  if (!text) {
    turn.error(turn.t('error.empty'));
    reaskPending(turn);
    return;
  }
  const e = extract(text, { now: turn.now, timezone: turn.tz, expectingOrderId: turn.state.active?.asking?.slot === 'orderId' });
  if (!turn.state.localePinned && switchesLanguage(turn.state.locale, e.language, text)) turn.state.locale = e.language;
  if (truncated) turn.info(turn.t('error.tooLong', { limit: TEXT_LIMIT }));

  if (turn.state.confirming === 'forget') {
    turn.state.confirming = null;
    if (e.yesNo === 'yes') return forgetAll(turn);
    turn.info(turn.t('forget.kept'));
    if (e.yesNo === 'no') return;
  }

  const phrase = wholePhrase(text);
  if (phrase && phrase !== 'skip') {
    onCommand(turn, { restart: 'new', cancel: 'cancel', help: 'help', status: 'status' }[phrase], '');
    return;
  }

  if (exportIntent(text)) return onCommand(turn, 'export', '');

  if (!MEANINGFUL.test(text)) {
    turn.error(turn.t('error.unusable'));
    reaskPending(turn);
    return;
  }

  if (isGreeting(text)) {
    if (!turn.state.active) {
      turn.info(turn.t('welcome'));
      turn.info(turn.t('noCase'));
    } else {
      reaskPending(turn);
    }
    return;
  }

  let c = turn.state.active;
  if (!c) c = openCase(turn);
  if (c.status === 'collecting') {
    if (phrase === 'skip' && c.asking) return skipStuck(turn, c);
    collect(turn, c, e, text);
  } else {
    follow(turn, c, e, text);
  }
}

function onMedia(turn: Turn, kind: 'photo' | 'video' | 'document', rawCaption: string, fileId: string | null): void {
  const caption = cleanText(rawCaption).text.slice(0, 500);
  const c = turn.state.active ?? openCase(turn);
  const items = c.slots.problem ? checklistFor(c.slots.problem, turn.loc).items : [];
  const item = items.length ? matchEvidence(caption, items) : null;
  c.evidence.push({ at: turn.nowIso, kind, caption, fileId, item });
  if (c.evidence.length > EVIDENCE_MAX) c.evidence.splice(0, c.evidence.length - EVIDENCE_MAX);
  const lines = [turn.t('evidence.logged', { count: c.evidence.length, caption: caption || turn.t('evidence.noCaption') })];
  const label = items.find((i) => i.id === item)?.text;
  if (label) lines.push(turn.t('evidence.matched', { item: label }));
  if (c.status === 'open') {
    const missing = missingEvidence(turn, c);
    lines.push(missing.length ? turn.t('evidence.missingShort', { count: missing.length, next: missing[0]! }) : turn.t('evidence.complete'));
  }
  turn.info(lines.join('\n'));
  if (c.status === 'collecting') {
    // A caption may carry the problem ("外箱破损"): use it, but an empty one is no failed answer.
    if (caption && MEANINGFUL.test(caption)) {
      const e = extract(caption, { now: turn.now, timezone: turn.tz });
      collect(turn, c, e, caption, { countFailure: false });
    } else {
      advance(turn, c, [], false);
    }
  }
}

/** After an unusable message, ask the pending question again (nothing is counted or lost). */
function reaskPending(turn: Turn): void {
  const c = turn.state.active;
  if (turn.state.confirming === 'forget') return ask(turn, null, 'confirmForget');
  if (c?.status === 'collecting') advance(turn, c, [], false);
}

function forgetAll(turn: Turn): void {
  const userId = turn.state.userId;
  if (turn.state.active) turn.cancelAllReminders(turn.state.active);
  const locale = turn.state.locale;
  turn.state = { ...freshState(userId), locale };
  turn.forget = true;
  turn.info(turn.t('forget.done'));
}

function onCommand(turn: Turn, command: Command | (string & {}), arg: string): void {
  const s = turn.state;
  s.confirming = command === 'forget' ? s.confirming : null;
  switch (command) {
    case 'start':
      turn.info(turn.t('welcome'));
      if (s.active) turn.info(statusText(turn, s.active));
      else turn.info(turn.t('noCase'));
      return;
    case 'help':
      turn.info(turn.t('help'));
      reaskPending(turn);
      return;
    case 'new': {
      const old = s.active ? closeCase(turn, 'cancelled') : null;
      const lines = [turn.t('newCase')];
      if (old?.slots.orderId) lines.push(turn.t('archived', { orderId: old.slots.orderId }));
      const c = openCase(turn);
      ask(turn, c, 'orderId', lines);
      return;
    }
    case 'cancel':
      if (!s.active) return turn.info(turn.t('noCase'));
      closeCase(turn, 'cancelled');
      turn.info(turn.t('cancelled'));
      return;
    case 'status':
      if (!s.active) return turn.info(turn.t('noCase'));
      turn.info(statusText(turn, s.active));
      return;
    case 'cases':
      turn.info(casesText(turn));
      return;
    case 'export':
      // The PDF itself is rendered by the shell when it delivers this message (src/casefile).
      turn.out.push(caseFileOutbound(s, turn.loc, turn.tz, turn.now, arg));
      return;
    case 'forget':
      s.confirming = 'forget';
      ask(turn, null, 'confirmForget');
      return;
    case 'lang': {
      const wanted = /^(en|english|英文)$/i.test(arg.trim()) ? 'en' : /^(zh|zh-cn|cn|中文|chinese)$/i.test(arg.trim()) ? 'zh-CN' : null;
      if (wanted) return setLanguage(turn, wanted);
      ask(turn, null, 'language');
      return;
    }
    default:
      turn.error(`${turn.t('error.unknownCommand', { command: String(command).slice(0, 32) })}\n\n${turn.t('help')}`);
  }
}

function setLanguage(turn: Turn, locale: Locale): void {
  turn.state.locale = locale;
  turn.state.localePinned = true;
  turn.info(turn.t('lang.set'));
  reaskPending(turn);
}

function onChoice(turn: Turn, slot: string, value: string): void {
  const s = turn.state;
  const c = s.active;
  switch (slot) {
    case 'language': {
      const parsed = Locale.safeParse(value);
      if (parsed.success) setLanguage(turn, parsed.data);
      return;
    }
    case 'confirmForget':
      s.confirming = null;
      if (value === 'yes') return forgetAll(turn);
      turn.info(turn.t('forget.kept'));
      return;
    default:
      break;
  }
  if (!c) {
    // A button from a case that is closed or forgotten.
    turn.info(turn.t('noCase'));
    return;
  }
  switch (slot) {
    case 'confirmOrderId':
      if (c.pendingOrderId) {
        collect(turn, c, { ...emptyExtraction(), yesNo: value === 'yes' ? 'yes' : 'no' }, value);
      } else {
        reaskPending(turn);
      }
      return;
    case 'stuck':
      if (value === 'restart') return onCommand(turn, 'new', '');
      return skipStuck(turn, c);
    case 'nextStep':
      return nextStepChoice(turn, c, value);
    default:
      return answerChoice(turn, c, slot as 'problem', value);
  }
}
