// Train a 2-H-1 sigmoid network on XOR with plain gradient descent on the mean squared error
// ('mse': the average of (y − t)² over the four inputs, not the sum).
import { Matrix, createRng, gates, mlp, sgd, trainStep } from '@engine';

const xs = Matrix.fromRows(gates.XOR.inputs);
const ys = Matrix.fromRows(gates.XOR.targets.map((t) => [t]));

function trainXor(hidden: number, seed: number, epochs: number) {
  const net = mlp({
    sizes: [2, hidden, 1],
    activations: ['sigmoid', 'sigmoid'],
    rng: createRng(seed),
  });
  const optimizer = sgd({ lr: 2 });
  let firstLoss = NaN;
  let lastLoss = NaN;
  for (let e = 0; e < epochs; e++) {
    lastLoss = trainStep(net, optimizer, 'mse', xs, ys);
    if (e === 0) firstLoss = lastLoss;
  }
  const outputs = net.predict(gates.XOR.inputs).map((row) => Number(row[0].toFixed(3)));
  return { hidden, seed, firstLoss, lastLoss, outputs };
}

// [hidden units, seed]: seed 1 with 2 hidden units, then seed 3 with 2 and with 4.
const runs = [
  [2, 1],
  [2, 3],
  [4, 3],
];
runs.map(([hidden, seed]) => trainXor(hidden, seed, 3000));
