/**
 * Plain text as typed in a terminal or a chat without native commands (WeChat): a
 * leading "/" makes it a command ("/lang en" → command lang, arg "en").
 */
import type { Inbound } from '../domain/index.ts';

const COMMAND = /^\/([a-z_]{1,32})(?:@\w+)?(?:\s+([\s\S]*))?$/i;

export function textToInbound(text: string): Inbound {
  const m = COMMAND.exec(text.trim());
  if (m) return { type: 'command', command: m[1]!.toLowerCase(), arg: (m[2] ?? '').trim() };
  return { type: 'text', text };
}
