/** Reference solution of `layer-forward`: z = W·[1; a], then the sigmoid of every z_i. */
import { sigmoid } from '@engine';

export function layerForward(W: number[][], a: number[]): number[] {
  return W.map((row, i) => {
    if (row.length !== a.length + 1) {
      throw new Error(
        `row ${i} has ${row.length} weights; ${a.length} inputs need ${a.length + 1}`,
      );
    }
    let z = row[0]; // the weight on the bias unit a_0 = 1
    for (let k = 0; k < a.length; k++) z += row[k + 1] * a[k];
    return sigmoid(z);
  });
}
