import { describe, expect, it } from 'vitest';
import { createRng, initWeights, permutation } from '../../src/engine/index';

describe('createRng', () => {
  it('is reproducible and seed-dependent', () => {
    const a = createRng(7);
    const b = createRng(7);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(createRng(8).next()).not.toBe(xs[0]);
  });

  it('next is uniform in [0, 1); int in [0, n); normal has mean 0, sd 1', () => {
    const rng = createRng(1);
    const n = 20000;
    const u = Array.from({ length: n }, () => rng.next());
    expect(Math.min(...u)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...u)).toBeLessThan(1);
    expect(u.reduce((s, v) => s + v, 0) / n).toBeCloseTo(0.5, 1);
    const counts = new Array<number>(6).fill(0);
    for (let i = 0; i < 6000; i++) counts[rng.int(6)]++;
    counts.forEach((c) => expect(Math.abs(c - 1000)).toBeLessThan(150));
    const z = Array.from({ length: n }, () => rng.normal());
    const mean = z.reduce((s, v) => s + v, 0) / n;
    const sd = Math.sqrt(z.reduce((s, v) => s + (v - mean) ** 2, 0) / n);
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(sd - 1)).toBeLessThan(0.03);
    expect(() => rng.int(0)).toThrow(/positive integer/);
  });

  it('shuffle permutes in place and returns the same array', () => {
    const arr = [1, 2, 3, 4, 5, 6, 7, 8];
    const out = createRng(3).shuffle(arr);
    expect(out).toBe(arr);
    expect([...arr].sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(permutation(8, createRng(3))).toEqual(createRng(3).shuffle([0, 1, 2, 3, 4, 5, 6, 7]));
  });

  it('initialisers have the documented spread', () => {
    const w = new Float32Array(200 * 100);
    initWeights(w, 200, 100, 'xavier', createRng(1));
    const limit = Math.sqrt(6 / 300);
    expect(Math.max(...w)).toBeLessThanOrEqual(limit);
    expect(Math.max(...w)).toBeGreaterThan(0.95 * limit);
    initWeights(w, 200, 100, 'he', createRng(1));
    const sd = Math.sqrt(w.reduce((s, v) => s + v * v, 0) / w.length);
    expect(sd).toBeCloseTo(Math.sqrt(2 / 200), 2);
    initWeights(w, 200, 100, 'uniform', createRng(1));
    expect(Math.max(...w.map(Math.abs))).toBeLessThanOrEqual(1 / Math.sqrt(200));
  });
});
