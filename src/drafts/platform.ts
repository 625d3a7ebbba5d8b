/**
 * The intervention request to the platform (DOMAIN.md "Message templates", seed 000 / 003):
 * order number, what the seller said or did and when (from the timeline only), the evidence
 * logged or what the buyer can add, and a request to intervene under the platform's rules —
 * using the platform's own name for intervention.
 */
import { t } from '../i18n/index.ts';
import { lawFor } from '../knowledge/law.ts';
import { platformGuide } from '../knowledge/platforms.ts';
import {
  claimOf, claimSentence, evidenceSentence, hasSellerHistory, historyLines, isPrivateSeller, lawOptions, priceDropReceived, problemLine, trackingLine, wantsNoun,
  returnAfterRuling, returnLines, windowLine, windowNotes, wishExtras,
} from './parts.ts';
import type { DraftFacts, DraftPart } from './types.ts';

/** Intervention request to the platform, with the seller history in time order. */
export function platformDraft(facts: DraftFacts): DraftPart {
  const { locale, slots } = facts;
  const k = 'drafts.platform';
  const guide = platformGuide(slots.platform, locale, slots.platformName);
  const lines: string[] = [];
  lines.push(slots.orderId ? t(locale, `${k}.opening`, { orderId: slots.orderId }) : t(locale, `${k}.openingNoOrder`));
  lines.push(...trackingLine(facts));
  lines.push(problemLine(facts, k, 'problem'));
  lines.push(...priceDropReceived(facts));
  lines.push(...windowLine(facts));
  const claim = claimOf(facts);
  const wants = wantsNoun(locale, slots, facts);
  if (claim) lines.push(claimSentence(locale, claim));
  else if (wants) lines.push(t(locale, `${k}.wants`, { wants: wants + wishExtras(facts) }));
  const history = historyLines(facts, true);
  if (history.length) {
    lines.push(t(locale, `${k}.historyHeading`));
    lines.push(...history.map((l, i) => `${i + 1}. ${l}`));
  }
  lines.push(...returnLines(facts, history.length > 0));
  for (const law of lawFor(slots.problem, slots.wants, lawOptions(facts))) {
    if (law.id === 'ecl_20') lines.push(law.cite);
  }
  // After a ruling against the buyer, the new evidence they named since (engine ruling-appeal.ts), in their words.
  const ruling = facts.timeline.filter((e) => e.type === 'platform_ruled_seller').at(-1);
  const added = ruling ? facts.timeline.filter((e) => e.type === 'evidence_logged' && e.note === 'described' && e.reason && e.at >= ruling.at) : [];
  if (added.length) lines.push(t(locale, `${k}.newEvidence`, { evidence: added.map((e) => e.reason).join(t(locale, 'drafts.sep')) }));
  lines.push(evidenceSentence(facts, `${k}.evidence`));
  const lead = hasSellerHistory(facts.timeline) ? t(locale, `${k}.unresolved`) : '';
  const label = guide.interventionLabel;
  // After a ruling against the buyer, the next step on this rung is a review (复议, seed 000).
  const ruledAgainst = ruling !== undefined;
  // Ruled for the buyer, goods sent back, refund not paid: the platform is asked to enforce its ruling.
  const missing = facts.timeline.at(-1)?.type === 'refund_missing' ? facts.timeline.at(-1) : undefined;
  const unexecuted = !ruledAgainst && missing !== undefined && returnAfterRuling(facts.timeline, missing) !== undefined;
  lines.push(
    unexecuted
      ? t(locale, `${k}.requestEnforce`)
      : ruledAgainst
      ? t(locale, `${k}.requestAppeal`, { lead })
      : claim || (!slots.wants && wants)
      ? t(locale, `${k}.requestClaim`, { lead, label })
      : wants
        ? t(locale, `${k}.request`, { lead, label, wants })
        : t(locale, `${k}.requestNoWants`, { lead, label }),
  );
  // A platform without its own guide may label the button differently: say "look for".
  const title = unexecuted
    ? t(locale, `${k}.titleEnforce`, { platform: guide.key !== 'generic' ? guide.name : t(locale, `${k}.thePlatform`) })
    : added.length
    ? t(locale, `${k}.titleAppeal`, { platform: guide.key !== 'generic' ? guide.name : t(locale, `${k}.thePlatform`) })
    : guide.key !== 'generic'
    ? t(locale, `${k}.title`, { platform: guide.name, label })
    : t(locale, `${k}.titleGeneric`, { label });
  return { to: 'platform', kind: 'platform', title, body: lines.join('\n'), notes: [...windowNotes(facts), ...(isPrivateSeller(slots) ? [t(locale, 'drafts.notes.privateSeller')] : [])] };
}
