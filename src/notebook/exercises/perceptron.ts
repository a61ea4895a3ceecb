/**
 * Chapter 2, the perceptron: its output, gate weights, and Rosenblatt's learning rule.
 * Expected values come from the engine (`perceptronOutput`, `perceptronUpdate`, `gates`).
 */
import {
  createRng,
  gates,
  perceptronOutput,
  perceptronUpdate,
  type GateName,
} from '../../engine/index';
import { defineExercise, referenceCheck, type CheckSpec, type Exercise } from './define';
import { GATE_INPUTS, isNumberList, nameTruthTable, perceptronTable } from './truth-tables';

const LESSON = '02-perceptron';

/** Weights and inputs on a half-unit grid, so that some sums land exactly on 0. */
function randomCase(seed: number, n: number, real: boolean): { w: number[]; x: number[] } {
  const rng = createRng(seed);
  const half = () => Math.round(rng.uniform(-4, 4)) / 2;
  const w = Array.from({ length: n + 1 }, half);
  const x = Array.from({ length: n }, () => (real ? half() : rng.int(2)));
  return { w, x };
}

const outputCheck = referenceCheck('perceptron', perceptronOutput);

export const perceptronOutputExercise: Exercise = defineExercise({
  id: 'perceptron-output',
  lesson: LESSON,
  title: 'The perceptron’s output',
  starter: `/**
 * The perceptron's output for weights w = [w0, w1, …, wn] and inputs x = [x1, …, xn]:
 * 1 when w0 + w1·x1 + … + wn·xn ≥ 0, else 0.
 * Throw an Error when w.length !== x.length + 1.
 */
export function perceptron(w: number[], x: number[]): number {
  // Your code here.
  return 0;
}
`,
  exports: { perceptron: 'function' },
  withheld: ['perceptronOutput', 'perceptronSum'],
  checks: [
    outputCheck('AND weights, input (1, 1)', [
      [-1.5, 1, 1],
      [1, 1],
    ]),
    outputCheck('AND weights, input (0, 1)', [
      [-1.5, 1, 1],
      [0, 1],
    ]),
    // A tie: the sum is exactly 0, where the threshold (≥) decides.
    outputCheck('the sum is exactly 0', [
      [-1, 1, 0.5],
      [1, 0],
    ]),
    outputCheck('a negative bias outweighs a small input', [[-0.5, 1], [0.25]]),
    outputCheck('one input', [[0.5, -1], [1]]),
    outputCheck('three inputs, sum 0', [
      [-2, 1, 1, 1],
      [1, 1, 0],
    ]),
    outputCheck('three inputs, sum −1', [
      [-2, 1, 1, 1],
      [1, 0, 0],
    ]),
    // Only the third input lifts the sum to the threshold: code that reads two inputs fails.
    outputCheck('three inputs, the third one decides', [
      [-2, 1, 1, 1],
      [1, 0, 1],
    ]),
    // Every term is needed to land exactly on 0: drop or shift one and the output changes.
    outputCheck('five inputs, the sum lands exactly on 0', [
      [-2.5, 2, -1, 0.5, 3, -2],
      [1, 1, 1, 1, 1],
    ]),
    outputCheck('no inputs at all (n = 0)', [[0.25], []]),
    outputCheck('no inputs, bias exactly 0', [[0], []]),
    outputCheck('a sum that overflows to Infinity', [
      [1e308, 1e308, 1e308],
      [1, 1],
    ]),
    {
      name: 'too few weights throws',
      call: ['perceptron', [1, 2], [1, 0]],
      expect: { throws: true },
    },
    {
      name: 'w is left unchanged',
      call: ['perceptron', [-1.5, 1, 1], [1, 1]],
      expect: { unchanged: 0 },
    },
    {
      name: 'x is left unchanged',
      call: ['perceptron', [-1.5, 1, 1], [1, 1]],
      expect: { unchanged: 1 },
    },
    ...[1, 2, 3, 4, 5, 6].map((k) => {
      const { w, x } = randomCase(100 + k, 1 + (k % 4), k > 3);
      return outputCheck('random weights', [w, x], { hidden: true });
    }),
    {
      name: 'too many weights throws',
      hidden: true,
      call: ['perceptron', [1, 2, 3], [1]],
      expect: { throws: true },
    },
    outputCheck('a negative tie', [[-0.5, -0.5], [-1]], { hidden: true }),
  ],
  hints: [
    'Start with z = w[0] (the bias), then add w[i + 1] · x[i] for every input i.',
    'The threshold includes zero: z ≥ 0 gives 1. Check that you wrote >=, not >.',
    'Compare the lengths before anything else: if (w.length !== x.length + 1) throw new Error("…").',
  ],
  misconceptions: [
    {
      id: 'strict-greater',
      title: '> instead of ≥',
      message:
        'When the sum is exactly 0 your perceptron outputs 0, but the threshold includes 0: use z >= 0, not z > 0.',
      example: `export function perceptron(w: number[], x: number[]): number {
  if (w.length !== x.length + 1) throw new Error('need one more weight than inputs');
  let z = w[0];
  for (let i = 0; i < x.length; i++) z += w[i + 1] * x[i];
  return z > 0 ? 1 : 0;
}
`,
    },
    {
      id: 'forgot-bias',
      title: 'the bias is left out',
      message:
        'Your sum leaves out the bias w0. Start from z = w[0] — the weight on the constant input x0 = 1 — before adding the wi·xi.',
      example: `export function perceptron(w: number[], x: number[]): number {
  if (w.length !== x.length + 1) throw new Error('need one more weight than inputs');
  let z = 0;
  for (let i = 0; i < x.length; i++) z += w[i + 1] * x[i];
  return z >= 0 ? 1 : 0;
}
`,
    },
    {
      id: 'shifted-weights',
      title: 'weights shifted by one',
      message:
        'Your weights are shifted by one: input x[i] must be multiplied by w[i + 1], because w[0] is the bias.',
      example: `export function perceptron(w: number[], x: number[]): number {
  if (w.length !== x.length + 1) throw new Error('need one more weight than inputs');
  let z = w[0];
  for (let i = 0; i < x.length; i++) z += w[i] * x[i];
  return z >= 0 ? 1 : 0;
}
`,
    },
  ],
});

