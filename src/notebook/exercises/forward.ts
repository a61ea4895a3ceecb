/**
 * Chapter 4, forward propagation: the logistic sigmoid, one layer z = W·[1; a], a' = g(z),
 * and the forward pass through any number of layers. Expected values come from the engine
 * (`sigmoid`, `preActivation`, `forwardLayers`).
 */
import { createRng, forwardLayers, sigmoid } from '../../engine/index';
import { defineExercise, referenceCheck, type Exercise } from './define';

const LESSON = '04-forward-propagation';

/**
 * Engine exports from which the sigmoid falls out in one line: the registry and layers that
 * apply it, softmax([z, 0])[0], and exp(−BCE(z, 1)) or exp(logSoftmax). Withheld together.
 */
const SIGMOID_TWINS = [
  'sigmoid',
  'activations',
  'getActivation',
  'ActivationLayer',
  'activation',
  'mlp',
  'MLP',
  'softmax',
  'softmaxRows',
  'logSoftmax',
  'logSoftmaxRows',
  'logSoftmaxInto',
  'logSumExp',
  'crossEntropyFromLogits',
  'binaryCrossEntropyFromLogits',
  'bceOne',
  'losses',
  'getLoss',
  'forwardLayers',
] as const;

/** Engine exports that compute a layer's weighted sums (or a whole layer) for you. */
const LAYER_TWINS = [
  'preActivation',
  'forwardLayers',
  'linearBatch',
  'perceptronSum',
  'perceptronOutput',
  'matmul',
  'gemm',
  'Linear',
  'linear',
  'mlp',
  'MLP',
] as const;

/* ------------------------------------------------------------------ sigmoid */

/**
 * Every value check of this chapter compares within 1e-12, tighter than DEFAULT_TOLERANCE. The
 * tolerance is part of each exercise's version, so changing it would mark stored work outdated.
 */
const TOLERANCE = 1e-12;

const sigmoidCheck = referenceCheck('sigmoid', sigmoid, { tolerance: TOLERANCE });

export const sigmoidExercise: Exercise = defineExercise({
  id: 'sigmoid',
  lesson: LESSON,
  title: 'The logistic sigmoid',
  starter: `/**
 * The logistic function g(z) = 1 / (1 + e^(−z)). It must return a finite number in [0, 1]
 * for every finite z, including z = ±1000.
 */
export function sigmoid(z: number): number {
  // Your code here.
  return z;
}
`,
  exports: { sigmoid: 'function' },
  withheld: SIGMOID_TWINS,
  checks: [
    sigmoidCheck('g(0) = 0.5', [0]),
    sigmoidCheck('g(2)', [2]),
    sigmoidCheck('g(−2)', [-2]),
    sigmoidCheck('g(0.5)', [0.5]),
    sigmoidCheck('a large positive z: g(1000) is 1, not NaN', [1000]),
    sigmoidCheck('a large negative z: g(−1000) is 0, not NaN', [-1000]),
    sigmoidCheck('g(−30) is tiny but positive', [-30]),
    sigmoidCheck('g(40)', [40], { hidden: true }),
    ...[1, 2, 3, 4, 5, 6].map((k) => {
      const rng = createRng(400 + k);
      return sigmoidCheck('random z', [rng.uniform(-8, 8)], { hidden: true });
    }),
  ],
  hints: [
    'Write the formula as the lesson gives it, with Math.exp for e. Mind the sign of the exponent: large positive z must give values close to 1.',
    'At z = 0 the answer must be exactly 0.5.',
    'If g(1000) gives NaN, you computed e^z / (1 + e^z): e^1000 is Infinity, and Infinity / Infinity is NaN. The form 1 / (1 + e^(−z)) has no such problem for large z.',
  ],
  misconceptions: [
    {
      id: 'sign-slip',
      title: 'e^z instead of e^(−z)',
      message:
        'Your function is decreasing: it computes 1 / (1 + e^z), which is g(−z). The exponent needs a minus sign, e^(−z), so that large z gives values near 1.',
      example: `export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(z));
}
`,
    },
    {
      id: 'overflow',
      title: 'e^z / (1 + e^z) overflows',
      message:
        'For z = 1000 your function returns NaN: Math.exp(1000) is Infinity, and Infinity / Infinity is NaN. Use 1 / (1 + Math.exp(-z)), which is the same function and stays finite.',
      example: `export function sigmoid(z: number): number {
  const e = Math.exp(z);
  return e / (1 + e);
}
`,
    },
    {
      id: 'hard-threshold',
      title: 'the step instead of the sigmoid',
      message:
        'Your function jumps from 0 to 1 like the perceptron’s step. The sigmoid is a smooth step: it passes through every value between 0 and 1, e.g. g(2) ≈ 0.88.',
      example: `export function sigmoid(z: number): number {
  return z >= 0 ? 1 : 0;
}
`,
    },
  ],
});

