/**
 * The trained classifier beside the rules: problem, wants and the seller's reply, each a
 * multinomial logistic regression over `features.ts`. Weights live in `weights.json`
 * (written by `npm run train:nlu`, versioned with the code) and are loaded once, on first use.
 */
import { readFileSync } from 'node:fs';
import { PROBLEMS, SELLER_REPLIES, WANTS, type Problem, type SellerReply, type Wants } from '../../domain/index.ts';
import type { Scan } from '../scan.ts';
import { features, latinWords, NGRAM_UNITS_MAX, ngramUnits, signalFeatures, type RuleView, type SignalSink } from './features.ts';
import { GramTable, NOTHING } from './grams.ts';
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
  /** The other features (rules, cues, length…) by kind, then value (`SignalSink`): a small map, unlike `ids`. */
  signals: Map<string, Map<string, number>>;
  /** All heads' weights side by side per feature (problem, wants, sellerReply): one pass per message. */
  joint: { weights: Int16Array; width: number; offsets: Record<HeadName, number>; scales: Record<HeadName, number> };
  /** Working memory for one message, reused (extraction is synchronous: one message at a time). */
  scratch: Scratch;
}

interface Scratch {
  /** The n-gram text as units (`ngramUnits`). */
  units: Uint16Array;
  /** The message's feature ids, each once. */
  ids: Int32Array;
  /** Where each of those features' row starts in `joint.weights`. */
  rows: Int32Array;
  /**
   * Per feature id, the last message that counted it (features count once per message), as a
   * byte: a quarter of the memory of a wider stamp, cleared once every 255 messages.
   */
  stamp: Uint8Array;
  epoch: number;
  /** Summed int16 steps, all heads side by side. */
  z: Int32Array;
  /** One head's probabilities. */
  p: Float64Array;
  /** Where prefetching reads end up (kept, so that they stay). */
  sink: number;
  /** Takes the message's signal features into `ids` (one object, not a closure per message). */
  signalIds: SignalIds;
}

/** Counts a signal feature into the scratch ids, once per message, as `collectIds` does the n-grams. */
class SignalIds implements SignalSink {
  count = 0;
  epoch = 0;

  constructor(
    readonly table: Map<string, Map<string, number>>,
    readonly ids: Int32Array,
    readonly stamp: Uint8Array,
  ) {}

