/**
 * The intervention request to the platform (DOMAIN.md "Message templates", seed 000 / 003):
 * order number, what the seller said or failed to do and when, the evidence, and a request to
 * intervene under the platform's rules — using the platform's own name for intervention.
 */
import { t } from '../i18n/index.ts';
import { platformGuide } from '../knowledge/platforms.ts';
import { evidenceSummary, historyLines, problemLine, problemPhrase, trackingLine, wantsNoun, windowLine } from './parts.ts';
import type { Draft, DraftFacts } from './types.ts';

/** Intervention request to the platform, with the seller history in time order. */
export function platformDraft(facts: DraftFacts): Draft {
  const { locale, slots } = facts;
  const k = 'drafts.platform';
  const guide = platformGuide(slots.platform, locale);
  const lines: string[] = [];
  lines.push(slots.orderId ? t(locale, `${k}.opening`, { orderId: slots.orderId }) : t(locale, `${k}.openingNoOrder`));
  lines.push(...trackingLine(facts));
  lines.push(problemLine(locale, k, 'problem', slots));
  lines.push(...windowLine(facts));
  const wants = wantsNoun(locale, slots);
  if (wants) lines.push(t(locale, `${k}.wants`, { wants }));
  lines.push(t(locale, `${k}.historyHeading`));
  const history = historyLines(facts, false);
  if (history.length === 0) lines.push(t(locale, 'drafts.timeline.noSellerHistory'));
  else lines.push(...history.map((l, i) => `${i + 1}. ${l}`));
  const items = evidenceSummary(locale, facts.evidence);
  lines.push(items ? t(locale, `${k}.evidence`, { items }) : t(locale, `${k}.evidenceNone`));
  lines.push(
    wants
      ? t(locale, `${k}.request`, { label: guide.interventionLabel, wants })
      : t(locale, `${k}.requestNoWants`, { label: guide.interventionLabel }),
  );
  // A platform without its own guide may label the button differently: say "look for".
  const title = guide.key !== 'generic'
    ? t(locale, `${k}.title`, { platform: guide.name, label: guide.interventionLabel })
    : t(locale, `${k}.titleGeneric`, { label: guide.interventionLabel });
  return { to: 'platform', kind: 'platform', title, body: lines.join('\n'), notes: [] };
}
