/**
 * Node-side replay of chapter 8's loss switch, shared by its unit and browser tests: train one
 * side with the page's own config and read the step at which its held-out accuracy first
 * reaches each target the page offers. One run serves every target (the target only changes
 * how the curve is read), and runs are remembered per process.
 */
import { loadMnistNode } from '../../scripts/mnist-node';
import { BATCH_SIZE, MnistRun, type OutputName } from '../../components/widgets/mnist/trainer-run';
import {
  runConfig,
  SWITCH_EVAL_EVERY,
  SWITCH_TARGETS,
  type SwitchSettings,
} from '../../components/widgets/mnist/switch-state';

const EVAL_STEPS = SWITCH_EVAL_EVERY / BATCH_SIZE;
const memo = new Map<string, Map<number, number | null>>();

/** The step at which `output`'s run first scores ≥ settings.target, or null if it never does. */
export function stepsTo(settings: SwitchSettings, output: OutputName): number | null {
  const { target } = settings;
  if (!(SWITCH_TARGETS as readonly number[]).includes(target)) {
    throw new Error(`target ${target} is not one the page offers (${SWITCH_TARGETS.join(', ')})`);
  }
  // Keyed by the run's own config, so the other run's learning rate does not retrain this one.
  const key = JSON.stringify(runConfig(settings, output));
  if (!memo.has(key)) memo.set(key, trainTo(settings, output));
  return memo.get(key)!.get(target)!;
}

function trainTo(settings: SwitchSettings, output: OutputName): Map<number, number | null> {
  const first = new Map<number, number | null>(SWITCH_TARGETS.map((t) => [t, null]));
  const run = new MnistRun(loadMnistNode(), runConfig(settings, output));
  while (!run.progress.done && [...first.values()].includes(null)) {
    // Stop at each scoring, so a run ends as soon as it has crossed every target.
    for (const e of run.advance(() => run.steps % EVAL_STEPS === 0).evaluations) {
      for (const t of SWITCH_TARGETS)
        if (first.get(t) === null && e.accuracy >= t) first.set(t, e.step);
    }
  }
  return first;
}
