/**
 * Chapters 4 and 5: plausible wrong answers for each exercise beyond its named misconceptions'
 * own examples (sign slips, transposes, hard-coded sizes, off-by-one loops, mutated inputs, …),
 * and a second, differently written instance of every named misconception (`recognise`).
 * Merged into `wrongAnswers` (wrong-answers.ts) and run by exercises-ch45.test.ts.
 */
import type { WrongAnswer } from './wrong-answers';

const fn = (sig: string, body: string, imports = '') =>
  `${imports}export function ${sig} {\n${body}\n}\n`;
const SIGMOID = 'sigmoid(z: number): number';
const LAYER = 'layerForward(W: number[][], a: number[]): number[]';
const NETWORK = 'forward(weights: number[][][], x: number[]): number[]';
const USE_SIGMOID = "import { sigmoid } from '@engine';\n";
const CHECK_ROWS =
  "  if (W.some((r) => r.length !== a.length + 1)) throw new Error('row length must be a.length + 1');";
/** A correct single layer, used inside the network variants so only one thing is wrong. */
const LAYER_HELPER =
  'const layer = (W: number[][], a: number[]) =>\n  W.map((r) => sigmoid(r[0] + a.reduce((s, v, k) => s + r[k + 1] * v, 0)));\n';

export const wrongAnswersCh45: Readonly<Record<string, readonly WrongAnswer[]>> = {
  sigmoid: [
    {
      name: '1 − e^(−z) in the denominator',
      source: fn(SIGMOID, '  return 1 / (1 - Math.exp(-z));'),
    },
    {
      name: 'tanh instead of the logistic function',
      source: fn(SIGMOID, '  return Math.tanh(z);'),
    },
    {
      name: 'tanh rescaled to (0, 1) without halving z',
      source: fn(SIGMOID, '  return (Math.tanh(z) + 1) / 2;'),
    },
    { name: 'a constant 0.5', source: fn(SIGMOID, '  return 0.5;') },
    {
      name: 'a clipped straight line through (0, 0.5)',
      source: fn(SIGMOID, '  return Math.min(1, Math.max(0, 0.5 + z / 4));'),
    },
    {
      name: 'the denominator squared',
      source: fn(SIGMOID, '  return 1 / (1 + Math.exp(-z)) ** 2;'),
    },
    {
      name: 'rounded to 3 decimals',
      source: fn(SIGMOID, '  return Math.round(1000 / (1 + Math.exp(-z))) / 1000;'),
    },
    {
      name: 'e^z written as a power of Math.E',
      source: fn(SIGMOID, '  return 1 / (1 + Math.E ** z);'),
      recognise: 'sign-slip',
    },
    {
      name: 'e^z / (e^z + 1) with two calls',
      source: fn(SIGMOID, '  return Math.exp(z) / (Math.exp(z) + 1);'),
      recognise: 'overflow',
    },
    {
      name: 'the step written with < 0',
      source: fn(SIGMOID, '  if (z < 0) return 0;\n  return 1;'),
      recognise: 'hard-threshold',
    },
  ],
  'layer-forward': [
    {
      name: 'hard-coded two units',
      source: fn(
        LAYER,
        `${CHECK_ROWS}\n  return [0, 1].map((i) => sigmoid(W[i][0] + a.reduce((s, v, k) => s + W[i][k + 1] * v, 0)));`,
        USE_SIGMOID,
      ),
    },
    {
      name: 'hard-coded two inputs',
      source: fn(
        LAYER,
        `${CHECK_ROWS}\n  return W.map((r) => sigmoid(r[0] + r[1] * a[0] + r[2] * a[1]));`,
        USE_SIGMOID,
      ),
    },
    {
      name: 'the bias added after the sigmoid',
      source: fn(
        LAYER,
        `${CHECK_ROWS}\n  return W.map((r) => r[0] + sigmoid(a.reduce((s, v, k) => s + r[k + 1] * v, 0)));`,
        USE_SIGMOID,
      ),
    },
    {
      name: 'the bias multiplied by a[0]',
      source: fn(
        LAYER,
        `${CHECK_ROWS}\n  return W.map((r) => sigmoid(r[0] * (a[0] ?? 1) + a.reduce((s, v, k) => s + r[k + 1] * v, 0)));`,
        USE_SIGMOID,
      ),
    },
    {
      name: 'prepends 1 to a with unshift (changes a)',
      source: fn(
        LAYER,
        `${CHECK_ROWS}\n  a.unshift(1);\n  return W.map((r) => sigmoid(r.reduce((s, w, k) => s + w * a[k], 0)));`,
        USE_SIGMOID,
      ),
    },
    {
      name: 'never checks the row length',
      source: fn(
        LAYER,
        '  return W.map((r) => sigmoid(r[0] + a.reduce((s, v, k) => s + (r[k + 1] ?? 0) * v, 0)));',
        USE_SIGMOID,
      ),
    },
    {
      name: 'the step instead of the sigmoid',
      source: fn(
        LAYER,
        `${CHECK_ROWS}\n  return W.map((r) => (r[0] + a.reduce((s, v, k) => s + r[k + 1] * v, 0) >= 0 ? 1 : 0));`,
      ),
    },
    {
      name: 'one sum over all units',
      source: fn(
        LAYER,
        `${CHECK_ROWS}\n  const z = W.reduce((s, r) => s + r[0] + a.reduce((t, v, k) => t + r[k + 1] * v, 0), 0);\n  return W.map(() => sigmoid(z));`,
        USE_SIGMOID,
      ),
    },
    {
      name: 'reverses W after reading it (changes W)',
      source: fn(
        LAYER,
        `${CHECK_ROWS}\n  const out = W.map((r) => sigmoid(r[0] + a.reduce((s, v, k) => s + r[k + 1] * v, 0)));\n  W.reverse();\n  return out;`,
        USE_SIGMOID,
      ),
    },
    {
      name: 'the bias column skipped, written with slice',
      source: fn(
        LAYER,
        `${CHECK_ROWS}\n  return W.map((r) => sigmoid(r.slice(1).reduce((s, w, k) => s + w * a[k], 0)));`,
        USE_SIGMOID,
      ),
      recognise: 'no-bias',
    },
    {
      name: 'columns shifted, written with a for loop over the row',
      source: fn(
        LAYER,
        `${CHECK_ROWS}\n  return W.map((r) => {\n    let z = r[0];\n    for (let k = 0; k < a.length; k++) z += r[k] * a[k];\n    return sigmoid(z);\n  });`,
        USE_SIGMOID,
      ),
      recognise: 'shifted-columns',
    },
    {
      name: 'W read by columns, with loops',
      source: fn(
        LAYER,
        `${CHECK_ROWS}\n  const out: number[] = [];\n  for (let i = 0; i < W.length; i++) {\n    let z = W[0][i];\n    for (let k = 0; k < a.length; k++) z += W[k + 1][i] * a[k];\n    out.push(sigmoid(z));\n  }\n  return out;`,
        USE_SIGMOID,
      ),
      recognise: 'transposed',
    },
    {
      name: 'the sums returned, written with loops',
      source: fn(
        LAYER,
        `${CHECK_ROWS}\n  const out: number[] = [];\n  for (const r of W) {\n    let z = r[0];\n    for (let k = 0; k < a.length; k++) z += r[k + 1] * a[k];\n    out.push(z);\n  }\n  return out;`,
      ),
      recognise: 'no-activation',
    },
  ],
  'network-forward': [
    {
      name: 'only the first two layers',
      source: fn(
        NETWORK,
        '  return weights.length > 1 ? layer(weights[1], layer(weights[0], x)) : layer(weights[0], x);',
        USE_SIGMOID + LAYER_HELPER,
      ),
    },
    {
      name: 'every layer fed the input x',
      source: fn(
        NETWORK,
        '  let a = x;\n  for (const W of weights) a = layer(W, x.slice(0, W[0].length - 1));\n  return a;',
        USE_SIGMOID + LAYER_HELPER,
      ),
    },
    {
      name: 'layers applied last to first',
      source: fn(
        NETWORK,
        '  let a = x;\n  for (const W of [...weights].reverse()) a = layer(W, a);\n  return a;',
        USE_SIGMOID + LAYER_HELPER,
      ),
    },
    {
      name: 'no sigmoid anywhere',
      source: fn(
        NETWORK,
        '  let a = x;\n  for (const W of weights) a = W.map((r) => r[0] + a.reduce((s, v, k) => s + r[k + 1] * v, 0));\n  return a;',
      ),
    },
    {
      name: 'a bias of 1 instead of W[i][0]',
      source: fn(
        NETWORK,
        '  let a = x;\n  for (const W of weights) a = W.map((r) => sigmoid(1 + a.reduce((s, v, k) => s + r[k + 1] * v, 0)));\n  return a;',
        USE_SIGMOID,
      ),
    },
    {
      name: 'prepends the bias unit into x itself (changes x)',
      source: fn(
        NETWORK,
        '  let a = x;\n  for (const W of weights) {\n    a.unshift(1);\n    const prev = a;\n    a = W.map((r) => sigmoid(r.reduce((s, w, k) => s + w * prev[k], 0)));\n  }\n  return a;',
        USE_SIGMOID,
      ),
    },
    {
      name: 'the sigmoid once at the end, with reduce over the layers',
      source: fn(
        NETWORK,
        '  const z = weights.reduce<number[]>((a, W) => W.map((r) => r[0] + a.reduce((s, v, k) => s + r[k + 1] * v, 0)), x);\n  return z.map(sigmoid);',
        USE_SIGMOID,
      ),
      recognise: 'sigmoid-last-only',
    },
    {
      name: 'later layers without their bias, with a loop index',
      source: fn(
        NETWORK,
        '  let a = x;\n  for (let j = 0; j < weights.length; j++) {\n    const prev = a;\n    a = weights[j].map((r) => sigmoid((j === 0 ? r[0] : 0) + prev.reduce((s, v, k) => s + r[k + 1] * v, 0)));\n  }\n  return a;',
        USE_SIGMOID,
      ),
      recognise: 'bias-first-layer-only',
    },
    {
      name: 'returns after the first layer, inside the loop',
      source: fn(
        NETWORK,
        '  for (const W of weights) return layer(W, x);\n  return x;',
        USE_SIGMOID + LAYER_HELPER,
      ),
      recognise: 'hidden-returned',
    },
  ],
};