/** A gate-weights exercise: `export const w` such that the perceptron computes `gate`. */
function gateExercise(
  gate: Exclude<GateName, 'XOR'>,
  example: { gate: GateName; w: number[] },
  hints: string[],
): Exercise {
  const table = gates[gate].targets;
  return defineExercise({
    id: `${gate.toLowerCase()}-gate-weights`,
    lesson: LESSON,
    title: `Weights for ${gate}`,
    starter: `// Three weights [w0, w1, w2] with which the perceptron computes ${gate} on {0,1}².
export const w: number[] = [0, 0, 0];
`,
    exports: { w: 'value' },
    // The engine's gate datasets and its learner would hand over (or find) the weights.
    withheld: ['gates', 'trainPerceptron'],
    checks: [
      {
        name: 'w is three numbers [w0, w1, w2]',
        read: 'w',
        map: (v) => (isNumberList(v) ? v.length : -1),
        expect: { value: 3 },
        input: 'w',
      },
      ...GATE_INPUTS.map((x, i): CheckSpec => ({
        name: `${gate}(${x.join(', ')}) = ${table[i]}`,
        read: 'w',
        input: `perceptron(w, [${x.join(', ')}])`,
        map: (v) => perceptronOutput(v as number[], x),
        expect: { value: table[i] },
      })),
      {
        name: 'the weights are finite numbers',
        hidden: true,
        read: 'w',
        map: (v) => isNumberList(v),
        expect: { value: true },
      },
    ],
    hints,
    misconceptions: [
      {
        id: 'computes-another-function',
        title: 'weights of another gate',
        message: `These weights make the perceptron compute another function, not ${gate}.`,
        example: `// ${example.gate}, not ${gate}
export const w: number[] = [${example.w.join(', ')}];
`,
        detect: (s) => {
          const w = s.read('w');
          if (!isNumberList(w, 3)) return false;
          const outputs = perceptronTable(w);
          if (outputs.join('') === table.join('')) return false;
          return `These weights make the perceptron compute ${nameTruthTable(outputs)} (outputs ${outputs.join(', ')} for inputs 00, 01, 10, 11), not ${gate} (${table.join(', ')}).`;
        },
      },
    ],
  });
}

export const andGateWeights = gateExercise('AND', { gate: 'OR', w: [-0.5, 1, 1] }, [
  'Only the input (1, 1) may reach the threshold. Try equal weights w1 = w2 = 1.',
  'With w1 = w2 = 1 the sum w1·x1 + w2·x2 is 0, 1, 1 or 2. Pick a bias w0 with w0 + 2 ≥ 0 but w0 + 1 < 0, so that only (1, 1) reaches the threshold.',
]);

export const orGateWeights = gateExercise('OR', { gate: 'AND', w: [-1.5, 1, 1] }, [
  'Every input except (0, 0) must reach the threshold. Try equal weights w1 = w2 = 1.',
  'With w1 = w2 = 1 the sum w1·x1 + w2·x2 is 0, 1, 1 or 2. Pick a bias w0 with w0 + 1 ≥ 0 but w0 < 0, so that every input except (0, 0) reaches the threshold.',
]);

export const nandGateWeights = gateExercise('NAND', { gate: 'AND', w: [-1.5, 1, 1] }, [
  'NAND is NOT AND: it is 1 everywhere except at (1, 1).',
  'Take AND weights whose line passes no corner (no sum w0 + w1·x1 + w2·x2 is exactly 0) and flip the sign of all three. With a corner on the line, e.g. AND = (−2, 1, 1), flipping gives (2, −1, −1): the corner (1, 1) still sums to 0, still outputs 1, and NAND comes out wrong there.',
]);

/** Rosenblatt's rule, one example: cases with y = t, y < t and y > t, and several sizes. */
const updateCheck = referenceCheck('perceptronUpdate', perceptronUpdate);

