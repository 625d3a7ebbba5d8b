/**
 * Turning case facts into messages: questions with their options, the checklist, drafts,
 * /status and /cases. Wording comes from locales; knowledge and draft texts from
 * src/knowledge and src/drafts.
 */
import { checklistFor, saysPartMissing, type Checklist } from '../knowledge/checklists.ts';
import { isTakeaway } from '../knowledge/takeaway.ts';
import { moneyText } from '../knowledge/currency.ts';
import { draftMessage, partialRefundTerms, writeDraft, type Draft, type DraftKind } from '../drafts/index.ts';
import { refundShort, secondChoice, settledSum } from '../drafts/parts.ts';
import { addWorkingDays, formatDate, formatDateTime } from '../time/deadlines.ts';
import { toTraditional, withoutFeelings } from '../drafts/words.ts';
import { platformName, platformRegion } from '../knowledge/platforms.ts';
import { lastSellerEvent, letterCheckAgainPending } from './case.ts';
import type { Turn } from './turn.ts';
import {
  CLAIM_WISHES, PLATFORMS, PROBLEMS, WANTS, type Askable, type OpenCase, type Option, type Slots,
} from '../domain/index.ts';

/** The quick-reply options offered with a question (values are codes, labels localised). */
export function optionsFor(turn: Turn, slot: Askable): Option[] {
  // Worded once per slot and language (a menu is offered most turns); each caller gets its own copy.
  const locale = turn.loc;
  let bySlot = wordedOptions.get(locale);
  if (!bySlot) wordedOptions.set(locale, (bySlot = new Map()));
  let options = bySlot.get(slot);
  if (!options) bySlot.set(slot, (options = wordOptions(turn, slot)));
  return options.map(copyOption);
}

/** Menu options already worded, by language and slot (a few dozen at most). */
const wordedOptions = new Map<string, Map<Askable, readonly Option[]>>();

function copyOption(o: Option): Option {
  return { value: o.value, label: o.label };
}

/** `optionsFor` without the cache: the labels in the turn's language. */
function wordOptions(turn: Turn, slot: Askable): Option[] {
  switch (slot) {
    case 'problem':
      return PROBLEMS.map((code) => ({ value: code, label: turn.t(`problem.${code}`) }));
    case 'wants':
      return WANTS.map((code) => ({ value: code, label: turn.t(`wants.${code}`) }));
    case 'platform':
      return PLATFORMS.map((code) => ({ value: code, label: turn.t(`platform.${code}`) }));
    case 'confirmOrderId':
    case 'confirmForget':
      return [
        { value: 'yes', label: turn.t('yes') },
        { value: 'no', label: turn.t('no') },
      ];
    case 'otherOrder':
      return [
        { value: 'correction', label: turn.t('otherOrder.correction') },
        { value: 'newCase', label: turn.t('otherOrder.newCase') },
      ];
    case 'confirmNew':
      return [
        { value: 'export', label: turn.t('confirmNew.export') },
        { value: 'archive', label: turn.t('confirmNew.archive') },
        { value: 'keep', label: turn.t('confirmNew.keep') },
      ];
    case 'stuck':
      return [
        { value: 'skip', label: turn.t('stuck.skip') },
        { value: 'restart', label: turn.t('stuck.restart') },
      ];
    case 'language':
      return [
        { value: 'zh-CN', label: '中文' },
        { value: 'en', label: 'English' },
      ];
    default:
      return [];
  }
}

/** Wording key of the question for `slot`. */
function questionKey(slot: Askable): string {
  if (slot === 'stuck') return 'stuck.explain';
  if (slot === 'confirmForget') return 'forget.ask';
  if (slot === 'language') return 'lang.ask';
  return `ask.${slot}`;
}

/**
 * Ask `slot`: it becomes the pending question (with `value` as the candidate to confirm).
 * Channels without buttons show the options numbered (src/app/plain-text.ts).
 */
export function ask(
  turn: Turn,
  slot: Askable,
  m: { before?: string[]; vars?: Record<string, string>; value?: string | null; key?: string } = {},
): void {
  const options = optionsFor(turn, slot);
  turn.pend(slot, m.value ?? null, options);
  turn.say('question', m.key ?? questionKey(slot), {
    slot,
    before: m.before ?? [],
    vars: m.vars ?? {},
    ...(options.length ? { options } : {}),
  });
}