/* ------------------------------------------------------------ one layer */

/** A random layer with `inputs` inputs and `units` units, weights in [−2, 2], and an input. */
function randomLayer(seed: number, inputs: number, units: number) {
  const rng = createRng(seed);
  const r = () => Math.round(rng.uniform(-2, 2) * 100) / 100;
  const W = Array.from({ length: units }, () => Array.from({ length: inputs + 1 }, r));
  const a = Array.from({ length: inputs }, r);
  return { W, a };
}

/** The engine's one-layer forward pass: g(W·[1; a]) with the sigmoid. */
const layerOut = (W: number[][], a: number[]) => forwardLayers([W], a).a[1];

const layerCheck = referenceCheck('layerForward', layerOut, { tolerance: TOLERANCE });

const LECTURE_W = [
  [0.5, 1, -1],
  [-0.5, 2, 1],
];

export const layerForwardExercise: Exercise = defineExercise({
  id: 'layer-forward',
  lesson: LESSON,
  title: 'One layer of forward propagation',
  starter: `import { sigmoid } from '@engine';

/**
 * One layer: z = W·[1; a] and the new activations g(z), with g the sigmoid.
 * W has one row per unit; row i is [W_i0, W_i1, …, W_in], where W_i0 multiplies the bias
 * unit a_0 = 1 and W_ik multiplies a[k − 1]. Throw an Error when a row's length is not
 * a.length + 1. Leave W and a unchanged.
 */
export function layerForward(W: number[][], a: number[]): number[] {
  // Your code here.
  return a.map(sigmoid);
}
`,
  exports: { layerForward: 'function' },
  withheld: LAYER_TWINS,
  checks: [
    layerCheck('two units, two inputs (the lecture’s shape)', [LECTURE_W, [1, 0.5]]),
    layerCheck('one unit', [[[-1, 2, 2]], [0.25, 0.75]]),
    layerCheck('the bias alone: zero inputs give g(W_i0)', [LECTURE_W, [0, 0]]),
    layerCheck('three units, four inputs', [
      [
        [0.1, 1, -1, 0.5, 2],
        [-0.3, 0, 0.5, -1, 1],
        [1, -2, 0.25, 0, -0.5],
      ],
      [0.5, -1, 2, 0.25],
    ]),
    layerCheck('one input, two units', [
      [
        [2, -3],
        [-1, 0.5],
      ],
      [1.5],
    ]),
    layerCheck('no inputs at all: only biases', [[[0.7], [-1.2]], []]),
    {
      name: 'a row of the wrong length throws',
      call: ['layerForward', [[0.5, 1]], [1, 2]],
      expect: { throws: true },
    },
    {
      name: 'W is left unchanged',
      call: ['layerForward', LECTURE_W, [1, 0.5]],
      expect: { unchanged: 0 },
    },
    {
      name: 'a is left unchanged',
      call: ['layerForward', LECTURE_W, [1, 0.5]],
      expect: { unchanged: 1 },
    },
    ...[1, 2, 3, 4, 5].map((k) => {
      const { W, a } = randomLayer(410 + k, 1 + (k % 4), 1 + ((k * 2) % 5));
      return layerCheck('random layer', [W, a], { hidden: true });
    }),
    {
      name: 'a row with one weight too many throws',
      hidden: true,
      call: ['layerForward', [[0.5, 1, 2, 3]], [1, 2]],
      expect: { throws: true },
    },
  ],
  hints: [
    'For each row of W (one unit), start from the bias W[i][0], then add W[i][k + 1] · a[k] for every input k.',
    'Apply the sigmoid to each unit’s sum z_i, and return one number per row of W.',
    'Check every row’s length against a.length + 1 before you use it, and build new arrays with map instead of writing into W or a.',
  ],
  misconceptions: [
    {
      id: 'no-bias',
      title: 'the bias column is left out',
      message:
        'Your layer ignores column 0 of W, the weights on the bias unit a_0 = 1. Start each unit’s sum from W[i][0].',
      example: `import { sigmoid } from '@engine';

export function layerForward(W: number[][], a: number[]): number[] {
  return W.map((row) => {
    if (row.length !== a.length + 1) throw new Error('row length must be a.length + 1');
    let z = 0;
    for (let k = 0; k < a.length; k++) z += row[k + 1] * a[k];
    return sigmoid(z);
  });
}
`,
    },
    {
      id: 'shifted-columns',
      title: 'columns shifted by one',
      message:
        'Your weights are shifted by one column: a[k] must be multiplied by W[i][k + 1], because column 0 belongs to the bias unit.',
      example: `import { sigmoid } from '@engine';

export function layerForward(W: number[][], a: number[]): number[] {
  return W.map((row) => {
    if (row.length !== a.length + 1) throw new Error('row length must be a.length + 1');
    let z = row[0];
    for (let k = 0; k < a.length; k++) z += row[k] * a[k];
    return sigmoid(z);
  });
}
`,
    },
    {
      id: 'transposed',
      title: 'W used transposed',
      message:
        'Your layer reads W by columns: it uses W[k][i] where it needs W[i][k]. Each row of W belongs to one unit of the next layer, so unit i’s sum runs along row i: z_i = W[i][0] + Σ_k W[i][k + 1]·a[k].',
      example: `import { sigmoid } from '@engine';

export function layerForward(W: number[][], a: number[]): number[] {
  if (W.some((row) => row.length !== a.length + 1)) throw new Error('row length must be a.length + 1');
  const inputs = [1, ...a];
  return W.map((_, i) => sigmoid(inputs.reduce((z, v, k) => z + W[k][i] * v, 0)));
}
`,
    },
    {
      id: 'no-activation',
      title: 'z returned instead of g(z)',
      message:
        'You return the weighted sums z. A layer’s activations are a = g(z): apply the sigmoid to every z_i.',
      example: `export function layerForward(W: number[][], a: number[]): number[] {
  return W.map((row) => {
    if (row.length !== a.length + 1) throw new Error('row length must be a.length + 1');
    let z = row[0];
    for (let k = 0; k < a.length; k++) z += row[k + 1] * a[k];
    return z;
  });
}
`,
    },
  ],
});

