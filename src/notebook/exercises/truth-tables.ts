/**
 * Naming the boolean function a perceptron (or a small network) computes on {0,1}², so that
 * feedback can say "these weights compute OR" instead of just "wrong".
 */
import { gates, perceptronOutput } from '../../engine/index';

/** The four inputs of a two-input gate, in the engine's order: 00, 01, 10, 11. */
export const GATE_INPUTS: readonly (readonly number[])[] = gates.AND.inputs;

const NAMED: Record<string, string> = {
  [gates.AND.targets.join('')]: 'AND',
  [gates.OR.targets.join('')]: 'OR',
  [gates.NAND.targets.join('')]: 'NAND',
  [gates.XOR.targets.join('')]: 'XOR',
  '1000': 'NOR',
  '1001': 'XNOR',
  '0000': 'the constant 0',
  '1111': 'the constant 1',
  '0011': 'x1 (ignoring x2)',
  '0101': 'x2 (ignoring x1)',
  '1100': 'NOT x1',
  '1010': 'NOT x2',
  '0010': 'x1 AND NOT x2',
  '0100': 'x2 AND NOT x1',
  '1011': 'x1 OR NOT x2',
  '1101': 'x2 OR NOT x1',
};

/** The name of the function with this truth table (outputs for 00, 01, 10, 11). */
export function nameTruthTable(outputs: readonly number[]): string {
  return NAMED[outputs.join('')] ?? `the function with outputs ${outputs.join(', ')}`;
}

/** Outputs of a single perceptron with weights w on the four gate inputs. */
export function perceptronTable(w: readonly number[]): number[] {
  return GATE_INPUTS.map((x) => perceptronOutput(w, x));
}

/** True for an array of finite numbers of the given length. */
export function isNumberList(v: unknown, length?: number): v is number[] {
  return (
    Array.isArray(v) &&
    (length === undefined || v.length === length) &&
    v.every((x) => typeof x === 'number' && Number.isFinite(x))
  );
}
