/**
 * A strict checker for Telegram's HTML parse mode (https://core.telegram.org/bots/api#html-style):
 * only the supported tags and attributes, properly nested and closed, no raw `<`, `>` or `&`
 * outside tags and entities, nothing nested inside `code`/`pre` except `<code>` in `<pre>`,
 * and at most 4096 characters after parsing.
 */

const TAGS: Record<string, (attrs: Record<string, string>) => boolean> = {
  b: none, strong: none, i: none, em: none, u: none, ins: none, s: none, strike: none, del: none,
  'tg-spoiler': none,
  span: (a) => keys(a, ['class']) && a.class === 'tg-spoiler',
  a: (a) => keys(a, ['href']) && a.href !== undefined && a.href !== '',
  'tg-emoji': (a) => keys(a, ['emoji-id']) && /^\d+$/.test(a['emoji-id'] ?? ''),
  code: (a) => keys(a, ['class']) && (a.class === undefined || /^language-[\w+-]+$/.test(a.class)),
  pre: none,
  blockquote: (a) => keys(a, ['expandable']),
};

function none(a: Record<string, string>): boolean {
  return Object.keys(a).length === 0;
}
function keys(a: Record<string, string>, allowed: string[]): boolean {
  return Object.keys(a).every((k) => allowed.includes(k));
}

const ENTITY = /^&(?:lt|gt|amp|quot|#\d{1,7}|#x[0-9a-fA-F]{1,6});/;
const TAG = /^<(\/?)([a-z][a-z-]*)((?:\s+[a-z-]+(?:="[^"<>]*")?)*)\s*>/;

function unescape(entity: string): string {
  switch (entity) {
    case '&lt;': return '<';
    case '&gt;': return '>';
    case '&amp;': return '&';
    case '&quot;': return '"';
    default: {
      const hex = entity.startsWith('&#x');
      return String.fromCodePoint(parseInt(entity.slice(hex ? 3 : 2, -1), hex ? 16 : 10));
    }
  }
}

/** Everything wrong with `html` as a Telegram HTML message; empty when it is valid. Also returns the plain text. */
export function checkTelegramHtml(html: string): { problems: string[]; plain: string } {
  const problems: string[] = [];
  const stack: string[] = [];
  let plain = '';
  let i = 0;
  while (i < html.length) {
    const c = html[i]!;
    const rest = html.slice(i);
    if (c === '<') {
      const m = TAG.exec(rest);
      if (!m) {
        problems.push(`raw "<" at ${i}: ${JSON.stringify(rest.slice(0, 20))}`);
        i += 1;
        continue;
      }
      const [whole, closing, name, attrText] = m as unknown as [string, string, string, string];
      const check = TAGS[name];
      if (!check) problems.push(`unsupported tag <${name}> at ${i}`);
      if (closing) {
        if (attrText.trim()) problems.push(`closing tag with attributes at ${i}`);
        const open = stack.pop();
        if (open !== name) problems.push(`</${name}> at ${i} closes <${open ?? 'nothing'}>`);
      } else {
        const attrs: Record<string, string> = {};
        for (const am of attrText.matchAll(/([a-z-]+)(?:="([^"]*)")?/g)) attrs[am[1]!] = am[2] ?? '';
        if (check && !check(attrs)) problems.push(`bad attributes on <${name}> at ${i}: ${attrText.trim()}`);
        const parent = stack[stack.length - 1];
        if (parent === 'code' || (parent === 'pre' && name !== 'code')) {
          problems.push(`<${name}> nested inside <${parent}> at ${i}`);
        }
        stack.push(name);
      }
      i += whole.length;
    } else if (c === '&') {
      const m = ENTITY.exec(rest);
      if (!m) {
        problems.push(`raw "&" at ${i}: ${JSON.stringify(rest.slice(0, 12))}`);
        plain += '&';
        i += 1;
        continue;
      }
      plain += unescape(m[0]);
      i += m[0].length;
    } else if (c === '>') {
      problems.push(`raw ">" at ${i}`);
      plain += '>';
      i += 1;
    } else {
      plain += c;
      i += 1;
    }
  }
  if (stack.length > 0) problems.push(`unclosed tags: ${stack.join(', ')}`);
  if (plain.trim() === '') problems.push('empty message text');
  if (plain.length > 4096) problems.push(`too long after parsing: ${plain.length} > 4096`);
  return { problems, plain };
}

/** Throws with the list of problems unless `html` is valid Telegram HTML. */
export function assertTelegramHtml(html: string): void {
  const { problems } = checkTelegramHtml(html);
  if (problems.length > 0) throw new Error(`invalid Telegram HTML:\n- ${problems.join('\n- ')}\nin: ${html}`);
}
