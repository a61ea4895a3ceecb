/**
 * Chapter 6, MNIST and the squared error: the one-hot target of a label, the squared error of
 * one prediction (the lecture's example gives 1.19), and the accuracy of a batch of outputs.
 * Every expected value is computed by the engine's own twin of the function asked for.
 */
import {
  accuracy as engineAccuracy,
  createRng,
  Matrix,
  oneHot as engineOneHot,
  sumSquaredError,
} from '../../engine/index';
import { defineExercise, referenceCheck, type CheckSpec, type Exercise } from './define';

const LESSON = '06-mnist';

/** The lecture's prediction for an image of a 1, and that 1's one-hot target. */
export const LECTURE_PREDICTION = [0.1, 0.5, 0.3, 0.2, 0.1, 0.8, 0.1, 0.2, 0.3, 0.1];
export const LECTURE_LABEL = 1;

const oneHotOf = (label: number, classes: number): number[] =>
  Array.from(engineOneHot([label], classes).data);

// ---------------------------------------------------------------------------------------------
// one-hot

const oneHotCase = referenceCheck('oneHot', oneHotOf);

/** The name says the case: every one-hot check is a label and a number of classes. */
const oneHotCheck = (label: number, classes: number, hidden = false): CheckSpec =>
  oneHotCase(`label ${label} of ${classes} classes`, [label, classes], { hidden });

function refuses(label: number, classes: number, why: string): CheckSpec {
  return {
    name: `label ${String(label)} of ${classes} classes throws (${why})`,
    call: ['oneHot', label, classes],
    expect: { throws: true },
  };
}

const ONE_HOT_SIG = 'export function oneHot(label: number, classes: number): number[]';

export const oneHotExercise: Exercise = defineExercise({
  id: 'one-hot',
  lesson: LESSON,
  title: 'The one-hot target',
  starter: `/**
 * The one-hot vector of a label: \`classes\` numbers, all 0 except a 1 at index \`label\`.
 * oneHot(1, 10) is [0, 1, 0, 0, 0, 0, 0, 0, 0, 0].
 * Throws an Error when label is not an integer in [0, classes).
 */
${ONE_HOT_SIG} {
  // Your code here.
  return [];
}
`,
  exports: { oneHot: 'function' },
  withheld: ['oneHot', 'toMatrices', 'mnistMatrices'],
  checks: [
    oneHotCheck(1, 10),
    // The edges: the first and the last class.
    oneHotCheck(0, 10),
    oneHotCheck(9, 10),
    // Sizes other than ten, where a hard-coded 10 gives another answer.
    oneHotCheck(2, 3),
    oneHotCheck(0, 1),
    oneHotCheck(11, 12),
    refuses(10, 10, 'one past the last class'),
    refuses(-1, 10, 'negative'),
    refuses(1.5, 10, 'not an integer'),
    refuses(NaN, 10, 'not a number'),
    refuses(0, 0, 'no classes at all'),
    ...[1, 2, 3, 4].map((k) => {
      const rng = createRng(600 + k);
      const classes = 2 + rng.int(20);
      return oneHotCheck(rng.int(classes), classes, true);
    }),
  ],
  hints: [
    'Start from an array of `classes` zeros, for example `new Array(classes).fill(0)`, and set one entry to 1.',
    'Check the label first: `Number.isInteger(label) && label >= 0 && label < classes`; otherwise `throw new Error(…)`.',
  ],
  misconceptions: [
    {
      id: 'one-based',
      title: 'the 1 is one place too early',
      message:
        'Indices start at 0: digit 0 has its 1 at index 0, digit 9 at index 9. Put the 1 at index label, not label − 1.',
      example: `${ONE_HOT_SIG} {
  if (!Number.isInteger(label) || label < 0 || label >= classes) throw new Error('bad label');
  const v = new Array(classes).fill(0);
  v[label - 1] = 1;
  return v;
}
`,
    },
    {
      id: 'no-range-check',
      title: 'bad labels are not refused',
      message:
        'Your vectors are right, but a label that is not an integer in [0, classes) must throw an Error rather than return something: a label of 10 with ten classes, −1, 1.5 or NaN has no one-hot vector.',
      example: `${ONE_HOT_SIG} {
  const v = new Array(classes).fill(0);
  v[label] = 1;
  return v;
}
`,
    },
  ],
});

// ---------------------------------------------------------------------------------------------
// squared-error

const sseCheck = referenceCheck('squaredError', sumSquaredError);

const SSE_SIG = 'export function squaredError(prediction: number[], target: number[]): number';
const LECTURE_TARGET = oneHotOf(LECTURE_LABEL, 10);