/**
 * Localised name of a slot for acknowledgements and /status. A parcel the buyer never got has no
 * day they signed for it: the day recorded is the one the tracking shows it signed for.
 */
export function slotLabel(turn: Turn, slots: Slots, name: keyof Slots): string {
  if (name === 'wishExtra' && secondChoice(slots)) return turn.t('slot.wishAlternative');
  return turn.t(name === 'receivedOn' && slots.problem === 'not_received' ? 'slot.receivedOnTracking' : `slot.${name}`);
}

/** Localised value of a slot for acknowledgements and /status. */
export function slotValue(turn: Turn, slots: Slots, name: keyof Slots, claim?: OpenCase['claimAsked']): string | null {
  const v = slots[name];
  if (v === null || v === undefined) return null;
  switch (name) {
    case 'problem':
      return turn.t(`problem.${v}`);
    case 'wants':
      // "退一赔十": the claim the buyer named, not "compensation / partial refund" (trial 7 s09).
      return claim && CLAIM_WISHES.has(String(v)) ? turn.t(`wants.claim.${claim}`) : turn.t(`wants.${v}`);
    case 'wishExtra': {
      // "要么换要么退": the second choice said as one, never "另外要求 要么退".
      const second = secondChoice(slots);
      return second ? turn.t('wishAlternative', { wants: turn.t(`wants.${slots.wants}`), alt: turn.t(`wants.${second}`) }) : String(v);
    }
    case 'platform':
      // A platform outside the list is shown by the name the buyer used ("苏宁易购").
      return v === 'other' && slots.platformName ? platformName('other', turn.loc, slots.platformName) : turn.t(`platform.${v}`);
    case 'amountPaid':
    case 'amountRefunded':
    case 'lossAmount':
    case 'returnPostage':
      // In the currency the buyer gave ("$54.90" stays in dollars).
      return slots.currency && slots.currency !== 'CNY' ? moneyText(turn.loc, Number(v), slots.currency, () => '') : `¥${Number(v).toFixed(2)}`;
    default:
      return String(v);
  }
}

/** A sum of money as the case shows its amounts (in the buyer's currency, as `slotValue` shows the price paid). */
export function moneyValue(turn: Turn, slots: Slots, amount: number): string {
  return slotValue(turn, { ...slots, amountPaid: amount }, 'amountPaid') ?? String(amount);
}

/**
 * The case's evidence checklist: the problem's, the food one for food, nothing that needs a
 * parcel for an order not shipped yet. Null until the problem is known.
 */
export function caseChecklist(turn: Turn, c: OpenCase): Checklist | null {
  if (!c.slots.problem) return null;
  return checklistFor(c.slots.problem, turn.loc, { food: c.food, shipped: c.slots.shipped ?? null, virtual: c.virtual === true, alsoShort: saysPartMissing(c.slots.problemText), takeaway: isTakeaway(c.slots), priceDrop: c.priceDrop === true });
}

/** The option value that means "none of these readings": the full question follows. */
export const OTHER_READING = 'more';

/** A problem or wish taken at middling confidence, to confirm with options in the same turn. */
export interface Unsure {
  slot: 'problem' | 'wants';
  alternative: string | null;
}

/**
 * "我理解的问题是「运输破损」，对吗？": the value taken, the classifier's runner-up and "其他" as
 * buttons answering that slot. Not a blocking question: the case carries on with the value.
 * `plain`: the turn shows another menu, so the reading is only said (one menu a turn).
 */
