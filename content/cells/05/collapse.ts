// Two linear layers with nothing between them act as one linear layer. Read that layer off the
// two-layer map itself: its bias is what the map gives for the input 0, and column k of its
// weights is how much more it gives for the input e_k (1 in place k, 0 elsewhere).
import { linearBatch } from '@engine';

const W1 = [
  [1, 2],
  [0, -1],
  [3, 1],
]; // 2 → 3
const b1 = [1, 0, -2];
const W2 = [[2, -1, 1]]; // 3 → 1
const b2 = [0.5];

const twoLayers = (X: number[][]) => linearBatch(linearBatch(X, W1, b1), W2, b2);

const n = W1[0].length; // inputs
const [b] = twoLayers([new Array<number>(n).fill(0)]);
const unitInputs = Array.from({ length: n }, (_, k) =>
  Array.from({ length: n }, (_, j) => (j === k ? 1 : 0)),
);
// Row k: the map's output for e_k minus its bias, which is column k of W.
const columns = twoLayers(unitInputs).map((out) => out.map((v, i) => v - b[i]));
const W = b.map((_, i) => columns.map((column) => column[i]));

const X = [
  [0, 0],
  [1, 2],
  [-1, 3],
];
({
  W,
  b,
  twoLayers: twoLayers(X),
  oneLayer: linearBatch(X, W, b),
});
