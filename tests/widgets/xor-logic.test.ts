import { describe, expect, it } from 'vitest';
import { gates, perceptronOutput } from '../../src/engine';
import { score } from '../../components/widgets/perceptron/perceptron-logic';
import {
  DEFAULT_TRAINER,
  XOR_STEP_NET,
  createRun,
  judge,
  lossCurve,
  outputGrid,
  outputsOnXor,
  setNetWeight,
  stepNetForward,
  stepNetTable,
  trainEpochs,
  type XorRun,
} from '../../components/widgets/xor/xor-logic';

describe('the hand-wired 2-2-1 step network', () => {
  it('computes XOR as AND(OR, NAND)', () => {
    const rows = stepNetTable(XOR_STEP_NET);
    expect(rows.map((r) => r.y)).toEqual(gates.XOR.targets);
    expect(rows.every((r) => r.correct)).toBe(true);
    // Each hidden unit really is the gate it is named after.
    expect(score(XOR_STEP_NET.hidden[0], 'OR')).toBe(4);
    expect(score(XOR_STEP_NET.hidden[1], 'NAND')).toBe(4);
    expect(score(XOR_STEP_NET.output, 'AND')).toBe(4);
  });

  it('maps the four inputs to three points of hidden space that one line separates', () => {
    const rows = stepNetTable(XOR_STEP_NET);
    expect(rows.map((r) => r.h)).toEqual([
      [0, 1],
      [1, 1],
      [1, 1],
      [1, 0],
    ]);
    // The output unit is a perceptron on (h1, h2) and gets every row right.
    for (const r of rows)
      expect(perceptronOutput([...XOR_STEP_NET.output], [...r.h])).toBe(r.target);
  });

  it('edits one weight without touching the others', () => {
    const net = setNetWeight(XOR_STEP_NET, 1, 0, 0.5);
    expect(net.hidden[1]).toEqual([0.5, -1, -1]);
    expect(net.hidden[0]).toBe(XOR_STEP_NET.hidden[0]);
    expect(net.output).toBe(XOR_STEP_NET.output);
    const out = setNetWeight(XOR_STEP_NET, 2, 2, 3);
    expect(out.output).toEqual([-1.5, 1, 3]);
    expect(stepNetForward(out, [0, 0]).y).toBe(1); // h = (0, 1) → −1.5 + 3 ≥ 0
  });
});

describe('training a sigmoid MLP on XOR', () => {
  function runFor(seed: number, hidden: number, epochs: number): XorRun {
    return trainEpochs(createRun({ ...DEFAULT_TRAINER, seed, hidden }), epochs);
  }

  it('starts with one loss value and status ready', () => {
    const run = createRun(DEFAULT_TRAINER);
    expect(run.losses).toHaveLength(1);
    expect(judge(run)).toBe('ready');
  });

  it('lowers the loss and solves XOR with the default seed', () => {
    const run = runFor(DEFAULT_TRAINER.seed, 2, 3000);
    expect(run.losses).toHaveLength(3001);
    expect(run.losses.at(-1)!).toBeLessThan(run.losses[0] / 10);
    expect(judge(run)).toBe('solved');
    expect(run.solvedAt).toBeGreaterThan(0);
    expect(run.solvedAt).toBeLessThan(3000);
    const out = outputsOnXor(run);
    out.forEach((o, i) => expect(o >= 0.5 ? 1 : 0).toBe(gates.XOR.targets[i]));
  });

  it('is reproducible: the same seed gives the same loss curve', () => {
    expect(runFor(5, 2, 200).losses).toEqual(runFor(5, 2, 200).losses);
  });

  it('flags a seed that stalls on a plateau as stuck, and 4 hidden units escape it', () => {
    // Seed 3 with 2 hidden units settles near loss 0.125 with two inputs wrong.
    const stuck = runFor(3, 2, 4000);
    expect(stuck.accuracy).toBeLessThan(1);
    expect(judge(stuck)).toBe('stuck');
    const wider = runFor(3, 4, 4000);
    expect(judge(wider)).toBe('solved');
  });

  it('does not call a run stuck before minEpochs', () => {
    const early = runFor(3, 2, 500);
    expect(judge(early)).toBe('training');
  });

  it('evaluates a grid of outputs in (0, 1), top row first', () => {
    const run = runFor(1, 2, 3000);
    const g = outputGrid(run.model, -0.5, 1.5, 8);
    expect(g).toHaveLength(64);
    for (const v of g) expect(v > 0 && v < 1).toBe(true);
  });

  it('thins the loss curve but keeps its ends', () => {
    const losses = Array.from({ length: 1001 }, (_, i) => 1 / (i + 1));
    const curve = lossCurve(losses, 100);
    expect(curve.length).toBeLessThanOrEqual(102);
    expect(curve[0]).toEqual({ epoch: 0, loss: 1 });
    expect(curve.at(-1)).toEqual({ epoch: 1000, loss: losses[1000] });
  });
});

