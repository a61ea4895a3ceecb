/**
 * The props a lesson gives one <PerceptronPlayground>, read from its MDX, so tests run the
 * widget logic from exactly what the page renders instead of a copy of the numbers.
 */
import { readFileSync } from 'node:fs';
import { gates, type GateName } from '../../src/engine';
import {
  INITIAL_LEARN,
  learnStep,
  score,
  type LearnState,
  type Weights,
} from '../../components/widgets/perceptron/perceptron-logic';

export interface PlaygroundSetup {
  weights: Weights;
  lr: number;
  gate: GateName;
}

/** The playground with this accessible `label` in `content/lessons/<file>`. */
export function playgroundSetup(file: string, label: string): PlaygroundSetup {
  const mdx = readFileSync(`content/lessons/${file}`, 'utf8');
  const tag = [...mdx.matchAll(/<PerceptronPlayground\b([^>]*?)\/>/g)]
    .map((m) => m[1])
    .find((attrs) => attrs.includes(`label="${label}"`));
  if (!tag) throw new Error(`${file}: no <PerceptronPlayground label="${label}">`);
  const weights = /weights=\{(\[[^\]]*\])\}/.exec(tag)?.[1];
  const lr = /lr=\{([^}]*)\}/.exec(tag)?.[1];
  const gate = /gate="(\w+)"/.exec(tag)?.[1];
  if (!weights || !lr || !gate) throw new Error(`${file}: "${label}" needs weights, lr and gate`);
  return { weights: JSON.parse(weights) as Weights, lr: Number(lr), gate: gate as GateName };
}

export interface WidgetEpoch {
  epoch: number;
  errors: number;
  weights: number[];
}

/** Press Step until the widget's rule stops, recording each finished epoch like the engine. */
export function runWidgetRule(setup: PlaygroundSetup, maxSteps = 10_000) {
  let state: { w: Weights; learn: LearnState } = { w: setup.weights, learn: INITIAL_LEARN };
  const history: WidgetEpoch[] = [];
  const n = gates[setup.gate].inputs.length;
  /** The epoch in which the table first showed every input right (null: never). */
  let firstPerfectEpoch: number | null = null;
  for (let s = 0; s < maxSteps; s++) {
    if (state.learn.status === 'converged' || state.learn.status === 'gave-up') break;
    state = learnStep(state.w, setup.gate, state.learn, setup.lr);
    if (firstPerfectEpoch === null && score(state.w, setup.gate) === n) {
      firstPerfectEpoch = state.learn.epoch;
    }
    if (state.learn.next === 0 && state.learn.steps % n === 0) {
      history.push({ epoch: state.learn.epoch, errors: state.learn.errors, weights: [...state.w] });
    }
  }
  return { weights: [...state.w], learn: state.learn, history, firstPerfectEpoch };
}
