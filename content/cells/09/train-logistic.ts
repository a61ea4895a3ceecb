// Logistic regression trained by gradient descent on the mean BCE of 40 seeded points.
import { blobs, createRng, logisticLoss, logisticProbability, logisticStep } from '@engine';

const data = blobs({ n: 40, noise: 0.25, rng: createRng(1) });
const X = data.inputs;
const y = data.targets;

let w = [0, 0, 0]; // [w0, w1, w2], bias first
for (let step = 1; step <= 300; step++) {
  w = logisticStep(w, X, y, 1);
  if (step % 100 === 0) console.log('step', step, 'mean BCE', logisticLoss(w, X, y));
}
const right = X.filter((x, k) => (logisticProbability(w, x) >= 0.5 ? 1 : 0) === y[k]).length;
({ w, right, of: X.length });
