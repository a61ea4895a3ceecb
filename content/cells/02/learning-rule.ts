// Rosenblatt's rule w ← w + η (t − y) [1, x], run until an epoch has no mistakes.
import { gates, trainPerceptron } from '@engine';

// history lists, per epoch, the number of mistakes and the weights after it.
trainPerceptron(gates.AND, { lr: 0.1, maxEpochs: 100 });
