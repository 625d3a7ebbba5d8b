/**
 * The trained classifier beside the rules: problem, wants and the seller's reply, each a
 * multinomial logistic regression over `features.ts`. Weights live in `weights.json`
 * (written by `npm run train:nlu`, versioned with the code) and are loaded once, on first use.
 */
import { readFileSync } from 'node:fs';
import { PROBLEMS, SELLER_REPLIES, WANTS, type Problem, type SellerReply, type Wants } from '../../domain/index.ts';
import type { Scan } from '../scan.ts';
import { features, LATIN_WORD, ngramText, signalFeatures, type RuleView } from './features.ts';
import type { LinearHead } from './linear.ts';

export const MODEL_VERSION = 1;
export const HEADS = ['problem', 'wants', 'sellerReply'] as const;
export type HeadName = (typeof HEADS)[number];

/** The class list of each head; `-` stands for "none" (null). */
export const HEAD_CLASSES: Record<HeadName, string[]> = {
  problem: ['-', ...PROBLEMS],
  wants: ['-', ...WANTS],
  sellerReply: ['-', ...SELLER_REPLIES],
};

/** The serialised model (weights.json). */
export interface ModelFile {
  version: number;
  features: string[];
  heads: Record<HeadName, { classes: string[]; temperature: number; scale: number; weights: string }>;
  trainedOn: Record<string, unknown>;
}

export interface Model {
  ids: Map<string, number>;
  heads: Record<HeadName, LinearHead>;
  /** The text features by kind, keyed without their prefix, so a lookup needs no string building. */
  text: { grams: GramTable; w: Map<string, number> };
  /** All heads' weights side by side per feature (problem, wants, sellerReply): one pass per message. */
  joint: { weights: Int16Array; width: number; offsets: Record<HeadName, number>; scales: Record<HeadName, number> };
  /** Per feature id, the last message that counted it (features count once per message). */
  stamp: Uint32Array;
  epoch: number;
}

/** Weights are stored as int16 (scaled) in base64: a tenth of the size of JSON numbers. */
export function encodeWeights(w: Float32Array): { scale: number; weights: string } {
  let max = 0;
  for (const v of w) max = Math.max(max, Math.abs(v));
  const scale = max > 0 ? max / 32767 : 1;
  const q = new Int16Array(w.length);
  for (let i = 0; i < w.length; i++) q[i] = Math.round(w[i]! / scale);
  return { scale: Number(scale.toPrecision(9)), weights: Buffer.from(q.buffer).toString('base64') };
}

export function decodeWeights(scale: number, b64: string): Float32Array {
  const buf = Buffer.from(b64, 'base64');
  const q = new Int16Array(buf.buffer, buf.byteOffset, buf.byteLength / 2);
  const w = new Float32Array(q.length);
  for (let i = 0; i < q.length; i++) w[i] = q[i]! * scale;
  return w;
}

export function modelFromFile(file: ModelFile): Model {
  if (file.version !== MODEL_VERSION) throw new Error(`weights.json is version ${file.version}, the code reads ${MODEL_VERSION}`);
  const ids = new Map(file.features.map((f, i) => [f, i]));
  const heads = Object.fromEntries(
    HEADS.map((h) => {
      const fh = file.heads[h];
      return [h, { classes: fh.classes, temperature: fh.temperature, weights: decodeWeights(fh.scale, fh.weights) }];
    }),
  ) as Record<HeadName, LinearHead>;
  const w = new Map<string, number>();
  const grams: Array<[string, number]> = [];
  file.features.forEach((f, i) => {
    const colon = f.indexOf(':');
    const kind = f.slice(0, colon);
    const gram = f.slice(colon + 1);
    if (kind === 'w') w.set(gram, i);
    else if (kind === 'c1' || kind === 'c2' || kind === 'c3') grams.push([gram, i]);
  });
  const text = { grams: new GramTable(grams), w };
  const scales = Object.fromEntries(HEADS.map((h) => [h, file.heads[h].scale])) as Record<HeadName, number>;
  return { ids, heads, text, joint: jointWeights(heads, file.features.length, scales), stamp: new Uint32Array(file.features.length), epoch: 0 };
}

