/** Reference solution of `one-hot`: refuse what is not a class, then a single 1 among zeros. */
export function oneHot(label: number, classes: number): number[] {
  if (!(Number.isInteger(label) && label >= 0 && label < classes)) {
    throw new Error(`oneHot: label ${label} is not an integer in [0, ${classes})`);
  }
  const v = new Array<number>(classes).fill(0);
  v[label] = 1;
  return v;
}
