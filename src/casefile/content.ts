/**
 * What a case file says, as structured text: the header facts, the dated timeline, the evidence
 * list with what the checklist still lacks, the latest draft and the law it cites. Pure: written
 * from the case record only (a fact the record lacks never appears), dates in the buyer's timezone.
 * `pdf.ts` lays it out.
 *
 * @example caseFileContent(c, { locale: 'zh-CN', timezone: 'Asia/Shanghai', now }).facts[0]
 *   // { label: '订单号', value: '3916452812345678901' }
 */
import { has, t } from '../i18n/index.ts';
import { checklistFor, saysPartMissing } from '../knowledge/checklists.ts';
import { isTakeaway } from '../knowledge/takeaway.ts';
import { lawFor, type LawRef } from '../knowledge/law.ts';
import { platformName } from '../knowledge/platforms.ts';
import { moneyText } from '../knowledge/currency.ts';
import { parseOfferNote } from '../knowledge/conditional-offer.ts';
import { parseRebuttalNote, rebuttalStatement } from '../knowledge/rebuttal.ts';
import { isPrivateSeller, partialRefundTerms, writeDraft, type Draft, type DraftKind } from '../drafts/index.ts';
import { withoutFeelings } from '../drafts/words.ts';
import { appraisalOf, noteSum, privateReceived, settledSum } from '../drafts/parts.ts';
import { formatDateTime, formatDay, localDay } from '../time/deadlines.ts';
import { CLAIM_WISHES, DRAFT_KINDS, promiseKind, WANTS, type Case, type Currency, type Locale, type Rung, type TimelineEntry } from '../domain/index.ts';

export interface CaseFileOptions {
  locale: Locale;
  /** IANA timezone of the buyer: every date is shown in it. */
  timezone: string;
  /** When the file is generated (the buyer's request), for the subtitle and the footer. */
  now: Date;
  /** The case is a closed one of which only the summary is kept (said in the file). */
  summaryOnly?: boolean;
}

export interface Fact {
  label: string;
  value: string;
}

/** One dated line: a timeline event, an open deadline or a piece of evidence. */
export interface Entry {
  when: string;
  text: string;
  /** Smaller lines under it (a quote, a deadline, the checklist item covered). */
  details: string[];
}

export interface CaseFileContent {
  title: string;
  subtitle: string;
  timezoneNote: string;
  facts: { heading: string; rows: Fact[]; note: string | null };
  timeline: { heading: string; entries: Entry[]; empty: string | null };
  deadlines: { heading: string; entries: Entry[] } | null;
  evidence: {
    heading: string;
    summary: string;
    entries: Entry[];
    missingHeading: string | null;
    missing: string[];
    originals: string | null;
  };
  /** The letter (always Chinese), and for a buyer who reads English its gloss, marked as not for sending. */
  draft: { heading: string; intro: string; title: string; body: string; gloss: { heading: string; text: string } | null } | null;
  law: { heading: string; intro: string; articles: { title: string; text: string }[] } | null;
  /** The footer without its page number: `{page}` and `{pages}` are filled per page. */
  footer: string;
}

/** Which drafts belong to which rung of the ladder (DOMAIN.md "Escalation ladder"). */
const RUNG_DRAFTS: Readonly<Record<Rung, readonly DraftKind[]>> = {
  seller: ['seller', 'compensation', 'refund_shortfall'],
  platform: ['platform'],
  regulator: ['regulator', 'payment'],
};
const SELLER_DRAFTS: readonly string[] = RUNG_DRAFTS.seller;

