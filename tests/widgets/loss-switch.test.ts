import { describe, expect, it } from 'vitest';
import { loadMnistNode } from '../../scripts/mnist-node';
import { mnistMatrices } from '../../src/engine/index';
import { stepsTo } from './loss-switch-run';
import { BATCH_SIZE, MnistRun, type OutputName } from '../../components/widgets/mnist/trainer-run';
import {
  configureSwitch,
  firstReaching,
  initialSwitch,
  loading,
  receiveSwitch,
  LR_SETTING,
  runConfig,
  sideResults,
  SWITCH_DEFAULTS,
  SWITCH_LR,
  SWITCH_TARGETS,
  SWITCH_EVAL_EVERY,
  switchStatus,
  verdict,
  type LossSwitchState,
} from '../../components/widgets/mnist/switch-state';
import type { Evaluation } from '../../components/widgets/mnist/trainer-run';

const data = loadMnistNode();

describe('the two sides of the loss switch', () => {
  it('start from the same weights and differ only in the output layer and the loss', () => {
    const se = new MnistRun(data, runConfig(SWITCH_DEFAULTS, 'squared-error'));
    const ce = new MnistRun(data, runConfig(SWITCH_DEFAULTS, 'cross-entropy'));
    const weights = (r: MnistRun) => r.model.linears.map((l) => Array.from(l.weight.value.data));
    expect(weights(ce)).toEqual(weights(se));
    // Before any training the outputs differ only by the sigmoid at the end.
    const a = se.evaluate();
    const b = ce.evaluate();
    expect(b.accuracy).toBe(a.accuracy);
    expect(b.confusion).toEqual(a.confusion);
    // Each is scored by its own loss: ten sigmoids near 0.5 give about 10·0.25 − a little,
    // ten logits near 0 give about ln 10.
    expect(a.loss).toBeGreaterThan(2);
    expect(b.loss).toBeCloseTo(Math.log(10), 0);
    expect(b.loss).not.toBeCloseTo(a.loss, 2);
  });

  it('scores the held-out digits every ten steps, numbered by step', () => {
    const run = new MnistRun(data, { ...runConfig(SWITCH_DEFAULTS, 'cross-entropy'), epochs: 1 });
    const { evaluations, losses } = run.advance(() => run.steps >= 40);
    expect(evaluations.map((e) => e.step)).toEqual([10, 20, 30, 40]);
    expect(SWITCH_EVAL_EVERY).toBe(10 * BATCH_SIZE);
    for (const e of evaluations)
      expect(e.epoch).toBeCloseTo((e.step * BATCH_SIZE) / run.trainCount, 12);
    expect(losses.every((p) => p.step > 0 && p.step <= 40)).toBe(true);
  });

  it('refuses an unknown output and a bad scoring interval with a clear message', () => {
    const base = runConfig(SWITCH_DEFAULTS, 'cross-entropy');
    expect(() => new MnistRun(data, { ...base, output: 'hinge' as OutputName })).toThrow(
      "unknown output 'hinge': expected one of squared-error, cross-entropy",
    );
    expect(() => new MnistRun(data, { ...base, evalEvery: 0 })).toThrow(
      'evalEvery must be a whole number of digits above 0, got 0',
    );
  });
});