export const squaredErrorExercise: Exercise = defineExercise({
  id: 'squared-error',
  lesson: LESSON,
  title: 'The squared error',
  starter: `/**
 * The squared error of one prediction: the sum over outputs of (prediction[i] − target[i])².
 * For the lecture's example it is 1.19.
 * Throws an Error when the two arrays have different lengths.
 */
${SSE_SIG} {
  // Your code here.
  return 0;
}
`,
  exports: { squaredError: 'function' },
  withheld: ['sumSquaredError', 'losses', 'getLoss'],
  checks: [
    sseCheck("the lecture's example: 1.19", [LECTURE_PREDICTION, LECTURE_TARGET]),
    sseCheck('a perfect prediction', [
      [0, 1, 0],
      [0, 1, 0],
    ]),
    // Each term changes the answer, and the sign of a difference must not matter.
    sseCheck('three outputs, all wrong', [
      [1, 0, 0.5],
      [0, 1, 0],
    ]),
    sseCheck('negative differences', [
      [0, 0, 0, 0],
      [1, 0, 0, 0],
    ]),
    sseCheck('one output', [[0.25], [1]]),
    sseCheck('a target that is not one-hot', [
      [0.5, 0.5],
      [0.2, 0.9],
    ]),
    sseCheck('no outputs at all', [[], []]),
    {
      name: 'lengths differ: throws',
      call: ['squaredError', [0.1, 0.9], [0, 1, 0]],
      expect: { throws: true },
    },
    {
      name: 'a longer prediction than target: throws',
      call: ['squaredError', [0.1, 0.9, 0], [0, 1]],
      expect: { throws: true },
    },
    {
      name: 'the prediction is left unchanged',
      call: ['squaredError', LECTURE_PREDICTION, LECTURE_TARGET],
      expect: { unchanged: 0 },
    },
    {
      name: 'the target is left unchanged',
      call: ['squaredError', LECTURE_PREDICTION, LECTURE_TARGET],
      expect: { unchanged: 1 },
    },
    ...[1, 2, 3, 4].map((k) => {
      const rng = createRng(610 + k);
      const n = 2 + rng.int(12);
      const prediction = Array.from({ length: n }, () => rng.uniform(0, 1));
      return sseCheck('random', [prediction, oneHotOf(rng.int(n), n)], { hidden: true });
    }),
  ],
  hints: [
    'Loop over the outputs and add up (prediction[i] − target[i]) ** 2.',
    'Compare the lengths before the loop and `throw new Error(…)` when they differ.',
  ],
  misconceptions: [
    {
      id: 'mean',
      title: 'the mean instead of the sum',
      message:
        "You divided by the number of outputs. The chapter's squared error adds the ten squared differences up (1.19 in the lecture's example); it does not average them (0.119).",
      example: `${SSE_SIG} {
  if (prediction.length !== target.length) throw new Error('lengths differ');
  let s = 0;
  for (let i = 0; i < prediction.length; i++) s += (prediction[i] - target[i]) ** 2;
  return s / prediction.length;
}
`,
    },
    {
      id: 'absolute',
      title: 'absolute differences instead of squares',
      message:
        "You added up the absolute differences |prediction − target| (2.7 in the lecture's example). Square each difference instead: 0.1² + 0.5² + … = 1.19.",
      example: `${SSE_SIG} {
  if (prediction.length !== target.length) throw new Error('lengths differ');
  let s = 0;
  for (let i = 0; i < prediction.length; i++) s += Math.abs(prediction[i] - target[i]);
  return s;
}
`,
    },
  ],
});

// ---------------------------------------------------------------------------------------------
// accuracy

/** The engine's accuracy of rows of outputs against integer labels (argmax, first on ties). */
function expectedAccuracy(outputs: number[][], labels: number[]): number {
  const classes = outputs[0].length;
  return engineAccuracy(Matrix.fromRows(outputs), engineOneHot(labels, classes), 'sse');
}

const accuracyCheck = referenceCheck('accuracy', expectedAccuracy);

const ACC_SIG = 'export function accuracy(outputs: number[][], labels: number[]): number';

/** Rows of outputs where the classes are well apart (no float32 tie the float64 answer lacks). */
function randomBatch(seed: number) {
  const rng = createRng(seed);
  const classes = 3 + rng.int(8);
  const rows = 5 + rng.int(10);
  const outputs = Array.from({ length: rows }, () =>
    Array.from({ length: classes }, () => rng.int(64) / 64),
  );
  const labels = Array.from({ length: rows }, () => rng.int(classes));
  return { outputs, labels };
}

