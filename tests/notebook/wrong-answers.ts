/**
 * Plausible wrong answers for every exercise, beyond its named misconceptions' own examples.
 * Each must fail. `recognise` names the misconception a variant must be recognised as: a
 * second, differently written instance of that mistake, so recognition is shown on code
 * other than the example it is defined by.
 */
import type { Exercise } from '../../src/notebook/exercises/define';
import { wrongAnswersCh45 } from './wrong-answers-ch45';

export interface WrongAnswer {
  name: string;
  source: string;
  /** The misconception id this answer must be recognised as, when it makes a named mistake. */
  recognise?: string;
}

const fn = (sig: string, body: string) => `export function ${sig} {\n${body}\n}\n`;
const PERCEPTRON = 'perceptron(w: number[], x: number[]): number';
const UPDATE = 'perceptronUpdate(w: number[], x: number[], target: number, lr: number): number[]';
const FORWARD = 'forward(hidden: number[][], output: number[], x: number[]): number';
const CHECK_LENGTH =
  "  if (w.length !== x.length + 1) throw new Error('one more weight than inputs');";
const SOFTMAX = 'softmax(logits: number[]): number[]';
const CE = 'crossEntropy(probabilities: number[], label: number): number';
const CE_LOGITS = 'crossEntropyFromLogits(logits: number[], label: number): number';
const GRAD = 'logitGradient(logits: number[], label: number): number[]';
const LABEL = (n: string) =>
  `  if (!Number.isInteger(label) || label < 0 || label >= ${n}.length) throw new Error('bad label');`;
const BCE = 'binaryCrossEntropy(p: number, y: number): number';
const TWO = 'twoClassSoftmax(zPositive: number, zNegative: number): number';
const STEP = 'logisticStep(w: number[], X: number[][], y: number[], lr: number): number[]';
const SIGMOID = "import { sigmoid } from '@engine';\n";
/** A logistic step whose error, gradient and update lines are given (loops over k and i). */
const step = (error: string, grads: string, update: string) =>
  SIGMOID +
  fn(
    STEP,
    `  const g = new Array<number>(w.length).fill(0);\n  for (let k = 0; k < X.length; k++) {\n    let z = w[0];\n    for (let i = 0; i < X[k].length; i++) z += w[i + 1] * X[k][i];\n    const e = ${error};\n${grads}\n  }\n  return ${update};`,
  );
const BIAS_GRAD = '    g[0] += e;';
const FEATURE_GRADS = '    for (let i = 0; i < X[k].length; i++) g[i + 1] += e * X[k][i];';
const weights = (w: string) => `export const w: number[] = ${w};\n`;
const xorNet = (hidden: string, output: string) =>
  `export const hidden: number[][] = ${hidden};\nexport const output: number[] = ${output};\n`;

/** Weights found by the engine's own learner: would pass if `gates` and `trainPerceptron` were importable. */
const learned = (gate: string): WrongAnswer => ({
  name: "the engine's learner finds the weights",
  source: `import { gates, trainPerceptron } from '@engine';\nexport const w = trainPerceptron(gates.${gate}, { lr: 1, maxEpochs: 100 }).weights;\n`,
});

const ONE_HOT = 'oneHot(label: number, classes: number): number[]';
const SSE = 'squaredError(prediction: number[], target: number[]): number';
const ACC = 'accuracy(outputs: number[][], labels: number[]): number';
const RANGE =
  "  if (!Number.isInteger(label) || label < 0 || label >= classes) throw new Error('bad label');";
const SAME_LENGTH = "  if (prediction.length !== target.length) throw new Error('lengths differ');";
const SAME_ROWS = "  if (outputs.length !== labels.length) throw new Error('lengths differ');";

