/**
 * Chapter 8, cross-entropy: the loss of a probability vector, the same loss straight from the
 * logits (log-sum-exp), and its gradient with respect to the logits, p̂ − y. Expected values
 * come from the engine (`crossEntropy`, `crossEntropyFromLogits`, `crossEntropyGradFromLogits`).
 */
import {
  createRng,
  crossEntropy,
  crossEntropyFromLogits,
  crossEntropyGradFromLogits,
  softmax,
} from '../../engine/index';
import { defineExercise, referenceCheck, type CheckSpec, type Exercise } from './define';
import { SOFTMAX_TWINS } from './softmax';

const LESSON = '08-cross-entropy';

/** The engine's losses in every form: any of them hands over a cross-entropy. */
const LOSS_TWINS = [
  'crossEntropy',
  'crossEntropyFromLogits',
  'crossEntropyGradFromLogits',
  'binaryCrossEntropy',
  'binaryCrossEntropyFromLogits',
  'bceOne',
  'losses',
  'getLoss',
] as const;

/** Every engine export that hands over a softmax or a cross-entropy, each name once. */
const WITHHELD = [...new Set<string>([...LOSS_TWINS, ...SOFTMAX_TWINS])];

const LABEL_CONTRACT = ` * label is a class index 0 … C − 1 (the lecture numbers classes from 1; code counts from 0).
 * Throw an Error when label is not an integer in that range.`;

/** Seeded logits of a random size (some far apart) and a label in range. */
function randomCase(seed: number): { z: number[]; label: number } {
  const rng = createRng(seed);
  const n = 2 + rng.int(9);
  const spread = [2, 20, 900][seed % 3];
  const z = Array.from({ length: n }, () => Math.round(rng.uniform(-spread, spread) * 100) / 100);
  return { z, label: rng.int(n) };
}

const throwsCheck = (name: string, fn: string, args: unknown[], hidden = false): CheckSpec => ({
  name,
  hidden,
  call: [fn, ...args],
  expect: { throws: true },
});

// ── cross-entropy ─────────────────────────────────────────────────────────────────────────

const ceCheck = referenceCheck('crossEntropy', crossEntropy);

/** Chapter 6's prediction for a "1", made into probabilities by a softmax of its outputs. */
const MNIST_P = softmax([0.1, 0.5, 0.3, 0.2, 0.1, 0.8, 0.1, 0.2, 0.3, 0.1]);

export const crossEntropyExercise: Exercise = defineExercise({
  id: 'cross-entropy',
  lesson: LESSON,
  title: 'The cross-entropy of a prediction',
  starter: `/**
 * Cross-entropy of a probability vector for the true class: L = −ln p̂_label (natural log).
${LABEL_CONTRACT}
 */
export function crossEntropy(probabilities: number[], label: number): number {
  // Your code here.
  return 0;
}
`,
  exports: { crossEntropy: 'function' },
  withheld: WITHHELD,
  checks: [
    ceCheck('three classes, the first is true', [[0.7, 0.2, 0.1], 0]),
    ceCheck('three classes, the last is true', [[0.7, 0.2, 0.1], 2]),
    // Same p̂ for the true class, different spread over the others: the same loss.
    ceCheck('only the true class counts (1)', [[0.5, 0.25, 0.25], 0]),
    ceCheck('only the true class counts (2)', [[0.5, 0.49, 0.01], 0]),
    ceCheck('ten classes (chapter 6’s prediction after a softmax), label 1', [MNIST_P, 1]),
    ceCheck('a certain right answer costs 0', [[0, 1, 0, 0], 1]),
    ceCheck('a tiny probability for the true class', [[1 - 1e-12, 1e-12], 1]),
    ceCheck('probability 0 for the true class: infinite loss', [[1, 0], 1]),
    throwsCheck('label C is out of range', 'crossEntropy', [[0.5, 0.5], 2]),
    throwsCheck('a negative label', 'crossEntropy', [[0.5, 0.5], -1]),
    {
      name: 'probabilities are left unchanged',
      call: ['crossEntropy', [0.2, 0.3, 0.5], 2],
      expect: { unchanged: 0 },
    },
    ...[1, 2, 3, 4, 5].map((k) => {
      const { z, label } = randomCase(800 + k);
      return ceCheck('random prediction', [softmax(z.map((v) => v / 100)), label], {
        hidden: true,
      });
    }),
    throwsCheck('a label that is not an integer', 'crossEntropy', [[0.5, 0.5], 0.5], true),
  ],
  hints: [
    'Only one entry matters: the probability the prediction gives to the true class, probabilities[label].',
    'Math.log is the natural logarithm, and the log of a probability is ≤ 0: keep the minus sign so that the loss is ≥ 0.',
    'Check the label first: if (!Number.isInteger(label) || label < 0 || label >= probabilities.length) throw new Error(…).',
  ],
  misconceptions: [
    {
      id: 'log-base-10',
      title: 'log base 10',
      message:
        'Your loss uses log base 10. Cross-entropy uses the natural logarithm (Math.log), so that its gradient with respect to the logits is exactly p̂ − y.',
      example: `export function crossEntropy(probabilities: number[], label: number): number {
  if (!Number.isInteger(label) || label < 0 || label >= probabilities.length) throw new Error('bad label');
  return -Math.log10(probabilities[label]);
}
`,
    },
    {
      id: 'positive-sign',
      title: 'the minus sign is missing',
      message:
        'Your loss is ln p̂, which is negative (or 0) and largest for a certain answer. Cross-entropy is −ln p̂: it is 0 for a certain right answer and grows as p̂ falls.',
      example: `export function crossEntropy(probabilities: number[], label: number): number {
  if (!Number.isInteger(label) || label < 0 || label >= probabilities.length) throw new Error('bad label');
  return Math.log(probabilities[label]);
}
`,
    },
    {
      id: 'sum-all-classes',
      title: '−ln p̂ summed over every class',
      message:
        'Your loss adds −ln p̂_c over every class. In L = −Σ_c y_c ln p̂_c the one-hot y_c is 0 for every class but the true one, so only −ln p̂_label remains.',
      example: `export function crossEntropy(probabilities: number[], label: number): number {
  if (!Number.isInteger(label) || label < 0 || label >= probabilities.length) throw new Error('bad label');
  return probabilities.reduce((sum, p) => sum - Math.log(p), 0);
}
`,
    },
  ],
});