/**
 * All heads side by side per feature, as the int16 steps they are stored in (half the memory
 * of floats, so fewer cache misses on the random rows a message touches); scaled back per head.
 */
function jointWeights(heads: Record<HeadName, LinearHead>, nFeatures: number, scales: Record<HeadName, number>): Model['joint'] {
  const offsets = {} as Record<HeadName, number>;
  let width = 0;
  for (const h of HEADS) {
    offsets[h] = width;
    width += heads[h].classes.length;
  }
  const weights = new Int16Array(nFeatures * width);
  for (const h of HEADS) {
    const k = heads[h].classes.length;
    const w = heads[h].weights;
    for (let f = 0; f < nFeatures; f++) for (let c = 0; c < k; c++) weights[f * width + offsets[h] + c] = Math.round(w[f * k + c]! / scales[h]);
  }
  return { weights, width, offsets, scales };
}

export const WEIGHTS_URL = new URL('./weights.json', import.meta.url);

let loaded: Model | null | undefined;

/** The shipped model, loaded on first use; null when the weights file is missing or unreadable. */
export function shippedModel(): Model | null {
  if (loaded !== undefined) return loaded;
  try {
    loaded = modelFromFile(JSON.parse(readFileSync(WEIGHTS_URL, 'utf8')) as ModelFile);
  } catch {
    loaded = null;
  }
  return loaded;
}

export interface Reading<T> {
  value: T | null;
  /** Calibrated probability of `value` (of "none" when value is null). */
  confidence: number;
  /** The runner-up and its probability, for "是 A 还是 B？" questions. */
  second: { value: T | null; confidence: number };
}

export interface Classified {
  problem: Reading<Problem>;
  wants: Reading<Wants>;
  sellerReply: Reading<SellerReply>;
}

function read<T>(head: LinearHead, p: Float64Array): Reading<T> {
  let a = 0;
  let b = -1;
  for (let c = 1; c < p.length; c++) {
    if (p[c]! > p[a]!) {
      b = a;
      a = c;
    } else if (b < 0 || p[c]! > p[b]!) b = c;
  }
  const val = (c: number): T | null => (head.classes[c] === '-' ? null : (head.classes[c] as T));
  return { value: val(a), confidence: p[a]!, second: { value: val(b), confidence: p[b]! } };
}

/**
 * Character n-grams (1–3 UTF-16 units) → feature id, in an open-addressing table keyed by the
 * units themselves: a lookup builds no string and hashes no heap number (the per-message hot path).
 */
export class GramTable {
  readonly #a: Uint16Array;
  readonly #b: Uint16Array;
  readonly #c: Uint16Array;
  /** 0 = empty slot; otherwise length (1–3). */
  readonly #len: Uint8Array;
  readonly #id: Int32Array;
  readonly #mask: number;

  constructor(entries: ReadonlyArray<[gram: string, id: number]>) {
    let size = 16;
    while (size < entries.length * 2) size *= 2;
    this.#mask = size - 1;
    this.#a = new Uint16Array(size);
    this.#b = new Uint16Array(size);
    this.#c = new Uint16Array(size);
    this.#len = new Uint8Array(size);
    this.#id = new Int32Array(size);
    for (const [g, id] of entries) {
      const n = g.length;
      const a = g.charCodeAt(0);
      const b = n > 1 ? g.charCodeAt(1) : 0;
      const c = n > 2 ? g.charCodeAt(2) : 0;
      let at = GramTable.hash(n, a, b, c) & this.#mask;
      while (this.#len[at] !== 0) at = (at + 1) & this.#mask;
      this.#a[at] = a;
      this.#b[at] = b;
      this.#c[at] = c;
      this.#len[at] = n;
      this.#id[at] = id;
    }
  }

  static hash(n: number, a: number, b: number, c: number): number {
    return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca6b) ^ Math.imul(c + n, 0xc2b2ae35)) >>> 0;
  }

  /** The id of the n-gram of `n` units (a, b, c; unused ones 0), or -1. */
  get(n: number, a: number, b: number, c: number): number {
    let at = GramTable.hash(n, a, b, c) & this.#mask;
    for (;;) {
      const len = this.#len[at]!;
      if (len === 0) return -1;
      if (len === n && this.#a[at] === a && this.#b[at] === b && this.#c[at] === c) return this.#id[at]!;
      at = (at + 1) & this.#mask;
    }
  }
}

