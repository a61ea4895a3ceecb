/**
 * Chapter 3, XOR and the multi-layer perceptron: weights for a 2-2-1 step network that
 * computes XOR, and the forward pass of any one-hidden-layer step network.
 */
import { createRng, gates, stepNetworkForward } from '../../engine/index';
import { defineExercise, referenceCheck, type CheckSpec, type Exercise } from './define';
import { GATE_INPUTS, isNumberList, nameTruthTable } from './truth-tables';

const stepNetwork = (hidden: number[][], output: number[], x: readonly number[]) =>
  stepNetworkForward(hidden, output, x).y;

const LESSON = '03-xor-mlp';

function shapeText(v: unknown): string {
  if (!Array.isArray(v)) return v === undefined ? 'missing' : `not an array (${typeof v})`;
  if (v.every((r) => Array.isArray(r))) {
    const widths = [...new Set((v as unknown[][]).map((r) => r.length))];
    return widths.length === 1
      ? `${v.length}×${widths[0]}`
      : `${v.length} rows of lengths ${widths.join(', ')}`;
  }
  return `${v.length} numbers`;
}

function isXorShape(hidden: unknown, output: unknown): boolean {
  return (
    Array.isArray(hidden) &&
    hidden.length === 2 &&
    hidden.every((r) => isNumberList(r, 3)) &&
    isNumberList(output, 3)
  );
}

export const xorNetworkWeights: Exercise = defineExercise({
  id: 'xor-network-weights',
  lesson: LESSON,
  title: 'Weights for an XOR network',
  starter: `// A 2-2-1 step network: h = step(hidden · [1, x]), y = step(output · [1, h]).
// Each row of hidden is one hidden unit's [bias, weight of x1, weight of x2] (a row of W(1));
// output is the output unit's [bias, weight of h1, weight of h2] (the row of W(2)).
export const hidden: number[][] = [
  [0, 0, 0],
  [0, 0, 0],
];
export const output: number[] = [0, 0, 0];
`,
  exports: { hidden: 'value', output: 'value' },
  withheld: ['gates', 'trainPerceptron'],
  checks: [
    {
      name: 'hidden is 2 rows of [w0, w1, w2]',
      read: 'hidden',
      map: shapeText,
      expect: { value: '2×3' },
    },
    {
      name: 'output is [bias, weight of h1, weight of h2]',
      read: 'output',
      map: shapeText,
      expect: { value: '3 numbers' },
    },
    ...GATE_INPUTS.map((x, i): CheckSpec => ({
      name: `XOR(${x.join(', ')}) = ${gates.XOR.targets[i]}`,
      read: ['hidden', 'output'],
      input: `the network on (${x.join(', ')})`,
      map: (v) => {
        const [hidden, output] = v as [number[][], number[]];
        return stepNetwork(hidden, output, x);
      },
      expect: { value: gates.XOR.targets[i] },
    })),
    {
      name: 'every weight is a finite number',
      hidden: true,
      read: ['hidden', 'output'],
      map: (v) => {
        const [hidden, output] = v as [unknown, unknown];
        return (
          Array.isArray(hidden) && hidden.every((r) => isNumberList(r)) && isNumberList(output)
        );
      },
      expect: { value: true },
    },
  ],
  hints: [
    'XOR(x1, x2) = AND(OR(x1, x2), NAND(x1, x2)): one hidden unit computes OR, the other NAND.',
    'Reuse your chapter 2 weights: hidden = [OR weights, NAND weights]; output = AND weights on (h1, h2).',
  ],
  misconceptions: [
    {
      id: 'wrong-shape',
      title: 'the weights have the wrong shape',
      message:
        'hidden must be 2×3 (two hidden units, each [bias, weight of x1, weight of x2]) and output must have 3 numbers [bias, weight of h1, weight of h2].',
      example: `export const hidden: number[][] = [
  [-0.5, 1],
  [1.5, -1],
  [1, 1],
];
export const output: number[] = [-1.5, 1, 1];
`,
      detect: (s) => {
        const hidden = s.read('hidden');
        const output = s.read('output');
        if (isXorShape(hidden, output)) return false;
        return `Expected hidden with shape 2×3 and output with 3 numbers; received hidden ${shapeText(hidden)} and output ${shapeText(output)}.`;
      },
    },
    {
      id: 'computes-another-function',
      title: 'the network computes another function',
      message: 'The network computes another function, not XOR.',
      example: `// OR and NAND in the hidden layer are right, but OR on top gives the constant 1.
export const hidden: number[][] = [
  [-0.5, 1, 1],
  [1.5, -1, -1],
];
export const output: number[] = [-0.5, 1, 1];
`,
      detect: (s) => {
        const hidden = s.read('hidden') as number[][];
        const output = s.read('output') as number[];
        if (!isXorShape(hidden, output)) return false;
        const outputs = GATE_INPUTS.map((x) => stepNetwork(hidden, output, x));
        if (outputs.join('') === gates.XOR.targets.join('')) return false;
        return `Your network computes ${nameTruthTable(outputs)} (outputs ${outputs.join(', ')} for inputs 00, 01, 10, 11), not XOR (${gates.XOR.targets.join(', ')}).`;
      },
    },
  ],
});

