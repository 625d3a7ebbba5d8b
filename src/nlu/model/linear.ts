/**
 * A multinomial logistic regression over sparse binary features: the prediction half loaded
 * at run time, and a small deterministic trainer (seeded shuffling, AdaGrad, L2) used by
 * `npm run train:nlu`. No library: the model is a few dozen lines and its output must be
 * reproducible byte for byte.
 */

/** One head's weights: per feature id, one weight per class (row-major, `classes.length` wide). */
export interface LinearHead {
  classes: string[];
  /** Softmax temperature fitted on the dev split (calibration). */
  temperature: number;
  /** Flat `features × classes` weights. */
  weights: Float32Array;
}

export interface Example {
  features: number[];
  /** Class index, or -1 when this example carries no label for the head. */
  label: number;
}

/** Class probabilities for a message's feature ids. Unknown features (id < 0) are skipped. */
export function predict(head: LinearHead, ids: readonly number[]): Float64Array {
  const k = head.classes.length;
  const z = new Float64Array(k);
  for (const id of ids) {
    if (id < 0) continue;
    const base = id * k;
    for (let c = 0; c < k; c++) z[c]! += head.weights[base + c]!;
  }
  return softmax(z, head.temperature);
}

export function softmax(z: Float64Array, temperature = 1): Float64Array {
  let max = -Infinity;
  for (const v of z) if (v > max) max = v;
  let sum = 0;
  const p = new Float64Array(z.length);
  for (let c = 0; c < z.length; c++) {
    p[c] = Math.exp((z[c]! - max) / temperature);
    sum += p[c]!;
  }
  for (let c = 0; c < z.length; c++) p[c]! /= sum;
  return p;
}

/** Mulberry32: a small seeded PRNG, so training shuffles the same way every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface TrainOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
  /** Per-class weight on the loss (inverse frequency, dampened), to keep rare codes from vanishing. */
  classWeights?: number[];
  /**
   * Features to drop at random while training (by id), with this probability each time an
   * example is seen: the text n-grams, so the model also learns to lean on the rule signals.
   */
  dropout?: { droppable: Uint8Array; p: number };
}

/**
 * Train one head by stochastic gradient descent with AdaGrad step sizes and L2 decay applied
 * to the features an example touches. Deterministic for the same inputs and options.
 */
export function train(nFeatures: number, classes: string[], data: readonly Example[], opts: TrainOptions): LinearHead {
  const k = classes.length;
  const w = new Float64Array(nFeatures * k);
  const g2 = new Float64Array(nFeatures * k).fill(1e-8);
  const rand = seededRandom(opts.seed);
  const order = data.map((_, i) => i).filter((i) => data[i]!.label >= 0);
  const z = new Float64Array(k);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const idx of order) {
      const ex = data[idx]!;
      const drop = opts.dropout;
      const feats = drop ? ex.features.filter((id) => !(drop.droppable[id] && rand() < drop.p)) : ex.features;
      z.fill(0);
      for (const id of feats) for (let c = 0; c < k; c++) z[c]! += w[id * k + c]!;
      const p = softmax(z);
      const cw = opts.classWeights?.[ex.label] ?? 1;
      for (const id of feats) {
        for (let c = 0; c < k; c++) {
          const at = id * k + c;
          const grad = cw * (p[c]! - (c === ex.label ? 1 : 0)) + opts.l2 * w[at]!;
          g2[at]! += grad * grad;
          w[at]! -= (opts.learningRate / Math.sqrt(g2[at]!)) * grad;
        }
      }
    }
  }
  return { classes, temperature: 1, weights: Float32Array.from(w) };
}

/** Mean negative log-likelihood of labelled examples at a temperature. */
export function logLoss(head: LinearHead, data: readonly Example[], temperature: number): number {
  let sum = 0;
  let n = 0;
  for (const ex of data) {
    if (ex.label < 0) continue;
    const p = predict({ ...head, temperature }, ex.features);
    sum -= Math.log(Math.max(p[ex.label]!, 1e-12));
    n++;
  }
  return n ? sum / n : 0;
}

/** The temperature (on a fixed grid) that minimises dev log-loss: calibrated probabilities. */
export function fitTemperature(head: LinearHead, dev: readonly Example[]): number {
  let best = 1;
  let bestLoss = Infinity;
  for (let t = 0.5; t <= 3.0001; t += 0.1) {
    const temp = Math.round(t * 10) / 10;
    const loss = logLoss(head, dev, temp);
    if (loss < bestLoss - 1e-12) {
      bestLoss = loss;
      best = temp;
    }
  }
  return best;
}