describe('what lesson 8 says the student will see', () => {
  it('softmax + cross-entropy reaches 90 % held-out accuracy in fewer steps (default settings)', () => {
    const ce = stepsTo(SWITCH_DEFAULTS, 'cross-entropy');
    const se = stepsTo(SWITCH_DEFAULTS, 'squared-error');
    expect(ce).not.toBeNull();
    expect(se).not.toBeNull();
    expect(ce!).toBeLessThan(se!);
  });

  it('and at every target the page offers, for other seeds and hidden sizes too', () => {
    for (const [seed, hidden] of [
      [2, 16],
      [3, 64],
    ]) {
      for (const target of [0.8, 0.85, 0.9]) {
        const settings = { ...SWITCH_DEFAULTS, seed, hidden, target };
        const ce = stepsTo(settings, 'cross-entropy');
        const se = stepsTo(settings, 'squared-error');
        expect(ce, `seed ${seed}, ${hidden} hidden, ${target}`).not.toBeNull();
        expect(ce!, `seed ${seed}, ${hidden} hidden, ${target}: se ${se}`).toBeLessThan(
          se ?? Infinity,
        );
      }
    }
  });

  it('tripling squared error’s learning rate helps it but leaves it slower on the default seed', () => {
    const se1 = stepsTo(SWITCH_DEFAULTS, 'squared-error');
    const se3 = stepsTo({ ...SWITCH_DEFAULTS, lrSquaredError: 3 }, 'squared-error');
    const ce1 = stepsTo(SWITCH_DEFAULTS, 'cross-entropy');
    expect(se3!).toBeLessThan(se1!);
    expect(ce1!).toBeLessThan(se3!);
  });

  it('with each loss at its own best learning rate, cross-entropy still reaches every target first (seeds 1–3)', () => {
    const best = (output: OutputName, seed: number, target: number) => {
      const all = SWITCH_LR.map((lr) => {
        const settings = { ...SWITCH_DEFAULTS, seed, [LR_SETTING[output]]: lr, target };
        return stepsTo(settings, output) ?? Infinity;
      });
      return Math.min(...all);
    };
    for (const seed of [1, 2, 3]) {
      for (const target of SWITCH_TARGETS) {
        const se = best('squared-error', seed, target);
        const ce = best('cross-entropy', seed, target);
        expect(ce, `seed ${seed}, target ${target}: squared error's best ${se}`).toBeLessThan(se);
      }
    }
  }, 120_000);

  it('at learning rate 5 every squared-error output sinks to 0 and the run stalls below 80 %; cross-entropy reaches 90 %', () => {
    const fast = { ...SWITCH_DEFAULTS, lrSquaredError: 5, lrCrossEntropy: 5 };
    expect(stepsTo({ ...fast, target: 0.8 }, 'squared-error')).toBeNull();
    expect(stepsTo({ ...fast, target: 0.9 }, 'cross-entropy')).not.toBeNull();
    // The reason the lesson gives: saturated sigmoids. After the run, every output on every
    // held-out digit is below 0.01, where squared error's gradient all but vanishes.
    const run = new MnistRun(data, runConfig(fast, 'squared-error'));
    while (!run.progress.done) run.advance(() => false);
    const outputs = run.model.forward(mnistMatrices(data.test).x).data;
    expect(Math.max(...outputs)).toBeLessThan(0.01);
  }, 60_000);
});

const evaluation = (step: number, accuracy: number): Evaluation => ({
  epoch: (step * BATCH_SIZE) / 8000,
  step,
  accuracy,
  loss: 1,
  confusion: [],
  wrong: [],
});

/** Feed a side a start and evaluations at the given (step, accuracy) pairs. */
function fed(
  s: LossSwitchState,
  output: OutputName,
  points: [number, number][],
  done = false,
): LossSwitchState {
  const total = 8000 * s.settings.epochs;
  const progress = (seen: number, d: boolean) => ({ seen, total, epoch: seen / 8000, done: d });
  s = receiveSwitch(s, output, {
    type: 'started',
    run: 1,
    evaluation: evaluation(0, 0.1),
    progress: progress(0, false),
  });
  return receiveSwitch(s, output, {
    type: 'slice',
    run: 1,
    losses: [],
    evaluations: points.map(([step, acc]) => evaluation(step, acc)),
    progress: progress(done ? total : 3200, done),
    trainMs: 100,
  });
}

