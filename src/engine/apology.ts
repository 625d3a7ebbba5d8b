/** The short apology sent when a turn could not be processed (storage down, our bug). */
import { t } from '../i18n.ts';
import type { Locale, Outbound } from './types.ts';

export function apologyFor(kind: 'storage' | 'bug', locale: Locale | null): Outbound {
  return { kind: 'error', text: t(locale ?? 'zh-CN', `dialogue.apology.${kind}`) };
}