/** Writes what the case file of `c` says. */
export function caseFileContent(c: Case, opts: CaseFileOptions): CaseFileContent {
  const { locale, timezone, now } = opts;
  const tr = (key: string, vars?: Record<string, string | number>) => t(locale, `casefile.${key}`, vars);
  const when = (iso: string) => formatDateTime(new Date(iso), timezone, locale);
  const generatedAt = formatDateTime(now, timezone, locale);
  const draft = latestDraft(c, opts);
  return {
    title: tr('title'),
    subtitle: tr('subtitle', { caseId: c.id, generatedAt }),
    timezoneNote: tr('timezoneNote', { timezone, offset: utcOffset(timezone, now) }),
    facts: {
      heading: tr('facts.heading'),
      rows: facts(c, locale),
      // A closed case's file says when and how it ended (an archived one: unresolved).
      note: opts.summaryOnly ? tr('closed.summaryOnly') : c.phase === 'closed' ? tr(`closed.ended.${c.outcome}`, { at: when(c.closedAt) }) : null,
    },
    timeline: {
      heading: tr('timeline.heading'),
      entries: timeline(c, locale, when, timezone),
      empty: c.timeline.length === 0 ? tr('timeline.empty') : null,
    },
    deadlines: deadlines(c, locale, when),
    evidence: evidence(c, locale, when, opts.summaryOnly ?? false),
    draft: draft
      ? { heading: tr(c.phase === 'closed' ? 'draft.headingLast' : 'draft.heading'), intro: tr('draft.intro', { at: when(draft.at) }), title: draft.draft.title, body: draft.draft.body, gloss: draft.draft.gloss ? { heading: tr('draft.gloss'), text: draft.draft.gloss } : null }
      : null,
    law: law(c, locale, draft?.draft ?? null),
    footer: tr('footer', { generatedAt, page: '{page}', pages: '{pages}' }),
  };
}

/** "UTC+08:00" for the timezone at `at`. */
function utcOffset(timezone: string, at: Date): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone: timezone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  return (part ?? 'GMT').replace(/^GMT$/, 'GMT+00:00').replace('GMT', 'UTC');
}

function money(locale: Locale, amount: number, currency?: Currency | null): string {
  if (currency && currency !== 'CNY') return moneyText(locale, amount, currency, () => '');
  const rounded = Math.round(amount * 100) / 100;
  return t(locale, 'casefile.facts.money', { amount: Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(2) });
}

/** The header: the three elements always (marked when missing), the extras only when known. */
function facts(c: Case, locale: Locale): Fact[] {
  const tr = (key: string) => t(locale, `casefile.${key}`);
  const s = c.slots;
  const notGiven = tr('facts.notGiven');
  const rows: Fact[] = [{ label: tr('facts.orderId'), value: s.orderId ?? notGiven }];
  if (s.platform) rows.push({ label: tr('facts.platform'), value: s.platform === 'other' && !s.platformName ? tr('facts.otherPlatform') : platformName(s.platform, locale, s.platformName) });
  if (s.amountPaid !== null) rows.push({ label: tr('facts.amountPaid'), value: money(locale, s.amountPaid, s.currency) });
  if (s.amountRefunded !== null) rows.push({ label: tr('facts.amountRefunded'), value: money(locale, s.amountRefunded, s.currency) });
  if (s.trackingNo) rows.push({ label: tr('facts.trackingNo'), value: s.trackingNo });
  // How the buyer paid, and the licence details the buyer gave for 12315.
  for (const name of ['paidWith', 'businessName', 'businessCode', 'businessAddress'] as const) {
    const value = s[name];
    if (value) rows.push({ label: tr(`facts.${name}`), value });
  }
  // A parcel the buyer never got was signed for only in the tracking.
  if (s.receivedOn) rows.push({ label: tr(s.problem === 'not_received' ? 'facts.receivedOnTracking' : 'facts.receivedOn'), value: /^\d{4}-\d{2}-\d{2}$/.test(s.receivedOn) ? formatDay(s.receivedOn, locale) : s.receivedOn });
  rows.push({ label: tr('facts.problem'), value: s.problem ? tr(`problem.${s.problem}`) : notGiven });
  // The buyer's description, without the clauses that are only a feeling ("气死了"): no description of the problem.
  if (s.problemText) rows.push({ label: tr('facts.problemWords'), value: `“${withoutFeelings(s.problemText)}”` });
  // "退一赔十": the claim the buyer named, not "compensation / partial refund" (trial 7 s09).
  const wish = s.wants && c.claimAsked && CLAIM_WISHES.has(s.wants) ? `wants.claim.${c.claimAsked}` : `wants.${s.wants}`;
  // A resolved case says what solved it, as the buyer reported it; a different wish before that is history.
  const solved = c.phase === 'closed' ? c.timeline.find((x) => x.type === 'resolved' && (WANTS as readonly string[]).includes(x.note))?.note : undefined;
  const earlier = solved !== undefined && s.wants !== null && s.wants !== solved;
  // A wish outside the six is the buyer's words, as the letters write it (trial 11 F28).
  rows.push({ label: tr(earlier ? 'facts.earlierWants' : 'facts.wants'), value: s.wants ? tr(wish) : s.wishText ?? notGiven });
  const settled = settledSum(c.timeline);
  if (settled) rows.push({ label: tr(settled.ruled ? 'facts.ruledSum' : 'facts.agreedSum'), value: money(locale, settled.sum, s.currency) });
  if (solved) rows.push({ label: tr('facts.solvedBy'), value: tr(`solvedBy.${solved}`) });
  const stage = c.phase === 'following' ? c.rung : c.phase === 'closed' ? c.outcome : 'collecting';
  rows.push({ label: tr('facts.stage'), value: tr(`stage.${stage}`) });
  return rows;
}

