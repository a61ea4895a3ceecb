import { describe, expect, it } from 'vitest';
import {
  createRng,
  gates,
  oneHot,
  toMatrices,
  toySets,
  type ToyName,
} from '../../src/engine/index';

describe('gates', () => {
  it('truth tables in the order [0,0], [0,1], [1,0], [1,1]', () => {
    for (const g of Object.values(gates))
      expect(g.inputs).toEqual([
        [0, 0],
        [0, 1],
        [1, 0],
        [1, 1],
      ]);
    expect(gates.AND.targets).toEqual([0, 0, 0, 1]);
    expect(gates.OR.targets).toEqual([0, 1, 1, 1]);
    expect(gates.NAND.targets).toEqual([1, 1, 1, 0]);
    expect(gates.XOR.targets).toEqual([0, 1, 1, 0]);
  });
});

describe('toy sets', () => {
  for (const name of Object.keys(toySets) as ToyName[]) {
    it(`${name}: seeded, balanced, roughly in [−1, 1]², noise moves points`, () => {
      const make = (seed: number, noise = 0.1) =>
        toySets[name]({ n: 200, noise, rng: createRng(seed) });
      const a = make(1);
      expect(make(1)).toEqual(a);
      expect(make(2).inputs).not.toEqual(a.inputs);
      expect(a.inputs).toHaveLength(200);
      expect(a.inputs.every((p) => p.length === 2 && p.every((v) => Math.abs(v) < 2))).toBe(true);
      const ones = a.targets.filter((t) => t === 1).length;
      expect(ones).toBeGreaterThan(60);
      expect(ones).toBeLessThan(140);
      expect(make(1, 0).inputs).not.toEqual(a.inputs);
    });
  }

  it('noiseless xor and circle are separable by their rules', () => {
    const x = toySets.xor({ n: 100, noise: 0, rng: createRng(1) });
    x.inputs.forEach(([u, v], i) => expect(x.targets[i]).toBe(u * v < 0 ? 1 : 0));
    const c = toySets.circle({ n: 100, noise: 0, rng: createRng(1) });
    c.inputs.forEach(([u, v], i) => expect(c.targets[i]).toBe(Math.hypot(u, v) <= 0.5 ? 1 : 0));
  });
});

describe('matrices', () => {
  it('oneHot and toMatrices', () => {
    expect(oneHot([2, 0], 3).toRows()).toEqual([
      [0, 0, 1],
      [1, 0, 0],
    ]);
    expect(() => oneHot([3], 3)).toThrow(/label 3 at row 0/);
    const { x, y } = toMatrices(gates.XOR);
    expect(x.shape).toEqual([4, 2]);
    expect(y.toRows()).toEqual([[0], [1], [1], [0]]);
    expect(toMatrices(gates.XOR, 2).y.shape).toEqual([4, 2]);
  });
});
