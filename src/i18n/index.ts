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

/**
 * A wording split at its placeholders: the text itself when it has none, otherwise
 * `[text, name, text, name, …, text]`. Split once per wording, not per message.
 */
type Template = string | string[];

interface Wording {
  /** The wording as one text (a list joined by newlines). */
  text: Template;
  /** A list's entries (a plain string: itself as one entry). */
  items: Template[];
}

let compiled: Map<Locale, Map<string, Wording>> | null = null;
/** The same wordings by namespace, then by the rest of the key (see `tIn`). */
let byNamespace: Map<Locale, Map<string, Map<string, Wording>>> | null = null;

function compile(source: string): Template {
  const parts = source.split(/\{(\w+)\}/);
  return parts.length === 1 ? source : parts;
}

/** Every locale's wordings, split at placeholders; a key missing in a locale falls back to zh-CN. */
function wordings(): Map<Locale, Map<string, Wording>> {
  if (compiled) return compiled;
  const all = new Map<Locale, Map<string, Wording>>();
  const fallback = catalog().get('zh-CN') ?? new Map<string, string | string[]>();
  for (const locale of LOCALES) {
    const own = catalog().get(locale) ?? new Map<string, string | string[]>();
    const into = new Map<string, Wording>();
    for (const [key, value] of [...fallback, ...own]) {
      const items = Array.isArray(value) ? value : [value];
      into.set(key, { text: compile(Array.isArray(value) ? value.join('\n') : value), items: items.map(compile) });
    }
    all.set(locale, into);
  }
  byNamespace = new Map();
  for (const [locale, into] of all) {
    const namespaces = new Map<string, Map<string, Wording>>();
    for (const [key, wording] of into) {
      const dot = key.indexOf('.');
      const ns = key.slice(0, dot);
      let rest = namespaces.get(ns);
      if (!rest) namespaces.set(ns, (rest = new Map()));
      rest.set(key.slice(dot + 1), wording);
    }
    byNamespace.set(locale, namespaces);
  }
  compiled = all;
  return all;
}

/** A placeholder without a value stays as written (`{name}`); a value is not searched again. */
function fill(template: Template, vars: Vars): string {
  if (typeof template === 'string') return template;
  let out = template[0]!;
  for (let i = 1; i < template.length; i += 2) {
    const name = template[i]!;
    out += (name in vars ? String(vars[name]) : `{${name}}`) + template[i + 1]!;
  }
  return out;
}

function lookup(locale: Locale, key: string): Wording {
  const value = wordings().get(locale)?.get(key);
  if (value === undefined) throw new Error(`i18n: missing key "${key}" (${locale})`);
  return value;
}

/** The message for `key` in `locale`, placeholders filled. A missing key is a bug and throws. */
export function t(locale: Locale, key: string, vars: Vars = {}): string {
  return fill(lookup(locale, key).text, vars);
}

/**
 * `t(locale, \`${namespace}.${key}\`, vars)`, without building the key: a key made for the
 * call is a new string, which the lookup must copy and hash (several times the cost of the
 * lookup itself); a literal `key` is hashed once per process.
 *
 * @example tIn('zh-CN', 'dialogue', 'ask.orderId') // t('zh-CN', 'dialogue.ask.orderId')
 */
export function tIn(locale: Locale, namespace: string, key: string, vars: Vars = {}): string {
  if (!byNamespace) wordings();
  const value = byNamespace!.get(locale)?.get(namespace)?.get(key);
  if (value === undefined) throw new Error(`i18n: missing key "${namespace}.${key}" (${locale})`);
  return fill(value.text, vars);
}

/** A list entry (e.g. checklist items), placeholders filled. */
export function list(locale: Locale, key: string, vars: Vars = {}): string[] {
  return lookup(locale, key).items.map((s) => fill(s, vars));
}

/** Whether `key` exists in `locale` (for optional wording). */
export function has(locale: Locale, key: string): boolean {
  return catalog().get(locale)?.has(key) ?? false;
}
