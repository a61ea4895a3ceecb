// Two linear layers with nothing between them are one linear layer: W = W2·W1, b = W2·b1 + b2.
import { linearBatch } from '@engine';

const W1 = [
  [1, 2],
  [0, -1],
  [3, 1],
]; // 2 → 3
const b1 = [1, 0, -2];
const W2 = [[2, -1, 1]]; // 3 → 1
const b2 = [0.5];

// The single layer, worked out by hand.
const W = W2.map((row) => W1[0].map((_, k) => row.reduce((s, v, j) => s + v * W1[j][k], 0)));
const b = W2.map((row, i) => row.reduce((s, v, j) => s + v * b1[j], b2[i]));

const X = [
  [0, 0],
  [1, 2],
  [-1, 3],
];
({
  W,
  b,
  twoLayers: linearBatch(linearBatch(X, W1, b1), W2, b2),
  oneLayer: linearBatch(X, W, b),
});
