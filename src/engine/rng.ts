/**
 * The one seeded random generator every random thing in the engine takes as an argument.
 * Never Math.random: the same seed must give bit-identical weights, data and batch orders
 * in Node, the page and a worker.
 *
 * State: a single 32-bit integer (mulberry32), advanced on every draw; a spare Box–Muller
 * normal is cached between calls to `normal()`.
 */

/** A seeded stream of pseudo-random numbers. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Standard normal N(0, 1) via Box–Muller. */
  normal(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Uniform in [lo, hi). */
  uniform(lo: number, hi: number): number;
  /** Fisher–Yates shuffle in place; returns the same array. */
  shuffle<T>(arr: T[]): T[];
  /** An independent generator seeded from this one (so sub-tasks do not shift each other's draws). */
  fork(): Rng;
}

/** @param seed any number; its low 32 bits are used. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  let spare: number | undefined;

  // mulberry32: tiny, fast, passes the usual statistical batteries for our purposes, and
  // uses only 32-bit integer math, so every JS engine produces the same stream.
  const nextUint = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const next = (): number => nextUint() / 4294967296;

  const normal = (): number => {
    if (spare !== undefined) {
      const s = spare;
      spare = undefined;
      return s;
    }
    const [a, b] = boxMuller(next);
    spare = b;
    return a;
  };
  return {
    next,
    normal,
    int: (n) => {
      if (!(Number.isInteger(n) && n > 0)) {
        throw new Error(`rng.int: n must be a positive integer, got ${n}`);
      }
      return Math.floor(next() * n);
    },
    uniform: (lo, hi) => lo + (hi - lo) * next(),
    shuffle: (arr) => fisherYates(arr, next),
    fork: () => createRng(nextUint()),
  };
}

/** Two independent standard normals from two uniforms (Box–Muller). */
function boxMuller(next: () => number): [number, number] {
  // 1 − next() is in (0, 1], so the log is finite.
  const r = Math.sqrt(-2 * Math.log(1 - next()));
  const theta = 2 * Math.PI * next();
  return [r * Math.cos(theta), r * Math.sin(theta)];
}

function fisherYates<T>(arr: T[], next: () => number): T[] {
  for (let i = arr.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    const t = arr[i];
    arr[i] = arr[j];
    arr[j] = t;
  }
  return arr;
}

/** The integers 0 … n−1 in a seeded random order. */
export function permutation(n: number, rng: Rng): number[] {
  return rng.shuffle(Array.from({ length: n }, (_, i) => i));
}