/** A random step network with `inputs` inputs and `units` hidden units, on a half-unit grid. */
function randomNetwork(seed: number, inputs: number, units: number) {
  const rng = createRng(seed);
  const half = () => Math.round(rng.uniform(-4, 4)) / 2;
  const hidden = Array.from({ length: units }, () => Array.from({ length: inputs + 1 }, half));
  const output = Array.from({ length: units + 1 }, half);
  const x = Array.from({ length: inputs }, () => rng.int(2));
  return { hidden, output, x };
}

const forwardCheck = referenceCheck('forward', stepNetwork);

const XOR_HIDDEN = [
  [-0.5, 1, 1],
  [1.5, -1, -1],
];
const XOR_OUTPUT = [-1.5, 1, 1];

export const twoLayerForward: Exercise = defineExercise({
  id: 'two-layer-forward',
  lesson: LESSON,
  title: 'The forward pass of a two-layer step network',
  starter: `/**
 * Output of a step network with one hidden layer, for any number of inputs and hidden units:
 * h[j] = step(hidden[j][0] + Σ hidden[j][i + 1]·x[i]),  y = step(output[0] + Σ output[j + 1]·h[j]).
 * step(z) is 1 when z ≥ 0, else 0.
 */
export function forward(hidden: number[][], output: number[], x: number[]): number {
  // Your code here.
  return 0;
}
`,
  exports: { forward: 'function' },
  withheld: ['perceptronOutput', 'perceptronSum', 'stepNetworkForward'],
  checks: [
    ...GATE_INPUTS.map((x) =>
      forwardCheck(`XOR network on (${x.join(', ')})`, [XOR_HIDDEN, XOR_OUTPUT, [...x]]),
    ),
    forwardCheck('the output bias decides', [[[1, 0]], [-0.5, 0.25], [1]]),
    // Ties: a hidden unit's sum, then the output's sum, lands exactly on 0, where ≥ gives 1.
    forwardCheck('a hidden sum is exactly 0', [[[-1, 1]], [-0.5, 1], [1]]),
    forwardCheck('the output sum is exactly 0', [[[0.5, 1]], [-1, 1], [0]]),
    // Sizes other than 2-2-1: the third input, or the third hidden unit, decides the output.
    forwardCheck('three inputs: the third one decides', [[[-0.5, 0, 0, 1]], [-0.5, 1], [0, 0, 1]]),
    forwardCheck('three hidden units: the third one decides', [
      [
        [-1, 0],
        [-1, 0],
        [0.5, 0],
      ],
      [-0.5, 0, 0, 1],
      [0],
    ]),
    forwardCheck('no hidden units: the output bias alone', [[], [0], [1, 0]]),
    {
      name: 'x is left unchanged',
      call: ['forward', XOR_HIDDEN, XOR_OUTPUT, [1, 0]],
      expect: { unchanged: 2 },
    },
    {
      name: 'the hidden weights are left unchanged',
      call: ['forward', XOR_HIDDEN, XOR_OUTPUT, [1, 0]],
      expect: { unchanged: 0 },
    },
    forwardCheck('one input, three hidden units', [
      [
        [0.5, -1],
        [-0.5, 1],
        [0, 1],
      ],
      [-1.5, 1, 1, -1],
      [1],
    ]),
    ...[1, 2, 3, 4, 5].map((k) => {
      const { hidden, output, x } = randomNetwork(300 + k, 1 + (k % 3), 1 + k);
      return forwardCheck('random network', [hidden, output, x], { hidden: true });
    }),
  ],
  hints: [
    'First compute the hidden activations: h = hidden.map((row) => step(row[0] + Σ row[i + 1]·x[i])).',
    'The output unit is a perceptron on h, with its own bias output[0]: y = step(output[0] + Σ output[j + 1]·h[j]).',
  ],
  misconceptions: [
    {
      id: 'no-output-bias',
      title: 'the output bias is left out',
      message:
        'Your output unit leaves out its bias output[0]. The output unit is a perceptron on [1, h1, …, hm]: start its sum from output[0].',
      example: `export function forward(hidden: number[][], output: number[], x: number[]): number {
  const step = (z: number) => (z >= 0 ? 1 : 0);
  const h = hidden.map((row) => step(row[0] + x.reduce((s, xi, i) => s + row[i + 1] * xi, 0)));
  return step(h.reduce((s, hj, j) => s + output[j + 1] * hj, 0));
}
`,
    },
  ],
});

export const xorExercises: Exercise[] = [xorNetworkWeights, twoLayerForward];