/* ------------------------------------------------------------ whole network */

/** A random network with layer sizes `sizes` (input first), weights in [−3, 3], and an input. */
function randomNetwork(seed: number, sizes: number[]) {
  const rng = createRng(seed);
  const r = () => Math.round(rng.uniform(-3, 3) * 100) / 100;
  const Ws = sizes
    .slice(1)
    .map((n, j) => Array.from({ length: n }, () => Array.from({ length: sizes[j] + 1 }, r)));
  const x = Array.from({ length: sizes[0] }, r);
  return { Ws, x };
}

const networkCheck = referenceCheck(
  'forward',
  (Ws: number[][][], x: number[]) => forwardLayers(Ws, x).a.at(-1),
  { tolerance: TOLERANCE },
);

/** The 2-2-1 sigmoid network of the lesson: hidden ≈ OR and NAND, output ≈ AND, so ≈ XOR. */
const XOR_WS = [
  [
    [-10, 20, 20],
    [30, -20, -20],
  ],
  [[-30, 20, 20]],
];
const SMALL_WS = [
  [
    [0.5, 1, -1],
    [-0.5, 2, 1],
  ],
  [[0.25, -1.5, 2]],
];

export const networkForwardExercise: Exercise = defineExercise({
  id: 'network-forward',
  lesson: LESSON,
  title: 'Forward propagation through a network',
  starter: `import { sigmoid } from '@engine';

/**
 * The network's output for input x. weights[j] is the weight matrix from layer j + 1 to j + 2
 * (the lecture's W^(j+1), in the same layout as layerForward's W: column 0 is the bias).
 * Every layer applies the sigmoid. Return the last layer's activations.
 */
export function forward(weights: number[][][], x: number[]): number[] {
  // Your code here.
  return x;
}
`,
  exports: { forward: 'function' },
  withheld: LAYER_TWINS,
  checks: [
    networkCheck('the 2-2-1 network on (0, 1)', [SMALL_WS, [0, 1]]),
    networkCheck('the 2-2-1 network on (1, 0.5)', [SMALL_WS, [1, 0.5]]),
    networkCheck('the XOR-like network on (1, 1)', [XOR_WS, [1, 1]]),
    networkCheck('the XOR-like network on (1, 0)', [XOR_WS, [1, 0]]),
    networkCheck('a single layer', [[SMALL_WS[0]], [1, 0.5]]),
    networkCheck('three layers, 3-4-2-2', [randomNetwork(420, [3, 4, 2, 2]).Ws, [0.5, -1, 2]]),
    {
      name: 'weights is left unchanged',
      call: ['forward', SMALL_WS, [1, 0.5]],
      expect: { unchanged: 0 },
    },
    {
      name: 'x is left unchanged',
      call: ['forward', SMALL_WS, [1, 0.5]],
      expect: { unchanged: 1 },
    },
    ...[
      [2, 3, 1],
      [1, 1, 1, 1],
      [4, 2, 3],
      [3, 5, 4, 2],
    ].map((sizes, k) => {
      const { Ws, x } = randomNetwork(430 + k, sizes);
      return networkCheck('random network', [Ws, x], { hidden: true });
    }),
  ],
  hints: [
    'Keep the current activations in a variable a, starting with a = x. For each W in weights, replace a by that layer’s output.',
    'Each layer does what your layerForward does (write it again here; the engine’s is not available): z_i = W[i][0] + Σ_k W[i][k + 1]·a[k], then a_i = sigmoid(z_i). The bias unit 1 is prepended at every layer, not only the first.',
  ],
  misconceptions: [
    {
      id: 'sigmoid-last-only',
      title: 'the sigmoid only at the end',
      message:
        'You apply the sigmoid only to the last layer. Every layer computes a = g(z): the hidden activations that feed the next layer are sigmoids too.',
      example: `import { sigmoid } from '@engine';

export function forward(weights: number[][][], x: number[]): number[] {
  let a = x;
  for (const W of weights) {
    a = W.map((row) => row.slice(1).reduce((z, w, k) => z + w * a[k], row[0]));
  }
  return a.map(sigmoid);
}
`,
    },
    {
      id: 'bias-first-layer-only',
      title: 'the bias unit only in the first layer',
      message:
        'Your hidden layers lose their bias: every layer’s matrix has its own column 0 for a bias unit a_0 = 1, so prepend 1 to the activations at every layer.',
      example: `import { sigmoid } from '@engine';

export function forward(weights: number[][][], x: number[]): number[] {
  let a = x;
  weights.forEach((W, j) => {
    a = W.map((row) =>
      sigmoid(row.slice(1).reduce((z, w, k) => z + w * a[k], j === 0 ? row[0] : 0)),
    );
  });
  return a;
}
`,
    },
    {
      id: 'hidden-returned',
      title: 'the first layer’s activations returned',
      message:
        'You return the activations of the first layer only. Feed each layer’s output into the next, and return what the last layer produces.',
      example: `import { sigmoid } from '@engine';

export function forward(weights: number[][][], x: number[]): number[] {
  return weights[0].map((row) => sigmoid(row.slice(1).reduce((z, w, k) => z + w * x[k], row[0])));
}
`,
    },
  ],
});

export const forwardExercises: Exercise[] = [
  sigmoidExercise,
  layerForwardExercise,
  networkForwardExercise,
];
