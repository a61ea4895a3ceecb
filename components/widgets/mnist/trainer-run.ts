/**
 * One training run of the MNIST trainer, advanced in time slices: a 784-h-10 MLP with a
 * sigmoid hidden layer, trained with mini-batch gradient descent on the standard split's
 * training digits and scored on its held-out digits (the two digits files, each row in the
 * split's order, so a run is the same whoever loaded them). Its output layer and loss are one
 * of `OUTPUTS`: chapter 6's sigmoid outputs with the squared error (the engine's 'sse': the
 * sum over the ten outputs, averaged over the batch), or chapter 8's softmax with
 * cross-entropy (linear outputs read as logits; the engine's 'cross-entropy' applies the
 * softmax inside the loss, stably). Runs in the trainer's Web Worker and in Node tests; no DOM.
 *
 * State: the model, the engine's step generator, and running sums for the next loss point.
 * Lifecycle: created per start or reset, advanced by `advance` until `done`. Everything random
 * comes from the seed, and points are recorded at fixed digit counts (never by wall-clock
 * time), so the same config gives the same curves however the slices fall.
 */
import {
  argmaxRows,
  createRng,
  evaluate,
  mlp,
  mnistMatrices,
  sgd,
  trainSteps,
  type MLP,
  type MnistData,
  type MnistSplit,
  type StepInfo,
  type TrainData,
  type ActivationName,
  type LossName,
  type TrainResult,
} from '../../../src/engine/index';

/** The two output layers with their losses that chapter 8 compares. */
export const OUTPUTS = {
  'squared-error': {
    activation: 'sigmoid',
    loss: 'sse',
    label: 'sigmoid + squared error',
  },
  'cross-entropy': {
    activation: 'identity',
    loss: 'cross-entropy',
    label: 'softmax + cross-entropy',
  },
} as const satisfies Record<string, { activation: ActivationName; loss: LossName; label: string }>;

export type OutputName = keyof typeof OUTPUTS;

export interface TrainerConfig {
  hidden: number;
  lr: number;
  seed: number;
  epochs: number;
  /** Output layer and loss; chapter 6's sigmoid + squared error when left out. */
  output?: OutputName;
  /** Score the held-out digits after this many training digits; EVAL_EVERY when left out. */
  evalEvery?: number;
}

export const BATCH_SIZE = 32;
/** A training-loss point is the mean batch loss over this many digits. */
export const LOSS_EVERY = 800;
/** The held-out digits are scored after this many training digits (and at every epoch's end). */
export const EVAL_EVERY = 2000;
/** How many misclassified held-out digits the gallery shows. */
export const GALLERY = 12;

export interface LossPoint {
  /** Epochs of training so far (digits seen / training digits). */
  epoch: number;
  /** Mini-batch steps taken so far. */
  step: number;
  loss: number;
}

export interface WrongDigit {
  /**
   * Its row in the held-out digits, from 0: the digit browser shows it as "held-out digit
   * index + 1".
   */
  index: number;
  label: number;
  predicted: number;
  /** [784] intensities 0…255 */
  pixels: Uint8Array;
}

export interface Evaluation {
  epoch: number;
  /** Mini-batch steps taken before this evaluation. */
  step: number;
  accuracy: number;
  loss: number;
  /** confusion[true label][predicted] counts over the held-out digits */
  confusion: number[][];
  wrong: WrongDigit[];
}

export interface Progress {
  seen: number;
  total: number;
  epoch: number;
  done: boolean;
}

export class MnistRun {
  readonly model: MLP;
  readonly trainCount: number;
  /** The held-out digits, for the gallery's pixels. */
  private readonly heldOut: MnistData;
  private readonly test: TrainData & { labels: number[] };
  private readonly stepper: Generator<StepInfo, TrainResult>;
  private seen = 0;
  private stepCount = 0;
  private finished = false;
  private lossSum = 0;
  private lossDigits = 0;
  private readonly evalEvery: number;
  private readonly loss: LossName;
  private nextEval: number;

