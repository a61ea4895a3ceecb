// XOR = AND(OR, NAND): two hidden perceptrons feeding one output perceptron.
import { gates, perceptronOutput } from '@engine';

// W1 is the lecture's W⁽¹⁾ (input → hidden): row i holds hidden unit i's [bias, x1, x2] weights.
const W1 = [
  [-0.5, 1, 1], // h1 = OR(x1, x2)
  [1.5, -1, -1], // h2 = NAND(x1, x2)
];
// W2 is W⁽²⁾ (hidden → output), one row: the output unit's [bias, h1, h2] weights.
const W2 = [-1.5, 1, 1]; // y = AND(h1, h2)

function xorNet(x: number[]) {
  const h = W1.map((row) => perceptronOutput(row, x));
  return { h, y: perceptronOutput(W2, h) };
}

gates.XOR.inputs.map((x, i) => ({ x, ...xorNet(x), target: gates.XOR.targets[i] }));
