// Binary cross-entropy is the two-class cross-entropy, with the one-hot target (y, 1 − y).
import { binaryCrossEntropy, crossEntropy } from '@engine';

const cases = [
  { p: 0.9, y: 1 }, // a cat, predicted confidently: small loss
  { p: 0.9, y: 0 }, // not a cat, predicted as one: large loss
  { p: 0.5, y: 1 }, // a coin flip: ln 2
];

cases.map(({ p, y }) => ({
  p,
  y,
  bce: binaryCrossEntropy(p, y),
  // classes in the order (negative, positive): the true index is y itself
  twoClassCrossEntropy: crossEntropy([1 - p, p], y),
}));
