/**
 * Chapter 9, logistic regression and binary cross-entropy: the BCE of one prediction, the
 * positive class's probability under a two-logit softmax, and one gradient-descent step of
 * logistic regression. Expected values come from the engine (`binaryCrossEntropy`, `sigmoid`,
 * `logisticStep`).
 */
import { binaryCrossEntropy, createRng, logisticStep, sigmoid } from '../../engine/index';
import { defineExercise, referenceCheck, type Exercise } from './define';
import { SOFTMAX_TWINS } from './softmax';

const LESSON = '09-logistic-regression';

const BCE_TWINS = [
  'binaryCrossEntropy',
  'binaryCrossEntropyFromLogits',
  'bceOne',
  'crossEntropy',
  'crossEntropyFromLogits',
  'losses',
  'getLoss',
] as const;

// ── binary cross-entropy ─────────────────────────────────────────────────────────────────

const bceCheck = referenceCheck('binaryCrossEntropy', binaryCrossEntropy);

export const binaryCrossEntropyExercise: Exercise = defineExercise({
  id: 'binary-cross-entropy',
  lesson: LESSON,
  title: 'Binary cross-entropy',
  starter: `/**
 * Binary cross-entropy of one prediction: L = −y ln p − (1 − y) ln(1 − p) (natural log),
 * where p is the predicted probability of the positive class and y is 1 (positive, "cat")
 * or 0 (negative, "not cat"). Only the true class's term counts: when y = 1 the second term
 * is 0 and when y = 0 the first is, even where its log is −Infinity (take 0 · ln 0 as 0).
 */
export function binaryCrossEntropy(p: number, y: number): number {
  // Your code here.
  return 0;
}
`,
  exports: { binaryCrossEntropy: 'function' },
  withheld: [...new Set<string>([...BCE_TWINS, ...SOFTMAX_TWINS])],
  checks: [
    bceCheck('a cat predicted at 0.9', [0.9, 1]),
    bceCheck('not a cat, predicted at 0.9', [0.9, 0]),
    bceCheck('not a cat, predicted at 0.2', [0.2, 0]),
    bceCheck('a coin flip: ln 2', [0.5, 1]),
    bceCheck('a cat predicted at 0.001', [0.001, 1]),
    bceCheck('not a cat, predicted at 0.999', [0.999, 0]),
    // A certain right answer costs nothing; a certain wrong one is infinite.
    bceCheck('p = 1 and y = 1: 0', [1, 1]),
    bceCheck('p = 0 and y = 0: 0', [0, 0]),
    bceCheck('p = 0 and y = 1: Infinity', [0, 1]),
    ...[1, 2, 3, 4, 5].map((k) => {
      const rng = createRng(1100 + k);
      return bceCheck(
        'random prediction',
        [Math.round(rng.uniform(0.01, 0.99) * 1000) / 1000, k % 2],
        { hidden: true },
      );
    }),
    bceCheck('p = 1 and y = 0: Infinity', [1, 0], { hidden: true }),
  ],
  hints: [
    'When y = 1 the loss is −ln p; when y = 0 it is −ln(1 − p). The formula −y ln p − (1 − y) ln(1 − p) is both at once.',
    'Math.log is the natural log. Keep the minus signs: a good prediction must give a small, non-negative loss.',
    'At p = 1 with y = 1, (1 − y)·ln(1 − p) is 0 · (−Infinity) = NaN in floating point. Compute only the term that y selects, instead of multiplying the other one by 0.',
  ],
  misconceptions: [
    {
      id: 'missing-negative-term',
      title: 'the (1 − y) term is left out',
      message:
        'Your loss is only −y ln p, so every negative example (y = 0) costs 0 whatever p is. Add −(1 − y) ln(1 − p): for "not cat" the loss is −ln(1 − p).',
      example: `export function binaryCrossEntropy(p: number, y: number): number {
  return -y * Math.log(p);
}
`,
    },
    {
      id: 'positive-sign',
      title: 'the minus signs are missing',
      message:
        'Your loss is y ln p + (1 − y) ln(1 − p), which is ≤ 0 and largest for a perfect answer. BCE is minus that: −y ln p − (1 − y) ln(1 − p).',
      example: `export function binaryCrossEntropy(p: number, y: number): number {
  return y * Math.log(p) + (1 - y) * Math.log(1 - p);
}
`,
    },
  ],
});

// ── two-class softmax ─────────────────────────────────────────────────────────────────────

/** Softmax over (zp, zn) gives the positive class σ(zp − zn): the engine's sigmoid is the reference. */
const twoCheck = referenceCheck('twoClassSoftmax', (zp: number, zn: number) => sigmoid(zp - zn));

