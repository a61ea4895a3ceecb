/**
 * One training run of the MNIST trainer, advanced in time slices: a 784-h-10 sigmoid MLP
 * trained with mini-batch gradient descent on the squared error (the engine's 'sse': the
 * chapter's sum over the ten outputs, averaged over the batch), on the standard split's
 * training digits, scored on its held-out digits. Runs in the trainer's Web Worker and in
 * Node tests; no DOM.
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
  standardMnistSplit,
  trainSteps,
  type MLP,
  type MnistData,
  type StepInfo,
  type TrainData,
  type TrainResult,
} from '../../../src/engine/index';

export interface TrainerConfig {
  hidden: number;
  lr: number;
  seed: number;
  epochs: number;
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
  loss: number;
}

export interface WrongDigit {
  index: number;
  label: number;
  predicted: number;
  /** [784] intensities 0…255 */
  pixels: Uint8Array;
}

export interface Evaluation {
  epoch: number;
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
  private readonly data: MnistData;
  private readonly test: TrainData & { labels: number[]; indices: number[] };
  private readonly steps: Generator<StepInfo, TrainResult>;
  private seen = 0;
  private finished = false;
  private lossSum = 0;
  private lossDigits = 0;
  private nextEval = EVAL_EVERY;

  constructor(
    data: MnistData,
    readonly config: TrainerConfig,
  ) {
    this.data = data;
    const split = standardMnistSplit(data);
    const train = mnistMatrices(data, split.train);
    this.test = { ...mnistMatrices(data, split.test), indices: split.test };
    this.trainCount = split.train.length;
    const rng = createRng(config.seed);
    this.model = mlp({
      sizes: [data.rows * data.cols, config.hidden, 10],
      activations: ['sigmoid', 'sigmoid'],
      rng,
    });
    this.steps = trainSteps(this.model, train, {
      optimizer: sgd({ lr: config.lr }),
      loss: 'sse',
      epochs: config.epochs,
      batchSize: BATCH_SIZE,
      rng,
    });
  }

  get progress(): Progress {
    const total = this.trainCount * this.config.epochs;
    return { seen: this.seen, total, epoch: this.seen / this.trainCount, done: this.finished };
  }

  /** Score the model on the held-out digits: accuracy, loss, confusion counts, a gallery. */
  evaluate(): Evaluation {
    const { loss, accuracy } = evaluate(this.model, this.test, 'sse');
    const predicted = argmaxRows(this.model.forward(this.test.x));
    const confusion = Array.from({ length: 10 }, () => new Array<number>(10).fill(0));
    const wrong: WrongDigit[] = [];
    const size = this.data.rows * this.data.cols;
    predicted.forEach((p, i) => {
      const label = this.test.labels[i];
      confusion[label][p]++;
      if (p !== label && wrong.length < GALLERY) {
        const index = this.test.indices[i];
        wrong.push({
          index,
          label,
          predicted: p,
          pixels: this.data.pixels.slice(index * size, (index + 1) * size),
        });
      }
    });
    return { epoch: this.seen / this.trainCount, accuracy, loss, confusion, wrong };
  }

  /**
   * Train until `shouldStop()` says so (checked after every step) or the run ends. Returns the
   * loss points and evaluations recorded on the way.
   */
  advance(shouldStop: () => boolean): { losses: LossPoint[]; evaluations: Evaluation[] } {
    const losses: LossPoint[] = [];
    const evaluations: Evaluation[] = [];
    while (!this.finished) {
      const next = this.steps.next();
      if (next.done) {
        this.finished = true;
        break;
      }
      const batch = Math.min(BATCH_SIZE, this.trainCount * next.value.epoch - this.seen);
      this.seen += batch;
      this.lossSum += next.value.loss * batch;
      this.lossDigits += batch;
      const epochEnd = this.seen % this.trainCount === 0;
      if (this.lossDigits >= LOSS_EVERY || epochEnd) {
        losses.push({ epoch: this.seen / this.trainCount, loss: this.lossSum / this.lossDigits });
        this.lossSum = 0;
        this.lossDigits = 0;
      }
      if (this.seen >= this.nextEval || epochEnd) {
        evaluations.push(this.evaluate());
        while (this.nextEval <= this.seen) this.nextEval += EVAL_EVERY;
      }
      if (this.seen >= this.trainCount * this.config.epochs) this.finished = true;
      if (shouldStop()) break;
    }
    return { losses, evaluations };
  }
}
