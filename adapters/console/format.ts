/**
 * How a bot message looks in a terminal. Drafts are framed so the part to copy is clear.
 */
import { plainText } from '../../src/app/plain-text.ts';
import type { Outbound } from '../../src/domain/index.ts';

const RULE = '─'.repeat(40);

export function formatForTerminal(m: Outbound): string {
  if (m.kind === 'draft' && m.body) {
    const head = m.text.slice(0, Math.max(0, m.text.length - m.body.length)).trim();
    return `${head}\n${RULE}\n${m.body}\n${RULE}`;
  }
  return plainText(m);
}