// ── cross-entropy from logits ─────────────────────────────────────────────────────────────

const logitCheck = referenceCheck('crossEntropyFromLogits', crossEntropyFromLogits);

export const crossEntropyFromLogitsExercise: Exercise = defineExercise({
  id: 'cross-entropy-from-logits',
  lesson: LESSON,
  title: 'Cross-entropy straight from the logits',
  starter: `/**
 * Cross-entropy of softmax(logits) for the true class, L = −ln softmax(logits)[label],
 * computed from the logits so it stays finite for logits of any size:
 * L = log Σ_k e^{z_k} − z_label, with the log-sum-exp shifted by the largest logit.
${LABEL_CONTRACT}
 */
export function crossEntropyFromLogits(logits: number[], label: number): number {
  // Your code here.
  return 0;
}
`,
  exports: { crossEntropyFromLogits: 'function' },
  withheld: WITHHELD,
  checks: [
    logitCheck('[1, 2, 3], label 2', [[1, 2, 3], 2]),
    logitCheck('[1, 2, 3], label 0', [[1, 2, 3], 0]),
    logitCheck('four equal logits: ln 4', [[0, 0, 0, 0], 3]),
    logitCheck('one class only: 0', [[7], 0]),
    logitCheck('ten logits, label 1', [[0.1, 0.5, 0.3, 0.2, 0.1, 0.8, 0.1, 0.2, 0.3, 0.1], 1]),
    // The lecture-size numbers overflow e^z; the true class's probability underflows to 0.
    logitCheck('[1000, 0, −1000], label 2: 2000', [[1000, 0, -1000], 2]),
    logitCheck('[1000, 1001, 1002], label 1', [[1000, 1001, 1002], 1]),
    logitCheck('[−1000, −1000], label 0: ln 2', [[-1000, -1000], 0]),
    logitCheck('a confident right answer: nearly 0', [[50, 0, 0], 0]),
    throwsCheck('label C is out of range', 'crossEntropyFromLogits', [[1, 2], 2]),
    throwsCheck('a negative label', 'crossEntropyFromLogits', [[1, 2], -1]),
    {
      name: 'logits are left unchanged',
      call: ['crossEntropyFromLogits', [3, 1, 2], 0],
      expect: { unchanged: 0 },
    },
    ...[1, 2, 3, 4, 5, 6].map((k) => {
      const { z, label } = randomCase(900 + k);
      return logitCheck('random logits', [z, label], { hidden: true });
    }),
    throwsCheck('a label that is not an integer', 'crossEntropyFromLogits', [[1, 2], 1.5], true),
  ],
  hints: [
    '−ln softmax(z)[label] = −ln(e^{z_label} / Σ_k e^{z_k}) = ln Σ_k e^{z_k} − z_label.',
    'For ln Σ_k e^{z_k}, take the largest logit z_max = Math.max(...logits) out first: ln Σ_k e^{z_k} = z_max + ln Σ_k e^{z_k − z_max}. Every exponent is then ≤ 0.',
    'Computing softmax first and then −Math.log(p) fails when p underflows to 0: for [1000, 0, −1000] the true class gets e^{−2000} = 0 and −ln 0 = Infinity.',
  ],
  misconceptions: [
    {
      id: 'naive-softmax-then-log',
      title: 'the naive softmax, then −ln',
      message:
        'Your loss goes through e^{z} without a shift: Math.exp(1000) is Infinity, so large logits give NaN or Infinity. Work with ln Σ_k e^{z_k} − z_label, and take the largest logit out of the log-sum-exp.',
      example: `export function crossEntropyFromLogits(logits: number[], label: number): number {
  if (!Number.isInteger(label) || label < 0 || label >= logits.length) throw new Error('bad label');
  const e = logits.map((z) => Math.exp(z));
  const sum = e.reduce((a, b) => a + b, 0);
  return -Math.log(e[label] / sum);
}
`,
    },
    {
      id: 'stable-softmax-then-log',
      title: 'a probability that underflows to 0',
      message:
        'Your softmax is stable, but taking −ln of its output is not: for [1000, 0, −1000] the true class gets e^{−2000}, which is 0 in floating point, and −ln 0 = Infinity instead of 2000. Stay in log space: L = z_max + ln Σ_k e^{z_k − z_max} − z_label.',
      example: `export function crossEntropyFromLogits(logits: number[], label: number): number {
  if (!Number.isInteger(label) || label < 0 || label >= logits.length) throw new Error('bad label');
  const m = Math.max(...logits);
  const e = logits.map((z) => Math.exp(z - m));
  const sum = e.reduce((a, b) => a + b, 0);
  return -Math.log(e[label] / sum);
}
`,
    },
  ],
});

