// The step and the logistic sigmoid side by side: both switch at z = 0, but the sigmoid is smooth.
import { sigmoid, step } from '@engine';

// g(0) is exactly 0.5, g(−z) = 1 − g(z), and far from 0 the sigmoid is almost the step.
[-10, -4, -1, 0, 1, 4, 10].map((z) => ({
  z,
  step: step(z),
  sigmoid: +sigmoid(z).toFixed(6),
  oneMinusMirror: +(1 - sigmoid(-z)).toFixed(6),
}));