  constructor(
    digits: MnistSplit,
    readonly config: TrainerConfig,
  ) {
    this.heldOut = digits.test;
    const train = mnistMatrices(digits.train);
    this.test = mnistMatrices(digits.test);
    this.trainCount = digits.train.count;
    const output = OUTPUTS[config.output ?? 'squared-error'];
    if (!output) {
      throw new Error(
        `unknown output '${String(config.output)}': expected one of ${Object.keys(OUTPUTS).join(', ')}`,
      );
    }
    this.loss = output.loss;
    this.evalEvery = config.evalEvery ?? EVAL_EVERY;
    if (!Number.isInteger(this.evalEvery) || this.evalEvery <= 0) {
      throw new Error(`evalEvery must be a whole number of digits above 0, got ${this.evalEvery}`);
    }
    this.nextEval = this.evalEvery;
    // The same seed draws the same weights and the same batch order whatever the output
    // layer: initialisation does not depend on the activation, so two runs that differ only
    // in `output` start from one network and see the digits in one order.
    const rng = createRng(config.seed);
    this.model = mlp({
      sizes: [digits.train.rows * digits.train.cols, config.hidden, 10],
      activations: ['sigmoid', output.activation],
      rng,
    });
    this.stepper = trainSteps(this.model, train, {
      optimizer: sgd({ lr: config.lr }),
      loss: this.loss,
      epochs: config.epochs,
      batchSize: BATCH_SIZE,
      rng,
    });
  }

  /** Mini-batch steps taken so far. */
  get steps(): number {
    return this.stepCount;
  }

  get progress(): Progress {
    const total = this.trainCount * this.config.epochs;
    return { seen: this.seen, total, epoch: this.seen / this.trainCount, done: this.finished };
  }

  /** Score the model on the held-out digits: accuracy, loss, confusion counts, a gallery. */
  evaluate(): Evaluation {
    const { loss, accuracy } = evaluate(this.model, this.test, this.loss);
    const predicted = argmaxRows(this.model.forward(this.test.x));
    const confusion = Array.from({ length: 10 }, () => new Array<number>(10).fill(0));
    const wrong: WrongDigit[] = [];
    const size = this.heldOut.rows * this.heldOut.cols;
    predicted.forEach((p, i) => {
      const label = this.test.labels[i];
      confusion[label][p]++;
      if (p !== label && wrong.length < GALLERY) {
        wrong.push({
          index: i,
          label,
          predicted: p,
          pixels: this.heldOut.pixels.slice(i * size, (i + 1) * size),
        });
      }
    });
    return {
      epoch: this.seen / this.trainCount,
      step: this.stepCount,
      accuracy,
      loss,
      confusion,
      wrong,
    };
  }

  /**
   * Train until `shouldStop()` says so (checked after every step) or the run ends. Returns the
   * loss points and evaluations recorded on the way.
   */
  advance(shouldStop: () => boolean): { losses: LossPoint[]; evaluations: Evaluation[] } {
    const losses: LossPoint[] = [];
    const evaluations: Evaluation[] = [];
    while (!this.finished) {
      const next = this.stepper.next();
      if (next.done) {
        this.finished = true;
        break;
      }
      const batch = Math.min(BATCH_SIZE, this.trainCount * next.value.epoch - this.seen);
      this.seen += batch;
      this.stepCount++;
      this.lossSum += next.value.loss * batch;
      this.lossDigits += batch;
      const epochEnd = this.seen % this.trainCount === 0;
      if (this.lossDigits >= LOSS_EVERY || epochEnd) {
        losses.push({
          epoch: this.seen / this.trainCount,
          step: this.stepCount,
          loss: this.lossSum / this.lossDigits,
        });
        this.lossSum = 0;
        this.lossDigits = 0;
      }
      if (this.seen >= this.nextEval || epochEnd) {
        evaluations.push(this.evaluate());
        while (this.nextEval <= this.seen) this.nextEval += this.evalEvery;
      }
      if (this.seen >= this.trainCount * this.config.epochs) this.finished = true;
      if (shouldStop()) break;
    }
    return { losses, evaluations };
  }
}
