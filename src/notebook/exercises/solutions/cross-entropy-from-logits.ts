/**
 * Reference solution of `cross-entropy-from-logits`: −ln softmax(z)[label] = lse(z) − z_label,
 * with the largest logit taken out of the log-sum-exp so no exponent is positive.
 */
export function crossEntropyFromLogits(logits: number[], label: number): number {
  if (!Number.isInteger(label) || label < 0 || label >= logits.length) {
    throw new Error(`label ${label} is not a class index in 0…${logits.length - 1}`);
  }
  const m = Math.max(...logits);
  let sum = 0;
  for (const z of logits) sum += Math.exp(z - m);
  return m + Math.log(sum) - logits[label];
}
