/**
 * Chapter 5, the linear layer: a batch through Z = X·Wᵀ + b, counting a network's parameters,
 * and collapsing two linear layers without an activation into one. Expected values come from
 * the engine (`linearBatch`, `mlp(...).parameters()`).
 */
import { createRng, linearBatch, mlp } from '../../engine/index';
import { defineExercise, referenceCheck, type CheckSpec, type Exercise } from './define';

const LESSON = '05-linear-layer';

/** Engine exports that compute a linear layer, or a product that is most of one. */
const LINEAR_TWINS = [
  'linear',
  'Linear',
  'linearBatch',
  'preActivation',
  'forwardLayers',
  'matmul',
  'gemm',
  'transpose',
  'transposeInto',
  'add',
  'addRowVector',
  'perceptronSum',
  'perceptronOutput',
  'mlp',
  'MLP',
] as const;

type M = number[][];

/** A seeded matrix of integers in [−3, 3], so the sums can be followed by hand. */
function ints(rng: ReturnType<typeof createRng>, rows: number, cols: number): M {
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => rng.int(7) - 3));
}

/* ------------------------------------------------------------ linear-batch */

const batchCheck = referenceCheck('linear', linearBatch);

const XOR_X = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];
const SQUARE_W = [
  [1, 2],
  [-1, 3],
];

export const linearBatchExercise: Exercise = defineExercise({
  id: 'linear-batch',
  lesson: LESSON,
  title: 'A linear layer on a batch',
  starter: `/**
 * A linear (fully-connected) layer on a batch: Z = X·Wᵀ + b.
 * X is B×n (one example per row), W is m×n (one row per output unit), b has m entries.
 * Return the B×m matrix Z with Z[r][j] = b[j] + Σ_k X[r][k]·W[j][k].
 * Throw an Error when the shapes do not fit. Leave X, W and b unchanged.
 */
export function linear(X: number[][], W: number[][], b: number[]): number[][] {
  // Your code here.
  return X;
}
`,
  exports: { linear: 'function' },
  withheld: LINEAR_TWINS,
  checks: [
    batchCheck('the four XOR inputs, 2 → 2 (square W)', [XOR_X, SQUARE_W, [0.5, -1]]),
    batchCheck('one example, 3 inputs → 2 outputs', [
      [[1, 2, 3]],
      [
        [1, 0, -1],
        [2, 1, 0],
      ],
      [0, 1],
    ]),
    batchCheck('two examples, 2 inputs → 3 outputs', [
      [
        [1, -1],
        [0.5, 2],
      ],
      [
        [1, 1],
        [2, -1],
        [0, 3],
      ],
      [1, 0, -2],
    ]),
    batchCheck('one input → one output: z = w·x + b', [[[2], [-3], [0]], [[1.5]], [0.25]]),
    batchCheck('an empty batch gives no rows', [[], SQUARE_W, [0, 0]]),
    {
      name: 'X with 3 columns and W with 2 throws',
      call: ['linear', [[1, 2, 3]], SQUARE_W, [0, 0]],
      expect: { throws: true },
    },
    {
      name: 'b of the wrong length throws',
      call: ['linear', XOR_X, SQUARE_W, [1, 2, 3]],
      expect: { throws: true },
    },
    {
      name: 'X is left unchanged',
      call: ['linear', XOR_X, SQUARE_W, [0.5, -1]],
      expect: { unchanged: 0 },
    },
    {
      name: 'W is left unchanged',
      call: ['linear', XOR_X, SQUARE_W, [0.5, -1]],
      expect: { unchanged: 1 },
    },
    {
      name: 'b is left unchanged',
      call: ['linear', XOR_X, SQUARE_W, [0.5, -1]],
      expect: { unchanged: 2 },
    },
    ...[
      [3, 2, 2],
      [1, 4, 3],
      [5, 3, 1],
      [2, 1, 4],
      [4, 4, 4],
    ].map(([B, n, m], k) => {
      const rng = createRng(500 + k);
      return batchCheck('random layer', [ints(rng, B, n), ints(rng, m, n), ints(rng, 1, m)[0]], {
        hidden: true,
      });
    }),
  ],
  hints: [
    'Z has one row per example (row of X) and one column per output unit (row of W).',
    'Z[r][j] is the dot product of row r of X with row j of W — that is what the transpose in X·Wᵀ means — plus b[j].',
    'Check that every row of X has as many entries as every row of W, and that b has one entry per row of W, before computing anything.',
  ],
  misconceptions: [
    {
      id: 'no-transpose',
      title: 'X·W instead of X·Wᵀ',
      message:
        'You multiply X by W itself, pairing X[r][k] with W[k][j]. W has one row per output unit, so output j uses row j of W: Z[r][j] = b[j] + Σ_k X[r][k]·W[j][k]. That is X·Wᵀ.',
      example: `export function linear(X: number[][], W: number[][], b: number[]): number[][] {
  if (b.length !== W.length || X.some((x) => x.length !== W[0].length)) throw new Error('shapes do not fit');
  return X.map((x) => b.map((bj, j) => x.reduce((z, xk, k) => z + xk * W[k][j], bj)));
}
`,
    },
    {
      id: 'no-bias',
      title: 'the bias is left out',
      message:
        'Your outputs leave out the bias: every entry of column j of Z gets b[j] added, for every example.',
      example: `export function linear(X: number[][], W: number[][], b: number[]): number[][] {
  if (b.length !== W.length || X.some((x) => x.length !== W[0].length)) throw new Error('shapes do not fit');
  return X.map((x) => W.map((w) => x.reduce((z, xk, k) => z + xk * w[k], 0)));
}
`,
    },
    {
      id: 'bias-by-example',
      title: 'the bias indexed by the example',
      message:
        'You add b[r], indexed by the example. The bias belongs to the output unit: column j of Z gets b[j], whichever example the row is.',
      example: `export function linear(X: number[][], W: number[][], b: number[]): number[][] {
  if (b.length !== W.length || X.some((x) => x.length !== W[0].length)) throw new Error('shapes do not fit');
  return X.map((x, r) => W.map((w) => x.reduce((z, xk, k) => z + xk * w[k], b[r] ?? 0)));
}
`,
    },
  ],
});