export function confirmReadings(turn: Turn, c: OpenCase, unsure: readonly Unsure[], before: string[] = [], plain = false): void {
  const codes = { problem: PROBLEMS as readonly string[], wants: WANTS as readonly string[] };
  unsure.forEach((u, i) => {
    const value = c.slots[u.slot];
    if (value === null) return;
    const values = [value, ...(u.alternative && u.alternative !== value && codes[u.slot].includes(u.alternative) ? [u.alternative] : [])];
    const options: Option[] = values.map((v) => ({ value: v, label: turn.t(`${u.slot}.${v}`) }));
    // "None of these" is not a second "其他" beside the reading "其他".
    const other = turn.t('confirm.other');
    options.push({ value: OTHER_READING, label: options.some((o) => o.label === other) ? turn.t('confirm.none') : other });
    const vars = { value: turn.t(`${u.slot}.${value}`) };
    // Another menu in the same turn (`plain`): the reading is said without buttons, so a number answers the one menu shown (trial 16 F22).
    if (plain) turn.info(`confirm.${u.slot}Said`, { before: i === 0 ? before : [], vars });
    else turn.info(`confirm.${u.slot}`, { before: i === 0 ? before : [], vars, choiceSlot: u.slot, options });
  });
}

/** The evidence checklist for the case's problem, collected items ticked. */
export function sendChecklist(turn: Turn, c: OpenCase, intro?: string): boolean {
  const checklist = caseChecklist(turn, c);
  if (!checklist || !c.slots.problem) return false;
  const have = new Set(c.evidence.map((e) => e.item).filter((x): x is string => x !== null));
  const lines = checklist.items.map((item, i) => `${have.has(item.id) ? '✅' : '☐'} ${i + 1}. ${item.text}`);
  turn.push({ kind: 'checklist', key: `checklist.${c.slots.problem}`, text: [...(intro ? [intro] : []), checklist.title, ...lines].join('\n') });
  return true;
}

/** Checklist items not yet matched by any evidence. */
export function missingEvidence(turn: Turn, c: OpenCase): string[] {
  const have = new Set(c.evidence.map((e) => e.item));
  return (caseChecklist(turn, c)?.items ?? []).filter((i) => !have.has(i.id)).map((i) => i.text);
}

/**
 * Write a draft from the case and send it as its own message (code `draft.<kind>`); records
 * it on the timeline. Returns the letter.
 */
export function sendDraft(turn: Turn, c: OpenCase, kind: DraftKind): Draft {
  const draft = caseDraft(turn, c, kind);
  if (draft.to === 'seller') c.sellerDrafts += 1;
  // The same text handed over again is said to be the same, so the buyer does not look for changes.
  const print = fingerprint(draft.body);
  const before = c.sentDrafts[kind] === print ? c.timeline.filter((e) => e.type === 'draft_sent' && e.note === kind).at(-1) : undefined;
  if (before) turn.info('draft.same', { vars: { at: formatDateTime(new Date(before.at), turn.tz, turn.loc) } });
  c.sentDrafts = { ...c.sentDrafts, [kind]: print };
  c.timeline.push({ at: turn.nowIso, type: 'draft_sent', note: kind, quote: null, happenedAt: null });
  // The Chinese letter to paste, then (for a buyer who does not read Chinese) its gloss. A letter to a
  // Taiwan or Hong Kong platform, in a conversation held in Traditional characters, is in Traditional too.
  const traditional = turn.state.traditional === true && turn.loc === 'zh-CN' && platformRegion(c.slots.platform, c.slots.platformName) === 'taiwan_hk';
  const shown = traditional ? { ...draft, body: toTraditional(draft.body) } : draft;
  turn.push({ kind: 'draft', key: `draft.${kind}`, text: draftMessage(shown, turn.loc), to: draft.to, body: shown.body });
  // Advice for the buyer that is not part of the text to paste (coupons, shipping…); given once for the same text.
  if (draft.notes.length && !before) turn.push({ kind: 'info', key: `draft.${kind}.notes`, text: draft.notes.join('\n') });
  // The letter's own follow-up (12315: acceptance decided within 7 working days), unless already running.
  if (draft.followUp && !c.reminders.some((r) => r.reason === draft.followUp!.reason)) {
    const due = addWorkingDays(turn.now, draft.followUp.workingDays, turn.tz);
    turn.setReminder(c, draft.followUp.reason, due.at, due.approx);
  }
  return draft;
}

/** Whether a letter of `kind` was handed over and would read differently now (a fact came after it). */
export function handedLetterChanged(turn: Turn, c: OpenCase, kind: DraftKind): boolean {
  const sent = c.sentDrafts[kind];
  return sent !== undefined && sent !== fingerprint(caseDraft(turn, c, kind).body);
}

