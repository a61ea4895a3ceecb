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
const LINEAR = 'linear(X: number[][], W: number[][], b: number[]): number[][]';
const COUNT = 'countParameters(sizes: number[]): number';
const COLLAPSE =
  'collapse(W1: number[][], b1: number[], W2: number[][], b2: number[]): { W: number[][]; b: number[] }';
const CHECK_SHAPES =
  "  if (b.length !== W.length || X.some((x) => x.length !== W[0].length)) throw new Error('shapes do not fit');";
/** The correct W = W2·W1, used in the collapse variants whose mistake is in b. */
const W2W1 =
  '  const W = W2.map((row) => W1[0].map((_, k) => row.reduce((s, v, j) => s + v * W1[j][k], 0)));';
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
  'linear-batch': [
    {
      name: 'hard-coded two outputs',
      source: fn(
        LINEAR,
        `${CHECK_SHAPES}\n  return X.map((x) => [0, 1].map((j) => x.reduce((z, v, k) => z + v * W[j][k], b[j])));`,
      ),
    },
    {
      name: 'hard-coded two inputs',
      source: fn(
        LINEAR,
        `${CHECK_SHAPES}\n  return X.map((x) => W.map((w, j) => b[j] + x[0] * w[0] + x[1] * w[1]));`,
      ),
    },
    {
      name: 'only the first example',
      source: fn(
        LINEAR,
        `${CHECK_SHAPES}\n  return X.slice(0, 1).map((x) => W.map((w, j) => x.reduce((z, v, k) => z + v * w[k], b[j])));`,
      ),
    },
    {
      name: 'never checks the shapes',
      source: fn(
        LINEAR,
        '  return X.map((x) => W.map((w, j) => x.reduce((z, v, k) => z + v * (w[k] ?? 0), b[j] ?? 0)));',
      ),
    },
    {
      name: 'the result transposed (m×B)',
      source: fn(
        LINEAR,
        `${CHECK_SHAPES}\n  return W.map((w, j) => X.map((x) => x.reduce((z, v, k) => z + v * w[k], b[j])));`,
      ),
    },
    {
      name: 'appends 1 to each example for the bias (changes X)',
      source: fn(
        LINEAR,
        `${CHECK_SHAPES}\n  return X.map((x) => {\n    x.push(1);\n    return W.map((w, j) => x.reduce((z, v, k) => z + v * (k < w.length ? w[k] : b[j]), 0));\n  });`,
      ),
    },
    {
      name: 'the bias subtracted',
      source: fn(
        LINEAR,
        `${CHECK_SHAPES}\n  return X.map((x) => W.map((w, j) => x.reduce((z, v, k) => z + v * w[k], -b[j])));`,
      ),
    },
    {
      name: 'X·W without the transpose, written with loops',
      source: fn(
        LINEAR,
        `${CHECK_SHAPES}\n  const Z: number[][] = [];\n  for (const x of X) {\n    const row: number[] = [];\n    for (let j = 0; j < b.length; j++) {\n      let z = b[j];\n      for (let k = 0; k < x.length; k++) z += x[k] * W[k][j];\n      row.push(z);\n    }\n    Z.push(row);\n  }\n  return Z;`,
      ),
      recognise: 'no-transpose',
    },
    {
      name: 'the bias left out, written with loops',
      source: fn(
        LINEAR,
        `${CHECK_SHAPES}\n  const Z: number[][] = [];\n  for (const x of X) {\n    const row: number[] = [];\n    for (const w of W) {\n      let z = 0;\n      for (let k = 0; k < x.length; k++) z += x[k] * w[k];\n      row.push(z);\n    }\n    Z.push(row);\n  }\n  return Z;`,
      ),
      recognise: 'no-bias',
    },
    {
      name: 'the bias indexed by the row, with a fallback',
      source: fn(
        LINEAR,
        `${CHECK_SHAPES}\n  return X.map((x, r) => W.map((w) => (r < b.length ? b[r] : 0) + x.reduce((z, v, k) => z + v * w[k], 0)));`,
      ),
      recognise: 'bias-by-example',
    },
  ],
  'count-parameters': [
    { name: 'sums the sizes', source: fn(COUNT, '  return sizes.reduce((a, b) => a + b, 0);') },
    {
      name: 'multiplies all the sizes',
      source: fn(COUNT, '  return sizes.reduce((a, b) => a * b, 1);'),
    },
    {
      name: 'only the first layer',
      source: fn(COUNT, '  return sizes.length < 2 ? 0 : (sizes[0] + 1) * sizes[1];'),
    },
    {
      name: 'one layer too many (loop to sizes.length)',
      source: fn(
        COUNT,
        '  let n = 0;\n  for (let j = 0; j < sizes.length; j++) n += (sizes[j] + 1) * (sizes[j + 1] ?? 1);\n  return n;',
      ),
    },
    {
      name: 'a bias for the input units too',
      source: fn(
        COUNT,
        '  let n = sizes[0] ?? 0;\n  for (let j = 0; j + 1 < sizes.length; j++) n += (sizes[j] + 1) * sizes[j + 1];\n  return sizes.length < 2 ? 0 : n;',
      ),
    },
    {
      name: 'sorts the sizes (changes them)',
      source: fn(
        COUNT,
        '  sizes.sort((a, b) => b - a);\n  let n = 0;\n  for (let j = 0; j + 1 < sizes.length; j++) n += (sizes[j] + 1) * sizes[j + 1];\n  return n;',
      ),
    },
    {
      name: 'the weights only, with reduce',
      source: fn(COUNT, '  return sizes.slice(1).reduce((n, m, j) => n + sizes[j] * m, 0);'),
      recognise: 'no-biases',
    },
    {
      name: 'a bias per input unit, with reduce',
      source: fn(
        COUNT,
        '  return sizes.slice(1).reduce((n, m, j) => n + sizes[j] * m + sizes[j], 0);',
      ),
      recognise: 'biases-on-inputs',
    },
  ],
  'collapse-linear': [
    {
      name: 'W = W1, b = b1 (the first layer only)',
      source: fn(COLLAPSE, '  return { W: W1.map((r) => [...r]), b: [...b1] };'),
    },
    {
      name: 'entrywise product instead of the matrix product',
      source: fn(
        COLLAPSE,
        '  const W = W2.map((row, i) => (W1[i] ?? []).map((v, k) => v * (row[k] ?? 0)));\n  return { W, b: W2.map((row, i) => row.reduce((s, v, j) => s + v * b1[j], b2[i])) };',
      ),
    },
    {
      name: 'b = W1·b2 + b1 (roles swapped)',
      source: fn(
        COLLAPSE,
        `${W2W1}\n  const b = W1.map((row, i) => row.reduce((s, v, j) => s + v * (b2[j] ?? 0), b1[i]));\n  return { W, b };`,
      ),
    },
    {
      name: 'b2 written into (changes b2)',
      source: fn(
        COLLAPSE,
        `${W2W1}\n  W2.forEach((row, i) => (b2[i] += row.reduce((s, v, j) => s + v * b1[j], 0)));\n  return { W, b: b2 };`,
      ),
    },
    {
      name: 'the result as [W, b] instead of { W, b }',
      source: `export function collapse(W1: number[][], b1: number[], W2: number[][], b2: number[]) {\n${W2W1}\n  return [W, W2.map((row, i) => row.reduce((s, v, j) => s + v * b1[j], b2[i]))] as any;\n}\n`,
    },
    {
      name: 'W1·W2 with loops',
      source: `export function collapse(W1: number[][], b1: number[], W2: number[][], b2: number[]) {\n  const W: number[][] = [];\n  for (let i = 0; i < W1.length; i++) {\n    W.push([]);\n    for (let k = 0; k < W2[0].length; k++) {\n      let s = 0;\n      for (let j = 0; j < W1[i].length; j++) s += W1[i][j] * W2[j][k];\n      W[i].push(s);\n    }\n  }\n  const b = W2.map((row, i) => row.reduce((s, v, j) => s + v * b1[j], b2[i]));\n  return { W, b };\n}\n`,
      recognise: 'wrong-order',
    },
    {
      name: 'b1 + b2 with a loop',
      source: `export function collapse(W1: number[][], b1: number[], W2: number[][], b2: number[]) {\n${W2W1}\n  const b: number[] = [];\n  for (let i = 0; i < b2.length; i++) b.push(b1[i] === undefined ? b2[i] : b1[i] + b2[i]);\n  return { W, b };\n}\n`,
      recognise: 'bias-sum',
    },
    {
      name: 'b2 copied with slice',
      source: `export function collapse(W1: number[][], b1: number[], W2: number[][], b2: number[]) {\n${W2W1}\n  return { W, b: b2.slice() };\n}\n`,
      recognise: 'b1-dropped',
    },
  ],
};
