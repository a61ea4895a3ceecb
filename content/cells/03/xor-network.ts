// XOR = AND(OR, NAND): two hidden perceptrons feeding one output perceptron.
import { gates, perceptronOutput } from '@engine';

const hiddenWeights = [
  [-0.5, 1, 1], // h1 = OR(x1, x2)
  [1.5, -1, -1], // h2 = NAND(x1, x2)
];
const outputWeights = [-1.5, 1, 1]; // y = AND(h1, h2)

function xorNet(x: number[]) {
  const h = hiddenWeights.map((w) => perceptronOutput(w, x));
  return { h, y: perceptronOutput(outputWeights, h) };
}

gates.XOR.inputs.map((x, i) => ({ x, ...xorNet(x), target: gates.XOR.targets[i] }));
