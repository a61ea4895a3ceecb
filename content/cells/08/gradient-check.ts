// The gradient p̂ − y, checked against the loss itself: nudge each logit by ±h and watch L.
import { crossEntropyFromLogits, softmax } from '@engine';

const logits = [2, -1, 0.5];
const y = 0;
const h = 1e-5;

const formula = softmax(logits).map((p, c) => p - (c === y ? 1 : 0));
const numeric = logits.map((_, c) => {
  const up = logits.map((v, k) => (k === c ? v + h : v));
  const down = logits.map((v, k) => (k === c ? v - h : v));
  return (crossEntropyFromLogits(up, y) - crossEntropyFromLogits(down, y)) / (2 * h);
});
({ formula, numeric });
