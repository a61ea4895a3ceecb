/**
 * The code cells of chapters 2 and 3, run in page order in the notebook's Node sandbox, with
 * their displayed values checked against the engine and against what the lesson text says.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { plainJson, runCells } from './run-cells';
import { gates, perceptronOutput, perceptronSum, trainPerceptron } from '../../src/engine';
import { playgroundSetup, runWidgetRule } from './lesson-playground';

const runPage = (files: string[]) => runCells(files, plainJson);

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
    const setup = playgroundSetup('02-perceptron.mdx', 'Perceptron playground: the learning rule');
    const engine = trainPerceptron(gates[setup.gate], {
      lr: setup.lr,
      maxEpochs: 100,
      w0: [...setup.weights],
    });
    expect(rule.value).toEqual(engine);
  });
});

describe('chapter 2 learning rule: cell, widget and text agree', () => {
  const lesson = readFileSync('content/lessons/02-perceptron.mdx', 'utf8');
  const setup = playgroundSetup('02-perceptron.mdx', 'Perceptron playground: the learning rule');

  async function cellResult() {
    const [rule] = await runPage(['02/learning-rule.ts']);
    return rule.value as ReturnType<typeof trainPerceptron>;
  }

  it('starts from dyadic numbers, so the floats are exact', () => {
    // η a power of two and weights in eighths: every sum the rule forms is exact in binary.
    expect(Number.isInteger(Math.log2(setup.lr))).toBe(true);
    for (const w of setup.weights) expect(Number.isInteger(w * 8)).toBe(true);
  });

  it('the cell and the widget give identical weights and mistakes, epoch by epoch', async () => {
    const cell = await cellResult();
    const widget = runWidgetRule(setup);
    expect(cell.converged).toBe(true);
    expect(widget.learn.status).toBe('converged');
    expect(widget.history).toEqual(cell.history);
    expect(widget.learn.epoch).toBe(cell.epochs);
    expect(widget.weights).toEqual(cell.weights);
  });

  it('ends with weights that compute AND with no input on the line', async () => {
    const { weights } = await cellResult();
    gates.AND.inputs.forEach((x, i) => {
      expect(perceptronOutput(weights, x)).toBe(gates.AND.targets[i]);
      expect(perceptronSum(weights, x)).not.toBe(0);
    });
  });

  it('the lesson text states the epochs and final weights the engine finds', async () => {
    const { epochs, weights } = await cellResult();
    const m = /after\s+\*\*(\d+) epochs\*\*,\s+at\s+\$\\mathbf\{w\} = \(([^)]*)\)\$/.exec(lesson);
    expect(m, 'lesson 2 names the epochs and final weights').not.toBeNull();
    expect(Number(m![1])).toBe(epochs);
    expect(m![2].split(',').map(Number)).toEqual(weights);
    // "a quarter of the hand-picked (−1.5, 1, 1)"
    expect(weights.map((w) => 4 * w)).toEqual([-1.5, 1, 1]);
    const perfect = /score reaches\s+4\/4 during epoch (\d+)/.exec(lesson);
    expect(perfect, 'lesson 2 says when the score first reaches 4/4').not.toBeNull();
    expect(Number(perfect![1])).toBe(runWidgetRule(setup).firstPerfectEpoch);
    const start = /from\s+\$\\mathbf\{w\} = \(([^)]*)\)\$\s+with\s+\$\\eta = ([\d.]+)\$/.exec(
      lesson,
    );
    expect(start, 'lesson 2 names the starting weights and rate').not.toBeNull();
    expect(start![1].split(',').map(Number)).toEqual([...setup.weights]);
    expect(Number(start![2])).toBe(setup.lr);
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

describe('chapter 2: flipping AND weights to get NAND', () => {
  const outputs = (w: number[]) => gates.AND.inputs.map((x) => perceptronOutput(w, x));
  const flip = (w: number[]) => w.map((v) => -v);
  const onLine = (w: number[]) => gates.AND.inputs.some((x) => perceptronSum(w, x) === 0);

  it('works for AND weights with no corner on the line, as the lesson says', () => {
    for (const w of [
      [-1.5, 1, 1],
      [-1.75, 1, 1],
    ]) {
      expect(outputs(w)).toEqual(gates.AND.targets);
      expect(onLine(w)).toBe(false);
      expect(outputs(flip(w))).toEqual(gates.NAND.targets);
    }
  });

  it('fails for (−2, 1, 1), an AND whose line passes through (1, 1)', () => {
    expect(outputs([-2, 1, 1])).toEqual(gates.AND.targets);
    expect(onLine([-2, 1, 1])).toBe(true);
    expect(outputs(flip([-2, 1, 1]))).not.toEqual(gates.NAND.targets);
    expect(perceptronOutput(flip([-2, 1, 1]), [1, 1])).toBe(1);
  });
});
