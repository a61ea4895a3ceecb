// One perceptron, written out: the weighted sum z and the hard threshold.
import { perceptronOutput, step } from '@engine';

// w = [w0, w1, w2]: the bias first, then one weight per input.
const w = [-1.5, 1, 1];
const x = [1, 0];

const z = w[0] + w[1] * x[0] + w[2] * x[1];
console.log('z =', z, '→ step(z) =', step(z));

// The engine's perceptronOutput does the same sum and threshold in one call.
perceptronOutput(w, x);