  add(kind: string, value: string): void {
    const id = this.table.get(kind)?.get(value);
    if (id !== undefined && this.stamp[id] !== this.epoch) {
      this.stamp[id] = this.epoch;
      this.ids[this.count++] = id;
    }
  }
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
  const signals = new Map<string, Map<string, number>>();
  const grams: Array<[string, number]> = [];
  file.features.forEach((f, i) => {
    const colon = f.indexOf(':');
    const kind = f.slice(0, colon);
    const gram = f.slice(colon + 1);
    if (kind === 'w') w.set(gram, i);
    else if (kind === 'c1' || kind === 'c2' || kind === 'c3') grams.push([gram, i]);
    else {
      // Split as `signalFeatures` names them: the kind up to and with the first colon, or the whole name.
      const [k, v] = colon < 0 ? [f, ''] : [f.slice(0, colon + 1), gram];
      let byValue = signals.get(k);
      if (!byValue) signals.set(k, (byValue = new Map()));
      byValue.set(v, i);
    }
  });
  const text = { grams: new GramTable(grams), w };
  const scales = Object.fromEntries(HEADS.map((h) => [h, file.heads[h].scale])) as Record<HeadName, number>;
  const joint = jointWeights(heads, file.features.length, scales);
  const n = file.features.length;
  const idBuffer = new Int32Array(n);
  const stamp = new Uint8Array(n);
  const scratch: Scratch = {
    units: new Uint16Array(NGRAM_UNITS_MAX), ids: idBuffer, rows: new Int32Array(n), stamp, epoch: 0,
    z: new Int32Array(joint.width), p: new Float64Array(Math.max(...HEADS.map((h) => heads[h].classes.length))), sink: 0,
    signalIds: new SignalIds(signals, idBuffer, stamp),
  };
  return { ids, heads, text, signals, joint, scratch };
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

/** The top two of a head's `k` probabilities in `p`. */
function read<T>(head: LinearHead, p: Float64Array, k: number): Reading<T> {
  let a = 0;
  let b = -1;
  for (let c = 1; c < k; c++) {
    if (p[c]! > p[a]!) {
      b = a;
      a = c;
    } else if (b < 0 || p[c]! > p[b]!) b = c;
  }
  return { value: classValue<T>(head, a), confidence: p[a]!, second: { value: classValue<T>(head, b), confidence: p[b]! } };
}

function classValue<T>(head: LinearHead, c: number): T | null {
  return head.classes[c] === '-' ? null : (head.classes[c] as T);
}

/**
 * Feature ids of a message for a model (unknown features dropped): the same set as
 * `features(s, rules)` looked up in the vocabulary, computed without building the names.
 */
export function featureIds(model: Model, s: Scan, rules: RuleView): number[] {
  return Array.from(model.scratch.ids.subarray(0, collectIds(model, s, rules)));
}

/** `featureIds` into `model.scratch.ids`, with no array built: returns how many. */
function collectIds(model: Model, s: Scan, rules: RuleView): number {
  const sc = model.scratch;
  const { stamp, ids, units } = sc;
  if (sc.epoch === 255) {
    stamp.fill(0);
    sc.epoch = 0;
  }
  const epoch = ++sc.epoch;
  let count = 0;
  const n = ngramUnits(s.norm, units);
  const grams = model.text.grams;
  sc.sink = grams.prefetch(units, n);
  // Inlined (no closure): this loop runs for every character of every message.
  for (let i = 0; i < n; i++) {
    const a = units[i]!;
    let id = grams.unigram(a);
    if (id >= 0 && stamp[id] !== epoch) {
      stamp[id] = epoch;
      ids[count++] = id;
    }
    // No 2- or 3-gram feature begins here: skip their lookups.
    if (id === NOTHING || i + 1 >= n) continue;
    const b = units[i + 1]!;
    id = grams.get(2, a, b, 0);
    if (id >= 0 && stamp[id] !== epoch) {
      stamp[id] = epoch;
      ids[count++] = id;
    }
    if (id === NOTHING || i + 2 >= n) continue;
    id = grams.get(3, a, b, units[i + 2]!);
    if (id >= 0 && stamp[id] !== epoch) {
      stamp[id] = epoch;
      ids[count++] = id;
    }
  }
  const words: string[] = [];
  // Latin words are the same in the n-gram text (digits and spaces folded) as in what it was read from.
  latinWords(s.norm, words);
  for (let i = 0; i < words.length; i++) {
    const id = model.text.w.get(words[i]!);
    if (id !== undefined && stamp[id] !== epoch) {
      stamp[id] = epoch;
      ids[count++] = id;
    }
  }
  const signalIds = sc.signalIds;
  signalIds.count = count;
  signalIds.epoch = epoch;
  signalFeatures(s, rules, signalIds);
  return signalIds.count;
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
  const count = collectIds(model, s, rules);
  const { ids, rows, z } = model.scratch;
  const { weights, width } = model.joint;
  // Read each row once before summing: its cache misses overlap (a software prefetch, as in the gram table).
  let seen = 0;
  for (let i = 0; i < count; i++) {
    const row = (rows[i] = ids[i]! * width);
    seen |= weights[row]! | weights[row + width - 1]!;
  }
  model.scratch.sink = seen;
  sumRows(weights, width, rows, count, z);
  return {
    problem: headReading<Problem>(model, 'problem', z),
    wants: headReading<Wants>(model, 'wants', z),
    sellerReply: headReading<SellerReply>(model, 'sellerReply', z),
  };
}

/**
 * `z[c]` = the sum of column `c` over the `count` rows starting at `rows[…]`, for every column.
 * Several columns at a time, in local sums: far fewer loads and stores of `z` than adding row by row,
 * and the few rows of a message stay in the nearest cache between the passes.
 */
function sumRows(weights: Int16Array, width: number, rows: Int32Array, count: number, z: Int32Array): void {
  let c = 0;
  // Six at a time: the three heads are 30 columns wide, so five passes and no column left alone.
  for (; c + 6 <= width; c += 6) {
    let z0 = 0;
    let z1 = 0;
    let z2 = 0;
    let z3 = 0;
    let z4 = 0;
    let z5 = 0;
    for (let i = 0; i < count; i++) {
      const at = rows[i]! + c;
      z0 += weights[at]!;
      z1 += weights[at + 1]!;
      z2 += weights[at + 2]!;
      z3 += weights[at + 3]!;
      z4 += weights[at + 4]!;
      z5 += weights[at + 5]!;
    }
    z[c] = z0;
    z[c + 1] = z1;
    z[c + 2] = z2;
    z[c + 3] = z3;
    z[c + 4] = z4;
    z[c + 5] = z5;
  }
  for (; c < width; c++) {
    let sum = 0;
    for (let i = 0; i < count; i++) sum += weights[rows[i]! + c]!;
    z[c] = sum;
  }
}

/** One head's calibrated probabilities from the summed int16 steps, and its top two. */
function headReading<T>(model: Model, h: HeadName, z: Int32Array): Reading<T> {
  const head = model.heads[h];
  const k = head.classes.length;
  const off = model.joint.offsets[h];
  const scale = model.joint.scales[h] / head.temperature;
  let max = -Infinity;
  for (let c = 0; c < k; c++) if (z[off + c]! > max) max = z[off + c]!;
  const p = model.scratch.p;
  let sum = 0;
  for (let c = 0; c < k; c++) {
    p[c] = Math.exp((z[off + c]! - max) * scale);
    sum += p[c]!;
  }
  for (let c = 0; c < k; c++) p[c] = p[c]! / sum;
  return read<T>(head, p, k);
}
