/**
 * The code cells of chapters 2 and 3, run in page order in the notebook's Node sandbox, with
 * their displayed values checked against the engine and against what the lesson text says.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runInSandbox } from '../../src/notebook/node/sandbox';
import { gates, perceptronOutput, trainPerceptron } from '../../src/engine';

type Encoded = unknown;

/** Plain JSON from the sandbox's encoded values ({$: 'object', v: …} wrappers removed). */
function plain(v: Encoded): unknown {
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (o.$ === 'object') return plain(o.v);
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, plain(x)]));
  }
  return v;
}

async function runPage(files: string[]) {
  const results = await runInSandbox(
    files.map((file, i) => ({
      kind: 'cell' as const,
      id: file,
      source: readFileSync(`content/cells/${file}`, 'utf8'),
      above: files.slice(0, i),
    })),
    { timeoutMs: 10_000 },
  );
  return results.map((r, i) => {
    const p = r.programs[0];
    expect(p.error, `${files[i]} failed`).toBeUndefined();
    return { value: plain(p.value), logs: p.logs };
  });
}

describe('chapter 2 cells', () => {
  it('run in order and agree with the engine', async () => {
    const [perceptron, andGate, boundary, rule] = await runPage([
      '02/perceptron.ts',
      '02/and-gate.ts',
      '02/boundary.ts',
      '02/learning-rule.ts',
    ]);
    expect(perceptron.value).toBe(perceptronOutput([-1.5, 1, 1], [1, 0]));
    const rows = andGate.value as Record<string, number>[];
    rows.forEach((r, i) => {
      expect(r.andPerceptron).toBe(gates.AND.targets[i]);
      expect(r.orPerceptron).toBe(gates.OR.targets[i]);
    });
    expect(boundary.value).toEqual({ slope: -1, intercept: 1.5, normal: [1, 1] });
    const engine = trainPerceptron(gates.AND, { lr: 0.1, maxEpochs: 100 });
    expect(rule.value).toMatchObject({ converged: true, epochs: engine.epochs });
  });
});

describe('chapter 3 cells', () => {
  it('run in order and back up what the lesson says', async () => {
    const [search, network, training] = await runPage([
      '03/xor-search.ts',
      '03/xor-network.ts',
      '03/train-xor.ts',
    ]);
    expect(search.value).toBe(3);
    const rows = network.value as { y: number; target: number }[];
    expect(rows.map((r) => r.y)).toEqual(gates.XOR.targets);
    const [seed1, seed3, seed3wide] = training.value as { lastLoss: number; firstLoss: number }[];
    expect(seed1.lastLoss).toBeLessThan(seed1.firstLoss / 10);
    // "Now try seed 3 … flattens out with two inputs still wrong."
    expect(seed3.lastLoss).toBeGreaterThan(0.1);
    expect(seed3wide.lastLoss).toBeLessThan(0.01);
  });
});
