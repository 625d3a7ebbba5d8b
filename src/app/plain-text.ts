/**
 * A message for a channel without buttons (terminal, WeChat, the scripted chat): the
 * options are listed with numbers, and the engine takes a typed number or label as the
 * button press.
 */
import type { Outbound } from '../domain/index.ts';

export function plainText(m: Outbound): string {
  if (!m.options?.length) return m.text;
  return `${m.text}\n${m.options.map((o, i) => `${i + 1}. ${o.label}`).join('\n')}`;
}