export const perceptronUpdateExercise: Exercise = defineExercise({
  id: 'perceptron-update',
  lesson: LESSON,
  title: 'One step of the perceptron rule',
  starter: `import { perceptronOutput } from '@engine';

/**
 * One step of the perceptron learning rule, w ← w + lr·(t − y)·[1, x], where
 * y = perceptronOutput(w, x). Return the new weights as a new array; leave w unchanged.
 */
export function perceptronUpdate(w: number[], x: number[], target: number, lr: number): number[] {
  const y = perceptronOutput(w, x);
  // Your code here.
  return w;
}
`,
  exports: { perceptronUpdate: 'function' },
  withheld: ['perceptronUpdate', 'trainPerceptron'],
  checks: [
    updateCheck('correct output: nothing changes', [[0, 1, 1], [1, 0], 1, 0.5]),
    updateCheck('output 0, target 1: weights grow', [[-1.5, 0.5, 0.5], [1, 1], 1, 0.1]),
    updateCheck('output 1, target 0: weights shrink', [[0.5, 1, -1], [1, 0], 0, 0.25]),
    updateCheck('three inputs, lr = 1', [[-1, 0.5, -0.5, 0.25], [1, 1, 1], 1, 1]),
    // Ties: the sum is exactly 0, so y = 1 (≥). With t = 0 the weights must move; with t = 1 not.
    updateCheck('the sum is exactly 0 and t = 0: y = 1 is wrong', [[-1, 1], [1], 0, 0.5]),
    updateCheck('the sum is exactly 0 and t = 1: nothing changes', [
      [-1, 0.5, 0.5],
      [1, 1],
      1,
      0.5,
    ]),
    // Inputs other than 0 and 1, and a rate other than 1: each factor of lr·(t − y)·x shows.
    updateCheck('four inputs of different sizes, lr = 0.25', [
      [-3, 1, -1, 2, 0.5],
      [2, -1, 0.5, -4],
      1,
      0.25,
    ]),
    {
      name: 'x is left unchanged',
      call: ['perceptronUpdate', [-1.5, 0.5, 0.5], [1, 1], 1, 0.1],
      expect: { unchanged: 1 },
    },
    {
      name: 'w is left unchanged',
      call: ['perceptronUpdate', [-1.5, 0.5, 0.5], [1, 1], 1, 0.1],
      expect: { unchanged: 0 },
    },
    ...[1, 2, 3, 4].map((k) => {
      const { w, x } = randomCase(200 + k, k, true);
      const t = 1 - perceptronOutput(w, x);
      return updateCheck('random case', [w, x, t, 0.1 * k], { hidden: true });
    }),
    updateCheck('random case', [[0.5, -1], [0.5], 0, 0.3], { hidden: true }),
  ],
  hints: [
    'Compute the error t − y first: it is 0 when the output is already right, +1 or −1 otherwise.',
    'The bias w[0] moves by lr·(t − y)·1; every other w[i] moves by lr·(t − y)·x[i − 1].',
    'Build the result with w.map((wi, i) => …) so the input array stays as it was.',
  ],
  misconceptions: [
    {
      id: 'sign-flipped',
      title: 'the sign of the error is flipped',
      message:
        'Your update moves the weights the wrong way: use (t − y), not (y − t). When the output is too small (y = 0, t = 1) the weights must grow.',
      example: `import { perceptronOutput } from '@engine';

export function perceptronUpdate(w: number[], x: number[], target: number, lr: number): number[] {
  const y = perceptronOutput(w, x);
  return w.map((wi, i) => wi + lr * (y - target) * (i === 0 ? 1 : x[i - 1]));
}
`,
    },
    {
      id: 'bias-not-updated',
      title: 'the bias is not updated',
      message:
        'Your update leaves the bias w[0] as it was. The bias is the weight on the constant input x0 = 1, so it moves by lr·(t − y)·1.',
      example: `import { perceptronOutput } from '@engine';

export function perceptronUpdate(w: number[], x: number[], target: number, lr: number): number[] {
  const y = perceptronOutput(w, x);
  return w.map((wi, i) => (i === 0 ? wi : wi + lr * (target - y) * x[i - 1]));
}
`,
    },
    {
      id: 'input-mutated',
      title: 'the weights array w is changed in place',
      message:
        'Your update writes into w itself. The caller still needs the old weights: build and return a new array (e.g. with w.map).',
      example: `import { perceptronOutput } from '@engine';

export function perceptronUpdate(w: number[], x: number[], target: number, lr: number): number[] {
  const y = perceptronOutput(w, x);
  for (let i = 0; i < w.length; i++) w[i] += lr * (target - y) * (i === 0 ? 1 : x[i - 1]);
  return w;
}
`,
    },
  ],
});

export const perceptronExercises: Exercise[] = [
  perceptronOutputExercise,
  andGateWeights,
  orGateWeights,
  nandGateWeights,
  perceptronUpdateExercise,
];
