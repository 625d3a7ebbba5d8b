/**
 * Every locale has exactly the same keys in every namespace file, and a key that is a list
 * in one locale is a list in all. Reads every file under locales/, including namespaces
 * added later by other parts of the app.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES_DIR } from '../src/i18n/index.ts';

type Shape = 'string' | 'list' | 'other';
type Tree = { [k: string]: unknown };

function flatten(tree: Tree, prefix = '', into = new Map<string, Shape>()): Map<string, Shape> {
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') into.set(key, 'string');
    else if (Array.isArray(v)) into.set(key, v.every((x) => typeof x === 'string') ? 'list' : 'other');
    else if (v && typeof v === 'object') flatten(v as Tree, key, into);
    else into.set(key, 'other');
  }
  return into;
}

const locales = readdirSync(LOCALES_DIR, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
const files = [...new Set(locales.flatMap((l) => readdirSync(join(LOCALES_DIR, l)).filter((f) => f.endsWith('.json'))))].sort();

function load(locale: string, file: string): Map<string, Shape> | null {
  try {
    return flatten(JSON.parse(readFileSync(join(LOCALES_DIR, locale, file), 'utf8')) as Tree);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

describe('locales', () => {
  it('has at least zh-CN and en', () => {
    expect(locales).toEqual(expect.arrayContaining(['zh-CN', 'en']));
  });

  describe.each(files)('%s', (file) => {
    const maps = Object.fromEntries(locales.map((l) => [l, load(l, file)]));

    it('exists and parses in every locale', () => {
      for (const l of locales) expect(maps[l], `${l}/${file}`).not.toBeNull();
    });

    it('has the same keys in every locale', () => {
      const all = new Set(locales.flatMap((l) => [...(maps[l]?.keys() ?? [])]));
      for (const l of locales) {
        const missing = [...all].filter((k) => !maps[l]?.has(k));
        expect(missing, `${l}/${file} is missing`).toEqual([]);
      }
    });

    it('uses only strings and lists of strings, with the same shape in every locale', () => {
      const [first, ...rest] = locales;
      for (const [key, shape] of maps[first!] ?? []) {
        expect(shape, `${first}/${file}: ${key}`).not.toBe('other');
        for (const l of rest) {
          const other = maps[l]?.get(key);
          if (other !== undefined) expect(other, `${l}/${file}: ${key}`).toBe(shape);
        }
      }
    });
  });
});

describe('locale placeholders', () => {
  // A translation that drops or renames a {variable} silently prints "{name}" to the buyer.
  const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  function values(locale: string, file: string): Map<string, string> {
    const out = new Map<string, string>();
    const walk = (tree: Tree, prefix: string) => {
      for (const [k, v] of Object.entries(tree)) {
        const key = prefix ? `${prefix}.${k}` : k;
        if (typeof v === 'string') out.set(key, v);
        else if (Array.isArray(v)) out.set(key, v.join('\n'));
        else if (v && typeof v === 'object') walk(v as Tree, key);
      }
    };
    walk(JSON.parse(readFileSync(join(LOCALES_DIR, locale, file), 'utf8')) as Tree, '');
    return out;
  }

  it.each(files)('%s uses the same {variables} in every locale', (file) => {
    const [first, ...rest] = locales;
    const base = values(first!, file);
    for (const l of rest) {
      const other = values(l, file);
      for (const [key, text] of base) {
        const translated = other.get(key);
        if (translated === undefined) continue;
        expect(new Set(vars(translated)), `${l}/${file}: ${key}`).toEqual(new Set(vars(text)));
      }
    }
  });
});
