// The lecture's worked example: a prediction for an image of a 1, against its one-hot target.
import { oneHot, sumSquaredError } from '@engine';

const prediction = [0.1, 0.5, 0.3, 0.2, 0.1, 0.8, 0.1, 0.2, 0.3, 0.1];
const target = Array.from(oneHot([1], 10).data); // [0, 1, 0, 0, 0, 0, 0, 0, 0, 0]

const squares = prediction.map((p, c) => (p - target[c]) ** 2);
console.log('squared differences:', squares.map((s) => s.toFixed(2)).join(' '));
console.log('sum of the prediction:', prediction.reduce((s, p) => s + p, 0).toFixed(2));

// Change one entry of the prediction (say, raise output 1 to 0.9) and see the error fall.
sumSquaredError(prediction, target);