/* ------------------------------------------------------------ count-parameters */

/** The engine's count: the sizes of every weight and bias of an MLP with these sizes. */
function engineCount(sizes: number[]): number {
  if (sizes.length < 2) return 0; // no layer, nothing to learn
  const net = mlp({
    sizes,
    activations: sizes.slice(1).map(() => 'sigmoid' as const),
    rng: createRng(0),
  });
  return net.parameters().reduce((n, p) => n + p.value.data.length, 0);
}

const countCheck = referenceCheck('countParameters', engineCount);

export const countParametersExercise: Exercise = defineExercise({
  id: 'count-parameters',
  lesson: LESSON,
  title: 'Counting a network’s parameters',
  starter: `/**
 * The number of weights and biases of a network of fully-connected layers with these sizes
 * (input first): sizes = [784, 128, 10] has a layer 784 → 128 and a layer 128 → 10.
 */
export function countParameters(sizes: number[]): number {
  // Your code here.
  return 0;
}
`,
  exports: { countParameters: 'function' },
  withheld: ['mlp', 'MLP', 'Linear', 'linear'],
  checks: [
    countCheck('784-128-10, the MNIST network', [[784, 128, 10]]),
    countCheck('2-2-1, the XOR network', [[2, 2, 1]]),
    countCheck('2-3-2, the stepper’s network', [[2, 3, 2]]),
    countCheck('one layer, 3 → 1', [[3, 1]]),
    countCheck('four layers of one unit', [[1, 1, 1, 1]]),
    countCheck('only an input layer: nothing to learn', [[5]]),
    {
      name: 'sizes is left unchanged',
      call: ['countParameters', [784, 128, 10]],
      expect: { unchanged: 0 },
    },
    countCheck('a wide and deep network', [[100, 200, 300, 50, 10]], { hidden: true }),
    ...[1, 2, 3, 4].map((k) => {
      const rng = createRng(510 + k);
      return countCheck(
        'random sizes',
        [Array.from({ length: 2 + (k % 3) }, () => 1 + rng.int(60))],
        { hidden: true },
      );
    }),
  ],
  hints: [
    'A layer from n units to m units has an m × n weight matrix and m biases.',
    'Add (n + 1)·m over every consecutive pair (n, m) of sizes: sizes[j] and sizes[j + 1].',
  ],
  misconceptions: [
    {
      id: 'no-biases',
      title: 'the biases are left out',
      message:
        'You count only the weights. Every unit after the input also has a bias, so a layer from n to m units has n·m weights plus m biases: (n + 1)·m.',
      example: `export function countParameters(sizes: number[]): number {
  let n = 0;
  for (let j = 0; j + 1 < sizes.length; j++) n += sizes[j] * sizes[j + 1];
  return n;
}
`,
    },
    {
      id: 'biases-on-inputs',
      title: 'a bias for each input unit',
      message:
        'You count one bias per unit a layer reads. Biases belong to the units a layer computes: a layer from n to m units has m biases, so (n + 1)·m in all, not n·(m + 1).',
      example: `export function countParameters(sizes: number[]): number {
  let n = 0;
  for (let j = 0; j + 1 < sizes.length; j++) n += sizes[j] * (sizes[j + 1] + 1);
  return n;
}
`,
    },
  ],
});