/**
 * Whether the record now says more or else than the letter of `kind` handed over, that letter written
 * again as it was (the same attempt, at the time it was handed over): a reply time moved on or a
 * firmer second letter is no fact the buyer corrected.
 */
export function handedFactsChanged(turn: Turn, c: OpenCase, kind: DraftKind): boolean {
  const sent = c.sentDrafts[kind];
  const at = c.timeline.filter((x) => x.type === 'draft_sent' && x.note === kind).at(-1)?.at;
  if (sent === undefined || !at) return handedLetterChanged(turn, c, kind);
  return sent !== fingerprint(caseDraft(turn, c, kind, { now: new Date(at), sameAttempt: true }).body);
}

/** The letter of `kind` for the case as it stands now (written, not handed over), or as of `now` as the same attempt. */
function caseDraft(turn: Turn, c: OpenCase, kind: DraftKind, as: { now?: Date; sameAttempt?: boolean } = {}): Draft {
  const toSeller = kind !== 'platform' && kind !== 'regulator' && kind !== 'payment';
  return writeDraft(kind, {
    locale: turn.loc,
    slots: c.slots,
    evidence: c.evidence,
    timeline: c.timeline,
    now: as.now ?? turn.now,
    timezone: turn.tz,
    sellerAttempt: toSeller && !as.sameAttempt ? c.sellerDrafts + 1 : c.sellerDrafts,
    openedAt: c.openedAt,
    food: c.food,
    virtual: c.virtual === true,
    priceDrop: c.priceDrop === true,
    claimAsked: c.claimAsked ?? null,
    claimSum: c.claimSum ?? null,
    promisedBy: c.reminders.find((r) => r.reason === 'seller_promise')?.deadline ?? null,
    ...partialRefundTerms(c),
  });
}

/** How long a letter handed over counts as still on the buyer's screen. */
const JUST_SENT_MS = 3600_000;

/**
 * When the letter of `kind` would be word for word the one handed over within the last hour:
 * that one's time (the buyer is pointed to it rather than given it in full again); else null.
 */
export function sameLetterJustSent(turn: Turn, c: OpenCase, kind: DraftKind): Date | null {
  const last = c.timeline.filter((e) => e.type === 'draft_sent' && e.note === kind).at(-1);
  if (!last || turn.now.getTime() - Date.parse(last.at) > JUST_SENT_MS) return null;
  return c.sentDrafts[kind] === fingerprint(caseDraft(turn, c, kind).body) ? new Date(last.at) : null;
}

/**
 * Send an answer of the knowledge base (`key` its code). The same block, word for word, given for the
 * case within the last hour is not sent again: the buyer is told it stands (trial 12 s10).
 */
export function sendAdvice(turn: Turn, c: OpenCase | null, key: string, text: string): void {
  const print = fingerprint(text);
  const [given, at] = (c?.sentDrafts[key] ?? '').split(' ');
  if (given === print && at && turn.now.getTime() - Date.parse(at) <= JUST_SENT_MS) {
    return turn.info('answerSame', { vars: { at: formatDateTime(new Date(at), turn.tz, turn.loc) } });
  }
  if (c) c.sentDrafts = { ...c.sentDrafts, [key]: `${print} ${turn.nowIso}` };
  turn.push({ kind: 'info', key, text });
}

/** FNV-1a over a letter's text: enough to tell the same text from a changed one. */
function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16);
}

/** One evidence item for /status: its time, caption and the checklist item it covers. */
function evidenceLine(turn: Turn, c: OpenCase, i: number): string {
  const ev = c.evidence[i]!;
  const label = ev.item ? caseChecklist(turn, c)?.items.find((x) => x.id === ev.item)?.text : undefined;
  return turn.t('status.evidenceItem', {
    n: i + 1,
    when: formatDateTime(new Date(ev.at), turn.tz, turn.loc),
    kind: turn.t(`evidence.kind.${ev.kind}`),
    caption: ev.caption || turn.t('evidence.noCaption'),
    item: label ?? turn.t('status.noItem'),
  });
}

