// A whole batch in one matrix product: put the examples in the rows of X, with a column of 1s
// for the bias unit; then Z = X·Wᵀ holds every example's z in its row.
import { Matrix, forwardLayers, map, matmul, sigmoid, transpose } from '@engine';

const W1 = [
  [-5, 10, 10],
  [15, -10, -10],
];
const inputs = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];

const X = Matrix.fromRows(inputs.map((x) => [1, ...x])); // [4×3]
const Z = matmul(X, transpose(Matrix.fromRows(W1))); // [4×3]·[3×2] = [4×2]
const A = map(Z, sigmoid);
console.log('Z is', Z.shape, 'one row per example, one column per hidden unit');

// Row by row it is the same as forward propagation one example at a time (float32 vs float64).
inputs.map((x, n) => ({
  batchRow: A.row(n).map((v) => +v.toFixed(4)),
  oneAtATime: forwardLayers([W1], x).a[1].map((v) => +v.toFixed(4)),
}));
