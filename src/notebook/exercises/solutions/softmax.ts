/** Reference solution of `softmax`: shift by the largest logit, so every exponent is ≤ 0. */
export function softmax(logits: number[]): number[] {
  const max = Math.max(...logits);
  const e = logits.map((z) => Math.exp(z - max));
  let sum = 0;
  for (const v of e) sum += v;
  return e.map((v) => v / sum);
}