export const wrongAnswers: Readonly<Record<string, readonly WrongAnswer[]>> = {
  ...wrongAnswersCh45,
  'binary-cross-entropy': [
    {
      name: 'log base 10',
      source: fn(BCE, '  return y === 1 ? -Math.log10(p) : -Math.log10(1 - p);'),
    },
    {
      name: 'the formula as written: 0 · ln 0 gives NaN',
      source: fn(BCE, '  return -y * Math.log(p) - (1 - y) * Math.log(1 - p);'),
    },
    {
      name: 'p and 1 − p swapped',
      source: fn(BCE, '  return y === 1 ? -Math.log(1 - p) : -Math.log(p);'),
    },
    { name: '−ln p whatever the label', source: fn(BCE, '  return -Math.log(p);') },
    {
      name: 'the mean of the two terms',
      source: fn(BCE, '  return (y === 1 ? -Math.log(p) : -Math.log(1 - p)) / 2;'),
    },
    {
      name: 'the (1 − y) term left out, written with parentheses',
      source: fn(BCE, '  const positive = y * Math.log(p);\n  return -positive;'),
      recognise: 'missing-negative-term',
    },
    {
      name: 'the minus signs missing, terms in the other order',
      source: fn(BCE, '  return Math.log(1 - p) * (1 - y) + Math.log(p) * y;'),
      recognise: 'positive-sign',
    },
  ],
  'two-class-softmax': [
    {
      name: 'the difference reversed: σ(zNegative − zPositive)',
      source: fn(
        TWO,
        '  const d = zNegative - zPositive;\n  return d >= 0 ? 1 / (1 + Math.exp(-d)) : Math.exp(d) / (1 + Math.exp(d));',
      ),
    },
    {
      name: 'no exponential: zPositive / (zPositive + zNegative)',
      source: fn(TWO, '  return zPositive / (zPositive + zNegative);'),
    },
    {
      name: 'e^d / (1 + e^d) for every d (overflows for large d)',
      source: fn(TWO, '  const e = Math.exp(zPositive - zNegative);\n  return e / (1 + e);'),
    },
    {
      name: 'sigmoid of the sum of the logits',
      source: fn(
        TWO,
        '  const d = zPositive + zNegative;\n  return d >= 0 ? 1 / (1 + Math.exp(-d)) : Math.exp(d) / (1 + Math.exp(d));',
      ),
    },
    {
      name: 'σ(zPositive), written with tanh',
      source: fn(TWO, '  return 0.5 * (1 + Math.tanh(zPositive / 2));'),
      recognise: 'ignores-negative-logit',
    },
    {
      name: 'the naive form, written with map',
      source: fn(
        TWO,
        '  const [a, b] = [zPositive, zNegative].map((z) => Math.exp(z));\n  return a / (a + b);',
      ),
      recognise: 'naive-overflow',
    },
  ],
  'logistic-step': [
    {
      name: 'forgets the learning rate',
      source: step(
        'sigmoid(z) - y[k]',
        `${BIAS_GRAD}\n${FEATURE_GRADS}`,
        'w.map((wi, i) => wi - g[i] / X.length)',
      ),
    },
    {
      name: 'no sigmoid (the error of a linear model)',
      source: step(
        'z - y[k]',
        `${BIAS_GRAD}\n${FEATURE_GRADS}`,
        'w.map((wi, i) => wi - (lr * g[i]) / X.length)',
      ),
    },
    {
      name: 'weights shifted: w[i] times x[i]',
      source:
        SIGMOID +
        fn(
          STEP,
          '  const g = new Array<number>(w.length).fill(0);\n  X.forEach((x, k) => {\n    const e = sigmoid(x.reduce((z, xi, i) => z + w[i] * xi, w[0])) - y[k];\n    g[0] += e;\n    x.forEach((xi, i) => (g[i + 1] += e * xi));\n  });\n  return w.map((wi, i) => wi - (lr * g[i]) / X.length);',
        ),
    },
    {
      name: 'hard-coded two features',
      source:
        SIGMOID +
        fn(
          STEP,
          '  let g0 = 0, g1 = 0, g2 = 0;\n  X.forEach((x, k) => {\n    const e = sigmoid(w[0] + w[1] * x[0] + w[2] * x[1]) - y[k];\n    g0 += e;\n    g1 += e * x[0];\n    g2 += e * x[1];\n  });\n  const B = X.length;\n  return [w[0] - (lr * g0) / B, w[1] - (lr * g1) / B, w[2] - (lr * g2) / B];',
        ),
    },
    {
      name: 'updates w in place',
      source: step(
        'sigmoid(z) - y[k]',
        `${BIAS_GRAD}\n${FEATURE_GRADS}`,
        '(w.forEach((wi, i) => (w[i] = wi - (lr * g[i]) / X.length)), w)',
      ),
    },
    {
      name: 'the sign flipped, as y − σ',
      source: step(
        'y[k] - sigmoid(z)',
        `${BIAS_GRAD}\n${FEATURE_GRADS}`,
        'w.map((wi, i) => wi - (lr * g[i]) / X.length)',
      ),
      recognise: 'sign-flipped',
    },
    {
      name: 'the bias kept, written with loops',
      source: step(
        'sigmoid(z) - y[k]',
        FEATURE_GRADS,
        'w.map((wi, i) => wi - (lr * g[i]) / X.length)',
      ),
      recognise: 'bias-not-updated',
    },
    {
      name: 'the sum, written with loops',
      source: step(
        'sigmoid(z) - y[k]',
        `${BIAS_GRAD}\n${FEATURE_GRADS}`,
        'w.map((wi, i) => wi - lr * g[i])',
      ),
      recognise: 'sum-not-mean',
    },
  ],
  'cross-entropy': [
    {
      name: '1 − p̂ instead of −ln p̂',
      source: fn(CE, `${LABEL('probabilities')}\n  return 1 - probabilities[label];`),
    },
    {
      name: 'squared error against the one-hot target',
      source: fn(
        CE,
        `${LABEL('probabilities')}\n  return probabilities.reduce((s, p, c) => s + (p - (c === label ? 1 : 0)) ** 2, 0);`,
      ),
    },
    { name: 'never checks the label', source: fn(CE, '  return -Math.log(probabilities[label]);') },
    {
      name: 'counts classes from 1 (reads label − 1)',
      source: fn(
        CE,
        "  if (label < 1 || label > probabilities.length) throw new Error('bad label');\n  return -Math.log(probabilities[label - 1]);",
      ),
    },
    {
      name: '−ln of the largest probability, whatever the label',
      source: fn(CE, `${LABEL('probabilities')}\n  return -Math.log(Math.max(...probabilities));`),
    },
    {
      name: 'log base 10, written as ln / ln 10',
      source: fn(
        CE,
        `${LABEL('probabilities')}\n  const p = probabilities[label];\n  return -Math.log(p) / Math.LN10;`,
      ),
      recognise: 'log-base-10',
    },
    {
      name: 'the minus sign missing, written with find',
      source: fn(
        CE,
        `${LABEL('probabilities')}\n  const p = probabilities.find((_, c) => c === label) as number;\n  return Math.log(p);`,
      ),
      recognise: 'positive-sign',
    },
    {
      name: 'every class summed, written with a loop',
      source: fn(
        CE,
        `${LABEL('probabilities')}\n  let loss = 0;\n  for (const p of probabilities) loss -= Math.log(p);\n  return loss;`,
      ),
      recognise: 'sum-all-classes',
    },
  ],
  'cross-entropy-from-logits': [
    {
      name: 'returns the log-sum-exp without − z_label',
      source: fn(
        CE_LOGITS,
        `${LABEL('logits')}\n  const m = Math.max(...logits);\n  return m + Math.log(logits.reduce((s, z) => s + Math.exp(z - m), 0));`,
      ),
    },
    {
      name: 'sign flipped: z_label − log-sum-exp',
      source: fn(
        CE_LOGITS,
        `${LABEL('logits')}\n  const m = Math.max(...logits);\n  return logits[label] - m - Math.log(logits.reduce((s, z) => s + Math.exp(z - m), 0));`,
      ),
    },
    {
      name: 'the shift m not added back',
      source: fn(
        CE_LOGITS,
        `${LABEL('logits')}\n  const m = Math.max(...logits);\n  return Math.log(logits.reduce((s, z) => s + Math.exp(z - m), 0)) - logits[label];`,
      ),
    },
    {
      name: 'hard-coded three classes',
      source: fn(
        CE_LOGITS,
        `${LABEL('logits')}\n  const m = Math.max(logits[0], logits[1], logits[2]);\n  return m + Math.log(Math.exp(logits[0] - m) + Math.exp(logits[1] - m) + Math.exp(logits[2] - m)) - logits[label];`,
      ),
    },
    {
      name: 'never checks the label',
      source: fn(
        CE_LOGITS,
        '  const m = Math.max(...logits);\n  return m + Math.log(logits.reduce((s, z) => s + Math.exp(z - m), 0)) - logits[label];',
      ),
    },
    {
      name: 'the naive softmax then −ln, written with a loop',
      source: fn(
        CE_LOGITS,
        `${LABEL('logits')}\n  let sum = 0;\n  for (const z of logits) sum += Math.exp(z);\n  const p = Math.exp(logits[label]) / sum;\n  return -Math.log(p);`,
      ),
      recognise: 'naive-softmax-then-log',
    },
    {
      name: 'a stable softmax then −ln, written with a loop',
      source: fn(
        CE_LOGITS,
        `${LABEL('logits')}\n  const m = Math.max(...logits);\n  let sum = 0;\n  for (const z of logits) sum += Math.exp(z - m);\n  const p = Math.exp(logits[label] - m) / sum;\n  return -Math.log(p);`,
      ),
      recognise: 'stable-softmax-then-log',
    },
  ],
  'softmax-ce-gradient': [
    {
      name: 'subtracts 1 from every entry',
      source: fn(
        GRAD,
        `${LABEL('logits')}\n  const m = Math.max(...logits);\n  const e = logits.map((z) => Math.exp(z - m));\n  const s = e.reduce((a, b) => a + b, 0);\n  return e.map((v) => v / s - 1);`,
      ),
    },
    {
      name: 'the naive softmax (NaN for large logits)',
      source: fn(
        GRAD,
        `${LABEL('logits')}\n  const e = logits.map((z) => Math.exp(z));\n  const s = e.reduce((a, b) => a + b, 0);\n  return e.map((v, c) => v / s - (c === label ? 1 : 0));`,
      ),
    },
    {
      name: 'subtracts 1 at label − 1 (classes from 1)',
      source: fn(
        GRAD,
        `${LABEL('logits')}\n  const m = Math.max(...logits);\n  const e = logits.map((z) => Math.exp(z - m));\n  const s = e.reduce((a, b) => a + b, 0);\n  return e.map((v, c) => v / s - (c === label - 1 ? 1 : 0));`,
      ),
    },
    {
      name: 'the gradient of squared error on the softmax output (p̂ − y, times 2)',
      source: fn(
        GRAD,
        `${LABEL('logits')}\n  const m = Math.max(...logits);\n  const e = logits.map((z) => Math.exp(z - m));\n  const s = e.reduce((a, b) => a + b, 0);\n  return e.map((v, c) => 2 * (v / s - (c === label ? 1 : 0)));`,
      ),
    },
    {
      name: 'writes the result into logits',
      source: fn(
        GRAD,
        `${LABEL('logits')}\n  const m = Math.max(...logits);\n  let s = 0;\n  for (let c = 0; c < logits.length; c++) {\n    logits[c] = Math.exp(logits[c] - m);\n    s += logits[c];\n  }\n  for (let c = 0; c < logits.length; c++) logits[c] = logits[c] / s - (c === label ? 1 : 0);\n  return logits;`,
      ),
    },
    {
      name: 'the sign flipped, written with a loop',
      source: fn(
        GRAD,
        `${LABEL('logits')}\n  const m = Math.max(...logits);\n  const e = logits.map((z) => Math.exp(z - m));\n  let s = 0;\n  for (const v of e) s += v;\n  const g: number[] = [];\n  for (let c = 0; c < e.length; c++) g.push(-(e[c] / s - (c === label ? 1 : 0)));\n  return g;`,
      ),
      recognise: 'sign-flipped',
    },
    {
      name: 'softmax alone, written with a loop',
      source: fn(
        GRAD,
        `${LABEL('logits')}\n  const m = Math.max(...logits);\n  const e = logits.map((z) => Math.exp(z - m));\n  let s = 0;\n  for (const v of e) s += v;\n  const g: number[] = [];\n  for (const v of e) g.push(v / s);\n  return g;`,
      ),
      recognise: 'softmax-only',
    },
  ],
  softmax: [
    {
      name: 'shifts by the first logit, not the largest',
      source: fn(
        SOFTMAX,
        '  const e = logits.map((z) => Math.exp(z - logits[0]));\n  const s = e.reduce((a, b) => a + b, 0);\n  return e.map((v) => v / s);',
      ),
    },
    {
      name: 'shifts by the smallest logit',
      source: fn(
        SOFTMAX,
        '  const m = Math.min(...logits);\n  const e = logits.map((z) => Math.exp(z - m));\n  const s = e.reduce((a, b) => a + b, 0);\n  return e.map((v) => v / s);',
      ),
    },
    {
      name: 'shifts by the mean logit',
      source: fn(
        SOFTMAX,
        '  const m = logits.reduce((a, b) => a + b, 0) / logits.length;\n  const e = logits.map((z) => Math.exp(z - m));\n  const s = e.reduce((a, b) => a + b, 0);\n  return e.map((v) => v / s);',
      ),
    },
    {
      name: 'sigmoid of each logit (does not sum to one)',
      source: fn(SOFTMAX, '  return logits.map((z) => 1 / (1 + Math.exp(-z)));'),
    },
    {
      name: 'forgets to divide by the sum',
      source: fn(
        SOFTMAX,
        '  const m = Math.max(...logits);\n  return logits.map((z) => Math.exp(z - m));',
      ),
    },
    {
      name: 'hard-coded three classes',
      source: fn(
        SOFTMAX,
        '  const m = Math.max(logits[0], logits[1], logits[2]);\n  const e = [0, 1, 2].map((i) => Math.exp(logits[i] - m));\n  const s = e[0] + e[1] + e[2];\n  return e.map((v) => v / s);',
      ),
    },
    {
      name: 'sorts the logits in place to find the largest (changes logits)',
      source: fn(
        SOFTMAX,
        '  const m = logits.sort((a, b) => b - a)[0];\n  const e = logits.map((z) => Math.exp(z - m));\n  const s = e.reduce((a, b) => a + b, 0);\n  return e.map((v) => v / s);',
      ),
    },
    {
      name: 'dividing by the sum of the logits, written with a loop',
      source: fn(
        SOFTMAX,
        '  let total = 0;\n  for (const z of logits) total += z;\n  const out: number[] = [];\n  for (const z of logits) out.push(z / total);\n  return out;',
      ),
      recognise: 'no-exponential',
    },
    {
      name: 'the naive form, written with a loop',
      source: fn(
        SOFTMAX,
        '  const out: number[] = [];\n  let total = 0;\n  for (let i = 0; i < logits.length; i++) {\n    out.push(Math.exp(logits[i]));\n    total += out[i];\n  }\n  for (let i = 0; i < out.length; i++) out[i] /= total;\n  return out;',
      ),
      recognise: 'naive-overflow',
    },
  ],
  'perceptron-output': [
    {
      name: 'hard-coded two inputs',
      source: fn(
        PERCEPTRON,
        `${CHECK_LENGTH}\n  return w[0] + w[1] * x[0] + w[2] * x[1] >= 0 ? 1 : 0;`,
      ),
    },
    {
      name: 'never checks the lengths',
      source: fn(
        PERCEPTRON,
        '  return x.reduce((z, xi, i) => z + w[i + 1] * xi, w[0]) >= 0 ? 1 : 0;',
      ),
    },
    {
      name: 'returns the sum, not the step',
      source: fn(
        PERCEPTRON,
        `${CHECK_LENGTH}\n  return x.reduce((z, xi, i) => z + w[i + 1] * xi, w[0]);`,
      ),
    },
    {
      name: 'Math.sign instead of the step',
      source: fn(
        PERCEPTRON,
        `${CHECK_LENGTH}\n  return Math.sign(x.reduce((z, xi, i) => z + w[i + 1] * xi, w[0]));`,
      ),
    },
    {
      name: 'takes the bias with w.shift() (changes w)',
      source: fn(
        PERCEPTRON,
        `${CHECK_LENGTH}\n  const b = w.shift() as number;\n  return x.reduce((z, xi, i) => z + w[i] * xi, b) >= 0 ? 1 : 0;`,
      ),
    },
    {
      name: 'prepends x0 = 1 with x.unshift (changes x)',
      source: fn(
        PERCEPTRON,
        `${CHECK_LENGTH}\n  x.unshift(1);\n  return x.reduce((z, xi, i) => z + w[i] * xi, 0) >= 0 ? 1 : 0;`,
      ),
    },
    {
      name: '> instead of ≥, written with reduce',
      source: fn(
        PERCEPTRON,
        `${CHECK_LENGTH}\n  return x.reduce((z, xi, i) => z + w[i + 1] * xi, w[0]) > 0 ? 1 : 0;`,
      ),
      recognise: 'strict-greater',
    },
    {
      name: 'the bias left out, written with reduce',
      source: fn(
        PERCEPTRON,
        `${CHECK_LENGTH}\n  return x.reduce((z, xi, i) => z + w[i + 1] * xi, 0) >= 0 ? 1 : 0;`,
      ),
      recognise: 'forgot-bias',
    },
    {
      name: 'weights shifted, written with reduce',
      source: fn(
        PERCEPTRON,
        `${CHECK_LENGTH}\n  return x.reduce((z, xi, i) => z + w[i] * xi, w[0]) >= 0 ? 1 : 0;`,
      ),
      recognise: 'shifted-weights',
    },
  ],
  'and-gate-weights': [
    learned('AND'),
    {
      name: 'a corner on the line computes OR',
      source: weights('[-1, 1, 1]'),
      recognise: 'computes-another-function',
    },
    { name: 'no bias', source: weights('[1, 1]') },
    { name: 'numbers as strings', source: weights("['-1.5', '1', '1'] as any") },
    { name: 'a NaN weight', source: weights('[NaN, 1, 1]') },
    { name: 'four weights', source: weights('[-1.5, 1, 1, 0]') },
    { name: 'NAND', source: weights('[1.5, -1, -1]'), recognise: 'computes-another-function' },
  ],
  'or-gate-weights': [
    learned('OR'),
    {
      name: 'bias 0 puts (0, 0) on the line',
      source: weights('[0, 1, 1]'),
      recognise: 'computes-another-function',
    },
    {
      name: 'AND with a tie',
      source: weights('[-2, 1, 1]'),
      recognise: 'computes-another-function',
    },
    { name: 'NOR', source: weights('[0.5, -1, -1]') },
    { name: 'weights too small to reach the threshold', source: weights('[-0.5, 0.25, 0.25]') },
    { name: 'no bias', source: weights('[1, 1]') },
  ],
  'nand-gate-weights': [
    learned('NAND'),
    {
      name: 'AND (−2, 1, 1) flipped: a corner on the line',
      source: weights('[2, -1, -1]'),
      recognise: 'computes-another-function',
    },
    { name: 'learned AND (−3, 2, 1) flipped', source: weights('[3, -2, -1]') },
    { name: 'only the bias flipped', source: weights('[1.5, 1, 1]') },
    { name: 'no bias', source: weights('[-1, -1]') },
  ],
  'perceptron-update': [
    {
      name: '> instead of ≥ in its own output',
      source: fn(
        UPDATE,
        '  const z = x.reduce((s, xi, i) => s + w[i + 1] * xi, w[0]);\n  const y = z > 0 ? 1 : 0;\n  return w.map((wi, i) => wi + lr * (target - y) * (i === 0 ? 1 : x[i - 1]));',
      ),
    },
    {
      name: 'hard-coded two inputs',
      source: fn(
        UPDATE,
        '  const y = w[0] + w[1] * x[0] + w[2] * x[1] >= 0 ? 1 : 0;\n  const e = lr * (target - y);\n  return [w[0] + e, w[1] + e * x[0], w[2] + e * x[1]];',
      ),
    },
    {
      name: 'always updates towards the target (ignores y)',
      source: fn(UPDATE, '  return w.map((wi, i) => wi + lr * target * (i === 0 ? 1 : x[i - 1]));'),
    },
    {
      name: 'x[i] instead of x[i − 1]',
      source: `import { perceptronOutput } from '@engine';\n${fn(UPDATE, '  const e = target - perceptronOutput(w, x);\n  return w.map((wi, i) => wi + lr * e * (i === 0 ? 1 : x[i]));')}`,
    },
    {
      name: 'forgets the learning rate',
      source: `import { perceptronOutput } from '@engine';\n${fn(UPDATE, '  const e = target - perceptronOutput(w, x);\n  return w.map((wi, i) => wi + e * (i === 0 ? 1 : x[i - 1]));')}`,
    },
    {
      name: 'sign flipped, written with a loop',
      source: `import { perceptronOutput } from '@engine';\n${fn(UPDATE, '  const e = perceptronOutput(w, x) - target;\n  const out = [...w];\n  for (let i = 0; i < out.length; i++) out[i] += lr * e * (i === 0 ? 1 : x[i - 1]);\n  return out;')}`,
      recognise: 'sign-flipped',
    },
    {
      name: 'bias kept, written with a loop',
      source: `import { perceptronOutput } from '@engine';\n${fn(UPDATE, '  const e = target - perceptronOutput(w, x);\n  const out = [...w];\n  for (let i = 1; i < out.length; i++) out[i] += lr * e * x[i - 1];\n  return out;')}`,
      recognise: 'bias-not-updated',
    },
    {
      name: 'writes into w with forEach',
      source: `import { perceptronOutput } from '@engine';\n${fn(UPDATE, '  const e = target - perceptronOutput(w, x);\n  w.forEach((wi, i) => {\n    w[i] = wi + lr * e * (i === 0 ? 1 : x[i - 1]);\n  });\n  return w;')}`,
      recognise: 'input-mutated',
    },
  ],
  'xor-network-weights': [
    {
      name: "the engine's learner finds OR, NAND and AND",
      source: `import { gates, trainPerceptron } from '@engine';\nconst learn = (g: 'OR' | 'NAND' | 'AND') => trainPerceptron(gates[g], { lr: 1, maxEpochs: 100 }).weights;\nexport const hidden = [learn('OR'), learn('NAND')];\nexport const output = learn('AND');\n`,
    },
    {
      name: 'ties at corners (OR and NAND with sums of 0)',
      source: xorNet('[[0, 1, 1], [2, -1, -1]]', '[-2, 1, 1]'),
      recognise: 'computes-another-function',
    },
    {
      name: 'AND in the hidden layer instead of NAND',
      source: xorNet('[[-0.5, 1, 1], [-1.5, 1, 1]]', '[-1.5, 1, 1]'),
      recognise: 'computes-another-function',
    },
    {
      name: 'output without its bias',
      source: xorNet('[[-0.5, 1, 1], [1.5, -1, -1]]', '[1, 1]'),
      recognise: 'wrong-shape',
    },
    {
      name: 'hidden as one flat list',
      source: xorNet('[-0.5, 1, 1, 1.5, -1, -1] as any', '[-1.5, 1, 1]'),
      recognise: 'wrong-shape',
    },
    {
      name: 'AND and OR below, NAND on top',
      source: xorNet('[[-1.5, 1, 1], [-0.5, 1, 1]]', '[1.5, -1, -1]'),
    },
    {
      name: 'numbers as strings',
      source: xorNet(
        "[['-0.5', '1', '1'], ['1.5', '-1', '-1']] as any",
        "['-1.5', '1', '1'] as any",
      ),
    },
    { name: 'a NaN weight', source: xorNet('[[-0.5, 1, 1], [1.5, -1, -1]]', '[NaN, 1, 1]') },
  ],
  'two-layer-forward': [
    {
      name: '> instead of ≥',
      source: fn(
        FORWARD,
        '  const unit = (w: number[], v: number[]) => (v.reduce((z, vi, i) => z + w[i + 1] * vi, w[0]) > 0 ? 1 : 0);\n  return unit(output, hidden.map((row) => unit(row, x)));',
      ),
    },
    {
      name: 'hard-coded two inputs and two hidden units',
      source: fn(
        FORWARD,
        '  const s = (z: number) => (z >= 0 ? 1 : 0);\n  const h1 = s(hidden[0][0] + hidden[0][1] * x[0] + hidden[0][2] * x[1]);\n  const h2 = s(hidden[1][0] + hidden[1][1] * x[0] + hidden[1][2] * x[1]);\n  return s(output[0] + output[1] * h1 + output[2] * h2);',
      ),
    },
    {
      name: 'prepends x0 = 1 with x.unshift (changes x)',
      source: fn(
        FORWARD,
        '  const s = (z: number) => (z >= 0 ? 1 : 0);\n  x.unshift(1);\n  const h = hidden.map((row) => s(row.reduce((z, wi, i) => z + wi * x[i], 0)));\n  return s(h.reduce((z, hj, j) => z + output[j + 1] * hj, output[0]));',
      ),
    },
    {
      name: 'hidden units without their bias',
      source: fn(
        FORWARD,
        '  const s = (z: number) => (z >= 0 ? 1 : 0);\n  const h = hidden.map((row) => s(x.reduce((z, xi, i) => z + row[i + 1] * xi, 0)));\n  return s(h.reduce((z, hj, j) => z + output[j + 1] * hj, output[0]));',
      ),
    },
    {
      name: 'no step on the output',
      source: fn(
        FORWARD,
        '  const s = (z: number) => (z >= 0 ? 1 : 0);\n  const h = hidden.map((row) => s(x.reduce((z, xi, i) => z + row[i + 1] * xi, row[0])));\n  return h.reduce((z, hj, j) => z + output[j + 1] * hj, output[0]);',
      ),
    },
    {
      name: 'output bias left out, written with a loop',
      source: fn(
        FORWARD,
        '  const s = (z: number) => (z >= 0 ? 1 : 0);\n  const h = hidden.map((row) => s(x.reduce((z, xi, i) => z + row[i + 1] * xi, row[0])));\n  let z = 0;\n  for (let j = 0; j < h.length; j++) z += output[j + 1] * h[j];\n  return s(z);',
      ),
      recognise: 'no-output-bias',
    },
  ],
  'one-hot': [
    {
      name: 'hard-coded ten classes',
      source: fn(
        ONE_HOT,
        `${RANGE}\n  const v = new Array(10).fill(0);\n  v[label] = 1;\n  return v;`,
      ),
    },
    {
      name: 'refuses only labels that are too large',
      source: fn(
        ONE_HOT,
        "  if (label >= classes) throw new Error('bad label');\n  return Array.from({ length: classes }, (_, i) => (i === label ? 1 : 0));",
      ),
    },
    {
      name: 'accepts label = classes (≤ instead of <)',
      source: fn(
        ONE_HOT,
        "  if (!Number.isInteger(label) || label < 0 || label > classes) throw new Error('bad label');\n  return Array.from({ length: classes }, (_, i) => (i === label ? 1 : 0));",
      ),
    },
    {
      name: 'rounds a non-integer label instead of refusing it',
      source: fn(
        ONE_HOT,
        "  const c = Math.round(label);\n  if (!(c >= 0 && c < classes)) throw new Error('bad label');\n  return Array.from({ length: classes }, (_, i) => (i === c ? 1 : 0));",
      ),
    },
    {
      name: 'the label itself as the hot value',
      source: fn(
        ONE_HOT,
        `${RANGE}\n  return Array.from({ length: classes }, (_, i) => (i === label ? label : 0));`,
      ),
    },
    {
      name: 'one place too early, written with Array.from',
      source: fn(
        ONE_HOT,
        `${RANGE}\n  return Array.from({ length: classes }, (_, i) => (i + 1 === label ? 1 : 0));`,
      ),
      recognise: 'one-based',
    },
    {
      name: 'no range check, written with Array.from',
      source: fn(
        ONE_HOT,
        '  return Array.from({ length: classes }, (_, i) => (i === label ? 1 : 0));',
      ),
      recognise: 'no-range-check',
    },
  ],
  'squared-error': [
    {
      name: 'never checks the lengths',
      source: fn(SSE, '  return prediction.reduce((s, p, i) => s + (p - target[i]) ** 2, 0);'),
    },
    {
      name: 'squares the sum of the differences',
      source: fn(
        SSE,
        `${SAME_LENGTH}\n  return prediction.reduce((s, p, i) => s + (p - target[i]), 0) ** 2;`,
      ),
    },
    {
      name: 'the square root of the sum (a distance)',
      source: fn(
        SSE,
        `${SAME_LENGTH}\n  return Math.sqrt(prediction.reduce((s, p, i) => s + (p - target[i]) ** 2, 0));`,
      ),
    },
    {
      name: 'hard-coded ten outputs',
      source: fn(
        SSE,
        `${SAME_LENGTH}\n  let s = 0;\n  for (let i = 0; i < 10; i++) s += (prediction[i] - target[i]) ** 2 || 0;\n  return s;`,
      ),
    },
    {
      name: 'half the sum, as in some textbooks',
      source: fn(
        SSE,
        `${SAME_LENGTH}\n  return prediction.reduce((s, p, i) => s + (p - target[i]) ** 2, 0) / 2;`,
      ),
    },
    {
      name: 'overwrites the prediction with the differences',
      source: fn(
        SSE,
        `${SAME_LENGTH}\n  for (let i = 0; i < prediction.length; i++) prediction[i] = (prediction[i] - target[i]) ** 2;\n  return prediction.reduce((s, d) => s + d, 0);`,
      ),
    },
    {
      name: 'the mean, written with reduce',
      source: fn(
        SSE,
        `${SAME_LENGTH}\n  const total = prediction.reduce((s, p, i) => s + (p - target[i]) * (p - target[i]), 0);\n  return total / target.length;`,
      ),
      recognise: 'mean',
    },
    {
      name: 'absolute differences, written with reduce',
      source: fn(
        SSE,
        `${SAME_LENGTH}\n  return prediction.reduce((s, p, i) => s + (p > target[i] ? p - target[i] : target[i] - p), 0);`,
      ),
      recognise: 'absolute',
    },
  ],
  accuracy: [
    {
      name: 'the number of rows right, not the fraction',
      source: fn(
        ACC,
        `${SAME_ROWS}\n  return outputs.filter((r, i) => r.indexOf(Math.max(...r)) === labels[i]).length;`,
      ),
    },
    {
      name: 'starts the search for the largest at 0 (fails on negative outputs)',
      source: fn(
        ACC,
        `${SAME_ROWS}\n  let right = 0;\n  outputs.forEach((row, i) => {\n    let best = -1;\n    let max = 0;\n    row.forEach((v, j) => {\n      if (v > max) { max = v; best = j; }\n    });\n    if (best === labels[i]) right++;\n  });\n  return right / outputs.length;`,
      ),
    },
    {
      name: 'sorts the row to find the largest (changes the outputs)',
      source: fn(
        ACC,
        `${SAME_ROWS}\n  let right = 0;\n  outputs.forEach((row, i) => {\n    const max = row.sort((a, b) => b - a)[0];\n    if (outputs[i].indexOf(max) === labels[i]) right++;\n  });\n  return right / outputs.length;`,
      ),
    },
    {
      name: 'counts a label among tied largest outputs as right',
      source: fn(
        ACC,
        `${SAME_ROWS}\n  return outputs.filter((r, i) => r[labels[i]] === Math.max(...r)).length / outputs.length;`,
      ),
    },
    {
      name: 'never checks the lengths',
      source: fn(
        ACC,
        '  return outputs.filter((r, i) => r.indexOf(Math.max(...r)) === labels[i]).length / outputs.length;',
      ),
    },
    {
      name: 'compares the largest value, written with filter',
      source: fn(
        ACC,
        `${SAME_ROWS}\n  return outputs.filter((row, i) => row.reduce((m, v) => (v > m ? v : m), -Infinity) === labels[i]).length / outputs.length;`,
      ),
      recognise: 'value-not-index',
    },
    {
      name: 'the last largest output wins, written with lastIndexOf',
      source: fn(
        ACC,
        `${SAME_ROWS}\n  return outputs.filter((r, i) => r.lastIndexOf(Math.max(...r)) === labels[i]).length / outputs.length;`,
      ),
      recognise: 'last-on-ties',
    },
  ],
};

/**
 * Ways to hand in the engine's own answer instead of writing it, one per withheld name and
 * route: a named import, a renamed re-export, a namespace import and a bare require.
 */
export function engineTwinAttacks(ex: Exercise): WrongAnswer[] {
  const target = Object.keys(ex.exports)[0];
  return ex.withholding.names.flatMap((name) => [
    {
      name: `imports the engine's ${name}`,
      source: `import { ${name} } from '@engine';\nexport const ${target} = ${name} as any;\n`,
    },
    {
      name: `re-exports the engine's ${name}`,
      source: `export { ${name} as ${target} } from '@engine';\n`,
    },
    {
      name: `reads ${name} from a namespace import`,
      source: `import * as engine from '@engine';\nexport const ${target} = (engine as any).${name};\n`,
    },
    {
      name: `reads ${name} through require`,
      source: `declare const require: (m: string) => any;\nexport const ${target} = require('@engine').${name};\n`,
    },
  ]);
}
