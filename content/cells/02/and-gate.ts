// AND and OR as perceptrons: the same unit, two choices of weights.
import { gates, perceptronOutput } from '@engine';

const andWeights = [-1.5, 1, 1];
const orWeights = [-0.5, 1, 1];

// One row per input; the targets come from the engine's truth tables.
gates.AND.inputs.map((input, i) => ({
  x1: input[0],
  x2: input[1],
  AND: gates.AND.targets[i],
  andPerceptron: perceptronOutput(andWeights, input),
  OR: gates.OR.targets[i],
  orPerceptron: perceptronOutput(orWeights, input),
}));