// ── the gradient with respect to the logits ──────────────────────────────────────────────

const gradCheck = referenceCheck('logitGradient', crossEntropyGradFromLogits);

export const softmaxCeGradientExercise: Exercise = defineExercise({
  id: 'softmax-ce-gradient',
  lesson: LESSON,
  title: 'The gradient of softmax cross-entropy',
  starter: `/**
 * ∂L/∂z for L = −ln softmax(z)[label]: one number per logit, softmax(z) − onehot(label).
 * It must stay finite for logits of any size (e.g. [1000, 0, −1000]).
${LABEL_CONTRACT}
 * Return a new array; leave logits unchanged.
 */
export function logitGradient(logits: number[], label: number): number[] {
  // Your code here.
  return logits.map(() => 0);
}
`,
  exports: { logitGradient: 'function' },
  withheld: [...WITHHELD, 'softmaxRowsBackward', 'logSoftmaxRowsBackward'],
  checks: [
    gradCheck('[1, 2, 3], label 0', [[1, 2, 3], 0]),
    gradCheck('[1, 2, 3], label 2', [[1, 2, 3], 2]),
    gradCheck('four equal logits, label 2', [[0, 0, 0, 0], 2]),
    gradCheck('one class only: nothing to change', [[4], 0]),
    gradCheck('ten logits, label 1', [[0.1, 0.5, 0.3, 0.2, 0.1, 0.8, 0.1, 0.2, 0.3, 0.1], 1]),
    gradCheck('[1000, 0, −1000], label 2', [[1000, 0, -1000], 2]),
    gradCheck('[1000, 1001, 1002], label 0', [[1000, 1001, 1002], 0]),
    gradCheck('[−1000, −1000], label 1', [[-1000, -1000], 1]),
    throwsCheck('label C is out of range', 'logitGradient', [[1, 2], 2]),
    {
      name: 'logits are left unchanged',
      call: ['logitGradient', [3, 1, 2], 1],
      expect: { unchanged: 0 },
    },
    ...[1, 2, 3, 4, 5, 6].map((k) => {
      const { z, label } = randomCase(1000 + k);
      return gradCheck('random logits', [z, label], { hidden: true });
    }),
    throwsCheck('a negative label', 'logitGradient', [[1, 2], -1], true),
  ],
  hints: [
    'The gradient is p̂ − y: the softmax probabilities, with 1 subtracted at the true class.',
    'Compute the softmax with the largest logit subtracted first (your chapter 7 softmax), so [1000, 0, −1000] gives [1, 0, 0].',
    'Then subtract 1 from the true class’s entry only, in a new array, and leave every other probability as it is.',
  ],
  misconceptions: [
    {
      id: 'sign-flipped',
      title: 'the sign is flipped',
      message:
        'Your gradient is y − p̂, the negative of ∂L/∂z. The gradient points uphill: at the true class it is p̂ − 1 ≤ 0 (raising that logit lowers the loss), at every other class it is p̂_c ≥ 0.',
      example: `export function logitGradient(logits: number[], label: number): number[] {
  if (!Number.isInteger(label) || label < 0 || label >= logits.length) throw new Error('bad label');
  const m = Math.max(...logits);
  const e = logits.map((z) => Math.exp(z - m));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v, c) => (c === label ? 1 : 0) - v / sum);
}
`,
    },
    {
      id: 'softmax-only',
      title: 'the one-hot target is not subtracted',
      message:
        'Your gradient is softmax(z) alone. ∂L/∂z = p̂ − y: subtract 1 at the true class, so that the entries sum to 0.',
      example: `export function logitGradient(logits: number[], label: number): number[] {
  if (!Number.isInteger(label) || label < 0 || label >= logits.length) throw new Error('bad label');
  const m = Math.max(...logits);
  const e = logits.map((z) => Math.exp(z - m));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}
`,
    },
  ],
});

export const crossEntropyExercises: Exercise[] = [
  crossEntropyExercise,
  crossEntropyFromLogitsExercise,
  softmaxCeGradientExercise,
];
