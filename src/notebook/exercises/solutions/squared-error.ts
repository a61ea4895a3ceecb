/** Reference solution of `squared-error`: the sum (not the mean) of the squared differences. */
export function squaredError(prediction: number[], target: number[]): number {
  if (prediction.length !== target.length) {
    throw new Error(
      `squaredError: prediction has ${prediction.length} values, target ${target.length}`,
    );
  }
  let sum = 0;
  for (let i = 0; i < prediction.length; i++) sum += (prediction[i] - target[i]) ** 2;
  return sum;
}
