/**
 * The trained classifier beside the rules: problem, wants and the seller's reply, each a
 * multinomial logistic regression over `features.ts`. Weights live in `weights.json`
 * (written by `npm run train:nlu`, versioned with the code) and are loaded once, on first use.
 */
import { readFileSync } from 'node:fs';
import { PROBLEMS, SELLER_REPLIES, WANTS, type Problem, type SellerReply, type Wants } from '../../domain/index.ts';
import type { Scan } from '../scan.ts';
import { features, type RuleView } from './features.ts';
import { predict, type LinearHead } from './linear.ts';

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
  return { ids, heads };
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

function read<T>(head: LinearHead, ids: number[]): Reading<T> {
  const p = predict(head, ids);
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

/** Feature ids of a message for a model (unknown features dropped). */
export function featureIds(model: Model, s: Scan, rules: RuleView): number[] {
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
  return {
    problem: read<Problem>(model.heads.problem, ids),
    wants: read<Wants>(model.heads.wants, ids),
    sellerReply: read<SellerReply>(model.heads.sellerReply, ids),
  };
}
