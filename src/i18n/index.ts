/**
 * All wording lives in `locales/<locale>/<namespace>.json`. A key is
 * `namespace.path.to.entry`; values are strings (with `{name}` placeholders) or
 * lists of strings.
 *
 * @example t('zh-CN', 'dialogue.ask.orderId') // "请发一下订单号…"
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOCALES, type Locale } from '../domain/index.ts';

type Tree = { [k: string]: string | string[] | Tree };

export const LOCALES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'locales');

let cache: Map<Locale, Map<string, string | string[]>> | null = null;

function flatten(tree: Tree, prefix: string, into: Map<string, string | string[]>): void {
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string' || Array.isArray(v)) into.set(key, v);
    else flatten(v, key, into);
  }
}

/** Every locale's flattened key → value map (loaded once, lazily). */
export function catalog(): Map<Locale, Map<string, string | string[]>> {
  if (cache) return cache;
  const all = new Map<Locale, Map<string, string | string[]>>();
  for (const locale of LOCALES) {
    const flat = new Map<string, string | string[]>();
    const dir = join(LOCALES_DIR, locale);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
      const ns = file.slice(0, -'.json'.length);
      flatten(JSON.parse(readFileSync(join(dir, file), 'utf8')) as Tree, ns, flat);
    }
    all.set(locale, flat);
  }
  cache = all;
  return all;
}

export type Vars = Record<string, string | number>;

function fill(template: string, vars: Vars): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

function lookup(locale: Locale, key: string): string | string[] {
  const value = catalog().get(locale)?.get(key) ?? catalog().get('zh-CN')?.get(key);
  if (value === undefined) throw new Error(`i18n: missing key "${key}" (${locale})`);
  return value;
}

/** The message for `key` in `locale`, placeholders filled. A missing key is a bug and throws. */
export function t(locale: Locale, key: string, vars: Vars = {}): string {
  const value = lookup(locale, key);
  return fill(Array.isArray(value) ? value.join('\n') : value, vars);
}

/** A list entry (e.g. checklist items), placeholders filled. */
export function list(locale: Locale, key: string, vars: Vars = {}): string[] {
  const value = lookup(locale, key);
  return (Array.isArray(value) ? value : [value]).map((s) => fill(s, vars));
}

/** Whether `key` exists in `locale` (for optional wording). */
export function has(locale: Locale, key: string): boolean {
  return catalog().get(locale)?.has(key) ?? false;
}
