// One unit of layer 2: z = W10·x0 + W11·x1 + W12·x2 with the bias unit x0 = 1, then a = g(z).
import { preActivation, sigmoid } from '@engine';

const W = [
  [0.5, 1, -1], // row 1: W10, W11, W12 (unit 1 of layer 2)
  [-0.5, 2, 1], // row 2: W20, W21, W22 (unit 2 of layer 2)
];
const x = [1, 0.5]; // x1, x2

const z1 = W[0][0] * 1 + W[0][1] * x[0] + W[0][2] * x[1];
console.log('z1 =', z1, '  a1 = g(z1) =', sigmoid(z1));

// The whole layer at once: z = W·[1; x] (preActivation), then g on every entry.
const z = preActivation(W, x);
({ z, a: z.map(sigmoid) });
