// Chapter 6's prediction for a "1": ten sigmoid outputs, each in (0, 1), scored by squared error.
import { sumSquaredError } from '@engine';

const prediction = [0.1, 0.5, 0.3, 0.2, 0.1, 0.8, 0.1, 0.2, 0.3, 0.1];
const target = [0, 1, 0, 0, 0, 0, 0, 0, 0, 0];

// The outputs are not a probability vector: they add up to far more than 1.
const predictionSum = prediction.reduce((a, b) => a + b, 0);

// The worst one output can do: predict 0.999 where the target is 0.
const worstOutput = sumSquaredError([0.999], [0]); // just under 1
const worstGradient = 2 * (0.999 - 0); // ∂(ŷ − y)²/∂ŷ = 2(ŷ − y): just under 2

({ predictionSum, squaredError: sumSquaredError(prediction, target), worstOutput, worstGradient });