/* ------------------------------------------------------------ collapse-linear */

/** W2·W1 and W2·b1 + b2, computed with the engine's linear layer on plain arrays. */
function engineCollapse(W1: M, b1: number[], W2: M, b2: number[]): { W: M; b: number[] } {
  // Column k of W2·W1 is W2 applied to column k of W1 (no bias): feed W1's columns as a batch.
  const cols = W1[0].map((_, k) => W1.map((row) => row[k]));
  const WT = linearBatch(
    cols,
    W2,
    W2.map(() => 0),
  );
  const W = W2.map((_, i) => WT.map((col) => col[i]));
  const b = linearBatch([b1], W2, b2)[0];
  return { W, b };
}

function collapseChecks(name: string, W1: M, b1: number[], W2: M, b2: number[], hidden = false) {
  const { W, b } = engineCollapse(W1, b1, W2, b2);
  const call = ['collapse', W1, b1, W2, b2] as const;
  return [
    {
      name: `${name}: W`,
      hidden,
      call,
      map: (v: unknown) => (v as { W?: unknown } | null)?.W,
      expect: { value: W },
      input: hidden ? undefined : `collapse(…).W`,
    },
    {
      name: `${name}: b`,
      hidden,
      call,
      map: (v: unknown) => (v as { b?: unknown } | null)?.b,
      expect: { value: b },
      input: hidden ? undefined : `collapse(…).b`,
    },
  ] satisfies CheckSpec[];
}

const C_W1 = [
  [1, 2],
  [0, -1],
];
const C_W2 = [
  [2, 1],
  [-1, 3],
];

