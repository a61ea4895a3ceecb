/**
 * Chapter 7, softmax: the stable softmax of a logit vector. Expected values come from the
 * engine's `softmax` (float64, shifted by the largest logit).
 */
import { createRng, softmax } from '../../engine/index';
import { defineExercise, referenceCheck, type Exercise } from './define';

const LESSON = '07-softmax';

/** Every engine export that computes a softmax, or hands one over through a loss. */
export const SOFTMAX_TWINS = [
  'softmax',
  'softmaxRows',
  'logSoftmax',
  'logSoftmaxRows',
  'logSoftmaxInto',
  'logSumExp',
  'losses',
  'getLoss',
] as const;

const softmaxCheck = referenceCheck('softmax', softmax);

/** Seeded logits of a random size, some of them far apart. */
function randomLogits(seed: number): number[] {
  const rng = createRng(seed);
  const n = 2 + rng.int(9);
  const spread = [1, 10, 800][seed % 3];
  return Array.from({ length: n }, () => Math.round(rng.uniform(-spread, spread) * 100) / 100);
}

export const softmaxExercise: Exercise = defineExercise({
  id: 'softmax',
  lesson: LESSON,
  title: 'A softmax that never overflows',
  starter: `/**
 * softmax(logits)[c] = e^{z_c} / Σ_k e^{z_k}, for any number of classes.
 * It must stay finite for logits such as [1000, 1001, 1002] and [−1000, 0]:
 * subtract the largest logit first (it does not change the result).
 * Return a new array; leave logits unchanged.
 */
export function softmax(logits: number[]): number[] {
  // Your code here.
  return logits;
}
`,
  exports: { softmax: 'function' },
  withheld: [...SOFTMAX_TWINS],
  checks: [
    softmaxCheck('three logits [1, 2, 3]', [[1, 2, 3]]),
    softmaxCheck('a negative logit and a zero', [[-1, 0, 2.5]]),
    // Equal logits: every class gets 1/C. A sum of logits of 0 breaks "divide by the sum".
    softmaxCheck('four equal logits (a tie)', [[0, 0, 0, 0]]),
    softmaxCheck('ten logits, as for the ten digits', [
      [0.1, 0.5, 0.3, 0.2, 0.1, 0.8, 0.1, 0.2, 0.3, 0.1],
    ]),
    softmaxCheck('one class only', [[-3]]),
    // Adding the same constant to every logit changes nothing.
    softmaxCheck('[1, 2, 3] shifted by 100', [[101, 102, 103]]),
    // e^1000 is Infinity in floating point: the naive form gives Infinity/Infinity = NaN.
    softmaxCheck('large logits [1000, 1001, 1002]', [[1000, 1001, 1002]]),
    softmaxCheck('[−1000, 0]', [[-1000, 0]]),
    // e^−1000 is 0: the naive form gives 0/0 = NaN.
    softmaxCheck('very negative logits [−1000, −1000]', [[-1000, -1000]]),
    // Shifting by anything but the largest logit still overflows somewhere.
    softmaxCheck('logits 2000 apart [−1000, 0, 1000]', [[-1000, 0, 1000]]),
    { name: 'logits are left unchanged', call: ['softmax', [3, 1, 2]], expect: { unchanged: 0 } },
    ...[1, 2, 3, 4, 5, 6].map((k) =>
      softmaxCheck('random logits', [randomLogits(700 + k)], { hidden: true }),
    ),
    softmaxCheck('two large, one tiny', [[1000, 1000, -1000]], { hidden: true }),
  ],
  hints: [
    'Exponentiate every logit, then divide each result by the sum of all of them.',
    'Math.exp(1000) is Infinity. Subtract the largest logit, z_max = Math.max(...logits), from every logit before exponentiating: the largest term becomes e^0 = 1.',
    'Build the result with logits.map(…) so the input stays as it was.',
  ],
  misconceptions: [
    {
      id: 'no-exponential',
      title: 'dividing by the sum of the logits',
      message:
        'Your softmax divides each logit by the sum of the logits, with no exponential. Logits can be negative or sum to 0; softmax first maps each logit to e^{z_c} > 0 and then divides by the sum of those.',
      example: `export function softmax(logits: number[]): number[] {
  const sum = logits.reduce((a, b) => a + b, 0);
  return logits.map((z) => z / sum);
}
`,
    },
    {
      id: 'naive-overflow',
      title: 'the naive form overflows',
      message:
        'Your softmax is right for small logits but returns NaN for large (or very negative) ones: Math.exp(1000) is Infinity and Math.exp(−1000) is 0. Subtract the largest logit from every logit before exponentiating; the result is the same and nothing overflows.',
      example: `export function softmax(logits: number[]): number[] {
  const e = logits.map((z) => Math.exp(z));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}
`,
    },
  ],
});

export const softmaxExercises: Exercise[] = [softmaxExercise];
