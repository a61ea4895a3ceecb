// Forward propagation through a 2-2-1 sigmoid network, on all four corners.
import { forwardLayers } from '@engine';

// Chapter 3’s OR, NAND (W^(1)) and AND (W^(2)) weights times 10, so the sigmoids are steep.
// Column 0 of each matrix is the bias.
const W1 = [
  [-5, 10, 10],
  [15, -10, -10],
];
const W2 = [[-15, 10, 10]];

const corners = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];
// trace.a[1] is the hidden layer a^(2), trace.a[2] the output a^(3).
corners.map((x) => {
  const trace = forwardLayers([W1, W2], x);
  return { x, hidden: trace.a[1].map((v) => +v.toFixed(4)), output: +trace.a[2][0].toFixed(4) };
});
