/** The short apology sent when a turn could not be processed (storage down, our bug). */
import { t } from '../i18n/index.ts';
import type { Locale, Outbound } from '../domain/index.ts';

export function apologyFor(kind: 'storage' | 'bug', locale: Locale | null): Outbound {
  return { kind: 'error', text: t(locale ?? 'zh-CN', `dialogue.apology.${kind}`) };
}
