// The engine's linear layer on a batch: Z = X·Wᵀ + b, with every shape printed.
import { Linear, Matrix, createRng, linearBatch } from '@engine';

const layer = new Linear(3, 2, createRng(1)); // 3 inputs → 2 units
const W = layer.weight.value; // [2×3]: one row per unit
const b = layer.bias.value; // [1×2]: one bias per unit (0 until trained)

// A batch of four examples, one per row.
const X = Matrix.fromRows([
  [1, 0, 0],
  [0, 1, 0],
  [0, 0, 1],
  [1, 1, 1],
]);
const Z = layer.forward(X);
console.log('X', X.shape, '· Wᵀ', [W.cols, W.rows], '+ b', b.shape, '= Z', Z.shape);

// Example 1 is (1, 0, 0), so row 1 of Z picks out column 1 of W: the first input's weights.
({
  Z: Z.toRows().map((r) => r.map((v) => +v.toFixed(4))),
  samePlainArrays: linearBatch(X.toRows(), W.toRows(), b.row(0)).map((r) =>
    r.map((v) => +v.toFixed(4)),
  ),
});