describe('the switch state', () => {
  it('a new target keeps both runs; any other setting starts over; bad values are ignored', () => {
    let s = fed(initialSwitch(), 'cross-entropy', [[10, 0.5]]);
    const kept = configureSwitch(s, { target: 0.8 });
    expect(kept.runs).toBe(s.runs);
    expect(kept.settings.target).toBe(0.8);
    const fresh = configureSwitch(s, { seed: 4 });
    expect(fresh.runs['cross-entropy'].status).toBe('idle');
    expect(fresh.runs['squared-error'].config).toEqual(
      runConfig({ ...SWITCH_DEFAULTS, seed: 4 }, 'squared-error'),
    );
    for (const bad of [
      { seed: 1.5 },
      { seed: -1 },
      { lrSquaredError: 0 },
      { lrCrossEntropy: NaN },
      { hidden: NaN },
      { target: 0 },
      { target: 1.2 },
    ]) {
      expect(configureSwitch(s, bad), JSON.stringify(bad)).toBe(s);
    }
    s = configureSwitch(s, {
      target: SWITCH_DEFAULTS.target,
      lrCrossEntropy: SWITCH_DEFAULTS.lrCrossEntropy,
    });
    expect(s.runs['cross-entropy'].accuracy).toHaveLength(2);
  });

  it('gives each run its own learning rate, and a new rate for one run starts both over', () => {
    const settings = { ...SWITCH_DEFAULTS, lrSquaredError: 3, lrCrossEntropy: 0.3 };
    expect(runConfig(settings, 'squared-error').lr).toBe(3);
    expect(runConfig(settings, 'cross-entropy').lr).toBe(0.3);
    // Everything else is shared, so both still start from the same weights.
    const shared = (o: OutputName) => ({ ...runConfig(settings, o), lr: 0, output: '' });
    expect(shared('squared-error')).toEqual(shared('cross-entropy'));
    const s = fed(initialSwitch(), 'cross-entropy', [[10, 0.5]]);
    const fresh = configureSwitch(s, { lrSquaredError: 3 });
    expect(fresh.runs['cross-entropy'].status).toBe('idle');
    expect(fresh.runs['squared-error'].config.lr).toBe(3);
    expect(fresh.runs['cross-entropy'].config.lr).toBe(1);
  });

  it('one status for the pair', () => {
    let s = initialSwitch();
    expect(switchStatus(s)).toBe('idle');
    s = loading(s);
    expect(switchStatus(s)).toBe('loading');
    s = fed(s, 'cross-entropy', [], true);
    expect(switchStatus(s)).toBe('loading');
    s = fed(s, 'squared-error', []);
    expect(switchStatus(s)).toBe('training');
    s = receiveSwitch(s, 'squared-error', { type: 'paused', run: 1 });
    expect(switchStatus(s)).toBe('paused');
    s = fed(s, 'squared-error', [], true);
    expect(switchStatus(s)).toBe('done');
    s = receiveSwitch(s, 'squared-error', { type: 'error', message: 'out of memory' });
    expect(switchStatus(s)).toBe('error');
  });

  it('reads the first evaluation at or above the target, a tie included', () => {
    const points = [0, 10, 20, 30].map((step, k) => ({
      step,
      epoch: 0,
      accuracy: [0.1, 0.85, 0.9, 0.95][k],
    }));
    expect(firstReaching(points, 0.9)?.step).toBe(20);
    expect(firstReaching(points, 0.85)?.step).toBe(10);
    expect(firstReaching(points, 0.96)).toBeNull();
  });

  it('says who got there first, and how many times as many steps the other took', () => {
    let s = initialSwitch();
    expect(verdict(s)).toBe('');
    s = fed(s, 'cross-entropy', [
      [10, 0.5],
      [20, 0.88],
    ]);
    s = fed(s, 'squared-error', [[10, 0.4]]);
    expect(verdict(s)).toBe(
      'Neither run has reached a held-out accuracy of 90 % yet (best so far: sigmoid + squared error 40.0 %, softmax + cross-entropy 88.0 %).',
    );
    s = fed(s, 'cross-entropy', [[250, 0.9]]);
    expect(verdict(s)).toBe(
      'Softmax + cross-entropy reached a held-out accuracy of 90 % after 250 steps; sigmoid + squared error has not reached it yet (best so far 40.0 %).',
    );
    s = fed(s, 'squared-error', [
      [460, 0.899],
      [470, 0.9],
    ]);
    expect(verdict(s)).toBe(
      'Softmax + cross-entropy reached a held-out accuracy of 90 % after 250 steps; sigmoid + squared error after 470 steps, 1.9 times as many.',
    );
    s = fed(s, 'squared-error', [[100, 0.5]], true);
    expect(verdict(s)).toBe(
      'Softmax + cross-entropy reached a held-out accuracy of 90 % after 250 steps; sigmoid + squared error never reached it in 5 epochs (best 50.0 %).',
    );
    // Whichever side is first leads the sentence.
    let t = fed(initialSwitch(), 'squared-error', [[30, 0.91]]);
    t = fed(t, 'cross-entropy', [[40, 0.92]]);
    expect(verdict(t)).toMatch(
      /^Sigmoid \+ squared error reached .* after 30 steps; softmax \+ cross-entropy after 40 steps, 1\.3 times as many\.$/,
    );
    t = fed(t, 'cross-entropy', [[30, 0.92]]);
    expect(verdict(t)).toMatch(/reached it at the same step\.$/);
  });

  it('names each run’s learning rate when the two differ', () => {
    let s = initialSwitch({ ...SWITCH_DEFAULTS, lrSquaredError: 3 });
    s = fed(s, 'cross-entropy', [[250, 0.9]]);
    s = fed(s, 'squared-error', [[310, 0.9]]);
    expect(verdict(s)).toBe(
      'Softmax + cross-entropy (learning rate 1) reached a held-out accuracy of 90 % after 250 steps; sigmoid + squared error (learning rate 3) after 310 steps, 1.2 times as many.',
    );
    expect(sideResults(s).map((r) => r.lr)).toEqual([3, 1]);
  });
});