export const collapseLinearExercise: Exercise = defineExercise({
  id: 'collapse-linear',
  lesson: LESSON,
  title: 'Two linear layers are one',
  starter: `/**
 * The single linear layer equal to layer (W1, b1) followed by layer (W2, b2) with no activation
 * between them: W2·(W1·x + b1) + b2 = W·x + b for every x.
 * W1 is h×n, b1 has h entries, W2 is m×h, b2 has m entries. Leave the inputs unchanged.
 */
export function collapse(
  W1: number[][],
  b1: number[],
  W2: number[][],
  b2: number[],
): { W: number[][]; b: number[] } {
  // Your code here.
  return { W: W1, b: b1 };
}
`,
  exports: { collapse: 'function' },
  withheld: LINEAR_TWINS,
  checks: [
    ...collapseChecks('2 → 2 → 2 (all square)', C_W1, [1, -1], C_W2, [0.5, 0]),
    ...collapseChecks(
      '2 → 3 → 1',
      [
        [1, 0],
        [2, -1],
        [0, 1],
      ],
      [0, 1, -1],
      [[1, 2, -1]],
      [3],
    ),
    ...collapseChecks(
      '1 → 2 → 3, b2 = 0',
      [[2], [-1]],
      [1, 1],
      [
        [1, 0],
        [0, 1],
        [1, 1],
      ],
      [0, 0, 0],
    ),
    {
      name: 'W1 is left unchanged',
      call: ['collapse', C_W1, [1, -1], C_W2, [0.5, 0]],
      expect: { unchanged: 0 },
    },
    {
      name: 'b2 is left unchanged',
      call: ['collapse', C_W1, [1, -1], C_W2, [0.5, 0]],
      expect: { unchanged: 3 },
    },
    ...[
      [3, 2, 2],
      [2, 4, 3],
      [4, 1, 2],
    ].flatMap(([n, h, m], k) => {
      const rng = createRng(520 + k);
      return collapseChecks(
        'random layers',
        ints(rng, h, n),
        ints(rng, 1, h)[0],
        ints(rng, m, h),
        ints(rng, 1, m)[0],
        true,
      );
    }),
  ],
  hints: [
    'Expand W2·(W1·x + b1) + b2 = (W2·W1)·x + (W2·b1 + b2), and read off W and b.',
    'W = W2·W1 is m×n: W[i][k] = Σ_j W2[i][j]·W1[j][k]. Mind the order: W2 comes first because it is applied last.',
    'b = W2·b1 + b2: the first layer’s bias also passes through the second layer’s weights.',
  ],
  misconceptions: [
    {
      id: 'wrong-order',
      title: 'W1·W2 instead of W2·W1',
      message:
        'You multiply in the order the layers run, W1·W2. The layer applied last stands on the left: W2·(W1·x) = (W2·W1)·x, so W[i][k] = Σ_j W2[i][j]·W1[j][k].',
      example: `export function collapse(W1: number[][], b1: number[], W2: number[][], b2: number[]) {
  const W = W1.map((row) => W2[0].map((_, k) => row.reduce((s, v, j) => s + v * W2[j][k], 0)));
  const b = W2.map((row, i) => row.reduce((s, v, j) => s + v * b1[j], b2[i]));
  return { W, b };
}
`,
    },
    {
      id: 'bias-sum',
      title: 'b1 + b2 for the bias',
      message:
        'You add the two biases. The first layer’s bias passes through the second layer’s weights like everything else: b = W2·b1 + b2.',
      example: `export function collapse(W1: number[][], b1: number[], W2: number[][], b2: number[]) {
  const W = W2.map((row) => W1[0].map((_, k) => row.reduce((s, v, j) => s + v * W1[j][k], 0)));
  const b = b2.map((v, i) => v + (b1[i] ?? 0));
  return { W, b };
}
`,
    },
    {
      id: 'b1-dropped',
      title: 'the first bias is dropped',
      message:
        'Your bias is b2 alone. The first layer adds b1 before the second layer multiplies by W2, so it survives as W2·b1: b = W2·b1 + b2.',
      example: `export function collapse(W1: number[][], b1: number[], W2: number[][], b2: number[]) {
  const W = W2.map((row) => W1[0].map((_, k) => row.reduce((s, v, j) => s + v * W1[j][k], 0)));
  return { W, b: [...b2] };
}
`,
    },
  ],
});

export const linearExercises: Exercise[] = [
  linearBatchExercise,
  countParametersExercise,
  collapseLinearExercise,
];