/**
 * Feature ids of a message for a model (unknown features dropped): the same set as
 * `features(s, rules)` looked up in the vocabulary, computed without building the names.
 */
export function featureIds(model: Model, s: Scan, rules: RuleView): number[] {
  const out: number[] = [];
  const epoch = (model.epoch = (model.epoch + 1) >>> 0 || 1);
  const stamp = model.stamp;
  const t = ngramText(s.norm);
  const padded = `^${t}$`;
  const grams = model.text.grams;
  const n = padded.length;
  // Inlined (no closure): this loop runs for every character of every message.
  for (let i = 0; i < n; i++) {
    const a = padded.charCodeAt(i);
    let id: number;
    // ' ', '^', '$' are never unigrams.
    if (a !== 0x20 && a !== 0x5e && a !== 0x24) {
      id = grams.get(1, a, 0, 0);
      if (id >= 0 && stamp[id] !== epoch) {
        stamp[id] = epoch;
        out.push(id);
      }
    }
    if (i + 2 <= n) {
      const b = padded.charCodeAt(i + 1);
      id = grams.get(2, a, b, 0);
      if (id >= 0 && stamp[id] !== epoch) {
        stamp[id] = epoch;
        out.push(id);
      }
      if (i + 3 <= n) {
        id = grams.get(3, a, b, padded.charCodeAt(i + 2));
        if (id >= 0 && stamp[id] !== epoch) {
          stamp[id] = epoch;
          out.push(id);
        }
      }
    }
  }
  const named: string[] = [];
  for (const m of t.matchAll(LATIN_WORD)) named.push(m[0]);
  const words = named.length;
  signalFeatures(s, rules, named);
  for (let i = 0; i < named.length; i++) {
    const id = i < words ? model.text.w.get(named[i]!) : model.ids.get(named[i]!);
    if (id !== undefined && stamp[id] !== epoch) {
      stamp[id] = epoch;
      out.push(id);
    }
  }
  return out;
}

/** The same ids the slow way, from the feature names (what training sees): for tests. */
export function featureIdsByName(model: Model, s: Scan, rules: RuleView): number[] {
  const out: number[] = [];
  for (const f of features(s, rules)) {
    const id = model.ids.get(f);
    if (id !== undefined) out.push(id);
  }
  return out;
}

/** Classify one scanned message, given the rules' reading of it. */
export function classify(model: Model, s: Scan, rules: RuleView): Classified {
  const ids = featureIds(model, s, rules);
  const { weights, width } = model.joint;
  const z = new Int32Array(width);
  for (let i = 0; i < ids.length; i++) {
    const base = ids[i]! * width;
    for (let c = 0; c < width; c++) z[c] = z[c]! + weights[base + c]!;
  }
  return {
    problem: headReading<Problem>(model, 'problem', z),
    wants: headReading<Wants>(model, 'wants', z),
    sellerReply: headReading<SellerReply>(model, 'sellerReply', z),
  };
}

/** One head's calibrated probabilities from the summed int16 steps, and its top two. */
function headReading<T>(model: Model, h: HeadName, z: Int32Array): Reading<T> {
  const head = model.heads[h];
  const k = head.classes.length;
  const off = model.joint.offsets[h];
  const scale = model.joint.scales[h] / head.temperature;
  let max = -Infinity;
  for (let c = 0; c < k; c++) if (z[off + c]! > max) max = z[off + c]!;
  const p = new Float64Array(k);
  let sum = 0;
  for (let c = 0; c < k; c++) {
    p[c] = Math.exp((z[off + c]! - max) * scale);
    sum += p[c]!;
  }
  for (let c = 0; c < k; c++) p[c] = p[c]! / sum;
  return read<T>(head, p);
}