export const accuracyExercise: Exercise = defineExercise({
  id: 'accuracy',
  lesson: LESSON,
  title: 'Accuracy',
  starter: `/**
 * The fraction of rows whose largest output is at the index of that row's label.
 * On a tie, the first of the largest outputs is the prediction.
 * outputs[i] holds the network's outputs for example i; labels[i] is its true class.
 * Throws an Error when outputs and labels have different lengths.
 */
${ACC_SIG} {
  // Your code here.
  return 0;
}
`,
  exports: { accuracy: 'function' },
  withheld: ['accuracy', 'argmaxRows', 'evaluate'],
  checks: [
    accuracyCheck("the lecture's prediction for a 1 (its largest output is 5)", [
      [LECTURE_PREDICTION],
      [1],
    ]),
    accuracyCheck('the same prediction for a 5', [[LECTURE_PREDICTION], [5]]),
    accuracyCheck('two of four rows right', [
      [
        [0.9, 0.1, 0.2],
        [0.1, 0.7, 0.3],
        [0.3, 0.2, 0.6],
        [0.2, 0.6, 0.1],
      ],
      [0, 2, 2, 0],
    ]),
    // Ties: the first of the equal largest outputs is the prediction.
    accuracyCheck('a tie: the first largest output counts', [
      [
        [0.25, 0.75, 0.75],
        [0.5, 0.5, 0],
      ],
      [1, 0],
    ]),
    accuracyCheck('a tie: the later largest output does not count', [
      [
        [0.25, 0.75, 0.75],
        [0.5, 0.5, 0],
      ],
      [2, 1],
    ]),
    // The contract's edges: labels 0 and classes − 1, all-negative outputs, other sizes.
    accuracyCheck('labels at the edges, 0 and 9', [
      [
        [0.9, 0, 0, 0, 0, 0, 0, 0, 0, 0.1],
        [0.1, 0, 0, 0, 0, 0, 0, 0, 0, 0.9],
      ],
      [0, 9],
    ]),
    accuracyCheck('all outputs negative', [
      [
        [-3, -1, -2],
        [-0.5, -4, -0.25],
      ],
      [1, 2],
    ]),
    accuracyCheck('two classes, three rows', [
      [
        [0, 1],
        [1, 0],
        [0.25, 0.5],
      ],
      [1, 1, 1],
    ]),
    accuracyCheck('outputs that equal their labels as numbers', [
      [
        [0, 1, 2],
        [2, 1, 0],
      ],
      [2, 1],
    ]),
    {
      name: 'lengths differ: throws',
      call: ['accuracy', [[0.1, 0.9]], [1, 0]],
      expect: { throws: true },
    },
    {
      name: 'the outputs are left unchanged',
      call: [
        'accuracy',
        [
          [0.2, 0.9, 0.5],
          [0.7, 0.1, 0.3],
        ],
        [1, 0],
      ],
      expect: { unchanged: 0 },
    },
    {
      name: 'the labels are left unchanged',
      call: [
        'accuracy',
        [
          [0.2, 0.9, 0.5],
          [0.7, 0.1, 0.3],
        ],
        [1, 0],
      ],
      expect: { unchanged: 1 },
    },
    ...[1, 2, 3, 4].map((k) => {
      const { outputs, labels } = randomBatch(620 + k);
      return accuracyCheck('random batch', [outputs, labels], { hidden: true });
    }),
  ],
  hints: [
    "For each row, find the index of its largest output (keep the first on ties: replace the best only when a later value is strictly larger), and compare that index with the row's label.",
    'Count the rows where they agree and divide by the number of rows.',
  ],
  misconceptions: [
    {
      id: 'value-not-index',
      title: 'the largest value is compared, not its index',
      message:
        "You compared the largest output itself (a number like 0.8) with the label. The prediction is the index of the largest output: in the lecture's example that is 5, because output 5 holds 0.8.",
      example: `${ACC_SIG} {
  if (outputs.length !== labels.length) throw new Error('lengths differ');
  let right = 0;
  for (let i = 0; i < outputs.length; i++) {
    if (Math.max(...outputs[i]) === labels[i]) right++;
  }
  return right / outputs.length;
}
`,
    },
    {
      id: 'last-on-ties',
      title: 'the last largest output wins a tie',
      message:
        'On a tie your code picks the last of the equal largest outputs. The prediction is the first one: replace the best index only when a value is strictly larger (>, not ≥).',
      example: `${ACC_SIG} {
  if (outputs.length !== labels.length) throw new Error('lengths differ');
  let right = 0;
  outputs.forEach((row, i) => {
    let best = 0;
    for (let j = 1; j < row.length; j++) if (row[j] >= row[best]) best = j;
    if (best === labels[i]) right++;
  });
  return right / outputs.length;
}
`,
    },
  ],
});

export const mnistExercises: Exercise[] = [oneHotExercise, squaredErrorExercise, accuracyExercise];