export const twoClassSoftmaxExercise: Exercise = defineExercise({
  id: 'two-class-softmax',
  lesson: LESSON,
  title: 'A softmax over two classes',
  starter: `/**
 * The probability of the positive class under a softmax over two logits:
 * e^{zPositive} / (e^{zPositive} + e^{zNegative}).
 * It must stay finite for logits of any size, e.g. (1000, 1000) or (−1000, −1000).
 */
export function twoClassSoftmax(zPositive: number, zNegative: number): number {
  // Your code here.
  return 0.5;
}
`,
  exports: { twoClassSoftmax: 'function' },
  withheld: [
    ...new Set<string>([
      ...SOFTMAX_TWINS,
      'sigmoid',
      'activations',
      'getActivation',
      'logisticProbability',
    ]),
  ],
  checks: [
    twoCheck('(2, 0)', [2, 0]),
    twoCheck('(0, 2)', [0, 2]),
    twoCheck('equal logits (3, 3): 0.5', [3, 3]),
    // Only the difference matters: these two pairs differ by a constant.
    twoCheck('(5, 4), which differs from (1, 0) by a constant', [5, 4]),
    twoCheck('(−2, 0.5)', [-2, 0.5]),
    twoCheck('negative logit fixed at 0: σ(1.5)', [1.5, 0]),
    twoCheck('(1000, 0)', [1000, 0]),
    twoCheck('(0, 1000)', [0, 1000]),
    twoCheck('(1000, 1000): 0.5', [1000, 1000]),
    twoCheck('(−1000, −1000): 0.5', [-1000, -1000]),
    twoCheck('(1001, 1000)', [1001, 1000]),
    ...[1, 2, 3, 4, 5].map((k) => {
      const rng = createRng(1200 + k);
      const s = [3, 30, 900][k % 3];
      const r = () => Math.round(rng.uniform(-s, s) * 100) / 100;
      return twoCheck('random logits', [r(), r()], { hidden: true });
    }),
    twoCheck('(−1000, −1001)', [-1000, -1001], { hidden: true }),
  ],
  hints: [
    'Divide top and bottom by e^{zPositive}: the result is 1 / (1 + e^{zNegative − zPositive}) = σ(zPositive − zNegative). Only the difference of the logits matters.',
    'Math.exp(1000) is Infinity, so e^{zPositive} / (e^{zPositive} + e^{zNegative}) can be Infinity / Infinity = NaN. Compute the difference d = zPositive − zNegative first: 1/(1 + e^{−d}) is finite for every d (1/(1 + Infinity) is 0).',
  ],
  misconceptions: [
    {
      id: 'ignores-negative-logit',
      title: 'σ(zPositive), ignoring the other logit',
      message:
        'Your answer is σ(zPositive), as if the negative class’s logit were always 0. With two logits the probability is σ(zPositive − zNegative): only their difference matters.',
      example: `export function twoClassSoftmax(zPositive: number, zNegative: number): number {
  return zPositive >= 0
    ? 1 / (1 + Math.exp(-zPositive))
    : Math.exp(zPositive) / (1 + Math.exp(zPositive));
}
`,
    },
    {
      id: 'naive-overflow',
      title: 'the naive form overflows',
      message:
        'Your formula is right for small logits but gives NaN for large ones: Math.exp(1000) is Infinity, and Infinity / Infinity is NaN (and e^{−1000} is 0, so 0/0 for very negative ones). Use the difference d = zPositive − zNegative and a stable sigmoid of it.',
      example: `export function twoClassSoftmax(zPositive: number, zNegative: number): number {
  const a = Math.exp(zPositive);
  const b = Math.exp(zNegative);
  return a / (a + b);
}
`,
    },
  ],
});

// ── one gradient-descent step of logistic regression ────────────────────────────────────

const stepCheck = referenceCheck('logisticStep', logisticStep);

/** A seeded batch: B examples with n features, weights and 0/1 labels. */
function randomBatch(seed: number, n: number, b: number) {
  const rng = createRng(seed);
  const r = () => Math.round(rng.uniform(-2, 2) * 100) / 100;
  return {
    w: Array.from({ length: n + 1 }, r),
    X: Array.from({ length: b }, () => Array.from({ length: n }, r)),
    y: Array.from({ length: b }, () => rng.int(2)),
  };
}

const BATCH = {
  w: [0.5, -1, 0.25],
  X: [
    [1, 2],
    [-0.5, 0.5],
    [2, -1],
    [0, 1.5],
  ],
  y: [1, 0, 1, 0],
};

