/**
 * Sentences shared by several drafts: money, the problem in the buyer's words, the wanted
 * outcome, the evidence summary, and the seller history from the case timeline.
 */
import { t } from '../i18n/index.ts';
import type { EvidenceItem, Locale, Slots, TimelineEntry } from '../domain/index.ts';
import { addHours, formatDateTime, formatDay, noReasonWindow, outOfQuietHours } from '../time/deadlines.ts';
import type { DraftFacts } from './types.ts';

/** "129.90 元" / "¥129.90"; whole amounts without decimals. */
export function money(locale: Locale, amount: number): string {
  const rounded = Math.round(amount * 100) / 100;
  const text = Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(2);
  return t(locale, 'drafts.money', { amount: text });
}

/** Trims the buyer's text and drops trailing sentence punctuation (the template adds its own). */
export function clean(text: string, max = 200): string {
  let s = text.replace(/\s+/g, ' ').trim().replace(/[。．.！!？?，,；;、\s]+$/u, '');
  if (s.length > max) s = `${s.slice(0, max - 1)}…`;
  return s;
}

/**
 * The problem as the buyer put it (`slots.problemText`), else a neutral description of the
 * problem code. The buyer's own words are concrete and observable — what seed 003 asks for.
 */
export function problemPhrase(locale: Locale, slots: Slots): string {
  const own = slots.problemText ? withoutOrderId(slots.problemText, slots.orderId) : '';
  // Two characters is the shortest concrete complaint ("碎了"); less is noise left over.
  if (own.length >= 2) return own;
  const { amountPaid: paid, amountRefunded: refunded } = slots;
  if (slots.problem === 'refund_issue' && paid !== null && refunded !== null && paid > refunded) {
    return t(locale, 'drafts.problem.refundShort', {
      paid: money(locale, paid), refunded: money(locale, refunded), diff: money(locale, paid - refunded),
    });
  }
  return t(locale, `drafts.problem.${slots.problem ?? 'unknown'}`);
}

/**
 * The problem sentence of a letter (`<base>.<key>`), or `<base>.reason` for a change of mind:
 * a no-reason return is not a fault of the goods, and the letter must not say it is.
 */
export function problemLine(locale: Locale, base: string, key: string, slots: Slots): string {
  const problem = problemPhrase(locale, slots);
  return slots.problem === 'changed_mind' ? t(locale, `${base}.reason`, { problem }) : t(locale, `${base}.${key}`, { problem });
}

/**
 * The buyer often types the order number into the same message as the problem
 * ("订单号 123…，杯子碎了"). The drafts state the order number on its own line, so it is
 * taken out of the quoted words, with the "订单号" / "order number" words around it.
 */
const ORDER_LABEL = String.raw`(?:我的)?(?:订单号|订单编号|订单|order\s*(?:number|no\.?|#)?)\s*(?:是|为|is)?\s*[:：#]?\s*`;
/** A label ("订单号：", "order no.") right before an order number. Compiled once. */
const LABEL_BEFORE = new RegExp(`(?:${ORDER_LABEL})$`, 'iu');
const LEADING_PUNCTUATION = /^[\s,，。.;；:：、]+/u;
const SPACE = /\s/;

const sameChar = (a: string, b: string) => a === b || a.toLowerCase() === b.toLowerCase();

/**
 * The buyer's text without the order number (and its label). The extractor removes spaces
 * from order numbers; the buyer's text may still have them. A scan, not a pattern built per
 * order number: V8 compiles each new pattern to native code on its second use (≈0.2 ms).
 */
function withoutOrderId(text: string, orderId: string | null): string {
  let s = text;
  if (orderId) {
    let out = '';
    let last = 0;
    for (let i = 0; i < s.length; i++) {
      if (!sameChar(s[i]!, orderId[0]!)) continue;
      let j = i;
      let k = 0;
      while (j < s.length && k < orderId.length) {
        if (sameChar(s[j]!, orderId[k]!)) {
          j++;
          k++;
        } else if (k > 0 && SPACE.test(s[j]!)) j++;
        else break;
      }
      if (k < orderId.length) continue;
      const before = s.slice(last, i);
      const label = LABEL_BEFORE.exec(before.slice(-40));
      out += `${before.slice(0, before.length - (label ? label[0].length : 0))} `;
      last = j;
      i = j - 1;
    }
    s = out + s.slice(last);
  }
  return clean(s.replace(LEADING_PUNCTUATION, ''));
}

/** The wanted outcome as a verb phrase ("申请退款" / "a refund"), or null when unknown. */
export function wantsVerb(locale: Locale, slots: Slots): string | null {
  return slots.wants ? t(locale, `drafts.wants.verb.${slots.wants}`) : null;
}

/** The wanted outcome as a noun ("退款" / "a refund"), or null when unknown. */
export function wantsNoun(locale: Locale, slots: Slots): string | null {
  return slots.wants ? t(locale, `drafts.wants.noun.${slots.wants}`) : null;
}

const MAX_CAPTIONS = 8;

/**
 * What the buyer has collected, from the evidence captions: captions listed (deduplicated),
 * uncaptioned items counted by kind. `null` when nothing was collected yet.
 */
