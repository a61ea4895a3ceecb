/** Reference solution of `nand-gate-weights`: the AND weights with every sign flipped. */
export const w: number[] = [1.5, -1, -1];
