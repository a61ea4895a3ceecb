/** Reference solution of `accuracy`: argmax per row (first on ties) against the label. */
function argmax(row: number[]): number {
  let best = 0;
  for (let j = 1; j < row.length; j++) if (row[j] > row[best]) best = j;
  return best;
}

export function accuracy(outputs: number[][], labels: number[]): number {
  if (outputs.length !== labels.length) {
    throw new Error(`accuracy: ${outputs.length} rows of outputs but ${labels.length} labels`);
  }
  let right = 0;
  for (let i = 0; i < outputs.length; i++) if (argmax(outputs[i]) === labels[i]) right++;
  return right / outputs.length;
}
