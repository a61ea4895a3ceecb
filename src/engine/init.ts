/**
 * Weight initialisers. Each fills a [fanOut, fanIn] weight matrix from the seeded rng, so the
 * same seed gives the same network.
 */
import type { Rng } from './rng';

export type InitName = 'uniform' | 'xavier' | 'he';

/**
 * Draw one weight for a layer with `fanIn` inputs and `fanOut` outputs.
 * - uniform: U(−1/√fanIn, 1/√fanIn) (the classic LeCun-style range);
 * - xavier:  U(−√(6/(fanIn+fanOut)), +…) (Glorot & Bengio, keeps sigmoid/tanh variances level);
 * - he:      N(0, 2/fanIn) (He et al., for ReLU which zeroes half its inputs).
 */
export type Initializer = (fanIn: number, fanOut: number, rng: Rng) => number;

export const initializers: Readonly<Record<InitName, Initializer>> = {
  uniform: (fanIn, _fanOut, rng) => rng.uniform(-1, 1) / Math.sqrt(fanIn),
  xavier: (fanIn, fanOut, rng) => rng.uniform(-1, 1) * Math.sqrt(6 / (fanIn + fanOut)),
  he: (fanIn, _fanOut, rng) => rng.normal() * Math.sqrt(2 / fanIn),
};

/**
 * Fill `w` (a row-major [fanOut, fanIn] weight matrix) in place.
 * @param w length fanOut·fanIn
 */
export function initWeights(
  w: Float32Array,
  fanIn: number,
  fanOut: number,
  init: InitName,
  rng: Rng,
): void {
  const f = initializers[init];
  if (!f) throw new Error(`unknown initialiser '${init}' — expected uniform, xavier or he`);
  for (let i = 0; i < w.length; i++) w[i] = f(fanIn, fanOut, rng);
}