/** Index of the last element matching `test`, or -1 (Array#findLastIndex is ES2023; the build targets lower). */
function lastIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i -= 1) if (test(items[i]!)) return i;
  return -1;
}

/**
 * The instant an entry happened: when the buyer said when, that; else when it was told. A reminder
 * is the bot's own act, at the time it was sent (its `happenedAt` is the deadline it was about).
 */
function happened(e: TimelineEntry): string {
  return e.type === 'nudged' ? e.at : e.happenedAt ?? e.at;
}

/** An appraisal entry's result ("经第三方鉴定机构鉴定为非正品"). */
function appraisalDetail(locale: Locale, e: TimelineEntry): string {
  const { by, verdict, oral } = appraisalOf([e])!;
  if (oral) return t(locale, `casefile.timeline.appraisalOral.${oral}`, { by: t(locale, `drafts.appraisal.outlet.${by}`), said: t(locale, `drafts.appraisal.said.${verdict}`) });
  return t(locale, `casefile.timeline.appraisal.${verdict}`, { by: t(locale, `drafts.appraisal.by.${by}`) });
}

/** A localised variant keyed by the entry's machine note (a draft kind, a reminder reason), if there is one. */
function eventText(locale: Locale, e: TimelineEntry): string {
  const variant = {
    draft_sent: 'draft', nudged: 'nudge', escalated: 'escalation', private_deal_offered: 'offPlatform', seller_counter_offer: 'counterOffer',
  }[e.type as string];
  const key = variant && e.note ? `casefile.timeline.${variant}.${e.note}` : null;
  return key && has(locale, key) ? t(locale, key) : t(locale, `casefile.timeline.event.${e.type}`);
}

/**
 * The index of the timeline entry the pending promise reminder belongs to: the latest promise,
 * unless a stall came after it (a stalling seller gets the bot's own deadline under the same
 * reminder). -1 when none.
 */
function promiseEntry(c: Case): number {
  if (!c.reminders.some((r) => r.reason === 'seller_promise')) return -1;
  const lastPromise = lastIndex(c.timeline, (e) => e.type === 'seller_promise');
  const lastStall = lastIndex(c.timeline, (e) => e.type === 'seller_stalled');
  return lastPromise > lastStall ? lastPromise : -1;
}

/** Open deadlines, except the promise's, which its timeline entry already shows. */
function deadlines(c: Case, locale: Locale, when: (iso: string) => string): CaseFileContent['deadlines'] {
  const shown = promiseEntry(c) >= 0 ? 'seller_promise' : null;
  const entries = [...c.reminders]
    .filter((r) => r.reason !== shown)
    .sort((a, b) => a.deadline.localeCompare(b.deadline))
    .map((r) => ({ when: when(r.deadline), text: t(locale, `casefile.deadlines.reason.${r.reason}`), details: [] }));
  return entries.length ? { heading: t(locale, 'casefile.deadlines.heading'), entries } : null;
}

/** The sum an agreement or a ruling for the buyer named, or null. */
function sumOf(e: TimelineEntry): number | null {
  return e.type === 'seller_agreed' || e.type === 'platform_ruled_buyer' ? noteSum(e.note)?.sum ?? null : null;
}

/** The buyer sent the goods back, with the return tracking number when only one was ever given (a later one corrected it). */
function returnSentText(c: Case, locale: Locale): string {
  const given = c.timeline.filter((e) => e.type === 'amended' && e.note === 'returnTrackingNo').length;
  const no = c.slots.returnTrackingNo;
  return no && given === 1 ? t(locale, 'casefile.timeline.returnSentNo', { trackingNo: no }) : t(locale, 'casefile.timeline.returnSent');
}

