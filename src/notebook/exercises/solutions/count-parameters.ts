/** Reference solution of `count-parameters`: (n + 1)·m for every layer n → m. */
export function countParameters(sizes: number[]): number {
  let total = 0;
  for (let j = 0; j + 1 < sizes.length; j++) total += (sizes[j] + 1) * sizes[j + 1];
  return total;
}