/** The case summary for /status. */
export function statusText(turn: Turn, c: OpenCase): string {
  const unknown = turn.t('status.unknown');
  const lines = [turn.t('status.header', { caseId: c.id })];
  for (const name of STATUS_SLOTS) {
    // A wish outside the six is the buyer's words, as the letters write it (trial 11 F6).
    const value = slotValue(turn, c.slots, name, c.claimAsked) ?? (name === 'wants' ? c.slots.wishText ?? null : null);
    if (value === null && name !== 'orderId' && name !== 'problem' && name !== 'wants') continue;
    lines.push(turn.t('status.line', { label: slotLabel(turn, c.slots, name), value: value ?? unknown }));
  }
  // The sum agreed or ruled, and what is still owed after a short refund: the figures the letters argue from.
  const settled = settledSum(c.timeline);
  if (settled) lines.push(turn.t(settled.ruled ? 'status.ruledSum' : 'status.agreedSum', { amount: moneyValue(turn, c.slots, settled.sum) }));
  const short = refundShort(c.timeline);
  if (short) lines.push(turn.t('status.stillOwed', { amount: moneyValue(turn, c.slots, Math.round((short.owed - short.got) * 100) / 100) }));
  // The buyer's description without the clauses that are only a feeling ("气死了").
  if (c.slots.problemText) lines.push(`“${withoutFeelings(c.slots.problemText)}”`);
  // The seller agreed and nothing since: the stage says so, not "negotiating" (trial 8 P1).
  const agreed = c.phase !== 'collecting' && c.rung === 'seller' && lastSellerEvent(c) === 'seller_agreed';
  lines.push(turn.t(c.phase === 'collecting' ? 'status.stage.collecting' : agreed ? 'status.stage.sellerAgreed' : `status.stage.${c.rung}`));
  lines.push(turn.t('status.evidence', { count: c.evidence.length }));
  for (let i = 0; i < c.evidence.length; i++) lines.push(evidenceLine(turn, c, i));
  const missing = missingEvidence(turn, c);
  if (c.slots.problem) lines.push(missing.length ? turn.t('evidence.missing', { items: missing.join(turn.t('list.sep')) }) : turn.t('evidence.complete'));
  // The seller's reply time passed already: its reminder left is the question asked once more.
  const again = c.phase === 'following' && letterCheckAgainPending(c);
  for (const r of [...c.reminders].sort((a, b) => a.dueAt.localeCompare(b.dueAt))) {
    lines.push(turn.t('status.reminder', {
      when: formatDateTime(new Date(r.dueAt), turn.tz, turn.loc),
      reason: turn.t(`status.reason.${r.reason === 'reply_deadline' && again ? 'letter_check_again' : r.reason}`),
    }));
  }
  return lines.join('\n');
}

/** The slots /status lists, in order. */
const STATUS_SLOTS = [
  'orderId', 'problem', 'wants', 'platform', 'receivedOn', 'trackingNo', 'returnTrackingNo', 'returnPostage', 'amountPaid', 'amountRefunded', 'lossAmount', 'paidWith', 'shopName',
  'businessName', 'businessCode', 'businessAddress',
] as const;

/** The list for /cases: the active case first, then the closed ones, newest first. */
export function casesText(turn: Turn): string {
  const s = turn.state;
  const rows: string[] = [];
  const line = (id: string, openedAt: string, orderId: string | null, problem: string | null, status: string, solvedBy?: string) =>
    turn.t('cases.line', {
      caseId: id,
      date: formatDate(new Date(openedAt), turn.tz, turn.loc),
      orderId: orderId ?? '—',
      problem: problem ? turn.t(`problem.${problem}`) : '—',
      // "已解决（买家告知：已修好）": what solved it, as the buyer said, not the wish it had before.
      status: solvedBy ? turn.t('cases.resolvedBy', { how: turn.t(`cases.solvedBy.${solvedBy}`) }) : turn.t(`cases.${status}`),
    });
  if (s.active) rows.push(line(s.active.id, s.active.openedAt, s.active.slots.orderId, s.active.slots.problem, 'active'));
  for (const c of [...s.closed].reverse()) rows.push(line(c.id, c.openedAt, c.orderId, c.problem, c.status, c.solvedBy));
  return rows.length ? [turn.t('cases.header'), ...rows].join('\n') : turn.t('cases.none');
}