export function evidenceSummary(locale: Locale, evidence: readonly EvidenceItem[]): string | null {
  if (evidence.length === 0) return null;
  const named: string[] = [];
  const seen = new Set<string>();
  const unnamed: Record<EvidenceItem['kind'], number> = { photo: 0, video: 0, document: 0 };
  for (const item of evidence) {
    const caption = clean(item.caption, 40);
    if (!caption) {
      unnamed[item.kind] += 1;
      continue;
    }
    let label = caption;
    if (item.kind !== 'photo' && !/视频|录像|video|文件|报告|file|report|pdf/i.test(caption)) {
      label += t(locale, `drafts.evidence.kindSuffix.${item.kind}`);
    }
    if (seen.has(label)) continue;
    seen.add(label);
    if (named.length < MAX_CAPTIONS) named.push(label);
    else unnamed[item.kind] += 1;
  }
  for (const kind of ['photo', 'video', 'document'] as const) {
    if (unnamed[kind] > 0) named.push(t(locale, `drafts.evidence.count.${unnamed[kind] === 1 ? 'one' : 'many'}.${kind}`, { n: unnamed[kind] }));
  }
  return named.join(t(locale, 'drafts.sep'));
}

/** The courier tracking number, when the case has one (DOMAIN.md "useful extras"). */
export function trackingLine(facts: DraftFacts): string[] {
  const { locale, slots } = facts;
  return slots.trackingNo ? [t(locale, 'drafts.facts.tracking', { trackingNo: slots.trackingNo })] : [];
}

/** For a change of mind with a known receipt date: the 7-day window is still open (never claimed once closed). */
export function windowLine(facts: DraftFacts): string[] {
  const { locale, slots } = facts;
  const lines: string[] = [];
  if (slots.problem === 'changed_mind' && slots.receivedOn && /^\d{4}-\d{2}-\d{2}$/.test(slots.receivedOn)) {
    const w = noReasonWindow(slots.receivedOn, facts.timezone);
    if (facts.now.getTime() <= w.closesAt.getTime()) {
      lines.push(t(locale, 'drafts.facts.noReasonWindow', { lastDay: formatDay(w.lastDay, locale) }));
    }
  }
  return lines;
}

/**
 * A reply deadline `hours` from now, moved out of the night (22:00–08:00 in the buyer's
 * timezone): customer service reads messages by day, and a deadline at 02:00 reads as a trap.
 */
export function replyDeadline(facts: DraftFacts, hours: number): string {
  return formatDateTime(outOfQuietHours(addHours(facts.now, hours), facts.timezone), facts.timezone, facts.locale);
}

/** The seller's words from a timeline note, quoted; null when there is no note. */
function quoted(locale: Locale, note: string): string | null {
  const text = clean(note.replace(/^["“”'「」]+|["“”'「」]+$/g, ''), 80);
  return text ? t(locale, 'drafts.quote', { text }) : null;
}

/** Timeline entry types that mean "the buyer contacted the seller" when noted as such. */
function isSellerContact(entry: TimelineEntry): boolean {
  return entry.type === 'draft_sent' && /seller|compensation|refund_shortfall/.test(entry.note);
}

/** The buyer asked the platform to step in (a platform draft, or the move to the platform rung). */
function isPlatformStep(entry: TimelineEntry): boolean {
  return (entry.type === 'draft_sent' || entry.type === 'escalated') && /platform/.test(entry.note);
}

/** The instant the buyer first contacted the seller: the first seller draft handed over, else the case opening. */
export function firstContact(facts: DraftFacts): Date {
  const entry = facts.timeline.find(isSellerContact);
  return new Date(entry?.at ?? facts.openedAt);
}

/**
 * One line per timeline entry that tells the platform / regulator what happened, in time
 * order, dates in the buyer's timezone. Entries that are the bot's own bookkeeping
 * (opened, reminders about other things, resolved…) are left out.
 *
 * @param includePlatform also list "asked the platform to intervene" (for 12315 / payment)
 */
export function historyLines(facts: DraftFacts, includePlatform: boolean): string[] {
  const { locale, timezone } = facts;
  const lines: string[] = [];
  const sorted = [...facts.timeline].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  let contacted = false;
  // The move to the platform rung and its draft are one step: listed once.
  let platformListed = false;
  for (const entry of sorted) {
    const at = formatDateTime(new Date(entry.at), timezone, locale);
    const quote = quoted(locale, entry.note);
    switch (entry.type) {
      case 'draft_sent':
        if (isSellerContact(entry) && !contacted) {
          contacted = true;
          lines.push(t(locale, 'drafts.timeline.contacted', { at }));
        } else if (includePlatform && isPlatformStep(entry) && !platformListed) {
          platformListed = true;
          lines.push(t(locale, 'drafts.timeline.platform', { at }));
        }
        break;
      case 'escalated':
        // Escalations to 12315 / the payment channel are the draft being written, not history.
        if (includePlatform && isPlatformStep(entry) && !platformListed) {
          platformListed = true;
          lines.push(t(locale, 'drafts.timeline.platform', { at }));
        }
        break;
      case 'seller_promise':
      case 'seller_refused':
      case 'seller_stalled':
      case 'seller_needs_evidence':
      case 'seller_agreed':
        lines.push(
          quote
            ? t(locale, `drafts.timeline.${entry.type}`, { at, quote })
            : t(locale, `drafts.timeline.${entry.type}_plain`, { at }),
        );
        break;
      case 'private_deal_offered':
      case 'confirm_first_asked':
        lines.push(t(locale, `drafts.timeline.${entry.type}`, { at }));
        break;
      case 'nudged':
        // Only a reminder about the seller's own deadline is a fact about the seller; the
        // other reminders (7-day window, return tracking, refund arrival) are the buyer's.
        if (!entry.note || /seller|promise/.test(entry.note)) lines.push(t(locale, 'drafts.timeline.nudged', { at }));
        break;
      default:
        break;
    }
  }
  return lines;
}