/** A `happenedAt` that names a day only (YYYY-MM-DD). */
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function timeline(c: Case, locale: Locale, when: (iso: string) => string, timezone: string): Entry[] {
  const tr = (key: string, vars?: Record<string, string>) => t(locale, `casefile.timeline.${key}`, vars);
  // The pending promise reminder belongs to the latest promise, unless a stall came after it
  // (a stalling seller gets the bot's own deadline under the same reminder).
  const promiseWithDeadline = promiseEntry(c);
  const promiseReminder = c.reminders.find((r) => r.reason === 'seller_promise');
  // The first return tracking number given is the buyer sending the goods back, not a correction.
  const returnSent = c.timeline.findIndex((e) => e.type === 'amended' && e.note === 'returnTrackingNo');

  const order = c.timeline.map((e, i) => ({ e, i })).sort((a, b) => Date.parse(happened(a.e)) - Date.parse(happened(b.e)) || a.i - b.i);
  // The same words of the seller recorded twice (a promise that is also a stall) are one event.
  const quoted = new Set<string>();
  // A promise is also a wait: the message that gave it is the promise, not also a stall (as in the letters).
  const promisedAt = new Set(c.timeline.filter((e) => e.type === 'seller_promise').map((e) => e.at));
  // "建议下一步申请平台介入，并提供了申请文本" already says the draft was given: not again at the same minute.
  const escalatedAt = new Set(c.timeline.filter((e) => e.type === 'escalated').map((e) => `${e.at}|${e.note}`));
  const distinct = order.filter(({ e }) => {
    if (e.type === 'seller_stalled' && promisedAt.has(e.at)) return false;
    if (e.type === 'draft_sent' && escalatedAt.has(`${e.at}|${e.note}`)) return false;
    if (!e.quote || !e.type.startsWith('seller_')) return true;
    if (quoted.has(e.quote)) return false;
    quoted.add(e.quote);
    return true;
  });
  return distinct.map(({ e, i }) => {
    const details: string[] = [];
    // The buyer's own statement: their words, never shown as a quote of the seller's.
    if (e.type === 'buyer_rebuttal' && e.note === 'stated') details.push(e.quote ?? '');
    else if (e.quote) details.push(tr('quote', { quote: e.quote }));
    // A counter-offer's words are its offer, not its reason; with the condition, the courier blamed and the buyer's no.
    else if (e.type === 'seller_counter_offer') details.push(...counterOfferDetails(locale, e));
    else if (e.reason) details.push(tr('reason', { reason: e.reason }));
    // What the buyer said against the seller's blame, as the letters say it.
    else if (e.type === 'buyer_rebuttal') details.push(rebuttalStatement(locale, parseRebuttalNote(e.note)));
    // Who appraised and what it found, as the letters say it.
    else if (e.type === 'appraised') details.push(appraisalDetail(locale, e));
    // The sum agreed or ruled, as the buyer told it: what came back is held against it.
    const sum = e.type === 'seller_agreed' || e.type === 'platform_ruled_buyer' ? noteSum(e.note) : null;
    if (sum) details.push(tr('sum', { amount: money(locale, sum.sum, c.slots.currency) }));
    // Off-platform money the buyer took: on the record as taken, with its sum when told.
    const taken = e.type === 'private_deal_offered' ? privateReceived(e.note) : null;
    if (taken) details.push(taken.sum === null ? tr('taken') : tr('takenSum', { amount: money(locale, taken.sum, c.slots.currency) }));
    // The seller's words the buyer quoted with a promise, recorded under the same message as a wait.
    if (e.type === 'seller_promise' && !e.quote) {
      const said = c.timeline.find((x) => x.type === 'seller_stalled' && x.at === e.at && x.quote);
      if (said) details.push(tr('quote', { quote: said.quote! }));
    }
    // A promise reads as what was promised by when: its recorded deadline, else the pending reminder's.
    const promisedBy = e.type === 'seller_promise' ? e.deadline ?? (i === promiseWithDeadline ? promiseReminder!.deadline : null) : null;
    if (e.happenedAt && e.happenedAt !== e.at && e.type !== 'nudged') details.push(tr('toldAt', { at: when(e.at) }));
    // Told as a day ("前天说两天内"): the time of day is unknown, so the deadline is a day too.
    // A rough time ("大概7天", note ' approx') is "about" a day, as in the letters.
    const [kind, ...rest] = e.note.split(' ');
    const approx = e.type === 'seller_promise' && rest.includes('approx');
    const day = promisedBy && (approx || (e.happenedAt && DAY.test(e.happenedAt))) ? formatDay(localDay(new Date(promisedBy), timezone), locale) : promisedBy ? when(promisedBy) : '';
    const by = approx ? tr('aboutDeadline', { deadline: day }) : day;
    const text = promisedBy ? tr(`promiseBy.${promiseKind(kind!)}`, { deadline: by })
      : i === returnSent ? returnSentText(c, locale)
      // A refund short of the price paid, with no sum agreed: not "less than agreed".
      : e.type === 'refund_short' && e.note.endsWith(' paid') ? tr('event.refund_short_paid')
      : e.type === 'refund_short' && e.note.endsWith(' stated') ? tr('event.refund_short_stated')
      // An agreement or ruling that named its sum says it (the letters do too).
      : sumOf(e) !== null ? tr(`event.${e.type}_sum`, { amount: money(locale, sumOf(e)!, c.slots.currency) })
      : eventText(locale, e);
    // A day the buyer named ("昨天签收了") is a day: no time of day is invented (as in the letters).
    const at = happened(e);
    return { when: DAY.test(at) ? formatDay(at, locale) : when(at), text, details };
  });
}

