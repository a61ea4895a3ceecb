/** Reference solution of `softmax-ce-gradient`: ∂L/∂z = softmax(z) − onehot(label). */
export function logitGradient(logits: number[], label: number): number[] {
  if (!Number.isInteger(label) || label < 0 || label >= logits.length) {
    throw new Error(`label ${label} is not a class index in 0…${logits.length - 1}`);
  }
  const m = Math.max(...logits);
  const e = logits.map((z) => Math.exp(z - m));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v, c) => v / sum - (c === label ? 1 : 0));
}