export const logisticStepExercise: Exercise = defineExercise({
  id: 'logistic-step',
  lesson: LESSON,
  title: 'One step of logistic regression',
  starter: `import { sigmoid } from '@engine';

/**
 * One gradient-descent step on the mean binary cross-entropy of a batch:
 *   w − lr · (1/B) Σ_k (σ(w · [1, x_k]) − y_k) · [1, x_k]
 * w = [w0, w1, …, wn] (bias first); X has one example per row, without the leading 1;
 * y holds 0 or 1 per example. Return the new weights as a new array; leave w, X and y unchanged.
 */
export function logisticStep(w: number[], X: number[][], y: number[], lr: number): number[] {
  // Your code here.
  return w;
}
`,
  exports: { logisticStep: 'function' },
  withheld: [
    'logisticStep',
    'logisticGradient',
    'logisticLoss',
    'losses',
    'getLoss',
    'trainStep',
    'train',
  ],
  checks: [
    stepCheck('one feature, two examples, from zero', [[0, 0], [[1], [2]], [0, 1], 0.5]),
    stepCheck('two features, a batch of four', [BATCH.w, BATCH.X, BATCH.y, 0.1]),
    stepCheck('a batch of one', [[0.2, 0.3, -0.1], [[1, -2]], [1], 1]),
    // Every example right and confident: the step barely moves the weights.
    stepCheck('a confident, right batch', [
      [0, 10, -10],
      [
        [1, 0],
        [0, 1],
      ],
      [1, 0],
      0.5,
    ]),
    // Only the bias can tell these apart: the features are all 0.
    stepCheck('features all 0: only the bias moves', [
      [0.3, 1, -1],
      [
        [0, 0],
        [0, 0],
        [0, 0],
      ],
      [1, 1, 0],
      0.25,
    ]),
    stepCheck('three features, lr = 2', [
      [0, 0.5, -0.5, 1],
      [
        [1, 0, -1],
        [0.5, 2, 0],
        [-1, -1, 1],
      ],
      [0, 1, 1],
      2,
    ]),
    stepCheck('large logits stay finite', [
      [0, 600, -600],
      [
        [2, 0],
        [0, 2],
      ],
      [0, 1],
      0.1,
    ]),
    {
      name: 'w is left unchanged',
      call: ['logisticStep', BATCH.w, BATCH.X, BATCH.y, 0.1],
      expect: { unchanged: 0 },
    },
    {
      name: 'X is left unchanged',
      call: ['logisticStep', BATCH.w, BATCH.X, BATCH.y, 0.1],
      expect: { unchanged: 1 },
    },
    {
      name: 'y is left unchanged',
      call: ['logisticStep', BATCH.w, BATCH.X, BATCH.y, 0.1],
      expect: { unchanged: 2 },
    },
    ...[1, 2, 3, 4, 5].map((k) => {
      const { w, X, y } = randomBatch(1300 + k, 1 + (k % 3), 2 + k);
      return stepCheck('random batch', [w, X, y, 0.1 * k], { hidden: true });
    }),
  ],
  hints: [
    'For each example k compute the error e_k = σ(w0 + Σ_i w_{i+1}·x_k[i]) − y_k.',
    'The gradient of the bias is the mean of e_k; the gradient of w_{i+1} is the mean of e_k · x_k[i]. Divide by the batch size B, not just sum.',
    'Gradient descent subtracts: return w.map((wi, i) => wi − lr · grad[i]).',
  ],
  misconceptions: [
    {
      id: 'sign-flipped',
      title: 'the sign is flipped',
      message:
        'Your step adds the gradient, which climbs the loss. Gradient descent moves against it: w − lr · (1/B) Σ (σ(w·[1, x]) − y)·[1, x].',
      example: `import { sigmoid } from '@engine';

export function logisticStep(w: number[], X: number[][], y: number[], lr: number): number[] {
  const g = w.map(() => 0);
  X.forEach((x, k) => {
    const e = sigmoid(x.reduce((z, xi, i) => z + w[i + 1] * xi, w[0])) - y[k];
    g[0] += e;
    x.forEach((xi, i) => (g[i + 1] += e * xi));
  });
  return w.map((wi, i) => wi + (lr * g[i]) / X.length);
}
`,
    },
    {
      id: 'bias-not-updated',
      title: 'the bias is not updated',
      message:
        'Your step leaves the bias w0 as it was. The bias is the weight on the constant input 1, so its gradient is the mean error (1/B) Σ (σ(w·[1, x]) − y).',
      example: `import { sigmoid } from '@engine';

export function logisticStep(w: number[], X: number[][], y: number[], lr: number): number[] {
  const g = w.map(() => 0);
  X.forEach((x, k) => {
    const e = sigmoid(x.reduce((z, xi, i) => z + w[i + 1] * xi, w[0])) - y[k];
    x.forEach((xi, i) => (g[i + 1] += e * xi));
  });
  return w.map((wi, i) => wi - (lr * g[i]) / X.length);
}
`,
    },
    {
      id: 'sum-not-mean',
      title: 'the sum instead of the mean',
      message:
        'Your step uses the sum of the per-example gradients, so it grows with the batch size. The loss is the mean BCE over the batch: divide the summed gradient by B.',
      example: `import { sigmoid } from '@engine';

export function logisticStep(w: number[], X: number[][], y: number[], lr: number): number[] {
  const g = w.map(() => 0);
  X.forEach((x, k) => {
    const e = sigmoid(x.reduce((z, xi, i) => z + w[i + 1] * xi, w[0])) - y[k];
    g[0] += e;
    x.forEach((xi, i) => (g[i + 1] += e * xi));
  });
  return w.map((wi, i) => wi - lr * g[i]);
}
`,
    },
  ],
});

export const logisticExercises: Exercise[] = [
  binaryCrossEntropyExercise,
  twoClassSoftmaxExercise,
  logisticStepExercise,
];