/**
 * What a counter-offer's entry says under it: the offer as the buyer reported it (quoted when it
 * speaks to the buyer as "你"), its condition, the courier the seller blamed, the buyer's refusal.
 */
function counterOfferDetails(locale: Locale, e: TimelineEntry): string[] {
  const tr = (key: string, vars?: Record<string, string>) => t(locale, `casefile.timeline.${key}`, vars);
  const notes = e.note.split(' ');
  const details: string[] = [];
  const conditional = parseOfferNote(e.note);
  // An offer with no condition keeps the buyer's own words below.
  if (conditional?.conditions.length) {
    const conditions = conditional.conditions.map((x) => t(locale, `drafts.timeline.offerCondition.${x}`)).join(t(locale, 'drafts.timeline.offerConditionAnd'));
    const give = tr(`offerGive.${conditional.give ?? 'refund'}`);
    details.push(tr('offerConditional', { conditions, give, amount: moneyText(locale, conditional.amount, conditional.currency, (n) => money(locale, n)) }));
  } else if (e.reason) {
    details.push(tr(/[你您]/.test(e.reason) ? 'offerQuoted' : 'offer', { offer: e.reason.replace(/[“”"]/g, '') }));
  }
  // A note of 'withdraw' alone has its own heading, which says the condition.
  if (notes.includes('withdraw') && e.note !== 'withdraw') {
    const what = notes.includes('complaint') ? 'complaint' : notes.includes('request') ? 'request' : 'either';
    details.push(tr('offerCondition', { condition: t(locale, `drafts.timeline.withdraw.${what}`) }));
  }
  // The reason given beside the offer, in the buyer's words; else, if the courier was blamed, that it was.
  if (e.because) details.push(tr('offerReason', { reason: e.because.replace(/[“”"]/g, '') }));
  else if (notes.includes('blames_courier')) details.push(tr('blamesCourier'));
  if (notes.includes('refused')) details.push(tr('offerRefused'));
  return details;
}

/** The case's checklist as the chat gave it (food, not shipped yet, virtual goods), or null before the problem is known. */
function caseItems(c: Case, locale: Locale) {
  return c.slots.problem ? checklistFor(c.slots.problem, locale, { food: c.food, shipped: c.slots.shipped ?? null, virtual: c.virtual === true, alsoShort: saysPartMissing(c.slots.problemText), takeaway: isTakeaway(c.slots) }).items : null;
}

/** The wording of a checklist item by id, for the case's problem where it has its own. */
function itemLabel(c: Case, locale: Locale, id: string): string | null {
  const own = caseItems(c, locale)?.find((i) => i.id === id)?.text;
  if (own) return own;
  const key = `knowledge.checklist.items.${id}.text`;
  return has(locale, key) ? t(locale, key) : null;
}

function evidence(c: Case, locale: Locale, when: (iso: string) => string, summaryOnly: boolean): CaseFileContent['evidence'] {
  const tr = (key: string, vars?: Record<string, string | number>) => t(locale, `casefile.evidence.${key}`, vars);
  // A summary kept no evidence log: "none recorded" and a list of what is missing would not be true.
  if (summaryOnly) return { heading: tr('heading'), summary: tr('notKept'), entries: [], missingHeading: null, missing: [], originals: null };
  const entries = c.evidence.map((ev) => {
    const label = ev.item ? itemLabel(c, locale, ev.item) : null;
    return {
      when: when(ev.at),
      text: `${tr(`kind.${ev.kind}`)} · ${ev.caption || tr('noCaption')}`,
      details: [label ? tr('covers', { item: label }) : tr('coversNone')],
    };
  });
  const have = new Set(c.evidence.map((e) => e.item));
  const missing = (caseItems(c, locale) ?? []).filter((i) => !have.has(i.id)).map((i) => i.text);
  const media = c.evidence.some((e) => e.kind === 'photo' || e.kind === 'video');
  return {
    heading: tr('heading'),
    summary: c.evidence.length ? tr('count', { count: c.evidence.length }) : tr('none'),
    entries,
    missingHeading: c.slots.problem ? (missing.length ? tr('missingHeading') : tr('complete')) : null,
    missing,
    originals: media ? tr('originals') : null,
  };
}

/**
 * The latest draft for the case's rung (else the latest of any kind), written again as it was
 * handed over: with the record as it stood then and that moment as "now", so its dates and
 * reply deadline are the ones the buyer sent.
 */
function latestDraft(c: Case, opts: CaseFileOptions): { at: string; draft: Draft } | null {
  const isDraft = (e: TimelineEntry) => e.type === 'draft_sent' && (DRAFT_KINDS as readonly string[]).includes(e.note);
  // A closed case keeps no rung: its latest letter of any kind is the one it ended with.
  const rungKinds: readonly string[] = c.phase === 'closed' ? DRAFT_KINDS : RUNG_DRAFTS[c.phase === 'following' ? c.rung : 'seller'];
  let index = lastIndex(c.timeline, (e) => isDraft(e) && rungKinds.includes(e.note));
  if (index < 0) index = lastIndex(c.timeline, isDraft);
  if (index < 0) return null;
  const entry = c.timeline[index]!;
  const kind = entry.note as DraftKind;
  const before = c.timeline.slice(0, index);
  const sellerBefore = before.filter((e) => e.type === 'draft_sent' && SELLER_DRAFTS.includes(e.note)).length;
  const draft = writeDraft(kind, {
    locale: opts.locale,
    slots: c.slots,
    evidence: c.evidence.filter((e) => Date.parse(e.at) <= Date.parse(entry.at)),
    timeline: before,
    now: new Date(entry.at),
    timezone: opts.timezone,
    sellerAttempt: SELLER_DRAFTS.includes(kind) ? sellerBefore + 1 : sellerBefore,
    openedAt: c.openedAt,
    food: c.food,
    virtual: c.virtual === true,
    claimAsked: c.claimAsked ?? null,
    claimSum: c.claimSum ?? null,
    ...partialRefundTerms(c),
  });
  return { at: entry.at, draft };
}

/**
 * The articles the draft cites; without a draft that cites one, the articles that fit the case.
 * None against a private seller (闲鱼 C2C): the consumer law binds businesses (DOMAIN.md), as the letters say.
 */
function law(c: Case, locale: Locale, draft: Draft | null): CaseFileContent['law'] {
  const fitting: LawRef[] = lawFor(c.slots.problem, c.slots.wants, {
    locale, food: c.food, claimAsked: c.claimAsked ?? null, privateSeller: isPrivateSeller(c.slots),
  });
  const cited = draft ? fitting.filter((l) => draft.body.includes(l.cite) || draft.body.includes(l.title)) : [];
  const articles = cited.length ? cited : fitting;
  if (articles.length === 0) return null;
  return {
    heading: t(locale, 'casefile.law.heading'),
    intro: t(locale, cited.length ? 'casefile.law.cited' : 'casefile.law.relevant'),
    articles: articles.map((l) => ({ title: l.title, text: l.summary })),
  };
}
