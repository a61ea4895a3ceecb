/** Reference solution of `cross-entropy`: only the true class's probability counts. */
export function crossEntropy(probabilities: number[], label: number): number {
  if (!Number.isInteger(label) || label < 0 || label >= probabilities.length) {
    throw new Error(`label ${label} is not a class index in 0…${probabilities.length - 1}`);
  }
  return -Math.log(probabilities[label]);
}
