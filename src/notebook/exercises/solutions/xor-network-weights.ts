/**
 * Reference solution of `xor-network-weights`: XOR = AND(OR, NAND). The three gates' weights
 * are found by the engine's perceptron rule, which converges on every linearly separable gate.
 */
import { gates, trainPerceptron } from '@engine';

const learn = (gate: 'AND' | 'OR' | 'NAND') =>
  trainPerceptron(gates[gate], { lr: 1, maxEpochs: 100 }).weights;

export const hidden: number[][] = [learn('OR'), learn('NAND')];
export const output: number[] = learn('AND');
