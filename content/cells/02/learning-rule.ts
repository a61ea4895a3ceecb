// Rosenblatt's rule w ← w + η (t − y) [1, x], run on AND until an epoch has no mistakes.
import { gates, trainPerceptron } from '@engine';

// The same start as the playground above: η = 0.25 and w = [w0, w1, w2] = [0.125, −0.5, 0.5].
// A power-of-two η and weights in eighths are exact in binary, so no rounding creeps in;
// and since w0 stays an odd number of eighths while w1, w2 stay whole quarters, no corner
// of the square can ever land exactly on the line.
// (The option w0 is the whole starting weight vector, not the bias w0.)
const learned = trainPerceptron(gates.AND, { lr: 0.25, maxEpochs: 100, w0: [0.125, -0.5, 0.5] });

// history lists, per epoch, the number of mistakes and the weights after it.
learned;
