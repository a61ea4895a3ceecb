/**
 * Reference solution of `xor-network-weights`: XOR = AND(OR, NAND), each gate a perceptron
 * whose line keeps every corner strictly on one side (no weighted sum is exactly 0).
 */
export const hidden: number[][] = [
  [-0.5, 1, 1], // OR: 1 unless both inputs are 0
  [1.5, -1, -1], // NAND: 1 unless both inputs are 1
];
export const output: number[] = [-1.5, 1, 1]; // AND of the two hidden units