describe('theme colours for rasters', async () => {
  const { mixHex, parseHex, rgbToHex } = await import('../../components/widgets/colour');
  it('reads computed rgb()/rgba() colours back as hex', () => {
    expect(rgbToHex('rgb(253, 253, 252)')).toBe('#fdfdfc');
    expect(rgbToHex('rgba(20, 22, 26, 1)')).toBe('#14161a');
    expect(rgbToHex('rgb(20 22 26)')).toBe('#14161a');
    expect(rgbToHex('light-dark(#fff, #000)')).toBeNull();
  });
  it('parses short and long hex and mixes in sRGB', () => {
    expect(parseHex('#fff')).toEqual([255, 255, 255]);
    expect(parseHex('#1d5fc4')).toEqual([29, 95, 196]);
    expect(parseHex('rgb(0,0,0)')).toBeNull();
    expect(mixHex('#000000', '#ffffff', 0.5)).toBe('#808080');
    expect(mixHex('#102030', '#102030', 0.3)).toBe('#102030');
    expect(mixHex('red', '#ffffff', 0.5)).toBe('#ffffff');
  });
});

describe('trainer state', async () => {
  const { advance, configure, initialTrainer, reset, setPlaying, MAX_EPOCHS } =
    await import('../../components/widgets/xor/trainer-state');

  it('trains, bumps the version and keeps playing while training', () => {
    const s0 = setPlaying(initialTrainer(DEFAULT_TRAINER), true);
    const s1 = advance(s0, 50);
    expect(s1.run.epoch).toBe(50);
    expect(s1.version).toBe(s0.version + 1);
    expect(s1.playing).toBe(true);
    expect(s1.status).toBe('training');
  });

  it('stops playing by itself once a run is stuck', () => {
    let s = setPlaying(initialTrainer({ hidden: 2, lr: 2, seed: 3 }), true);
    while (s.playing) s = advance(s, 250);
    expect(s.status).toBe('stuck');
    expect(s.run.epoch).toBeLessThan(MAX_EPOCHS);
  });

  it('stops once solved with a tiny loss', () => {
    let s = setPlaying(initialTrainer(DEFAULT_TRAINER), true);
    while (s.playing) s = advance(s, 250);
    expect(s.status).toBe('solved');
    expect(s.run.losses.at(-1)!).toBeLessThan(0.001);
  });

  it('starts a fresh run on a valid config change and ignores invalid ones', () => {
    const s = advance(initialTrainer(DEFAULT_TRAINER), 20);
    const c = configure(s, { seed: 9 });
    expect(c.run.epoch).toBe(0);
    expect(c.config.seed).toBe(9);
    expect(configure(s, { lr: -1 })).toBe(s);
    expect(configure(s, { seed: 1.5 })).toBe(s);
    expect(configure(s, { hidden: 7 })).toBe(s);
    expect(reset(s).run.epoch).toBe(0);
    expect(reset(s).run.losses[0]).toBe(s.run.losses[0]);
  });
});
